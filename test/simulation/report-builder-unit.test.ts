// The measurements `expect` clauses are judged on (simulation/report-builder.ts), on small designs simulated on
// the test's thread: each clause's figure is the report's own per-store or per-service numbers combined as the
// clause says — `of X` keeps the stores X names (a service: the stores it uses), `in R` the events or users in
// R; a count adds up the parts (each listed in `where`) and its time is the first. Fast enough to run per
// mutant, which the worker-run suites of `expect` clauses are not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import {
    auroraDb,
    consensusStore,
    designOf,
    dynamoStore,
    replicaReaders,
    runModel,
    TWO_US_REGIONS,
} from './helpers.js';

/**
 * Two active-active LWW tables t1, t2 behind `app`, and `solo` on an Aurora db written in us-east-1 (users in
 * both regions): us-east-1 is down 1 m → 1 m 20 s, us-west-2 2 m → 2 m 30 s; no failover.
 */
const OUTAGES = (clauses: string) => `// rules: none
${TWO_US_REGIONS}
${dynamoStore('t1', { holds: 'shared rows' })}
${dynamoStore('t2', { holds: 'shared rows' })}
${auroraDb('1s')}
service app {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      t1, t2
}
service solo {
    regions   us-east-1
    uses      db
}
workload w for app { writes 50/s from us-east-1 50%, us-west-2 50%  reads 50/s from us-east-1 50%, us-west-2 50%  keys 20 shared 100% }
workload v for solo { writes 20/s from us-east-1 50%, us-west-2 50%  reads 20/s from us-east-1 100%  keys 20 }
scenario s { workload w, v  duration 3m  at 1m outage region us-east-1 for 20s  at 2m outage region us-west-2 for 30s  seed 1
    ${clauses}
}
`;

/** Tables t1 (written in both US regions) and t2 (in us-east-1) in three regions; us-west-2 is destroyed at 1 m,
 *  us-east-1 at 2 m, so each loses what it had not yet replicated. */
const table = (name: string) => `store ${name} {
    engine      dynamodb
    regions     us-east-1, us-west-2, eu-west-1
    holds       shared rows
    writes      any-region
    replication async lag 1s
    consistency eventual
    conflicts   lww
}`;
const DESTROYED = (clauses: string) => `// rules: none
topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
${table('t1')}
${table('t2')}
workload a for t1 { writes 30/s from us-east-1 50%, us-west-2 50%  keys 10 }
workload b for t2 { writes 20/s from us-east-1 100%  keys 10 }
scenario s { workload a, b  duration 3m  at 1m destroy region us-west-2  at 2m destroy region us-east-1  seed 1
    ${clauses}
}
`;

/** OUTAGES with us-west-2's outage lasting 2 m from 2 m: past the 3 m run, so it never heals. */
const UNHEALED = (clauses: string) =>
    OUTAGES(clauses).replace('outage region us-west-2 for 30s', 'outage region us-west-2 for 2m');

/**
 * app fails over from us-east-1 (health checks every 10 s, threshold 3, timeout 2 s; anycast; promoting db takes
 * 1 m); solo runs in us-west-2 only, on the same db, with no failover. us-east-1 is down 1 m → 6 m.
 */
const FAILOVER = (clauses: string) => `// rules: none
${TWO_US_REGIONS}
${auroraDb('1s')}
service app { regions us-east-1, us-west-2  primary us-east-1  posture warm-standby  capacity 100% per region  uses db }
failover app from us-east-1 {
    detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action promote db takes 1m
    drill  every 30d
}
service solo { regions us-west-2  uses db }
workload w for app { writes 10/s from us-east-1 100% }
workload v for solo { writes 10/s from us-west-2 100% }
scenario s { workload w, v  duration 10m  at 1m outage region us-east-1 for 5m  seed 1
    ${clauses}
}
`;

/** Runs the design with the one clause; the report and the clause's judgement. */
async function judged(design: (clauses: string) => string, clause: string) {
    const report = runModel(await designOf(design(`expect ${clause}`), true));
    return { report, e: report.expectations[0]! };
}

const store = (r: SimulationReport, id: string) => r.stores.find((s) => s.id === id)!;
const service = (r: SimulationReport, id: string) => r.services.find((s) => s.id === id)!;
/** A judgement keeps three decimals. */
const round3 = (n: number) => Math.round(n * 1_000) / 1_000;

