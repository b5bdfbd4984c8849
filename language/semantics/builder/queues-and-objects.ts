// Clauses that only queues, streams or object stores take: `consumers idempotent` (Kafka, Kinesis, SQS) and
// `features turbo-replication` (Cloud Storage dual-region buckets), and the engine facts the feature changes.
import * as ast from '../../generated/ast.js';
import type { EngineFacts } from '../facts/defaults.js';
import { GCS, QUEUE_ENGINES } from '../facts/messaging-and-objects.js';
import { factRef } from '../facts/citation.js';
import type { Engine, StoreFeature } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import type { BuildContext } from './context.js';

const TURBO: StoreFeature = 'turbo-replication';

/** A clause that does not apply to the store's engine is an error on its keyword, never silently ignored. */
export function readQueueAndObjectClauses(
    ctx: BuildContext,
    node: ast.Store,
    engine: Engine | undefined,
    consumers: ast.ConsumersClause | undefined,
    features: ast.FeaturesClause | undefined,
): void {
    if (consumers && engine !== undefined && !QUEUE_ENGINES.has(engine)) {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `'consumers' describes the consumers of a queue or stream (kafka, kinesis, sqs); a ${engine} store has none: remove it`,
            consumers,
            ctx.keywordRange(consumers, 'consumers'),
        );
    }
    const turboAt = features?.features.indexOf(TURBO) ?? -1;
    if (!features || turboAt < 0 || engine === undefined) return;
    if (engine !== 'gcs') {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `turbo replication is a Cloud Storage dual-region feature (${factRef('gcs-turbo-replication')}); a ${engine} store has none: remove it`,
            features,
            ctx.propRangeAt(features, 'features', turboAt),
        );
        return;
    }
    const regions = node.clauses.find(ast.isRegionsClause)?.regions.length;
    if (regions !== undefined && regions !== 2) {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `turbo replication applies only to dual-region buckets, and this bucket has ${regions} region${regions === 1 ? '' : 's'} (${factRef('gcs-turbo-replication')})`,
            features,
            ctx.propRangeAt(features, 'features', turboAt),
        );
    }
}

/** `checkpoint every <duration>`: Kafka MirrorMaker 2 only (docs/facts.md#kafka-mirrormaker2); ms, or undefined. */
export function readCheckpoint(
    ctx: BuildContext,
    engine: Engine | undefined,
    clause: ast.CheckpointClause | undefined,
): number | undefined {
    if (!clause) return undefined;
    if (engine !== undefined && engine !== 'kafka') {
        ctx.report(
            ProblemCodes.InapplicableProperty,
            'error',
            `'checkpoint' is the interval of Kafka MirrorMaker 2's consumer-offset checkpoints (${factRef('kafka-mirrormaker2')}); a ${engine} store has none: remove it`,
            clause,
            ctx.keywordRange(clause, 'checkpoint'),
        );
        return undefined;
    }
    return ctx.quantity(clause.interval, 'duration', { what: 'checkpoint interval', min: 0, above: true });
}

/**
 * The engine's facts as the declared features change them: turbo replication bounds a dual-region bucket's lag at
 * its 15-minute RPO, and no typical figure is documented, so the bound is the typical lag too.
 */
export function withFeatureFacts(
    facts: EngineFacts,
    engine: Engine | undefined,
    features: readonly StoreFeature[],
): EngineFacts {
    if (engine !== 'gcs' || !features.includes(TURBO)) return facts;
    return { ...facts, asyncLagMs: GCS.turboRpoMs, asyncLagBoundMs: GCS.turboRpoMs };
}
