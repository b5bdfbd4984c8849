// Folder scans that cannot finish as asked: a subfolder that cannot be listed, and folders too large to scan
// (`mregion check /`, a home folder opened as the workspace). The CLI stops with exit 2 and a message naming the
// folder and the limit, so a CI run never passes with designs left unchecked; the language server stops at the
// limit, keeps what it found and says so in a warning. Listing failures are injected through the file-system
// provider the scan takes, as the tests run as root, whom permissions do not stop.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type FileSystemNode } from 'langium';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expandPaths } from '../../cli/workspace.js';
import { createMregionServices } from '../../language/mregion-module.js';
import { RegularFileSystem, RegularFileSystemProvider } from '../../language/workspace/file-system.js';
import { SCAN_LIMITS } from '../../language/workspace/folder-scan.js';
import { bundle } from '../helpers/bundles.js';
import { LspClient } from '../helpers/lsp-client.js';
import { useTemporaryFolder } from './helpers/special-files.js';

const DESIGN = 'region us-east-1 {}\n';
const UNRESOLVED = `import "gone.mregion"\n${DESIGN}`;
const root = useTemporaryFolder('mregion-scan-');
const inRoot = (...parts: string[]) => path.join(root(), ...parts);

function files(folder: string, count: number, name: (i: number) => string): void {
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < count; i++) writeFileSync(path.join(folder, name(i)), '');
}

beforeAll(() => {
    for (const design of ['designs/a.mregion', 'designs/private/b.mregion', 'designs/z/c.mregion']) {
        mkdirSync(path.dirname(inRoot(design)), { recursive: true });
        writeFileSync(inRoot(design), DESIGN);
    }
    // One entry more than a scan visits, and one design more than it loads.
    files(inRoot('workspace', 'many'), SCAN_LIMITS.entries + 1, (i) => `f${i}.txt`);
    writeFileSync(inRoot('workspace', 'a.mregion'), UNRESOLVED);
    writeFileSync(inRoot('workspace', 'z.mregion'), UNRESOLVED);
    files(inRoot('designs-galore'), SCAN_LIMITS.designs + 1, (i) => `d${i}.mregion`);
});

/** The real file system, except that listing `failing` throws an error with `code`. */
function failingListing(failing: string, code: string) {
    const real = new RegularFileSystemProvider();
    return {
        readDirectory: (uri: URI): Promise<FileSystemNode[]> =>
            uri.fsPath === failing
                ? Promise.reject(Object.assign(new Error(`${code}: injected, scandir '${failing}'`), { code }))
                : real.readDirectory(uri),
    };
}

function inRootFolder<T>(run: () => Promise<T>): Promise<T> {
    const cwd = process.cwd();
    process.chdir(root());
    return run().finally(() => process.chdir(cwd));
}

describe('a CLI folder scan that cannot list a subfolder', () => {
    const cases = [
        { code: 'EACCES', reason: 'permission denied' },
        { code: 'EPERM', reason: 'permission denied' },
        { code: 'ENOENT', reason: 'it no longer exists' },
        { code: 'ENOTDIR', reason: 'it is no longer a folder' },
        { code: 'EIO', reason: 'the system refused to list it (EIO)' },
    ];
    for (const c of cases) {
        it(`stops with a usage error naming the folder when listing it fails with ${c.code}`, async () => {
            const scan = inRootFolder(() =>
                expandPaths(['designs'], failingListing(inRoot('designs', 'private'), c.code)),
            );
            await expect(scan).rejects.toThrow(
                `cannot list the folder '${path.join('designs', 'private')}': ${c.reason}; make it readable, or name the folders and files to check`,
            );
        });
    }

    it('lists every design below the folder when every subfolder can be listed', async () => {
        const found = await inRootFolder(() => expandPaths(['designs'], failingListing(inRoot('elsewhere'), 'EACCES')));
        expect(found).toEqual(
            ['designs/a.mregion', 'designs/private/b.mregion', 'designs/z/c.mregion'].map((f) => inRoot(f)),
        );
    });

    it('stops at the limits it is given, counting every entry listed and every design found', async () => {
        const fs = new RegularFileSystemProvider();
        await expect(inRootFolder(() => expandPaths(['designs'], fs, { entries: 4, designs: 10 }))).rejects.toThrow(
            `'designs' is too large to scan: it holds more than 4 files and folders (the limit of one folder scan); name a smaller folder, or the .mregion files themselves`,
        );
        await expect(inRootFolder(() => expandPaths(['designs'], fs, { entries: 10, designs: 2 }))).rejects.toThrow(
            `'designs' is too large to scan: it holds more than 2 .mregion files (the limit of one folder scan)`,
        );
        expect(await inRootFolder(() => expandPaths(['designs'], fs, { entries: 5, designs: 3 }))).toHaveLength(3);
    });
});

