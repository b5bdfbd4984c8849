// `expect drain <= 10m`: the longest heal → drained time over the heals of the stores a clause names (the same
// number as each store's `drain.drainMs`), "never" (+∞) when a backlog had not drained when the run ended. `in R`
// keeps the heals of the links into R: the replica that was behind and catches up.
import type { ExpectationM } from '../language/semantics/model.js';
import { factRef } from '../language/semantics/facts/citation.js';
import { formatCount, formatDuration } from '../format/quantities.js';
import type { RunState } from './engine/context.js';
import type { Measurement } from './expectations.js';

export function measureDrain(sim: RunState, stores: readonly number[], e: ExpectationM, scope: string): Measurement {
    const plan = sim.plan;
    const wanted = new Set(stores);
    let worst: { value: number; where: string; atMs: number } | undefined;
    let lowerBound = false;
    for (const link of sim.links) {
        if (!wanted.has(link.store.index)) continue;
        if (e.region !== undefined && plan.regions[link.to] !== e.region) continue;
        for (const h of link.heals) {
            // A heal cut again before it drained hands its backlog to the next heal, which is judged instead.
            if (h.outcome === 'cut-again') continue;
            const value = h.outcome === 'drained' && h.drainedAt >= 0 ? h.drainedAt - h.at : Infinity;
            if (worst !== undefined && value <= worst.value) continue;
            worst = {
                value,
                where: `for ${link.store.id} ${plan.regions[link.from]} → ${plan.regions[link.to]}, healed at ${formatDuration(h.at)} with ${formatCount(h.backlog)} writes waiting`,
                atMs: h.at,
            };
            lowerBound = !link.store.drain.declared;
        }
    }
    if (worst === undefined)
        return { value: 0, where: `(no heal${scope ? ` ${scope}` : ''} found a backlog)`, atMs: null };
    const bound = lowerBound
        ? ` — a lower bound: no catch-up is declared, so the backlog arrived at once (${factRef('catch-up-rate')})`
        : '';
    return { value: worst.value, where: `${worst.where}${bound}`, atMs: worst.atMs };
}
