// A clause whose keyword parsed but whose value did not (`writes` followed by a typo) is already a syntax
// error; the builder must not read it as if it said something. These are the properties each clause cannot do
// without; a clause missing one is left out of the model, as if it were not written.
import type { AstNode } from 'langium';

const REQUIRED: Readonly<Record<string, readonly string[]>> = {
    ProviderClause: ['provider'],
    JurisdictionClause: ['jurisdiction'],
    LocationClause: ['latitude', 'longitude'],
    CityClause: ['city'],
    RttClause: ['rtt'],
    EgressClause: ['price'],
    ResidencyClause: ['jurisdiction'],
    EngineClause: ['engine'],
    ReplicasClause: ['count'],
    HoldsClause: ['holds', 'shape'],
    WritesClause: ['policy'],
    ReplicationClause: ['mode'],
    ConsistencyClause: ['level'],
    ConflictsClause: ['strategy'],
    InvariantClause: ['kind', 'field'],
    BackupClause: ['interval'],
    SizeClause: ['size'],
    PostureClause: ['posture'],
    DetectClause: ['method'],
    RouteClause: ['method'],
    ActionClause: ['kind'],
    WriteRateClause: ['rate'],
    ReadRateClause: ['rate'],
    KeysClause: ['count'],
    ItemSizeClause: ['size'],
    DurationClause: ['duration'],
    ResolutionClause: ['resolution'],
    SeedClause: ['seed'],
    Fault: ['at', 'kind'],
    Expectation: ['metric', 'op', 'value'],
    ObjectiveTerm: ['metric', 'value'],
    CapacityEntry: ['share'],
    RetriesClause: ['count'],
    QuotaClause: ['share'],
    CachesClause: ['store', 'hitRate', 'warmUp'],
    Origin: ['share'],
};

/** Whether every property the clause cannot do without was parsed. */
export function isComplete(node: AstNode): boolean {
    const required = REQUIRED[node.$type];
    if (!required) return true;
    const record = node as unknown as Record<string, unknown>;
    // Indexed, not `every` or `for…of`: a closure or an iterator per clause was most of what a large design's
    // model build allocated here.
    for (let i = 0; i < required.length; i++) {
        const value = record[required[i] ?? ''];
        if (value === undefined || value === '') return false;
    }
    // `conflicts crdt` needs its type; `drill` needs `every …` or `never`; a fault other than `destroy` and
    // `corrupt` its `for`, and a `corrupt` its store.
    const once = record.kind === 'destroy' || record.kind === 'corrupt';
    if (node.$type === 'Fault' && !once && record.duration === undefined) return false;
    if (node.$type === 'Fault' && record.kind === 'corrupt' && record.store === undefined) return false;
    if (node.$type === 'ConflictsClause' && record.strategy === 'crdt' && record.crdt === undefined) return false;
    if (node.$type === 'DrillClause' && record.interval === undefined && record.never !== true) return false;
    return true;
}