describe('counts add up the stores and regions a clause names, listing each part; the time is the first', () => {
    it.each([
        {
            name: 'stranded-writes: every cut-off of every store',
            clause: 'stranded-writes == 0',
            parts: [
                ['t1', 'us-east-1'],
                ['t1', 'us-west-2'],
                ['t2', 'us-east-1'],
                ['t2', 'us-west-2'],
                ['db', 'us-east-1'],
            ],
        },
        {
            name: 'stranded-writes in us-west-2: its cut-offs only, at 2 m',
            clause: 'stranded-writes in us-west-2 == 0',
            parts: [
                ['t1', 'us-west-2'],
                ['t2', 'us-west-2'],
            ],
        },
        {
            name: 'stranded-writes of app: the stores app uses',
            clause: 'stranded-writes of app == 0',
            parts: [
                ['t1', 'us-east-1'],
                ['t1', 'us-west-2'],
                ['t2', 'us-east-1'],
                ['t2', 'us-west-2'],
            ],
        },
        {
            name: 'stranded-writes of solo: its db',
            clause: 'stranded-writes of solo == 0',
            parts: [['db', 'us-east-1']],
        },
        {
            name: 'stranded-writes of t2 in us-west-2: one part',
            clause: 'stranded-writes of t2 in us-west-2 == 0',
            parts: [['t2', 'us-west-2']],
        },
    ])('$name', async ({ clause, parts }) => {
        const { report, e } = await judged(OUTAGES, clause);
        const xs = parts.map(([id, region]) => store(report, id!).stranded.find((x) => x.region === region)!);
        expect(xs.every((x) => x.strandedWrites > 0 && x.deliveredWrites === x.strandedWrites)).toBe(true);
        expect(e.measured).toBe(xs.reduce((a, x) => a + x.strandedWrites, 0));
        expect(e.atMs).toBe(Math.min(...xs.map((x) => x.cutAtMs)));
        const at = (region: string) => (region === 'us-east-1' ? '1 m' : '2 m');
        expect(e.where).toBe(`(${parts.map(([id, r]) => `${id} in ${r} at ${at(r!)}, all delivered`).join('; ')})`);
    });

    it.each([
        {
            // us-west-2 is down from 2 m to the end of the 3 m run: nothing it holds alone is delivered.
            name: 'stranded-writes never healed: 0 delivered of each',
            design: UNHEALED,
            clause: 'stranded-writes in us-west-2 == 0',
            parts: [
                ['t1', 'us-west-2'],
                ['t2', 'us-west-2'],
            ],
            fate: () => '0 delivered',
        },
        {
            // The promotion of db in us-west-2 abandons what only us-east-1 held: all of it lost.
            name: 'stranded-writes abandoned by a promotion: all lost',
            design: FAILOVER,
            clause: 'stranded-writes of db == 0',
            parts: [['db', 'us-east-1']],
            fate: (stranded: number) => `${stranded} lost`,
        },
    ])('$name', async ({ design, clause, parts, fate }) => {
        const { report, e } = await judged(design, clause);
        const xs = parts.map(([id, region]) => store(report, id!).stranded.find((x) => x.region === region)!);
        const lost = design === FAILOVER;
        for (const x of xs) {
            expect(x.strandedWrites).toBeGreaterThan(0);
            expect([x.deliveredWrites, x.lostWrites]).toEqual([0, lost ? x.strandedWrites : 0]);
        }
        expect(e.measured).toBe(xs.reduce((a, x) => a + x.strandedWrites, 0));
        const at = (region: string) => (region === 'us-east-1' ? '1 m' : '2 m');
        expect(e.where).toBe(
            `(${parts.map(([id, r], i) => `${id} in ${r} at ${at(r!)}, ${fate(xs[i]!.strandedWrites)}`).join('; ')})`,
        );
    });

    it.each([
        {
            name: 'lost-writes: both destroyed regions, both tables',
            clause: 'lost-writes == 0',
            parts: [
                ['t1', 'us-west-2'],
                ['t1', 'us-east-1'],
                ['t2', 'us-east-1'],
            ],
        },
        {
            name: 'lost-writes in us-east-1: the later loss, both tables',
            clause: 'lost-writes in us-east-1 == 0',
            parts: [
                ['t1', 'us-east-1'],
                ['t2', 'us-east-1'],
            ],
        },
        { name: 'lost-writes of t2: one loss', clause: 'lost-writes of t2 == 0', parts: [['t2', 'us-east-1']] },
    ])('$name', async ({ clause, parts }) => {
        const { report, e } = await judged(DESTROYED, clause);
        const ls = parts.map(([id, region]) => store(report, id!).losses.find((l) => l.region === region)!);
        expect(ls.every((l) => l.lostWrites > 0)).toBe(true);
        expect(e.measured).toBe(ls.reduce((a, l) => a + l.lostWrites, 0));
        expect(e.atMs).toBe(Math.min(...ls.map((l) => l.atMs)));
        const at = (region: string) => (region === 'us-west-2' ? '1 m' : '2 m');
        expect(e.where).toBe(`(${parts.map(([id, r]) => `${id} from ${r} at ${at(r!)}`).join('; ')})`);
    });

    it.each([
        {
            name: 'nothing lost in a region that survived',
            clause: 'lost-writes in eu-west-1 == 0',
            where: 'in eu-west-1',
        },
        {
            name: 'nothing lost of t2 in us-west-2',
            clause: 'lost-writes of t2 in us-west-2 == 0',
            where: 'of t2 in us-west-2',
        },
    ])('$name: 0, no time, the scope as the place', async ({ clause, where }) => {
        const { e } = await judged(DESTROYED, clause);
        expect([e.measured, e.atMs, e.where, e.passed]).toEqual([0, null, where, true]);
    });
});

describe('rpo is the oldest lost write of the stores and regions named', () => {
    it.each([
        {
            name: 'rpo overall: the worst of the three losses',
            clause: 'rpo <= 1ms',
            parts: [
                ['t1', 'us-west-2'],
                ['t1', 'us-east-1'],
                ['t2', 'us-east-1'],
            ],
        },
        { name: 'rpo in us-west-2: its one loss', clause: 'rpo in us-west-2 <= 1ms', parts: [['t1', 'us-west-2']] },
        { name: 'rpo of t2: its one loss', clause: 'rpo of t2 <= 1ms', parts: [['t2', 'us-east-1']] },
        {
            name: 'rpo of t1: the worse of its two',
            clause: 'rpo of t1 <= 1ms',
            parts: [
                ['t1', 'us-west-2'],
                ['t1', 'us-east-1'],
            ],
        },
    ])('$name', async ({ clause, parts }) => {
        const { report, e } = await judged(DESTROYED, clause);
        const ls = parts.map(([id, region]) => ({
            id,
            l: store(report, id!).losses.find((l) => l.region === region)!,
        }));
        const worst = ls.reduce((a, b) => (b.l.rpoMs > a.l.rpoMs ? b : a));
        expect(e.measured).toBeCloseTo(worst.l.rpoMs, 3);
        expect(e.atMs).toBe(worst.l.atMs);
        expect(e.where).toBe(
            `in ${worst.id}: writes lost from ${worst.l.region} at ${worst.l.region === 'us-west-2' ? '1 m' : '2 m'}`,
        );
    });

    it('rpo where nothing was lost: 0, and says no write of the scope was lost', async () => {
        const { e } = await judged(DESTROYED, 'rpo in eu-west-1 <= 1ms');
        expect([e.measured, e.atMs, e.where]).toEqual([0, null, '(no acknowledged write in eu-west-1 was lost)']);
        const all = await judged(OUTAGES, 'rpo <= 1ms');
        expect([all.e.measured, all.e.where]).toEqual([0, '(no acknowledged write was lost)']);
    });

    it('rpo of two tables tied: the first named keeps the place', async () => {
        // Each write of app writes t1 and t2 at once, so destroying us-east-1 at 1 m loses the same writes (those
        // of the last 1 s lag) from both: the same RPO, and the clause names the first table, t1.
        const TIED = (c: string) => `// rules: none
${TWO_US_REGIONS}
${dynamoStore('t1', { holds: 'shared rows' })}
${dynamoStore('t2', { holds: 'shared rows' })}
service app { regions us-east-1, us-west-2  posture active-active  capacity 100% per region  uses t1, t2 }
workload w for app { writes 50/s from us-east-1 100%  keys 20 }
scenario s { workload w  duration 3m  at 1m destroy region us-east-1  seed 1
    ${c}
}
`;
        const { report, e } = await judged(TIED, 'rpo <= 1ms');
        const [l1, l2] = ['t1', 't2'].map((id) => store(report, id).losses);
        expect([l1!.length, l2!.length]).toEqual([1, 1]);
        expect(l1![0]!.rpoMs).toBe(l2![0]!.rpoMs);
        expect(l1![0]!.rpoMs).toBeGreaterThan(0);
        expect(l1![0]!.rpoMs).toBeLessThanOrEqual(1_000);
        expect(e.measured).toBeCloseTo(l1![0]!.rpoMs, 3);
        expect([e.where, e.atMs]).toEqual(['in t1: writes lost from us-east-1 at 1 m', 60_000]);
    });
});

