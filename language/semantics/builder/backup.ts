// The `backup` clause of a store: interval, where the backups are kept, lock, point-in-time window and restore
// throughput. A PITR window longer than the engine offers is an error at the value (docs/facts.md#pitr-retention).
import type * as ast from '../../generated/ast.js';
import { PITR_MAX_MS } from '../facts/defaults.js';
import type { BackupM, Engine } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import { formatDuration } from '../../../format/quantities.js';
import type { BuildContext } from './context.js';

export function readBackup(
    ctx: BuildContext,
    clause: ast.BackupClause,
    engine: Engine | undefined,
): BackupM | undefined {
    const intervalMs = ctx.quantity(clause.interval, 'duration', { what: 'backup interval', min: 0, above: true });
    const pitrMs = clause.pitr
        ? ctx.quantity(clause.pitr, 'duration', { what: 'point-in-time recovery window', min: 0, above: true })
        : undefined;
    const restoreBytesPerS = clause.restore
        ? ctx.quantity(clause.restore, 'throughput', { what: 'restore throughput', min: 0, above: true })
        : undefined;
    const max = engine !== undefined ? PITR_MAX_MS[engine] : undefined;
    if (pitrMs !== undefined && max !== undefined && pitrMs > max.value) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'error',
            `a ${engine} store keeps at most ${formatDuration(max.value)} of point-in-time recovery, not ${formatDuration(pitrMs)} (${max.source})`,
            clause.pitr!,
        );
    }
    if (intervalMs === undefined) return undefined;
    return {
        intervalMs,
        ...(clause.region?.ref ? { region: clause.region.ref.name } : {}),
        immutable: clause.immutable,
        ...(pitrMs !== undefined ? { pitrMs } : {}),
        ...(restoreBytesPerS !== undefined ? { restoreBytesPerS } : {}),
    };
}
