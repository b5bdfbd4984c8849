// The writer puts generated files inside the chosen folder and nowhere else, and leaves folders with
// content alone unless forced.
import { execFileSync } from 'node:child_process';
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
    ExportWriteError,
    removeGeneratedFiles,
    unsafePathReason,
    writeGeneratedFiles,
} from '../../export/cdk/writer.js';
import { writeError } from './helpers/write-error.js';

let sandbox: string;
let out: string;

beforeEach(() => {
    sandbox = mkdtempSync(path.join(tmpdir(), 'mregion-writer-'));
    out = path.join(sandbox, 'out');
});
afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

/** Every file below `folder`, relative, sorted. */
function listing(folder: string): string[] {
    if (!existsSync(folder)) return [];
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
        .sort();
}

describe('writing generated files', () => {
    test('creates the folder and its subfolders and writes every file', () => {
        const written = writeGeneratedFiles(out, [
            { path: 'README.md', content: '# app\n' },
            { path: 'lib/stacks/us-east-1-stack.ts', content: 'export {};\n' },
        ]);
        expect(written).toEqual([path.join(out, 'README.md'), path.join(out, 'lib', 'stacks', 'us-east-1-stack.ts')]);
        expect(readFileSync(path.join(out, 'lib/stacks/us-east-1-stack.ts'), 'utf8')).toBe('export {};\n');
    });

    test('refuses a folder that has content, and writes into it when forced', () => {
        mkdirSync(out);
        writeFileSync(path.join(out, 'notes.txt'), 'mine');
        expect(writeError(() => writeGeneratedFiles(out, [{ path: 'a.ts', content: '' }])).kind).toBe('not-empty');
        expect(listing(out)).toEqual(['notes.txt']);
        writeGeneratedFiles(out, [{ path: 'a.ts', content: 'x' }], { force: true });
        expect(listing(out)).toEqual(['a.ts', 'notes.txt']);
    });

    test('writes into an existing empty folder without being forced', () => {
        mkdirSync(out);
        writeGeneratedFiles(out, [{ path: 'a.ts', content: 'x' }]);
        expect(listing(out)).toEqual(['a.ts']);
    });

    test('refuses a path that is a file', () => {
        writeFileSync(out, 'a file');
        expect(writeError(() => writeGeneratedFiles(out, [{ path: 'a.ts', content: '' }])).kind).toBe('not-a-folder');
    });

    test.each([
        { path: '../escape.ts', why: 'a `..` segment' },
        { path: 'lib/../../escape.ts', why: 'a `..` segment inside' },
        { path: '/etc/passwd', why: 'an absolute path' },
        { path: 'C:/Windows/x', why: 'a drive letter' },
        { path: 'lib\\..\\..\\x', why: 'backslashes' },
        { path: 'lib//x', why: 'an empty segment' },
        { path: './x', why: 'a `.` segment' },
        { path: 'nul\0.ts', why: 'a NUL character' },
        { path: '', why: 'an empty path' },
    ])('refuses $why ($path) before writing anything', ({ path: bad }) => {
        const error = writeError(() =>
            writeGeneratedFiles(out, [
                { path: 'ok.ts', content: '' },
                { path: bad, content: '' },
            ]),
        );
        expect(error.kind).toBe('unsafe-path');
        expect(listing(sandbox)).toEqual([]);
    });

    test('never writes through a link, even one inside the folder that points outside', () => {
        const elsewhere = path.join(sandbox, 'elsewhere');
        mkdirSync(elsewhere);
        mkdirSync(out);
        symlinkSync(elsewhere, path.join(out, 'lib'));
        const error = writeError(() =>
            writeGeneratedFiles(out, [{ path: 'lib/app.ts', content: 'x' }], { force: true }),
        );
        expect(error.kind).toBe('unsafe-path');
        expect(listing(elsewhere)).toEqual([]);
    });

    test('never replaces a linked file', () => {
        const target = path.join(sandbox, 'target.txt');
        writeFileSync(target, 'keep');
        mkdirSync(out);
        symlinkSync(target, path.join(out, 'README.md'));
        expect(
            writeError(() => writeGeneratedFiles(out, [{ path: 'README.md', content: 'x' }], { force: true })).kind,
        ).toBe('unsafe-path');
        expect(readFileSync(target, 'utf8')).toBe('keep');
    });

    test.each([
        { what: 'the file', link: 'README.md', write: 'README.md' },
        { what: 'a parent folder', link: 'lib', write: 'lib/app.ts' },
        { what: 'a nested parent folder', link: 'lib/stacks', write: 'lib/stacks/app.ts', real: 'lib' },
    ])('never writes through a link whose target does not exist yet, as $what', ({ link, write, real }) => {
        const missing = path.join(sandbox, 'missing');
        mkdirSync(path.join(out, real ?? ''), { recursive: true });
        symlinkSync(missing, path.join(out, link));
        const error = writeError(() => writeGeneratedFiles(out, [{ path: write, content: 'x' }], { force: true }));
        expect(error.kind).toBe('unsafe-path');
        expect(error.message).toContain(`${link.replace('/', path.sep)} is a link`);
        expect(existsSync(missing)).toBe(false);
    });

    test.each([
        { what: 'an output folder that is a link whose target does not exist yet', target: 'missing' },
        { what: 'an output folder that is a link to a folder', target: 'elsewhere' },
    ])('refuses $what, with a message that says so', ({ target }) => {
        mkdirSync(path.join(sandbox, 'elsewhere'));
        symlinkSync(path.join(sandbox, target), out);
        const error = writeError(() => writeGeneratedFiles(out, [{ path: 'a.ts', content: 'x' }]));
        expect(error.kind).toBe('not-a-folder');
        expect(error.message).toBe(`${out} is a link; give the folder it points to, or another folder`);
        expect(existsSync(path.join(sandbox, 'missing'))).toBe(false);
        expect(listing(path.join(sandbox, 'elsewhere'))).toEqual([]);
    });

    test('reports a name the file system refuses as an error that names the file, not a crash', () => {
        const name = `${'a'.repeat(300)}.ts`;
        const error = writeError(() => writeGeneratedFiles(out, [{ path: name, content: 'x' }]));
        expect(error.kind).toBe('io');
        expect(error.message).toBe(`cannot write '${name}': the name is too long (ENAMETOOLONG)`);
    });

    test('for any relative path, either refuses it or writes inside the folder', () => {
        const segment = fc.oneof(
            fc.constantFrom('..', '.', '', 'lib', '~', '$HOME', '%2e%2e', 'a b', 'é', '\\..'),
            fc.string({ maxLength: 6 }),
        );
        fc.assert(
            fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
                const relative = segments.join('/');
                rmSync(sandbox, { recursive: true, force: true });
                mkdirSync(sandbox);
                let wrote = false;
                try {
                    writeGeneratedFiles(out, [{ path: relative, content: 'x' }]);
                    wrote = true;
                } catch (error) {
                    if (!(error instanceof ExportWriteError)) throw error;
                    if (error.kind === 'io') {
                        // The file system may reject a name (e.g. too long); it must never be written elsewhere.
                        expect(listing(sandbox).every((f) => f.startsWith(`out${path.sep}`))).toBe(true);
                        return;
                    }
                }
                expect(wrote).toBe(unsafePathReason(relative) === undefined);
                expect(listing(sandbox).every((f) => f.startsWith(`out${path.sep}`))).toBe(true);
            }),
            { numRuns: 300 },
        );
    });
});

