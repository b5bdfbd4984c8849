// "Suppress with a reason": a comment line above the declaration that holds the diagnostic. The reason is a
// placeholder the checker refuses until the user replaces it, so no suppression goes in without one.
import type { LangiumDocument } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Document } from '../../generated/ast.js';
import { REASON_PLACEHOLDER, SUPPRESSION_KEYWORD } from '../../validation/config/suppressions.js';

/** The top-level declaration containing `range`. */
export function declarationAt(document: LangiumDocument, range: Range): Range | undefined {
    const root = document.parseResult.value as Document;
    const line = range.start.line;
    for (const element of [...(root.topology ? [root.topology] : []), ...(root.elements ?? [])]) {
        const r = element.$cstNode?.range;
        if (r && r.start.line <= line && line <= r.end.line) return r;
    }
    return undefined;
}

export function suppressEdit(document: LangiumDocument, range: Range, code: string): TextEdit | undefined {
    const declaration = declarationAt(document, range);
    if (!declaration) return undefined;
    const line = declaration.start.line;
    const text = document.textDocument.getText({
        start: { line, character: 0 },
        end: { line, character: declaration.start.character },
    });
    const indent = /^\s*/.exec(text)![0];
    const at = { line, character: 0 };
    return {
        range: { start: at, end: at },
        newText: `${indent}// ${SUPPRESSION_KEYWORD} ${code}: ${REASON_PLACEHOLDER}\n`,
    };
}
