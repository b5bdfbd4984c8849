// Conflict resolution: what happens when two regions write the same key concurrently (docs/facts.md#dynamodb-mrec, docs/facts.md#crdt-limits).
import { incrementsModelPhrase, lwwLossesForStore, type LwwLossEstimate } from '../../semantics/estimators/index.js';
import type { CrdtType, Shape, StoreM } from '../../semantics/model.js';
import { raising, setClause, type Fix } from './fix.js';
import { failoversByStore, homeRegionLossUnplanned } from './failover-rules.js';
import { acceptsWritesInSeveralRegions, at, listing, roughly } from './helpers.js';
import type { Rule } from './rule.js';
import { factRef } from '../../semantics/facts/citation.js';
import { propRange } from '../../semantics/source-props.js';

/** Shapes each CRDT merges meaningfully (docs/facts.md#crdt-limits). */
export const CRDT_FITS: Readonly<Record<CrdtType, readonly Shape[]>> = {
    'g-counter': ['counter'],
    'pn-counter': ['counter'],
    'bounded-counter': ['counter'],
    'g-set': ['set'],
    'two-phase-set': ['set'],
    'or-set': ['set'],
    'lww-register': ['register', 'blob'],
    'mv-register': ['register', 'blob', 'document'],
    rga: ['sequence'],
    'or-map': ['document', 'rows'],
};

/** The CRDT to suggest for a shape: the general one that loses nothing (docs/facts.md#crdt-limits). */
export const CRDT_FOR_SHAPE: Readonly<Record<Shape, CrdtType>> = {
    counter: 'pn-counter',
    set: 'or-set',
    register: 'mv-register',
    blob: 'mv-register',
    document: 'or-map',
    rows: 'or-map',
    sequence: 'rga',
};

const SILENT_BY_ENGINE: Partial<Record<NonNullable<StoreM['engine']>, string>> = {
    dynamodb: `DynamoDB MREC keeps the later item and logs nothing, ${factRef('dynamodb-mrec')}`,
    cassandra: 'Cassandra keeps the newer cell timestamp and logs nothing',
    'workers-kv': 'Workers KV keeps the last write and logs nothing',
};

/** "a shared counter", "shared rows": `rows` is plural and takes no article. */
function shapePhrase(shape: Shape, adjective = ''): string {
    return shape === 'rows' ? `${adjective}rows` : `a ${adjective}${shape}`;
}

/** "counters", "rows". */
function shapePlural(shape: Shape): string {
    return shape === 'rows' ? 'rows' : `${shape}s`;
}

function strategyName(store: StoreM): string {
    switch (store.conflicts.strategy) {
        case 'crdt':
            return `the ${store.conflicts.crdt ?? ''} CRDT`.replace('the  CRDT', 'a CRDT');
        case 'lww':
            return 'last-write-wins';
        case 'vector-clocks':
            return 'vector clocks';
        default:
            return store.conflicts.strategy;
    }
}

function useConsensus(store: StoreM): Fix {
    const title = `Use consensus for ${store.name} (replication consensus, conflicts consensus)`;
    // Votes in fewer than three regions (without a witness) cannot outlive a region: the fix trades silent losses
    // for writes that stop, and says so.
    const regionsOfVoters = new Set([...store.regions, ...(store.witness !== undefined ? [store.witness] : [])]).size;
    return {
        title:
            regionsOfVoters < 3
                ? raising(
                      title,
                      'consensus-quorum-survival',
                      `with voters in ${regionsOfVoters} regions, losing one stops writes`,
                  )
                : title,
        edits: [
            setClause(store.source, 'replication', 'replication consensus'),
            setClause(store.source, 'conflicts', 'conflicts consensus'),
            // A consensus group orders writes at a leader; naming the first region keeps today's routing explicit.
            ...(propRange(store.source, 'leader') || store.regions.length === 0
                ? []
                : [setClause(store.source, 'leader', `leader ${store.regions[0]}`)]),
        ],
    };
}

/** For a counter: the increments lost, which the overwritten-write count understates (counter-increments.ts). */
function counterIncrementsSentence(estimates: readonly LwwLossEstimate[]): string {
    if (estimates.length === 0) return '';
    const parts = estimates.map((e) =>
        e.incrementsLostPerDay !== undefined
            ? `workload ${e.workload}: ≈ ${roughly(e.incrementsLostPerDay)} increments lost a day (${incrementsModelPhrase(e.incrementsModel)})`
            : `workload ${e.workload}: not estimated, ${e.incrementsMissing ?? 'unknown'}`,
    );
    return `. Those count overwritten writes; each can carry earlier increments of its region with it, so the counter loses more: ${parts.join('; ')}`;
}