describe('removing the files of an earlier export', () => {
    beforeEach(() => {
        mkdirSync(path.join(out, 'lib'), { recursive: true });
        writeFileSync(path.join(out, 'lib', 'app.ts'), 'old');
        writeFileSync(path.join(out, 'README.md'), 'old');
        mkdirSync(path.join(sandbox, 'elsewhere'));
        writeFileSync(path.join(sandbox, 'elsewhere', 'keep.ts'), 'keep');
    });

    test('removes the listed files and skips those already gone', () => {
        expect(removeGeneratedFiles(out, ['lib/app.ts', 'README.md', 'gone.ts'])).toEqual([
            path.join(out, 'lib', 'app.ts'),
            path.join(out, 'README.md'),
        ]);
        expect(listing(out)).toEqual([]);
    });

    test.each([
        {
            what: 'a path climbing out of the folder',
            listed: '../elsewhere/keep.ts',
            message: "refusing to remove '../elsewhere/keep.ts': the path has an empty, `.` or `..` segment",
        },
        {
            what: 'an absolute path',
            listed: '/etc/passwd',
            message: "refusing to remove '/etc/passwd': the path is absolute",
        },
        {
            what: 'a path through a linked folder',
            listed: 'linked/keep.ts',
            link: { at: 'linked', to: 'elsewhere' },
            message: "refusing to remove 'linked/keep.ts': linked is a link",
        },
        {
            what: 'a linked file',
            listed: 'keep.ts',
            link: { at: 'keep.ts', to: 'elsewhere/keep.ts' },
            message: "refusing to remove 'keep.ts': keep.ts is a link",
        },
        {
            what: 'a link whose target does not exist yet',
            listed: 'ghost.ts',
            link: { at: 'ghost.ts', to: 'missing.ts' },
            message: "refusing to remove 'ghost.ts': ghost.ts is a link",
        },
        {
            what: 'a path through a linked folder whose target does not exist yet',
            listed: 'ghost/x.ts',
            link: { at: 'ghost', to: 'missing' },
            message: "refusing to remove 'ghost/x.ts': ghost is a link",
        },
        { what: 'a folder', listed: 'lib', message: "refusing to remove 'lib': it exists and is not a file" },
    ])('refuses $what and removes nothing', ({ listed, link, message }) => {
        if (link) symlinkSync(path.join(sandbox, link.to), path.join(out, link.at));
        const error = writeError(() => removeGeneratedFiles(out, ['README.md', listed]));
        expect(error.kind).toBe('unsafe-path');
        expect(error.message).toBe(message);
        expect(listing(out)).toEqual(['README.md', path.join('lib', 'app.ts'), ...(link ? [link.at] : [])].sort());
        expect(readFileSync(path.join(sandbox, 'elsewhere', 'keep.ts'), 'utf8')).toBe('keep');
    });
});

