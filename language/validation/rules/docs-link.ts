// Where each rule's documentation page is: docs/rules/<code>.md next to the running bundle (dist/../docs in the
// .vsix and the npm package, the repository's docs/ from sources). One helper, so the editor's
// `codeDescription` and the CLI's SARIF `helpUri` point at the same file; the facts reference (docs/facts.md)
// that hovers link to is found the same way.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let cachedRoot: string | undefined;

/** The folder holding `rules/<code>.md`: found by walking up from this module's file. */
export function docsFolder(): string {
    if (cachedRoot !== undefined) return cachedRoot;
    const here = path.dirname(fileURLToPath(import.meta.url));
    let dir = here;
    for (;;) {
        if (existsSync(path.join(dir, 'docs', 'rules'))) return (cachedRoot = path.join(dir, 'docs'));
        const parent = path.dirname(dir);
        if (parent === dir) break;
        dir = parent;
    }
    // Not found (docs not shipped): still point where the packaged layout puts them.
    return (cachedRoot = path.resolve(here, '..', 'docs'));
}

export function ruleDocPath(code: string): string {
    return path.join(docsFolder(), 'rules', `${code}.md`);
}

const docUris = new Map<string, string>();

/** `file://` URI of the rule's page, for `codeDescription.href` and SARIF `helpUri`. */
export function ruleDocUri(code: string): string {
    // Asked once per diagnostic on every check; resolving the path each time was a noticeable share of its garbage.
    let uri = docUris.get(code);
    if (uri === undefined) docUris.set(code, (uri = pathToFileURL(ruleDocPath(code)).href));
    return uri;
}

const codeDescriptions = new Map<string, { readonly href: string }>();

/** A diagnostic's `codeDescription`: one frozen object per rule, shared by its diagnostics (82,350 on one file). */
export function ruleCodeDescription(code: string): { readonly href: string } {
    let description = codeDescriptions.get(code);
    if (description === undefined)
        codeDescriptions.set(code, (description = Object.freeze({ href: ruleDocUri(code) })));
    return description;
}

let factsUri: string | undefined;

/** `file://` URI of an entry of the shipped docs/facts.md, for the links of hovers and inlay-hint tooltips. */
export function factDocUri(id: string): string {
    factsUri ??= pathToFileURL(path.join(docsFolder(), 'facts.md')).href;
    return `${factsUri}#${id}`;
}

/** The page's Markdown, when it is there. */
export function ruleDocMarkdown(code: string): string | undefined {
    try {
        return readFileSync(ruleDocPath(code), 'utf8');
    } catch {
        return undefined;
    }
}
