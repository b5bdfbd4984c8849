// Hostile text never escapes into generated code or paths, through the whole `mregion export-cdk` path: a design
// file whose name, topology description and region cities carry quotes, backslashes, `${…}`, comment terminators,
// line breaks, `../` and unicode, exported into an output folder whose name is hostile too. Nothing may appear
// outside the output folder, every TypeScript file must parse and contain no identifier the hostile text brought,
// and every JSON file must load. (Hostile declaration names, which the grammar does not allow, are covered on the
// model by test/export/; this drives what a user can really write.)
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { runExportCdk } from '../../cli/commands/export-cdk.js';
import { bundle } from '../helpers/bundles.js';
import { identifiersIn, INJECTED } from '../export/helpers/hostile.js';

const sandbox = mkdtempSync(path.join(tmpdir(), 'mregion-export-safety-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

/** Text that would run, close a literal or comment, or climb out of a folder if it ever escaped. */
const HOSTILE_PIECES = [
    `\${${INJECTED}()}`,
    `'); ${INJECTED}(); ('`,
    `"; ${INJECTED}(); "`,
    `*/ ${INJECTED}() /*`,
    '`',
    '\\',
    '../../',
    '\u2028',
    '\u202e',
    'é🚀',
    '\t',
    ' ',
];

/** A string literal of the language holding `text` (escapes for `\` and `"`; `\n` for a line break). */
function literal(text: string): string {
    return `"${text
        .replace(/[\\"]/g, (c) => `\\${c}`)
        .replace(/\r?\n/g, '\\n')
        .replace(/\r/g, '\\r')}"`;
}

const hostileText = fc
    .array(
        fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constant('\n')),
        { minLength: 1, maxLength: 6 },
    )
    .map((parts) => parts.join(''));
/** A file or folder name Linux accepts: anything but `/` and NUL, not `.` or `..`, at most 120 bytes. */
const hostileName = fc
    .array(
        fc.oneof(
            fc.constantFrom(...HOSTILE_PIECES, '\n', '$(INJECTED)', '..', '~', '-rf'),
            fc.string({ unit: 'grapheme', maxLength: 4 }),
        ),
        { minLength: 1, maxLength: 5 },
    )
    .map((parts) => parts.join('').replace(/[/\0]/g, '_'))
    .filter((name) => name !== '.' && name !== '..' && Buffer.byteLength(name) <= 120 && name.length > 0);

function design(description: string, city: string): string {
    return `topology Hostile ${literal(description)}
region us-east-1 { provider aws  jurisdiction US  city ${literal(city)} }
region us-west-2 { provider aws  jurisdiction US }
store carts {
    engine      dynamodb
    regions     us-east-1, us-west-2
    holds       per-user rows
    writes      any-region
    replication async lag 1s
    consistency eventual
    conflicts   lww
}
service shop {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      carts
    objective rto 5m  rpo 1s
}
failover shop {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    action shift-traffic
    drill  every 30d
}
`;
}

/** Every path below `folder` (links not followed), relative to it. */
function tree(folder: string): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir)) {
            const full = path.join(dir, entry);
            found.push(path.relative(folder, full));
            if (lstatSync(full).isDirectory()) walk(full);
        }
    };
    walk(folder);
    return found.sort();
}

