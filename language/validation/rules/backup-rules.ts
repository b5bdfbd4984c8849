// Backups against corruption and region loss. A corruption is a write: it reaches every replica within one
// replication delay (docs/facts.md#corruption-replicates), so only a backup outside the replication path is a
// clean copy; a backup kept in the only region of the data is lost with it; and a restore takes size ÷ restore
// throughput (docs/facts.md#restore-throughput), which must fit in the RTO.
import { restoreTime, restoreTimeUnknown, rtoFor } from '../../semantics/estimators/restore.js';
import { factRef } from '../../semantics/facts/citation.js';
import type { Model, StoreM } from '../../semantics/model.js';
import { scenariosCorrupting, writersOf } from '../../semantics/model-index.js';
import { formatDuration } from '../../../format/quantities.js';
import { at } from './helpers.js';
import type { Rule } from './rule.js';

/** The RPO objective a store's data is held to: its own, else the tightest of the services using it. */
function rpoFor(model: Model, store: StoreM): { ms: number; from: string } | undefined {
    if (store.objective?.rpoMs !== undefined) return { ms: store.objective.rpoMs, from: `its RPO objective` };
    let best: { ms: number; from: string } | undefined;
    for (const s of writersOf(model, store.id)) {
        const rpo = s.objective?.rpoMs;
        if (rpo === undefined) continue;
        if (best === undefined || rpo < best.ms) best = { ms: rpo, from: `the RPO objective of service ${s.name}` };
    }
    return best;
}

/** The first scenario that corrupts the store. */
function corruptedIn(model: Model, store: StoreM): string | undefined {
    return scenariosCorrupting(model, store.name)[0]?.name;
}

/** How fast a corruption reaches the other replicas, in words. */
function spread(store: StoreM): string {
    const others = new Set(store.regions).size - 1;
    if (others <= 0 || store.replication.mode === 'none') return 'it is written where the only copy is';
    const copies = `${others} other replica${others === 1 ? '' : 's'}`;
    if (store.replication.mode !== 'async') return `it reaches its ${copies} as it commits (0 s)`;
    const lag = store.replication.lagMs;
    return `it reaches its ${copies} within ${lag !== undefined ? formatDuration(lag) : 'one replication lag'}`;
}

const noBackup: Rule = {
    code: 'no-backup',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            if (store.backup !== undefined || store.engine === 'memcached') continue;
            const rpo = rpoFor(model, store);
            const scenario = corruptedIn(model, store);
            if (rpo === undefined && scenario === undefined) continue;
            const why =
                rpo !== undefined
                    ? `${rpo.from} of ${formatDuration(rpo.ms)} holds for a region loss, not for a corruption`
                    : `scenario ${scenario} corrupts it and nothing older is left to restore`;
            report({
                ...at(store.source, 'replication', 'engine'),
                cell: store.cell,
                key: store.name,
                message:
                    `store ${store.name} keeps no backup: a corruption replicates like any write — ${spread(store)} — ` +
                    `so no clean copy is left and ${why} (${factRef('corruption-replicates')}). ` +
                    `Declare 'backup every <interval>' in another region, with 'pitr' where the engine offers it`,
            });
        }
    },
};

const backupSameRegion: Rule = {
    code: 'backup-same-region',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            const backup = store.backup;
            const regions = [...new Set(store.regions)];
            if (backup?.region === undefined || regions.length !== 1 || backup.region !== regions[0]) continue;
            report({
                ...at(store.source, 'backupTo', 'backup'),
                cell: store.cell,
                key: store.name,
                message:
                    `store ${store.name} keeps its only replica and its backups (every ${formatDuration(backup.intervalMs)}) in ${backup.region}: ` +
                    `losing the region loses both, so the backups bound no region loss. Keep them in another region`,
            });
        }
    },
};

const restoreExceedsRto: Rule = {
    code: 'restore-exceeds-rto',
    check({ model, report }) {
        for (const store of model.stores.values()) {
            if (store.backup === undefined) continue;
            const rto = rtoFor(model, store);
            if (rto === undefined) continue;
            const restore = restoreTime(store);
            const place = { cell: store.cell, key: store.name };
            if (restore.ms === undefined) {
                // Where the missing throughput belongs: the backup clause.
                report({
                    ...place,
                    ...at(store.source, 'backup'),
                    severity: 'info',
                    message: `the RTO of ${rto.from} is ${formatDuration(rto.ms)}, and after a corruption ${restoreTimeUnknown(store, restore.missing)} to have it checked`,
                });
                continue;
            }
            if (restore.ms <= rto.ms) continue;
            report({
                ...place,
                ...at(store.source, 'restore', 'backup'),
                message:
                    `restoring ${store.name} from its backup takes about ${formatDuration(restore.ms)} (${restore.from}, an estimate: ${factRef('restore-throughput')}), ` +
                    `longer than the ${formatDuration(rto.ms)} RTO of ${rto.from}: after a corruption, which every replica shares, the restore alone misses it`,
            });
        }
    },
};

export const backupRules = { noBackup, backupSameRegion, restoreExceedsRto };
