// Closed-form oracles (simulation.md "How it must be tested"): each case is a scenario simple enough to
// compute by hand, the value the formula gives, and the tolerance the comparison allows — stated in the case.
import { describe, expect, it } from 'vitest';
import { estimateFailoverTime } from '../../language/semantics/estimators/failover-time.js';
import { estimateWriteLatency } from '../../language/semantics/estimators/write-latency.js';
import { estimateLwwLosses } from '../../language/semantics/estimators/lww-losses.js';
import {
    auroraDb,
    consensusStore,
    designOf,
    dynamoStore,
    MINUTE,
    replicaReaders,
    run,
    runModel,
    SECOND,
    TWO_US_REGIONS,
} from './helpers.js';

// What an outage strands and what a promotion or a destroyed region loses (λ·d with d = max(lag, RTT/2)):
// test/simulation/data-fate.test.ts.

describe('DNS failover recovers after detection, the actions and the TTL', () => {
    // Health checks probe every i from a random phase; k failures in a row, each known `timeout` after its probe,
    // detect the outage: detection − outage ∈ [(k−1)·i + timeout, k·i + timeout). Users then move within the TTL T
    // (and the declared tail); actions before the routing action add their durations. The estimator's figure
    // i·k + timeout + T + actions is the upper end of that range.
    const cases = [
        {
            name: 'every 10 s × 3, no timeout, TTL 60 s: RTO ∈ [80 s, 90 s)',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'dns ttl 60s',
            actions: '',
            low: 80 * SECOND,
            high: 90 * SECOND,
        },
        {
            name: 'every 30 s × 3 with the default 6 s timeout, TTL 60 s: RTO ∈ [126 s, 156 s)',
            detect: 'every 30s threshold 3',
            route: 'dns ttl 60s',
            actions: '',
            low: 126 * SECOND,
            high: 156 * SECOND,
        },
        {
            name: 'a 1-minute promotion before the traffic shift adds 1 minute',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'dns ttl 60s',
            actions: 'action promote db\n    action shift-traffic',
            low: 140 * SECOND,
            high: 150 * SECOND,
        },
        {
            name: 'a 10 % resolver tail of 5 minutes extends recovery to TTL + 5 minutes',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'dns ttl 60s tail 10% 5m',
            actions: '',
            low: 380 * SECOND,
            high: 390 * SECOND,
        },
        {
            name: 'anycast with the same detection recovers at detection: RTO ∈ [20 s, 30 s)',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'anycast',
            actions: '',
            low: 20 * SECOND,
            high: 30 * SECOND,
        },
        // ARC flips health checks on DNS records, so its users wait out the TTL like DNS users (docs/facts.md#arc-routing-control).
        {
            name: 'an ARC routing control with TTL 60 s recovers like DNS: RTO ∈ [80 s, 90 s)',
            detect: 'every 10s threshold 3 timeout 0s',
            route: 'arc-routing-control ttl 60s',
            actions: '',
            low: 80 * SECOND,
            high: 90 * SECOND,
        },
        {
            name: 'the ARC acceptance case (every 10 s × 3, 6 s timeout, TTL 60 s): RTO ∈ [86 s, 96 s), TTL included',
            detect: 'every 10s threshold 3',
            route: 'arc-routing-control ttl 60s',
            actions: '',
            low: 86 * SECOND,
            high: 96 * SECOND,
        },
    ];
    // The service keeps its data in an Aurora-like store only when the case promotes it; otherwise it has none, so
    // recovery is routing alone.
    const design = (c: (typeof cases)[number], seed: number) => {
        const promotes = c.actions.includes('promote');
        return `${TWO_US_REGIONS}
${promotes ? `${auroraDb()}` : ''}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
    ${promotes ? 'uses      db' : ''}
}
failover api {
    detect health-check ${c.detect}
    route  ${c.route}
    ${c.actions}
    drill  every 30d
}
workload w for api { writes 20/s from us-east-1 100%  reads 200/s from us-east-1 100%  keys 1000 }
scenario s { workload w  duration 30m  at 10m outage region us-east-1 for 15m  seed ${seed} }
`;
    };

    it.each(cases)('$name', async (c) => {
        const rtos: number[] = [];
        for (let seed = 1; seed <= 24; seed++) {
            const model = await designOf(design(c, seed));
            const report = runModel(model);
            const users = report.recovery.find((r) => r.usersOf === 'us-east-1')!;
            expect(users.rtoMs).not.toBeNull();
            expect(users.rtoMs!).toBeGreaterThanOrEqual(c.low);
            expect(users.rtoMs!).toBeLessThan(c.high);
            rtos.push(users.rtoMs!);
            if (seed === 1) {
                // The estimator's sum (before the DR tier's floor, which the simulation does not impose) is the range's top.
                const estimate = estimateFailoverTime(model, model.failovers[0]!);
                expect(estimate.sumMs).toBe(c.high);
            }
        }
        // The probe phase is uniform, so the mean sits mid-range: tolerance 5 standard errors of the mean.
        const mean = rtos.reduce((a, b) => a + b, 0) / rtos.length;
        const spread = c.high - c.low;
        expect(Math.abs(mean - (c.low + c.high) / 2)).toBeLessThan((5 * spread) / Math.sqrt(12 * rtos.length));
    });
});

