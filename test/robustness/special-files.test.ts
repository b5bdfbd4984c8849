// Special files given to the CLI (the real dist/cli.cjs) directly, by a folder scan or by an import: a FIFO, a
// link to /dev/zero, a folder, a /proc pseudo-file, a file over the size limit. Each is refused with a message
// naming it (exit 2) or, for an import, a diagnostic at the import path; none hangs, fills memory or prints a
// stack trace. The fixtures live in a temporary folder made by the test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../helpers/bundles.js';
import { makeFifo, makeSparse, useTemporaryFolder } from './helpers/special-files.js';

const DESIGN = 'region us-east-1 {}\n';

const root = useTemporaryFolder('mregion-special-');
let counter = 0;

type Fixture = (folder: string) => void;

const fifo =
    (name: string): Fixture =>
    (folder) =>
        makeFifo(path.join(folder, name));
const link =
    (name: string, target: string): Fixture =>
    (folder) =>
        symlinkSync(target, path.join(folder, name));
const file =
    (name: string, text: string): Fixture =>
    (folder) => {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), text);
    };
const folderNamed =
    (name: string): Fixture =>
    (folder) =>
        mkdirSync(path.join(folder, name));
const sized =
    (name: string, size: number): Fixture =>
    (folder) =>
        makeSparse(path.join(folder, name), size);

/** Runs the CLI in a fresh folder made by `fixtures`; a hang is ended after 30 s and shows as status null. */
function mregionIn(fixtures: Fixture[], ...args: string[]) {
    const folder = path.join(root(), `case${++counter}`);
    mkdirSync(folder);
    for (const make of fixtures) make(folder);
    const result = spawnSync(process.execPath, [bundle('cli'), ...args], {
        cwd: folder,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MIB = 1024 * 1024;

describe('special files given to the CLI', () => {
    const refused: { name: string; fixtures: Fixture[]; args: string[]; says: string }[] = [
        {
            name: 'refuses a FIFO named on the command line',
            fixtures: [fifo('pipe.mregion')],
            args: ['check', 'pipe.mregion'],
            says: `mregion: cannot read 'pipe.mregion': it is a FIFO (named pipe), not a regular file`,
        },
        {
            name: 'refuses a link to /dev/zero named on the command line',
            fixtures: [link('zero.mregion', '/dev/zero')],
            args: ['check', 'zero.mregion'],
            says: `mregion: cannot read 'zero.mregion': it is a character device, not a regular file`,
        },
        {
            name: 'refuses a FIFO found by a folder scan',
            fixtures: [file('designs/a.mregion', DESIGN), fifo('designs/pipe.mregion')],
            args: ['check', 'designs'],
            says: `mregion: cannot read '${path.join('designs', 'pipe.mregion')}': it is a FIFO (named pipe), not a regular file`,
        },
        {
            name: 'refuses a link to a /proc pseudo-file, which reports a size of 0 but holds more',
            fixtures: [link('status.mregion', '/proc/self/status')],
            args: ['check', 'status.mregion'],
            says: `mregion: cannot read 'status.mregion': it holds more than the 0 bytes its size says`,
        },
        {
            name: 'refuses a design over 16 MiB',
            fixtures: [sized('huge.mregion', 16 * MIB + 1)],
            args: ['check', 'huge.mregion'],
            says: `mregion: cannot read 'huge.mregion': it is 16,777,217 bytes, more than the 16 MiB (16,777,216 bytes) mregion reads; split the design into files that import each other`,
        },
        {
            name: 'refuses a folder named x.mregion',
            fixtures: [folderNamed('x.mregion'), file('x.mregion/inside.mregion', DESIGN)],
            args: ['check', 'x.mregion'],
            says: `mregion: cannot read 'x.mregion': it is a folder, not a regular file`,
        },
        {
            name: 'refuses a link to / named x.mregion instead of scanning the whole file system',
            fixtures: [link('root.mregion', '/')],
            args: ['check', 'root.mregion'],
            says: `mregion: cannot read 'root.mregion': it is a folder, not a regular file`,
        },
        {
            name: 'refuses to format a FIFO',
            fixtures: [fifo('pipe.mregion')],
            args: ['format', 'pipe.mregion'],
            says: `mregion: cannot read 'pipe.mregion': it is a FIFO (named pipe), not a regular file`,
        },
        {
            name: 'refuses to simulate a link to /dev/zero',
            fixtures: [link('zero.mregion', '/dev/zero')],
            args: ['simulate', 'zero.mregion'],
            says: `mregion: cannot read 'zero.mregion': it is a character device, not a regular file`,
        },
    ];
    for (const c of refused) {
        it(`${c.name}, with exit code 2`, () => {
            const { status, stderr } = mregionIn(c.fixtures, ...c.args);
            expect(stderr).toContain(c.says);
            expect(stderr).not.toMatch(/\n\s+at /);
            expect(status).toBe(2);
        });
    }

    const imports: { name: string; fixtures: Fixture[]; says: string }[] = [
        {
            name: 'a FIFO',
            fixtures: [fifo('other.mregion')],
            says: `cannot read 'other.mregion': it is a FIFO (named pipe), not a regular file`,
        },
        {
            name: 'a link to /dev/zero',
            fixtures: [link('other.mregion', '/dev/zero')],
            says: `cannot read 'other.mregion': it is a character device, not a regular file`,
        },
        {
            name: 'a folder',
            fixtures: [folderNamed('other.mregion')],
            says: `cannot read 'other.mregion': it is a folder, not a regular file`,
        },
        {
            name: 'a link to /',
            fixtures: [link('other.mregion', '/')],
            says: `cannot read 'other.mregion': it is a folder, not a regular file`,
        },
    ];
    for (const c of imports) {
        it(`reports an import of ${c.name} at the import path`, () => {
            const { status, stdout, stderr } = mregionIn(
                [file('main.mregion', `import "other.mregion"\n${DESIGN}`), ...c.fixtures],
                'check',
                'main.mregion',
            );
            expect(stdout).toContain(`main.mregion:1:8 error unknown-import ${c.says}`);
            expect(stderr).not.toMatch(/\n\s+at /);
            expect(status).toBe(1);
        });
    }

    it('checks a design reached through a link, and skips dangling links and links to folders, so a link cycle cannot make the scan loop', () => {
        const { status, stdout, stderr } = mregionIn(
            [
                file('designs/real/a.mregion', DESIGN),
                link('designs/b.mregion', 'real/a.mregion'),
                link('designs/real/loop', '..'),
                link('designs/root.mregion', '/'),
                link('designs/gone.mregion', 'nowhere.mregion'),
            ],
            'check',
            'designs',
            '--format',
            'json',
        );
        expect(stderr).toBe('');
        expect(status).toBe(0);
        expect((JSON.parse(stdout) as { file: string }[]).map((r) => r.file).sort()).toEqual([
            path.join('designs', 'b.mregion'),
            path.join('designs', 'real', 'a.mregion'),
        ]);
    });
});
