// Which end of a range the rules judge: the worst by default, the typical one with `judge: "typical"` in
// .mregion.json or the `mregion.judge` setting (which wins). Each design below passes under one and fails under
// the other, or behaves the same under both; the messages say which case was judged.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InitializeParams } from 'vscode-languageserver-protocol';
import { createMregionServices } from '../../language/mregion-module.js';
import type { Judge } from '../../language/semantics/estimators/range.js';
import { parseJudge } from '../../language/validation/config/judge-setting.js';
import { RULE_REGISTRY } from '../../language/validation/rules/registry.js';
import { runRules } from '../../language/validation/rules/runner.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `topology T
region us-east-1 {}
region us-west-2 {}
`;

/** A DNS failover: health checks every 10 s × 3 with no timeout (20–30 s), then a 60 s TTL (0–60 s): 20–90 s, typical 55 s. */
const dnsFailover = (
    rto: string,
) => `${REGIONS}service api { regions us-east-1, us-west-2  primary us-east-1  posture active-active  capacity 100% per region  objective rto ${rto} }
failover api { detect health-check every 10s threshold 3 timeout 0s  route dns ttl 60s  drill every 30d }
`;

/** A single-region store backed up hourly: it loses 0–1 h of writes, typically 30 min. */
const hourlyBackup = (
    rpo: string,
) => `${REGIONS}store db { engine postgres  regions us-east-1  holds shared rows  backup every 1h  objective rpo ${rpo} }
`;

/** Aurora Global's lag is typical (1 s), not a bound: no worst end, so both judges use the typical lag. */
const aurora = (
    rpo: string,
) => `${REGIONS}store db { engine aurora  regions us-east-1, us-west-2  holds shared rows  writes primary us-east-1  consistency session  objective rpo ${rpo} }
`;

/** A consensus write from Tokyo: 163 ms to the leader in us-east-1 + 76 ms quorum = 239 ms over mean RTTs (no p99 sourced). */
const tickets = (objective: string) => `topology T
region us-east-1 {}
region eu-west-1 {}
region ap-northeast-1 {}
store tickets { engine cockroachdb  regions us-east-1, eu-west-1, ap-northeast-1  holds shared rows  leader us-east-1  survive region  consistency strong }
service box { regions us-east-1, eu-west-1, ap-northeast-1  posture active-active  capacity 50% per region  uses tickets  objective ${objective} }
`;

const cases: {
    name: string;
    code: 'rto-unachievable' | 'rpo-unachievable' | 'write-latency-budget';
    text: string;
    worst: string | undefined;
    typical: string | undefined;
}[] = [
    {
        name: 'an RTO of 70 s passes the typical 55 s and fails the worst 90 s',
        code: 'rto-unachievable',
        text: dnsFailover('70s'),
        worst: '(judged: the worst case, 1 m 30 s)',
        typical: undefined,
    },
    {
        name: 'an RTO of 2 minutes passes both',
        code: 'rto-unachievable',
        text: dnsFailover('2m'),
        worst: undefined,
        typical: undefined,
    },
    {
        name: 'an RTO of 50 s fails both, each saying which case it judged',
        code: 'rto-unachievable',
        text: dnsFailover('50s'),
        worst: '(judged: the worst case, 1 m 30 s)',
        typical: '(judged: the typical case, 55 s)',
    },
    {
        name: 'an RPO of 45 minutes passes the typical 30 min of an hourly backup and fails the worst hour',
        code: 'rpo-unachievable',
        text: hourlyBackup('45m'),
        worst: 'up to 1 h of acknowledged writes (judged: the worst case of 0–1 h)',
        typical: undefined,
    },
    {
        name: 'an RPO of 10 minutes fails both for an hourly backup',
        code: 'rpo-unachievable',
        text: hourlyBackup('10m'),
        worst: '(judged: the worst case of 0–1 h)',
        typical: 'typically 30 m of acknowledged writes (judged: the typical case of 0–1 h)',
    },
    {
        name: 'an RPO of 2 s passes Aurora’s typical lag under both (nothing bounds its worst)',
        code: 'rpo-unachievable',
        text: aurora('2s'),
        worst: undefined,
        typical: undefined,
    },
    {
        name: 'an RPO of 500 ms fails Aurora’s typical lag under both, saying the worst is unbounded',
        code: 'rpo-unachievable',
        text: aurora('500ms'),
        worst: '(judged: the typical case — no source bounds the worst)',
        typical: '(judged: the typical case)',
    },
    {
        name: 'a p99 write-latency objective of 200 ms fails the typical 239 ms under both (the links’ p99 is not sourced)',
        code: 'write-latency-budget',
        text: tickets('write-latency p99 200ms'),
        worst: 'waits ≈ 239 ms',
        typical: 'objective of 200 ms (judged: the typical case)',
    },
    {
        name: 'a p99 write-latency objective of 250 ms passes under both',
        code: 'write-latency-budget',
        text: tickets('write-latency p99 250ms'),
        worst: undefined,
        typical: undefined,
    },
];

describe('judging the worst or the typical end', () => {
    it.each(cases)('$name', async (c) => {
        const { model } = await modelOf(c.text);
        for (const judge of ['worst', 'typical'] as const satisfies readonly Judge[]) {
            const found = runRules(model, [RULE_REGISTRY[c.code]], { judge }).map((d) => d.message);
            const expected = c[judge];
            if (expected === undefined) expect(found, `judge ${judge}`).toEqual([]);
            else {
                expect(found, `judge ${judge}`).toHaveLength(1);
                expect(found[0]).toContain(expected);
            }
        }
    });
});

describe('the judge setting', () => {
    it.each([
        ['"worst"', 'worst', []],
        ['"typical"', 'typical', []],
        ['null (the editor default: not set)', null, []],
    ] as const)('reads %s', (_what, value, problems) => {
        expect(parseJudge(value, 'setting mregion.judge')).toEqual({ ...(value ? { judge: value } : {}), problems });
    });

    it.each([
        ['"best"', 'best'],
        ['a number', 3],
        ['an object', { judge: 'worst' }],
    ])('reports %s, naming the values it takes', (_what, value) => {
        expect(parseJudge(value, 'setting mregion.judge').problems).toEqual([
            `setting mregion.judge must be "worst" or "typical" (which end of an estimate's range the rules judge), not ${JSON.stringify(value)}`,
        ]);
    });
});

