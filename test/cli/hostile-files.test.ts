// `mregion check` as users run it (the bundled dist/cli.cjs) on each text that crashed or hung the parser
// (test/language/hostile-texts.ts): a diagnostic at the fault and exit 0 or 1, never a stack trace or exit 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, ROOT } from '../helpers/bundles.js';
import { hostile } from '../language/hostile-texts.js';

const folder = mkdtempSync(path.join(tmpdir(), 'mregion-hostile-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('mregion check on hostile files', () => {
    it.each(hostile.map((h, i) => ({ ...h, file: path.join(folder, `hostile-${i}.mregion`) })))(
        'reports $name as diagnostics, without a stack trace',
        ({ text, expected, file }) => {
            writeFileSync(file, text);
            const result = spawnSync(process.execPath, [bundle('cli'), 'check', file], {
                cwd: ROOT,
                encoding: 'utf8',
                env: { ...process.env, NO_COLOR: '1' },
                maxBuffer: 64 * 2 ** 20,
            });
            expect([0, 1], result.stderr).toContain(result.status);
            expect(result.stderr).not.toMatch(/Error:|\n\s+at /);
            expect(result.stdout).toMatch(/\d+ (errors?|warnings?) in 1 file|1 file checked: no problems/);
            if (expected) {
                const messages = result.stdout
                    .split('\n')
                    .map((line) => /^.*?:\d+:\d+ error syntax-error (.*)$/.exec(line)?.[1] ?? '');
                expect(
                    messages.some((message) => expected.message.test(message)),
                    result.stdout.slice(0, 500),
                ).toBe(true);
            }
        },
    );
});
