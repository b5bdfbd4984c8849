// «marked» text in a test case: the markers are removed before parsing and give the range a diagnostic must cover.
import type { Range } from 'vscode-languageserver-types';

export interface Marked {
    readonly text: string;
    readonly ranges: readonly Range[];
}

export function unmark(source: string): Marked {
    const ranges: Range[] = [];
    let text = '';
    let line = 0;
    let character = 0;
    let start: { line: number; character: number } | undefined;
    for (const ch of source) {
        if (ch === '«') {
            start = { line, character };
            continue;
        }
        if (ch === '»') {
            if (start) ranges.push({ start, end: { line, character } });
            start = undefined;
            continue;
        }
        text += ch;
        if (ch === '\n') {
            line++;
            character = 0;
        } else {
            character++;
        }
    }
    return { text, ranges };
}