/** What is wrong with the app written to `out`: TypeScript that does not parse or names an injected identifier, JSON that does not load. */
function problemsOfApp(out: string): string[] {
    const problems: string[] = [];
    for (const relative of tree(out)) {
        const full = path.join(out, relative);
        if (lstatSync(full).isDirectory()) continue;
        if (lstatSync(full).isSymbolicLink()) problems.push(`${relative} is a link`);
        const content = readFileSync(full, 'utf8');
        if (relative.endsWith('.ts')) {
            const parsed = ts.createSourceFile(relative, content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
            for (const d of (parsed as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics)
                problems.push(`${relative}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
            if (identifiersIn(relative, content).has(INJECTED))
                problems.push(`${relative}: the identifier ${INJECTED} escaped into code`);
        }
        if (relative.endsWith('.json')) {
            try {
                JSON.parse(content);
            } catch (error) {
                problems.push(`${relative}: ${(error as Error).message}`);
            }
        }
    }
    return problems;
}

let counter = 0;

/** A fresh working folder holding the design under `fileName`; returns the paths and the files there before the export. */
function workspace(fileName: string, text: string, outName: string) {
    const cwd = path.join(sandbox, `case-${++counter}`);
    mkdirSync(cwd);
    const file = path.join(cwd, `${fileName}.mregion`);
    writeFileSync(file, text);
    // The output folder is named relative to the working folder, as a user types it.
    return { cwd, file, out: path.join(cwd, 'exports', outName), before: tree(cwd) };
}

function expectOnlyInside(cwd: string, out: string, before: readonly string[]): void {
    const outRelative = path.relative(cwd, out);
    const added = tree(cwd).filter((p) => !before.includes(p));
    const outside = added.filter((p) => p !== 'exports' && p !== outRelative && !p.startsWith(outRelative + path.sep));
    expect(outside).toEqual([]);
    expect(added.length).toBeGreaterThan(5);
}

describe('export safety with hostile text a user can write', () => {
    it('writes only inside the output folder, and no hostile text escapes into code, for any description, city, file and folder name', async () => {
        await fc.assert(
            fc.asyncProperty(
                hostileText,
                hostileText,
                hostileName,
                hostileName,
                async (description, city, fileName, outName) => {
                    const { cwd, file, out, before } = workspace(fileName, design(description, city), outName);
                    const printed: string[] = [];
                    const status = await runExportCdk(
                        file,
                        { out, force: false },
                        { out: (t) => printed.push(t), err: (t) => printed.push(t) },
                    );
                    expect(status, printed.join('\n')).toBe(0);
                    expectOnlyInside(cwd, out, before);
                    expect(problemsOfApp(out)).toEqual([]);
                    const pkg = JSON.parse(readFileSync(path.join(out, 'package.json'), 'utf8')) as {
                        name: string;
                        description: string;
                    };
                    expect(pkg.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
                    rmSync(cwd, { recursive: true, force: true });
                },
            ),
            { numRuns: 25, seed: 20261129 },
        );
    });

    it.each([
        {
            name: 'injection in every string',
            fileName: `design '"\${${INJECTED}()}\` *\\ é🚀`,
            description: `"\${${INJECTED}()}\` */ ${INJECTED}() /* \n// ${INJECTED}()`,
            city: `\\'); ${INJECTED}(); ('`,
            outName: `out '"\$(${INJECTED}) \u202e`,
        },
        {
            name: 'line breaks and path climbing in the file name',
            fileName: `..\n${INJECTED}()\n\\..\\`,
            description: '../../../../etc/passwd',
            city: '\u2028\u2029',
            outName: '..\u2028..',
        },
    ])(
        'the bundled CLI exports a design with $name into its folder and nowhere else',
        ({ fileName, description, city, outName }) => {
            const { cwd, file, out, before } = workspace(fileName, design(description, city), outName);
            const r = spawnSync(
                process.execPath,
                [bundle('cli'), 'export-cdk', path.basename(file), '--out', path.relative(cwd, out)],
                { cwd, encoding: 'utf8' },
            );
            expect(r.status, r.stderr).toBe(0);
            expect(r.stdout).toContain('Wrote ');
            expectOnlyInside(cwd, out, before);
            expect(problemsOfApp(out)).toEqual([]);
            // The hostile description reaches the README as text, never as Markdown that runs or links elsewhere.
            expect(readFileSync(path.join(out, 'README.md'), 'utf8')).not.toMatch(/<script|javascript:/i);
        },
    );
});