describe('rto and detection: the worst interruption of the users a clause names, from its fault', () => {
    // No failover: each interruption lasts as long as its outage (20 s from 1 m, 30 s from 2 m); app's users of
    // us-east-1, and solo's users in both regions (solo runs in us-east-1 only), are cut off by the first one.
    it.each([
        {
            name: 'rto overall: the 30 s outage of us-west-2',
            clause: 'rto <= 1s',
            measured: 30_000,
            atMs: 120_000,
            where: 'for users of us-west-2 on app, from the outage of us-west-2 at 2 m',
        },
        {
            name: 'rto in us-east-1: the first of the equal 20 s ones',
            clause: 'rto in us-east-1 <= 1s',
            measured: 20_000,
            atMs: 60_000,
            where: 'for users of us-east-1 on app, from the outage of us-east-1 at 1 m',
        },
        {
            name: 'rto of solo in us-west-2: cut off by us-east-1',
            clause: 'rto of solo in us-west-2 <= 1s',
            measured: 20_000,
            atMs: 60_000,
            where: 'for users of us-west-2 on solo, from the outage of us-east-1 at 1 m',
        },
        {
            name: 'rto of db: the users of services that use db',
            clause: 'rto of db <= 1s',
            measured: 20_000,
            atMs: 60_000,
            where: 'for users of us-east-1 on solo, from the outage of us-east-1 at 1 m',
        },
        {
            name: 'detection with nothing to detect it: never',
            clause: 'detection <= 1s',
            measured: null,
            atMs: 60_000,
            where: 'for users of us-east-1 on app, from the outage of us-east-1 at 1 m',
        },
    ])('$name', async ({ clause, measured, atMs, where }) => {
        const { e } = await judged(OUTAGES, clause);
        expect([e.measured, e.atMs, e.where, e.passed]).toEqual([measured, atMs, where, false]);
    });

    it.each([
        {
            name: 'rto of users nobody has there: 0',
            clause: 'rto of t1 in eu-west-1 <= 1s',
            scope: ' of t1 in eu-west-1',
        },
        {
            name: 'detection of users nobody has there: 0',
            clause: 'detection in eu-west-1 <= 1s',
            scope: ' in eu-west-1',
        },
    ])('$name', async ({ clause, scope }) => {
        const { e } = await judged(DESTROYED, clause);
        expect([e.measured, e.atMs, e.passed]).toEqual([0, null, true]);
        expect(e.where).toBe(`(no user${scope} was interrupted)`);
    });

    it.each([
        {
            // us-west-2's outage outlasts the run: its users are never served again, the worst although it began
            // after the 20 s interruptions of 1 m.
            name: 'rto with an interruption never ended: never, over the ended ones',
            design: UNHEALED,
            atMs: 120_000,
            where: 'for users of us-west-2 on app, from the outage of us-west-2 at 2 m',
        },
        {
            // app has capacity for 50 % of its load in each region and all its users are in us-east-1: half their
            // requests fail from the start, with no fault to blame, so the time counts from the interruption.
            name: 'rto with no fault to blame: from the interruption',
            design: (c: string) => `// rules: none
${TWO_US_REGIONS}
${auroraDb('1s')}
service app { regions us-east-1, us-west-2  posture active-active  capacity 50% per region  uses db }
workload w for app { writes 10/s from us-east-1 100% }
scenario s { workload w  duration 3m  seed 1
    ${c}
}
`,
            atMs: 0,
            where: 'for users of us-east-1 on app, from the interruption at 0 ms',
        },
    ])('$name', async ({ design, atMs, where }) => {
        const { e } = await judged(design, 'rto <= 1s');
        expect([e.measured, e.measuredText, e.atMs, e.where]).toEqual([
            null,
            'never (not recovered by the end of the scenario)',
            atMs,
            where,
        ]);
    });

    it.each([
        {
            // Health checks every 10 s from a phase p in [60 s, 70 s), threshold 3, timeout 2 s: detected at
            // p + 2 × 10 s + 2 s, 22–32 s after the outage at 1 m; app's users of us-east-1 are the first interrupted.
            name: 'detection of app: from the outage to the health check’s verdict',
            clause: 'detection of app <= 1s',
            detected: true,
            where: 'for users of us-east-1 on app, from the outage of us-east-1 at 1 m',
        },
        {
            // solo's users lose db's primary too, and no failover watches solo: never detected, the worst.
            name: 'detection overall: solo’s users, never detected, after app’s',
            clause: 'detection <= 1s',
            detected: false,
            where: 'for users of us-west-2 on solo, from the outage of us-east-1 at 1 m',
        },
    ])('$name', async ({ clause, detected, where }) => {
        const { report, e } = await judged(FAILOVER, clause);
        const d = report.failovers[0]!.detectedAtMs - 60_000;
        expect(d).toBeGreaterThanOrEqual(22_000);
        expect(d).toBeLessThan(32_000);
        expect([e.measured, e.atMs, e.where]).toEqual([detected ? round3(d) : null, 60_000, where]);
    });

    it('rto with no scope where nobody was interrupted says so without a scope', async () => {
        const { e } = await judged(
            (c) =>
                OUTAGES(c).replace('at 1m outage region us-east-1 for 20s  at 2m outage region us-west-2 for 30s', ''),
            'rto <= 1s',
        );
        expect([e.measured, e.where]).toEqual([0, '(no user was interrupted)']);
    });
});

describe('availability: served ÷ offered of the users a clause names', () => {
    it.each([
        { name: 'availability overall: every user', clause: 'availability >= 1%', of: [['app'], ['solo']] },
        { name: 'availability of t1: the users of app', clause: 'availability of t1 >= 1%', of: [['app']] },
        { name: 'availability of db: the users of solo', clause: 'availability of db >= 1%', of: [['solo']] },
        { name: 'availability of solo', clause: 'availability of solo >= 1%', of: [['solo']] },
        {
            name: 'availability in us-west-2: both services’ users there',
            clause: 'availability in us-west-2 >= 1%',
            of: [
                ['app', 'us-west-2'],
                ['solo', 'us-west-2'],
            ],
        },
        {
            name: 'availability of app in us-east-1',
            clause: 'availability of app in us-east-1 >= 1%',
            of: [['app', 'us-east-1']],
        },
    ])('$name', async ({ clause, of }) => {
        const { report, e } = await judged(OUTAGES, clause);
        const parts = of.map(([id, region]) =>
            region ? service(report, id!).byRegion.find((b) => b.region === region)! : service(report, id!),
        );
        const offered = parts.reduce((a, p) => a + p.offered, 0);
        const served = parts.reduce((a, p) => a + p.served, 0);
        expect(served).toBeLessThan(offered);
        // The judgement keeps three decimals.
        expect(e.measured).toBeCloseTo(served / offered, 3);
        const scope = clause.replace(/^availability ?/, '').replace(/ ?>= 1%$/, '');
        expect(e.where).toBe(`of requests${scope ? ` ${scope}` : ''} over 3 m`);
    });

    it('availability where nobody made a request is not measured, and says where', async () => {
        const { e } = await judged(DESTROYED, 'availability in eu-west-1 >= 1%');
        expect([e.measured, e.passed]).toEqual([null, false]);
        expect(e.message).toContain('(no request in eu-west-1 was made)');
        expect(e.where).toBe('');
    });
});

