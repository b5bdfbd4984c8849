// Stores: one declaration read once (with its problems), then instantiated per cell when `per cell`.
import { cachesInstance, readCaches, type CachesDecl } from './caches.js';
import * as ast from '../../generated/ast.js';
import { CASSANDRA_DEFAULT_LEVEL, CASSANDRA_LEVELS, ENGINES } from '../facts/defaults.js';
import { readCheckpoint, readQueueAndObjectClauses, withFeatureFacts } from './queues-and-objects.js';
import type {
    BackupM,
    CassandraLevel,
    CatchUpM,
    CellM,
    ConflictStrategy,
    ConsistencyLevel,
    CrdtType,
    Engine,
    HoldsKind,
    Locality,
    ObjectiveM,
    ReplicationMode,
    Shape,
    Source,
    StoreFeature,
    StoreM,
    SurvivalGoal,
    WritePolicy,
} from '../model.js';
import { votersOf } from '../estimators/voters.js';
import { resolveConsensus } from './consensus.js';
import { ProblemCodes } from '../problem-codes.js';
import type { BuildContext } from './context.js';
import { readBackup } from './backup.js';
import { buildObjective } from './objectives.js';
import { refNames, reportRepeated, unique } from './regions.js';
import { kindOf, splitQuantity } from '../units.js';
import { DECLARED, defaultFrom } from './provenance.js';
import { propRange } from '../source-props.js';

/** A store declaration as written, before per-cell expansion. */
export interface StoreDecl {
    readonly name: string;
    readonly perCell: boolean;
    readonly engine?: Engine;
    readonly regions: readonly string[];
    readonly replicas?: number;
    readonly witness?: string;
    readonly holds?: HoldsKind;
    readonly shape?: Shape;
    readonly writes?: { policy: WritePolicy; primary?: string };
    readonly replication?: { mode: ReplicationMode; lagMs?: number; quorum?: number };
    readonly leader?: string;
    readonly locality?: Locality;
    readonly survive?: SurvivalGoal;
    readonly consistency?: { level: ConsistencyLevel; maxVersions?: number; maxLagMs?: number };
    readonly conflicts?: { strategy: ConflictStrategy; crdt?: CrdtType };
    readonly cassandraLevel?: CassandraLevel;
    readonly invariants: StoreM['invariants'];
    readonly residency?: string;
    readonly features: readonly StoreFeature[];
    readonly backupIntervalMs?: number;
    readonly backup?: BackupM;
    readonly sizeBytes?: number;
    readonly catchUp?: CatchUpM;
    readonly caches?: CachesDecl;
    readonly consumersIdempotent: boolean;
    readonly checkpointMs?: number;
    readonly objective?: ObjectiveM;
    readonly source: Source;
}

export function buildStores(ctx: BuildContext, node: ast.Store, cells: readonly CellM[]): StoreM[] {
    const decl = readStore(ctx, node, cells);
    if (!decl.perCell || cells.length === 0) return [instantiate(ctx, node, decl, decl.regions, undefined)];
    return cells.map((cell) => instantiate(ctx, node, decl, cell.regions, cell));
}

