// An ImportedDesign as .mregion text: one declaration per imported resource group, each under a comment naming
// the resources it came from, what the template left out as `// TODO` lines, and the resource types that have
// no counterpart listed at the top. The CLI formats the text with the project's formatter afterwards.
import { knownRegion } from '../language/semantics/facts/regions.js';
import { listing } from '../language/semantics/units.js';
import type { ImportedDesign, ImportedFailover, ImportedService, ImportedStore, Todo } from './design.js';
import type { Origin } from './template.js';

export function renderDesign(design: ImportedDesign, source: string): string {
    const lines: string[] = [
        `// Imported by \`mregion import\` from ${comment(source)}: what the templates state is written as clauses;`,
        '// every `// TODO` line is what they cannot know. Check it, fill it in, then run `mregion check`.',
    ];
    if (design.notImported.length > 0) {
        lines.push('// Not imported (no counterpart in a design, or not recognized):');
        for (const { type, origins } of design.notImported)
            lines.push(`//   ${comment(type)} ×${origins.length}: ${originList(origins)}`);
    }
    for (const warning of design.warnings) lines.push(`// Warning: ${comment(warning)}`);
    if (design.topology !== undefined) lines.push(`topology ${design.topology}`);
    lines.push('');
    for (const region of design.regions) {
        const jurisdiction = knownRegion(region)?.jurisdiction;
        lines.push(
            `region ${region} { provider aws${jurisdiction !== undefined ? ` jurisdiction ${jurisdiction}` : ''} }`,
        );
    }
    for (const declaration of design.declarations) {
        lines.push('');
        if (declaration.kind === 'store') lines.push(...store(declaration));
        else if (declaration.kind === 'service') lines.push(...service(declaration));
        else lines.push(...failover(declaration));
    }
    return `${lines.join('\n')}\n`;
}

function store(s: ImportedStore): string[] {
    const clauses = [`engine ${s.engine}`];
    if (s.regions.length > 0) clauses.push(`regions ${s.regions.join(', ')}`);
    if (s.witness !== undefined) clauses.push(`witness ${s.witness}`);
    if (s.writes !== undefined)
        clauses.push(s.writes.policy === 'primary' ? `writes primary ${s.writes.region}` : 'writes any-region');
    if (s.replication !== undefined) {
        const clause = `replication ${s.replication.mode}${s.replication.lag !== undefined ? ` lag ${s.replication.lag}` : ''}`;
        clauses.push(s.replication.note !== undefined ? `${clause}  // ${comment(s.replication.note)}` : clause);
    }
    if (s.consistency !== undefined) clauses.push(`consistency ${s.consistency}`);
    if (s.conflicts !== undefined) clauses.push(`conflicts ${s.conflicts}`);
    return block(`store ${s.name}`, s.origins, s.notes, clauses, s.todos);
}

function service(s: ImportedService): string[] {
    const clauses: string[] = [];
    if (s.regions.length > 0) clauses.push(`regions ${s.regions.join(', ')}`);
    if (s.primary !== undefined) clauses.push(`primary ${s.primary}`);
    if (s.posture !== undefined) clauses.push(`posture ${s.posture}`);
    if (s.objective !== undefined)
        clauses.push(
            `objective rto ${s.objective.rto}s rpo ${s.objective.rpo}s  // Resilience Hub policy ${comment(s.objective.origin.logicalId)}, Region objectives`,
        );
    return block(`service ${s.name}`, s.origins, s.notes, clauses, s.todos);
}

function failover(f: ImportedFailover): string[] {
    const clauses: string[] = [];
    if (f.detect !== undefined)
        clauses.push(`detect health-check every ${f.detect.interval}s threshold ${f.detect.threshold}`);
    clauses.push(`route ${f.route.method}${f.route.ttl !== undefined ? ` ttl ${f.route.ttl}s` : ''}`);
    for (const action of f.actions) clauses.push(`action ${action}`);
    return block(`failover ${f.target}`, f.origins, f.notes, clauses, f.todos);
}

function block(
    head: string,
    origins: readonly Origin[],
    notes: readonly string[],
    clauses: readonly string[],
    todos: readonly Todo[],
): string[] {
    return [
        `// From ${originList(origins)}.`,
        ...notes.map((n) => `// ${comment(n)}`),
        `${head} {`,
        ...clauses.map((c) => `    ${c}`),
        ...todos.map((t) => `    // TODO ${t.clause}  — ${comment(t.why)}`),
        '}',
    ];
}

function originList(origins: readonly Origin[]): string {
    return comment(
        listing([
            ...new Set(
                origins.map((o) => `${o.logicalId} (${o.kind === 'terraform' ? 'Terraform' : 'stack'} ${o.stack})`),
            ),
        ]),
    );
}

/** Text from the templates made safe inside a line comment: no line breaks or control characters. */
function comment(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}
