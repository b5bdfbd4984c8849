// One test per concept of the language (shared/design/language.md): it lands in the semantic model with its
// values normalized to base units and its derived values computed.
import { describe, expect, test } from 'vitest';
import { rttBetween } from '../../language/semantics/latency.js';
import type { FaultM } from '../../language/semantics/model.js';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { errors, modelOf } from '../helpers/services.js';

// These tests are about the language, not the design rules: only the standard checks must be clean.
const STANDARD = new Set<string>(Object.values(ProblemCodes));

const REGIONS = `
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
region eu-central-1 { provider aws }
`;

async function clean(text: string) {
    const result = await modelOf(text);
    expect(
        errors(result.diagnostics)
            .filter((d) => STANDARD.has(String(d.code)))
            .map((d) => `${d.range.start.line + 1}: ${d.message}`),
    ).toEqual([]);
    return result.model;
}

describe('the semantic model', () => {
    test('takes the topology name and description', async () => {
        const model = await clean(`topology Payments "EU/US \\"cells\\""\n${REGIONS}`);
        expect(model.topology).toMatchObject({ name: 'Payments', description: 'EU/US "cells"' });
    });

    test('takes a region as declared and completes it from the facts table', async () => {
        const model = await clean(
            `region dc1 { provider on-prem jurisdiction IN city "Pune" location 18.52, 73.85 }\n${REGIONS}`,
        );
        expect(model.regions.get('dc1')).toMatchObject({
            provider: 'on-prem',
            jurisdiction: 'IN',
            city: 'Pune',
            location: { lat: 18.52, lon: 73.85 },
            known: false,
        });
        const frankfurt = model.regions.get('eu-central-1')!;
        expect(frankfurt).toMatchObject({ provider: 'aws', jurisdiction: 'EU', city: 'Frankfurt', known: true });
        expect(frankfurt.jurisdictionProvenance).toMatchObject({
            kind: 'default',
            source: expect.stringContaining('docs/facts.md#aws-region-jurisdictions'),
        });
        expect(frankfurt.location?.lat).toBeCloseTo(50.11, 1);
    });

    test('derives RTT from the measured table, a link override and a great-circle fallback', async () => {
        const model = await clean(`${REGIONS}
region paris { provider aws jurisdiction EU location 48.8566, 2.3522 }
region mars { provider on-prem jurisdiction US }
link us-east-1 <-> eu-west-1 { rtt 70ms egress $0.015/GB }`);
        expect(rttBetween(model, 'us-east-1', 'us-west-2')).toMatchObject({ ms: 78, source: 'table' });
        expect(rttBetween(model, 'eu-west-1', 'us-east-1')).toMatchObject({ ms: 70, source: 'link' });
        const paris = rttBetween(model, 'paris', 'eu-central-1');
        expect(paris.source).toBe('great-circle');
        // Paris–Frankfurt ≈ 479 km → max(2, 1.6 × 479 / 100) ≈ 7.7 ms (docs/facts.md#rtt-from-distance)
        expect(paris.distanceKm).toBeCloseTo(479, -1);
        expect(paris.ms).toBeCloseTo((1.6 * paris.distanceKm!) / 100, 6);
        expect(rttBetween(model, 'mars', 'us-east-1')).toMatchObject({ ms: undefined, source: 'unknown' });
        expect(rttBetween(model, 'us-east-1', 'us-east-1')).toMatchObject({ ms: 0, source: 'same-region' });
        expect(model.links[0]).toMatchObject({ a: 'us-east-1', b: 'eu-west-1', rttMs: 70, egressUsdPerGB: 0.015 });
    });

    test('expands per-cell stores and services into one instance per cell with the cell’s regions and residency', async () => {
        const model = await clean(`topology T\n${REGIONS}
cell eu { regions eu-west-1, eu-central-1  residency EU }
cell us { regions us-east-1, us-west-2 }
store ledger per cell { engine cockroachdb holds shared rows }
store audit { engine s3 regions us-east-1, eu-west-1 holds reference blob writes primary us-east-1 replication async lag 15m consistency eventual }
service payments per cell { posture active-active capacity 100% per region uses ledger reads audit }`);
        expect([...model.stores.keys()]).toEqual(['ledger@eu', 'ledger@us', 'audit']);
        expect(model.stores.get('ledger@eu')).toMatchObject({
            name: 'ledger',
            cell: 'eu',
            regions: ['eu-west-1', 'eu-central-1'],
            residency: 'EU',
        });
        expect(model.stores.get('ledger@us')).toMatchObject({
            cell: 'us',
            regions: ['us-east-1', 'us-west-2'],
            residency: undefined,
        });
        expect(model.services.get('payments@eu')).toMatchObject({
            uses: ['ledger@eu'],
            reads: ['audit'],
            capacity: { 'eu-west-1': 1, 'eu-central-1': 1 },
        });
        expect(model.instances.get('payments')).toEqual(['payments@eu', 'payments@us']);
    });

    test('takes every store property, normalized, with engine defaults and their sources', async () => {
        const model = await clean(`topology T\n${REGIONS}
store carts {
    engine dynamodb  regions us-east-1, eu-west-1  holds shared set  writes any-region
    conflicts crdt or-set  features streams  backup every 24h  size 5TB
    residency US  invariant references product_id
}
store profiles {
    engine cosmosdb  regions us-east-1, us-west-2, eu-west-1  replicas 6  witness eu-central-1  holds per-user document
    writes primary us-west-2  replication consensus quorum 4  consistency bounded-staleness versions 100000 time 5m
}`);
        const carts = model.stores.get('carts')!;
        expect(carts).toMatchObject({
            engine: 'dynamodb',
            regions: ['us-east-1', 'eu-west-1'],
            replicas: 2,
            holds: 'shared',
            shape: 'set',
            writes: { policy: 'any-region' },
            conflicts: { strategy: 'crdt', crdt: 'or-set' },
            features: ['streams'],
            backupIntervalMs: 86_400_000,
            sizeBytes: 5e12,
            residency: 'US',
            invariants: [{ kind: 'references', field: 'product_id' }],
        });
        // Not declared: DynamoDB MREC defaults (docs/facts.md#dynamodb-mrec)
        expect(carts.replication).toMatchObject({ mode: 'async', lagMs: 1000, provenance: { kind: 'default' } });
        expect(carts.replication.lagProvenance).toMatchObject({
            kind: 'default',
            source: expect.stringContaining('docs/facts.md#dynamodb-mrec-lag'),
        });
        expect(carts.consistency).toMatchObject({ level: 'eventual', provenance: { kind: 'default' } });
        const profiles = model.stores.get('profiles')!;
        expect(profiles).toMatchObject({
            replicas: 6,
            witness: 'eu-central-1',
            writes: { policy: 'primary', primary: 'us-west-2' },
            replication: { mode: 'consensus', quorum: 4 },
            consistency: { level: 'bounded-staleness', maxVersions: 100_000, maxLagMs: 300_000 },
            conflicts: { strategy: 'consensus' },
        });
    });

    test('derives a majority quorum and single-owner conflicts when not declared', async () => {
        const model = await clean(`topology T\n${REGIONS}
store votes { engine cockroachdb regions us-east-1, us-west-2, eu-west-1 holds shared rows }
store orders { engine aurora regions us-east-1, us-west-2 holds shared rows consistency session }`);
        expect(model.stores.get('votes')!.replication).toMatchObject({ mode: 'consensus', quorum: 2 });
        expect(model.stores.get('orders')).toMatchObject({
            writes: { policy: 'primary', primary: 'us-east-1' },
            replication: { mode: 'async', lagMs: 1000 },
            conflicts: { strategy: 'single-owner' },
        });
    });

    test('takes a service with posture, per-region capacity, dependencies and objectives', async () => {
        const model = await clean(`topology T\n${REGIONS}
store db { engine aurora regions us-east-1, us-west-2 holds shared rows consistency session }
service auth { regions us-east-1 }
service api {
    regions us-east-1, us-west-2  primary us-west-2  posture warm-standby
    capacity us-east-1 100%, us-west-2 60%  uses db  depends-on auth
    objective rto 5m rpo 1s availability 99.99% write-latency p99 150ms cost $12000/month
}`);
        const api = model.services.get('api')!;
        expect(api).toMatchObject({
            regions: ['us-east-1', 'us-west-2'],
            primary: 'us-west-2',
            posture: 'warm-standby',
            capacity: { 'us-east-1': 1, 'us-west-2': 0.6 },
            uses: ['db'],
            dependsOn: ['auth'],
        });
        expect(api.objective).toMatchObject({
            rtoMs: 300_000,
            rpoMs: 1_000,
            writeLatency: { percentile: 0.99, ms: 150 },
            costUsdPerMonth: 12_000,
        });
        expect(api.objective!.availability).toBeCloseTo(0.9999, 10);
    });

    test('takes a failover with detection, DNS route, ordered actions with their planes, and drills', async () => {
        const model = await clean(`topology T\n${REGIONS}
store db { engine aurora regions us-east-1, us-west-2 holds shared rows consistency session }
service api { regions us-east-1, us-west-2 posture pilot-light uses db }
failover api {
    detect health-check every 10s threshold 3
    route dns ttl 60s tail 5% 10m providers route53, ultradns
    action promote db
    action launch-capacity api in us-west-2
    action edit-dns
    action console takes 5m
    action shift-traffic via data-plane
    drill every 30d
}`);
        const [failover] = model.failovers;
        expect(failover).toMatchObject({
            target: { kind: 'service', id: 'api' },
            from: 'us-east-1',
            to: 'us-west-2',
            detection: { method: 'health-check', intervalMs: 10_000, threshold: 3, timeoutMs: 6_000 },
            route: {
                method: 'dns',
                ttlMs: 60_000,
                tailShare: 0.05,
                tailDelayMs: 600_000,
                providers: ['route53', 'ultradns'],
            },
            drill: { intervalMs: 30 * 86_400_000, never: false },
        });
        expect(failover!.actions.map((a) => [a.kind, a.plane, a.controlPlaneRegion, a.durationMs])).toEqual([
            ['promote', 'control-plane', 'us-west-2', 60_000], // docs/facts.md#aurora-managed-failover-time: ≈ 1 min
            ['launch-capacity', 'control-plane', 'us-west-2', 600_000], // launching capacity ≈ 10 min (lower bound)
            ['edit-dns', 'control-plane', 'us-east-1', 60_000], // docs/facts.md#global-control-planes-us-east-1
            ['console', 'control-plane', 'us-east-1', 300_000],
            ['shift-traffic', 'data-plane', undefined, 0],
        ]);
    });

    test('takes anycast, ARC, router and manual routes, with Global Accelerator detection defaults', async () => {
        const model = await clean(`topology T\n${REGIONS}
store kv { engine cockroachdb regions us-east-1, us-west-2, eu-west-1 holds shared rows }
service a { regions us-east-1, us-west-2 posture active-active }
service b { regions us-east-1, us-west-2 posture active-active }
service c { regions us-east-1, us-west-2 posture active-active }
service d { regions us-east-1, us-west-2 posture active-active }
failover a { route anycast }
failover b { route arc-routing-control action flip-routing-control }
failover c { route router }
failover d { detect manual after 15m route manual after 5m }
failover kv { action promote }`);
        const byTarget = new Map(model.failovers.map((f) => [f.target.id, f]));
        expect(byTarget.get('a')).toMatchObject({
            route: { method: 'anycast' },
            detection: { method: 'health-check', intervalMs: 30_000, threshold: 3 },
        });
        expect(byTarget.get('b')!.actions[0]).toMatchObject({
            kind: 'flip-routing-control',
            plane: 'data-plane',
            durationMs: 0,
        });
        expect(byTarget.get('c')!.route).toEqual({ method: 'router' });
        expect(byTarget.get('d')).toMatchObject({
            detection: { method: 'manual', delayMs: 900_000 },
            route: { method: 'manual', delayMs: 300_000 },
        });
        // CockroachDB fails over by itself: promotion is data plane and immediate
        expect(byTarget.get('kv')!.actions[0]).toMatchObject({ kind: 'promote', plane: 'data-plane', durationMs: 0 });
    });

    test('takes a workload with rates, origins, key space, conflict exposure and item size', async () => {
        const model = await clean(`topology T\n${REGIONS}
service api { regions us-east-1, us-west-2 posture active-active }
workload peak for api {
    writes 2000/s from us-east-1 70%, us-west-2 30%
    reads 1200/m
    keys 1_000_000 shared 1%
    item-size 2KB
}`);
        expect(model.workloads.get('peak')).toMatchObject({
            target: { kind: 'service', name: 'api' },
            writesPerS: 2000,
            writeOrigins: [
                { region: 'us-east-1', share: 0.7 },
                { region: 'us-west-2', share: 0.3 },
            ],
            readsPerS: 20,
            keys: 1_000_000,
            sharedKeyShare: 0.01,
            itemSizeBytes: 2000,
        });
        // Reads without origins spread evenly over the target's regions
        expect(model.workloads.get('peak')!.readOrigins).toEqual([
            { region: 'us-east-1', share: 0.5 },
            { region: 'us-west-2', share: 0.5 },
        ]);
    });

    test('takes a scenario with every kind of timed fault, a seed and expect clauses', async () => {
        const model = await clean(`topology T\n${REGIONS}
store db { engine dynamodb regions us-east-1, us-west-2 holds per-user rows }
service api { regions us-east-1, us-west-2 posture active-active uses db }
workload w for api { writes 10/s }
scenario exercise {
    workload w
    duration 2h
    resolution 100ms
    seed 42
    at 10m outage region us-east-1 for 1h
    at 10m partition us-east-1 <-> eu-west-1 for 30m
    at 10m impair control-plane us-east-1 for 7h
    at 20m lag-spike db to 30s for 5m
    at 30m flap health-check api in us-west-2 every 30s for 10m
    at 1h destroy region eu-west-1
    expect rto <= 5m
    expect write-latency p99 of api in us-west-2 < 150ms
    expect availability >= 99.9%
    expect lost-writes == 0
    expect cost <= $20000/month
}`);
        const scenario = model.scenarios.get('exercise')!;
        expect(scenario).toMatchObject({ workloads: ['w'], durationMs: 7_200_000, resolutionMs: 100, seed: 42 });
        const faults = scenario.faults.map((f: FaultM) => ({ kind: f.kind, atMs: f.atMs, durationMs: f.durationMs }));
        expect(faults).toEqual([
            { kind: 'outage', atMs: 600_000, durationMs: 3_600_000 },
            { kind: 'partition', atMs: 600_000, durationMs: 1_800_000 },
            { kind: 'control-plane', atMs: 600_000, durationMs: 25_200_000 },
            { kind: 'lag-spike', atMs: 1_200_000, durationMs: 300_000 },
            { kind: 'flap', atMs: 1_800_000, durationMs: 600_000 },
            { kind: 'destroy', atMs: 3_600_000, durationMs: Infinity },
        ]);
        expect(scenario.faults[5]).toMatchObject({ region: 'eu-west-1' });
        expect(scenario.faults[3]).toMatchObject({ store: 'db', lagMs: 30_000 });
        expect(scenario.faults[4]).toMatchObject({
            region: 'us-west-2',
            periodMs: 30_000,
            target: { kind: 'service', name: 'api' },
        });
        expect(scenario.expectations.map((e) => [e.metric, e.op, e.value])).toEqual([
            ['rto', '<=', 300_000],
            ['write-latency', '<', 150],
            ['availability', '>=', 0.999],
            ['lost-writes', '==', 0],
            ['cost', '<=', 20_000],
        ]);
        expect(scenario.expectations[1]).toMatchObject({
            percentile: 0.99,
            target: { kind: 'service', name: 'api' },
            region: 'us-west-2',
        });
    });

    test.each([
        {
            name: 'an outage without `for` is a syntax error, and no fault',
            fault: 'at 10m outage region us-east-1',
            valid: false,
            faults: 0,
        },
        {
            name: '`destroy` takes no `for` (the region does not come back): the `for` is a syntax error',
            fault: 'at 10m destroy region us-east-1 for 5m',
            valid: false,
            faults: 1,
        },
        {
            name: '`destroy region R` is a fault on its own',
            fault: 'at 10m destroy region us-east-1',
            valid: true,
            faults: 1,
        },
        {
            name: '`destroy R` without the optional word too',
            fault: 'at 10m destroy us-east-1',
            valid: true,
            faults: 1,
        },
    ])('$name', async ({ fault, valid, faults }) => {
        const result = await modelOf(`topology T\n${REGIONS}
store db { engine dynamodb regions us-east-1, us-west-2 holds per-user rows }
workload w for db { writes 10/s }
scenario s { workload w  duration 1h  ${fault} }`);
        const syntax = errors(result.diagnostics).filter((d) => String(d.code).startsWith('syntax'));
        expect(syntax.length === 0).toBe(valid);
        expect(result.model.scenarios.get('s')!.faults.length).toBe(faults);
    });

    test('sees regions declared once in an imported file, and only in files it imports', async () => {
        const main = `import "shared/regions.mregion"\ntopology T\nstore s { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows }`;
        const result = await modelOf(main, {
            'shared/regions.mregion': REGIONS,
            'other.mregion': 'region ap-south-1 { provider aws }',
        });
        expect(errors(result.diagnostics).filter((d) => STANDARD.has(String(d.code)))).toEqual([]);
        expect(result.model.stores.get('s')!.regions).toEqual(['us-east-1', 'eu-west-1']);
        expect(result.model.regions.has('ap-south-1')).toBe(false);
        const unimported = await modelOf(
            `topology T\nstore s { engine dynamodb regions ap-south-1 holds per-user rows }`,
            { 'other.mregion': 'region ap-south-1 { provider aws }' },
        );
        expect(unimported.diagnostics.map((d) => d.code)).toContain('unresolved-reference');
    });
});
