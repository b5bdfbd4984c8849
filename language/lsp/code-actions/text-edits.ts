// Turns the fixes rules describe (validation/rules/fix.ts) into text edits, using the document text for what
// a model range cannot say: indentation, where a line ends, where a list item's comma is.
import type { TextDocument } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { FixEdit } from '../../validation/rules/fix.js';

const INDENT = '    ';

function lineText(doc: TextDocument, line: number): string {
    return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

function indentOf(text: string): string {
    return /^\s*/.exec(text)![0];
}

/** Indentation of a block's clauses: its first non-blank line after the opening one, else one level deeper. */
function clauseIndent(doc: TextDocument, block: Range): string {
    for (let line = block.start.line + 1; line <= block.end.line; line++) {
        const text = lineText(doc, line);
        if (text.trim() !== '' && !text.trim().startsWith('}')) return indentOf(text);
    }
    return indentOf(lineText(doc, block.start.line)) + INDENT;
}

/** Replacing `writes      any-region` by `writes home-region` keeps the column the values were aligned to. */
function keepAlignment(old: string, text: string): string {
    const [, keyword, gap] = /^([a-z-]+)(\s+)\S/.exec(old) ?? [];
    const [, newKeyword, value] = /^([a-z-]+) (\S.*)$/s.exec(text) ?? [];
    if (gap === undefined || keyword !== newKeyword || gap.includes('\n')) return text;
    return `${keyword}${gap}${value}`;
}

export function toTextEdit(doc: TextDocument, edit: FixEdit): TextEdit | undefined {
    switch (edit.kind) {
        case 'replace':
            return { range: edit.range, newText: keepAlignment(doc.getText(edit.range), edit.text) };
        case 'insert-clause': {
            const brace = { line: edit.block.end.line, character: Math.max(0, edit.block.end.character - 1) };
            const before = lineText(doc, brace.line).slice(0, brace.character);
            if (edit.block.start.line === edit.block.end.line)
                return { range: { start: brace, end: brace }, newText: `${edit.text} ` };
            if (before.trim() === '') {
                const at = { line: brace.line, character: 0 };
                return { range: { start: at, end: at }, newText: `${clauseIndent(doc, edit.block)}${edit.text}\n` };
            }
            return {
                range: { start: brace, end: brace },
                newText: `\n${clauseIndent(doc, edit.block)}${edit.text}\n${indentOf(lineText(doc, edit.block.start.line))}`,
            };
        }
        case 'delete-clause': {
            const first = lineText(doc, edit.range.start.line);
            const last = lineText(doc, edit.range.end.line);
            const aloneBefore = first.slice(0, edit.range.start.character).trim() === '';
            const after = last.slice(edit.range.end.character).trim();
            if (aloneBefore && (after === '' || after.startsWith('//'))) {
                return {
                    range: {
                        start: { line: edit.range.start.line, character: 0 },
                        end: { line: edit.range.end.line + 1, character: 0 },
                    },
                    newText: '',
                };
            }
            const spaces = /^ */.exec(last.slice(edit.range.end.character))![0].length;
            return {
                range: {
                    start: edit.range.start,
                    end: { line: edit.range.end.line, character: edit.range.end.character + spaces },
                },
                newText: '',
            };
        }
        case 'remove-list-item': {
            const text = doc.getText(edit.clause);
            const base = doc.offsetAt(edit.clause.start);
            // Each name as [start, end) in the clause; the first word is the keyword.
            const names = [...text.matchAll(/[A-Za-z0-9_][A-Za-z0-9_-]*/g)]
                .slice(1)
                .map((m) => ({ name: m[0], start: m.index, end: m.index + m[0].length }));
            const index = names.findIndex((n) => n.name === edit.item);
            const item = names[index];
            if (!item) return undefined;
            const next = names[index + 1];
            const previous = names[index - 1];
            // With the comma and space that separate it from its neighbour; the only item is not removed, as that
            // would leave an empty list.
            const [start, end] = next ? [item.start, next.start] : previous ? [previous.end, item.end] : [];
            if (start === undefined || end === undefined) return undefined;
            return { range: { start: doc.positionAt(base + start), end: doc.positionAt(base + end) }, newText: '' };
        }
        case 'add-list-item':
            return { range: { start: edit.clause.end, end: edit.clause.end }, newText: `, ${edit.item}` };
        case 'insert-declaration': {
            const end = { line: edit.after.end.line, character: lineText(doc, edit.after.end.line).length };
            return { range: { start: end, end }, newText: `\n\n${edit.text}` };
        }
    }
}
