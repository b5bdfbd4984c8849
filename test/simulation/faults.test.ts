// Fault kinds beyond outages and partitions, and the conflict strategies not covered by the oracles: a lag
// spike widens what an outage strands; a flapping health check moves traffic without any outage (or never, when
// it cannot fail `threshold` times in a row); vector clocks keep siblings where last-write-wins discards.
import { describe, expect, it } from 'vitest';
import { dynamoStore, run, SECOND, TWO_US_REGIONS } from './helpers.js';

const store = (conflicts = 'lww') => `
${dynamoStore('db', { conflicts })}`;

describe('lag spikes', () => {
    // Writes made while the lag is 5 s take 5 s to reach us-west-2; an outage at the end of the spike strands
    // about 5 s of us-east-1's writes (500/s × 5 s = 2,500, ± 4σ) instead of 1 s — the oldest about 5 s before
    // the cut — and delivers them all when the region is back (an outage loses nothing).
    it('widens the window of writes an outage strands', async () => {
        const report = await run(`${TWO_US_REGIONS}${store()}
workload w for db { writes 500/s from us-east-1 100% }
scenario s {
    workload w
    duration 10m
    at 2m lag-spike db to 5s for 3m
    at 299s outage region us-east-1 for 1m
    seed 4
}
`);
        const s = report.stores[0]!;
        const [cut] = s.stranded;
        expect(Math.abs(cut!.strandedWrites - 2_500)).toBeLessThanOrEqual(4 * Math.sqrt(2_500));
        expect(cut!.cutAtMs - cut!.oldestAtMs!).toBeGreaterThan(4_900);
        expect(cut!.cutAtMs - cut!.oldestAtMs!).toBeLessThanOrEqual(5_000);
        expect(cut!.deliveredWrites).toBe(cut!.strandedWrites);
        expect(s.lostWrites).toBe(0);
        // The spike's intervals (2 m – 5 m) carry writes 5 s old when applied.
        expect(s.lag.find((l) => l.from === 'us-east-1')!.series).toContain(5_000);
    });
});

describe('health-check flaps', () => {
    const design = (flap: string, threshold: number) => `${TWO_US_REGIONS}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
}
failover api {
    detect health-check every 10s threshold ${threshold} timeout 0s
    route  dns ttl 60s
    drill  every 30d
}
workload w for api { writes 10/s from us-east-1 100% }
scenario s { workload w  duration 30m  ${flap}  seed 5 }
`;

    it('moves traffic on a false alarm when the check fails long enough', async () => {
        const report = await run(design('at 5m flap health-check api in us-east-1 every 2m for 10m', 3));
        const detection = report.timeline.find((e) => e.kind === 'detection')!;
        expect(detection.atMs).toBeGreaterThanOrEqual(5 * 60 * SECOND + 20 * SECOND);
        expect(detection.atMs).toBeLessThan(5 * 60 * SECOND + 30 * SECOND);
        expect(report.timeline.some((e) => e.kind === 'routing-change' && e.text.includes('to us-west-2'))).toBe(true);
        // The standby had capacity: nobody was actually interrupted.
        expect(report.recovery).toEqual([]);
    });

    it('never fires when every other probe passes and the threshold is 3', async () => {
        const report = await run(design('at 5m flap health-check api in us-east-1 for 10m', 3));
        expect(report.timeline.filter((e) => e.kind === 'detection')).toEqual([]);
    });
});

describe('conflict strategies', () => {
    const workload = `workload w for db { writes 20/s from us-east-1 50%, us-west-2 50%  keys 10 shared 100% }
scenario s { workload w  duration 30m  seed 6 }`;

    it('keeps concurrent writes as vector-clock siblings and discards nothing', async () => {
        const report = await run(`${TWO_US_REGIONS}${store('vector-clocks')}\n${workload}`);
        expect(report.stores[0]!.siblings).toBeGreaterThan(0);
        expect(report.stores[0]!.discardedWrites).toBe(0);
        expect(report.summary.siblings).toBe(report.stores[0]!.siblings);
    });

    it("refuses a sync write while another region's write to the same key is in flight", async () => {
        const report = await run(`${TWO_US_REGIONS}
store db {
    engine      custom
    regions     us-east-1, us-west-2
    holds       shared counter
    writes      any-region
    replication sync
    consistency strong
    conflicts   reject
}
workload w for db { writes 200/s from us-east-1 50%, us-west-2 50%  keys 10 shared 100% }
scenario s { workload w  duration 10m  seed 6 }
`);
        const s = report.stores[0]!;
        expect(s.writes.conflictRejected).toBeGreaterThan(0);
        expect(s.discardedWrites).toBe(0);
        expect(s.lostWrites).toBe(0);
        // Acknowledged after the round trip to the other region (78 ms).
        expect(s.writeLatencyMs.p50).toBe(78);
    });
});
