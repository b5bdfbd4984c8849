// Hover for a cell: its regions, its residency and the per-cell instances declared in it.
import type { Model } from '../../semantics/model.js';
import { list } from './markdown.js';

export function describeCell(model: Model, name: string): string | undefined {
    const cell = model.cells.get(name);
    if (!cell) return undefined;
    const members = [...model.stores.values(), ...model.services.values()]
        .filter((d) => d.cell === name)
        .map((d) => `${d.kind} ${d.name}`);
    return [
        `**cell ${name}**`,
        '',
        `- Regions: ${list(cell.regions)}`,
        `- Residency: ${cell.residency ?? 'none declared'}`,
        `- Per-cell instances: ${list(members)}`,
    ].join('\n');
}
