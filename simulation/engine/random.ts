// Seeded randomness for the simulation: xoroshiro128+ from pure-rand (never Math.random), with the few
// distributions the engine draws from. Independent streams come from jumps of 2^64 steps, so the workload,
// the health-check phases and the key choices never shift each other's samples when a design changes.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class Random {
    private constructor(private readonly generator: JumpableRandomGenerator) {}

    static fromSeed(seed: number): Random {
        return new Random(xoroshiro128plus(seed | 0));
    }

    /** A new stream 2^64 draws further along: statistically independent of this one. */
    fork(): Random {
        const next = this.generator.clone();
        next.jump();
        this.generator.jump();
        this.generator.jump();
        return new Random(next);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    uniform(): number {
        return uniformFloat64(this.generator);
    }

    /**
     * Exponentially distributed with the given rate (per unit of the result): the gap between Poisson arrivals.
     * One 32-bit draw, centred in its interval so the logarithm never sees 0; the smallest gap it can produce is
     * 2^-33 of the mean's scale apart from the next, far below a millisecond at any rate the engine runs.
     */
    exponential(rate: number): number {
        return -Math.log(((this.generator.next() >>> 0) + 0.5) * 2.3283064365386963e-10) / rate;
    }

    /** One 32-bit draw, signed. */
    bits(): number {
        return this.generator.next();
    }

    /** Uniform in [0, 1) from one 32-bit draw: for Bernoulli choices, where 53 bits buy nothing. */
    chance(): number {
        return (this.generator.next() >>> 0) * 2.3283064365386963e-10;
    }

    /** Uniform integer in [0, n). */
    below(n: number): number {
        return Math.floor(uniformFloat64(this.generator) * n);
    }
}
