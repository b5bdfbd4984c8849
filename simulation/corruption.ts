// `at T corrupt <store>`: where the damage comes from, when it reaches each replica, the last clean restore
// point and the restore. A corruption is a write: replication carries it at its own speed (at once for sync and
// consensus, after the lag — the spike's, during one — for async, and only once a cut between the two regions
// has healed), so no replica is a clean copy; only a backup taken before T is (docs/facts.md#corruption-replicates).
// Worked out in closed form from the plan: the damage changes no availability the engine models.
import { lastCleanPoint, restoreTime, restoreTimeUnknown, rtoFor } from '../language/semantics/estimators/restore.js';
import { formatDuration } from '../format/quantities.js';
import { factRef } from '../language/semantics/facts/citation.js';
import type { Model } from '../language/semantics/model.js';
import type { FaultPlan, Plan, StorePlan } from './plan.js';
import { itemAt } from '../language/util/item-at.js';
import type { CorruptionReport } from './report.js';

type CorruptPlan = Extract<FaultPlan, { kind: 'corrupt' }>;

/** Where the damaging write is made: the primary, the consensus leader, or the first replica. */
function originOf(store: StorePlan): number {
    if (store.primary >= 0) return store.primary;
    if (store.leader >= 0) return store.leader;
    return itemAt(store.replicas, 0, `${store.id}'s replicas`);
}

/** Whether a fault keeps regions a and b apart: either down (or destroyed), or a partition between them. */
function cuts(f: FaultPlan, a: number, b: number): boolean {
    if (f.kind === 'outage' || f.kind === 'destroy') return f.region === a || f.region === b;
    if (f.kind === 'partition') return (f.a === a && f.b === b) || (f.a === b && f.b === a);
    return false;
}

/** The first moment at or after `t` when a and b can exchange data; Infinity when a destroy keeps them apart for good. */
function reconnectedAt(plan: Plan, a: number, b: number, t: number): number {
    let at = t;
    // Each pass moves past every cut in effect at `at`; cuts are finitely many, so this ends.
    for (let moved = true; moved;) {
        moved = false;
        for (const f of plan.faults) {
            if (!cuts(f, a, b) || !(f.at <= at && at < f.until)) continue;
            if (f.kind === 'destroy') return Infinity;
            at = f.until;
            moved = true;
        }
    }
    return at;
}

/** The lag a write sent at `t` replicates with: a spike's while one is in effect, else the store's. */
function lagAt(store: StorePlan, t: number): number {
    let lag = store.lagMs;
    for (const s of store.spikes) if (s.from <= t && t < s.to) lag = Math.max(lag, s.lagMs);
    return lag;
}

/** When the damage reaches replica region `to`: null when it never does (no replication, or a destroyed side). */
export function damageArrival(plan: Plan, store: StorePlan, origin: number, to: number, atMs: number): number | null {
    if (to === origin) return atMs;
    if (store.mode === 'none') return null;
    const sent = reconnectedAt(plan, origin, to, atMs);
    if (!Number.isFinite(sent)) return null;
    return store.mode === 'async' ? sent + lagAt(store, sent) : sent;
}

export function corruptionReports(model: Model, plan: Plan): CorruptionReport[] {
    const out: CorruptionReport[] = [];
    for (const f of plan.faults) {
        if (f.kind !== 'corrupt' || f.at >= plan.durationMs) continue;
        for (const index of f.stores) out.push(reportFor(model, plan, f, itemAt(plan.stores, index, 'store')));
    }
    return out;
}

function reportFor(model: Model, plan: Plan, f: CorruptPlan, store: StorePlan): CorruptionReport {
    const s = store.model;
    const origin = originOf(store);
    const replicas = store.replicas.map((r) => ({
        region: itemAt(plan.regions, r, 'region'),
        damagedAtMs: damageArrival(plan, store, origin, r, f.at),
    }));
    const point = lastCleanPoint(s, f.at);
    const restore = restoreTime(s);
    const rto = rtoFor(model, s);
    const notes: string[] = [];
    if (point === undefined)
        notes.push(
            `store ${s.name} has no backup: the damage reaches every replica and no clean copy is left to restore (${factRef('corruption-replicates')})`,
        );
    if (restore.ms === undefined) notes.push(restoreTimeUnknown(s, restore.missing));
    return {
        fault: f.index,
        store: s.id,
        label: f.label,
        atMs: f.at,
        origin: itemAt(plan.regions, origin, 'region'),
        replicas,
        restorePoint:
            point === undefined
                ? null
                : {
                      kind: point.kind,
                      atMs: point.atMs,
                      lostWindowMs: point.lostMs,
                      lostWindowBoundMs: point.boundMs,
                      backupRegion: s.backup?.region ?? null,
                      immutable: s.backup?.immutable ?? false,
                  },
        restore: {
            sizeBytes: restore.sizeBytes ?? null,
            throughputBytesPerS: restore.bytesPerS ?? null,
            durationMs: point !== undefined ? (restore.ms ?? null) : null,
            restoredAtMs: point !== undefined && restore.ms !== undefined ? f.at + restore.ms : null,
        },
        rto:
            rto === undefined
                ? null
                : {
                      objectiveMs: rto.ms,
                      from: rto.from,
                      met:
                          point !== undefined && restore.ms !== undefined
                              ? restore.ms <= rto.ms
                              : point === undefined
                                ? false
                                : null,
                  },
        notes,
    };
}

export interface CorruptionEvent {
    readonly atMs: number;
    readonly kind: 'corruption-reached' | 'corruption-restored';
    readonly text: string;
    readonly target: string;
    readonly region: number | null;
}

/** The timeline of one corruption: the damage reaching each other replica, and the end of the restore (an estimate). */
export function corruptionEvents(plan: Plan, f: CorruptPlan): CorruptionEvent[] {
    const events: CorruptionEvent[] = [];
    for (const index of f.stores) {
        const store = itemAt(plan.stores, index, 'store');
        const origin = originOf(store);

        for (const r of store.replicas) {
            if (r === origin) continue;
            const at = damageArrival(plan, store, origin, r, f.at);
            if (at === null) continue;
            events.push({
                atMs: at,
                kind: 'corruption-reached',
                text: `the corruption of ${store.id} reaches its replica in ${plan.regions[r]}`,
                target: store.id,
                region: r,
            });
        }
        const point = lastCleanPoint(store.model, f.at);
        const restore = restoreTime(store.model);
        if (point !== undefined && restore.ms !== undefined) {
            events.push({
                atMs: f.at + restore.ms,
                kind: 'corruption-restored',
                text: `${store.id} restored to ${formatDuration(Math.max(0, f.at - point.atMs))} before the corruption, if the restore started at once (${restore.from}, an estimate)`,
                target: store.id,
                region: null,
            });
        }
    }
    return events;
}
