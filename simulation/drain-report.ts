// The drain part of a store's report: each heal's backlog and how it drained (drain.ts), and the store's heals
// together — backlog peak, longest drain, the stale-read share meanwhile and the egress burst of the drained
// writes, priced like the editor's egress estimate (docs/facts.md#aws-inter-region-transfer-price).
import { itemAt } from '../language/util/item-at.js';
import { egressPrice } from '../language/semantics/estimators/egress.js';
import type { RunState } from './engine/context.js';
import type { Heal, Link } from './replication.js';
import type { DrainReport, HealReport, StoreReport } from './report.js';
import { factRef } from '../language/semantics/facts/citation.js';
import { formatCount } from '../format/quantities.js';

const OUTCOME_RANK: Readonly<Record<HealReport['outcome'], number>> = {
    drained: 0,
    'cut-again': 1,
    unfinished: 2,
    'never-drains': 3,
};

export function healReport(sim: RunState, link: Link, h: Heal): HealReport {
    const drained = h.outcome === 'drained' && h.drainedAt >= 0;
    const itemBytes = link.store.drain.itemBytes;
    const egressBytes = itemBytes === undefined ? null : round(h.drainedWrites * itemBytes, 0);
    const price =
        egressBytes === null
            ? undefined
            : egressPrice(
                  sim.plan.model,
                  itemAt(sim.plan.regions, link.from, 'region'),
                  itemAt(sim.plan.regions, link.to, 'region'),
              );
    return {
        cutAtMs: h.cutAt,
        atMs: h.at,
        backlogWrites: round(h.backlog, 3),
        drainedAtMs: drained ? round(h.drainedAt, 3) : null,
        drainMs: drained ? round(h.drainedAt - h.at, 3) : null,
        outcome: h.outcome === 'draining' ? 'unfinished' : h.outcome,
        drainedWrites: round(h.drainedWrites, 3),
        egressBytes,
        egressUsd: price === undefined || egressBytes === null ? null : round((egressBytes / 1e9) * price.usdPerGB, 6),
    };
}

/** The store's heals together; null when no heal found a backlog. */
export function drainReport(
    sim: RunState,
    store: number,
    heals: readonly HealReport[],
    staleReadShare: number | null,
): DrainReport | null {
    if (heals.length === 0) return null;
    const drain = itemAt(sim.plan.stores, store, 'store').drain;

    let peak = 0;
    let longest = 0;
    let worst: HealReport['outcome'] = 'drained';
    let bytes: number | null = 0;
    let usd: number | null = 0;
    for (const h of heals) {
        if (h.backlogWrites > peak) peak = h.backlogWrites;
        if (h.drainMs !== null && h.drainMs > longest) longest = h.drainMs;
        if (OUTCOME_RANK[h.outcome] > OUTCOME_RANK[worst]) worst = h.outcome;
        bytes = bytes === null || h.egressBytes === null ? null : bytes + h.egressBytes;
        usd = usd === null || h.egressUsd === null ? null : usd + h.egressUsd;
    }
    return {
        catchUpWritesPerS: drain.declared ? round(drain.catchUpPerS, 6) : null,
        drainTime: drain.declared ? 'simulated' : 'lower-bound',
        heals: heals.length,
        backlogPeakWrites: peak,
        // A cut that came before the drain ended leaves the longest drain unknown only if it never completed.
        drainMs: worst === 'unfinished' || worst === 'never-drains' ? null : longest,
        outcome: worst,
        staleReadShare,
        egressBytes: bytes,
        egressUsd: usd === null ? null : round(usd, 6),
    };
}

/** One note per store whose declared catch-up cannot keep up: the backlog grows instead of draining. */
export function drainNotes(stores: readonly StoreReport[]): string[] {
    return stores
        .filter((s) => s.drain?.outcome === 'never-drains')
        .map(
            (s) =>
                `${s.id}: a healed backlog never drains: its catch-up of ${formatCount(s.drain!.catchUpWritesPerS ?? 0)} writes/s is not above the writes arriving meanwhile, so the replica falls further behind (${factRef('catch-up-rate')}); declare the rate its replication really reaches`,
        );
}

function round(n: number, digits: number): number {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}
