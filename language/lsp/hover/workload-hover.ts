// Hover for a workload: its rates and where they come from, its keys and item size, and the stores its writes reach.
import { formatBytes, formatCount, formatPercent } from '../../../format/quantities.js';
import { storesWrittenBy } from '../../semantics/estimators/index.js';
import type { Model, OriginShare } from '../../semantics/model.js';
import { list, nameOf } from './markdown.js';

export function describeWorkload(model: Model, name: string): string | undefined {
    const workload = model.workloads.get(name);
    if (!workload) return undefined;
    const target = workload.target ? ` for ${workload.target.kind} ${workload.target.name}` : '';
    const out = [`**workload ${name}**${target}`, ''];
    out.push(`- Writes: ${formatCount(workload.writesPerS)}/s${origins(workload.writeOrigins)}`);
    out.push(`- Reads: ${formatCount(workload.readsPerS)}/s${origins(workload.readOrigins)}`);
    if (workload.keys !== undefined) {
        const shared = formatCount(workload.keys * workload.sharedKeyShare);
        out.push(
            `- Keys: ${formatCount(workload.keys)}, ${formatPercent(workload.sharedKeyShare)} written from several regions (${shared} keys)`,
        );
    }
    if (workload.itemSizeBytes !== undefined) {
        const written = formatBytes(workload.writesPerS * workload.itemSizeBytes);
        out.push(`- Item size: ${formatBytes(workload.itemSizeBytes)} (${written}/s written)`);
    }
    const stores = storesWrittenBy(model, workload);
    if (stores.length > 0) out.push(`- Writes reach: ${list([...new Set(stores.map(nameOf))])}`);
    return out.join('\n');
}

/** " from us-east-1 60% and eu-west-1 40%", or nothing when no origins are declared. */
function origins(shares: readonly OriginShare[]): string {
    return shares.length === 0 ? '' : ` from ${list(shares.map((o) => `${o.region} ${formatPercent(o.share)}`))}`;
}