function readStore(ctx: BuildContext, node: ast.Store, cells: readonly CellM[]): StoreDecl {
    const c = node.clauses;
    const engine = ctx.single(c, ast.isEngineClause, 'engine');
    const regions = ctx.single(c, ast.isRegionsClause, 'regions');
    const replicas = ctx.single(c, ast.isReplicasClause, 'replicas');
    const witness = ctx.single(c, ast.isWitnessClause, 'witness');
    const holds = ctx.single(c, ast.isHoldsClause, 'holds');
    const writes = ctx.single(c, ast.isWritesClause, 'writes');
    const replication = ctx.single(c, ast.isReplicationClause, 'replication');
    const leader = ctx.single(c, ast.isLeaderClause, 'leader');
    const locality = ctx.single(c, ast.isLocalityClause, 'locality');
    const survive = ctx.single(c, ast.isSurviveClause, 'survive');
    const consistency = ctx.single(c, ast.isConsistencyClause, 'consistency');
    const conflicts = ctx.single(c, ast.isConflictsClause, 'conflicts');
    const consistencyLevel = ctx.single(c, ast.isConsistencyLevelClause, 'consistency-level');
    const residency = ctx.single(c, ast.isResidencyClause, 'residency');
    const features = ctx.single(c, ast.isFeaturesClause, 'features');
    const backup = ctx.single(c, ast.isBackupClause, 'backup');
    const size = ctx.single(c, ast.isSizeClause, 'size');
    const catchUp = ctx.single(c, ast.isCatchUpClause, 'catch-up');
    const cachesClause = ctx.single(c, ast.isCachesClause, 'caches');
    const objective = ctx.single(c, ast.isObjectiveClause, 'objective');
    const consumers = ctx.single(c, ast.isConsumersClause, 'consumers');
    const checkpoint = ctx.single(c, ast.isCheckpointClause, 'checkpoint');
    const invariants = ctx.all(c, ast.isInvariantClause);
    readQueueAndObjectClauses(ctx, node, engine?.engine, consumers, features);
    const checkpointMs = readCheckpoint(ctx, engine?.engine, checkpoint);

    if (!engine) ctx.missing(node, `store ${node.name} needs an 'engine' (dynamodb, aurora, spanner, cockroachdb, …)`);
    if (node.perCell && regions) {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `a per-cell store takes its regions from each cell; remove 'regions'`,
            regions,
            ctx.keywordRange(regions, 'regions'),
        );
    }
    if (node.perCell && cells.length === 0) {
        ctx.report(
            ProblemCodes.PerCellWithoutCells,
            'error',
            `store ${node.name} is declared 'per cell' but the design declares no cells`,
            node,
            ctx.keywordRange(node, 'cell'),
        );
    }
    if (!node.perCell && !regions) ctx.missing(node, `store ${node.name} needs 'regions' (or 'per cell')`);
    if (!holds)
        ctx.missing(
            node,
            `store ${node.name}: declare what it 'holds' (shared, per-user, per-tenant, reference) and its shape`,
        );
    reportRepeated(ctx, regions);
    const level = consistencyLevel?.level;
    if (level !== undefined && engine?.engine !== undefined && engine.engine !== 'cassandra') {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `'consistency-level' is Cassandra's per-request level; a ${engine.engine} store has none: remove it`,
            consistencyLevel!,
            ctx.keywordRange(consistencyLevel!, 'consistency-level'),
        );
    }
    const levelMode = level !== undefined ? CASSANDRA_LEVELS[level] : undefined;
    if (engine?.engine === 'cassandra' && levelMode && replication && replication.mode !== levelMode.value) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'error',
            `consistency-level ${level} makes replication ${levelMode.value} across datacenters ` +
                `(${levelMode.source}), but the store declares replication ${replication.mode}: declare one or the other`,
            consistencyLevel!,
            'level',
        );
    }

    const regionNames = unique(refNames(regions?.regions));
    const replicaCount = replicas
        ? ctx.quantity(replicas.count, 'count', { what: 'replicas', min: 1, integer: true })
        : undefined;

    let lagMs: number | undefined;
    let quorum: number | undefined;
    if (replication?.mode === 'async' && replication.lag)
        lagMs = ctx.quantity(replication.lag, 'duration', { what: 'replication lag', min: 0 });
    if (replication?.mode === 'consensus' && replication.quorum)
        quorum = ctx.quantity(replication.quorum, 'count', { what: 'quorum', min: 1, integer: true });

    let maxVersions: number | undefined;
    let maxLagMs: number | undefined;
    if (consistency?.level === 'bounded-staleness') {
        if (consistency.maxVersions)
            maxVersions = ctx.quantity(consistency.maxVersions, 'count', {
                what: 'bounded-staleness versions',
                min: 1,
                integer: true,
            });
        if (consistency.maxLag)
            maxLagMs = ctx.quantity(consistency.maxLag, 'duration', {
                what: 'bounded-staleness time',
                min: 0,
                above: true,
            });
        if (!consistency.maxVersions && !consistency.maxLag) {
            ctx.missing(
                consistency,
                `bounded-staleness needs its bounds: 'versions K' and/or 'time T'`,
                ctx.range(consistency),
            );
        }
    }

    return {
        name: node.name,
        perCell: node.perCell,
        engine: engine?.engine,
        regions: regionNames,
        replicas: replicaCount,
        witness: witness?.region?.ref?.name,
        holds: holds?.holds,
        shape: holds?.shape,
        writes: writes ? { policy: writes.policy, primary: writes.primary?.ref?.name } : undefined,
        replication: replication ? { mode: replication.mode, lagMs, quorum } : undefined,
        leader: leader?.region?.ref?.name,
        locality: locality?.locality,
        survive: survive?.goal,
        consistency: consistency ? { level: consistency.level, maxVersions, maxLagMs } : undefined,
        conflicts: conflicts
            ? { strategy: conflicts.strategy, crdt: conflicts.crdt as CrdtType | undefined }
            : undefined,
        cassandraLevel: level,
        invariants: invariants.map((i) => ({ kind: i.kind, field: i.field, range: ctx.range(i) })),
        residency: residency?.jurisdiction,
        features: unique((features?.features ?? []) as StoreFeature[]),
        ...backupFields(backup ? readBackup(ctx, backup, engine?.engine) : undefined),
        sizeBytes: size ? ctx.quantity(size.size, 'size', { what: 'size', min: 0 }) : undefined,
        catchUp: catchUp ? readCatchUp(ctx, catchUp) : undefined,
        caches: readCaches(ctx, node, cachesClause, engine?.engine),
        consumersIdempotent: consumers?.idempotent === true,
        ...(checkpointMs !== undefined ? { checkpointMs } : {}),
        objective: buildObjective(ctx, objective),
        source: ctx.source(node, {
            engine,
            regions,
            replicas,
            witness,
            holds,
            writes,
            replication,
            consistency,
            conflicts,
            residency,
            features,
            backup,
            backupTo: backup?.region ? ctx.propRange(backup, 'region') : undefined,
            pitr: backup?.pitr,
            restore: backup?.restore,
            size,
            catchUp,
            caches: cachesClause,
            consumers,
            checkpoint,
            objective,
            consistencyLevel,
            perCell: node.perCell ? ctx.keywordRange(node, 'per') : undefined,
            lag: replication?.lag,
            quorum: replication?.quorum,
            leader,
            locality,
            survive,
        }),
    };
}

