import { describe, expect, it } from 'vitest';
import { describeFailoverTime, estimateFailoverTime } from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
`;

const STORE = `
store db {
    engine aurora
    regions us-east-1, us-west-2
    holds shared rows
    writes primary us-east-1
    consistency session
}
`;

function service(posture: string): string {
    return `
service api {
    regions us-east-1, us-west-2
    primary us-east-1
    posture ${posture}
    capacity 100% per region
    uses db
}
`;
}

async function estimate(failover: string, posture = 'warm-standby') {
    const { model, problems } = await modelOf(`topology T\n${REGIONS}${STORE}${service(posture)}${failover}`);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const f = model.failovers.find((x) => x.target.id === 'api')!;
    return estimateFailoverTime(model, f);
}

describe('failover-time estimator', () => {
    const cases: { name: string; failover: string; posture?: string; totalMs: number; breakdown: string }[] = [
        {
            name: 'adds detection, TTL and promotion for a health-checked DNS failover',
            failover: `failover api { detect health-check every 10s threshold 3  route dns ttl 60s  action promote db }`,
            totalMs: 10_000 * 3 + 6_000 + 60_000 + 60_000,
            breakdown: '10 s × 3 + 6 s timeout detection + 1 m TTL + 1 m promotion',
        },
        {
            name: 'uses the Route 53 defaults (30 s × 3) when detection is not declared',
            failover: `failover api { route dns ttl 60s  action shift-traffic }`,
            totalMs: 30_000 * 3 + 6_000 + 60_000,
            breakdown: '30 s × 3 + 6 s timeout detection + 1 m TTL',
        },
        {
            name: 'adds nothing for anycast routing',
            failover: `failover api { detect health-check every 10s threshold 3  route anycast  action shift-traffic }`,
            posture: 'active-active',
            totalMs: 36_000 + 0,
            breakdown: '10 s × 3 + 6 s timeout detection',
        },
        {
            name: 'adds nothing for an ARC routing control flip',
            failover: `failover api { detect health-check every 10s threshold 2 timeout 0s  route arc-routing-control  action flip-routing-control }`,
            posture: 'active-active',
            totalMs: 20_000,
            breakdown: '10 s × 2 detection',
        },
        {
            name: 'adds the declared resolver tail to the DNS TTL',
            failover: `failover api { detect health-check every 10s threshold 3  route dns ttl 60s tail 5% 5m  action shift-traffic }`,
            totalMs: 36_000 + 60_000 + 300_000,
            breakdown: '10 s × 3 + 6 s timeout detection + 1 m TTL + 5 m resolver tail (5% of clients)',
        },
        {
            name: 'runs actions one after another with their declared durations',
            failover: `failover api { detect health-check every 10s threshold 3  route dns ttl 60s  action console takes 5m  action launch-capacity api  action edit-dns }`,
            totalMs: 36_000 + 60_000 + 300_000 + 600_000 + 60_000,
            breakdown: '10 s × 3 + 6 s timeout detection + 1 m TTL + 5 m console step + 10 m capacity launch + 1 m DNS record edit',
        },
        {
            name: 'floors the total at the pilot-light tier minimum of 10 minutes',
            failover: `failover api { detect health-check every 10s threshold 3  route anycast  action shift-traffic }`,
            posture: 'pilot-light',
            totalMs: 600_000,
            breakdown: '10 s × 3 + 6 s timeout detection',
        },
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const e = await estimate(c.failover, c.posture);
            expect(e.totalMs).toBe(c.totalMs);
            expect(e.breakdown).toBe(c.breakdown);
            expect(e.unknownParts).toEqual([]);
        });
    }

    it('describes the total with its breakdown as messages show it', async () => {
        const e = await estimate(`failover api { detect health-check every 10s threshold 3  route dns ttl 60s  action promote db }`);
        expect(describeFailoverTime(e)).toBe('≈ 2 m 36 s (10 s × 3 + 6 s timeout detection + 1 m TTL + 1 m promotion)');
    });

    it('says "at least" and names the part when manual detection declares no delay', async () => {
        const e = await estimate(`failover api { detect manual  route dns ttl 60s  action shift-traffic }`);
        expect(e.unknownParts).toEqual(['manual detection (no delay declared)']);
        expect(e.totalMs).toBe(60_000);
        expect(describeFailoverTime(e)).toMatch(/^at least 1 m \(1 m TTL \+ manual detection \(no delay declared\)\)$/);
    });

    it('mentions the tier floor when it dominates', async () => {
        const e = await estimate(`failover api { detect health-check every 10s threshold 3  route anycast }`, 'pilot-light');
        expect(describeFailoverTime(e)).toContain('the pilot-light tier itself needs at least 10 m (facts §8)');
    });

    it('marks control-plane actions homed in the region the failover protects against', async () => {
        const e = await estimate(`failover api { route dns ttl 60s  action edit-dns  action launch-capacity api in us-west-2  action shift-traffic }`);
        expect(e.protectsAgainst).toEqual(['us-east-1']);
        expect(e.actions.map((a) => [a.action.kind, a.controlPlane?.name, a.controlPlane?.region, a.controlPlane?.inFailedRegion])).toEqual([
            ['edit-dns', 'Route 53', 'us-east-1', true],
            ['launch-capacity', 'EC2', 'us-west-2', false],
            ['shift-traffic', undefined, undefined, undefined],
        ]);
    });

    it('treats promotion of a self-failing-over engine as an instant data-plane step', async () => {
        const { model } = await modelOf(`topology T
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
store t { engine cockroachdb regions us-east-1, us-east-2, us-west-2 holds shared rows }
failover t { detect health-check every 10s threshold 3 action promote t }`);
        const e = estimateFailoverTime(model, model.failovers[0]!);
        expect(e.actions[0]!.ms).toBe(0);
        expect(e.actions[0]!.controlPlane).toBeUndefined();
        expect(e.totalMs).toBe(36_000);
    });
});
