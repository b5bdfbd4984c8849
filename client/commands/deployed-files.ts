// The file side of "Import from deployed template…", without VS Code: where the imported design goes by default
// (beside what it was imported from) and writing it as a new file — never over an existing file, and never
// through a link planted at the path (O_CREAT | O_EXCL fails on any existing name, a link included).
import { closeSync, constants, lstatSync, openSync, writeSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Beside the input: `shop.template.json` → `shop.mregion`, `plan.json` → `plan.mregion`; for a cdk.out folder,
 * in the folder that holds it, named after the topology (else `imported`).
 */
export function importedDesignPath(input: string, isFolder: boolean, topology?: string): string {
    if (isFolder) {
        const word =
            (topology ?? 'imported')
                .toLowerCase()
                .replace(/[^a-z0-9-]+/g, '-')
                .replace(/^-+|-+$/g, '') || 'imported';
        return path.join(path.dirname(path.resolve(input)), `${word}.mregion`);
    }
    const stem = path.basename(input).replace(/\.template\.json$|\.json$/i, '') || 'imported';
    return path.join(path.dirname(path.resolve(input)), `${stem}.mregion`);
}

export function isFolder(file: string): boolean {
    try {
        return lstatSync(file).isDirectory();
    } catch {
        return false;
    }
}

/** True when something (a file, a folder, a link, even a dangling one) already has the name. */
export function taken(file: string): boolean {
    try {
        lstatSync(file);
        return true;
    } catch {
        return false;
    }
}

/** Creates `file` with `text`; throws, having written nothing, when anything is already there. */
export function writeNewDesign(file: string, text: string): void {
    const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    try {
        writeSync(fd, text);
    } finally {
        closeSync(fd);
    }
}

/** The notification after a comparison: how many differences, or none. */
export function driftNotice(count: number, design: string, against: string): string {
    return count === 0
        ? `No drift: ${design} and ${against} agree on regions, replicas, replication, health checks and TTLs.`
        : `${count} difference${count === 1 ? '' : 's'} between ${design} and ${against}, shown in Problems on the design's clauses.`;
}
