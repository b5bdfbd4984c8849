// How far users have moved over a DNS transition: ordinary clients follow within the TTL, linearly; a declared
// resolver tail follows at its own delay. Read by the writes (which slot a write uses), the reads (their flow's
// slope) and availability (the share served).
import type { Transition } from '../runtime.js';

/** Rate (per ms) at which users move to the new destination just after `t`: 1/TTL of the ordinary clients. */
export function movedSlope(tr: Transition, t: number): number {
    const elapsed = t - tr.start;
    if (elapsed < 0 || tr.ttlMs <= 0 || elapsed >= tr.ttlMs || t >= tr.end) return 0;
    return (1 - (tr.tailShare > 0 ? tr.tailShare : 0)) / tr.ttlMs;
}

/** Share of users that have moved to the new destination `t` ms into a DNS transition. */
export function movedFraction(tr: Transition, t: number): number {
    if (t >= tr.end) return 1;
    const elapsed = t - tr.start;
    if (elapsed <= 0) return 0;
    const ordinary = tr.ttlMs > 0 ? Math.min(1, elapsed / tr.ttlMs) : 1;
    const tail = tr.tailShare > 0 ? tr.tailShare : 0;
    return (1 - tail) * ordinary + (elapsed >= tr.ttlMs + tr.tailMs ? tail : 0);
}