describe('the reason a generated path is refused', () => {
    test.each([
        { relative: '', reason: 'the path is empty' },
        { relative: 'a\0b.ts', reason: 'the path contains a NUL character' },
        { relative: 'lib\\stack.ts', reason: 'the path contains a backslash' },
        { relative: '/etc/passwd', reason: 'the path is absolute' },
        { relative: 'C:/x.ts', reason: 'the path is absolute' },
        { relative: 'c:x.ts', reason: 'the path is absolute' },
        { relative: 'lib//x.ts', reason: 'the path has an empty, `.` or `..` segment' },
        { relative: './x.ts', reason: 'the path has an empty, `.` or `..` segment' },
        { relative: 'lib/../../x.ts', reason: 'the path has an empty, `.` or `..` segment' },
        { relative: 'lib/', reason: 'the path has an empty, `.` or `..` segment' },
        { relative: 'lib/c:x.ts', reason: undefined },
        { relative: 'lib/..x/.x.ts', reason: undefined },
    ])("says why '$relative' is refused: $reason", ({ relative, reason }) => {
        expect(unsafePathReason(relative)).toBe(reason);
    });
});

describe('what a refused write says', () => {
    test.each([
        {
            what: 'an output folder that is a file',
            setup: () => writeFileSync(out, 'a file'),
            file: 'a.ts',
            force: false,
            message: () => `${out} exists and is not a folder`,
        },
        {
            what: 'an output folder with content',
            setup: () => {
                mkdirSync(out);
                writeFileSync(path.join(out, 'notes.txt'), 'mine');
            },
            file: 'a.ts',
            force: false,
            message: () => `${out} is not empty; choose an empty folder or force the export to write into it`,
        },
        {
            what: 'a file where a folder of the path should be',
            setup: () => {
                mkdirSync(out);
                writeFileSync(path.join(out, 'lib'), 'x');
            },
            file: 'lib/a.ts',
            force: true,
            message: () => "refusing to write 'lib/a.ts': lib is not a folder",
        },
        {
            what: 'a folder where the file should be',
            setup: () => mkdirSync(path.join(out, 'a.ts'), { recursive: true }),
            file: 'a.ts',
            force: true,
            message: () => "refusing to write 'a.ts': it exists and is not a file",
        },
        {
            what: 'a path climbing out of the folder',
            setup: () => undefined,
            file: '../a.ts',
            force: false,
            message: () => "refusing to write '../a.ts': the path has an empty, `.` or `..` segment",
        },
    ])('refuses $what with a message that says what to do or why', ({ setup, file, force, message }) => {
        setup();
        const error = writeError(() => writeGeneratedFiles(out, [{ path: file, content: '' }], { force }));
        expect(error.message).toBe(message());
        expect(error.name).toBe('ExportWriteError');
    });
});

