// The extension's export into a folder: which folders it may use, and replacing an earlier export there. The
// manifest lives in the user's folder and may be hostile; removing and writing goes through the CLI's writer,
// so nothing outside the folder is ever removed or written, and no link is followed, dangling or not.
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
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
    defaultExportFolderName,
    exportFolderPath,
    exportStep,
    inspectExportFolder,
    manifestName,
    MAX_MANIFEST_BYTES,
    replaceExport,
} from '../../client/commands/export-folder.js';
import { writeError } from '../export/helpers/write-error.js';

let sandbox: string;
let out: string;
let elsewhere: string;

beforeEach(() => {
    sandbox = mkdtempSync(path.join(tmpdir(), 'mregion-export-folder-'));
    out = path.join(sandbox, 'out');
    elsewhere = path.join(sandbox, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'keep.ts'), 'keep');
});
afterEach(() => rmSync(sandbox, { recursive: true, force: true }));

/** Every entry below `folder` (links listed, not followed), relative, sorted. */
function listing(folder: string): string[] {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((e) => !e.isDirectory())
        .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
        .sort();
}

/** An earlier export in `out`: its files and a manifest listing `listed` (default: the files). */
function earlierExport(files: readonly string[], listed: readonly unknown[] = files): void {
    for (const file of files) {
        mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
        writeFileSync(path.join(out, file), 'old');
    }
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, manifestName), JSON.stringify({ source: 'file:///a.mregion', files: listed }));
}

describe('choosing the folder of an export', () => {
    test.each([
        { what: 'a missing folder', setup: () => {}, state: { kind: 'empty' } },
        { what: 'an empty folder', setup: () => mkdirSync(out), state: { kind: 'empty' } },
        {
            what: 'an earlier export',
            setup: () => earlierExport(['README.md', 'lib/app.ts']),
            state: { kind: 'previous', manifest: { source: 'file:///a.mregion', files: ['README.md', 'lib/app.ts'] } },
        },
        {
            what: 'a folder with the user’s files',
            setup: () => {
                mkdirSync(out);
                writeFileSync(path.join(out, 'notes.txt'), 'mine');
            },
            state: { kind: 'refused', reason: 'the folder is not empty' },
        },
        {
            what: 'a manifest that is not JSON',
            setup: () => {
                mkdirSync(out);
                writeFileSync(path.join(out, manifestName), '{');
            },
            state: { kind: 'refused', reason: 'the folder is not empty' },
        },
        {
            what: 'a manifest listing something else than paths',
            setup: () => earlierExport([], [{ path: 'x' }]),
            state: { kind: 'refused', reason: 'the folder is not empty' },
        },
        {
            what: 'a manifest that is a link',
            setup: () => {
                mkdirSync(out);
                writeFileSync(path.join(elsewhere, 'm.json'), '{"source":"s","files":[]}');
                symlinkSync(path.join(elsewhere, 'm.json'), path.join(out, manifestName));
            },
            state: { kind: 'refused', reason: 'the folder is not empty' },
        },
        {
            what: 'a manifest that is a FIFO (never read: it would hang)',
            setup: () => {
                mkdirSync(out);
                execFileSync('mkfifo', [path.join(out, manifestName)]);
            },
            state: { kind: 'refused', reason: 'the folder is not empty' },
        },
        {
            what: 'a manifest larger than 1 MB',
            setup: () =>
                earlierExport(
                    [],
                    Array.from({ length: MAX_MANIFEST_BYTES / 8 }, (_, i) => `f${i}.ts`),
                ),
            state: {
                kind: 'refused',
                reason: `the folder is not empty (its ${manifestName} is larger than 1 MB, so this command did not write it)`,
            },
        },
        {
            what: 'a manifest listing ../x',
            setup: () => earlierExport([], ['README.md', '../x']),
            state: {
                kind: 'refused',
                reason: `its ${manifestName} lists '../x', which is not a file inside the folder (the path has an empty, \`.\` or \`..\` segment); nothing was removed`,
            },
        },
        {
            what: 'a manifest listing an absolute path',
            setup: () => earlierExport([], ['/etc/passwd']),
            state: {
                kind: 'refused',
                reason: `its ${manifestName} lists '/etc/passwd', which is not a file inside the folder (the path is absolute); nothing was removed`,
            },
        },
        {
            what: 'a folder that is a link',
            setup: () => symlinkSync(elsewhere, out),
            state: {
                kind: 'refused',
                reason: 'the folder is a link; choose the folder it points to, or another folder',
            },
        },
        {
            what: 'a folder that is a link whose target does not exist yet',
            setup: () => symlinkSync(path.join(sandbox, 'missing'), out),
            state: {
                kind: 'refused',
                reason: 'the folder is a link; choose the folder it points to, or another folder',
            },
        },
        {
            what: 'a file',
            setup: () => writeFileSync(out, 'a file'),
            state: { kind: 'refused', reason: 'it is not a folder' },
        },
    ])('judges $what', ({ setup, state }) => {
        setup();
        expect(inspectExportFolder(out)).toEqual(state);
    });
});

