// Consistency claims against what the replication can give (the engine entries of docs/facts.md).
import { COSMOS, DYNAMODB, ENGINES } from '../../semantics/facts/defaults.js';
import { estimateWriteLatency, regionLossSurvival } from '../../semantics/estimators/index.js';
import { distanceKmBetween, rttBetween } from '../../semantics/latency.js';
import type { Model, StoreM } from '../../semantics/model.js';
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { setClause, type Fix, type FixEdit } from './fix.js';
import { at, listing, regionsPlace } from './helpers.js';
import type { Rule } from './rule.js';
import { citedFactIds, factRef } from '../../semantics/facts/citation.js';
import { relaidOut, survivesAnyRegionLoss } from './voter-layout.js';
import { itemAt } from '../../util/item-at.js';
import { propRange } from '../../semantics/source-props.js';

function asyncOnlyEngine(store: StoreM): boolean {
    return store.engine !== undefined && ENGINES[store.engine].asyncOnlyAcrossRegions?.value === true;
}

/** ", docs/facts.md#aurora-global-lag" when the lag is the engine's documented default rather than declared. */
function lagSource(store: StoreM): string {
    const provenance = store.replication.lagProvenance;
    const cited = provenance?.kind === 'default' ? citedFactIds(provenance.source) : [];
    return cited.map((id) => `, docs/facts.md#${id}`).join('');
}

const strongNeedsSync: Rule = {
    code: 'strong-needs-sync',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            if (store.consistency.level !== 'strong' || store.regions.length < 2) continue;
            const engineOnlyAsync = asyncOnlyEngine(store);
            if (store.replication.mode !== 'async' && !engineOnlyAsync) continue;
            const lag = store.replication.lagMs;
            const others = store.regions.filter((r) => r !== (store.writes.primary ?? store.regions[0]));
            const how =
                engineOnlyAsync && store.replication.mode !== 'async'
                    ? `${store.engine} replicates across regions only asynchronously, whatever the declaration says (${ENGINES[store.engine!].asyncOnlyAcrossRegions!.source})`
                    : `${store.name} replicates to ${listing(others)} asynchronously${lag !== undefined ? ` (≈ ${formatDuration(lag)} behind${lagSource(store)})` : ''}`;
            const fixes = (): Fix[] => {
                const fixes: Fix[] = [
                    {
                        title: 'Declare what the engine gives (consistency eventual)',
                        edits: [setClause(store.source, 'consistency', 'consistency eventual')],
                        preferred: true,
                    },
                ];
                if (!engineOnlyAsync)
                    fixes.push({
                        title: 'Replicate synchronously (replication sync)',
                        edits: [setClause(store.source, 'replication', 'replication sync')],
                    });
                return fixes;
            };
            report({
                ...at(store.source, 'consistency', 'replication', 'engine'),
                cell: store.cell,
                key: store.name,
                fixes,
                message:
                    `consistency strong, but ${how}: a read in another region can miss the latest writes, and an unplanned failover loses ` +
                    `the writes not yet replicated. Strong consistency across regions needs synchronous replication or consensus`,
            });
        }
    },
};

const MRSC_UNSUPPORTED: Readonly<Record<string, string>> = {
    ttl: 'TTL',
    'local-secondary-index': 'local secondary indexes',
    transactions: 'transactions',
};

