// .mregion.json is looked for from a design's folder up to its project's root, never above (the CLI: the git
// root, or the working directory; the server: the workspace folder, or the design's own folder), and read only
// when it is a regular file of at most 1 MiB. A FIFO or a link to /dev/zero named .mregion.json used to make the
// real CLI and server (run here as users run them) block forever or fill memory; now it is a warning on the
// design, or not looked at when it lies above the root. The fixtures live in a temporary folder made by the test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bundle } from '../helpers/bundles.js';
import { createMregionServices } from '../../language/mregion-module.js';
import { RegularFileSystem, type RegularFileSystemProvider } from '../../language/workspace/file-system.js';
import { LspClient } from '../helpers/lsp-client.js';
import { makeFifo, makeSparse, useTemporaryFolder } from './helpers/special-files.js';

const DESIGN = 'region us-east-1 {}\n';
const IGNORED = 'its rule settings are ignored';

const root = useTemporaryFolder('mregion-config-');
let counter = 0;

type Special = (file: string) => void;
const fifo: Special = makeFifo;
const linkToZero: Special = (file) => symlinkSync('/dev/zero', file);
const overOneMiB: Special = (file) => makeSparse(file, 1024 * 1024 + 1);

/** case/repo/designs/web.mregion, with repo/.git when `git`; returns the case folder. */
function project(git: boolean): string {
    const folder = path.join(root(), `case${++counter}`);
    mkdirSync(path.join(folder, 'repo', 'designs'), { recursive: true });
    if (git) mkdirSync(path.join(folder, 'repo', '.git'));
    writeFileSync(path.join(folder, 'repo', 'designs', 'web.mregion'), DESIGN);
    return folder;
}

/** The real CLI; a hang is ended after 30 s and shows as status null. */
function check(cwd: string) {
    const result = spawnSync(process.execPath, [bundle('cli'), 'check', path.join('designs', 'web.mregion')], {
        cwd,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('.mregion.json for the CLI', () => {
    const refused: { name: string; make: Special; says: string }[] = [
        { name: 'a FIFO', make: fifo, says: 'it is a FIFO (named pipe), not a regular file' },
        { name: 'a link to /dev/zero', make: linkToZero, says: 'it is a character device, not a regular file' },
        {
            name: 'a file over 1 MiB',
            make: overOneMiB,
            says: 'it is 1,048,577 bytes, more than the 1 MiB (1,048,576 bytes) mregion reads; a rule configuration needs only a few hundred bytes',
        },
    ];
    for (const c of refused) {
        it(`refuses ${c.name} named .mregion.json with a warning on the design`, () => {
            const folder = project(true);
            const config = path.join(folder, 'repo', '.mregion.json');
            c.make(config);
            const { status, stdout, stderr } = check(path.join(folder, 'repo'));
            expect(stdout).toContain(
                `${path.join('designs', 'web.mregion')}:1:1 warning invalid-config ${config} cannot be read: ${c.says}; ${IGNORED}`,
            );
            expect(stderr).toBe('');
            expect(status).toBe(0);
        });
    }

    const above: { name: string; git: boolean; cwd: string }[] = [
        { name: 'the git root', git: true, cwd: 'repo' },
        { name: 'the working directory, outside a git repository', git: false, cwd: 'repo' },
    ];
    for (const c of above) {
        it(`does not look for .mregion.json above ${c.name}`, () => {
            const folder = project(c.git);
            fifo(path.join(folder, '.mregion.json'));
            const { status, stdout } = check(path.join(folder, c.cwd));
            expect(stdout).toContain('1 file checked: no problems');
            expect(status).toBe(0);
        });
    }
});

describe('.mregion.json for the language server', () => {
    let client: LspClient | undefined;
    afterAll(() => client?.stop());

    it("looks no higher than the workspace folder (or, outside every folder, than the design's own folder) and refuses a link to /dev/zero", async () => {
        const folder = path.join(root(), 'server');
        const workspace = path.join(folder, 'workspace');
        mkdirSync(path.join(workspace, 'inner'), { recursive: true });
        mkdirSync(path.join(folder, 'outside'));
        fifo(path.join(folder, '.mregion.json'));
        linkToZero(path.join(workspace, 'inner', '.mregion.json'));
        const designs = ['workspace/top.mregion', 'workspace/inner/deep.mregion', 'outside/alone.mregion'].map((name) =>
            URI.file(path.join(folder, name)).toString(),
        );
        for (const design of designs) writeFileSync(URI.parse(design).fsPath, DESIGN);

        client = await LspClient.start(URI.file(workspace).toString());
        const published = [];
        for (const design of designs) {
            await client.open(design, DESIGN);
            published.push((await client.diagnostics((p) => p.uri === design)).diagnostics.map((d) => d.message));
        }
        expect(published).toEqual([
            [],
            [
                `${path.join(workspace, 'inner', '.mregion.json')} cannot be read: it is a character device, not a regular file; ${IGNORED}`,
            ],
            [],
        ]);
    });
});

describe('.mregion.json for many designs', () => {
    it('is read once per build for a folder of designs, not once per design', async () => {
        const folder = path.join(root(), 'many');
        mkdirSync(folder);
        writeFileSync(path.join(folder, '.mregion.json'), '{ "rules": { "dns-ttl-too-long": "off" } }');
        const { shared } = createMregionServices(RegularFileSystem);
        const reads = vi.spyOn(shared.workspace.FileSystemProvider as RegularFileSystemProvider, 'readFileWithin');
        const documents = [];
        for (let i = 0; i < 20; i++) {
            writeFileSync(path.join(folder, `d${i}.mregion`), DESIGN);
            documents.push(
                await shared.workspace.LangiumDocuments.getOrCreateDocument(
                    URI.file(path.join(folder, `d${i}.mregion`)),
                ),
            );
        }
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        expect(reads).toHaveBeenCalledTimes(1);
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        expect(reads).toHaveBeenCalledTimes(2);
    });
});
