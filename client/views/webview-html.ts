// The HTML shell of both webviews: one bundled script and stylesheet from dist/, a fresh nonce per page, and a
// Content-Security-Policy that allows nothing else (no remote content, no inline code without the nonce, no eval).
import { randomBytes } from 'node:crypto';
import { Uri, type Webview, type WebviewOptions, type WebviewPanel, type WebviewPanelOptions } from 'vscode';

export type WebviewName = 'simulation' | 'topology';

export function webviewOptions(extensionUri: Uri): WebviewOptions & WebviewPanelOptions {
    return {
        enableScripts: true,
        // Charts and the laid-out graph are expensive to rebuild; keep them while the tab is hidden.
        retainContextWhenHidden: true,
        enableFindWidget: true,
        localResourceRoots: [Uri.joinPath(extensionUri, 'dist'), Uri.joinPath(extensionUri, 'media')],
    };
}

export function webviewHtml(webview: Webview, extensionUri: Uri, name: WebviewName, title: string): string {
    const nonce = randomBytes(18).toString('base64');
    const script = webview.asWebviewUri(Uri.joinPath(extensionUri, 'dist', `webview-${name}.js`));
    const style = webview.asWebviewUri(Uri.joinPath(extensionUri, 'dist', `webview-${name}.css`));
    const csp = [
        "default-src 'none'",
        `img-src ${webview.cspSource} data:`,
        `font-src ${webview.cspSource}`,
        `style-src ${webview.cspSource} 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}" nonce="${nonce}">
<title>${escapeHtml(title)}</title>
</head>
<body data-view="${name}">
<main id="app" aria-live="polite"><p class="placeholder">Loading…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Loads a view's page into a panel (new or restored after a reload), with the extension's icon. */
export function loadPage(panel: WebviewPanel, extensionUri: Uri, name: WebviewName, title: string): void {
    panel.iconPath = Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, name, title);
}