const mrscThreeRegions: Rule = {
    code: 'mrsc-three-regions',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            if (store.engine !== 'dynamodb' || store.replication.mode !== 'sync') continue;
            const members = [...store.regions, ...(store.witness !== undefined ? [store.witness] : [])];
            const place = regionsPlace(model, store);
            const sets = DYNAMODB.mrscRegionSets.value;
            if (members.length !== 3) {
                report({
                    ...place,
                    cell: store.cell,
                    key: `${store.name}:count`,
                    message:
                        `DynamoDB multi-region strong consistency (MRSC) needs exactly three regions — three replicas, or two and a witness — ` +
                        `but ${store.name} has ${members.length} (${listing(members)}) (${DYNAMODB.mrscRegionSets.source.replace('allowed region sets', 'topology')})`,
                });
            }
            const outside = members.filter((r) => !sets.some((s) => s.includes(r)));
            const home = sets.find((s) => members.every((r) => s.includes(r)));
            if (outside.length > 0) {
                report({
                    ...place,
                    cell: store.cell,
                    key: `${store.name}:outside`,
                    message:
                        `${listing(outside)} ${outside.length > 1 ? 'are' : 'is'} in no MRSC region set: MRSC tables live in US {${sets[0].join(', ')}}, ` +
                        `EU {${sets[1].join(', ')}} or AP {${sets[2].join(', ')}} (${factRef('dynamodb-mrsc-region-sets')})`,
                });
            } else if (!home && members.length > 0) {
                report({
                    ...place,
                    cell: store.cell,
                    key: `${store.name}:span`,
                    message: `${listing(members)} span more than one MRSC region set; an MRSC table cannot span sets (${factRef('dynamodb-mrsc-region-sets')})`,
                });
            }
            const unsupported = store.features.flatMap((f) => MRSC_UNSUPPORTED[f] ?? []);
            if (unsupported.length > 0) {
                report({
                    ...at(store.source, 'features'),
                    cell: store.cell,
                    key: `${store.name}:features`,
                    message:
                        `MRSC does not support ${listing(unsupported)} (${DYNAMODB.mrscUnsupported.source}); ` +
                        `with synchronous replication ${store.name} cannot use ${unsupported.length > 1 ? 'them' : 'it'}`,
                });
            }
        }
    },
};

/** Distances are compared to the kilometre the user reads: 8,000 km passes, 8,001 km does not. */
function farthestPair(model: Model, regions: readonly string[]): { a: string; b: string; km: number } | undefined {
    let far: { a: string; b: string; km: number } | undefined;
    // By index: a list of the k²/2 pairs would be as large as the pairs of a store over thousands of regions.
    for (let i = 0; i < regions.length; i++) {
        for (let j = i + 1; j < regions.length; j++) {
            const [a, b] = [itemAt(regions, i, 'region'), itemAt(regions, j, 'region')];
            const km = distanceKmBetween(model, a, b);
            if (km !== undefined && (far === undefined || km > far.km)) far = { a, b, km };
        }
    }
    return far;
}

const strongDistanceLimit: Rule = {
    code: 'strong-distance-limit',
    check({ model, report }) {
        const limit = COSMOS.strongMaxDistanceKm.value;
        for (const store of model.stores.values()) {
            if (store.engine !== 'cosmosdb' || store.consistency.level !== 'strong' || store.regions.length < 2)
                continue;
            const bounded = COSMOS.boundedStalenessMultiRegion.value;
            const boundedFix: Fix = {
                title: `Use bounded staleness (versions ${bounded.versions}, time ${bounded.lagMs / 1_000}s, the multi-region minimum)`,
                edits: [
                    setClause(
                        store.source,
                        'consistency',
                        `consistency bounded-staleness versions ${bounded.versions} time ${bounded.lagMs / 1_000}s`,
                    ),
                ],
                preferred: true,
            };
            const far = farthestPair(model, store.regions);
            if (far && Math.round(far.km) > limit) {
                const latency = estimateWriteLatency(
                    model,
                    store,
                    store.writes.primary ?? itemAt(store.regions, 0, 'store region'),
                );
                const place = regionsPlace(model, store);
                const fixes = (): Fix[] => {
                    const fixes: Fix[] = [boundedFix];
                    if (place.clause)
                        fixes.push({
                            title: `Drop ${far.b} from the regions`,
                            edits: [{ kind: 'remove-list-item', uri: place.uri, clause: place.clause, item: far.b }],
                        });
                    return fixes;
                };
                report({
                    ...place,
                    cell: store.cell,
                    key: `${store.name}:distance`,
                    fixes,
                    message:
                        `${far.a} and ${far.b} are ${formatCount(Math.round(far.km))} km apart: Cosmos DB blocks strong consistency for regions more than ` +
                        `${formatCount(limit)} km apart (${factRef('cosmos-strong-max-distance')})` +
                        (latency.ms !== undefined
                            ? `, and every write would wait ≈ ${formatDuration(latency.ms)} (${latency.formula})`
                            : ''),
                });
            }
            if (store.writes.policy === 'any-region') {
                const first = itemAt(store.regions, 0, 'store region');
                report({
                    ...at(store.source, 'writes', 'consistency'),
                    cell: store.cell,
                    key: `${store.name}:writers`,
                    message: `Cosmos DB cannot use strong consistency with several write regions (${factRef('cosmos-strong-max-distance')}), and ${store.name} accepts writes in ${listing(store.regions)}`,
                    fixes: () => [
                        {
                            title: `Write in one region (writes primary ${first})`,
                            edits: [setClause(store.source, 'writes', `writes primary ${first}`)],
                            preferred: true,
                        },
                        { ...boundedFix, preferred: false },
                    ],
                });
            }
        }
    },
};

