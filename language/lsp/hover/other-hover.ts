// Hover for cells, workloads, scenarios and the topology: what they declare, in base units.
import { storesWrittenBy } from '../../semantics/estimators/index.js';
import type { Model, OriginShare } from '../../semantics/model.js';
import { formatBytes, formatCount, formatDuration, formatPercent } from '../../../format/quantities.js';
import { markdownCode, markdownText } from '../../semantics/escape.js';
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

function origins(shares: readonly OriginShare[]): string {
    return shares.length === 0 ? '' : ` from ${list(shares.map((o) => `${o.region} ${formatPercent(o.share)}`))}`;
}

export function describeWorkload(model: Model, name: string): string | undefined {
    const w = model.workloads.get(name);
    if (!w) return undefined;
    const out = [`**workload ${name}**${w.target ? ` for ${w.target.kind} ${w.target.name}` : ''}`, ''];
    out.push(`- Writes: ${formatCount(w.writesPerS)}/s${origins(w.writeOrigins)}`);
    out.push(`- Reads: ${formatCount(w.readsPerS)}/s${origins(w.readOrigins)}`);
    if (w.keys !== undefined)
        out.push(
            `- Keys: ${formatCount(w.keys)}, ${formatPercent(w.sharedKeyShare)} written from several regions (${formatCount(w.keys * w.sharedKeyShare)} keys)`,
        );
    if (w.itemSizeBytes !== undefined) {
        out.push(
            `- Item size: ${formatBytes(w.itemSizeBytes)} (${formatBytes(w.writesPerS * w.itemSizeBytes)}/s written)`,
        );
    }
    const stores = storesWrittenBy(model, w);
    if (stores.length > 0) out.push(`- Writes reach: ${list([...new Set(stores.map((s) => s.split('@')[0]!))])}`);
    return out.join('\n');
}

export function describeScenario(model: Model, name: string): string | undefined {
    const s = model.scenarios.get(name);
    if (!s) return undefined;
    const out = [`**scenario ${name}**`, ''];
    out.push(`- Workload: ${list(s.workloads)}`);
    out.push(
        `- Duration: ${s.durationMs !== undefined ? formatDuration(s.durationMs) : 'not declared'}${s.seed !== undefined ? `; seed ${s.seed}` : ''}`,
    );
    for (const f of s.faults) {
        if (f.kind === 'destroy') {
            out.push(
                `- At ${formatDuration(f.atMs)}: ${f.region} destroyed (its storage is gone; it does not come back)`,
            );
            continue;
        }
        const what =
            f.kind === 'outage'
                ? `outage of ${f.region}`
                : f.kind === 'partition'
                  ? `partition ${f.regions[0]} ↔ ${f.regions[1]}`
                  : f.kind === 'control-plane'
                    ? `control plane of ${f.region} impaired`
                    : f.kind === 'lag-spike'
                      ? `lag spike${f.store ? ` of ${f.store}` : ''} to ${formatDuration(f.lagMs)}`
                      : f.kind === 'degrade'
                        ? `${f.target.kind} ${f.target.name} degraded in ${f.region} (${degradeText(f.errorShare, f.addedLatencyMs)}; the region stays up)`
                        : f.kind === 'fail'
                          ? `service ${f.target.name} fails in ${f.region} (the region stays up)`
                          : `health checks flapping in ${f.region}`;
        out.push(`- At ${formatDuration(f.atMs)}: ${what} for ${formatDuration(f.durationMs)}`);
    }
    if (s.expectations.length > 0)
        out.push(
            `- Expects: ${list(s.expectations.map((e) => markdownCode(e.text.replace(/^expect\s+/, '').replace(/\s+/g, ' '))))}`,
        );
    out.push('', 'Run it with **▶ Simulate** above the scenario, or `mregion simulate FILE --scenario ' + name + '`.');
    return out.join('\n');
}

export function describeTopology(model: Model): string | undefined {
    if (!model.topology) return undefined;
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    return [
        `**topology ${model.topology.name}**${model.topology.description ? ` — ${markdownText(model.topology.description)}` : ''}`,
        '',
        `${count(model.regions.size, 'region')}, ${count(model.cells.size, 'cell')}, ${count(new Set([...model.stores.values()].map((s) => s.name)).size, 'store')}, ` +
            `${count(new Set([...model.services.values()].map((s) => s.name)).size, 'service')}, ${count(model.workloads.size, 'workload')}, ${count(model.scenarios.size, 'scenario')}`,
    ].join('\n');
}

/** "30% of requests fail, +2 s each": what a degrade does, for the scenario hover. */
function degradeText(errorShare: number, addedLatencyMs: number): string {
    return [
        errorShare > 0 ? `${formatPercent(errorShare)} of requests fail` : '',
        addedLatencyMs > 0 ? `+${formatDuration(addedLatencyMs)} each` : '',
    ]
        .filter(Boolean)
        .join(', ');
}