describe('judge in .mregion.json and mregion.judge', () => {
    let root: string;
    beforeAll(() => {
        root = mkdtempSync(path.join(tmpdir(), 'mregion-judge-'));
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    let counter = 0;

    async function open(config: string | undefined) {
        const folder = path.join(root, `p${++counter}`);
        mkdirSync(folder, { recursive: true });
        if (config !== undefined) writeFileSync(path.join(folder, '.mregion.json'), config);
        const design = path.join(folder, 'api.mregion');
        writeFileSync(design, dnsFailover('70s'));
        const { shared } = createMregionServices(NodeFileSystem);
        shared.workspace.WorkspaceManager.initialize({
            workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'project' }],
        } as InitializeParams);
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(design));
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        return { shared, document };
    }
    const rto = (d: LangiumDocument) =>
        (d.diagnostics ?? []).filter((x) => x.code === 'rto-unachievable').map((x) => String(x.message));
    const configProblems = (d: LangiumDocument) =>
        (d.diagnostics ?? []).filter((x) => x.code === 'invalid-config').map((x) => String(x.message));

    it.each([
        { name: 'judges the worst case without a .mregion.json', config: undefined, flagged: true },
        { name: 'judges the typical case with judge "typical"', config: '{ "judge": "typical" }', flagged: false },
        {
            name: 'judges the worst case with judge "worst"',
            config: '{ "judge": "worst", "rules": {} }',
            flagged: true,
        },
    ])('$name', async ({ config, flagged }) => {
        const { document } = await open(config);
        expect(configProblems(document)).toEqual([]);
        expect(rto(document)).toHaveLength(flagged ? 1 : 0);
    });

    it('reports a judge that does not exist and keeps judging the worst case', async () => {
        const { document } = await open('{ "judge": "median" }');
        expect(configProblems(document)).toHaveLength(1);
        expect(configProblems(document)[0]).toContain('"judge" must be "worst" or "typical"');
        expect(rto(document)).toHaveLength(1);
    });

    it('lets the mregion.judge setting win over .mregion.json, and re-checks when it changes', async () => {
        const { shared, document } = await open('{ "judge": "worst" }');
        expect(rto(document)).toHaveLength(1);
        const rechecked = new Promise<void>((resolve) => {
            const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
                listener.dispose();
                resolve();
            });
        });
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { mregion: { judge: 'typical' } } });
        await rechecked;
        expect(rto(document)).toEqual([]);
    });
});