describe('a clause with no scope over a workload that asks nothing: not measured, and the reason names no scope', () => {
    const IDLE = (c: string) => `// rules: none
${TWO_US_REGIONS}
${auroraDb('1s')}
workload w for db { writes 0/s from us-east-1 100% }
scenario s { workload w  duration 1m
    ${c}
}
`;
    it.each([
        { name: 'availability: no request was made', clause: 'availability >= 99%', reason: 'no request was made' },
        {
            name: 'write-latency: no write was acknowledged',
            clause: 'write-latency p99 <= 1ms',
            reason: 'no write was acknowledged',
        },
    ])('$name', async ({ clause, reason }) => {
        const { e } = await judged(IDLE, clause);
        expect([e.measured, e.where, e.message]).toEqual([
            null,
            '',
            `expect ${clause} failed: measured not measured (${reason})`,
        ]);
    });
});

describe('per-replica counts: the replicas in the region a clause names, of the stores it names', () => {
    it('discarded-writes in each region add up to the stores’ discards; of t1 is t1’s', async () => {
        const east = (await judged(OUTAGES, 'discarded-writes in us-east-1 == 0')).e;
        const { report, e: west } = await judged(OUTAGES, 'discarded-writes in us-west-2 == 0');
        const { e: t1 } = await judged(OUTAGES, 'discarded-writes of t1 == 0');
        const total = store(report, 't1').discardedWrites + store(report, 't2').discardedWrites;
        expect(east.measured! > 0 && west.measured! > 0).toBe(true);
        expect(east.measured! + west.measured!).toBeCloseTo(total, 3);
        expect(t1.measured).toBeCloseTo(store(report, 't1').discardedWrites, 3);
        expect(west.where).toBe('writes silently discarded by last-write-wins in us-west-2 over 3 m');
        expect(t1.where).toBe('writes silently discarded by last-write-wins of t1 over 3 m');
        expect([west.atMs, t1.atMs]).toEqual([null, null]);
    });

    it('discarded-writes in a region with no replica: 0, whatever the others discard', async () => {
        // eu-west-1 is declared but holds no replica of any store.
        const THREE = (c: string) =>
            OUTAGES(c).replace(
                'region us-west-2 { provider aws  jurisdiction US }',
                'region us-west-2 { provider aws  jurisdiction US }\nregion eu-west-1 { provider aws  jurisdiction EU }',
            );
        const { report, e } = await judged(THREE, 'discarded-writes in eu-west-1 == 0');
        expect(store(report, 't1').discardedWrites).toBeGreaterThan(0);
        expect([e.measured, e.where]).toEqual([
            0,
            'writes silently discarded by last-write-wins in eu-west-1 over 3 m',
        ]);
    });

    it.each([
        {
            name: 'merges of last-write-wins tables: none',
            clause: 'merges == 0',
            where: 'writes merged by the CRDT over 3 m',
        },
        {
            name: 'siblings of app in us-east-1: none',
            clause: 'siblings of app in us-east-1 == 0',
            where: 'writes kept as siblings of app in us-east-1 over 3 m',
        },
    ])('$name', async ({ clause, where }) => {
        const { e } = await judged(OUTAGES, clause);
        expect([e.measured, e.where, e.passed]).toEqual([0, where, true]);
    });
});

describe('rejected-writes: a store’s refusals, or those of the users a clause names', () => {
    // A two-region consensus ledger needing both votes refuses every write of a 20 s partition: 20/s × 20 s on
    // average, a Poisson count (the run's own count is the store's `rejected`).
    const LEDGER = (clauses: string) => `// rules: none
${TWO_US_REGIONS}
${consensusStore('ledger', ['us-east-1', 'us-west-2'], 2)}
service pay {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      ledger
}
workload w for pay { writes 20/s from us-east-1 50%, us-west-2 50%  keys 20 }
scenario s { workload w  duration 2m  at 1m partition us-east-1 <-> us-west-2 for 20s  seed 1
    ${clauses}
}
`;
    it.each([
        {
            name: 'rejected-writes overall: the store’s',
            clause: 'rejected-writes == 0',
            where: 'writes refused over 2 m',
        },
        {
            name: 'rejected-writes of ledger',
            clause: 'rejected-writes of ledger == 0',
            where: 'writes refused of ledger over 2 m',
        },
        {
            name: 'rejected-writes of pay: its users’',
            clause: 'rejected-writes of pay == 0',
            where: 'writes refused of pay',
        },
    ])('$name: every write of the partition', async ({ clause, where }) => {
        const { report, e } = await judged(LEDGER, clause);
        const rejected = report.stores[0]!.writes.rejected;
        expect(Math.abs(rejected - 400)).toBeLessThanOrEqual(4 * Math.sqrt(400));
        expect([e.measured, e.where, e.atMs]).toEqual([rejected, where, null]);
    });

    it('rejected-writes in each region: the users there, adding up to the store’s', async () => {
        const { report, e: east } = await judged(LEDGER, 'rejected-writes in us-east-1 == 0');
        const { e: west } = await judged(LEDGER, 'rejected-writes in us-west-2 == 0');
        expect(east.measured! > 100 && west.measured! > 100).toBe(true);
        expect(east.measured! + west.measured!).toBe(report.stores[0]!.writes.rejected);
        expect(west.where).toBe('writes refused in us-west-2');
    });

    it.each([
        { name: 'rejected-writes overall: the store’s conflict refusals', clause: 'rejected-writes == 0', region: '' },
        { name: 'rejected-writes of db: its conflict refusals', clause: 'rejected-writes of db == 0', region: '' },
        {
            name: 'rejected-writes in us-east-1: its users’ conflict refusals',
            clause: 'rejected-writes in us-east-1 == 0',
            region: 'us-east-1',
        },
        {
            name: 'rejected-writes of pay in us-west-2: its users’ refusals',
            clause: 'rejected-writes of pay in us-west-2 == 0',
            region: 'us-west-2',
        },
    ])('$name', async ({ clause, region }) => {
        // A synchronous store that refuses a write while another region's write to the same key is in flight: no
        // fault, so every refusal is a conflict's, and every request of pay that failed was one.
        const REFUSING = (c: string) => `// rules: none
${TWO_US_REGIONS}
store db {
    engine      custom
    regions     us-east-1, us-west-2
    holds       shared counter
    writes      any-region
    replication sync
    consistency strong
    conflicts   reject
}
service pay { regions us-east-1, us-west-2  posture active-active  capacity 100% per region  uses db }
workload w for pay { writes 200/s from us-east-1 50%, us-west-2 50%  keys 100 shared 50% }
scenario s { workload w  duration 1m  seed 3
    ${c}
}
`;
        const { report, e } = await judged(REFUSING, clause);
        const writes = report.stores[0]!.writes;
        expect(writes.rejected).toBe(0);
        expect(writes.conflictRejected).toBeGreaterThan(0);
        const users = service(report, 'pay').byRegion.find((b) => b.region === region);
        expect(e.measured).toBe(users ? users.offered - users.served : writes.conflictRejected);
        expect(e.measured).toBeGreaterThan(0);
    });
});

