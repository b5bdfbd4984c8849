// "Multi-Region: Open Rule Documentation": opens docs/rules/<code>.md shipped in the extension, for the code
// given (a diagnostic's link or a quick fix), else for the diagnostic under the cursor, else from a list.
import { Uri, commands, languages, window, workspace, type QuickPickItem } from 'vscode';
import type { CommandContext } from './context.js';

export async function openRuleDocumentation(ctx: CommandContext, codeArg?: unknown): Promise<string | undefined> {
    const rulesFolder = Uri.joinPath(ctx.extension.extensionUri, 'docs', 'rules');
    const available = await ruleCodes(rulesFolder);
    if (available.length === 0) {
        void ctx.notices.show(
            'error',
            'No rule documentation is installed with this extension (docs/rules is missing).',
        );
        return undefined;
    }
    const code =
        typeof codeArg === 'string' && codeArg !== ''
            ? codeArg
            : (codeUnderCursor(available) ?? (await pickCode(rulesFolder, available)));
    if (!code) return undefined;
    if (!available.includes(code)) {
        void ctx.notices.show(
            'error',
            `There is no documentation for rule "${code}". Documented rules: ${available.join(', ')}.`,
        );
        return undefined;
    }
    const file = Uri.joinPath(rulesFolder, `${code}.md`);
    await commands.executeCommand('markdown.showPreview', file);
    return file.toString();
}

async function ruleCodes(folder: Uri): Promise<string[]> {
    try {
        // stat first: reading a missing folder logs a stack trace in the extension host.
        await workspace.fs.stat(folder);
        const entries = await workspace.fs.readDirectory(folder);
        return entries
            .map(([name]) => name)
            .filter((n) => n.endsWith('.md') && n !== 'README.md')
            .map((n) => n.slice(0, -3))
            .sort();
    } catch {
        return [];
    }
}

/** The documented code of a diagnostic at the cursor of the active .mregion editor, when there is exactly one. */
function codeUnderCursor(available: readonly string[]): string | undefined {
    const editor = window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'mregion') return undefined;
    const codes = new Set<string>();
    const cursor = editor.selection.active;
    for (const d of languages.getDiagnostics(editor.document.uri).filter((x) => x.range.contains(cursor))) {
        const code =
            typeof d.code === 'object' ? String(d.code.value) : d.code !== undefined ? String(d.code) : undefined;
        if (code && available.includes(code)) codes.add(code);
    }
    return codes.size === 1 ? [...codes][0] : undefined;
}

async function pickCode(folder: Uri, available: readonly string[]): Promise<string | undefined> {
    const items: QuickPickItem[] = await Promise.all(
        available.map(async (code) => ({
            label: code,
            detail: await firstHeading(Uri.joinPath(folder, `${code}.md`)),
        })),
    );
    const picked = await window.showQuickPick(items, {
        title: 'Open the documentation of a design rule',
        placeHolder: 'Rule code',
        matchOnDetail: true,
    });
    return picked?.label;
}

async function firstHeading(file: Uri): Promise<string | undefined> {
    try {
        const text = Buffer.from(await workspace.fs.readFile(file)).toString('utf8');
        return /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
    } catch {
        return undefined;
    }
}
