// Bugs the fuzzer found that are reported to the owners of the code and not fixed yet. Each has a reproduction in
// test/robustness/known-issues.test.ts written with `it.fails`: when the bug is fixed that test fails, and the
// entry here and there must go. A failure that matches an entry is still counted and reported by the large run;
// it does not fail `npm test`, so the suite keeps guarding against every other failure meanwhile.
import type { Failure } from './checks.js';

export interface KnownIssue {
    readonly id: string;
    readonly summary: string;
    matches(failure: Failure): boolean;
}

export const KNOWN_ISSUES: readonly KnownIssue[] = [
    {
        id: 'store-primary-outside-its-regions',
        summary: "a store that 'writes primary R' where R is not one of its regions passes the checker; the engine then throws a "
            + 'TypeError in staleProbability (simulation/engine/simulation.ts) or reports negative write latencies',
        matches: (f) => f.stage === 'simulate' && ((f.kind === 'exception' && /staleProbability/.test(f.message))
            || (f.kind === 'invalid-report' && /writeLatencyMs\/p[0-9]+ must be >= 0/.test(f.message))),
    },
    {
        id: 'export-undefined-write-policy',
        summary: "a forced export of an Aurora store whose 'writes' clause did not parse says 'the design lets undefined write' "
            + '(export/cdk/plan/stores.ts; the builder leaves writes.policy undefined although the model type requires it)',
        matches: (f) => f.stage === 'export' && f.kind === 'unclear-message' && /the design lets undefined write/.test(f.message),
    },
    {
        id: 'unparsed-invariant-reaches-the-rules',
        summary: "an 'invariant' clause whose kind did not parse (e.g. 'invariant consistency eventual') reaches the model with "
            + 'kind undefined: the rule crdt-cannot-keep-invariant throws (INVARIANT_BREAKS[inv.kind] is not a function in '
            + 'language/validation/rules/conflict-rules.ts), so users see a rule-failed error asking them to report the file, and '
            + "lww-on-shared-state says 'The invariant undefined undefined cannot hold either'",
        matches: (f) => (f.kind === 'internal-diagnostic' && /INVARIANT_BREAKS\[inv\.kind\] is not a function/.test(f.message))
            || (f.kind === 'unclear-message' && /lww-on-shared-state: .*The invariants? .*undefined undefined/.test(f.message)),
    },
];

export function knownIssueOf(failure: Failure): KnownIssue | undefined {
    return KNOWN_ISSUES.find((k) => k.matches(failure));
}
