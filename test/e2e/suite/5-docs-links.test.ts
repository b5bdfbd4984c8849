// Links to the shipped documentation open it in the Markdown preview, as a reader clicks them: a facts link in a
// hover and a rule link in the Problems panel are both command links of mregion.openDocs (the hover's Markdown
// trusts that one command; the Problems panel opens code links with commands allowed).
import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { open, waitFor, waitForDiagnostics } from './helpers.js';

const OPEN_DOCS = 'mregion.openDocs';

/** The preview tab whose label names `page` (VS Code labels a Markdown preview "Preview <file name>"). */
function previewOpened(page: string): Promise<vscode.Tab> {
    return waitFor(
        vscode.window.tabGroups.onDidChangeTabs,
        () =>
            vscode.window.tabGroups.all
                .flatMap((g) => g.tabs)
                .find((t) => t.label.includes(page) && t.input instanceof vscode.TabInputWebview),
        `the Markdown preview of ${page}`,
    );
}

async function closePreviews(): Promise<void> {
    const previews = vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputWebview);
    await vscode.window.tabGroups.close(previews);
}

function markdownOf(hover: vscode.Hover): vscode.MarkdownString[] {
    return hover.contents.filter(
        (c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c && 'isTrusted' in c,
    );
}

describe('Documentation links', () => {
    it('opens a facts link of a hover in the Markdown preview, trusting only the documentation command', async () => {
        const document = await open('aurora-warm-standby.mregion');
        const offset = document.getText().indexOf('orders-db');
        assert.ok(offset >= 0, 'the example declares orders-db');
        // The server has built the document once its diagnostics are published.
        await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the diagnostics of aurora-warm-standby.mregion');
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            document.uri,
            document.positionAt(offset + 1),
        );
        const parts = hovers.flatMap(markdownOf);
        const linked = parts.find((p) => p.value.includes(`command:${OPEN_DOCS}?`));
        assert.ok(
            linked,
            `a hover of orders-db links into the docs through ${OPEN_DOCS}:\n${parts.map((p) => p.value).join('\n---\n')}`,
        );
        assert.deepEqual(
            linked.isTrusted,
            { enabledCommands: [OPEN_DOCS] },
            'only the documentation command is trusted',
        );
        const link = /command:mregion\.openDocs\?([^)\s]+)/.exec(linked.value)!;
        const [page, fragment] = JSON.parse(decodeURIComponent(link[1]!)) as [string, string];
        assert.equal(page, 'facts.md');
        assert.match(fragment, /^[a-z0-9-]+$/);
        await closePreviews();
        const opened = previewOpened('facts.md');
        const result = await vscode.commands.executeCommand<string>(OPEN_DOCS, page, fragment);
        assert.ok(result?.endsWith(`/docs/facts.md#${fragment}`), `opened ${result}`);
        await opened;
    });

    it('links each rule code of the Problems panel to its page through the same command', async () => {
        const document = await open('aurora-warm-standby.mregion');
        const diagnostics = await waitForDiagnostics(
            document.uri,
            (d) => d.some((x) => typeof x.code === 'object'),
            'a diagnostic with a rule link',
        );
        const code = diagnostics
            .map((d) => d.code)
            .find((c): c is { value: string | number; target: vscode.Uri } => typeof c === 'object')!;
        // The Problems panel opens a code link with commands allowed (the UI driver clicks one); here: its target.
        assert.equal(code.target.scheme, 'command');
        assert.equal(code.target.path, OPEN_DOCS);
        assert.deepEqual(JSON.parse(code.target.query), [`rules/${code.value}.md`, '']);
        await closePreviews();
        const opened = previewOpened(`${code.value}.md`);
        await vscode.commands.executeCommand(OPEN_DOCS, ...(JSON.parse(code.target.query) as string[]));
        await opened;
    });
});
