// The failover-time estimate's less travelled paths — the reasons each end of the range gives, a resolver tail
// that covers none or all clients, manual routing, actions with no duration, the DR tier's floor on one end only,
// the words of the summary when parts are unknown, store targets — each worked by hand in the case's comment from
// detection = φ + (N−1)·I + T (φ ∈ [0, I)) and routing = a + tail (a ∈ [0, TTL)), as failover-time.ts documents.
import { describe, expect, it } from 'vitest';
import {
    describeFailoverRange,
    describeFailoverTime,
    detectionTime,
    estimateFailoverTime,
    failoverRangeLabel,
    routingTime,
} from '../../language/semantics/estimators/failover-time.js';
import type { FailoverM } from '../../language/semantics/model.js';
import { errors, modelOf } from '../helpers/services.js';

const S = 1_000;
const M = 60 * S;

async function failoverOf(clauses: string, posture = 'active-active', errorCount = 0) {
    const { model, diagnostics } = await modelOf(`topology T
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
store db { engine dynamodb regions us-east-1, us-west-2 holds per-user rows }
service api { regions us-east-1, us-west-2  primary us-east-1  posture ${posture}  capacity 100% per region }
failover api { ${clauses}  drill every 30d }
`);
    expect(errors(diagnostics).map((d) => d.message)).toHaveLength(errorCount);
    const failover = model.failovers.find((f) => f.target.id === 'api')!;
    return { model, failover, estimate: estimateFailoverTime(model, failover) };
}

// The reasons of detection by health check and of routing that waits out cached answers, as the range names them.
const CHECK = {
    best: 'the failure lands just before a check',
    typical: 'the mean over the check cycle',
    worst: 'the failure lands just after a check',
};

describe('the ends of the failover-time range and what makes each', () => {
    it.each([
        {
            // 10 s × 3, no timeout: 20 s best, 25 s typical, 30 s worst; anycast adds nothing.
            name: 'health-checked detection alone varies over the check cycle',
            failover: 'detect health-check every 10s threshold 3 timeout 0s  route anycast',
            ends: [20 * S, 25 * S, 30 * S],
            why: CHECK,
        },
        {
            // 20–30 s of detection plus 0–60 s of cached answers (typical 25 + 30 s): both vary, one typical reason.
            name: 'detection and a DNS TTL both vary, and the typical end names both',
            failover: 'detect health-check every 10s threshold 3 timeout 0s  route dns ttl 60s',
            ends: [20 * S, 55 * S, 90 * S],
            why: {
                best: 'the failure lands just before a check and a cached answer expires at the change',
                typical: 'the mean over the check cycle and the age of cached answers',
                worst: 'the failure lands just after a check and a client fetched its answer just before the change',
            },
        },
        {
            // 1 m manual detection + 0–60 s TTL (typical 30 s) + a tail of 5 m for 10 % of clients: typical
            // 60 + 30 + 0.1 × 300 = 120 s, worst 60 + 60 + 300 = 420 s.
            name: 'a DNS TTL with a resolver tail for some clients',
            failover: 'detect manual after 1m  route dns ttl 60s tail 10% 5m',
            ends: [60 * S, 120 * S, 420 * S],
            why: {
                best: 'a cached answer expires at the change',
                typical: 'cached answers half a TTL old, with the declared tail share',
                worst: 'a client in the resolver tail fetched its answer just before the change',
            },
        },
        {
            // Every client in the tail: even the best case waits the 5 m tail. 60 + 300 = 360 s best, 60 + 30 + 300 =
            // 390 s typical, 60 + 60 + 300 = 420 s worst.
            name: 'a resolver tail that holds every client delays even the best case',
            failover: 'detect manual after 1m  route dns ttl 60s tail 100% 5m',
            ends: [360 * S, 390 * S, 420 * S],
            why: {
                best: 'a cached answer expires at the change',
                typical: 'cached answers half a TTL old, with the declared tail share',
                worst: 'a client in the resolver tail fetched its answer just before the change',
            },
        },
        {
            // A tail of 0 % of clients delays nobody: 60 s + 0–60 s TTL, as with no tail.
            name: 'a resolver tail for no client adds nothing',
            failover: 'detect manual after 1m  route dns ttl 60s tail 0% 5m',
            ends: [60 * S, 90 * S, 120 * S],
            why: {
                best: 'a cached answer expires at the change',
                typical: 'cached answers half a TTL old',
                worst: 'a client fetched its answer just before the change',
            },
        },
        {
            // 5 m + 2 m, both declared: one figure, 7 m.
            name: 'declared manual detection and routing are one figure',
            failover: 'detect manual after 5m  route manual after 2m',
            ends: [7 * M, 7 * M, 7 * M],
            why: {
                best: 'every part is one figure',
                typical: 'every part is one figure',
                worst: 'every part is one figure',
            },
        },
        {
            // Warm standby floors each end at 1 m (docs/facts.md#dr-strategy-recovery-time). Detection 20–30 s (typical
            // 25 s) + 0–70 s TTL (typical 35 s): best 20 s → floored to 60 s; typical 25 + 35 = 60 s, exactly the floor,
            // keeps its own reason; worst 30 + 70 = 100 s.
            name: 'the DR tier floors only the ends below its minimum',
            failover: 'detect health-check every 10s threshold 3 timeout 0s  route dns ttl 70s',
            posture: 'warm-standby',
            ends: [60 * S, 60 * S, 100 * S],
            why: {
                best: "the warm-standby tier's minimum",
                typical: 'the mean over the check cycle and the age of cached answers',
                worst: 'the failure lands just after a check and a client fetched its answer just before the change',
            },
        },
    ])('$name', async ({ failover, posture, ends, why }) => {
        const { estimate } = await failoverOf(failover, posture);
        expect([estimate.range.bestMs, estimate.range.typicalMs, estimate.range.worstMs]).toEqual(ends);
        expect(estimate.range.why).toEqual(why);
    });

    it('a declared manual delay is one figure, for detection and for routing alike', async () => {
        const { failover } = await failoverOf('detect manual after 5m  route manual after 2m');
        const why = {
            best: 'the declared manual delay',
            typical: 'the declared manual delay',
            worst: 'the declared manual delay',
        };
        expect(detectionTime(failover).range).toEqual({ bestMs: 5 * M, typicalMs: 5 * M, worstMs: 5 * M, why });
        expect(routingTime(failover)).toEqual({
            method: 'manual',
            ms: 2 * M,
            range: { bestMs: 2 * M, typicalMs: 2 * M, worstMs: 2 * M, why },
            text: '2 m manual re-routing',
        });
    });
    it('manual routing without a delay is known to be manual, and nothing more', async () => {
        const { failover } = await failoverOf('detect manual after 5m  route manual');
        expect(routingTime(failover)).toEqual({ method: 'manual', text: 'manual routing (no delay declared)' });
    });
});