describe('what a failed file-system call says', () => {
    test.each([
        {
            what: 'an output folder below a file',
            setup: () => writeFileSync(path.join(sandbox, 'file'), 'x'),
            folder: () => path.join(sandbox, 'file', 'out'),
            files: ['a.ts'],
            kind: 'io',
            message: (folder: string) =>
                `cannot create ${folder}: something on its path is a file, not a folder (ENOTDIR)`,
        },
        {
            what: 'an output folder below a link whose target does not exist',
            setup: () => symlinkSync(path.join(sandbox, 'missing'), path.join(sandbox, 'dangling')),
            folder: () => path.join(sandbox, 'dangling', 'out'),
            files: ['a.ts'],
            kind: 'io',
            message: (folder: string) =>
                `cannot create ${folder}: a folder on its path does not exist (a link whose target is missing?) (ENOENT)`,
        },
        {
            what: 'a generated file followed by a file inside a folder of the same name',
            setup: () => undefined,
            folder: () => out,
            files: ['lib', 'lib/a.ts'],
            kind: 'io',
            message: () =>
                "cannot create the folder of 'lib/a.ts': something on its path is a file, not a folder (EEXIST)",
        },
        {
            what: 'a file inside a folder followed by a generated file of the folder’s name',
            setup: () => undefined,
            folder: () => out,
            files: ['lib/a.ts', 'lib'],
            kind: 'unsafe-path',
            message: () => "refusing to write 'lib': it exists and is not a file",
        },
    ])('reports $what as an error that names what failed and why', ({ setup, folder, files, kind, message }) => {
        setup();
        const error = writeError(() =>
            writeGeneratedFiles(
                folder(),
                files.map((p) => ({ path: p, content: 'x' })),
            ),
        );
        expect(error.kind).toBe(kind);
        expect(error.message).toBe(message(folder()));
        expect(existsSync(path.join(sandbox, 'missing'))).toBe(false);
    });

    test('reports a full disk as an error that names the file being written (needs root, to mount a small disk)', (ctx) => {
        const small = path.join(sandbox, 'small');
        mkdirSync(small);
        if (!mountSmallDisk(small)) ctx.skip();
        try {
            const error = writeError(() =>
                writeGeneratedFiles(path.join(small, 'out'), [{ path: 'big.txt', content: 'x'.repeat(64 * 1024) }]),
            );
            expect(error.kind).toBe('io');
            expect(error.message).toBe("cannot write 'big.txt': the disk is full (ENOSPC)");
        } finally {
            execFileSync('umount', [small]);
        }
    });
});

/** Mounts a 16 KiB file system at `at`; false when this process may not (only root may mount). */
function mountSmallDisk(at: string): boolean {
    if (process.getuid?.() !== 0) return false;
    try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', at], { stdio: 'ignore' });
        return true;
    } catch {
        return false;
    }
}
