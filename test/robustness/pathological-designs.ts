// The pathological scenarios, shared by the tests (test/robustness/pathological.test.ts) and the refusal-time
// benchmark (bench/robustness/): each is a small design whose scenario `s` asks for something absurd.

export interface DesignParts {
    /** The async replication lag of store `db`. */
    readonly lag?: string;
    /** The failover's detect clause. */
    readonly detect?: string;
    /** Extra regions (declared with a location) that store `db` and service `shop` also run in. */
    readonly extraRegions?: number;
    /** The workload's clauses. */
    readonly workload: string;
    /** The scenario's clauses. */
    readonly scenario: string;
}

export function pathologicalDesign(parts: DesignParts): string {
    const extra = regionNames(parts.extraRegions ?? 0).slice(2);
    const regions = ['us-east-1', 'us-west-2', ...extra].join(', ');
    return `topology Pathological
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
${extra.map((r, i) => `region ${r} { provider on-prem  jurisdiction US  location ${(25 + (i % 20)).toFixed(1)}, ${(-120 + Math.floor(i / 20)).toFixed(1)} }`).join('\n')}
store db {
    engine      cassandra
    regions     ${regions}
    holds       shared counter
    writes      any-region
    replication async lag ${parts.lag ?? '1s'}
    consistency eventual
    conflicts   lww
}
service shop {
    regions   ${regions}
    posture   active-active
    capacity  100% per region
    uses      db
}
failover shop {
    ${parts.detect ?? 'detect health-check every 10s threshold 3'}
    route  dns ttl 60s
    action shift-traffic
    drill  every 30d
}
workload w for shop { ${parts.workload} }
scenario s { ${parts.scenario} }
`;
}

export interface RefusedCase {
    readonly name: string;
    readonly design: DesignParts;
    readonly message: RegExp;
    /** The event budget to run with (the simulation option, the CLI's --event-budget); the default when absent. */
    readonly eventBudget?: number;
}

/** The design's regions in order: us-east-1, us-west-2, then the extra regions dc-0, dc-1, … */
export function regionNames(extraRegions: number): string[] {
    return ['us-east-1', 'us-west-2', ...Array.from({ length: extraRegions }, (_, i) => `dc-${i}`)];
}

/** `from <r1> <s>%, <r2> <s>%, …`: users in the first `count` regions, in equal shares (100 / count must be exact). */
export function fromEach(count: number): string {
    return `from ${regionNames(count - 2)
        .map((r) => `${r} ${100 / count}%`)
        .join(', ')}`;
}

/** `count` one-second outages, three seconds apart, going round the first `regions` regions. */
export function outagesRoundRobin(count: number, regions: number): string {
    const names = regionNames(regions - 2);
    return Array.from({ length: count }, (_, i) => `at ${i * 3}s outage region ${names[i % regions]} for 1s`).join(
        '\n',
    );
}

const EVENTS =
    /needs about [0-9,]+ events \([0-9,]+ writes, [0-9,]+ replication deliveries.*\) — more than the event budget of 50,000,000\. Raise the budget/;
const IN_FLIGHT =
    /would hold about [0-9,]+ writes in flight at once — more than the 25,000,000 the engine keeps in memory\. Shorten the replication lag/;

export const REFUSED: readonly RefusedCase[] = [
    {
        name: 'a write rate of 10^24 per second',
        design: {
            workload: 'writes 999999999999999999999999/s from us-east-1 100%',
            scenario: 'workload w  duration 1h',
        },
        message: EVENTS,
    },
    {
        name: 'a scenario of 10^8 days',
        design: { workload: 'writes 10/s from us-east-1 100%', scenario: 'workload w  duration 99999999d' },
        message: EVENTS,
    },
    {
        name: 'a busy month: 200,000 writes per second for 30 days',
        design: {
            workload: 'writes 200000/s from us-east-1 50%, us-west-2 50%  keys 1000000 shared 5%',
            scenario: 'workload w  duration 30d  at 1d outage region us-east-1 for 1h',
        },
        message: EVENTS,
    },
    {
        name: 'health checks every millisecond for ten years',
        design: {
            detect: 'detect health-check every 1ms threshold 1',
            workload: 'writes 1/s from us-east-1 100%',
            scenario: 'workload w  duration 3650d',
        },
        message:
            /needs about [0-9,]+ events .*[0-9,]+ health-check probes and other control events\) — more than the event budget of 50,000,000/,
    },
    {
        name: 'a replication lag of 10^8 days',
        design: {
            lag: '99999999d',
            workload: 'writes 1000/s from us-east-1 100%',
            scenario: 'workload w  duration 1h  at 1m outage region us-east-1 for 10m',
        },
        message: IN_FLIGHT,
    },
    {
        name: 'a lag spike to 10^8 days',
        design: {
            workload: 'writes 1000/s from us-east-1 100%',
            scenario: 'workload w  duration 1h  at 1m lag-spike to 99999999d for 50m',
        },
        message: IN_FLIGHT,
    },
    {
        // 89,700 links, each with a lag series of 240 intervals: the refusal names that work next to the events.
        name: 'a store replicated to 300 regions at 100 writes per second for an hour',
        design: {
            extraRegions: 298,
            workload: 'writes 100/s from us-east-1 100%',
            scenario: 'workload w  duration 1h',
        },
        message:
            /needs about [0-9,]+ events \([0-9,]+ writes, [0-9,]+ replication deliveries, and work worth [0-9,]+ events keeping and reporting series of 240 sample intervals for 1 user group and 89,700 replication links\) — more than the event budget of 50,000,000\. Raise the budget/,
    },
    {
        name: 'a declared resolution too fine for the budget',
        design: { workload: 'writes 500/s from us-east-1 100%', scenario: 'workload w  duration 30d  resolution 1ms' },
        message:
            /Its declared resolution of 1 ms allows simulating one write in 1 at most, and it needs one in [0-9,]+: declare 'resolution [0-9]+[a-z]+' or coarser/,
    },
    // Work besides the events, and state, that sampling writes cannot reduce: refused before the run (and, for
    // the state, before the RTT matrix), naming the driver.
    {
        name: '100 regions with users in each and 2,000 outages',
        design: {
            extraRegions: 98,
            workload: `writes 1/s ${fromEach(100)}`,
            scenario: `workload w  duration 2h\n${outagesRoundRobin(2_000, 100)}`,
        },
        message:
            /needs work worth about [0-9,]+ events besides its [0-9,]+ events, mostly recomputing the outcome tables of 100 user groups × 1 key class at up to [0-9,]+ state changes \(fault starts and ends, detections, failover actions, routing moves\) — more than the event budget of 50,000,000, and simulating fewer writes does not reduce it\. Declare fewer faults, fewer regions users come from, or fewer regions for the services and their stores, or raise the budget/,
    },
    {
        name: 'a store replicated to 500 regions (249,500 replication links)',
        design: { extraRegions: 498, workload: 'writes 1/s from us-east-1 100%', scenario: 'workload w  duration 1h' },
        message:
            /would keep about [0-9,]+ numbers of state and series \(1 user group × 501 key classes of outcome tables, 249,500 replication links × 240 sample intervals of series\) — more than the 40,000,000 \(about 320 MB\) the engine allocates\. Declare fewer replicas/,
    },
    {
        name: '2,000 regions with users in each, on an event budget of 1',
        eventBudget: 1,
        design: { extraRegions: 1_998, workload: `writes 1/s ${fromEach(2_000)}`, scenario: 'workload w  duration 1h' },
        message:
            /would keep about [0-9,]+ numbers of state and series \(2,000 user groups × 2,001 key classes of outcome tables, 3,998,000 replication links × 240 sample intervals of series\) — more than the 40,000,000 \(about 320 MB\) the engine allocates\./,
    },
];

