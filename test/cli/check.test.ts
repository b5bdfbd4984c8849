// `mregion check` in process: the three formats, exit codes, --max-warnings and .mregion.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMaxWarnings, runCheck } from '../../cli/commands/check.js';
import { UsageError } from '../../cli/workspace.js';
import { RULE_CODES } from '../../language/validation/rules/catalog.js';
import { ROOT } from '../helpers/bundles.js';
import { sarifErrors } from './sarif-schema.js';

const example = (name: string) => path.join(ROOT, 'examples', `${name}.mregion`);

async function check(inputs: string[], options: Parameters<typeof runCheck>[1]) {
    let out = '';
    let err = '';
    const exitCode = await runCheck(
        inputs,
        options,
        (t) => {
            out += t;
        },
        false,
        (t) => {
            err += t;
        },
    );
    return { exitCode, out, err };
}

const temp = mkdtempSync(path.join(tmpdir(), 'mregion-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('mregion check', () => {
    const exitCases: { name: string; files: string[]; maxWarnings?: number; exitCode: number }[] = [
        { name: 'exits 0 for a design with no problems', files: ['netflix'], exitCode: 0 },
        { name: 'exits 0 for infos only', files: ['fintech'], exitCode: 0 },
        { name: 'exits 1 for a design with an error', files: ['aurora-false-strong'], exitCode: 1 },
        { name: 'exits 0 for a warning without --max-warnings', files: ['aurora-warm-standby'], exitCode: 0 },
        {
            name: 'exits 1 when warnings exceed --max-warnings 0',
            files: ['aurora-warm-standby'],
            maxWarnings: 0,
            exitCode: 1,
        },
        {
            name: 'exits 0 when warnings equal --max-warnings 1',
            files: ['aurora-warm-standby'],
            maxWarnings: 1,
            exitCode: 0,
        },
    ];
    for (const c of exitCases) {
        it(c.name, async () => {
            const { exitCode, err } = await check(c.files.map(example), { format: 'text', maxWarnings: c.maxWarnings });
            expect(exitCode).toBe(c.exitCode);
            if (c.maxWarnings !== undefined && c.exitCode === 1)
                expect(err).toBe('1 warning, more than --max-warnings 0');
        });
    }

    it('prints compiler-style text with the rule code and its numbers', async () => {
        const { out } = await check([example('aurora-false-strong')], { format: 'text' });
        expect(out).toContain(
            'aurora-false-strong.mregion:15:5 error strong-needs-sync consistency strong, but ledger-db replicates to us-west-2 asynchronously (≈ 1 s behind, docs/facts.md#aurora-global-lag)',
        );
        expect(out).toMatch(/1 error in 1 file$/);
    });

    it('prints JSON with zero-based ranges', async () => {
        const { out } = await check([example('dynamodb-mrec-cart')], { format: 'json' });
        const [file] = JSON.parse(out);
        expect(file.diagnostics).toEqual([
            expect.objectContaining({
                code: 'lww-on-shared-state',
                severity: 'warning',
                range: { start: { line: 13, character: 4 }, end: { line: 13, character: 22 } },
            }),
        ]);
    });

    it('writes SARIF 2.1.0 that validates against the official schema, for every example at once', async () => {
        const files =
            RULE_CODES.length > 0
                ? [
                      'aurora-false-strong',
                      'aurora-warm-standby',
                      'cloudflare',
                      'cockroachdb-global',
                      'control-plane-2021',
                      'cosmos-far-strong',
                      'dynamodb-mrec-cart',
                      'dynamodb-mrsc',
                      'fintech',
                      'gray-payment-dependency',
                      'netflix',
                      's3-2017-us-east-1',
                      'shopify-pods',
                  ]
                : [];
        const { out, exitCode } = await check(files.map(example), { format: 'sarif', version: '1.2.3' });
        const log = JSON.parse(out);
        expect(sarifErrors(log)).toEqual([]);
        const run = log.runs[0];
        expect(run.tool.driver).toEqual(expect.objectContaining({ name: 'mregion', semanticVersion: '1.2.3' }));
        expect(run.invocations).toEqual([{ executionSuccessful: true, exitCode }]);
        const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
        expect(ids).toEqual(
            expect.arrayContaining([...RULE_CODES, 'syntax-error', 'rule-failed', 'invalid-suppression']),
        );
        for (const result of run.results) {
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
            expect(result.locations[0].physicalLocation.artifactLocation).toEqual(
                expect.objectContaining({ uriBaseId: '%SRCROOT%' }),
            );
        }
        expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(
            expect.arrayContaining([
                'strong-needs-sync',
                'control-plane-failover',
                'lww-on-shared-state',
                'strong-distance-limit',
            ]),
        );
    });

    it('describes each design rule in SARIF with its documentation page and help text', async () => {
        const { out } = await check([example('netflix')], { format: 'sarif' });
        const rules = JSON.parse(out).runs[0].tool.driver.rules as {
            id: string;
            helpUri?: string;
            help?: { text: string; markdown?: string };
            fullDescription: { text: string };
            defaultConfiguration: { level: string };
        }[];
        const ttl = rules.find((r) => r.id === 'dns-ttl-too-long')!;
        expect(ttl.helpUri).toMatch(/^file:\/\/.*\/docs\/rules\/dns-ttl-too-long\.md$/);
        expect(ttl.help?.text).toBe('Set the TTL to 60 s. Quick fixes in the editor: set TTL 60s.');
        expect(ttl.help?.markdown).toContain('# dns-ttl-too-long');
        expect(ttl.defaultConfiguration.level).toBe('warning');
        expect(rules.find((r) => r.id === 'unknown-latency')!.defaultConfiguration.level).toBe('note');
    });

    it('keeps suppressed findings in SARIF, marked suppressed in source with their reason', async () => {
        const folder = mkdtempSync(path.join(temp, 'suppressed-'));
        const design = path.join(folder, 'web.mregion');
        writeFileSync(
            design,
            `topology Web
region us-east-1 {}
region us-west-2 {}
service web { regions us-east-1, us-west-2 posture active-active capacity 100% per region }
// mregion-ignore dns-ttl-too-long: the partner's resolvers pin 300 s whatever we set
failover web { route dns ttl 300s drill every 30d }
`,
        );
        const { out, exitCode } = await check([design], { format: 'sarif', maxWarnings: 0 });
        const log = JSON.parse(out);
        expect(sarifErrors(log)).toEqual([]);
        expect(exitCode).toBe(0);
        expect(log.runs[0].results).toEqual([
            expect.objectContaining({
                ruleId: 'dns-ttl-too-long',
                level: 'warning',
                suppressions: [
                    { kind: 'inSource', justification: "the partner's resolvers pin 300 s whatever we set" },
                ],
            }),
        ]);
    });

    it('reads rule severities from the nearest .mregion.json', async () => {
        const folder = mkdtempSync(path.join(temp, 'project-'));
        writeFileSync(
            path.join(folder, '.mregion.json'),
            JSON.stringify({ rules: { 'strong-needs-sync': 'warning' } }),
        );
        const design = path.join(folder, 'ledger.mregion');
        writeFileSync(design, (await import('node:fs')).readFileSync(example('aurora-false-strong'), 'utf8'));
        const { exitCode, out } = await check([design], { format: 'text' });
        expect(out).toContain('warning strong-needs-sync');
        expect(exitCode).toBe(0);
    });

    const usage: { name: string; run: () => unknown }[] = [
        { name: 'a missing file', run: () => check([path.join(temp, 'missing.mregion')], { format: 'text' }) },
        {
            name: 'a file that is not .mregion',
            run: () => check([path.join(ROOT, 'package.json')], { format: 'text' }),
        },
        { name: 'a negative --max-warnings', run: () => parseMaxWarnings('-1') },
        { name: 'a --max-warnings that is not a number', run: () => parseMaxWarnings('many') },
    ];
    for (const c of usage) {
        it(`refuses ${c.name} as a usage error`, async () => {
            await expect((async () => c.run())()).rejects.toBeInstanceOf(UsageError);
        });
    }
});
