import { readdirSync } from 'node:fs';
// `mregion check` as users run it: the bundled dist/cli.cjs in a child process, with its exit codes.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, ROOT } from '../helpers/bundles.js';
import { sarifErrors } from './sarif-schema.js';

function mregion(...args: string[]) {
    const result = spawnSync(process.execPath, [bundle('cli'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the mregion check command', () => {
    it('prints valid SARIF for every example (exit 1: the examples that should be flagged have errors)', () => {
        const { status, stdout } = mregion('check', 'examples', '--format', 'sarif');
        expect(status).toBe(1);
        const log = JSON.parse(stdout);
        expect(sarifErrors(log)).toEqual([]);
        expect(log.runs[0].artifacts).toHaveLength(
            readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.mregion')).length,
        );
        expect(
            log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'rto-unachievable').help.markdown,
        ).toContain('# rto-unachievable');
    });

    const cases: { args: string[]; status: number; stderr?: RegExp; stdout?: RegExp }[] = [
        // An info finding (catch-up-undeclared) does not fail a check.
        { args: ['check', 'examples/netflix.mregion'], status: 0, stdout: /1 info in 1 file/ },
        {
            args: ['check', 'examples/aurora-warm-standby.mregion', '--max-warnings', '0'],
            status: 1,
            stderr: /1 warning, more than --max-warnings 0/,
        },
        { args: ['check', 'examples/aurora-warm-standby.mregion', '--max-warnings', '1'], status: 0 },
        {
            args: ['check', 'examples/netflix.mregion', '--format', 'xml'],
            status: 2,
            stderr: /unknown format 'xml': use text, json, sarif/,
        },
        {
            args: ['check', 'examples/netflix.mregion', '--max-warnings', 'lots'],
            status: 2,
            stderr: /--max-warnings needs a whole number/,
        },
        { args: ['check', 'examples/nope.mregion'], status: 2, stderr: /cannot read 'examples\/nope.mregion'/ },
    ];
    for (const c of cases) {
        it(`exits ${c.status} for mregion ${c.args.join(' ')}`, () => {
            const { status, stdout, stderr } = mregion(...c.args);
            expect(status, stderr).toBe(c.status);
            if (c.stderr) expect(stderr).toMatch(c.stderr);
            if (c.stdout) expect(stdout).toMatch(c.stdout);
        });
    }

    it('documents its exit codes in --help', () => {
        const { stdout, status } = mregion('check', '--help');
        expect(status).toBe(0);
        expect(stdout).toContain('--max-warnings <n>');
        expect(stdout).toContain('Exit codes: 0 no errors');
        expect(path.basename(bundle('cli'))).toBe('cli.cjs');
    });
});
