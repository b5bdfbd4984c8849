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
    // Fixed: store-primary-outside-its-regions, export-undefined-write-policy,
    // unparsed-invariant-reaches-the-rules, dns-provider-named-like-a-cloud, number-beyond-a-double,
    // simulation-requests-answer-internal-errors (regression tests in test/robustness/known-issues.test.ts),
    // request-unanswered-after-edits-of-another-document (test/language/phase-notifications.test.ts).
];

export function knownIssueOf(failure: Failure): KnownIssue | undefined {
    return KNOWN_ISSUES.find((k) => k.matches(failure));
}
