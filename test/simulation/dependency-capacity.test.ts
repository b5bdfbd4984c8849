// A service that others `depends-on` serves one call per request they serve, in the region they serve it, up to its
// capacity; past it, their requests fail in the same proportion. Closed forms: api (active-active over two regions,
// users split 50/50) calls a gateway with capacity c per region. With both regions up each gateway region carries
// half the calls, so every user is served min(1, c / 0.5); once us-east-1 is out and its users have moved to
// us-west-2, that region carries all of them: min(1, c / 1).
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { run } from './helpers.js';

function design(capacity: string, chain: boolean): string {
    // chain: api → edge (no capacity limit) → gateway: the limit reaches api through both.
    const caller = chain ? 'edge' : 'gateway';
    return `topology Dependency
region us-east-1 { provider aws }
region us-west-2 { provider aws }
service gateway {
    regions  us-east-1, us-west-2
    posture  active-active
    capacity ${capacity}
}
${chain ? 'service edge {\n    regions    us-east-1, us-west-2\n    posture    active-active\n    depends-on gateway\n}\n' : ''}service api {
    regions    us-east-1, us-west-2
    posture    active-active
    depends-on ${caller}
}
failover api {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    drill  every 30d
}
workload calls for api {
    writes 100/s from us-east-1 50%, us-west-2 50%
}
scenario lose-east {
    workload calls
    duration 30m
    at 5m outage region us-east-1 for 20m
    seed 3
}
`;
}

/** The lowest share of requests served to the users of `origin` on api over the run (1 when never interrupted). */
function worstServed(report: SimulationReport, origin: string): number {
    return report.recovery.filter((r) => r.usersOf === origin).reduce((m, r) => Math.min(m, r.worstServedShare), 1);
}

describe('a dependency short of capacity fails the requests of the services that call it', () => {
    it.each([
        { capacity: '40% per region', chain: false, beforeOutage: 0.8, afterMove: 0.4 },
        { capacity: '60% per region', chain: false, beforeOutage: 1, afterMove: 0.6 },
        { capacity: '100% per region', chain: false, beforeOutage: 1, afterMove: 1 },
        { capacity: '60% per region', chain: true, beforeOutage: 1, afterMove: 0.6 },
    ])(
        'at $capacity (through a chain: $chain) users are served $beforeOutage with both regions up and $afterMove once all are in us-west-2',
        async ({ capacity, chain, beforeOutage, afterMove }) => {
            const report = await run(design(capacity, chain), 'lose-east');
            // The users of us-west-2 never lose their region: their worst is the gateway's limit after the move.
            expect(worstServed(report, 'us-west-2')).toBeCloseTo(Math.min(beforeOutage, afterMove), 9);
            const fromStart = report.recovery.filter((r) => r.usersOf === 'us-west-2' && r.startMs === 0);
            if (beforeOutage < 1) {
                // Short from the first moment: an interruption from 0 that serves exactly the steady-state share
                // until the outage makes it worse.
                expect(fromStart).toHaveLength(1);
            } else {
                expect(fromStart).toEqual([]);
            }
            if (afterMove < 1) {
                // Short until us-east-1 returns at 25 min: the interruption of us-west-2's users lasts at least that.
                const last = report.recovery.filter((r) => r.usersOf === 'us-west-2').at(-1)!;
                expect(last.endMs ?? Infinity).toBeGreaterThanOrEqual(25 * 60_000);
            }
        },
    );
});
