// An import must name a file that exists and can be read; a file importing itself is pointless but harmless, so only warned.
import { AstUtils, type LangiumDocuments, type ValidationAcceptor } from 'langium';
import type { Import } from '../generated/ast.js';
import { ProblemCodes } from '../semantics/problem-codes.js';
import { failureOf, importFailureMessage } from '../workspace/failed-documents.js';
import { hasBrokenCharacter, type ImportResolver } from '../workspace/imports.js';

export function checkImport(imports: ImportResolver, documents: LangiumDocuments) {
    return (node: Import, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(node);
        if (typeof node.path === 'string' && hasBrokenCharacter(node.path)) {
            accept(
                'error',
                `the import path holds a broken character (half of a UTF-16 surrogate pair); type the file name again`,
                { node, property: 'path', code: ProblemCodes.UnknownImport },
            );
            return;
        }
        const target = imports.resolve(document.uri, node);
        if (!target) {
            accept('error', `an import needs a file path, e.g. import "regions.mregion"`, {
                node,
                property: 'path',
                code: ProblemCodes.UnknownImport,
            });
            return;
        }
        if (target.toString() === document.uri.toString()) {
            accept('warning', `a file does not need to import itself`, {
                node,
                property: 'path',
                code: ProblemCodes.UnknownImport,
            });
            return;
        }
        if (!target.path.endsWith('.mregion')) {
            accept('error', `only .mregion files can be imported`, {
                node,
                property: 'path',
                code: ProblemCodes.UnknownImport,
            });
            return;
        }
        const failure = failureOf(documents.getDocument(target));
        if (failure) {
            accept('error', importFailureMessage(node.path, failure), {
                node,
                property: 'path',
                code: ProblemCodes.UnknownImport,
            });
            return;
        }
        if (!documents.hasDocument(target)) {
            accept('error', `cannot find '${node.path}' (looked for ${target.fsPath})`, {
                node,
                property: 'path',
                code: ProblemCodes.UnknownImport,
            });
        }
    };
}