export interface BoundedCase {
    /** Names the test's check of the report. */
    readonly id: 'many-faults' | 'huge-key-space' | 'aeons-of-reads';
    readonly name: string;
    readonly design: DesignParts;
}

const outages = (n: number) =>
    Array.from({ length: n }, (_, i) => `at ${i}s outage region us-east-1 for 500ms`).join('\n');

export const BOUNDED: readonly BoundedCase[] = [
    {
        id: 'many-faults',
        name: 'five thousand outages (each is two events; the timeline keeps the first 400)',
        design: {
            workload: 'writes 100/s from us-east-1 100%  keys 1000 shared 10%',
            scenario: `workload w  duration 2h\n${outages(5_000)}`,
        },
    },
    {
        id: 'huge-key-space',
        name: 'a key space of 10^15 keys, all shared (per-key state is sampled, not allocated)',
        design: {
            workload: 'writes 50/s from us-east-1 50%, us-west-2 50%  keys 999999999999999 shared 100%',
            scenario: 'workload w  duration 10m  at 5m outage region us-east-1 for 1m',
        },
    },
    {
        id: 'aeons-of-reads',
        name: 'a scenario of 10^8 days with only reads to do',
        design: { detect: 'detect manual after 5m', workload: 'reads 1/s', scenario: 'workload w  duration 99999999d' },
    },
];

export interface CheckerCase {
    readonly name: string;
    readonly design: DesignParts;
    readonly code: string;
    readonly message: RegExp;
}

export const CHECKER_REFUSED: readonly CheckerCase[] = [
    {
        name: 'a seed beyond 32 bits',
        design: { workload: 'writes 1/s', scenario: 'workload w  duration 1m  seed 4294967296' },
        code: 'value-out-of-range',
        message: /^seed must be at most 4294967295, got 4294967296$/,
    },
    {
        name: 'a negative write rate',
        design: { workload: 'writes -5/s', scenario: 'workload w  duration 1m' },
        code: 'value-out-of-range',
        message: /write rate must be at least 0, got -5\/s/,
    },
    {
        name: 'a scenario that lasts no time',
        design: { workload: 'writes 1/s', scenario: 'workload w  duration 0ms' },
        code: 'value-out-of-range',
        message: /^scenario duration must be greater than 0, got 0ms$/,
    },
    // Durations and counts are reported as exact whole numbers, which a double holds only up to 2^53.
    {
        name: 'a scenario of 10^14 days',
        design: { workload: 'writes 1/s', scenario: 'workload w  duration 99999999999999d' },
        code: 'value-out-of-range',
        message: /^scenario duration: '99999999999999d' is too large: durations are exact up to 285,420 years$/,
    },
    {
        name: 'a key space of 10^20 keys',
        design: { workload: 'writes 1/s  keys 99999999999999999999', scenario: 'workload w  duration 1m' },
        code: 'value-out-of-range',
        message: /^key count: '99999999999999999999' is too large: counts are exact up to 9,007,199,254,740,991$/,
    },
    {
        name: 'a fractional key count',
        design: { workload: 'writes 1/s  keys 2.5', scenario: 'workload w  duration 1m' },
        code: 'value-out-of-range',
        message: /^key count: expected a whole number, got '2.5'$/,
    },
];
