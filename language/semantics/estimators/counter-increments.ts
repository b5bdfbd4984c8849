// Increments a counter loses under last-writer-wins, per shared key and second. Every write reads its region's
// newest version and writes value + 1 with its own timestamp, so the converged value is the length of the
// newest write's chain of parents; increments lost = writes − that chain's length per unit of time.
//
// Derivation (writes from region r: Poisson, rate μᵣ per key; a version written in s reaches r after wₛᵣ). A write
// in r at t read the newer of r's own previous write (t − X, X ~ Exp(μᵣ)) and each other region's newest write
// it had received (t − wₛᵣ − Yₛ, Yₛ ~ Exp(μₛ)). Walking the chain backwards from the newest write, each step goes
// to the latest of those candidates. By the memorylessness of Poisson processes the next step depends only on
// the region the walk is in, so the walk is a Markov chain over regions with
//   step length  Tᵣ = min(X, minₛ (wₛᵣ + Yₛ)),   E[Tᵣ] = ∫₀^∞ P(Tᵣ > u) du
//   P(r → s)     = μₛ ∫_{wₛᵣ}^∞ P(Tᵣ > u) du     (and μᵣ ∫₀^∞ … to stay)
// and the chain advances one write per step: chain writes per second = 1 ÷ Σᵣ πᵣ E[Tᵣ] (π: the stationary
// distribution). The argument is exact for two writing regions (every delay is the same w); with three or more
// and unequal delays what the walk learned about a region can reach past the next query point, so it is an
// approximation — test/estimators/counter-increments.test.ts measures both against an independent Monte Carlo.
// Two equal regions (μ each, window w) give the closed form 2μ − μ ÷ (1 − e^{−μw}/2); for μw ≪ 1 it is ≈ 2μ²w,
// the overwritten-write count, which grows far more slowly when writes are frequent.

/** Beyond this many writing regions the stationary distribution (a dense reduction, n³) is not computed. */
export const MAX_COUNTER_WRITERS = 64;

/**
 * Expected increments lost per second on one key. `rates[i]` is region i's write rate on the key (per s);
 * `windowS(from, to)` the delay in s before a version written in `from` is visible in `to`. Regions that do not
 * write are left out by the caller. Undefined beyond {@link MAX_COUNTER_WRITERS} writers.
 */
export function incrementsLostPerSecond(
    rates: readonly number[],
    windowS: (from: number, to: number) => number,
): number | undefined {
    const writers = rates.flatMap((rate, region) => (rate > 0 ? [{ region, rate }] : []));
    if (writers.length < 2) return 0;
    if (writers.length > MAX_COUNTER_WRITERS) return undefined;
    const steps = writers.map((self) => backwardStep(self.region, writers, windowS));
    const pi = stationary(steps.map((s) => s.logNext));
    const meanStep = steps.reduce((sum, step, i) => sum + (pi[i] ?? 0) * step.meanS, 0);
    const total = writers.reduce((sum, w) => sum + w.rate, 0);
    return Math.max(0, total - 1 / meanStep);
}

interface Step {
    /** E[Tᵣ], s. */
    readonly meanS: number;
    /** ln P(r → writer i), in the order of the writers: kept as logarithms because with long windows and busy
     *  regions the walk changes region with probabilities far below the smallest double (e^{−μw}, μw > 745). */
    readonly logNext: readonly number[];
}

/** The walk's step from a write in `self`: its mean length and where it goes. */
function backwardStep(
    self: number,
    writers: readonly { readonly region: number; readonly rate: number }[],
    windowS: (from: number, to: number) => number,
): Step {
    // Candidate i becomes possible at its shift (0 for the own region) and then arrives at its rate; P(T > u) is
    // exp(−Σ active rates × time since each activated), integrated piece by piece between shifts.
    const candidates = writers
        .map((w, index) => ({ index, rate: w.rate, shiftS: w.region === self ? 0 : windowS(w.region, self) }))
        .sort((a, b) => a.shiftS - b.shiftS);
    const logPieces: number[] = [];
    let logSurvival = 0;
    let activeRate = 0;
    candidates.forEach((c, k) => {
        activeRate += c.rate;
        const length = (candidates[k + 1]?.shiftS ?? Infinity) - c.shiftS;
        const share = length === Infinity ? 0 : Math.log(-Math.expm1(-activeRate * length));
        logPieces.push(logSurvival + share - Math.log(activeRate));
        if (length !== Infinity) logSurvival -= activeRate * length;
    });
    const logNext = new Array<number>(writers.length).fill(-Infinity);
    let logFromHere = -Infinity;
    for (let k = candidates.length - 1; k >= 0; k--) {
        logFromHere = logAdd(logFromHere, logPieces[k] ?? -Infinity);
        const c = candidates[k];
        if (c !== undefined) logNext[c.index] = Math.log(c.rate) + logFromHere;
    }
    return { meanS: Math.exp(logFromHere), logNext };
}

/** ln(eˣ + eʸ) without overflow or underflow. */
function logAdd(x: number, y: number): number {
    const hi = Math.max(x, y);
    if (hi === -Infinity) return -Infinity;
    return hi + Math.log1p(Math.exp(Math.min(x, y) - hi));
}

/**
 * Stationary distribution of the walk from ln P, by state reduction (Grassmann, Taksar and Heyman, 1985): only
 * sums and products of non-negative numbers, so no cancellation however rarely the walk changes region, carried
 * out on logarithms so that such rare changes do not underflow.
 */
function stationary(logP: readonly (readonly number[])[]): number[] {
    const n = logP.length;
    const q = logP.map((row) => [...row]);
    const at = (i: number, j: number) => q[i]?.[j] ?? -Infinity;
    for (let k = n - 1; k > 0; k--) {
        let logOut = -Infinity;
        for (let j = 0; j < k; j++) logOut = logAdd(logOut, at(k, j));
        for (let i = 0; i < k; i++) {
            const row = q[i];
            if (row === undefined) continue;
            const viaK = at(i, k) - logOut;
            row[k] = viaK;
            for (let j = 0; j < k; j++) row[j] = logAdd(at(i, j), viaK + at(k, j));
        }
    }
    const logPi = [0];
    for (let k = 1; k < n; k++) {
        let sum = -Infinity;
        for (let i = 0; i < k; i++) sum = logAdd(sum, (logPi[i] ?? -Infinity) + at(i, k));
        logPi.push(sum);
    }
    const top = Math.max(...logPi);
    const weights = logPi.map((x) => Math.exp(x - top));
    const total = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => w / total);
}
