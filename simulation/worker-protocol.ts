// Messages between a simulation host (the language server, the CLI) and the worker thread that runs it.
import type { SimulationErrorKind } from './errors.js';
import type { PlainModel } from './plain-model.js';
import type { SimulationReport } from './report.js';

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

export type WorkerMessage =
    | { readonly type: 'progress'; readonly fraction: number; readonly simulatedMs: number; readonly events: number }
    | { readonly type: 'report'; readonly report: SimulationReport }
    | { readonly type: 'error'; readonly kind: SimulationErrorKind | 'internal'; readonly message: string };