describe('stale-reads: a store’s stale share, or that of the users a clause names', () => {
    // t1 and t2 are read in both regions under a 1 s lag on 20 hot keys; db only at its primary, never stale.
    it.each([
        {
            name: 'stale-reads of t1: the store’s own share',
            clause: 'stale-reads of t1 <= 100%',
            share: (r: SimulationReport) => store(r, 't1').reads.staleShare,
            where: 'of reads of t1',
        },
        {
            name: 'stale-reads of db: read at its primary',
            clause: 'stale-reads of db <= 100%',
            share: () => 0,
            where: 'of reads of db',
        },
        {
            name: 'stale-reads of solo: its users read db',
            clause: 'stale-reads of solo <= 100%',
            share: () => 0,
            where: 'of reads of solo',
        },
        {
            name: 'stale-reads overall: every user’s reads',
            clause: 'stale-reads <= 100%',
            share: (r: SimulationReport) => r.summary.staleReadShare,
            where: 'of reads',
        },
    ])('$name', async ({ clause, share, where }) => {
        const { report, e } = await judged(OUTAGES, clause);
        expect(e.measured).toBeCloseTo(share(report)!, 3);
        expect(e.where).toBe(where);
    });

    it.each([
        { name: 'stale-reads of a store without a key count', clause: 'stale-reads of db <= 1%' },
        { name: 'stale-reads of users of a store without one', clause: 'stale-reads in us-west-2 <= 1%' },
        { name: 'stale-reads of a store with a key count', clause: 'stale-reads of t1 <= 1%' },
    ])('$name: not measured', async ({ clause }) => {
        const { e } = await judged(
            (c) => OUTAGES(c).replace('reads 20/s from us-east-1 100%  keys 20', 'reads 20/s from us-east-1 100%'),
            clause,
        );
        // One store (db) declares no key count: every clause over users, and db's own, cannot say.
        if (clause.includes('t1')) expect(e.measured).not.toBeNull();
        else
            expect([e.measured, e.message]).toEqual([
                null,
                `expect ${clause} failed: measured not measured (the workload declares no key count)`,
            ]);
    });

    it.each([
        // db's primary is in us-east-1, its replica in us-west-2; app's users read 10/s in each region and
        // write in us-east-1 only. Reads at the primary are never stale; the store's share counts both regions'
        // reads (half each), so the share of us-west-2's reads is twice the store's.
        {
            name: 'stale-reads of db in us-east-1: at the primary, none',
            clause: 'stale-reads of db in us-east-1 <= 1%',
            factor: 0,
        },
        {
            name: 'stale-reads of db in us-west-2: twice the store’s share',
            clause: 'stale-reads of db in us-west-2 <= 1%',
            factor: 2,
        },
    ])('$name', async ({ clause, factor }) => {
        const design = (c: string) =>
            replicaReaders({
                lag: '1s',
                writes: 10,
                keys: 100,
                readsPerRegion: 10,
                scenario: `duration 2m  seed 1\n    ${c}`,
            });
        const { report, e } = await judged(design, clause);
        const reads = report.stores[0]!.reads;
        expect(reads.served).toBe(2_400);
        expect(reads.staleShare).toBeGreaterThan(0.01);
        expect(e.measured).toBeCloseTo(factor * reads.staleShare!, 3);
    });

    it('stale-reads where no read was served is not measured', async () => {
        const { e } = await judged(DESTROYED, 'stale-reads of t1 <= 1%');
        expect(e.measured).toBeNull();
        expect(e.message).toContain('(no read was served)');
        expect(e.where).toBe('');
    });
});

describe('write-latency: the percentile of the writes a clause names', () => {
    // db's primary is in us-east-1: a write from us-west-2 pays the 78 ms RTT, one from us-east-1 nothing; the
    // DynamoDB tables acknowledge locally (0 ms). solo writes 10/s from each region, app 25/s.
    it.each([
        {
            name: 'p99 of db in us-west-2: one RTT',
            clause: 'write-latency p99 of db in us-west-2 <= 1ms',
            measured: 78,
            of: 'db in us-west-2',
        },
        {
            name: 'p50 of db in us-east-1: local',
            clause: 'write-latency p50 of db in us-east-1 <= 1ms',
            measured: 0,
            of: 'db in us-east-1',
        },
        {
            name: 'p99 of solo: half its writes pay the RTT',
            clause: 'write-latency p99 of solo <= 1ms',
            measured: 78,
            of: 'solo',
        },
        { name: 'p50 of solo: half do not', clause: 'write-latency p50 of solo <= 1ms', measured: 0, of: 'solo' },
        { name: 'p99 of app: local writes', clause: 'write-latency p99 of app <= 1ms', measured: 0, of: 'app' },
        { name: 'p99 of t1: local writes', clause: 'write-latency p99 of t1 <= 1ms', measured: 0, of: 't1' },
        {
            name: 'p99 in us-west-2: 10 of 35 writes/s pay it',
            clause: 'write-latency p99 in us-west-2 <= 1ms',
            measured: 78,
            of: 'in us-west-2',
        },
        {
            name: 'p50 in us-west-2: most are local',
            clause: 'write-latency p50 in us-west-2 <= 1ms',
            measured: 0,
            of: 'in us-west-2',
        },
        { name: 'p99 overall', clause: 'write-latency p99 <= 1ms', measured: 78, of: '' },
    ])('$name', async ({ clause, measured, of }) => {
        const { report, e } = await judged(OUTAGES, clause);
        expect(e.measured).toBe(measured);
        // The writes counted: solo's us-west-2 users only write (their reads are in us-east-1).
        const n: Record<string, number> = {
            'db in us-west-2': service(report, 'solo').byRegion.find((b) => b.region === 'us-west-2')!.served,
            'db in us-east-1':
                store(report, 'db').writes.acknowledged -
                service(report, 'solo').byRegion.find((b) => b.region === 'us-west-2')!.served,
            solo: store(report, 'db').writes.acknowledged,
            app: store(report, 't1').writes.acknowledged,
            t1: store(report, 't1').writes.acknowledged,
        };
        const count = n[of];
        if (count !== undefined)
            expect(e.where).toBe(`at ${clause.split(' ')[1]} of ${count.toLocaleString('en-US')} writes of ${of}`);
        else expect(e.where).toMatch(new RegExp(`^at ${clause.split(' ')[1]} of [\\d,]+ writes${of ? ` ${of}` : ''}$`));
    });

    it('write-latency overall with users that only read: the writers’ writes', async () => {
        // app's users of us-west-2 only read: they have no write latencies at all. The writes are all made in
        // us-east-1 at db's primary: no network time.
        const design = (c: string) =>
            replicaReaders({
                lag: '1s',
                writes: 10,
                keys: 100,
                readsPerRegion: 10,
                scenario: `duration 2m  seed 1\n    ${c}`,
            });
        const { report, e } = await judged(design, 'write-latency p99 <= 1ms');
        expect([e.measured, e.where]).toEqual([
            0,
            `at p99 of ${report.stores[0]!.writes.acknowledged.toLocaleString('en-US')} writes`,
        ]);
    });

    it('write-latency where no write was acknowledged is not measured', async () => {
        const { e } = await judged(DESTROYED, 'write-latency p99 in eu-west-1 <= 1ms');
        expect(e.measured).toBeNull();
        expect(e.message).toContain('(no write in eu-west-1 was acknowledged)');
        expect(e.where).toBe('');
    });
});

