// The timeline rows a hand-built engine context records, for the unit suites of the engine's mechanisms.

/** One timeline row, as `EngineContext.record` is called. */
export interface Row {
    t: number;
    kind: string;
    text: string;
    target: string | null;
    region: number | null;
    cause: unknown;
}

/** A `record` that appends to `rows` (and calls `then`, to log the order of calls). */
export function recorder(rows: Row[], then: (kind: string) => void = () => {}) {
    return (t: number, kind: string, text: string, target: string | null, region: number | null, cause?: unknown) => {
        rows.push({ t, kind, text, target, region, cause });
        then(kind);
    };
}
