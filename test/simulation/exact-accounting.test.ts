// Reads and availability are a flow integrated in closed form between breakpoints, so they match closed forms
// worked out here and do not depend on where the sample ticks fall or on how long the scenario runs after its
// last event.
import { describe, expect, it } from 'vitest';
import type { Model } from '../../language/semantics/model.js';
import {
    chooseResolution,
    DEFAULT_EVENT_BUDGET,
    estimateEvents,
    MAX_KEY_STATE_CELLS,
} from '../../simulation/budget.js';
import { Simulation } from '../../simulation/engine/simulation.js';
import { compileStructure, completePlan } from '../../simulation/plan.js';
import { buildReport } from '../../simulation/report-builder.js';
import type { SimulationReport } from '../../simulation/report.js';
import { seedOf } from '../../simulation/run.js';
import { designOf, expectValidReport, replicaReaders, run, SECOND, TWO_US_REGIONS } from './helpers.js';

/** Runs the only scenario of `model` exactly as `simulate` does, but with the given sample interval. */
function runWithInterval(model: Model, sampleIntervalMs: number): SimulationReport {
    const scenario = [...model.scenarios.values()][0]!;
    const structure = compileStructure(model, scenario);
    const resolution = chooseResolution(structure, estimateEvents(structure, sampleIntervalMs), DEFAULT_EVENT_BUDGET);
    const seed = seedOf(scenario, {});
    const sim = new Simulation(completePlan(structure), {
        seed,
        sampling: resolution.sampling,
        sampleIntervalMs,
        maxKeyStateCells: MAX_KEY_STATE_CELLS,
    });
    sim.run();
    const report = buildReport({ sim, seed, eventBudget: DEFAULT_EVENT_BUDGET, resolution });
    expectValidReport(report);
    return report;
}

// ----------------------------------------------------------------------------------------------- stale reads
// Writes land in us-east-1 at λ over K keys: each key is a Poisson process of rate μ = λ/K. A read served by
// the us-west-2 replica is stale when its key was written within the replica's visibility window w (writes
// sent in the last w have not arrived): P = 1 − e^{−μw}. Outside the partition w = d (the lag). A partition
// [T0, T0 + P) stalls the link: the replica holds nothing sent after T0 − d, so at T0 + s, w = d + s. When it
// ends the backlog is sent and arrives one lag later, all at once: for s ∈ [0, d) after the heal w = P + d + s;
// then w = d again. With r reads/s in us-west-2 over a run of D seconds, the stale reads are
//   r·[ (D − P − d)(1 − e^{−μd})                                   steady state
//     + ∫₀^P (1 − e^{−μ(d+s)}) ds   = P − e^{−μd}(1 − e^{−μP})/μ   the partition
//     + ∫₀^d (1 − e^{−μ(P+d+s)}) ds = d − e^{−μ(P+d)}(1 − e^{−μd})/μ ]  the drain after the heal
interface StaleCase {
    readonly name: string;
    readonly writes: number;
    readonly keys: number;
    readonly lagS: number;
    readonly atS: number;
    readonly forS: number;
}

const steadyStale = (c: StaleCase) => 1 - Math.exp(-(c.writes / c.keys) * c.lagS);
const partitionStale = (c: StaleCase) => {
    const mu = c.writes / c.keys;
    return c.forS - (Math.exp(-mu * c.lagS) * (1 - Math.exp(-mu * c.forS))) / mu;
};
const drainStale = (c: StaleCase) => {
    const mu = c.writes / c.keys;
    return c.lagS - (Math.exp(-mu * (c.forS + c.lagS)) * (1 - Math.exp(-mu * c.lagS))) / mu;
};
const WEST_READS = 500;

function staleExpected(c: StaleCase, durationS: number): number {
    return WEST_READS * ((durationS - c.forS - c.lagS) * steadyStale(c) + partitionStale(c) + drainStale(c));
}

const staleDesign = (c: StaleCase, durationS: number) =>
    replicaReaders({
        lag: `${c.lagS}s`,
        writes: c.writes,
        keys: c.keys,
        readsPerRegion: WEST_READS,
        scenario: `duration ${durationS}s  at ${c.atS}s partition us-east-1 <-> us-west-2 for ${c.forS}s  seed 5`,
    });

// ----------------------------------------------------------------------------------------------- failed reads
// Health checks see the outage and routing changes at R (the report's routingChangeMs); until then every read of
// us-east-1's users fails. DNS then moves ordinary clients linearly over the TTL T, and a share q of resolvers
// ignores the TTL and moves only after the tail L. With r reads/s, the failed reads are
//   r·[(R − T0) + ∫₀^T (1 − (1 − q)·s/T) ds + q·L] = r·[(R − T0) + T(1 + q)/2 + q·L]
// (the triangle of the TTL ramp, plus the tail's rectangle).
interface DnsCase {
    readonly name: string;
    readonly route: string;
    readonly ttlS: number;
    readonly tailShare: number;
    readonly tailS: number;
}
const DNS_READS = 200;
const OUTAGE_AT_S = 600;

const dnsDesign = (c: DnsCase, durationS: number) => `${TWO_US_REGIONS}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
}
failover api {
    detect health-check every 10s threshold 3 timeout 0s
    route  ${c.route}
    drill  every 30d
}
workload w for api { reads ${DNS_READS}/s from us-east-1 100% }
scenario s { workload w  duration ${durationS}s  at ${OUTAGE_AT_S}s outage region us-east-1 for ${durationS - OUTAGE_AT_S}s  seed 3 }
`;