describe('throttled-writes: the writes refused at a bounded-staleness store’s bound', () => {
    // us is written in eastus, eu in northeurope, 10/s each, bound 300 s. northeurope is down 5 m → 15 m: us's
    // replica there falls behind, so us throttles in eastus from 10 m (5 m + 300 s); eu throttles in northeurope
    // from 15 m (the writes its outage stranded are 10 m old when it returns) and while eastus is down 20 m → 30 m.
    // Each store throttles only in its write region, so `in R` keeps one store's writes and its first time.
    const cosmos = (name: string, primary: string) => `store ${name} {
    engine      cosmosdb
    regions     eastus, northeurope
    holds       shared rows
    writes      primary ${primary}
    replication async lag 1s
    consistency bounded-staleness versions 100000 time 300s
}`;
    const BOUNDED = (clauses: string) => `// rules: none
topology C
region eastus      { provider azure  jurisdiction US }
region northeurope { provider azure  jurisdiction EU }
${cosmos('us', 'eastus')}
${cosmos('eu', 'northeurope')}
workload a for us { writes 10/s from eastus 100%  keys 1000 }
workload b for eu { writes 10/s from northeurope 100%  keys 1000 }
scenario s { workload a, b  duration 40m  at 5m outage region northeurope for 10m  at 20m outage region eastus for 10m  seed 1
    ${clauses}
}
`;
    it.each([
        {
            name: 'throttled-writes overall: both stores, from the first',
            clause: 'throttled-writes == 0',
            of: ['us', 'eu'],
        },
        { name: 'throttled-writes of eu: its own, from its first', clause: 'throttled-writes of eu == 0', of: ['eu'] },
        // Was us's first time (10 m): a store's first throttle counted even when `in R` left none of its writes.
        {
            name: 'throttled-writes in northeurope: eu’s, from its first',
            clause: 'throttled-writes in northeurope == 0',
            of: ['eu'],
        },
        {
            name: 'throttled-writes in eastus: us’s, from its first',
            clause: 'throttled-writes in eastus == 0',
            of: ['us'],
        },
        // The same stores declared the other way round: the earlier first time (us's, 10 m) is now the second's.
        {
            name: 'throttled-writes overall, eu declared first: from us’s',
            clause: 'throttled-writes == 0',
            of: ['us', 'eu'],
            design: (c: string) =>
                BOUNDED(c).replace(
                    `${cosmos('us', 'eastus')}\n${cosmos('eu', 'northeurope')}`,
                    `${cosmos('eu', 'northeurope')}\n${cosmos('us', 'eastus')}`,
                ),
        },
    ])('$name', async ({ clause, of, design }) => {
        const { report, e } = await judged(design ?? BOUNDED, clause);
        const bounds = of.map((id) => store(report, id).stalenessBound!);
        // About 10/s × 300 s each.
        expect(bounds.every((b) => b.throttledWrites > 2_500 && b.firstAtMs !== null)).toBe(true);
        expect(e.measured).toBe(bounds.reduce((a, b) => a + b.throttledWrites, 0));
        expect(e.atMs).toBe(Math.min(...bounds.map((b) => b.firstAtMs!)));
        const scope = clause.replace(/^throttled-writes ?/, '').replace(/ ?== 0$/, '');
        expect(e.where).toBe(`writes throttled at the staleness bound${scope ? ` ${scope}` : ''} over 40 m`);
    });

    it.each([
        {
            name: 'throttled-writes of a store that throttled nowhere there',
            clause: 'throttled-writes of us in northeurope == 0',
        },
        { name: 'throttled-writes of a store with no bound', clause: 'throttled-writes of db == 0', design: OUTAGES },
    ])('$name: 0, no time', async ({ clause, design }) => {
        const { e } = await judged(design ?? BOUNDED, clause);
        expect([e.measured, e.atMs, e.passed]).toEqual([0, null, true]);
    });
});

describe('drain: the longest heal → drained time of the stores and links a clause names', () => {
    it('drain of db in us-west-2: one lag after the heal at 1 m 20 s, a lower bound', async () => {
        // No catch-up is declared: the backlog arrives at once, so each heal drains in one lag, 1 s; of the two
        // heals of us-east-1 → us-west-2 (1 m 20 s and 2 m 30 s) the first keeps the tie.
        const { report, e } = await judged(OUTAGES, 'drain of db in us-west-2 <= 1h');
        const heal = store(report, 'db')
            .lag.find((l) => l.to === 'us-west-2')!
            .heals.find((h) => h.atMs === 80_000)!;
        expect(heal.backlogWrites).toBeGreaterThan(0);
        expect([e.measured, e.atMs, e.passed]).toEqual([1_000, 80_000, true]);
        expect(e.where).toBe(
            `for db us-east-1 → us-west-2, healed at 1 m 20 s with ${heal.backlogWrites.toLocaleString('en-US')} writes waiting — a lower bound: no catch-up is declared, so the backlog arrived at once (docs/facts.md#catch-up-rate)`,
        );
    });
});

describe('cost: the replication egress estimate', () => {
    it('is not measured without an item size, and says why', async () => {
        const { e } = await judged(OUTAGES, 'cost <= $1/month');
        expect(e.measured).toBeNull();
        expect(e.message).toContain('(no egress price or item-size to estimate from)');
        expect(e.where).toBe('');
    });

    it('100 writes/s of 1 KB to one other region at $0.02/GB: $5.184 a 30-day month', async () => {
        const design = (c: string) => `// rules: none
${TWO_US_REGIONS}
${auroraDb('1s')}
workload w for db { writes 100/s from us-east-1 100%  item-size 1KB }
scenario s { workload w  duration 1m  ${c} }
`;
        const { e } = await judged(design, 'cost <= $1/month');
        expect([e.measured, e.where, e.atMs]).toEqual([
            5.184,
            'in replication egress per month at the declared rates',
            null,
        ]);
    });
});