function instantiate(
    ctx: BuildContext,
    node: ast.Store,
    decl: StoreDecl,
    regions: readonly string[],
    cell: CellM | undefined,
): StoreM {
    // Cassandra's replication across datacenters is what its consistency level makes of it (docs/facts.md#cassandra-multi-datacenter).
    const cassandraLevel: StoreM['cassandraLevel'] =
        decl.engine !== 'cassandra'
            ? undefined
            : decl.cassandraLevel !== undefined
              ? { level: decl.cassandraLevel, provenance: DECLARED }
              : {
                    level: CASSANDRA_DEFAULT_LEVEL.value,
                    provenance: defaultFrom(CASSANDRA_DEFAULT_LEVEL.source),
                };
    const engineFacts = withFeatureFacts(decl.engine ? ENGINES[decl.engine] : {}, decl.engine, decl.features);
    const facts = cassandraLevel
        ? { ...engineFacts, replication: CASSANDRA_LEVELS[cassandraLevel.level] }
        : engineFacts;
    const multiRegion = regions.length > 1;
    const where = cell ? ` (in cell ${cell.name})` : '';

    const replication = resolveReplication(decl, facts, multiRegion, () =>
        ctx.once(node, 'replication', () =>
            ctx.missing(
                node,
                `store ${decl.name}${where} spans ${regions.length} regions: declare its 'replication' (sync, async lag …, consensus)`,
            ),
        ),
    );
    if (replication.mode === 'async' && replication.lagMs === undefined && multiRegion) {
        ctx.once(node, 'lag', () =>
            ctx.missing(
                node,
                `async replication of ${decl.engine ?? 'this'} store needs 'lag' (e.g. 'replication async lag 1s'): the reference documents no default for it`,
                propRange(decl.source, 'replication'),
            ),
        );
    }

    if (decl.catchUp !== undefined && replication.mode !== 'async') {
        // Only an asynchronous stream keeps a backlog to drain; the simulation would ignore the rate silently.
        ctx.once(node, 'catch-up-inapplicable', () =>
            ctx.report(
                ProblemCodes.InapplicableProperty,
                'error',
                `'catch-up' applies to asynchronous replication ('replication async'); store ${decl.name}${where} replicates by ${replication.mode}`,
                node,
                propRange(decl.source, 'catchUp'),
            ),
        );
    }

    const replicas = decl.replicas ?? regions.length;
    const writesDecl = decl.writes?.policy === 'primary' ? decl.writes.primary : undefined;
    const consensus = resolveConsensus(
        ctx,
        node,
        { ...decl, writesPrimary: writesDecl },
        replication.mode,
        regions,
        where,
    );
    const voters =
        consensus?.survive !== undefined
            ? votersOf({ regions, replicas, witness: decl.witness, consensus }).length
            : replicas + (decl.witness ? 1 : 0);
    let quorum = replication.quorum;
    if (replication.mode === 'consensus') {
        if (quorum === undefined) quorum = Math.floor(voters / 2) + 1;
        else if (quorum > voters) {
            ctx.once(node, 'quorum', () =>
                ctx.report(
                    ProblemCodes.QuorumExceedsReplicas,
                    'error',
                    `quorum ${quorum} is larger than the ${voters} voting replicas${where}: no write can ever commit`,
                    node,
                    propRange(decl.source, 'quorum'),
                ),
            );
        } else if (quorum <= voters / 2) {
            ctx.once(node, 'quorum-minority', () =>
                ctx.report(
                    ProblemCodes.ValueOutOfRange,
                    'warning',
                    `quorum ${quorum} of ${voters} voters is not a majority${where}: two sides of a partition can both commit`,
                    node,
                    propRange(decl.source, 'quorum'),
                ),
            );
        }
    }

    const writes = resolveWrites(
        decl,
        facts,
        regions,
        () =>
            ctx.once(node, 'writes', () =>
                ctx.missing(
                    node,
                    `store ${decl.name}${where} spans ${regions.length} regions: declare who 'writes' (any-region, home-region, primary <region>)`,
                ),
            ),
        (primary) =>
            ctx.once(node, `primary${where}`, () =>
                ctx.report(
                    ProblemCodes.ValueOutOfRange,
                    'error',
                    `primary ${primary} is not one of the store's regions${where} (${regions.join(', ') || 'none'})`,
                    node,
                    propRange(decl.source, 'writes'),
                ),
            ),
    );
    const consistency = resolveConsistency(decl, facts, replication.mode, multiRegion, () =>
        ctx.once(node, 'consistency', () =>
            ctx.missing(
                node,
                `store ${decl.name}${where}: declare its 'consistency' (strong, bounded-staleness, session, consistent-prefix, eventual)`,
            ),
        ),
    );
    const conflicts = resolveConflicts(decl, facts, replication.mode, writes.policy, multiRegion, () =>
        ctx.once(node, 'conflicts', () =>
            ctx.missing(
                node,
                `store ${decl.name}${where} accepts writes in several regions: declare how 'conflicts' resolve (lww, crdt …, vector-clocks, consensus, reject)`,
            ),
        ),
    );

    return {
        kind: 'store',
        id: cell ? `${decl.name}@${cell.name}` : decl.name,
        name: decl.name,
        cell: cell?.name,
        engine: decl.engine,
        regions,
        replicas,
        witness: decl.witness,
        holds: decl.holds,
        shape: decl.shape,
        writes,
        replication: { ...replication, quorum },
        ...(consensus ? { consensus } : {}),
        consistency,
        conflicts,
        ...(cassandraLevel ? { cassandraLevel } : {}),
        invariants: decl.invariants,
        residency: decl.residency ?? cell?.residency,
        residencyProvenance: decl.residency
            ? DECLARED
            : cell?.residency
              ? { kind: 'derived', from: `cell ${cell.name}` }
              : undefined,
        features: decl.features,
        backupIntervalMs: decl.backupIntervalMs,
        ...(decl.backup ? { backup: decl.backup } : {}),
        sizeBytes: decl.sizeBytes,
        ...(decl.catchUp ? { catchUp: decl.catchUp } : {}),
        ...(decl.caches ? { caches: cachesInstance(decl.caches, cell) } : {}),
        consumersIdempotent: decl.consumersIdempotent,
        ...(decl.checkpointMs !== undefined ? { checkpointMs: decl.checkpointMs } : {}),
        objective: decl.objective,
        source: decl.source,
    };
}

