import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { InlayHint, Range } from 'vscode-languageserver-protocol';
import { Commands } from '../../protocol/index.js';
import { estimateFailoverTime, estimateWriteLatency } from '../../language/semantics/estimators/index.js';
import { measuredRttMs } from '../../language/semantics/facts/latency.js';
import { formatDuration } from '../../format/quantities.js';
import { mregion, validate } from '../helpers/services.js';
import { factDocUri } from '../../language/validation/rules/docs-link.js';

const fintech = readFileSync(new URL('../../examples/fintech.mregion', import.meta.url), 'utf8');
const EVERYTHING: Range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

async function hints(text: string, range: Range = EVERYTHING): Promise<{ hints: InlayHint[]; lines: string[] }> {
    const { document } = await validate(text);
    const result =
        (await mregion.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() },
            range,
        })) ?? [];
    return { hints: result, lines: text.split('\n') };
}

/** The text of the line up to the hint, then the hint: what a user sees. */
function shown(h: InlayHint, lines: string[]): string {
    return `${lines[h.position.line]!.slice(0, h.position.character)} ⟨${String(h.label)}⟩`;
}

const LINKS = `region us-east-1 { provider aws }
region eu-west-1 { provider aws }
region paris { provider aws  jurisdiction EU  location 48.8566, 2.3522 }
link us-east-1 <-> eu-west-1 { egress $0.02/GB }
link paris <-> eu-west-1 { egress $0.02/GB }
link paris <-> us-east-1 { rtt 80ms }
`;

