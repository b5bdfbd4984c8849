// Opens a page shipped in the extension's docs folder (docs/facts.md, docs/rules/<code>.md) in the Markdown
// preview, at an anchor when one is given: what a facts link in a hover or a rule link in the Problems panel
// opens (client/docs-links.ts rewrites those links to this command or to the extension's URI handler).
import { Uri, commands } from 'vscode';
import { isDocPage } from '../docs-links.js';
import type { CommandContext } from './context.js';

export async function openDocs(ctx: CommandContext, page: unknown, fragment?: unknown): Promise<string | undefined> {
    if (!isDocPage(page)) {
        void ctx.notices.show(
            'error',
            `There is no page "${String(page)}" in the documentation installed with this extension.`,
        );
        return undefined;
    }
    const anchor = typeof fragment === 'string' && /^[a-z0-9-]+$/.test(fragment) ? fragment : '';
    const file = Uri.joinPath(ctx.extension.extensionUri, 'docs', ...page.split('/')).with({ fragment: anchor });
    await commands.executeCommand('markdown.showPreview', file);
    return file.toString();
}