/** Regions of the design a witness or third replica could go to: same jurisdiction first, then nearest. */
function candidateRegions(model: Model, store: StoreM): string[] {
    const jurisdictions = new Set(store.regions.map((r) => model.regions.get(r)?.jurisdiction));
    const residency = store.residency;
    const members = new Set(store.regions);
    const candidates = [...model.regions.values()]
        .filter((r) => !members.has(r.name) && r.name !== store.witness)
        .filter((r) => residency === undefined || r.jurisdiction === residency);
    // Each candidate's worst RTT once (a sort asks for it n log n times, and it costs one RTT per store region).
    const worstRtt = new Map(
        candidates.map((c) => [
            c.name,
            store.regions.reduce(
                (worst, r) => Math.max(worst, rttBetween(model, c.name, r).ms ?? Number.POSITIVE_INFINITY),
                Number.NEGATIVE_INFINITY,
            ),
        ]),
    );
    return candidates
        .sort(
            (x, y) =>
                Number(!jurisdictions.has(x.jurisdiction)) - Number(!jurisdictions.has(y.jurisdiction)) ||
                worstRtt.get(x.name)! - worstRtt.get(y.name)!,
        )
        .map((r) => r.name);
}

const consensusQuorumSurvival: Rule = {
    code: 'consensus-quorum-survival',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            if (store.replication.mode !== 'consensus' || store.regions.length < 2) continue;
            const failing = regionLossSurvival(store).filter((s) => !s.survives);
            const [first] = failing;
            if (!first) continue;
            const lost = listing(
                failing.map((f) => f.region),
                'or',
            );
            const place =
                propRange(store.source, 'quorum') &&
                store.replication.quorum !== undefined &&
                store.replication.quorum > Math.floor(first.voters / 2) + 1
                    ? at(store.source, 'quorum')
                    : regionsPlace(model, store);
            const fixes = (): Fix[] => {
                const fixes: Fix[] = [];
                const candidates = candidateRegions(model, store);
                const witness = candidates.find((c) => survivesAnyRegionLoss(relaidOut(store, { witness: c })));
                if (witness && store.witness === undefined) {
                    fixes.push({
                        title: `Add a witness in ${witness} (it votes, holds the log, serves no reads)`,
                        edits: [setClause(store.source, 'witness', `witness ${witness}`)],
                        preferred: true,
                    });
                }
                const ownRegions = propRange(store.source, 'regions');
                const third = candidates.find((c) =>
                    survivesAnyRegionLoss(
                        relaidOut(store, {
                            regions: [...store.regions, c],
                            replicas: propRange(store.source, 'replicas') ? store.replicas : store.regions.length + 1,
                        }),
                    ),
                );
                if (ownRegions && third) {
                    const edit: FixEdit = {
                        kind: 'add-list-item',
                        uri: store.source.uri,
                        clause: ownRegions,
                        item: third,
                    };
                    fixes.push({ title: `Add ${third} to the regions`, edits: [edit], preferred: fixes.length === 0 });
                }
                return fixes;
            };
            report({
                ...place,
                cell: store.cell,
                key: store.name,
                fixes,
                message:
                    `losing ${lost} leaves ${first.votersLeft} of ${first.voters} voters, short of the quorum of ${first.quorum}: ` +
                    `${store.name} stops accepting writes until the region returns. Surviving a region loss needs voters in at least three regions ` +
                    `(or two and a witness) with no region holding enough of them to break the quorum (${factRef('cockroachdb-region-survival')})`,
            });
        }
    },
};

export const consistencyRules = { strongNeedsSync, mrscThreeRegions, strongDistanceLimit, consensusQuorumSurvival };
