// Resilience Hub policies (AWS::ResilienceHub::ResiliencyPolicy) as a service's objective: the policy's Region
// RTO and RPO, given to the service its name (without the topology prefix) names.
import type { ImportContext } from '../context.js';
import type { ImportedDeclaration, ImportedService } from '../design.js';
import { originOf, resourcesOfType } from '../template.js';
import { literal, object, wholeNumber } from '../values.js';

export function attachResiliencePolicies(
    context: ImportContext,
    declarations: readonly ImportedDeclaration[],
): ImportedDeclaration[] {
    const objectives = new Map<string, NonNullable<ImportedService['objective']>>();
    for (const policy of resourcesOfType(context.stacks, 'AWS::ResilienceHub::ResiliencyPolicy')) {
        const region = object(object(policy.resource.Properties.Policy)?.Region);
        const rto = wholeNumber(region?.RtoInSecs);
        const rpo = wholeNumber(region?.RpoInSecs);
        const name = literal(policy.resource.Properties.PolicyName);
        if (rto === undefined || rpo === undefined || name === undefined) continue;
        const service = context.withoutTopology(name);
        if (!declarations.some((d) => d.kind === 'service' && d.name === service) || objectives.has(service)) continue;
        context.consume(policy);
        objectives.set(service, { rto, rpo, origin: originOf(policy) });
    }
    return declarations.map((d) => {
        const objective = d.kind === 'service' ? objectives.get(d.name) : undefined;
        if (d.kind !== 'service' || objective === undefined) return d;
        return {
            ...d,
            objective,
            todos: d.todos.filter((t) => !t.clause.startsWith('objective')),
            origins: [...d.origins, objective.origin],
        };
    });
}
