// rpo-unachievable, whole findings: the full message, where it points and what it links to. The rule-cases table
// (recovery-rules.test.ts) checks fragments only; here each loss window is worked by hand from
// docs/rules/rpo-unachievable.md — a declared lag is one figure, a backup every B loses 0 to B (worst B), an engine's
// default lag is typical with no worst end, one region without backups loses everything — and the sentence on RPO 0
// appears only for an objective of 0.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../language/validation/rules/catalog.js';
import { diagnosticsOf, textAt } from './rule-cases.js';

const REGIONS = `topology Orders
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
`;

/** The diagnostics of the design: [code, text it is on, message, [related text, related message]…]. */
async function all(design: string) {
    const { text, diagnostics } = await diagnosticsOf(`${REGIONS}${design}`);
    return diagnostics.map((d) => ({
        code: String(d.code),
        severity: d.severity,
        at: textAt(text, d),
        message: d.message,
        related: (d.relatedInformation ?? []).map((r) => [
            textAt(text, { range: r.location.range } as never),
            r.message,
        ]),
    }));
}

/** The rule's findings, in a design the language itself accepts (no error but those of the design rules). */
async function findings(design: string) {
    const found = await all(design);
    expect(found.filter((d) => d.severity === 1 && !(d.code in RULES)).map((d) => d.message)).toEqual([]);
    return found
        .filter((d) => d.code === 'rpo-unachievable')
        .map(({ at, message, related }) => ({ at, message, related }));
}

const ASYNC_5S =
    'store db { engine postgres regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async lag 5s consistency session }';
const ONE_REGION = 'store db { engine postgres regions us-east-1 holds shared rows }';

describe('rpo-unachievable', () => {
    it.each([
        {
            // A declared lag is one figure: best = typical = worst = 5 s, so no span is shown; 5 s > 1 s.
            name: 'says a declared 5 s lag costs up to 5 s, and points at the replication',
            design: `${ASYNC_5S}\nservice orders { regions us-east-1, us-west-2 posture active-active uses db objective rpo 1s }`,
            expected: [
                {
                    at: 'rpo 1s',
                    message:
                        'RPO objective 1 s, but a region loss can cost db up to 5 s of acknowledged writes (judged: the worst case): asynchronous replication lags ≈ 5 s behind: an unplanned failover loses the writes not yet replicated.',
                    related: [['replication async lag 5s', "db's replication"]],
                },
            ],
        },
        {
            // A backup every 1 h loses 0 to 1 h; the worst, 1 h, is over 15 m. The store's own objective calls it "it";
            // with no replication clause the link goes to the backup.
            name: 'says hourly backups cost a store up to 1 h, and points at the backup',
            design: 'store db { engine postgres regions us-east-1 holds shared rows backup every 1h objective rpo 15m }',
            expected: [
                {
                    at: 'rpo 15m',
                    message:
                        'RPO objective 15 m, but a region loss can cost it up to 1 h of acknowledged writes (judged: the worst case of 0–1 h): the data is only in us-east-1; the last copy elsewhere is a backup every 1 h.',
                    related: [['backup every 1h', "db's replication"]],
                },
            ],
        },
        {
            // One region, no backup: no copy anywhere else, so no figure at all; the link goes to the regions.
            name: 'says a single-region store without backups can lose everything, and points at its regions',
            design: `${ONE_REGION}\nservice orders { regions us-east-1 uses db objective rpo 1m }`,
            expected: [
                {
                    at: 'rpo 1m',
                    message:
                        'RPO objective 1 m, but a region loss can cost db everything written since its last copy: the data is only in us-east-1 and no backup is declared: a region loss loses it all.',
                    related: [['regions us-east-1', "db's replication"]],
                },
            ],
        },
        {
            // Aurora Global's lag, 1 s, is typical and unbounded (docs/facts.md#aurora-global-lag): the typical end is
            // judged and said so, with no span; an objective of 0 adds what RPO 0 needs.
            name: 'says an RPO of 0 needs synchronous replication when the typical lag is judged',
            design:
                'store db { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }\n' +
                'service orders { regions us-east-1, us-west-2 posture active-active uses db objective rpo 0s }',
            expected: [
                {
                    at: 'rpo 0s',
                    message:
                        'RPO objective 0 ms, but a region loss can cost db typically 1 s of acknowledged writes (judged: the typical case — no source bounds the worst): asynchronous replication lags ≈ 1 s behind (typical, not a bound): an unplanned failover loses the writes not yet replicated. RPO 0 needs synchronous replication or consensus',
                    related: [['regions us-east-1, us-west-2', "db's replication"]],
                },
            ],
        },
        {
            // ledger replicates by consensus over three regions (0); db alone misses the objective.
            name: 'judges each store a service uses on its own',
            design: `${ONE_REGION}
store ledger { engine cockroachdb regions us-east-1, us-east-2, us-west-2 holds shared rows }
service orders { regions us-east-1, us-west-2 posture active-active uses ledger, db objective rpo 1m }`,
            expected: [
                {
                    at: 'rpo 1m',
                    message:
                        'RPO objective 1 m, but a region loss can cost db everything written since its last copy: the data is only in us-east-1 and no backup is declared: a region loss loses it all.',
                    related: [['regions us-east-1', "db's replication"]],
                },
            ],
        },
        {
            // 5 s against an objective of exactly 5 s: an objective equal to the judged end passes.
            name: 'passes an objective equal to the declared lag',
            design: `${ASYNC_5S}\nservice orders { regions us-east-1, us-west-2 posture active-active uses db objective rpo 5s }`,
            expected: [],
        },
        {
            // Only an RTO objective: nothing to judge the loss window against.
            name: 'says nothing without an RPO objective',
            design: `${ONE_REGION}\nservice orders { regions us-east-1 uses db objective rto 5m }`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings(design)).toEqual(expected);
    });

    it('leaves asynchronous replication without a lag to the missing-lag error', async () => {
        // postgres documents no default lag: the builder asks for one, and the rule has no figure to judge.
        const design =
            'store db { engine postgres regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 replication async consistency session objective rpo 1s }';
        const found = await all(design);
        expect(found.filter((d) => d.code === 'missing-property').map((d) => d.at)).toEqual(['replication async']);
        expect(found.filter((d) => d.code === 'rpo-unachievable')).toEqual([]);
    });
});