function failedReads(report: SimulationReport): number {
    const users = report.services[0]!.byRegion.find((r) => r.region === 'us-east-1')!;
    return users.offered - users.served;
}

function failedExpected(c: DnsCase, report: SimulationReport): number {
    const routing = report.recovery[0]!.routingChangeMs!;
    return (
        DNS_READS *
        ((routing - OUTAGE_AT_S * SECOND) / SECOND + (c.ttlS * (1 + c.tailShare)) / 2 + c.tailShare * c.tailS)
    );
}

// ----------------------------------------------------------------------------------------------- the cases
// `measure` is the quantity the case checks; `extra(s)` is what `s` more seconds of steady state after the last
// event add to it (closed form), so a longer run must measure `extra` more and nothing else.
interface Case {
    readonly name: string;
    readonly durationS: number;
    readonly design: (durationS: number) => string;
    readonly measure: (report: SimulationReport) => number;
    readonly expected: (report: SimulationReport, durationS: number) => number;
    readonly extra: (seconds: number) => number;
}

const staleCase = (c: StaleCase): Case => ({
    name: c.name,
    durationS: 600,
    design: (d) => staleDesign(c, d),
    measure: (r) => r.stores[0]!.reads.stale,
    expected: (_, d) => staleExpected(c, d),
    extra: (s) => WEST_READS * s * steadyStale(c),
});

const dnsCase = (c: DnsCase): Case => ({
    name: c.name,
    durationS: 1_800,
    design: (d) => dnsDesign(c, d),
    measure: failedReads,
    expected: (r) => failedExpected(c, r),
    extra: () => 0,
});

const cases: Case[] = [
    staleCase({
        name: 'stale reads over a 60 s partition with a 30 s lag (the drain weighs a quarter)',
        writes: 5,
        keys: 1_000,
        lagS: 30,
        atS: 200,
        forS: 60,
    }),
    staleCase({
        name: 'stale reads over a 3-minute partition of hot keys (the window saturates)',
        writes: 50,
        keys: 100,
        lagS: 1,
        atS: 123.4,
        forS: 180,
    }),
    staleCase({
        name: 'stale reads over a 30 s partition with a 100 ms lag',
        writes: 100,
        keys: 5_000,
        lagS: 0.1,
        atS: 61,
        forS: 30,
    }),
    dnsCase({
        name: 'failed reads in an outage with DNS failover (TTL 60 s)',
        route: 'dns ttl 60s',
        ttlS: 60,
        tailShare: 0,
        tailS: 0,
    }),
    dnsCase({
        name: 'failed reads over a DNS TTL ramp with a 10 % resolver tail of 5 minutes',
        route: 'dns ttl 60s tail 10% 5m',
        ttlS: 60,
        tailShare: 0.1,
        tailS: 300,
    }),
];

describe('reads are integrated exactly between breakpoints', () => {
    it.each(cases)('$name match the closed form within 1 %', async (c) => {
        const report = await run(c.design(c.durationS));
        const expected = c.expected(report, c.durationS);
        expect(expected).toBeGreaterThan(0);
        expect(Math.abs(c.measure(report) - expected) / expected).toBeLessThan(0.01);
    });

    // Ticks at 1 s, at 7 s (never on an event) and at 2 minutes: the same flow, split at other places.
    const intervals = [1_000, 7_000, 120_000];
    it.each(cases.flatMap((c) => intervals.map((ms) => ({ ...c, ms }))))(
        '$name do not change with a $ms ms sample interval',
        async (c) => {
            const model = await designOf(c.design(c.durationS));
            const reference = runWithInterval(model, 10_000);
            const measured = c.measure(runWithInterval(model, c.ms));
            expect(Math.abs(measured - c.measure(reference))).toBeLessThanOrEqual(1e-9 * c.measure(reference) + 0.002);
        },
    );

    it.each(cases)('$name do not change when the scenario runs 17 minutes longer', async (c) => {
        const longer = 17 * 60;
        const short = await run(c.design(c.durationS));
        const long = await run(c.design(c.durationS + longer));
        // Rounded to 0.001 in the report; the steady state adds exactly its closed form.
        expect(Math.abs(c.measure(long) - c.measure(short) - c.extra(longer))).toBeLessThanOrEqual(
            1e-9 * c.measure(long) + 0.002,
        );
    });
});

describe('a healed link counts as stalled until its backlog has arrived', () => {
    // The first case above, split: after the heal the replica still misses everything sent since the cut for
    // one more lag. Counting only the lag then (w = d) would miss r·(drain − d·(1 − e^{−μd})) stale reads — the
    // test checks the engine counts them, and that the difference is large enough to be seen.
    const c: StaleCase = { name: 'drain', writes: 5, keys: 1_000, lagS: 30, atS: 200, forS: 60 };
    it('counts the stale reads of the lag after a partition ends', async () => {
        const durationS = 600;
        const report = await run(staleDesign(c, durationS));
        const exact = staleExpected(c, durationS);
        const withoutDrain = WEST_READS * ((durationS - c.forS) * steadyStale(c) + partitionStale(c));
        expect((exact - withoutDrain) / exact).toBeGreaterThan(0.05);
        expect(Math.abs(report.stores[0]!.reads.stale - exact) / exact).toBeLessThan(0.001);
    });
});