describe('consensus writes travel to the leader and wait for its quorum', () => {
    // docs/facts.md#cloudping-rtt-matrix RTTs: us-east-1↔us-east-2 17, us-east-1↔eu-west-1 76, us-east-1↔ap-northeast-1 163,
    // us-east-2↔ap-northeast-1 163, us-east-2↔eu-west-1 102, eu-west-1↔ap-northeast-1 220 ms.
    // latency = RTT(origin → leader) + RTT(leader → the voter that completes the quorum), own votes at 0 ms
    // (docs/facts.md#cockroachdb-multi-region); a regional-by-row row is homed in the region that writes it, so its leader is local.
    // Exact: tolerance 0 (percentiles report latencies that occurred).
    const design = (regions: readonly string[], quorum: number, clauses: string) => `
topology T
region us-east-1      { provider aws  jurisdiction US }
region us-east-2      { provider aws  jurisdiction US }
region eu-west-1      { provider aws  jurisdiction EU }
region ap-northeast-1 { provider aws  jurisdiction JP }
${consensusStore('tickets', regions, quorum, clauses)}
workload w for tickets { writes 300/s from ${regions.map((r, i) => `${r} ${i === 0 ? 100 - 20 * (regions.length - 1) : 20}%`).join(', ')} }
scenario s { workload w  duration 2m  seed 4 }
`;
    const three = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
    const four = ['us-east-1', 'us-east-2', 'eu-west-1', 'ap-northeast-1'];
    const leaderUs = 'leader us-east-1';
    const leaderTokyo = 'leader ap-northeast-1';
    const byRow = 'leader us-east-1  locality regional-by-row';
    it.each([
        {
            name: 'leader us-east-1: a write from us-east-1 waits for eu-west-1 (76 ms)',
            regions: three,
            quorum: 2,
            clauses: leaderUs,
            region: 'us-east-1',
            ms: 76,
        },
        {
            name: 'leader us-east-1: a write from eu-west-1 pays 76 ms to the leader + 76 ms quorum',
            regions: three,
            quorum: 2,
            clauses: leaderUs,
            region: 'eu-west-1',
            ms: 76 + 76,
        },
        {
            name: 'leader us-east-1: a write from Tokyo pays 163 ms to the leader + 76 ms quorum',
            regions: three,
            quorum: 2,
            clauses: leaderUs,
            region: 'ap-northeast-1',
            ms: 163 + 76,
        },
        {
            name: 'leader ap-northeast-1: a write from Tokyo waits only for us-east-1 (163 ms)',
            regions: three,
            quorum: 2,
            clauses: leaderTokyo,
            region: 'ap-northeast-1',
            ms: 163,
        },
        {
            name: 'leader ap-northeast-1: a write from Dublin pays 220 ms to the leader + 163 ms quorum',
            regions: three,
            quorum: 2,
            clauses: leaderTokyo,
            region: 'eu-west-1',
            ms: 220 + 163,
        },
        {
            name: 'regional-by-row: a write from eu-west-1 is ordered there and waits for us-east-1 (76 ms)',
            regions: three,
            quorum: 2,
            clauses: byRow,
            region: 'eu-west-1',
            ms: 76,
        },
        {
            name: 'regional-by-row, quorum 3 of 4: a write from us-east-1 waits for the second nearest voter, eu-west-1 (76 ms)',
            regions: four,
            quorum: 3,
            clauses: byRow,
            region: 'us-east-1',
            ms: 76,
        },
        {
            name: 'regional-by-row, quorum 3 of 4: a write from eu-west-1 waits for us-east-2 (102 ms)',
            regions: four,
            quorum: 3,
            clauses: byRow,
            region: 'eu-west-1',
            ms: 102,
        },
        {
            name: 'regional-by-row, quorum 3 of 4: a write from Tokyo waits for the tie at 163 ms',
            regions: four,
            quorum: 3,
            clauses: byRow,
            region: 'ap-northeast-1',
            ms: 163,
        },
    ])('$name', async ({ regions, quorum, clauses, region, ms }) => {
        const model = await designOf(design(regions, quorum, clauses));
        const report = runModel(model);
        const latency = report.stores[0]!.byRegion.find((r) => r.region === region)!.writeLatencyMs;
        expect(latency.p50).toBe(ms);
        expect(latency.p99).toBe(ms);
        expect(estimateWriteLatency(model, model.stores.get('tickets')!, region).ms).toBe(ms);
    });
});