type EngineFacts = (typeof ENGINES)[Engine];

function resolveReplication(
    decl: StoreDecl,
    facts: EngineFacts,
    multiRegion: boolean,
    onMissing: () => void,
): StoreM['replication'] {
    if (decl.replication) {
        const lagFromFacts =
            decl.replication.mode === 'async' && decl.replication.lagMs === undefined ? facts.asyncLagMs : undefined;
        const boundFromFacts = lagFromFacts ? facts.asyncLagBoundMs : undefined;
        return {
            mode: decl.replication.mode,
            lagMs: decl.replication.lagMs ?? lagFromFacts?.value,
            lagProvenance:
                decl.replication.lagMs !== undefined
                    ? DECLARED
                    : lagFromFacts
                      ? defaultFrom(lagFromFacts.source)
                      : undefined,
            ...(boundFromFacts ? { lagBound: { ms: boundFromFacts.value, source: boundFromFacts.source } } : {}),
            quorum: decl.replication.quorum,
            provenance: DECLARED,
        };
    }
    // An engine's default mode describes its copies in other regions: one region has none, whatever the engine,
    // unless a witness votes (its voters replicate by consensus though the data is in one region).
    const single = {
        mode: 'none',
        provenance: { kind: 'derived', from: 'a single region has nothing to replicate to' },
    } as const;
    if (!multiRegion && decl.witness === undefined) return single;
    if (facts.replication) {
        const async = facts.replication.value === 'async';
        const bound = async && facts.asyncLagMs ? facts.asyncLagBoundMs : undefined;
        return {
            mode: facts.replication.value,
            lagMs: async ? facts.asyncLagMs?.value : undefined,
            lagProvenance: async && facts.asyncLagMs ? defaultFrom(facts.asyncLagMs.source) : undefined,
            ...(bound ? { lagBound: { ms: bound.value, source: bound.source } } : {}),
            provenance: defaultFrom(facts.replication.source),
        };
    }
    if (!multiRegion) return single;
    onMissing();
    return { mode: 'none', provenance: { kind: 'derived', from: 'not declared' } };
}

