// The one registry of checks: AST-level checks by node type, and the model check that runs on the whole
// document (standard problems from the model builder, then the design rules).
import type { ValidationChecks } from 'langium';
import type { MregionAstType } from '../generated/ast.js';
import type { MregionServices } from '../mregion-module.js';
import { checkImport } from './import-checks.js';
import { checkModel } from './model-checks.js';

export function registerValidationChecks(services: MregionServices): void {
    const registry = services.validation.ValidationRegistry;
    const checks: ValidationChecks<MregionAstType> = {
        Document: [checkModel(services.semantics.Models, services.semantics.RuleConfig, services.semantics.Rules)],
        Import: [checkImport(services.semantics.Imports, services.shared.workspace.LangiumDocuments)],
    };
    registry.register(checks);
}