describe('the CLI given a folder too large to scan', () => {
    const cases = [
        {
            name: 'more entries than a scan visits',
            folder: path.join('workspace', 'many'),
            holds: '100,000 files and folders',
        },
        { name: 'more designs than a scan loads', folder: 'designs-galore', holds: '10,000 .mregion files' },
    ];
    for (const c of cases) {
        it(`exits 2 naming the limit for a folder with ${c.name}`, () => {
            const result = spawnSync(process.execPath, [bundle('cli'), 'check', c.folder], {
                cwd: root(),
                encoding: 'utf8',
                timeout: 60_000,
            });
            expect(result.stderr).toBe(
                `mregion: '${c.folder}' is too large to scan: it holds more than ${c.holds} (the limit of one folder scan); name a smaller folder, or the .mregion files themselves\n`,
            );
            expect(result.status).toBe(2);
        });
    }
});

describe("the language server's workspace scan", () => {
    let client: LspClient | undefined;
    afterAll(() => client?.stop());

    it('stops at the limit on a workspace too large to scan, warns naming it, checks the designs found before it and the others when they are opened', async () => {
        const workspace = inRoot('workspace');
        client = await LspClient.start(URI.file(workspace).toString());
        const warning = new Promise<string>((resolve) =>
            client!.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
                if (p.type === 2) resolve(p.message);
            }),
        );
        expect(await warning).toBe(
            `mregion stopped scanning '${workspace}' at 100,000 files and folders (the limit of one folder scan): designs it did not reach are checked only when they are opened. Open a smaller folder to have every design checked.`,
        );
        // The workspace's designs are validated once a document is opened; z.mregion is past the limit.
        const uri = (name: string) => URI.file(path.join(workspace, name)).toString();
        await client.open(uri('z.mregion'), UNRESOLVED);
        for (const name of ['a.mregion', 'z.mregion']) {
            expect((await client.diagnostics((p) => p.uri === uri(name))).diagnostics.map((d) => d.code)).toEqual([
                'unknown-import',
            ]);
        }
    });

    it('skips a folder it cannot list, says so in one line without a stack, and keeps the other designs', async () => {
        const failing = failingListing(inRoot('designs', 'private'), 'EACCES');
        const { shared } = createMregionServices({
            fileSystemProvider: () => Object.assign(new RegularFileSystemProvider(), failing),
        });
        const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
        try {
            const found = await shared.workspace.WorkspaceManager.searchFolder(URI.file(inRoot('designs')));
            expect(found.map((uri) => uri.fsPath)).toEqual([
                inRoot('designs', 'a.mregion'),
                inRoot('designs', 'z', 'c.mregion'),
            ]);
            expect(logged.mock.calls).toEqual([
                [
                    `mregion: cannot list the folder '${inRoot('designs', 'private')}': permission denied; the designs in it are checked when they are opened`,
                ],
            ]);
        } finally {
            logged.mockRestore();
        }
    });

    it("takes the entries the CLI's scan takes: no node_modules, no dot-names", async () => {
        for (const design of [
            'small/a.mregion',
            'small/node_modules/b.mregion',
            'small/.git/c.mregion',
            'small/.hidden.mregion',
            'small/out/d.mregion',
            'small/e.txt',
        ]) {
            mkdirSync(path.dirname(inRoot(design)), { recursive: true });
            writeFileSync(inRoot(design), DESIGN);
        }
        const found = await createMregionServices(RegularFileSystem).shared.workspace.WorkspaceManager.searchFolder(
            URI.file(inRoot('small')),
        );
        const expected = [inRoot('small', 'a.mregion'), inRoot('small', 'out', 'd.mregion')];
        expect(found.map((uri) => uri.fsPath)).toEqual(expected);
        expect(await inRootFolder(() => expandPaths(['small']))).toEqual(expected);
    });
});
