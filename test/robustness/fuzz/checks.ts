// What every fuzz case must satisfy besides "nothing throws": diagnostics point inside their document and say
// something readable; messages never show `undefined`, `NaN` or `[object Object]`; an export writes only safe,
// distinct paths with JSON that loads and TypeScript that parses.
import ts from 'typescript';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { unsafePathReason } from '../../../export/cdk/writer.js';
import type { ExportCdkResult } from '../../../protocol/index.js';

/** Stages of the in-process pipeline, then the real programs: the CLI and the server on a workspace, the server under random requests. */
export type Stage = 'parse' | 'build' | 'model' | 'rules' | 'simulate' | 'export' | 'edit' | 'cli' | 'server' | 'lsp';
/** The in-process pipeline's stages (timed per case). */
export const STAGES: readonly Stage[] = ['parse', 'build', 'model', 'rules', 'simulate', 'export', 'edit'];

export type FailureKind =
    | 'exception'
    | 'console-output'
    | 'internal-diagnostic'
    | 'invalid-range'
    | 'unclear-message'
    | 'invalid-report'
    | 'nondeterministic'
    | 'unsafe-export'
    | 'too-slow'
    | 'stale-after-edit'
    // The real programs: exited by a signal or an unexpected code, printed a stack trace, ended for taking too long,
    // grew past the memory bound, left a request unanswered, answered it with an internal error, printed unusable output.
    | 'crash'
    | 'exit-code'
    | 'stack-trace'
    | 'hang'
    | 'memory'
    | 'no-response'
    | 'internal-error-response'
    | 'bad-output';

export interface Failure {
    readonly stage: Stage;
    readonly kind: FailureKind;
    readonly message: string;
}

/** Lengths of the document's lines, split where an LSP client splits them (\r\n, \r or \n). */
export function lineLengths(text: string): number[] {
    return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function positionProblem(p: { line: number; character: number }, lengths: readonly number[]): string | undefined {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character))
        return `position ${p.line}:${p.character} is not whole numbers`;
    if (p.line < 0 || p.line >= lengths.length)
        return `line ${p.line} is outside the document's ${lengths.length} lines`;
    if (p.character < 0 || p.character > lengths[p.line]!)
        return `character ${p.character} is outside line ${p.line} (length ${lengths[p.line]})`;
    return undefined;
}

/** Why a range does not lie inside a document with these line lengths, or undefined when it does. */
export function rangeProblem(range: Range | undefined, lengths: readonly number[]): string | undefined {
    if (!range?.start || !range.end) return 'the range is missing';
    const problem = positionProblem(range.start, lengths) ?? positionProblem(range.end, lengths);
    if (problem) return problem;
    const { start, end } = range;
    if (start.line > end.line || (start.line === end.line && start.character > end.character))
        return 'the range ends before it starts';
    return undefined;
}

const UNCLEAR = /\bundefined\b|\bNaN\b|\[object Object\]|\bInfinity\b|\bnull\b/;

/** Why a message is not something to show a user, or undefined when it is. Words the design itself contains are fine. */
export function unclearMessage(message: unknown, designText: string): string | undefined {
    if (typeof message !== 'string' || message.trim() === '') return 'the message is empty';
    const word = UNCLEAR.exec(message)?.[0];
    if (word && !designText.includes(word)) return `the message shows '${word}'`;
    return undefined;
}

const INTERNAL_CODES = new Set(['internal-error', 'rule-failed']);

/** Problems of one document's diagnostics: internal failures surfaced as diagnostics, bad ranges, unreadable messages. */
export function diagnosticFailures(diagnostics: readonly Diagnostic[], text: string, file: string): Failure[] {
    const lengths = lineLengths(text);
    const failures: Failure[] = [];
    for (const d of diagnostics) {
        const where = `${file} ${d.code ?? '(no code)'}`;
        if (typeof d.message !== 'string') {
            failures.push({ stage: 'build', kind: 'unclear-message', message: `${where}: the message is not text` });
            continue;
        }
        if (INTERNAL_CODES.has(String(d.code)) || /^An error occurred/.test(d.message)) {
            failures.push({ stage: 'build', kind: 'internal-diagnostic', message: `${where}: ${d.message}` });
        }
        if (typeof d.code !== 'string' || d.code === '')
            failures.push({
                stage: 'build',
                kind: 'unclear-message',
                message: `${where}: a diagnostic has no code: ${d.message}`,
            });
        if (d.severity === undefined || d.severity < 1 || d.severity > 4)
            failures.push({ stage: 'build', kind: 'unclear-message', message: `${where}: severity ${d.severity}` });
        const unclear = unclearMessage(d.message, text);
        if (unclear)
            failures.push({ stage: 'build', kind: 'unclear-message', message: `${where}: ${unclear}: ${d.message}` });
        const bad = rangeProblem(d.range, lengths);
        if (bad)
            failures.push({
                stage: 'build',
                kind: 'invalid-range',
                message: `${where}: ${bad} (${JSON.stringify(d.range)}): ${d.message}`,
            });
    }
    return failures;
}

function typescriptSyntaxErrors(file: string, source: string): string[] {
    const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    return (parsed as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) =>
        ts.flattenDiagnosticMessageText(d.messageText, ' '),
    );
}

/** Problems of a (forced) export: unsafe or repeated paths, JSON that does not load, TypeScript that does not parse. */
export function exportFailures(result: ExportCdkResult, designText: string, checkTypescript: boolean): Failure[] {
    const failures: Failure[] = [];
    const fail = (kind: FailureKind, message: string) => failures.push({ stage: 'export', kind, message });
    const seen = new Set<string>();
    for (const file of result.files) {
        const unsafe = unsafePathReason(file.path);
        if (unsafe) fail('unsafe-export', `'${file.path}': ${unsafe}`);
        if (seen.has(file.path)) fail('unsafe-export', `'${file.path}' is generated twice`);
        seen.add(file.path);
        if (typeof file.content !== 'string') fail('unsafe-export', `'${file.path}' has no text`);
        else if (file.path.endsWith('.json')) {
            try {
                JSON.parse(file.content);
            } catch (error) {
                fail('unsafe-export', `'${file.path}' is not JSON: ${(error as Error).message}`);
            }
        } else if (checkTypescript && file.path.endsWith('.ts')) {
            for (const e of typescriptSyntaxErrors(file.path, file.content))
                fail('unsafe-export', `'${file.path}' does not parse: ${e}`);
        }
    }
    for (const text of [...result.errors, ...result.notGenerated.flatMap((n) => [n.name, n.reason])]) {
        const unclear = unclearMessage(text, designText);
        if (unclear) fail('unclear-message', `${unclear}: ${text}`);
    }
    return failures;
}

/** A failure's kind and message with numbers and quoted text blurred, so one bug found many times counts once. */
export function signatureOf(failure: Failure): string {
    const message = failure.message
        .split('\n')[0]!
        .replace(/'[^']*'|"[^"]*"|`[^`]*`/g, '…')
        .replace(/\b(?:file|untitled|https?|vscode-[a-z-]+):\S*/gi, 'URI')
        .replace(/\/tmp\/\S*/g, 'PATH')
        .replace(/[0-9]+(\.[0-9]+)?/g, 'N')
        .slice(0, 160);
    return `${failure.stage} ${failure.kind}: ${message}`;
}