describe('inlay hints', () => {
    afterEach(() => {
        mregion.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { mregion: {} } });
    });

    it('shows the failover time after the route and the quorum latency after the replication of the fintech example', async () => {
        const { hints: list, lines } = await hints(fintech);
        const { model } = mregion.semantics.Models.modelFor((await validate(fintech)).document);
        const { range } = estimateFailoverTime(model, model.failovers[0]!);
        expect(list.map((h) => shown(h, lines))).toEqual([
            '    replication consensus ⟨≈ 40.5 ms (eu) · ≈ 95 ms (us) quorum write (typical)⟩',
            `    route  dns ttl 60s ⟨${formatDuration(range.bestMs)}–${formatDuration(range.worstMs)} failover, typical ${formatDuration(range.typicalMs)}⟩`,
        ]);
        // Re-homing DynamoDB sessions costs nothing: every replica already accepts writes (docs/facts.md#dynamodb-mrec).
        expect(list[1]!.tooltip).toMatchObject({
            value: expect.stringContaining(
                '1 m–1 m 36 s, typical 1 m 1 s (worst when the failure lands just after a check and a client fetched its answer just before the change: 10 s × 3 + 6 s timeout detection + 1 m TTL)',
            ),
        });
    });

    it('shows the RTT a link without an rtt would use: measured, or estimated from the distance', async () => {
        const { hints: list, lines } = await hints(LINKS);
        expect(list.map((h) => shown(h, lines))).toEqual([
            `link us-east-1 <-> eu-west-1 ⟨rtt ${measuredRttMs('us-east-1', 'eu-west-1')} ms⟩`,
            'link paris <-> eu-west-1 ⟨rtt ≈ 12 ms⟩',
        ]);
        expect(list[0]!.tooltip).toMatchObject({
            value: `measured ([docs/facts.md#cloudping-rtt-matrix](${factDocUri('cloudping-rtt-matrix')}))`,
        });
    });

    it.each([
        ['cosmos-far-strong.mregion', 'profiles', 'strong'],
        ['dynamodb-mrsc.mregion', 'inventory', 'sync'],
        ['cockroachdb-global.mregion', 'tickets', 'quorum'],
    ])(
        'shows the slowest write of the coordinated store in %s as the estimator computes it',
        async (file, storeName, word) => {
            const text = readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');
            const { hints: list } = await hints(text);
            const { model } = mregion.semantics.Models.modelFor((await validate(text)).document);
            const store = model.stores.get(storeName)!;
            const worst = Math.max(...store.regions.map((r) => estimateWriteLatency(model, store, r).ms!));
            // Mean RTTs make a typical figure; Cosmos DB strong's is a documented p99 bound (docs/facts.md#cosmos-strong-write-latency).
            expect(list.map((h) => h.label)).toContain(
                word === 'strong'
                    ? `≤ ${formatDuration(worst)} strong write (p99 bound)`
                    : `≈ ${formatDuration(worst)} ${word} write (typical)`,
            );
        },
    );

    // Worked out by hand from the facts; the RTTs are the measured matrix (docs/facts.md#cloudping-rtt-matrix) unless said otherwise.
    it.each([
        // Sync (MRSC) waits for the nearest other replica: from us-west-2 that is us-east-2 at 62 ms (us-east-1 is
        // 78 ms); from us-east-1 and us-east-2 it is each other at 17 ms. The slowest: 62 ms. Health check every 10 s,
        // threshold 3, 6 s timeout: 26–36 s (the failure lands just before / just after a check), then up to the
        // ARC-flipped records' 60 s TTL (docs/facts.md#arc-routing-control): 26–96 s, typical 25 + 6 + 30 = 61 s.
        {
            file: 'dynamodb-mrsc.mregion',
            labels: ['≈ 62 ms sync write (typical)', '26 s–1 m 36 s failover, typical 1 m 1 s'],
        },
        // REGION survival, leader us-east-1: voters us-east-1 ×2, eu-west-1 ×2, ap-northeast-1; the quorum of 3
        // closes at eu-west-1 (76 ms). Tokyo first travels to the leader (163 ms): 239 ms, the slowest (docs/facts.md#cockroachdb-multi-region).
        // Failover through Global Accelerator: detection alone, 26–36 s, typical 31 s.
        {
            file: 'cockroachdb-global.mregion',
            labels: ['≈ 239 ms quorum write (typical)', '26–36 s failover, typical 31 s'],
        },
        // Cosmos DB strong (docs/facts.md#cosmos-strong-write-latency): forward to the write region, then 2 × RTT of the farthest pair + 10 ms. Azure
        // regions are not in the measured table: Ashburn ↔ Tokyo is ≈ 10,870 km great-circle × 1.6 ms per 100 km
        // = 174 ms (docs/facts.md#rtt-from-distance), so 174 + 2 × 174 + 10 = 532 ms.
        { file: 'cosmos-far-strong.mregion', labels: ['≤ 532 ms strong write (p99 bound)'] },
        // Quorum 2 of 3 per cell, led from each cell's first region: eu-west-1's quorum closes at eu-west-3 (12.5 ms,
        // great-circle estimate), so eu-central-1 pays 28 + 12.5 = 40.5 ms; us-east-1's at us-east-2 (17 ms), so
        // us-west-2 pays 78 + 17 = 95 ms. Failover: health check 20–30 s + 6 s timeout + 0–60 s TTL = 26–96 s, typical 61 s,
        // floored at the warm-standby tier's 1 m (docs/facts.md#dr-strategy-recovery-time): 1 m–1 m 36 s;
        // re-homing DynamoDB sessions adds nothing, as every replica already accepts writes (docs/facts.md#dynamodb-mrec).
        {
            file: 'fintech.mregion',
            labels: ['≈ 40.5 ms (eu) · ≈ 95 ms (us) quorum write (typical)', '1 m–1 m 36 s failover, typical 1 m 1 s'],
        },
    ])('shows the figures worked out by hand for $file', async ({ file, labels }) => {
        const text = readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8');
        expect((await hints(text)).hints.map((h) => h.label)).toEqual(labels);
    });

    it('estimates Ashburn ↔ Tokyo as the cosmos case above says: ≈ 10,870 km, 174 ms', () => {
        // Haversine over the cities' coordinates (facts regions table), Earth radius 6,371 km.
        const rad = Math.PI / 180;
        const [lat1, lon1, lat2, lon2] = [39.0438 * rad, -77.4874 * rad, 35.6762 * rad, 139.6503 * rad];
        const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
        const km = 2 * 6_371 * Math.asin(Math.sqrt(h));
        expect(Math.round(km / 10) * 10).toBe(10_870);
        expect(Math.round(3 * 0.016 * km + 10)).toBe(532);
    });

    it('shows nothing for a store that acknowledges writes locally', async () => {
        const { hints: list } = await hints(
            'region a { provider aws }\nregion b { provider aws }\nstore s {\n    engine dynamodb\n    regions a, b\n}',
        );
        expect(list).toEqual([]);
    });

    it('returns only the hints inside the requested range', async () => {
        const { hints: list, lines } = await hints(LINKS, {
            start: { line: 4, character: 0 },
            end: { line: 4, character: 40 },
        });
        expect(list.map((h) => shown(h, lines))).toEqual(['link paris <-> eu-west-1 ⟨rtt ≈ 12 ms⟩']);
    });

    it('shows nothing when mregion.inlayHints.enabled is false', async () => {
        mregion.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { mregion: { inlayHints: { enabled: false } } },
        });
        expect((await hints(fintech)).hints).toEqual([]);
    });
});

