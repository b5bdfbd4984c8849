// Messages between a simulation host (the language server, the CLI) and the worker thread that runs it.
import type { SimulationErrorKind } from './errors.js';
import type { PlainModel } from './plain-model.js';
import type { SimulationReport } from './report.js';
import type { SeedOutcome } from './sweep-metrics.js';

export interface RunRequest {
    readonly type: 'run';
    readonly model: PlainModel;
    readonly scenario: string;
    readonly seed?: number;
    readonly defaultSeed?: number;
    readonly eventBudget?: number;
    /** One Int32 the host sets to 1 to ask the run to stop (checked between batches of events). */
    readonly cancel?: SharedArrayBuffer;
}

/**
 * Runs of one scenario with many seeds: every worker of a sweep gets the same request and takes the next
 * index from `next` (an Int32 it increments atomically) until none is left, so a slow seed never idles the
 * others. Each run is reduced to its outcome before it crosses back.
 */
export interface SweepRequest {
    readonly type: 'sweep';
    readonly model: PlainModel;
    readonly scenario: string;
    readonly seeds: readonly number[];
    readonly eventBudget?: number;
    readonly next: SharedArrayBuffer;
    readonly cancel: SharedArrayBuffer;
}

export type WorkerRequest = RunRequest | SweepRequest;

export type WorkerMessage =
    | { readonly type: 'progress'; readonly fraction: number; readonly simulatedMs: number; readonly events: number }
    | { readonly type: 'report'; readonly report: SimulationReport }
    | { readonly type: 'outcome'; readonly index: number; readonly outcome: SeedOutcome }
    | { readonly type: 'sweep-done' }
    | { readonly type: 'error'; readonly kind: SimulationErrorKind | 'internal'; readonly message: string };
