// A number or value taken from shared/reference/multi-region-facts.md, with where it comes from, so a
// hover, a rule message or a report can say why a default is what it is.
export interface Fact<T> {
    readonly value: T;
    /** Section of the facts reference and its tag, e.g. "facts §2 [D] HealthCheckConfig.FailureThreshold". */
    readonly source: string;
}

export function fact<T>(value: T, source: string): Fact<T> {
    return { value, source };
}
