// Code actions: the quick fixes each rule describes (made when asked, from the server's own diagnostic:
// validation/lazy-fixes.ts), suggestions for misspelled names and missing units (in the diagnostic's data),
// "suppress with a reason", and "fix all of this rule in the file".
import { URI, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import type { CodeActionParams } from 'vscode-languageserver';
import {
    CodeActionKind,
    type CodeAction,
    type Command,
    type Diagnostic,
    type Range,
    type TextEdit,
    type WorkspaceEdit,
} from 'vscode-languageserver-types';
import { ProblemCodes } from '../../semantics/problem-codes.js';
import { isRuleCode } from '../../validation/rules/catalog.js';
import type { Fix } from '../../validation/rules/fix.js';
import { fixesOf, ownDiagnostic } from '../../validation/lazy-fixes.js';
import { suppressEdit } from './suppress.js';
import { toTextEdit } from './text-edits.js';

interface DiagnosticData {
    readonly code?: string;
    readonly replacement?: string;
}

function dataOf(d: Diagnostic): DiagnosticData {
    return (d.data && typeof d.data === 'object' ? d.data : {}) as DiagnosticData;
}

function codeOf(d: Diagnostic): string | undefined {
    return typeof d.code === 'string' ? d.code : dataOf(d).code;
}

export class MregionCodeActionProvider implements CodeActionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        const fixAlls: CodeAction[] = [];
        const suppressions: CodeAction[] = [];
        const fixAllOffered = new Set<string>();
        for (const diagnostic of params.context.diagnostics) {
            const code = codeOf(diagnostic);
            if (!code) continue;
            const data = dataOf(diagnostic);
            const own = ownDiagnostic(document, diagnostic);
            for (const fix of own ? fixesOf(own) : []) {
                const edit = this.workspaceEdit(document, fix);
                if (edit)
                    actions.push({
                        title: fix.title,
                        kind: CodeActionKind.QuickFix,
                        diagnostics: [diagnostic],
                        isPreferred: fix.preferred === true,
                        edit,
                    });
            }
            if (
                (code === ProblemCodes.UnresolvedReference ||
                    code === ProblemCodes.MissingUnit ||
                    code === ProblemCodes.SyntaxError) &&
                typeof data.replacement === 'string'
            ) {
                actions.push({
                    title:
                        code === ProblemCodes.MissingUnit
                            ? `Write it as '${data.replacement}'`
                            : `Change to '${data.replacement}'`,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [diagnostic],
                    isPreferred: true,
                    edit: {
                        changes: {
                            [document.uri.toString()]: [{ range: diagnostic.range, newText: data.replacement }],
                        },
                    },
                });
            }
            if (isRuleCode(code)) {
                const all = this.fixAll(document, code);
                // "Fix all" only where it changes this diagnostic: else, on a line whose own problem has no fix,
                // it would be the one entry and fix only other lines.
                if (all && !fixAllOffered.has(code) && all.diagnostics.some((d) => sameDiagnostic(d, diagnostic))) {
                    fixAllOffered.add(code);
                    fixAlls.push({
                        title: `Fix all ${code} problems in this file (${all.count})`,
                        kind: CodeActionKind.QuickFix,
                        diagnostics: all.diagnostics,
                        edit: all.edit,
                    });
                }
                const suppress = suppressEdit(document, diagnostic.range, code);
                if (suppress) {
                    suppressions.push({
                        title: `Suppress ${code} for this declaration (with a reason)`,
                        kind: CodeActionKind.QuickFix,
                        diagnostics: [diagnostic],
                        edit: { changes: { [document.uri.toString()]: [suppress] } },
                    });
                }
            }
        }
        return [...linesFirst(actions, params.range, document.uri.toString()), ...fixAlls, ...suppressions];
    }

    /** The edits of one fix, in the documents they touch (a fix may edit an imported file). */
    workspaceEdit(document: LangiumDocument, fix: Fix): WorkspaceEdit | undefined {
        const changes: Record<string, TextEdit[]> = {};
        for (const edit of fix.edits) {
            const target =
                edit.uri === document.uri.toString() || edit.uri === ''
                    ? document
                    : this.documents.getDocument(URI.parse(edit.uri));
            if (!target) return undefined;
            const textEdit = toTextEdit(target.textDocument, edit);
            if (!textEdit) return undefined;
            (changes[target.uri.toString()] ??= []).push(textEdit);
        }
        return Object.keys(changes).length > 0 ? { changes } : undefined;
    }

    /** Every diagnostic of `code` in the file with a fix, each fixed by its preferred fix; skipped when edits collide. */
    private fixAll(
        document: LangiumDocument,
        code: string,
    ): { edit: WorkspaceEdit; count: number; diagnostics: Diagnostic[] } | undefined {
        const same = (document.diagnostics ?? [])
            .filter((d) => codeOf(d) === code)
            .map((d) => ({ d, fixes: fixesOf(d) }))
            .filter(({ fixes }) => fixes.length > 0);
        if (same.length < 2) return undefined;
        const changes: Record<string, TextEdit[]> = {};
        const used: Diagnostic[] = [];
        for (const { d, fixes } of same) {
            const fix = fixes.find((f) => f.preferred) ?? fixes[0];
            const edit = fix && this.workspaceEdit(document, fix);
            if (!edit?.changes) continue;
            const collides = Object.entries(edit.changes).some(([uri, edits]) =>
                edits.some((e) => (changes[uri] ?? []).some((o) => overlaps(o, e))),
            );
            if (collides) continue;
            for (const [uri, edits] of Object.entries(edit.changes)) (changes[uri] ??= []).push(...edits);
            used.push(d);
        }
        return used.length >= 2 ? { edit: { changes }, count: used.length, diagnostics: used } : undefined;
    }
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
    return (
        a.message === b.message &&
        a.code === b.code &&
        a.range.start.line === b.range.start.line &&
        a.range.start.character === b.range.start.character
    );
}

/**
 * The menu is for the lines the cursor or selection is on: fixes that edit those lines come first, then fixes
 * that edit elsewhere (adding a witness to a block, a failover after a store); "fix all" and "suppress" follow.
 */
function linesFirst(actions: readonly CodeAction[], range: Range, uri: string): CodeAction[] {
    const onLines = (a: CodeAction) =>
        (a.edit?.changes?.[uri] ?? []).some(
            (e) => e.range.start.line <= range.end.line && e.range.end.line >= range.start.line,
        );
    return [...actions.filter(onLines), ...actions.filter((a) => !onLines(a))];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
    const before = (p: TextEdit['range']['start'], q: TextEdit['range']['start']) =>
        p.line < q.line || (p.line === q.line && p.character <= q.character);
    // Two insertions at one point also collide: their order would be undefined.
    return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}
