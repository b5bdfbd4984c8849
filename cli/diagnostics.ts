// Diagnostics as the CLI prints them: compiler-style text and the JSON shape documented in docs/cli.md.
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { visibleControls } from '../language/semantics/escape.js';
import { displayPath } from './workspace.js';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface FileDiagnostics {
    readonly file: string;
    readonly diagnostics: readonly {
        readonly code: string;
        readonly severity: SeverityName;
        readonly message: string;
        /** Zero-based, end-exclusive, as in the Language Server Protocol. */
        readonly range: Diagnostic['range'];
    }[];
}

const SEVERITY: Readonly<Record<number, SeverityName>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function severityName(d: Diagnostic): SeverityName {
    return SEVERITY[d.severity ?? 1] ?? 'error';
}

export function collect(documents: readonly LangiumDocument[]): FileDiagnostics[] {
    return documents.map((document) => ({
        file: displayPath(document.uri),
        diagnostics: [...(document.diagnostics ?? [])]
            .sort(
                (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
            )
            .map((d) => ({
                code: String(d.code ?? 'unknown'),
                severity: severityName(d),
                message: typeof d.message === 'string' ? d.message : String(d.message),
                range: d.range,
            })),
    }));
}

export function formatText(files: readonly FileDiagnostics[], color: boolean): string {
    return [...textLines(files, color)].join('\n');
}

/**
 * The text report a line at a time (a diagnostic a line, then the counts), so that a large report can be written
 * in parts: joined, 60,000 diagnostics make a string of about 40 MB, built at the moment the heap is fullest.
 */
export function* textLines(files: readonly FileDiagnostics[], color: boolean): Generator<string> {
    const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
    const tint: Readonly<Record<SeverityName, string>> = { error: '31', warning: '33', info: '36', hint: '90' };
    for (const f of files) {
        // File names and messages (which quote import paths) may hold ESC sequences or line breaks: shown, not run.
        const file = visibleControls(f.file);
        for (const d of f.diagnostics) {
            const at = `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
            yield `${paint('1', at)} ${paint(tint[d.severity], d.severity)} ${paint('2', d.code)} ${visibleControls(d.message)}`;
        }
    }
    const counts = countBySeverity(files);
    const parts = (['error', 'warning', 'info', 'hint'] as const)
        .filter((s) => counts[s] > 0)
        .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : s === 'info' ? '' : 's'}`);
    yield parts.length === 0
        ? `${files.length} file${files.length === 1 ? '' : 's'} checked: no problems`
        : `${parts.join(', ')} in ${files.length} file${files.length === 1 ? '' : 's'}`;
}

/** Hands `write` the lines in parts of `size` lines, each part joined by line breaks, without a final one. */
export function writeInParts(lines: Iterable<string>, write: (text: string) => void, size = 1000): void {
    let part: string[] = [];
    for (const line of lines) {
        part.push(line);
        if (part.length === size) {
            write(part.join('\n'));
            part = [];
        }
    }
    if (part.length > 0) write(part.join('\n'));
}

export function countBySeverity(files: readonly FileDiagnostics[]): Record<SeverityName, number> {
    const counts: Record<SeverityName, number> = { error: 0, warning: 0, info: 0, hint: 0 };
    for (const f of files) for (const d of f.diagnostics) counts[d.severity]++;
    return counts;
}