const lwwOnSharedState: Rule = {
    code: 'lww-on-shared-state',
    check({ model, report }) {
        let byStore: ReturnType<typeof failoversByStore> | undefined;
        for (const store of model.stores.values()) {
            if (store.holds !== 'shared' || !acceptsWritesInSeveralRegions(store) || store.conflicts.strategy !== 'lww')
                continue;
            if (store.replication.mode === 'none') continue;
            const silently = SILENT_BY_ENGINE[store.engine ?? 'custom'] ?? 'nothing records the loss';
            const estimates = lwwLossesForStore(model, store).filter((e) => e.perDay !== undefined && e.perDay > 0);
            const losses = estimates.map(
                (e) => `Workload ${e.workload}: ≈ ${roughly(e.perDay ?? 0)} lost writes a day (${e.formula})`,
            );
            const counter = store.shape === 'counter' ? counterIncrementsSentence(estimates) : '';
            const invariants = store.invariants.map((i) => `${i.kind} ${i.field}`);
            const message =
                `${store.name} holds ${store.shape ? shapePhrase(store.shape, 'shared ') : 'shared data'} written in ${listing(store.regions)} with last-write-wins: ` +
                `of two concurrent writes to one key, one is discarded silently (${silently})` +
                (losses.length > 0 ? `. ${losses.join('; ')}` : '') +
                counter +
                (invariants.length > 0
                    ? `. The invariant${invariants.length > 1 ? 's' : ''} ${listing(invariants)} cannot hold either`
                    : '');
            const homeTitle = `Route writes to each key's home region (writes home-region)`;
            const fixes = (): Fix[] => {
                const fixes: Fix[] = [
                    {
                        title: homeRegionLossUnplanned(store, (byStore ??= failoversByStore(model)))
                            ? raising(
                                  homeTitle,
                                  'home-region-unrouted',
                                  'no failover re-homes the keys of a lost home region yet',
                              )
                            : homeTitle,
                        edits: [setClause(store.source, 'writes', 'writes home-region')],
                        preferred: true,
                    },
                ];
                const crdt = store.shape ? CRDT_FOR_SHAPE[store.shape] : undefined;
                if (crdt && invariants.length === 0) {
                    fixes.push({
                        title: `Merge concurrent writes with a CRDT (conflicts crdt ${crdt})`,
                        edits: [setClause(store.source, 'conflicts', `conflicts crdt ${crdt}`)],
                    });
                }
                fixes.push(useConsensus(store));
                return fixes;
            };
            report({
                ...at(store.source, 'conflicts', 'writes', 'engine'),
                message,
                cell: store.cell,
                key: store.name,
                severity: invariants.length > 0 ? 'error' : undefined,
                fixes,
            });
        }
    },
};

const INVARIANT_BREAKS: Readonly<Record<StoreM['invariants'][number]['kind'], (field: string) => string>> = {
    unique: (f) =>
        `two regions can each accept the same ${f} before they see each other's write, and the merge keeps both`,
    'non-negative': (f) =>
        `two regions can each spend the last units of ${f} concurrently, and the merged value goes below zero`,
    references: (f) =>
        `a delete in one region and a new reference to it in another both succeed, leaving ${f} dangling`,
};

const crdtCannotKeepInvariant: Rule = {
    code: 'crdt-cannot-keep-invariant',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            if (!['crdt', 'lww', 'vector-clocks'].includes(store.conflicts.strategy) || store.regions.length < 2)
                continue;
            const anyRegion = store.writes.policy === 'any-region';
            const homeRegion = store.writes.policy === 'home-region';
            if (!anyRegion && !homeRegion) continue;
            for (const inv of store.invariants) {
                // A key written only in its home region has one writer: a per-key bound holds, a cross-key one does not.
                if (homeRegion && inv.kind === 'non-negative') continue;
                if (inv.kind === 'non-negative' && store.conflicts.crdt === 'bounded-counter') continue;
                const writers = anyRegion
                    ? `writes in ${listing(store.regions)}`
                    : `keys homed in different regions (${listing(store.regions)})`;
                const fixes = (): Fix[] => {
                    const fixes: Fix[] = [{ ...useConsensus(store), preferred: true }];
                    if (inv.kind === 'non-negative' && store.shape === 'counter') {
                        fixes.push({
                            title: 'Keep the bound with an escrow counter (conflicts crdt bounded-counter)',
                            edits: [setClause(store.source, 'conflicts', 'conflicts crdt bounded-counter')],
                        });
                    }
                    return fixes;
                };
                report({
                    uri: store.source.uri,
                    range: inv.range,
                    cell: store.cell,
                    key: `${store.name}:${inv.kind}:${inv.field}`,
                    fixes,
                    message:
                        `invariant ${inv.kind} ${inv.field} cannot hold with ${strategyName(store)} and ${writers}: ${INVARIANT_BREAKS[inv.kind](inv.field)}. ` +
                        `No CRDT keeps ${inv.kind === 'unique' ? 'uniqueness' : inv.kind === 'non-negative' ? 'a bound under decrement' : 'referential integrity'} without coordination (${factRef('crdt-limits')})`,
                });
            }
        }
    },
};

const crdtShapeMismatch: Rule = {
    code: 'crdt-shape-mismatch',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            const crdt = store.conflicts.crdt;
            if (store.conflicts.strategy !== 'crdt' || !crdt || !store.shape) continue;
            if (CRDT_FITS[crdt].includes(store.shape)) continue;
            const nonNegativeCounter =
                store.shape === 'counter' && store.invariants.some((i) => i.kind === 'non-negative');
            const best = nonNegativeCounter ? 'bounded-counter' : CRDT_FOR_SHAPE[store.shape];
            report({
                ...at(store.source, 'conflicts'),
                cell: store.cell,
                key: store.name,
                message:
                    `${crdt} merges ${listing(
                        CRDT_FITS[crdt].map(shapePlural),
                        'or',
                    )}, but ${store.name} holds ${shapePhrase(store.shape)}: ` +
                    `its merge has no meaning for this data. ${store.shape === 'rows' ? 'Rows fit' : `A ${store.shape} fits`} ${best} (${factRef('crdt-limits')})`,
                fixes: () => [
                    {
                        title: `Use ${best} (conflicts crdt ${best})`,
                        edits: [setClause(store.source, 'conflicts', `conflicts crdt ${best}`)],
                        preferred: true,
                    },
                ],
            });
        }
    },
};

export const conflictRules = { lwwOnSharedState, crdtCannotKeepInvariant, crdtShapeMismatch };
