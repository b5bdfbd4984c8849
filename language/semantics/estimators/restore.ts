// Restoring a store from its backup after a corruption: how long it takes (size ÷ declared restore throughput,
// an estimate — docs/facts.md#restore-throughput), which restore point is the last clean one and the recovery
// time objective that applies. The rules and the simulation read these; nothing here is a vendor default.
import { factRef } from '../facts/citation.js';
import type { Model, StoreM } from '../model.js';
import { servicesOn } from '../model-index.js';
import { formatBytes, formatDuration } from '../../../format/quantities.js';

/** PITR restores to a chosen second (docs/facts.md#pitr-retention): the last clean point is one second before. */
export const PITR_STEP_MS = 1_000;

export interface RestoreTime {
    /** size ÷ throughput, ms (rounded up); absent when either is not declared. */
    readonly ms?: number;
    readonly sizeBytes?: number;
    readonly bytesPerS?: number;
    /** "5 TB ÷ 500 MB/s", when worked out. */
    readonly from?: string;
    /** What to declare when it cannot be worked out, e.g. `'size'` and `'backup … restore <throughput>'`. */
    readonly missing: readonly string[];
}

export function restoreTime(store: StoreM): RestoreTime {
    const sizeBytes = store.sizeBytes;
    const bytesPerS = store.backup?.restoreBytesPerS;
    const missing = [
        ...(sizeBytes === undefined ? [`'size'`] : []),
        ...(bytesPerS === undefined ? [`'restore <throughput>' on its backup`] : []),
    ];
    if (sizeBytes === undefined || bytesPerS === undefined) return { sizeBytes, bytesPerS, missing };
    return {
        ms: Math.ceil((sizeBytes / bytesPerS) * 1_000),
        sizeBytes,
        bytesPerS,
        from: `${formatBytes(sizeBytes)} ÷ ${formatBytes(bytesPerS)}/s`,
        missing,
    };
}

/** The sentence every surface uses when the restore time cannot be worked out. */
export function restoreTimeUnknown(store: StoreM, missing: readonly string[]): string {
    return (
        `the restore time of ${store.name} is size ÷ restore throughput, and no vendor documents a restore throughput ` +
        `(${factRef('restore-throughput')}): declare ${missing.join(' and ')}`
    );
}

export interface LastCleanPoint {
    readonly kind: 'pitr' | 'backup';
    /** ms from the scenario start (negative when before it). */
    readonly atMs: number;
    /** Data written between the restore point and the corruption, ms. */
    readonly lostMs: number;
    /** The most it can be: the PITR step, or the backup interval. */
    readonly boundMs: number;
}

/**
 * The last restore point taken before a corruption at `atMs`: with PITR one step before it; with backups every B
 * (taken at 0, B, 2B, … of the scenario clock, and before it), the last one strictly before `atMs` — a backup at
 * the very moment of the corruption may already hold it. Undefined without a backup.
 */
export function lastCleanPoint(store: StoreM, atMs: number): LastCleanPoint | undefined {
    const backup = store.backup;
    if (backup === undefined) return undefined;
    if (backup.pitrMs !== undefined)
        return { kind: 'pitr', atMs: atMs - PITR_STEP_MS, lostMs: PITR_STEP_MS, boundMs: PITR_STEP_MS };
    const B = backup.intervalMs;
    const last = B * (Math.ceil(atMs / B) - 1);
    return { kind: 'backup', atMs: last, lostMs: atMs - last, boundMs: B };
}

export interface RtoFor {
    readonly ms: number;
    /** "store orders" or "service checkout". */
    readonly from: string;
}

/** The RTO a restore of `store` must meet: its own, else the tightest of the services that use or read it. */
export function rtoFor(model: Model, store: StoreM): RtoFor | undefined {
    if (store.objective?.rtoMs !== undefined) return { ms: store.objective.rtoMs, from: `store ${store.name}` };
    let best: RtoFor | undefined;
    for (const s of servicesOn(model, store.id, { dependsOn: false })) {
        const rto = s.objective?.rtoMs;
        if (rto === undefined) continue;
        if (best === undefined || rto < best.ms) best = { ms: rto, from: `service ${s.name}` };
    }
    return best;
}

export function describeRestore(t: RestoreTime): string {
    return t.ms !== undefined
        ? `${formatDuration(t.ms)} (${t.from}, an estimate: ${factRef('restore-throughput')})`
        : 'unknown';
}
