// The timeline of a hand-built engine context (the unit suites of the mechanisms): its `record` keeps every row
// it is given, for the test to compare with the rows worked out by hand.

export interface RecordedRow {
    t: number;
    kind: string;
    text: string;
    target: string | null;
    region: number | null;
    cause: unknown;
}

/** `record` for a hand-built `EngineContext`, and the rows it has kept. */
export function timelineRecorder() {
    const rows: RecordedRow[] = [];
    const record = (
        t: number,
        kind: string,
        text: string,
        target: string | null,
        region: number | null,
        cause?: unknown,
    ): void => {
        rows.push({ t, kind, text, target, region, cause });
    };
    return { rows, record };
}