describe('duplicates: the messages delivered again to consumer groups that moved (`in R`: moves into R)', () => {
    // fulfilment reads a Kafka topic mirrored from us-east-1 to us-west-2 and moves there in the outage.
    const KAFKA = (clauses: string, consumers = '') =>
        readFileSync('test/fixtures/queues/kafka-mirrormaker2.mregion', 'utf8')
            .replace('writes 2000/s from us-east-1 100%', 'writes 200/s from us-east-1 100%')
            .replace('    catch-up    20000/s', `    catch-up    20000/s\n${consumers}`)
            .replace('duration 1h', 'duration 15m')
            .replace('at 10m outage us-east-1 for 20m', 'at 5m outage us-east-1 for 5m')
            .replace(/ {4}expect[^\n]*\n/g, '')
            .replace(/\/\/ At most[^\n]*\n/, `    ${clauses}\n`);
    it.each([
        { name: 'duplicates overall: every move', clause: 'duplicates >= 0', all: true },
        { name: 'duplicates of fulfilment: the topic it reads', clause: 'duplicates of fulfilment >= 0', all: true },
        { name: 'duplicates in us-west-2: the move into it', clause: 'duplicates in us-west-2 >= 0', all: true },
        { name: 'duplicates in us-east-1: no move into it', clause: 'duplicates in us-east-1 >= 0', all: false },
    ])('$name', async ({ clause, all }) => {
        const { report, e } = await judged(KAFKA, clause);
        const queue = report.stores[0]!.queue!;
        const move = queue.moves.find((m) => m.to === 'us-west-2')!;
        expect(queue.duplicates).toBeGreaterThan(1_000);
        expect(queue.duplicates).toBe(queue.redeliveredMessages);
        expect(e.measured).toBeCloseTo(all ? queue.duplicates : 0, 3);
        expect(e.atMs).toBe(all ? move.atMs : null);
        const scope = clause.replace(/^duplicates ?/, '').replace(/ ?>= 0$/, '');
        expect(e.where).toBe(`messages delivered again as duplicates${scope ? ` ${scope}` : ''}`);
    });

    it('idempotent consumers: delivered again but no duplicate, so no time', async () => {
        const { report, e } = await judged((c) => KAFKA(c, '    consumers   idempotent'), 'duplicates >= 0');
        expect(report.stores[0]!.queue!.redeliveredMessages).toBeGreaterThan(1_000);
        expect([e.measured, e.atMs]).toEqual([0, null]);
    });

    // Two Kafka topics a and b written in us-east-1, each read by one consumer that fails over to us-west-2 when
    // us-east-1 is down at 5 m: fast's health checks every 10 s, threshold 3, default timeout 6 s (detected 26–36 s
    // after), slow's every 60 s (126–186 s after). Which topic fast reads decides whose move the loop meets first.
    const topic = (name: string) => `store ${name} {
    engine      kafka
    regions     us-east-1, us-west-2
    holds       shared sequence
    writes      primary us-east-1
    replication async lag 2s
    consistency eventual
    catch-up    20000/s
}`;
    const consumer = (name: string, reads: string, every: string) => `service ${name} {
    regions  us-east-1, us-west-2
    primary  us-east-1
    posture  active-passive
    capacity 100% per region
    reads    ${reads}
}
failover ${name} from us-east-1 to us-west-2 {
    detect health-check every ${every} threshold 3
    route  global-accelerator
    action shift-traffic
    drill  every 30d
}`;
    const TOPICS = (clauses: string, fastReads: 'a' | 'b', rateOfA = 100) => `// rules: none
${TWO_US_REGIONS}
${topic('a')}
${topic('b')}
${consumer('fast', fastReads, '10s')}
${consumer('slow', fastReads === 'a' ? 'b' : 'a', '60s')}
workload wa for a { writes ${rateOfA}/s from us-east-1 100% }
workload wb for b { writes 100/s from us-east-1 100% }
scenario s { workload wa, wb  duration 15m  at 5m outage region us-east-1 for 5m  seed 1
    ${clauses}
}
`;
    it.each([
        { name: 'duplicates, fast’s topic declared first: from its move', fastReads: 'a' as const },
        { name: 'duplicates, fast’s topic declared last: from its move', fastReads: 'b' as const },
    ])('$name', async ({ fastReads }) => {
        const { report, e } = await judged((c) => TOPICS(c, fastReads), 'duplicates >= 0');
        const moves = report.stores.map((s) => s.queue!.moves);
        expect(moves.map((m) => m.length)).toEqual([1, 1]);
        const fast = moves.flat().find((m) => m.service === 'fast')!;
        const slow = moves.flat().find((m) => m.service === 'slow')!;
        expect(fast.atMs).toBeLessThan(5 * 60_000 + 36_000);
        expect(slow.atMs).toBeGreaterThanOrEqual(5 * 60_000 + 126_000);
        expect(e.measured).toBe(report.stores.reduce((a, s) => a + s.queue!.duplicates, 0));
        expect(e.atMs).toBe(fast.atMs);
    });

    it('duplicates of a topic nobody wrote: 0, though its consumer moved', async () => {
        const { report, e } = await judged((c) => TOPICS(c, 'a', 0), 'duplicates of a >= 0');
        const queue = store(report, 'a').queue!;
        expect(queue.moves.map((m) => [m.service, m.atFailover + m.afterHeal])).toEqual([['fast', 0]]);
        expect([e.measured, e.atMs]).toEqual([0, null]);
    });

    it('duplicates of a design without a queue: 0, no time', async () => {
        const { e } = await judged(OUTAGES, 'duplicates >= 0');
        expect([e.measured, e.atMs, e.where]).toEqual([0, null, 'messages delivered again as duplicates']);
    });

    it('stranded-writes of fulfilment: the messages stranded in the topic it reads', async () => {
        const { report, e } = await judged(KAFKA, 'stranded-writes of fulfilment >= 0');
        // A mirrored topic: its strandings are the replica's (a queue's own are those of unreplicated ones).
        expect(e.measured).toBeGreaterThan(0);
        expect(e.measured).toBe(report.stores[0]!.strandedWrites);
    });
});

