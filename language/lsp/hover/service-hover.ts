// Hover for a service: first the answer — the failover-time range of the failovers that move it, against its
// RTO — then placement, posture with its DR-tier facts, capacity, dependencies, objectives and egress.
import { POSTURE } from '../../semantics/facts/defaults.js';
import { factRef } from '../../semantics/facts/citation.js';
import { GLOBAL_SERVICES } from '../../semantics/facts/global-services.js';
import {
    describeFailoverRange,
    estimateFailoverTime,
    estimateMonthlyEgress,
} from '../../semantics/estimators/index.js';
import { rtoVerdict } from './failover-hover.js';
import type { Model, ObjectiveM, ServiceM, StoreM } from '../../semantics/model.js';
import { formatDuration, formatPercent, formatUsd, percentileName } from '../../../format/quantities.js';
import { cite, list, nameOf } from './markdown.js';

export function describeService(model: Model, name: string): string | undefined {
    const services = (model.instances.get(name) ?? [])
        .map((id) => model.services.get(id))
        .filter((s): s is ServiceM => s !== undefined);
    const [first] = services;
    if (!first) return undefined;
    const posture = first.posture ? POSTURE[first.posture] : undefined;
    const out = [
        `**service ${name}**${first.cell ? ' · per cell' : ''}${first.posture ? ` · ${first.posture}` : ''}`,
        '',
    ];
    for (const s of services) {
        for (const f of model.failovers.filter((x) => x.target.kind === 'service' && x.target.id === s.id)) {
            const e = estimateFailoverTime(model, f);
            const rto = s.objective?.rtoMs;
            out.push(
                `- Failover${s.cell ? ` (cell ${s.cell})` : ''}: ${describeFailoverRange(e)}${rto === undefined ? '' : ` — ${rtoVerdict(e.range, rto)}`}`,
            );
        }
    }
    if (posture) {
        out.push(
            `- Posture: ${first.posture}: recovery ≥ ${formatDuration(posture.minRtoMs.value)}, ≈ ${posture.costMultiplier.value}× a single region *(${cite(posture.minRtoMs.source)})*`,
        );
    }
    for (const s of services) {
        const cell = s.cell ? ` (cell ${s.cell})` : '';
        out.push(`- Regions${cell}: ${list(s.regions)}${s.primary ? `; primary ${s.primary}` : ''}`);
    }
    if (first.capacity)
        out.push(
            `- Capacity: ${list(Object.entries(first.capacity).map(([r, share]) => `${r} ${formatPercent(share)}`))}`,
        );
    if (first.quota !== undefined) out.push(`- Quota: scale-out stops at ${formatPercent(first.quota)} of the load`);
    out.push(retriesLine(first));
    out.push(
        `- Uses: ${list(unique(first.uses))}${first.reads.length > 0 ? `; reads ${list(unique(first.reads))}` : ''}`,
    );
    if (first.dependsOn.length > 0) out.push(`- Depends on: ${list(unique(first.dependsOn))}`);
    if (first.globalDependencies.length > 0) {
        const deps = first.globalDependencies;
        const sources = [...new Set(deps.map((d) => factRef(GLOBAL_SERVICES[d.name].home.id)))].join(', ');
        out.push(
            `- Global dependencies: ${list(deps.map((d) => `${d.name} (${d.home ? `homed in ${d.home}` : 'not homed'})`))} *(${sources})*`,
        );
    }
    if (first.objective) out.push(`- Objectives: ${objectiveText(first.objective)}`);
    for (const s of services) {
        // The same sum egress-cost compares with a cost objective.
        const egress = s.uses
            .map((id) => model.stores.get(id))
            .filter((x): x is StoreM => x !== undefined)
            .map((store) => estimateMonthlyEgress(model, store))
            .filter((e) => e.usdPerMonth !== undefined && e.usdPerMonth > 0);
        if (egress.length === 0) continue;
        const total = egress.reduce((sum, e) => sum + e.usdPerMonth!, 0);
        const cost = s.objective?.costUsdPerMonth;
        const verdict =
            cost === undefined
                ? ''
                : total <= cost
                  ? ` — within the cost objective of ${formatUsd(cost)}/month`
                  : ` — **above the cost objective of ${formatUsd(cost)}/month**`;
        out.push(
            `- Replication egress${s.cell ? ` (cell ${s.cell})` : ''}: ≈ ${formatUsd(total)}/month (${list(egress.map((e) => `${e.store.split('@')[0]} ≈ ${formatUsd(e.usdPerMonth!)}`))})${verdict}`,
        );
    }
    return out.join('\n');
}

/** Instance ids shown by declared name (`ledger@eu` → `ledger`). */
function unique(ids: readonly string[]): string[] {
    return [...new Set(ids.map(nameOf))];
}

export function objectiveText(o: ObjectiveM): string {
    const parts: string[] = [];
    if (o.rtoMs !== undefined) parts.push(`RTO ${formatDuration(o.rtoMs)}`);
    if (o.rpoMs !== undefined) parts.push(`RPO ${formatDuration(o.rpoMs)}`);
    if (o.availability !== undefined) parts.push(`availability ${formatPercent(o.availability)}`);
    if (o.writeLatency)
        parts.push(`write-latency ${percentileName(o.writeLatency.percentile)} ${formatDuration(o.writeLatency.ms)}`);
    if (o.costUsdPerMonth !== undefined) parts.push(`cost ${formatUsd(o.costUsdPerMonth)}/month`);
    return parts.length > 0 ? parts.join(' · ') : 'none';
}

/** Declared retries, with the load they can add; or that none are assumed. */
function retriesLine(s: ServiceM): string {
    const r = s.retries;
    if (r === undefined) return `- Retries: none declared, none assumed *(${factRef('client-retries')})*`;
    const backoff = r.backoffMs === undefined ? '' : `, backoff ${formatDuration(r.backoffMs)}`;
    return `- Retries: ${r.count}${backoff} — while requests fail a region is offered up to ${r.count + 1}× them (bound) *(${factRef('retry-load')})*`;
}