describe('replacing an earlier export', () => {
    const generated = [
        { path: 'README.md', content: 'new' },
        { path: 'lib/stack.ts', content: 'new' },
    ];

    test('removes the files the manifest lists, writes the new ones and a new manifest, and keeps the user’s files', () => {
        earlierExport(['README.md', 'lib/old.ts']);
        writeFileSync(path.join(out, 'notes.txt'), 'mine');
        const state = inspectExportFolder(out);
        expect(state.kind).toBe('previous');
        replaceExport(out, 'file:///b.mregion', generated, state.kind === 'previous' ? state.manifest : undefined);
        expect(listing(out)).toEqual([manifestName, 'README.md', path.join('lib', 'stack.ts'), 'notes.txt']);
        expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toBe('new');
        expect(JSON.parse(readFileSync(path.join(out, manifestName), 'utf8'))).toEqual({
            source: 'file:///b.mregion',
            files: ['README.md', 'lib/stack.ts'],
        });
    });

    test.each([
        {
            what: 'a listed path through a linked folder',
            listed: 'linked/keep.ts',
            link: { at: 'linked', to: 'elsewhere' },
            message: "refusing to remove 'linked/keep.ts': linked is a link",
        },
        {
            what: 'a listed file that is a link',
            listed: 'keep.ts',
            link: { at: 'keep.ts', to: 'elsewhere/keep.ts' },
            message: "refusing to remove 'keep.ts': keep.ts is a link",
        },
        {
            what: 'a listed file that is a link whose target does not exist yet',
            listed: 'ghost.ts',
            link: { at: 'ghost.ts', to: 'missing.ts' },
            message: "refusing to remove 'ghost.ts': ghost.ts is a link",
        },
        {
            what: 'a listed path through a linked folder whose target does not exist yet',
            listed: 'ghost/x.ts',
            link: { at: 'ghost', to: 'missing' },
            message: "refusing to remove 'ghost/x.ts': ghost is a link",
        },
        {
            what: 'a new file that is a link whose target does not exist yet',
            listed: 'old.ts',
            link: { at: 'README.md', to: 'missing.md' },
            message: "refusing to write 'README.md': README.md is a link",
        },
        {
            what: 'a new file in a folder that is a link whose target does not exist yet',
            listed: 'old.ts',
            link: { at: 'lib', to: 'missing' },
            message: "refusing to write 'lib/stack.ts': lib is a link",
        },
        {
            what: 'a manifest that turned into a link',
            listed: 'old.ts',
            link: { at: manifestName, to: 'elsewhere/keep.ts' },
            message: `refusing to write '${manifestName}': ${manifestName} is a link`,
        },
    ])('refuses $what and changes nothing', ({ listed, link, message }) => {
        earlierExport(['old.ts']);
        if (link.at === manifestName) rmSync(path.join(out, manifestName));
        symlinkSync(path.join(sandbox, link.to), path.join(out, link.at));
        const before = listing(out);
        const error = writeError(() =>
            replaceExport(out, 'file:///b.mregion', generated, {
                source: 'file:///a.mregion',
                files: ['old.ts', listed],
            }),
        );
        expect(error.message).toBe(message);
        expect(listing(out)).toEqual(before);
        expect(listing(elsewhere)).toEqual(['keep.ts']);
        expect(readFileSync(path.join(elsewhere, 'keep.ts'), 'utf8')).toBe('keep');
        expect(existsSync(path.join(sandbox, 'missing'))).toBe(false);
        expect(existsSync(path.join(sandbox, 'missing.md'))).toBe(false);
    });

    test('refuses a generated file that would replace the manifest', () => {
        const error = writeError(() =>
            replaceExport(out, 'file:///b.mregion', [{ path: manifestName, content: '{}' }]),
        );
        expect(error.message).toBe(`refusing to write '${manifestName}': the export keeps its list of files there`);
        expect(existsSync(out)).toBe(false);
    });

    test('refuses a generated file outside the folder before removing anything', () => {
        earlierExport(['old.ts']);
        const error = writeError(() =>
            replaceExport(out, 'file:///b.mregion', [{ path: '../x.ts', content: '' }], {
                source: 's',
                files: ['old.ts'],
            }),
        );
        expect(error.message).toBe("refusing to write '../x.ts': the path has an empty, `.` or `..` segment");
        expect(listing(out)).toEqual([manifestName, 'old.ts']);
    });
});

