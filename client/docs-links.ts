// Links to the documentation shipped with the extension (docs/facts.md, docs/rules/<code>.md) open in the
// Markdown preview, not as editable text. The server writes plain file URIs, which any editor can open; the
// client rewrites those that point into its own docs folder to a `command:` link of OPEN_DOCS_COMMAND: in hovers
// and inlay-hint tooltips (their Markdown is trusted for that one command only) and in diagnostics' code links
// (the Problems panel and the problem hover open code links with commands allowed; a `<scheme>://<extension>`
// URI would instead go through the URL handler, which asks the user to confirm every first click).
// No `vscode` import: the rewriting is plain string work, tested in test/client/docs-links.test.ts.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPEN_DOCS_COMMAND = 'mregion.openDocs';

/** A shipped page, relative to the docs folder (`facts.md`, `rules/egress-cost.md`), and an anchor in it. */
export interface DocTarget {
    readonly page: string;
    readonly fragment: string;
}

/** The pages the extension ships and opens: nothing else, so a link cannot make it open an arbitrary file. */
const PAGE = /^(?:rules\/)?[a-z0-9][a-z0-9-]*\.md$/;
const FRAGMENT = /^[a-z0-9-]*$/;

export function isDocPage(page: unknown): page is string {
    return typeof page === 'string' && PAGE.test(page);
}

function target(page: string, fragment: string): DocTarget | undefined {
    return isDocPage(page) && FRAGMENT.test(fragment) ? { page, fragment } : undefined;
}

/** The shipped page a `file:` URI points to, when it is inside `docsFolder` (a file-system path). */
export function docTarget(href: string, docsFolder: string): DocTarget | undefined {
    if (!href.startsWith('file:')) return undefined;
    let url: URL;
    try {
        url = new URL(href);
    } catch {
        return undefined;
    }
    const relative = path.relative(docsFolder, fileURLToPath(new URL(`${url.protocol}//${url.host}${url.pathname}`)));
    return target(relative.split(path.sep).join('/'), decodeURIComponent(url.hash.replace(/^#/, '')));
}

/** A `command:` link that opens the page in the preview. */
export function commandLink(t: DocTarget): string {
    return `command:${OPEN_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([t.page, t.fragment]))}`;
}

/** Markdown in which every link into the shipped docs is a command link; other links are left alone. */
export function rewriteDocLinks(markdown: string, docsFolder: string): string {
    return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, href: string) => {
        const t = docTarget(href, docsFolder);
        return t ? `](${commandLink(t)})` : whole;
    });
}