function resolveWrites(
    decl: StoreDecl,
    facts: EngineFacts,
    regions: readonly string[],
    onMissing: () => void,
    onOutside: (primary: string) => void,
): StoreM['writes'] {
    if (decl.writes) {
        let primary = decl.writes.policy === 'primary' ? (decl.writes.primary ?? regions[0]) : undefined;
        if (primary !== undefined && !regions.includes(primary)) {
            onOutside(primary);
            primary = regions[0];
        }
        return { policy: decl.writes.policy, primary, provenance: DECLARED };
    }
    if (facts.writes) {
        const primary = facts.writes.value === 'primary' ? regions[0] : undefined;
        return { policy: facts.writes.value, primary, provenance: defaultFrom(facts.writes.source) };
    }
    if (regions.length <= 1)
        return { policy: 'primary', primary: regions[0], provenance: { kind: 'derived', from: 'single region' } };
    onMissing();
    return { policy: 'primary', primary: regions[0], provenance: { kind: 'derived', from: 'not declared' } };
}

function resolveConsistency(
    decl: StoreDecl,
    facts: EngineFacts,
    mode: ReplicationMode,
    multiRegion: boolean,
    onMissing: () => void,
): StoreM['consistency'] {
    if (decl.consistency) return { ...decl.consistency, provenance: DECLARED };
    if (facts.consistency) return { level: facts.consistency.value, provenance: defaultFrom(facts.consistency.source) };
    if (mode === 'consensus' || mode === 'sync')
        return { level: 'strong', provenance: { kind: 'derived', from: `${mode} replication` } };
    if (!multiRegion) return { level: 'strong', provenance: { kind: 'derived', from: 'a single copy' } };
    onMissing();
    return { level: 'eventual', provenance: { kind: 'derived', from: 'not declared' } };
}

function resolveConflicts(
    decl: StoreDecl,
    facts: EngineFacts,
    mode: ReplicationMode,
    policy: WritePolicy,
    multiRegion: boolean,
    onMissing: () => void,
): StoreM['conflicts'] {
    if (decl.conflicts) return { ...decl.conflicts, provenance: DECLARED };
    if (mode === 'consensus')
        return { strategy: 'consensus', provenance: { kind: 'derived', from: 'consensus replication' } };
    if (policy !== 'any-region')
        return {
            strategy: 'single-owner',
            provenance: { kind: 'derived', from: `${policy} writes have one writer per key` },
        };
    if (facts.conflicts) return { strategy: facts.conflicts.value, provenance: defaultFrom(facts.conflicts.source) };
    if (!multiRegion) return { strategy: 'single-owner', provenance: { kind: 'derived', from: 'single region' } };
    onMissing();
    return { strategy: 'lww', provenance: { kind: 'derived', from: 'not declared' } };
}

/** `catch-up 5000/s` (writes) or `catch-up 50MB/s` (bytes, turned into writes by the item size where simulated). */
function readCatchUp(ctx: BuildContext, clause: ast.CatchUpClause): CatchUpM | undefined {
    const written = typeof clause.rate?.text === 'string' ? splitQuantity(clause.rate.text) : undefined;
    const bounds = {
        what: 'catch-up rate (writes per second, e.g. 5000/s, or a throughput, e.g. 50MB/s)',
        min: 0,
        above: true,
    };
    if (written !== undefined && kindOf(written) === 'throughput') {
        const bytesPerS = ctx.quantity(clause.rate, 'throughput', bounds);
        return bytesPerS === undefined ? undefined : { bytesPerS };
    }
    const writesPerS = ctx.quantity(clause.rate, 'rate', bounds);
    return writesPerS === undefined ? undefined : { writesPerS };
}

/** The interval stays a field of its own: the RPO estimators read it without the rest of the clause. */
function backupFields(backup: BackupM | undefined): { backupIntervalMs?: number; backup?: BackupM } {
    return backup ? { backupIntervalMs: backup.intervalMs, backup } : {};
}