describe('code lenses', () => {
    it('offers Export to CDK and Show topology above the topology and ▶ Simulate above each scenario', async () => {
        const { document } = await validate(fintech);
        const uri = document.uri.toString();
        const lenses = (await mregion.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri } })) ?? [];
        const topologyLine = fintech.split('\n').findIndex((l) => l.startsWith('topology'));
        const scenarioLine = fintech.split('\n').findIndex((l) => l.startsWith('scenario'));
        expect(
            lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
        ).toEqual([
            [topologyLine, 'Export to CDK', Commands.exportCdk, [uri]],
            [topologyLine, 'Show topology', Commands.showTopology, [uri]],
            [scenarioLine, '▶ Simulate', Commands.runSimulation, [uri, 'us-east-1-outage']],
        ]);
    });

    it('anchors the design lenses on the first declaration of a file without a topology', async () => {
        const { document } = await validate('\n\nregion a { provider aws  jurisdiction US }');
        const lenses =
            (await mregion.lsp.CodeLensProvider!.provideCodeLens(document, {
                textDocument: { uri: document.uri.toString() },
            })) ?? [];
        expect(lenses.map((l) => [l.range.start.line, l.command?.title])).toEqual([
            [2, 'Export to CDK'],
            [2, 'Show topology'],
        ]);
    });

    it.each([
        [
            'one error',
            'topology T\nregion a { provider aws }\nstore s { engine dynamodb  regions b  holds per-user rows }\n',
            'Export to CDK: fix the error first',
        ],
        [
            'two errors',
            'topology T\nregion a { provider aws }\nstore s { engine dynamodb  regions b, c  holds per-user rows }\n',
            'Export to CDK: fix the 2 errors first',
        ],
    ])(
        'says why the export cannot run on a file with %s, and opens the Problems panel instead',
        async (_, text, title) => {
            const { document, diagnostics } = await validate(text);
            expect(diagnostics.filter((d) => d.severity === 1).map((d) => d.code)).toEqual(
                title.includes('2') ? ['unresolved-reference', 'unresolved-reference'] : ['unresolved-reference'],
            );
            const lenses =
                (await mregion.lsp.CodeLensProvider!.provideCodeLens(document, {
                    textDocument: { uri: document.uri.toString() },
                })) ?? [];
            expect(lenses.map((l) => [l.command?.title, l.command?.command])).toEqual([
                [title, 'workbench.actions.view.problems'],
                ['Show topology', Commands.showTopology],
            ]);
        },
    );

    it("does not make the server depend on the client's commands: the server executes none of them", () => {
        const handled = mregion.shared.lsp.ExecuteCommandHandler?.commands ?? [];
        expect(handled.filter((c) => Object.values(Commands).includes(c as never))).toEqual([]);
    });
});
