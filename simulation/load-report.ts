// What each region of a service with retries or a declared capacity was offered over the run: first attempts,
// attempts with retries, its capacity then and the requests it served, as shares of the service's load with every
// region up (the unit of `capacity`), and how long the offered load was over the capacity.
import { factRef } from '../language/semantics/facts/citation.js';
import type { RunState } from './engine/context.js';
import type { ServiceLoadReport } from './report.js';

export function serviceLoadReport(sim: RunState, index: number): ServiceLoadReport | null {
    const s = sim.plan.services[index];
    if (s === undefined) return null;
    const R = sim.plan.regions.length;
    const endMs = sim.plan.durationMs;
    const regions: ServiceLoadReport['regions'][number][] = [];
    for (const r of s.regions) {
        const steps = sim.serviceLoad[index * R + r] ?? [];
        if (steps.length === 0) continue;
        let peakOffered = 0;
        let peakRequests = 0;
        let overMs = 0;
        steps.forEach((step, k) => {
            peakOffered = Math.max(peakOffered, step.offered);
            peakRequests = Math.max(peakRequests, step.requests);
            const until = Math.min(endMs, steps[k + 1]?.atMs ?? endMs);
            if (step.offered > step.capacity) overMs += Math.max(0, until - step.atMs);
        });
        regions.push({
            region: sim.plan.regions[r] ?? String(r),
            peakRequests: round(peakRequests),
            peakOffered: round(peakOffered),
            overCapacityMs: Math.round(overMs * 1000) / 1000,
            steps: steps.map((step) => ({
                atMs: Math.round(step.atMs * 1000) / 1000,
                requests: round(step.requests),
                offered: round(step.offered),
                capacity: step.capacity === Infinity ? null : round(step.capacity),
                served: round(step.served),
            })),
        });
    }
    if (regions.length === 0) return null;
    const declared = s.model.retries;
    return {
        retries: declared?.count ?? null,
        backoffMs: declared?.backoffMs ?? null,
        note:
            declared === undefined
                ? 'no retries declared: none assumed (declare `retries` for the clients that retry)'
                : `retries as declared: each failed request is tried again up to ${declared.count} times; the backoff does not change the steady-state load and is not added to latency`,
        regions,
        source: `${factRef('client-retries')}; ${factRef('retry-load')}`,
    };
}

function round(n: number): number {
    return Math.round(n * 1e9) / 1e9;
}