describe('the default folder of an export', () => {
    test.each([
        {
            what: 'the topology name, in lower case',
            topology: 'GlobalTickets',
            file: '/w/tickets.mregion',
            name: 'cdk-globaltickets',
        },
        {
            what: 'the file name when there is no topology',
            topology: undefined,
            file: '/w/orders.mregion',
            name: 'cdk-orders',
        },
        {
            what: 'one word even from path characters (never a path outside the workspace folder)',
            topology: '../../etc/x y',
            file: '/w/a.mregion',
            name: 'cdk-etc-x-y',
        },
        { what: 'a fixed word when nothing usable is left', topology: '…', file: '/w/a.mregion', name: 'cdk-design' },
    ])('is named after $what', ({ topology, file, name }) => {
        expect(defaultExportFolderName(topology, file)).toBe(name);
    });

    test('is created by the first export, then taken as an earlier export, and refused once it holds the user’s files', () => {
        const folder = path.join(sandbox, 'workspace', defaultExportFolderName('GlobalTickets', 'tickets.mregion'));
        expect(inspectExportFolder(folder)).toEqual({ kind: 'empty' });
        replaceExport(folder, 'file:///tickets.mregion', [{ path: 'README.md', content: 'first' }]);
        expect(listing(folder)).toEqual([manifestName, 'README.md']);
        const again = inspectExportFolder(folder);
        expect(again).toEqual({
            kind: 'previous',
            manifest: { source: 'file:///tickets.mregion', files: ['README.md'] },
        });
        rmSync(path.join(folder, manifestName));
        writeFileSync(path.join(folder, 'notes.txt'), 'mine');
        expect(inspectExportFolder(folder)).toEqual({ kind: 'refused', reason: 'the folder is not empty' });
    });
});

describe('where an export goes', () => {
    test.each([
        {
            what: 'the default folder cdk-<topology> in the workspace folder',
            configured: undefined,
            topology: 'Fintech',
            expected: '/ws/cdk-fintech',
        },
        {
            what: 'cdk-<file name> when the design names no topology',
            configured: undefined,
            topology: undefined,
            expected: '/ws/cdk-orders',
        },
        {
            what: 'a configured relative folder, under the workspace folder',
            configured: 'build/cdk',
            topology: 'Fintech',
            expected: '/ws/build/cdk',
        },
        {
            what: 'a configured absolute folder, as it is',
            configured: '/exports/fintech',
            topology: 'Fintech',
            expected: '/exports/fintech',
        },
    ])('is $what', ({ configured, topology, expected }) => {
        expect(exportFolderPath('/ws', configured, topology, '/ws/designs/orders.mregion')).toBe(expected);
    });
});

describe('what the export command does with the folder', () => {
    test.each([
        {
            what: 'writes into a missing or empty folder without asking',
            state: { kind: 'empty' as const },
            step: { kind: 'write' },
        },
        {
            what: 'asks before replacing an earlier export, naming its design and how many files go',
            state: {
                kind: 'previous' as const,
                manifest: { source: 'file:///ws/fintech.mregion', files: ['README.md', 'bin/app.ts', 'lib/stack.ts'] },
            },
            step: {
                kind: 'confirm-replace',
                manifest: { source: 'file:///ws/fintech.mregion', files: ['README.md', 'bin/app.ts', 'lib/stack.ts'] },
                question:
                    '/ws/cdk-fintech holds an earlier export of file:///ws/fintech.mregion. Replace its 3 generated files?',
            },
        },
        {
            what: 'refuses a folder holding anything else, with the reason and what to do',
            state: { kind: 'refused' as const, reason: 'the folder is not empty' },
            step: {
                kind: 'refuse',
                message:
                    'Cannot export into /ws/cdk-fintech: the folder is not empty. Choose an empty or new folder (an earlier export by this command may be replaced).',
            },
        },
    ])('$what', ({ state, step }) => {
        expect(exportStep('/ws/cdk-fintech', state)).toEqual(step);
    });

    test('writes the first export into the default folder, asks the second time, and refuses once the folder is the user’s', () => {
        const workspace = path.join(sandbox, 'ws');
        const folder = exportFolderPath(workspace, undefined, 'Fintech', path.join(workspace, 'fintech.mregion'));
        expect(folder).toBe(path.join(workspace, 'cdk-fintech'));
        expect(exportStep(folder, inspectExportFolder(folder))).toEqual({ kind: 'write' });
        replaceExport(folder, 'file:///ws/fintech.mregion', [
            { path: 'README.md', content: 'first' },
            { path: 'lib/stack.ts', content: 'first' },
        ]);

        const again = exportStep(folder, inspectExportFolder(folder));
        expect(again).toMatchObject({
            kind: 'confirm-replace',
            question: `${folder} holds an earlier export of file:///ws/fintech.mregion. Replace its 2 generated files?`,
        });
        // Declined: nothing is written, so the folder is as the first export left it.
        expect(listing(folder)).toEqual([manifestName, 'README.md', path.join('lib', 'stack.ts')]);

        rmSync(path.join(folder, manifestName));
        writeFileSync(path.join(folder, 'notes.txt'), 'mine');
        expect(exportStep(folder, inspectExportFolder(folder))).toEqual({
            kind: 'refuse',
            message: `Cannot export into ${folder}: the folder is not empty. Choose an empty or new folder (an earlier export by this command may be replaced).`,
        });
    });
});
