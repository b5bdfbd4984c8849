// The bundled CLI never sends a terminal the control characters a file name, an import path or a folder name
// holds: an ESC sequence would recolour, retitle or clear the user's terminal, a line break would forge output
// lines. They are shown as \uXXXX escapes. JSON and SARIF escape them already; the Markdown report keeps them
// out of its code spans and tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../helpers/bundles.js';
import { dynamoStore, TWO_US_REGIONS } from '../simulation/helpers.js';

/** Sets the terminal's title, turns text red, and starts a new line that looks like the CLI's own. */
const HOSTILE = 'evil\u001b]0;pwned\u0007\u001b[31m\nfake: ok';
const SHOWN = 'evil\\u001b]0;pwned\\u0007\\u001b[31m\\u000afake: ok';

const DESIGN = `${TWO_US_REGIONS}
${dynamoStore('db', { holds: 'per-user rows' })}
workload w for db { writes 10/s from us-east-1 100% }
scenario quick { workload w  duration 1s  seed 1 }
`;

let scratch: string;
let hostileFile: string;

beforeAll(() => {
    bundle('cli');
    scratch = mkdtempSync(path.join(tmpdir(), 'mregion-terminal-'));
    hostileFile = `${HOSTILE}.mregion`;
    writeFileSync(path.join(scratch, hostileFile), DESIGN);
    writeFileSync(
        path.join(scratch, `${HOSTILE}-broken.mregion`),
        `${DESIGN}store s2 { engine dynamodb  regions us-east-1, mars-1  holds per-user rows }\n`,
    );
    writeFileSync(path.join(scratch, `${HOSTILE}-unformatted.mregion`), DESIGN.replace('topology T', 'topology    T'));
    writeFileSync(path.join(scratch, `${HOSTILE}-syntax.mregion`), 'region {{\n');
    writeFileSync(
        path.join(scratch, 'imports.mregion'),
        `import "${HOSTILE}.mregion"\nimport "missing\u001b[2J.mregion"\n`,
    );
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function mregion(...args: string[]) {
    // In the scratch folder, so the CLI names files by their relative path: the hostile name itself.
    const result = spawnSync(process.execPath, [bundle('cli'), ...args], {
        cwd: scratch,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Control characters other than the line breaks between output lines. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('terminal output of file names and paths', () => {
    it.each([
        {
            what: 'check lists the diagnostics of a file named with an ESC sequence and a line break',
            args: () => ['check', `${HOSTILE}-broken.mregion`],
            shows: `${SHOWN}-broken.mregion:17:`,
        },
        {
            what: 'check quotes an import path holding an ESC sequence',
            args: () => ['check', 'imports.mregion'],
            shows: 'missing\\u001b[2J.mregion',
        },
        {
            what: 'simulate titles its text report with the file name',
            args: () => ['simulate', hostileFile],
            shows: `(${SHOWN}.mregion:`,
        },
        {
            what: 'simulate names the file in a usage error',
            args: () => ['simulate', hostileFile, '--scenario', 'nope'],
            shows: `no scenario 'nope' in ${SHOWN}.mregion`,
        },
        {
            what: 'check names a missing file in a usage error',
            args: () => ['check', `${HOSTILE}-missing.mregion`],
            shows: `cannot read '${SHOWN}-missing.mregion'`,
        },
        {
            what: 'format lists a file it would reformat',
            args: () => ['format', '--check', `${HOSTILE}-unformatted.mregion`],
            shows: `${SHOWN}-unformatted.mregion`,
        },
        {
            what: 'format names a file with syntax errors',
            args: () => ['format', `${HOSTILE}-syntax.mregion`],
            shows: `${SHOWN}-syntax.mregion:1:`,
        },
        {
            what: 'export-cdk names its output folder',
            args: () => ['export-cdk', hostileFile, '--out', HOSTILE],
            shows: `files to ${SHOWN}:`,
        },
    ])('$what', ({ args, shows }) => {
        const { stdout, stderr } = mregion(...args());
        const output = stdout + stderr;
        expect(output).toContain(shows);
        expect(output).not.toMatch(CONTROL);
        expect(output.split('\n').filter((line) => line.startsWith('fake: ok'))).toEqual([]);
    });

    it('keeps the Markdown report whole when the file name and an expectation hold a backtick, a table separator and a line break', () => {
        const name = 'a`b|c\nd.mregion';
        const expectation = 'expect lost-writes /* x | `y`\n<b>z</b> */ >= 0';
        writeFileSync(path.join(scratch, name), DESIGN.replace('seed 1 }', `seed 1\n    ${expectation}\n}`));
        const { status, stdout } = mregion('simulate', name, '--format', 'markdown');
        expect(status).toBe(0);
        const lines = stdout.split('\n');
        expect(lines[2]).toMatch(/^``a`b\|c d\.mregion`` line \d+ · /);
        const row = lines[lines.indexOf('|---|---|---|---|') + 1]!;
        // One row of four cells: every | inside the code span is escaped, and the span is fenced past its backticks.
        expect(row.split(/(?<!\\)\|/).length).toBe(6);
        expect(row).toContain('``expect lost-writes /* x \\| `y` <b>z</b> */ >= 0``');
    });
});
