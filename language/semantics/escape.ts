// Free text from the user (file names, import paths, descriptions, cities, comments inside an expectation) shown
// where it could act instead of being read: a terminal runs control sequences (ESC), and Markdown renders markup,
// HTML, links, table separators and code-span fences. Names are identifiers and need none of this. One module,
// so the CLI, the simulation reports and the hovers escape alike.

/** C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides that reorder text. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: every control character (ESC, newline, carriage return, …) shown as a `\uXXXX` escape. */
export function visibleControls(text: string): string {
    return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Line breaks and tabs become spaces (Markdown text stays on its line); other controls are shown as escapes. */
function oneLine(text: string): string {
    return visibleControls(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));
}

const HTML = { '<': '&lt;', '>': '&gt;', '&': '&amp;' } as const;

/**
 * Text shown literally inside a Markdown line (also a table cell): markup characters backslash-escaped, HTML
 * characters as entities, on one line.
 */
export function markdownText(text: string): string {
    return oneLine(text)
        .replace(/[\\`*_[\]|~!#]/g, '\\$&')
        .replace(/[<>&]/g, (c) => HTML[c as keyof typeof HTML]);
}

/**
 * Text as a Markdown code span, shown verbatim: fenced by more backticks than it holds in a row (padded with a
 * space when it starts or ends with one), on one line. In a table cell, pass `inTable` to escape `|`, which GitHub
 * tables split on even inside code.
 */
export function markdownCode(text: string, inTable = false): string {
    const flat = oneLine(text);
    const longestRun = (flat.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
    const fence = '`'.repeat(longestRun + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
    return `${fence}${pad}${body}${pad}${fence}`;
}
