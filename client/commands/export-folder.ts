// The folder side of "Export to CDK" that only the editor needs: the default folder, and what the command does with it. Whether a folder may
// take an export, and replacing an earlier export in it, is shared with the CLI (export/cdk/previous-export.ts).
import * as path from 'node:path';

import type { ExportManifest, FolderState } from '../../export/cdk/previous-export.js';

export {
    inspectExportFolder,
    manifestName,
    MAX_MANIFEST_BYTES,
    replaceExport,
    type ExportManifest,
    type FolderState,
} from '../../export/cdk/previous-export.js';

/**
 * The folder an export goes to when none is configured: `cdk-<topology>` (else `cdk-<file name>`), one word of
 * lower-case letters, digits and hyphens, so it is always a child of the workspace folder and two designs do not
 * share one.
 */
export function defaultExportFolderName(topology: string | undefined, designFile: string): string {
    const from = topology ?? path.basename(designFile).replace(/\.mregion$/i, '');
    const word = from
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `cdk-${word || 'design'}`;
}

/**
 * Where an export goes, as a path: the configured folder (absolute, or relative to the workspace folder), else
 * `<workspace>/cdk-<topology>/`. `base` is the workspace folder of the design, or the design's own folder
 * outside a workspace.
 */
export function exportFolderPath(
    base: string,
    configured: string | undefined,
    topology: string | undefined,
    designFile: string,
): string {
    if (configured && path.isAbsolute(configured)) return configured;
    return path.join(base, configured || defaultExportFolderName(topology, designFile));
}

/** What the command does with the chosen folder: write, ask before replacing an earlier export, or refuse and say why. */
export type ExportStep =
    | { readonly kind: 'write' }
    | { readonly kind: 'confirm-replace'; readonly manifest: ExportManifest; readonly question: string }
    | { readonly kind: 'refuse'; readonly message: string };

export function exportStep(folder: string, state: FolderState): ExportStep {
    switch (state.kind) {
        case 'empty':
            return { kind: 'write' };
        case 'previous':
            return {
                kind: 'confirm-replace',
                manifest: state.manifest,
                question: `${folder} holds an earlier export of ${state.manifest.source}. Replace its ${state.manifest.files.length} generated files?`,
            };
        case 'refused':
            return {
                kind: 'refuse',
                message: `Cannot export into ${folder}: ${state.reason}. Choose an empty or new folder (an earlier export by this command may be replaced).`,
            };
    }
}
