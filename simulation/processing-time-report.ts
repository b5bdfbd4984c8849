// The report's account of what spreads a write's latency: each store's processing time (processing-time.ts)
// and the network's jitter, which no source documents.
import type { Engine } from '../language/semantics/model.js';
import { factRef } from '../language/semantics/facts/citation.js';
import { exponentialQuantile, notModelledReason, type ProcessingTime } from './processing-time.js';
import type { ProcessingTimeReport } from './report.js';

export function processingTimeReport(engine: Engine | undefined, p: ProcessingTime | undefined): ProcessingTimeReport {
    if (p === undefined)
        return {
            modelled: false,
            distribution: null,
            meanMs: null,
            p50Ms: null,
            p99Ms: null,
            kind: null,
            source: notModelledReason(engine),
        };
    return {
        modelled: true,
        distribution: p.distribution,
        meanMs: round(p.meanMs),
        p50Ms: round(exponentialQuantile(p.meanMs, 0.5)),
        p99Ms: round(exponentialQuantile(p.meanMs, 0.99)),
        kind: 'estimate',
        source: `exponential fitted to the documented p99 bound of ${p.p99Ms} ms (${factRef(p.fact)})`,
    };
}

function round(ms: number): number {
    return Math.round(ms * 1_000) / 1_000;
}