describe('corruption-loss and restore-time: the worst of the corruptions a clause names (`in R`: made in R)', () => {
    // orders (primary us-east-1): hourly backups, 2 TB at 500 MB/s = 4,000 s, corrupted at 12 m → 12 m lost.
    // logs (primary us-west-2): backups every 30 m, 200 GB at 500 MB/s = 400 s, corrupted at 50 m → 20 m lost.
    const rows = (name: string, primary: string, extra: string) => `store ${name} {
    engine      postgres
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary ${primary}
    replication async lag 2s
    consistency session
    ${extra}
}`;
    const CORRUPT = (
        clauses: string,
        logs = 'backup every 30m to us-east-1 restore 500MB/s\n    size 200GB',
    ) => `// rules: none
${TWO_US_REGIONS}
${rows('orders', 'us-east-1', 'backup every 1h to us-west-2 restore 500MB/s\n    size 2TB')}
${rows('logs', 'us-west-2', logs)}
workload a for orders { writes 1/s from us-east-1 100% }
workload b for logs { writes 1/s from us-west-2 100% }
scenario s { workload a, b  duration 1h  at 12m corrupt orders  at 50m corrupt logs
    ${clauses}
}
`;
    const MIN = 60_000;
    it.each([
        {
            name: 'corruption-loss overall: logs’ 20 m',
            clause: 'corruption-loss <= 1s',
            measured: 20 * MIN,
            atMs: 50 * MIN,
            of: 'logs',
            backup: 'last backup',
        },
        {
            name: 'corruption-loss in us-east-1: orders’ 12 m',
            clause: 'corruption-loss in us-east-1 <= 1s',
            measured: 12 * MIN,
            atMs: 12 * MIN,
            of: 'orders',
            backup: 'last backup',
        },
        {
            name: 'corruption-loss of orders: 12 m',
            clause: 'corruption-loss of orders <= 1s',
            measured: 12 * MIN,
            atMs: 12 * MIN,
            of: 'orders',
            backup: 'last backup',
        },
    ])('$name', async ({ clause, measured, atMs, of, backup }) => {
        const { e } = await judged(CORRUPT, clause);
        expect([e.measured, e.atMs]).toEqual([measured, atMs]);
        expect(e.where).toBe(`for ${of}, back to its ${backup} before the corruption of ${of} at ${atMs / MIN} m`);
    });

    it.each([
        {
            name: 'restore-time overall: orders’ 4,000 s',
            clause: 'restore-time <= 1s',
            measured: 4_000_000,
            of: 'orders',
            at: 12,
        },
        {
            name: 'restore-time in us-west-2: logs’ 400 s',
            clause: 'restore-time in us-west-2 <= 1s',
            measured: 400_000,
            of: 'logs',
            at: 50,
        },
        {
            name: 'restore-time of logs: 400 s',
            clause: 'restore-time of logs <= 1s',
            measured: 400_000,
            of: 'logs',
            at: 50,
        },
    ])('$name', async ({ clause, measured, of, at }) => {
        const { e } = await judged(CORRUPT, clause);
        expect([e.measured, e.atMs]).toEqual([measured, at * MIN]);
        expect(e.where).toBe(
            `for ${of} after the corruption of ${of} at ${at} m (size ÷ restore throughput, an estimate)`,
        );
    });

    it.each([
        { name: 'corruption-loss of none made there: 0', clause: 'corruption-loss of orders in us-west-2 <= 1s' },
        { name: 'restore-time of none made there: 0', clause: 'restore-time of orders in us-west-2 <= 1s' },
    ])('$name', async ({ clause }) => {
        const { e } = await judged(CORRUPT, clause);
        expect([e.measured, e.atMs, e.where]).toEqual([0, null, '(no corruption in the scenario)']);
    });

    it.each([
        {
            name: 'logs without a backup: nothing to restore from',
            logs: 'size 200GB',
            reason: 'logs keeps no backup: there is nothing to restore from',
        },
        {
            name: 'logs without a size: says what to declare',
            logs: 'backup every 30m to us-east-1 restore 500MB/s',
            reason: 'logs declares no size to estimate its restore from',
        },
    ])('restore-time, $name', async ({ logs, reason }) => {
        const { e } = await judged((c) => CORRUPT(c, logs), 'restore-time <= 1s');
        expect([e.measured, e.atMs, e.where]).toEqual([null, 50 * MIN, '']);
        expect(e.message).toContain(`(${reason})`);
    });

    it.each([
        {
            // logs corrupted at 35 m: its backups at 0 and 30 m lose 5 m, less than orders' 12 m before it.
            name: 'corruption-loss, the worse one first: orders’ 12 m over logs’ 5 m',
            logsAt: 35,
            of: 'orders',
        },
        {
            // logs corrupted at 42 m loses 42 − 30 = 12 m, as much as orders: the first keeps the place.
            name: 'corruption-loss tied at 12 m: the first, orders',
            logsAt: 42,
            of: 'orders',
        },
    ])('$name', async ({ logsAt, of }) => {
        const design = (c: string) => CORRUPT(c).replace('at 50m corrupt logs', `at ${logsAt}m corrupt logs`);
        const { e } = await judged(design, 'corruption-loss <= 1s');
        expect([e.measured, e.atMs]).toEqual([12 * MIN, 12 * MIN]);
        expect(e.where).toBe(`for ${of}, back to its last backup before the corruption of ${of} at 12 m`);
    });

    it.each([
        {
            name: 'corruption-loss with point-in-time recovery: one second, back to that point',
            logs: 'backup every 30m to us-east-1 pitr 35d restore 500MB/s\n    size 200GB',
            measured: 1_000,
            where: 'for logs, back to its point-in-time restore point before the corruption of logs at 50 m',
        },
        {
            name: 'corruption-loss without a backup: never, no clean copy left',
            logs: 'size 200GB',
            measured: null,
            where: 'for logs: no backup, so no clean copy is left after the corruption of logs at 50 m',
        },
    ])('$name', async ({ logs, measured, where }) => {
        const { e } = await judged((c) => CORRUPT(c, logs), 'corruption-loss of logs <= 1h');
        expect([e.measured, e.atMs, e.where]).toEqual([measured, 50 * MIN, where]);
    });

    it.each([
        {
            // 5 TB at 500 MB/s = 10,000 s, longer than orders' 4,000 s before it.
            name: 'restore-time, the longer one last: logs’ 10,000 s',
            size: '5TB',
            measured: 10_000_000,
            of: 'logs',
            at: 50,
        },
        {
            // 2 TB at 500 MB/s = 4,000 s, as long as orders': the first keeps the place.
            name: 'restore-time tied at 4,000 s: the first, orders',
            size: '2TB',
            measured: 4_000_000,
            of: 'orders',
            at: 12,
        },
    ])('$name', async ({ size, measured, of, at }) => {
        const logs = `backup every 30m to us-east-1 restore 500MB/s\n    size ${size}`;
        const { e } = await judged((c) => CORRUPT(c, logs), 'restore-time <= 1s');
        expect([e.measured, e.atMs]).toEqual([measured, at * MIN]);
        expect(e.where).toBe(
            `for ${of} after the corruption of ${of} at ${at} m (size ÷ restore throughput, an estimate)`,
        );
    });
});
