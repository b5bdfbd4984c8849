// The file system of the CLI and the server, in process: what it reads and what it refuses (the end-to-end
// cases, with the real CLI and server, are in special-files.test.ts and workspace-server.test.ts).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { RegularFileSystemProvider } from '../../language/workspace/file-system.js';
import { makeFifo, useTemporaryFolder } from './helpers/special-files.js';

const root = useTemporaryFolder('mregion-fs-');
const fs = new RegularFileSystemProvider();

describe('the file system of the CLI and the server', () => {
    it('reads the raw bytes of a file that is not UTF-8', async () => {
        const file = URI.file(path.join(root(), 'latin1.mregion'));
        writeFileSync(file.fsPath, Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0xff, 0x0a]));
        expect([...(await fs.readBinary(file))]).toEqual([0x2f, 0x2f, 0x20, 0xe9, 0xff, 0x0a]);
        expect([...fs.readBinarySync(file)]).toEqual([0x2f, 0x2f, 0x20, 0xe9, 0xff, 0x0a]);
    });

    it('lists links to files as files, links to folders and dangling links as neither, and special files as files (refused when read)', () => {
        const folder = path.join(root(), 'listing');
        mkdirSync(path.join(folder, 'sub'), { recursive: true });
        writeFileSync(path.join(folder, 'a.mregion'), '');
        symlinkSync('a.mregion', path.join(folder, 'to-file.mregion'));
        symlinkSync('sub', path.join(folder, 'to-folder.mregion'));
        symlinkSync('nowhere', path.join(folder, 'dangling.mregion'));
        makeFifo(path.join(folder, 'pipe.mregion'));
        const listed = fs
            .readDirectorySync(URI.file(folder))
            .map((e) => `${path.basename(e.uri.fsPath)} ${e.isFile ? 'file' : e.isDirectory ? 'folder' : 'skipped'}`)
            .sort();
        expect(listed).toEqual([
            'a.mregion file',
            'dangling.mregion skipped',
            'pipe.mregion file',
            'sub folder',
            'to-file.mregion file',
            'to-folder.mregion skipped',
        ]);
        expect(() => fs.readFileSync(URI.file(path.join(folder, 'pipe.mregion')))).toThrow(
            'it is a FIFO (named pipe), not a regular file',
        );
    });
});