describe('last-write-wins silently discards concurrent writes at the Poisson overlap rate', () => {
    // One shared key written from two regions, each a Poisson process of rate λ; replication delay d both ways.
    // A write x from A is lost when B's next write lands within d (B has not seen x) and A does not write again
    // before B's write reaches A (else A's next write, which includes x, wins): per write
    //   P(lost) = ∫₀ᵈ λe^{−λu} · e^{−λ(u+d)} du = e^{−λd} · ½(1 − e^{−2λd})
    // so over a duration D both regions together lose  D · λ · e^{−λd} · (1 − e^{−2λd}).
    // For small λd that is ≈ 2λ²dD, the pairwise overlap count. Tolerance: 4 standard deviations of a Poisson count.
    it.each([
        { name: 'λ = 1/s per region, d = 500 ms, 4 h', perRegion: 1, lag: '500ms', d: 0.5, hours: 4 },
        { name: 'λ = 0.2/s per region, d = 1 s, 8 h', perRegion: 0.2, lag: '1s', d: 1, hours: 8 },
        { name: 'λ = 5/s per region, d = 100 ms, 1 h', perRegion: 5, lag: '100ms', d: 0.1, hours: 1 },
    ])('$name', async ({ perRegion, lag, d, hours }) => {
        const report = await run(`${TWO_US_REGIONS}
store counter {
    engine      dynamodb
    regions     us-east-1, us-west-2
    holds       shared counter
    writes      any-region
    replication async lag ${lag}
    consistency eventual
    conflicts   lww
}
workload w for counter { writes ${2 * perRegion}/s from us-east-1 50%, us-west-2 50%  keys 1 shared 100% }
scenario s { workload w  duration ${hours}h  seed 11 }
`);
        const D = hours * 3_600;
        const expected = D * perRegion * Math.exp(-perRegion * d) * (1 - Math.exp(-2 * perRegion * d));
        const measured = report.stores[0]!.discardedWrites;
        expect(Math.abs(measured - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
        expect(report.summary.discardedWrites).toBe(measured);
    });
});

describe('with three or four writing regions, the first newer write to arrive decides', () => {
    // n regions each writing one shared key at λ; delay d everywhere (the lag: every RTT/2 here is below it). A write
    // x stays its region's value until that region writes again or the first newer write from elsewhere arrives;
    // j's first write comes u after x and arrives at u + d, and never saw x when u < d. So, per write,
    //   P(lost) = (n−1) · ∫_d^{2d} λe^{−λ(a−d)} · e^{−λa} · e^{−(n−2)λ(a−d)} da = (n−1)/n · e^{−λd}(1 − e^{−nλd})
    // and over D all regions lose D · (n−1) · λ · e^{−λd}(1 − e^{−nλd}) — not the pairwise sum, which counts x once
    // for every region that overlaps it. Tolerance: 4 standard deviations of a Poisson count.
    const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1'];
    it.each([
        { name: 'three regions, λ = 1/s each, d = 1 s, 2 h', n: 3, perRegion: 1, d: 1, hours: 2 },
        { name: 'four regions, λ = 0.5/s each, d = 1 s, 2 h', n: 4, perRegion: 0.5, d: 1, hours: 2 },
    ])('$name', async ({ n, perRegion, d, hours }) => {
        const regions = REGIONS.slice(0, n);
        const share = 100 / n;
        const model = await designOf(`topology T
${regions.map((r) => `region ${r} { provider aws }`).join('\n')}
store counter {
    engine      dynamodb
    regions     ${regions.join(', ')}
    holds       shared counter
    writes      any-region
    replication async lag ${d}s
    consistency eventual
    conflicts   lww
}
workload w for counter { writes ${n * perRegion}/s from ${regions.map((r) => `${r} ${share}%`).join(', ')}  keys 1 shared 100% }
scenario s { workload w  duration ${hours}h  seed 12 }
`);
        const D = hours * 3_600;
        const expected = D * (n - 1) * perRegion * Math.exp(-perRegion * d) * (1 - Math.exp(-n * perRegion * d));
        const measured = runModel(model).stores[0]!.discardedWrites;
        expect(Math.abs(measured - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected));
        // The editor's estimate is the same expectation.
        const estimate = estimateLwwLosses(model, model.stores.get('counter')!, model.workloads.get('w')!);
        expect((estimate.perDay! * D) / 86_400).toBeCloseTo(expected, 6);
    });
});

describe('a CRDT counter converges to the sum of all increments after a partition heals', () => {
    // Two regions increment shared counters during a 10-minute partition. A G-/PN-counter merges instead of
    // overwriting, so after the partition heals every replica's value is the sum of every acknowledged
    // increment, except those still within the replication lag when the run ends (at most λ·lag + 5σ).
    const design = (conflicts: string) => `${TWO_US_REGIONS}
${dynamoStore('counter', { conflicts })}
workload w for counter { writes 200/s from us-east-1 50%, us-west-2 50%  keys 100 shared 100% }
scenario s { workload w  duration 20m  at 5m partition us-east-1 <-> us-west-2 for 10m  seed 2 }
`;

    it('merges concurrent increments and every replica reaches the acknowledged total', async () => {
        const report = await run(design('crdt pn-counter'));
        const store = report.stores[0]!;
        expect(store.merges).toBeGreaterThan(0);
        expect(store.discardedWrites).toBe(0);
        const total = store.writes.acknowledged;
        const inFlightBound = 200 * 1 + 5 * Math.sqrt(200);
        for (const replica of store.replicas) {
            expect(replica.appliedWrites + replica.pendingWrites).toBe(total);
            expect(replica.pendingWrites).toBeLessThanOrEqual(inFlightBound);
        }
        // During the partition each side piled up 10 minutes of the other's increments: a backlog, not a lag.
        expect(Math.max(...store.lag.map((l) => l.backlogMaxMs ?? 0))).toBeGreaterThanOrEqual(10 * MINUTE);
        expect(Math.max(...store.lag.map((l) => l.maxMs))).toBeLessThan(10 * MINUTE);
    });

    it('last-write-wins on the same counter discards increments instead', async () => {
        const report = await run(design('lww'));
        expect(report.stores[0]!.discardedWrites).toBeGreaterThan(0);
        expect(report.stores[0]!.merges).toBe(0);
    });
});

describe('the consensus minority side rejects writes during a partition', () => {
    // Regional-by-row: each region's rows are ordered where they are written (docs/facts.md#cockroachdb-multi-region). us-east-1 is cut off
    // from both other voters for 5 minutes: alone it has 1 vote of 3, short of the quorum of 2, so every write
    // issued there fails (expected 150/s × 300 s = 45,000, ± 4σ of a Poisson count); us-west-2 and eu-west-1
    // still form a majority and keep writing, at their RTT (133 ms).
    it('rejects the isolated region writes and keeps the majority writing', async () => {
        const report = await run(`
topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
${consensusStore('ledger', ['us-east-1', 'us-west-2', 'eu-west-1'], undefined, 'leader us-east-1  locality regional-by-row')}
workload w for ledger { writes 300/s from us-east-1 50%, us-west-2 25%, eu-west-1 25% }
scenario s {
    workload w
    duration 15m
    at 5m partition us-east-1 <-> us-west-2 for 5m
    at 5m partition us-east-1 <-> eu-west-1 for 5m
    seed 6
    expect rejected-writes in us-east-1 > 0
    expect rejected-writes in us-west-2 == 0
    expect lost-writes == 0
}
`);
        const store = report.stores[0]!;
        expect(Math.abs(store.writes.rejected - 45_000)).toBeLessThanOrEqual(4 * Math.sqrt(45_000));
        expect(report.expectations.map((e) => e.passed)).toEqual([true, true, true]);
        const west = store.byRegion.find((r) => r.region === 'us-west-2')!.writeLatencyMs;
        expect(west.max).toBe(133);
    });
});

describe('a control-plane action waits exactly until its control plane is back', () => {
    // Pilot light: the standby has no capacity until launch-capacity (10 minutes, docs/facts.md#capacity-launch-time; control plane of the
    // target region, duration from the simulation spec's lower bound) completes. The standby region's control plane
    // is impaired from 5 m to 35 m, so the launch cannot start before 35 m and completes at exactly 45 m; the
    // routing control flips then and users follow over the records' 60 s TTL, so recovery ends at 46 m. Exact:
    // tolerance 0.
    const design = (impairment: string) => `${TWO_US_REGIONS}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   pilot-light
    capacity  us-east-1 100%, us-west-2 0%
}
failover api {
    detect health-check every 10s threshold 3 timeout 0s
    route  arc-routing-control ttl 60s
    action launch-capacity api in us-west-2
    action flip-routing-control
    drill  every 30d
}
workload w for api { writes 10/s from us-east-1 100% }
scenario s {
    workload w
    duration 3h
    at 10m outage region us-east-1 for 2h
    ${impairment}
    seed 8
}
`;

    it('starts the launch when the impairment ends and recovers 10 minutes and one TTL later', async () => {
        const report = await run(design('at 5m impair control-plane us-west-2 for 30m'));
        const done = report.timeline.find((e) => e.kind === 'action-done' && e.text.startsWith('launch-capacity'))!;
        expect(done.atMs).toBe(45 * MINUTE);
        expect(report.recovery[0]!.endMs).toBe(46 * MINUTE);
        expect(report.recovery[0]!.rtoMs).toBe(36 * MINUTE);
    });

    it('pauses a launch in progress for exactly as long as the impairment lasts', async () => {
        const report = await run(design('at 12m impair control-plane us-west-2 for 5m'));
        const detection = report.recovery[0]!.detectionMs!;
        const done = report.timeline.find((e) => e.kind === 'action-done' && e.text.startsWith('launch-capacity'))!;
        expect(done.atMs).toBe(detection + 10 * MINUTE + 5 * MINUTE);
    });
});

describe('stale reads follow the replica lag and the per-key write rate', () => {
    // Writes land in us-east-1 at λ over K keys (μ = λ/K per key); a read in us-west-2 misses the latest write
    // when its key was written within the last d = lag: P = 1 − e^{−μd}. Half the reads are in us-west-2.
    // Analytic in the engine too, so the tolerance is 0.1 % relative.
    it('matches 1 − e^(−μd) for reads in the secondary region', async () => {
        const report = await run(
            replicaReaders({
                lag: '2s',
                writes: 500,
                keys: 1000,
                readsPerRegion: 500,
                scenario: 'duration 10m  seed 5',
            }),
        );
        const mu = 500 / 1000;
        const expected = 0.5 * (1 - Math.exp(-mu * 2));
        expect(report.summary.staleReadShare!).toBeCloseTo(expected, 3);
        expect(Math.abs(report.summary.staleReadShare! - expected) / expected).toBeLessThan(0.001);
    });
});

// Stale reads while a partition stalls replication, and during the drain after it: closed forms in
// test/simulation/exact-accounting.test.ts.
