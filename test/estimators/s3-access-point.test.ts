// The failover time of a route through an S3 Multi-Region Access Point, against closed forms. Active-passive (a
// `from`): detection + the documented routing-change bound B = 2 min (docs/facts.md#s3-mrap-failover-controls), the
// best end 0 (the change may apply at once), the typical end B (no typical figure is documented). With health checks
// every I, threshold N and timeout T = 6 s: best (N−1)·I + T, typical (N−½)·I + T + B, worst N·I + T + B.
// Active-active (no `from`): the access point redirects in no documented time, so the estimate is a lower bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../helpers/fast-check-seed.js';
import {
    describeFailoverTime,
    estimateFailoverTime,
    failoverRangeLabel,
} from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const S = 1_000;
const BOUND = 120 * S;
const TIMEOUT = 6 * S;

function design(failover: string, posture: string): string {
    const primary = posture === 'active-active' ? '' : 'primary us-east-1';
    return `topology T
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
service api { regions us-east-1, us-west-2  ${primary}  posture ${posture}  capacity 100% per region }
failover api { ${failover}  drill every 30d }
`;
}

async function estimateOf(failover: string, posture = 'active-passive') {
    const { model, problems } = await modelOf(design(failover, posture));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    return estimateFailoverTime(model, model.failovers[0]!);
}

describe('a failover routed through an S3 Multi-Region Access Point', () => {
    it('adds the 2-minute routing-change bound to detection, end by end, for any health-check schedule', async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(10, 30), fc.integer({ min: 1, max: 10 }), async (intervalS, threshold) => {
                const e = await estimateOf(
                    `detect health-check every ${intervalS}s threshold ${threshold}  route s3-access-point`,
                );
                const I = intervalS * S;
                // active-passive has no DR-tier floor above these sums (docs/facts.md#dr-strategy-recovery-time)
                const floor = e.postureMinimumMs ?? 0;
                expect(e.range.bestMs).toBe(Math.max(floor, (threshold - 1) * I + TIMEOUT));
                expect(e.range.typicalMs).toBe(Math.max(floor, (threshold - 0.5) * I + TIMEOUT + BOUND));
                expect(e.range.worstMs).toBe(Math.max(floor, threshold * I + TIMEOUT + BOUND));
                expect(e.unknownParts).toEqual([]);
            }),
            { numRuns: 20 },
        );
    });

    it.each([
        {
            name: 'an operator who decides after 5 minutes waits out the bound as well',
            failover: 'detect manual after 5m  route s3-access-point',
            worst: 5 * 60 * S + BOUND,
        },
        {
            name: 'an action written beside the route comes after the routing change',
            failover: 'detect manual after 1m  route s3-access-point  action notify takes 30s',
            worst: 60 * S + BOUND + 30 * S,
        },
    ])('$name', async ({ failover, worst }) => {
        const e = await estimateOf(failover);
        expect(e.range.worstMs).toBe(worst);
        expect(describeFailoverTime(e)).toContain(
            '2 m access-point routing change (a bound, docs/facts.md#s3-mrap-failover-controls)',
        );
    });

    it('says the typical end is the bound because no typical figure is documented', async () => {
        const e = await estimateOf('detect health-check every 10s threshold 3  route s3-access-point');
        expect(e.routing.range?.why.typical).toBe('no typical figure is documented, so the bound');
    });

    it('leaves an active-active access point’s own redirection unknown, so the time is a lower bound', async () => {
        const e = await estimateOf('detect health-check every 10s threshold 3  route s3-access-point', 'active-active');
        expect(e.routing.ms).toBeUndefined();
        expect(e.unknownParts).toEqual([
            "the access point's own redirection (no documented time, docs/facts.md#s3-multi-region-access-points)",
        ]);
        expect(failoverRangeLabel(e)).toMatch(/^≥ /);
        expect(e.range.worstMs).toBe(3 * 10 * S + TIMEOUT);
    });
});
