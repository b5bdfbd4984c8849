// Langium's workspace manager marks the workspace ready only when loading every file of the workspace folders
// succeeded, and the server holds every document update until it is ready: one exception while loading (before
// documents were contained, a file that crashed the parser) left the server answering nothing, for any file,
// until it was restarted. Loading one document can no longer throw (document-factory.ts), and should loading
// the workspace fail for any other reason, the workspace is marked ready anyway, so that files are still checked
// as they are opened and changed.
import { DefaultWorkspaceManager, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-types';

export class MregionWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        try {
            return await super.performStartup(folders);
        } catch (error) {
            console.error(`mregion: loading the workspace failed (${error instanceof Error ? error.message : String(error)}); files are checked as they are opened`);
            this._ready.resolve();
            return [];
        }
    }
}
