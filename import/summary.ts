// What an import found, in a few lines: the counts, the resource types not imported and the warnings. The CLI
// prints them on stderr; the editor's command shows them in its output channel.
import type { ImportedDesign } from './design.js';
import type { DeployedStack } from './template.js';

export function importSummary(design: ImportedDesign, stacks: readonly DeployedStack[], out?: string): string[] {
    const count = (kind: string) => design.declarations.filter((d) => d.kind === kind).length;
    const todos = design.declarations.reduce((n, d) => n + d.todos.length, 0);
    const read = stacks.some((s) => s.kind === 'terraform')
        ? 'Terraform JSON'
        : `${stacks.length} stack${stacks.length === 1 ? '' : 's'}`;
    const lines = [
        `imported ${read}: ${design.regions.length} regions, ${count('store')} stores, ${count('service')} services, ${count('failover')} failovers; ${todos} TODO clauses to fill in${out !== undefined ? ` (written to ${out})` : ''}`,
    ];
    if (design.notImported.length > 0)
        lines.push(`not imported: ${design.notImported.map((n) => `${n.type} ×${n.origins.length}`).join(', ')}`);
    for (const warning of design.warnings) lines.push(`warning: ${warning}`);
    return lines;
}