describe('the summary of a failover time', () => {
    it.each([
        {
            // 5 m + 2 m, nothing varies and nothing is unknown: "≈ 7 m".
            name: 'is one figure when nothing varies',
            failover: 'detect manual after 5m  route manual after 2m',
            unknown: [],
            label: '≈ 7 m',
            range: '≈ 7 m',
            summary: '≈ 7 m (5 m manual detection + 2 m manual re-routing)',
        },
        {
            // Manual routing with no delay: only the 5 m detection is known, so the time is at least 5 m.
            name: 'is a lower bound when the routing has no declared delay',
            failover: 'detect manual after 5m  route manual',
            unknown: ['manual routing (no delay declared)'],
            label: '≥ 5 m',
            range: 'at least 5 m',
            summary: 'at least 5 m (5 m manual detection + manual routing (no delay declared))',
        },
        {
            // Neither manual step declares a delay: both are named, joined as the known parts are.
            name: 'joins two unknown parts',
            failover: 'detect manual  route manual',
            unknown: ['manual detection (no delay declared)', 'manual routing (no delay declared)'],
            label: '≥ 0 ms',
            range: 'at least 0 ms',
            summary: 'at least 0 ms (manual detection (no delay declared) + manual routing (no delay declared))',
        },
        {
            // A DNS route without its TTL (an error the builder reports): only the 5 m detection is known.
            name: 'is a lower bound when a DNS route declares no TTL',
            failover: 'detect manual after 5m  route dns',
            errorCount: 1,
            unknown: ['DNS (no TTL declared)'],
            label: '≥ 5 m',
            range: 'at least 5 m',
            summary: 'at least 5 m (5 m manual detection + DNS (no TTL declared))',
        },
        {
            // Nothing known but anycast (0): at least 0 ms, the unknown detection named alone.
            name: 'names the unknown part alone when no part is known',
            failover: 'detect manual  route anycast',
            unknown: ['manual detection (no delay declared)'],
            label: '≥ 0 ms',
            range: 'at least 0 ms',
            summary: 'at least 0 ms (manual detection (no delay declared))',
        },
        {
            // Unknown detection + 0–60 s of cached answers (typical 30 s): at least 0–1 m.
            name: 'is a lower bound with a spread when the known part varies',
            failover: 'detect manual  route dns ttl 60s',
            unknown: ['manual detection (no delay declared)'],
            label: '≥ 0–1 m',
            range: 'at least 0–1 m (typical 30 s; worst when a client fetched its answer just before the change)',
            summary:
                'at least 0–1 m, typical 30 s (worst when a client fetched its answer just before the change: 1 m TTL + manual detection (no delay declared))',
        },
        {
            // Unknown detection, anycast: the known parts sum to 0, below the warm-standby tier's 1 m, which is named.
            name: 'names the DR tier when it is above the known parts',
            failover: 'detect manual  route anycast',
            posture: 'warm-standby',
            unknown: ['manual detection (no delay declared)'],
            label: '≥ 1 m',
            range: 'at least 1 m',
            summary:
                'at least 1 m (manual detection (no delay declared); the warm-standby tier itself needs at least 1 m (docs/facts.md#dr-strategy-recovery-time))',
        },
    ])('$name', async ({ failover, posture, errorCount, unknown, label, range, summary }) => {
        const { estimate } = await failoverOf(failover, posture, errorCount);
        expect(estimate.unknownParts).toEqual(unknown);
        expect(failoverRangeLabel(estimate)).toBe(label);
        expect(describeFailoverRange(estimate)).toBe(range);
        expect(describeFailoverTime(estimate)).toBe(summary);
    });
});

