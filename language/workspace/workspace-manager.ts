// Langium's workspace manager marks the workspace ready only when loading every file of the workspace folders
// succeeded, and the server holds every document update until it is ready: one exception while loading (before
// documents were contained, a file that crashed the parser) left the server answering nothing, for any file,
// until it was restarted. Loading one document can no longer throw (document-factory.ts), and should loading
// the workspace fail for any other reason, the workspace is marked ready anyway, so that files are still checked
// as they are opened and changed.
//
// The workspace folders are scanned by the CLI's bounded scan (folder-scan.ts): a home folder opened as the
// workspace has the scan stop at its limit with a warning, instead of millions of entries visited and loaded.
// Which entries it takes is the CLI's test too (Langium's also skipped folders named out).
import { DefaultWorkspaceManager, type FileSystemNode, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { describeLimit, isScanned, scanFolder } from './folder-scan.js';

export class MregionWorkspaceManager extends DefaultWorkspaceManager {
    constructor(private readonly services: LangiumSharedServices) {
        super(services);
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        try {
            return await super.performStartup(folders);
        } catch (error) {
            console.error(
                `mregion: loading the workspace failed (${error instanceof Error ? error.message : String(error)}); files are checked as they are opened`,
            );
            this._ready.resolve();
            return [];
        }
    }

    /** The CLI's test, also for files and folders reported by the editor's file watcher. */
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return isScanned(entry);
    }

    protected override async traverseFolder(folder: URI, uris: URI[]): Promise<void> {
        const scan = await scanFolder(this.fileSystemProvider, folder, {
            // Skipped, as Langium does, but said in one line without a stack.
            unlistable: (uri, reason) =>
                console.error(
                    `mregion: cannot list the folder '${uri.fsPath}': ${reason}; the designs in it are checked when they are opened`,
                ),
        });
        uris.push(...scan.files);
        if (scan.stoppedAt) {
            this.warn(
                `mregion stopped scanning '${folder.fsPath}' at ${describeLimit(scan.stoppedAt)} (the limit of one folder scan): designs it did not reach are checked only when they are opened. Open a smaller folder to have every design checked.`,
            );
        }
    }

    private warn(message: string): void {
        const connection = this.services.lsp.Connection;
        // A notification: the editor shows it without waiting for an answer (showWarningMessage is a request).
        if (connection)
            void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
        else console.warn(message);
    }
}
