// A store's hover leads with the answer — its worst write, its RPO and its monthly egress — before the detail, and
// says what is true of a store whose writes wait for no other region instead of "≈ 0 ms at worst".
import { describe, expect, it } from 'vitest';
import { estimateMonthlyEgress, estimateRpo, estimateWriteLatency } from '../../language/semantics/estimators/index.js';
import { formatDuration, formatUsd } from '../../format/quantities.js';
import { modelOf } from '../helpers/services.js';
import { hoverAt } from './lsp-helpers.js';

const REGIONS =
    'topology T\nregion us-east-1 { provider aws  jurisdiction US }\nregion eu-west-1 { provider aws  jurisdiction EU }\n';
const WORKLOAD = (store: string) =>
    `\nworkload w for ${store} {\n    writes    100/s from us-east-1 50%, eu-west-1 50%\n    keys      1000 shared 0%\n    item-size 1KB\n}\n`;

const cases = [
    {
        name: 'a consensus store across two continents',
        store: 'ledger',
        text: `${REGIONS}store ledger {\n    engine      cockroachdb\n    regions     us-east-1, eu-west-1\n    holds       shared rows\n    writes      any-region\n    replication consensus\n    leader      us-east-1\n}\n${WORKLOAD('ledger')}`,
    },
    {
        name: 'a single-region store, whose writes wait for no other region',
        store: 'cache',
        text: `${REGIONS}store cache {\n    engine      redis\n    regions     us-east-1\n    holds       per-user document\n    writes      primary\n    replication none\n    consistency eventual\n}\n${WORKLOAD('cache')}`,
    },
];

describe('the first line of a store hover', () => {
    for (const c of cases) {
        it(`for ${c.name} gives the worst write, the RPO and the monthly egress, then the detail`, async () => {
            const hover =
                (await hoverAt(
                    c.text.replace(`store ${c.store}`, `store ${c.store.slice(0, 2)}<|>${c.store.slice(2)}`),
                )) ?? '';
            const { model } = await modelOf(c.text);
            const store = model.stores.get(c.store)!;
            const worst = Math.max(...store.regions.map((r) => estimateWriteLatency(model, store, r).ms!));
            const rpo = estimateRpo(store);
            const egress = estimateMonthlyEgress(model, store).usdPerMonth;
            const lead = hover.split('\n').find((l) => l.startsWith('Writes: '));
            // Over mean RTTs the slowest origin's write is a typical figure, and says so.
            const writes =
                worst === 0 ? 'no write waits for another region' : `≈ ${formatDuration(worst)} typical, from `;
            expect(lead).toContain(`Writes: **${writes}`);
            const r = rpo.range;
            const rpoText =
                rpo.ms === undefined
                    ? 'everything since the last copy'
                    : r?.worstMs === undefined
                      ? `${formatDuration(r!.typicalMs)} typical, no documented bound`
                      : r.bestMs !== r.worstMs
                        ? `${r.bestMs === 0 ? '0' : formatDuration(r.bestMs)}–${formatDuration(r.worstMs)}, typical ${formatDuration(r.typicalMs)}`
                        : formatDuration(rpo.ms);
            expect(lead).toContain(`RPO: **${rpoText}**`);
            expect(lead).toContain(`egress: **≈ ${formatUsd(egress!)}/month**`);
            expect(hover.indexOf(lead!)).toBeLessThan(hover.indexOf('- Write latency:'));
            expect(hover).not.toContain('≈ 0 ms at worst');
        });
    }

    it('the single-region store really writes nowhere else (the case is not vacuous)', async () => {
        const { model } = await modelOf(cases[1]!.text);
        const store = model.stores.get('cache')!;
        expect(store.regions.map((r) => estimateWriteLatency(model, store, r).ms)).toEqual([0]);
    });
});
