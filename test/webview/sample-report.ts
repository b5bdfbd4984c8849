// A small simulation report in the shape of simulation/report.ts (the type checks it), as the fintech example's
// outage scenario could produce it: the input of the simulation view's adapter tests.
import type { SimulationReport } from '../../simulation/report.js';

const p = (p50: number, p95: number, p99: number) => ({ p50, p95, p99, max: p99 + 5 });
const samples = Array.from({ length: 13 }, (_, i) => i * 10 * 60_000);
const outage = (i: number) => (i >= 1 && i < 7 ? (i === 1 ? 0.2 : 1) : 1);
/** Per interval: the interval of the outage (index 1) is slower, while users are sent to the standby region. */
const series = (usual: readonly [number, number], during: readonly [number, number]) => ({
    p50: samples.map((_, i) => (i === 1 ? during[0] : usual[0])),
    p99: samples.map((_, i) => (i === 1 ? during[1] : usual[1])),
    acknowledged: samples.map((_, i) => (i === 1 ? 12_000 : 60_000)),
});

export const uri = 'file:///ws/fintech.mregion';
/** A file the design imports: a clause written there reveals that file. */
export const imported = 'file:///ws/shared/failover.mregion';

export const sampleReport: SimulationReport = {
    schemaVersion: '1.6.0',
    generator: { name: 'mregion', engine: 'discrete-event 1' },
    design: { uri, topology: 'Fintech' },
    scenario: {
        name: 'us-east-1-outage', line: 59, durationMs: 7_200_000, seed: 42, workloads: ['peak'],
        faults: [
            { index: 0, kind: 'outage', label: 'outage of us-east-1', atMs: 600_000, untilMs: 4_200_000, line: 62 },
            { index: 1, kind: 'control-plane', label: 'control plane of us-east-1 impaired', atMs: 600_000, untilMs: 4_200_000, line: 63 },
        ],
    },
    run: {
        resolution: { mode: 'exact', sampling: 1, declaredMs: null, note: '' },
        eventBudget: 50_000_000, estimatedEvents: 30_000_000, events: 29_811_002, simulatedWrites: 14_400_000, sampleIntervalMs: 600_000,
    },
    summary: {
        passed: false,
        expectations: { total: 2, passed: 1, failed: 1 },
        availability: 0.99876, worstRtoMs: 388_000, unrecovered: false, worstRpoMs: null, lostWrites: 0, strandedWrites: 0, deliveredAtHeal: 0, overwrittenAtHeal: 0, falseAlarmFailovers: 0, splitBrainWrites: 0, discardedWrites: 0, merges: 0,
        siblings: 0, rejectedWrites: 0, staleReadShare: 0.0004, writeLatencyMs: p(40, 95, 140), costUsdPerMonth: 1843,
    },
    expectations: [
        {
            text: 'expect rto <= 5m', metric: 'rto', op: '<=', expected: 300_000, measured: 388_000, passed: false, delta: 88_000,
            measuredText: '6 m 28 s (+1 m 28 s)', where: 'users of us-east-1 on payments@us, from the outage of us-east-1 at 10 m',
            message: 'expect rto <= 5m failed: measured 6 m 28 s', line: 65, atMs: 600_000,
        },
        {
            text: 'expect lost-writes of ledger == 0', metric: 'lost-writes', op: '==', expected: 0, measured: 0, passed: true, delta: 0,
            measuredText: '0', where: 'ledger@eu and ledger@us', message: 'expect lost-writes of ledger == 0 passed', line: 66, atMs: null,
        },
    ],
    objectives: [
        {
            text: 'objective rto 5 m', metric: 'rto', op: '<=', expected: 300_000, measured: 388_000, passed: false, delta: 88_000,
            measuredText: '6 m 28 s (+1 m 28 s)', where: 'for users of us-east-1 on payments@us, from the outage of us-east-1 at 10 m',
            message: 'payments: objective rto 5 m missed: measured 6 m 28 s (+1 m 28 s)', atMs: 600_000,
            owner: 'payments', ownerKind: 'service', clause: { uri, line: 31, endLine: 31 },
        },
        {
            text: 'objective write-latency p99 200 ms', metric: 'write-latency', op: '<=', expected: 200, measured: 145, passed: true, delta: -55,
            measuredText: '145 ms', where: 'at p99 of 7,190,000 writes of payments', message: 'payments: objective write-latency p99 200 ms met: measured 145 ms', atMs: null,
            owner: 'payments', ownerKind: 'service', clause: { uri, line: 31, endLine: 31 },
        },
    ],
    services: [
        {
            id: 'payments@us', name: 'payments', cell: 'us', posture: 'warm-standby', regions: ['us-east-1', 'us-east-2', 'us-west-2'],
            offered: 7_200_000, served: 7_191_000, availability: 0.99875, writeLatencyMs: p(42, 98, 145),
            byRegion: [{
                region: 'us-east-1', offered: 7_200_000, served: 7_191_000, availability: 0.99875, writeLatencyMs: p(42, 98, 145), worstRtoMs: 388_000,
                writeLatencySeries: series([42, 145], [140, 300]),
                availabilitySeries: samples.map((_, i) => outage(i)),
            }],
        },
    ],
    stores: [
        {
            id: 'ledger@us', name: 'ledger', engine: 'cockroachdb', replication: { mode: 'consensus', lagMs: null, quorum: 2 }, conflicts: 'consensus',
            writes: { acknowledged: 7_190_000, failed: 9_000, rejected: 0, conflictRejected: 0 }, lostWrites: 0, rpoMs: null, strandedWrites: 0, deliveredAtHeal: 0, overwrittenAtHeal: 0, stranded: [], discardedWrites: 0,
            merges: 0, siblings: 0, reads: { served: 72_000_000, stale: 0, staleShare: 0, duringDrain: { served: 0, stale: 0, staleShare: null } }, drain: null, writeLatencyMs: p(30, 60, 90),
            byRegion: [{ region: 'us-east-2', writeLatencyMs: p(30, 60, 90), writeLatencySeries: series([30, 90], [60, 120]) }],
            replicas: [{ region: 'us-east-2', appliedWrites: 7_190_000, pendingWrites: 0 }],
            lag: [{ from: 'us-east-2', to: 'us-west-2', maxMs: 62, backlogMaxMs: null, series: samples.map((_, i) => 30 + (i % 3) * 10), heals: [] }],
            losses: [], conflictTracking: null,
        },
    ],
    recovery: [{
        target: 'payments@us', targetName: 'payments', usersOf: 'us-east-1', fault: 0, faultLabel: 'outage of us-east-1', faultAtMs: 600_000,
        startMs: 600_000, endMs: 988_000, rtoMs: 388_000, detectionMs: 30_000, routingChangeMs: 100_000, worstServedShare: 0,
    }],
    failovers: [],
    splitBrain: [],
    regions: [{ region: 'us-east-1', offered: 7_200_000, served: 7_191_000, availability: 0.99875 }],
    cost: {
        egressUsdPerMonth: 1843, egress: [{ store: 'ledger@us', usdPerMonth: 1843, formula: '2000/s × 1 KB × 2 replicas × $0.02/GB', missing: null }],
        postures: [{ service: 'payments@us', posture: 'warm-standby', multiplier: 1.5, source: 'docs/facts.md#dr-strategy-cost-multiplier' }],
        totalUsdPerMonth: 1843, note: 'Egress only: no compute baseline is declared.',
    },
    partialFaults: [],
    timeline: [
        { atMs: 600_000, kind: 'fault-start', text: 'outage of us-east-1 begins', target: null, region: 'us-east-1', clause: { uri, line: 62, endLine: 62 } },
        { atMs: 630_000, kind: 'detection', text: 'health checks of payments@us fail 3 times', target: 'payments@us', region: 'us-east-1', clause: { uri, line: 40, endLine: 47 } },
        { atMs: 640_000, kind: 'action-start', text: 'promote ledger in us-east-2 for payments@us starts (1 m)', target: 'payments@us', region: 'us-east-2', clause: { uri: imported, line: 44, endLine: 44 } },
        { atMs: 700_000, kind: 'routing-change', text: 'DNS answers us-east-2 (ttl 60 s)', target: 'payments@us', region: 'us-east-2', clause: { uri, line: 40, endLine: 47 } },
        { atMs: 988_000, kind: 'recovered', text: 'users of us-east-1 served again from us-east-2', target: 'payments@us', region: 'us-east-2', clause: null },
        { atMs: 4_200_000, kind: 'fault-end', text: 'outage of us-east-1 ends', target: null, region: 'us-east-1', clause: { uri, line: 62, endLine: 62 } },
    ],
    sampleTimesMs: samples,
    notes: [],
};
