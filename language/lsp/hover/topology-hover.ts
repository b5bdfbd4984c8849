// Hover for the topology declaration: its description and how many of each kind of declaration the design has.
import { formatCount } from '../../../format/quantities.js';
import { markdownText } from '../../semantics/escape.js';
import type { Model } from '../../semantics/model.js';

export function describeTopology(model: Model): string | undefined {
    if (!model.topology) return undefined;
    const description = model.topology.description ? ` — ${markdownText(model.topology.description)}` : '';
    // Per-cell stores and services count once, by name, as they are declared.
    const stores = new Set([...model.stores.values()].map((s) => s.name)).size;
    const services = new Set([...model.services.values()].map((s) => s.name)).size;
    const counts = [
        count(model.regions.size, 'region'),
        count(model.cells.size, 'cell'),
        count(stores, 'store'),
        count(services, 'service'),
        count(model.workloads.size, 'workload'),
        count(model.scenarios.size, 'scenario'),
    ];
    return [`**topology ${model.topology.name}**${description}`, '', counts.join(', ')].join('\n');
}

function count(n: number, what: string): string {
    return `${formatCount(n)} ${what}${n === 1 ? '' : 's'}`;
}
