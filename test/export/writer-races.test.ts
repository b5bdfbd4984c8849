// The writer checks every path before it writes or removes anything, then guards each write against what may change
// in between (a folder swapped for a link, a link or a FIFO put where a file was checked). To make such a change
// happen at one exact moment, node:fs is wrapped: every call still goes to the real file system, and a test may run
// one real change just before the writer's call on a given path. Nothing is faked.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { removeGeneratedFiles, writeGeneratedFiles } from '../../export/cdk/writer.js';
import { writeError } from './helpers/write-error.js';

type Hooked = 'mkdirSync' | 'realpathSync' | 'openSync' | 'unlinkSync';

const race = vi.hoisted(() => ({
    /** Run once, just before the writer's next call of `call` on `at`. */
    pending: [] as { call: string; at: string; change: () => void }[],
    /** The descriptors openSync returned for writing. */
    opened: [] as number[],
}));

vi.mock('node:fs', async (importOriginal) => {
    const real = await importOriginal<typeof fs>();
    const hooked = (call: Hooked) =>
        ((...args: unknown[]) => {
            const at = String(args[0]);
            const i = race.pending.findIndex((p) => p.call === call && p.at === at);
            if (i >= 0) race.pending.splice(i, 1)[0]?.change();
            const result = (real[call] as (...a: unknown[]) => unknown)(...args);
            if (call === 'openSync' && typeof args[1] === 'number' && (args[1] & real.constants.O_WRONLY) !== 0)
                race.opened.push(result as number);
            return result;
        }) as never;
    return {
        ...real,
        default: real,
        mkdirSync: hooked('mkdirSync'),
        realpathSync: hooked('realpathSync'),
        openSync: hooked('openSync'),
        unlinkSync: hooked('unlinkSync'),
    };
});

let sandbox: string;
let out: string;
let elsewhere: string;
/** A FIFO's reading end a case holds open, closed after the case. */
let readers: number[];

beforeEach(() => {
    sandbox = fs.mkdtempSync(path.join(tmpdir(), 'mregion-writer-races-'));
    out = path.join(sandbox, 'out');
    elsewhere = path.join(sandbox, 'elsewhere');
    fs.mkdirSync(elsewhere);
    fs.writeFileSync(path.join(elsewhere, 'keep.ts'), 'keep');
    race.pending = [];
    race.opened = [];
    readers = [];
});
afterEach(() => {
    for (const fd of readers) fs.closeSync(fd);
    fs.rmSync(sandbox, { recursive: true, force: true });
});

function before(call: Hooked, relative: string, change: (at: string) => void): void {
    const at = path.join(out, relative);
    race.pending.push({ call, at, change: () => change(at) });
}

const mkfifo = (at: string) => execFileSync('mkfifo', [at]);

/** Whether `fd` is still open in this process. */
function isOpen(fd: number): boolean {
    try {
        fs.fstatSync(fd);
        return true;
    } catch {
        return false;
    }
}

describe('a change between the checks and the write', () => {
    test.each([
        {
            what: 'the file’s folder is swapped for a link to another folder just before it is resolved',
            files: ['lib/app.ts'],
            change: () =>
                before('realpathSync', 'lib', (at) => {
                    fs.rmdirSync(at);
                    fs.symlinkSync(elsewhere, at);
                }),
            kind: 'unsafe-path',
            message: "refusing to write 'lib/app.ts': its folder resolves outside the output folder",
        },
        {
            what: 'a link to a file outside appears where the file was checked',
            files: ['README.md'],
            change: () => before('openSync', 'README.md', (at) => fs.symlinkSync(path.join(elsewhere, 'keep.ts'), at)),
            kind: 'unsafe-path',
            message: "refusing to write 'README.md': it became a link, a pipe or a device while writing",
        },
        {
            what: 'a FIFO nobody reads appears where the file was checked (opening it must not wait)',
            files: ['README.md'],
            change: () => before('openSync', 'README.md', mkfifo),
            kind: 'unsafe-path',
            message: "refusing to write 'README.md': it became a link, a pipe or a device while writing",
        },
        {
            what: 'a FIFO with a reader appears where the file was checked',
            files: ['README.md'],
            change: () =>
                before('openSync', 'README.md', (at) => {
                    mkfifo(at);
                    readers.push(fs.openSync(at, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK));
                }),
            kind: 'unsafe-path',
            message: "refusing to write 'README.md': it became a link, a pipe or a device while writing",
        },
        {
            what: 'the file’s folder is replaced by a file just before it is created',
            files: ['lib/app.ts'],
            existing: 'lib/',
            change: () =>
                before('mkdirSync', 'lib', (at) => {
                    fs.rmdirSync(at);
                    fs.writeFileSync(at, 'x');
                }),
            kind: 'io',
            message: "cannot create the folder of 'lib/app.ts': something on its path is a file, not a folder (EEXIST)",
        },
        {
            what: 'the file is replaced by a folder just before it is opened',
            files: ['README.md'],
            change: () => before('openSync', 'README.md', (at) => fs.mkdirSync(at)),
            kind: 'io',
            message: "cannot write 'README.md': it is a folder, not a file (EISDIR)",
        },
    ])('refuses to write when $what, and writes nothing outside', ({ files, existing, change, kind, message }) => {
        fs.mkdirSync(path.join(out, existing ?? ''), { recursive: true });
        change();
        const error = writeError(() =>
            writeGeneratedFiles(
                out,
                files.map((p) => ({ path: p, content: 'generated' })),
                { force: true },
            ),
        );
        expect(error.kind).toBe(kind);
        expect(error.message).toBe(message);
        expect(race.pending).toEqual([]);
        expect(fs.readdirSync(elsewhere)).toEqual(['keep.ts']);
        expect(fs.readFileSync(path.join(elsewhere, 'keep.ts'), 'utf8')).toBe('keep');
        expect(race.opened.filter(isOpen)).toEqual([]);
    });

    test('closes every file it opened once written', () => {
        writeGeneratedFiles(out, [
            { path: 'README.md', content: '# app\n' },
            { path: 'lib/app.ts', content: 'export {};\n' },
        ]);
        expect(race.opened).toHaveLength(2);
        expect(race.opened.filter(isOpen)).toEqual([]);
    });
});

describe('a change between the checks and the removal', () => {
    beforeEach(() => {
        fs.mkdirSync(out);
        fs.writeFileSync(path.join(out, 'README.md'), 'old');
        fs.writeFileSync(path.join(out, 'app.ts'), 'old');
    });

    test('skips a file removed by someone else after the checks, and removes the others', () => {
        before('unlinkSync', 'README.md', (at) => fs.rmSync(at));
        expect(removeGeneratedFiles(out, ['README.md', 'app.ts'])).toEqual([path.join(out, 'app.ts')]);
        expect(fs.readdirSync(out)).toEqual([]);
    });

    test('reports a file replaced by a folder after the checks as an error that names it', () => {
        before('unlinkSync', 'README.md', (at) => {
            fs.rmSync(at);
            fs.mkdirSync(at);
        });
        const error = writeError(() => removeGeneratedFiles(out, ['README.md', 'app.ts']));
        expect(error.kind).toBe('io');
        expect(error.message).toBe("cannot remove 'README.md': it is a folder, not a file (EISDIR)");
    });
});
