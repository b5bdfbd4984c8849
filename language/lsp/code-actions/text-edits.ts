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
    const written = /^([a-z-]+)(\s+)\S/.exec(old);
    const replacement = /^([a-z-]+) (\S.*)$/s.exec(text);
    if (!written || !replacement || written[1] !== replacement[1] || written[2]!.includes('\n')) return text;
    return `${written[1]}${written[2]}${replacement[2]}`;
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
            const names = [...text.matchAll(/[A-Za-z0-9_][A-Za-z0-9_-]*/g)].slice(1); // the first word is the keyword
            const index = names.findIndex((m) => m[0] === edit.item);
            if (index < 0) return undefined;
            const item = names[index]!;
            let start = item.index!;
            let end = start + item[0].length;
            if (index < names.length - 1) end = names[index + 1]!.index!;
            else if (index > 0) start = names[index - 1]!.index! + names[index - 1]![0].length;
            else return undefined; // the only item: removing it would leave an empty list
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
