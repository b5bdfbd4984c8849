// The one folder scan of the CLI (`mregion check FOLDER`) and the language server (the workspace folders): a
// folder named by mistake (`mregion check /`, a home folder opened as the workspace) must not have millions of
// entries visited, so a scan stops at a number of entries listed and of designs found. A folder that cannot be
// listed is reported to the caller, which decides whether to stop (the CLI) or skip it (the server).
import { formatCount } from '../../format/quantities.js';
import { UriUtils, type FileSystemNode, type URI } from 'langium';
import { systemReason } from '../semantics/system-errors.js';

export interface ScanLimits {
    /** Folder entries listed, of any kind, in the whole scan. */
    readonly entries: number;
    /** Design files found. */
    readonly designs: number;
}

export const SCAN_LIMITS: ScanLimits = { entries: 100_000, designs: 10_000 };

export interface ScanOptions {
    readonly limits?: ScanLimits;
    /** Called for a folder whose listing failed; throwing stops the scan, returning skips the folder. */
    readonly unlistable: (folder: URI, reason: string) => void;
}

export interface ScanResult {
    /** The designs found, in the order of a depth-first walk through sorted listings. */
    readonly files: URI[];
    /** Set when the scan stopped at a limit: the files are then those found until it stopped. */
    readonly stoppedAt?: { readonly limit: keyof ScanLimits; readonly count: number };
}

export async function scanFolder(
    fs: { readDirectory(uri: URI): Promise<FileSystemNode[]> },
    folder: URI,
    options: ScanOptions,
): Promise<ScanResult> {
    const limits = options.limits ?? SCAN_LIMITS;
    const files: URI[] = [];
    let entries = 0;
    let stoppedAt: ScanResult['stoppedAt'];
    // Depth-first through listings sorted by name, so the order is the same on every machine. The depth is
    // bounded by the longest path the system allows, so the recursion cannot overflow the stack.
    const visit = async (current: URI): Promise<void> => {
        let listing: FileSystemNode[];
        try {
            listing = await fs.readDirectory(current);
        } catch (error) {
            options.unlistable(current, listingFailure(error));
            return;
        }
        entries += listing.length;
        if (entries > limits.entries) {
            stoppedAt = { limit: 'entries', count: limits.entries };
            return;
        }
        for (const entry of listing.filter(isScanned).sort((a, b) => a.uri.path.localeCompare(b.uri.path))) {
            if (stoppedAt) return;
            if (entry.isDirectory) await visit(entry.uri);
            else if (!entry.isFile) continue;
            else if (files.length === limits.designs) stoppedAt = { limit: 'designs', count: limits.designs };
            else files.push(entry.uri);
        }
    };
    await visit(folder);
    return { files, stoppedAt };
}

/**
 * What both scans take: folders and .mregion files, except dot-names (.git, .vscode) and node_modules. A test on
 * the name only: Langium's test (its service registry) costs 20 µs an entry, seconds on a large folder.
 */
export function isScanned(entry: FileSystemNode): boolean {
    const name = UriUtils.basename(entry.uri);
    if (name.startsWith('.') || name === 'node_modules') return false;
    return entry.isDirectory || (entry.isFile && name.endsWith('.mregion'));
}

/** Why a folder could not be listed, without a stack. */
function listingFailure(error: unknown): string {
    return (
        systemReason(error, { ENOENT: 'it no longer exists', ENOTDIR: 'it is no longer a folder' }) ??
        `the system refused to list it (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))})`
    );
}

/** The limit a scan stopped at, as users read it: "100,000 files and folders", "10,000 .mregion files". */
export function describeLimit(stoppedAt: NonNullable<ScanResult['stoppedAt']>): string {
    const count = formatCount(stoppedAt.count);
    return stoppedAt.limit === 'entries' ? `${count} files and folders` : `${count} .mregion files`;
}
