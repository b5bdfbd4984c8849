// The seeds of a sweep, derived from one base seed (the scenario's own, or --seed): the first is the base
// itself, so `--seeds 1` is exactly the single run; seed k ≥ 1 is fmix32(base + k × 0x9E3779B9), MurmurHash3's
// 32-bit finalizer over a Weyl sequence. The finalizer scatters neighbouring inputs across all 32 bits, so the
// generator never starts from near-identical states (xoroshiro128+'s first draws are correlated when seeds
// differ only in low bits). A value already in the list is skipped, so the N seeds are distinct.
import { formatCount } from '../format/quantities.js';

/** Largest N a sweep accepts: `--seeds` and the editor's input both refuse more. */
export const MAX_SWEEP_SEEDS = 10_000;

const GOLDEN = 0x9e3779b9;

/** The rule below, as the sweep report states it. */
export const SEED_DERIVATION =
    "run 0 uses the base seed; run k (k = 1 … N − 1) uses fmix32((base + k × 0x9E3779B9) mod 2^32), MurmurHash3's 32-bit finalizer, skipping a value already used";

export function sweepSeeds(base: number, count: number): number[] {
    const seeds = [base >>> 0];
    const seen = new Set(seeds);
    for (let k = 1; seeds.length < count; k++) {
        const seed = fmix32((base + Math.imul(k, GOLDEN)) >>> 0);
        if (seen.has(seed)) continue;
        seen.add(seed);
        seeds.push(seed);
    }
    return seeds;
}

/** MurmurHash3's finalizer: a bijection on 32-bit integers with full avalanche. */
export function fmix32(h: number): number {
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

/** Why `n` is not a seed count, or undefined when it is one (a whole number from 1 to MAX_SWEEP_SEEDS). */
export function seedCountProblem(n: number): string | undefined {
    if (Number.isSafeInteger(n) && n >= 1 && n <= MAX_SWEEP_SEEDS) return undefined;
    return `the number of seeds must be a whole number from 1 to ${formatCount(MAX_SWEEP_SEEDS)}, got ${n}`;
}
