// Loads .mregion files for the CLI the way the editor sees them: each file plus everything it imports, linked
// and validated by the same Langium services the language server uses.
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { URI, type FileSystemProvider, type LangiumDocument } from 'langium';
import { isDocument, type Document } from '../language/generated/ast.js';
import { createMregionServices, type MregionServices } from '../language/mregion-module.js';
import { failureOf } from '../language/workspace/failed-documents.js';
import {
    checkRegularFile,
    DESIGN_FILE_LIMIT,
    RegularFileSystem,
    RegularFileSystemProvider,
    UnreadableFileError,
} from '../language/workspace/file-system.js';
import { describeLimit, scanFolder, type ScanLimits } from '../language/workspace/folder-scan.js';
import type { BuildResult } from '../language/semantics/model.js';
import { projectRoot } from './project-root.js';

export class UsageError extends Error {}

export interface LoadedWorkspace {
    readonly services: MregionServices;
    /** The files named on the command line, in the order given. */
    readonly requested: readonly LangiumDocument<Document>[];
    /** Every loaded file: requested ones and their imports. */
    readonly all: readonly LangiumDocument<Document>[];
    modelOf(document: LangiumDocument): BuildResult;
}

/**
 * Expands directories to the .mregion files below them and checks every path is a readable .mregion file: a
 * regular file (or a link to one) within the size limit, never a FIFO, a device or a folder. A folder that cannot
 * be listed, or that is too large to scan, is a usage error: a CI run must not pass with designs left unchecked.
 */
export async function expandPaths(
    inputs: readonly string[],
    fileSystem: Pick<FileSystemProvider, 'readDirectory'> = new RegularFileSystemProvider(),
    limits?: ScanLimits,
): Promise<string[]> {
    if (inputs.length === 0) throw new UsageError('no input files: give one or more .mregion files or folders');
    const files: string[] = [];
    for (const input of inputs) {
        const absolute = path.resolve(input);
        if (!existsSync(absolute)) throw new UsageError(`cannot read '${input}': no such file or folder`);
        // A name ending in .mregion is a design, never a folder to scan (a link to / named x.mregion would
        // otherwise have the whole file system scanned).
        if (absolute.endsWith('.mregion')) {
            refuseUnreadable(absolute, input);
            files.push(absolute);
        } else if (statSync(absolute).isDirectory()) {
            const found = await findMregionFiles(fileSystem, absolute, input, limits);
            if (found.length === 0) throw new UsageError(`'${input}' contains no .mregion files`);
            for (const file of found) refuseUnreadable(file, displayPath(URI.file(file)));
            files.push(...found);
        } else {
            throw new UsageError(`'${input}' is not a .mregion file`);
        }
    }
    return [...new Set(files)];
}

function refuseUnreadable(file: string, shown: string): void {
    readingFile(shown, () => checkRegularFile(file, DESIGN_FILE_LIMIT));
}

/** Runs `read`, turning a file mregion refuses to read into a usage error that names it as `shown`. */
export function readingFile<T>(shown: string, read: () => T): T {
    try {
        return read();
    } catch (error) {
        if (error instanceof UnreadableFileError) throw new UsageError(`cannot read '${shown}': ${error.reason}`);
        throw error;
    }
}

/**
 * The .mregion files below `folder`, as the server's workspace scan finds them: links to folders are not
 * followed (so a link cycle cannot loop), dangling links are skipped.
 */
async function findMregionFiles(
    fileSystem: Pick<FileSystemProvider, 'readDirectory'>,
    folder: string,
    shown: string,
    limits?: ScanLimits,
): Promise<string[]> {
    const scan = await scanFolder(fileSystem, URI.file(folder), {
        limits,
        unlistable: (uri, reason) => {
            throw new UsageError(
                `cannot list the folder '${displayPath(uri)}': ${reason}; make it readable, or name the folders and files to check`,
            );
        },
    });
    if (scan.stoppedAt) {
        throw new UsageError(
            `'${shown}' is too large to scan: it holds more than ${describeLimit(scan.stoppedAt)} (the limit of one folder scan); name a smaller folder, or the .mregion files themselves`,
        );
    }
    return scan.files.map((uri) => uri.fsPath);
}

export async function loadWorkspace(files: readonly string[]): Promise<LoadedWorkspace> {
    const services = createMregionServices(RegularFileSystem).Mregion;
    services.semantics.RuleConfig.searchRoot = (document) => projectRoot(document);
    const documents = services.shared.workspace.LangiumDocuments;
    const imports = services.semantics.Imports;
    const requested: LangiumDocument<Document>[] = [];
    const queue: URI[] = files.map((f) => URI.file(path.resolve(f)));
    const requestedKeys = new Set(queue.map((uri) => uri.toString()));
    const seen = new Set<string>();
    let imported = false;
    const all: LangiumDocument<Document>[] = [];
    while (queue.length > 0) {
        const uri = queue.shift()!;
        if (seen.has(uri.toString())) continue;
        seen.add(uri.toString());
        const isRequested = requestedKeys.has(uri.toString());
        if (!isRequested && !existsSync(uri.fsPath)) continue; // reported by the import check
        const document = (await documents.getOrCreateDocument(uri)) as LangiumDocument<Document>;
        const failure = failureOf(document);
        // Checked by expandPaths already; the file may have been replaced since.
        if (isRequested && failure?.unreadable)
            throw new UsageError(`cannot read '${displayPath(uri)}': ${failure.reason}`);
        all.push(document);
        if (isRequested) requested.push(document);
        const root = document.parseResult.value;
        if (!isDocument(root)) continue;
        for (const imp of root.imports) {
            const target = imports.resolve(uri, imp);
            if (!target || !target.path.endsWith('.mregion')) continue;
            imported = true;
            if (!seen.has(target.toString())) queue.push(target);
        }
    }
    // Each document's model is built once. Without imports nothing reuses what the declaration memo records, so
    // recording is pure overhead (most of a large design's build); with imports, every importer reuses the models
    // of the declarations it imports, which keeps an import chain linear instead of quadratic.
    services.semantics.Models.rememberDeclarations = imported;
    await services.shared.workspace.DocumentBuilder.build(all, { validation: true });
    return { services, requested, all, modelOf: (document) => services.semantics.Models.modelFor(document) };
}

/** Path as shown to the user: relative to the working directory when below it. */
export function displayPath(uri: URI): string {
    const relative = path.relative(process.cwd(), uri.fsPath);
    return relative.startsWith('..') || path.isAbsolute(relative) ? uri.fsPath : relative;
}
