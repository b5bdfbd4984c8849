// Reports the problems found while building the semantic model (units, ranges, missing properties,
// duplicates, per-cell expansion). Only problems located in the validated document are reported here;
// those in imported files are reported when that file is validated.
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Document } from '../generated/ast.js';
import type { Problem } from '../semantics/model.js';
import type { ModelProvider } from '../workspace/model-provider.js';

export function checkModel(models: ModelProvider) {
    return (root: Document, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(root);
        const { problems } = models.modelFor(document);
        const uri = document.uri.toString();
        for (const p of problems) if (p.uri === uri) acceptProblem(accept, root, p);
    };
}

export function acceptProblem(accept: ValidationAcceptor, root: Document, p: Problem): void {
    accept(p.severity, p.message, { node: root, range: p.range, code: p.code, data: { code: p.code, ...(p.data ?? {}) } });
}
