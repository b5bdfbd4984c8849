// Which unit family each quantity of the grammar expects, mirroring how the model builder reads it
// (language/semantics/builder/). Completion offers units by it and hover explains a value with it; the test
// in test/lsp/quantity-kinds.test.ts checks every Quantity property of the grammar is listed and that every
// quantity of the examples normalizes with the kind given here.
import type { AstNode } from 'langium';
import { METRIC_UNITS, type UnitKind } from '../semantics/units.js';

export interface QuantitySlot {
    readonly kind: UnitKind;
    /** What the value is, as a person says it ("DNS TTL"). */
    readonly what: string;
}

/** `Type.property` → the expected family; metric-dependent slots are resolved by `quantitySlot`. */
export const QUANTITY_SLOTS: Readonly<Record<string, QuantitySlot>> = {
    'LocationClause.latitude': { kind: 'number', what: 'latitude (degrees)' },
    'LocationClause.longitude': { kind: 'number', what: 'longitude (degrees)' },
    'RttClause.rtt': { kind: 'duration', what: 'measured round-trip time' },
    'EgressClause.price': { kind: 'price', what: 'egress price per GB' },
    'ReplicasClause.count': { kind: 'count', what: 'number of data replicas' },
    'ReplicationClause.lag': { kind: 'duration', what: 'replication lag' },
    'ReplicationClause.quorum': { kind: 'count', what: 'consensus quorum (votes)' },
    'ConsistencyClause.maxVersions': { kind: 'count', what: 'bounded-staleness versions (K)' },
    'ConsistencyClause.maxLag': { kind: 'duration', what: 'bounded-staleness time (T)' },
    'BackupClause.interval': { kind: 'duration', what: 'backup interval' },
    'BackupClause.pitr': { kind: 'duration', what: 'point-in-time recovery window' },
    'BackupClause.restore': { kind: 'throughput', what: 'restore throughput' },
    'SizeClause.size': { kind: 'size', what: 'data size' },
    'CatchUpClause.rate': {
        kind: 'rate',
        what: 'catch-up rate after a heal (writes per second, or a throughput such as 50MB/s)',
    },
    'CheckpointClause.interval': { kind: 'duration', what: 'MirrorMaker 2 checkpoint interval' },
    'CapacityClause.uniform': { kind: 'percent', what: 'capacity of each region (share of the total load)' },
    'CapacityEntry.share': { kind: 'percent', what: 'capacity of this region (share of the total load)' },
    'CachesClause.hitRate': { kind: 'percent', what: 'share of reads the cache answers once warm' },
    'CachesClause.warmUp': { kind: 'duration', what: 'time the cache takes to warm up for users newly routed there' },
    'QuotaClause.share': { kind: 'percent', what: 'most capacity a scale-out can reach (share of the total load)' },
    'RetriesClause.count': { kind: 'count', what: 'retries after a failed attempt' },
    'RetriesClause.backoff': { kind: 'duration', what: 'wait before the first retry' },
    'DetectClause.interval': { kind: 'duration', what: 'health-check interval' },
    'DetectClause.threshold': { kind: 'count', what: 'failed checks before failing over' },
    'DetectClause.timeout': { kind: 'duration', what: 'health-check timeout' },
    'DetectClause.delay': { kind: 'duration', what: 'time until an operator notices' },
    'RouteClause.ttl': { kind: 'duration', what: 'DNS TTL' },
    'RouteClause.tailShare': { kind: 'percent', what: 'share of clients that ignore the TTL' },
    'RouteClause.tailDelay': { kind: 'duration', what: 'how long those clients stay on the old answer' },
    'RouteClause.delay': { kind: 'duration', what: 'time until an operator switches traffic' },
    'ActionClause.size': { kind: 'size', what: 'data the action restores' },
    'ActionClause.throughput': { kind: 'throughput', what: 'restore throughput' },
    'ActionClause.duration': { kind: 'duration', what: 'how long the action takes' },
    'DrillClause.interval': { kind: 'duration', what: 'drill interval' },
    'WriteRateClause.rate': { kind: 'rate', what: 'write rate' },
    'ReadRateClause.rate': { kind: 'rate', what: 'read rate' },
    'Origin.share': { kind: 'percent', what: 'share of the traffic from this region' },
    'KeysClause.count': { kind: 'count', what: 'number of keys' },
    'KeysClause.sharedShare': { kind: 'percent', what: 'share of keys written from several regions' },
    'ItemSizeClause.size': { kind: 'size', what: 'size of one item' },
    'DurationClause.duration': { kind: 'duration', what: 'scenario duration' },
    'ResolutionClause.resolution': { kind: 'duration', what: 'simulation time step' },
    'SeedClause.seed': { kind: 'count', what: 'random seed' },
    'Fault.at': { kind: 'duration', what: 'fault start (from the scenario start)' },
    'Fault.duration': { kind: 'duration', what: 'fault duration' },
    'Fault.lag': { kind: 'duration', what: 'replication lag during the spike' },
    'Fault.period': { kind: 'duration', what: 'flap period' },
    'Fault.errors': { kind: 'percent', what: 'share of requests answered with an error' },
    'Fault.latency': { kind: 'duration', what: 'latency added to each request' },
};

/** The slot of `property` on `container` (a Quantity's container and its containment property). */
export function quantitySlot(container: AstNode, property: string): QuantitySlot | undefined {
    if ((container.$type === 'ObjectiveTerm' || container.$type === 'Expectation') && property === 'value') {
        const metric = (container as AstNode & { metric?: string }).metric;
        const kind = metric !== undefined ? (METRIC_UNITS as Readonly<Record<string, UnitKind>>)[metric] : undefined;
        if (!kind) return undefined;
        const what = container.$type === 'ObjectiveTerm' ? `${metric} objective` : `expected ${metric}`;
        return { kind, what };
    }
    return QUANTITY_SLOTS[`${container.$type}.${property}`];
}

/** The slot a Quantity node fills, from its place in the tree. */
export function slotOfQuantity(quantity: AstNode): QuantitySlot | undefined {
    const container = quantity.$container;
    const property = quantity.$containerProperty;
    return container && property ? quantitySlot(container, property) : undefined;
}
