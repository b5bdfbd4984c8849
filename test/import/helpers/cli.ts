// `mregion` as users run it in these tests: the bundled dist/cli.cjs in a child process.
import { spawnSync } from 'node:child_process';
import { bundle, ROOT } from '../../helpers/bundles.js';

export function mregion(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bundle('cli'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The codes `mregion check --format json` reports for one file. */
export function checkCodes(file: string): string[] {
    const { stdout } = mregion('check', file, '--format', 'json');
    const files = JSON.parse(stdout) as { diagnostics: { code: string }[] }[];
    return files.flatMap((f) => f.diagnostics.map((d) => d.code));
}

export const FIXTURES = 'test/import/fixtures';
