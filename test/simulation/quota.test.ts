// A quota caps what launch-capacity / scale-out add: the region is raised to min(100 %, quota) of the load and the
// timeline says where the action stopped. Closed form: all users on us-west-2 (L = 100 %) after us-east-1 is lost,
// capacity 50 %: served 50 % until the action completes, then min(1, quota).
import { describe, expect, it } from 'vitest';
import { expectValidReport, run } from './helpers.js';

function design(quota: string): string {
    return `topology Quota
region us-east-1 { provider aws }
region us-west-2 { provider aws }
service web {
    regions  us-east-1, us-west-2
    posture  active-active
    capacity 50% per region
    ${quota}
}
failover web from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    action scale-out web in us-west-2 takes 5m
    drill  every 30d
}
workload w for web {
    writes 100/s from us-east-1 50%, us-west-2 50%
}
scenario lose-east {
    workload w
    duration 1h
    at 5m outage region us-east-1 for 50m
    seed 3
}
`;
}

describe('a quota stops scale-out short of the whole load', () => {
    it.each([
        { quota: '', capacity: 1, stopped: false },
        { quota: 'quota 70%', capacity: 0.7, stopped: true },
        { quota: 'quota 150%', capacity: 1, stopped: false },
    ])('with "$quota" us-west-2 ends at capacity $capacity', async ({ quota, capacity, stopped }) => {
        const report = await run(design(quota), 'lose-east');
        expectValidReport(report);
        const west = report.services[0]?.load?.regions.find((r) => r.region === 'us-west-2');
        const last = west?.steps.at(-1);
        expect(last?.capacity).toBeCloseTo(capacity, 9);
        const note = report.timeline.find((e) => /stopped at its quota/.test(e.text));
        expect(note !== undefined).toBe(stopped);
        if (stopped) expect(note?.text).toContain('capacity 70% of the load, not 100%');
    });
});