describe('the actions of a failover', () => {
    it('names an action with no known duration as unknown, without a worked-out duration', async () => {
        // A console step has no documented duration; without `takes` it counts as 0 and makes the total a lower bound.
        // The checker reports the missing duration and the console's control plane in us-east-1, the region lost.
        const { estimate } = await failoverOf('detect manual after 5m  route anycast  action console', undefined, 2);
        expect(estimate.actions.map((a) => [a.label, a.ms])).toEqual([['console step', undefined]]);
        expect(estimate.unknownParts).toEqual(['console (no duration)']);
        expect(describeFailoverTime(estimate)).toBe('at least 5 m (5 m manual detection + console (no duration))');
    });

    // The words each action kind is shown with (in the order the language reference lists the kinds). A step
    // through a control plane homed in us-east-1, the region the failover protects against, is an error the
    // checker reports (docs/facts.md#us-east-1-2021-outage): those cases expect that one error.
    it.each([
        ['promote db', 'promotion', 0],
        ['launch-capacity api', 'capacity launch', 1],
        ['scale-out api', 'scale-out', 1],
        ['edit-dns', 'DNS record edit', 1],
        ['flip-routing-control', 'routing-control flip', 0],
        ['restore-backup db', 'restore', 1],
        ['shift-traffic', 'traffic shift', 0],
        ['rehome db', 're-homing', 0],
        ['accept-outage', 'accepted outage', 0],
        ['console', 'console step', 1],
        ['create-resources', 'resource creation', 1],
        ['update-health-check', 'health-check update', 1],
        ['invalidate-cache', 'cache invalidation', 0],
        ['notify', 'notification', 0],
    ] as const)("'action %s takes 1m' reads '1 m %s'", async (action, label, errorCount) => {
        const { estimate } = await failoverOf(
            `detect manual after 5m  route anycast  action ${action} takes 1m`,
            undefined,
            errorCount,
        );
        expect(estimate.breakdown).toBe(`5 m manual detection + 1 m ${label}`);
    });
});

describe('the target of a failover', () => {
    it('of a store that any region writes protects against every region of the store, with no DR tier', async () => {
        const { model } = await modelOf(`topology T
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
store db { engine dynamodb regions us-east-1, us-west-2 holds per-user rows }
failover db { detect manual after 5m }`);
        const estimate = estimateFailoverTime(model, model.failovers[0]!);
        expect([estimate.protectsAgainst, estimate.posture, estimate.totalMs]).toEqual([
            ['us-east-1', 'us-west-2'],
            undefined,
            5 * M,
        ]);
    });

    it('that no longer exists protects against nothing and sets no floor', async () => {
        // A failover left pointing at a service the model no longer has (as while a design is being edited).
        const { model, failover } = await failoverOf('detect manual after 5m  route anycast', 'pilot-light');
        const orphan: FailoverM = { ...failover, from: undefined, target: { kind: 'service', id: 'gone' } };
        const estimate = estimateFailoverTime(model, orphan);
        expect([estimate.protectsAgainst, estimate.posture, estimate.totalMs]).toEqual([[], undefined, 5 * M]);
    });
});