// Per-cell instances share one declaration: a finding said the same in every cell is one diagnostic without a cell
// suffix, and findings that differ between cells each name their cell.
describe('rpo-unachievable on per-cell declarations', () => {
    const CELLS = 'cell c1 { regions us-east-1 }\ncell c2 { regions us-west-2 }\n';
    const noCopy = (store: string, region: string) =>
        `RPO objective 1 m, but a region loss can cost ${store} everything written since its last copy: the data is only in ${region} and no backup is declared: a region loss loses it all.`;

    it.each([
        {
            // Two global single-region stores, each short in both cells: two findings at one objective, each said once.
            name: 'says each store’s shortfall once when a per-cell service uses two of them',
            design: `${CELLS}${ONE_REGION}
store audit { engine postgres regions us-west-2 holds shared rows }
service orders per cell { uses db, audit objective rpo 1m }`,
            expected: [
                {
                    at: 'rpo 1m',
                    message: noCopy('db', 'us-east-1'),
                    related: [['regions us-east-1', "db's replication"]],
                },
                {
                    at: 'rpo 1m',
                    message: noCopy('audit', 'us-west-2'),
                    related: [['regions us-west-2', "audit's replication"]],
                },
            ],
        },
        {
            // A per-cell store takes its regions from each cell, so each cell's copy is only in that cell's region:
            // the messages differ and each names its cell. The store writes no regions, replication or backup, so the
            // link goes to its engine.
            name: 'names the cell of each finding when a per-cell store differs between cells',
            design: `${CELLS}store db per cell { engine postgres holds shared rows objective rpo 1m }`,
            expected: [
                {
                    at: 'rpo 1m',
                    message: `${noCopy('it', 'us-east-1')} (cell c1)`,
                    related: [['engine postgres', "db's replication"]],
                },
                {
                    at: 'rpo 1m',
                    message: `${noCopy('it', 'us-west-2')} (cell c2)`,
                    related: [['engine postgres', "db's replication"]],
                },
            ],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await findings(design)).toEqual(expected);
    });
});
