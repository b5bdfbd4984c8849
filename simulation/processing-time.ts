// The time an engine takes to process a write, on top of the network: drawn per write where a documented
// figure gives it, absent where none does (docs/facts.md#cosmos-point-latency). Only Cosmos DB documents a
// percentile (p99 < 10 ms for point operations); the simulation fits an exponential to it — one parameter for
// one documented percentile — so p99 of the draws is the bound and p50 is 10 × ln 2 ÷ ln 100 ≈ 1.5 ms. Network
// jitter has no source either (docs/facts.md#inter-region-jitter): every message takes its link's RTT.
import type { Engine } from '../language/semantics/model.js';
import { COSMOS } from '../language/semantics/facts/defaults.js';
import { factRef, type FactId } from '../language/semantics/facts/citation.js';

export interface ProcessingTime {
    readonly distribution: 'exponential';
    /** Mean of the exponential, ms: the documented p99 ÷ ln 100. */
    readonly meanMs: number;
    /** The documented figure the distribution is fitted to. */
    readonly p99Ms: number;
    readonly fact: FactId;
}

/** The engine's processing time, or undefined when no source documents a percentile of it. */
export function processingTimeOf(engine: Engine | undefined): ProcessingTime | undefined {
    if (engine !== 'cosmosdb') return undefined;
    const p99 = COSMOS.pointOperationP99Ms.value;
    return {
        distribution: 'exponential',
        meanMs: p99 / Math.log(100),
        p99Ms: p99,
        fact: COSMOS.pointOperationP99Ms.id,
    };
}

/** The p-quantile of an exponential of the given mean: −mean × ln(1 − p). */
export function exponentialQuantile(meanMs: number, p: number): number {
    return -meanMs * Math.log(1 - p);
}

/** Why a store's latency has no processing-time spread, for the report. */
export function notModelledReason(engine: Engine | undefined): string {
    return engine === undefined
        ? `no engine is declared, so no processing time is documented (${factRef('cosmos-point-latency')})`
        : `${engine} documents no percentile of its processing time (${factRef('cosmos-point-latency')})`;
}

/** The report's sentence on network jitter. */
export const NETWORK_JITTER_NOTE = `network jitter is not modelled: no documented per-link figure, so each link takes its RTT on every message and the network part of a latency has p99 = p50 (${factRef('inter-region-jitter')})`;
