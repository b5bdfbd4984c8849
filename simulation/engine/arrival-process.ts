// The write streams' arrivals as one Poisson process: the superposition of independent Poisson streams is a
// Poisson process of their summed rate, and each of its arrivals belongs to stream i with probability
// rateᵢ ÷ total, independently of the others. One process instead of one per stream keeps arrivals out of the
// event queue: the core compares the next arrival with the queue's head. A stream's writes to shared keys are
// a thinning of it (a share of its arrivals), drawn from the same uniform: the position of the draw inside
// the stream's interval is itself uniform, so "shared" takes no second draw.
import { itemAt } from '../../language/util/item-at.js';
import type { Plan } from '../plan.js';
import type { Random } from './random.js';
import { float64At } from '../typed-at.js';
import { standardExponential } from './exponential-ziggurat.js';

export class ArrivalProcess {
    /** Time of the next arrival, ms; +∞ when no stream writes. */
    next = Infinity;
    /** The stream of the arrival just taken, and whether it writes a shared key. */
    stream = 0;
    shared = false;
    private readonly totalRate: number;
    /** Per stream, the upper end of its part of [0, 1); the last is +∞ so rounding never runs past it. */
    private readonly upper: Float64Array;
    /** Per stream, the draws below which its arrival writes a shared key (its lower end when it shares none). */
    private readonly sharedBelow: Float64Array;
    /** One stream and no shared keys: an arrival needs no choice drawn. */
    private readonly drawsChoice: boolean;

    /**
     * @param rates per stream, arrivals per ms (0: the stream never writes)
     * @param sharedShares per stream, the share of its writes that go to shared keys
     */
    constructor(
        rates: Float64Array,
        sharedShares: Float64Array,
        private readonly random: Random,
    ) {
        const n = rates.length;
        let total = 0;
        for (const r of rates) total += r;
        this.totalRate = total;
        this.upper = new Float64Array(n);
        this.sharedBelow = new Float64Array(n);
        let low = 0;
        let sum = 0;
        for (let i = 0; i < n; i++) {
            sum += float64At(rates, i, 'stream rates');
            const high = i === n - 1 ? Infinity : sum / total;
            this.upper[i] = high;
            this.sharedBelow[i] = low + (sharedShares[i] ?? 0) * ((i === n - 1 ? 1 : high) - low);
            low = high;
        }
        this.drawsChoice = n > 1 || (n === 1 && (sharedShares[0] ?? 0) > 0);
    }

    /**
     * The process of a plan's write streams: each at its rate per ms once `sampling` thins it (one simulated
     * write standing for `sampling`), with its workload's shared share.
     */
    static forPlan(plan: Plan, sampling: number, random: Random): ArrivalProcess {
        return new ArrivalProcess(
            Float64Array.from(plan.streams, (s) => s.rate / 1_000 / sampling),
            Float64Array.from(plan.streams, (s) => itemAt(plan.workloads, s.workload, 'workloads').sharedShare),
            random,
        );
    }

    /** Draws the first arrival. */
    start(): void {
        this.next = this.totalRate > 0 ? this.random.exponential(this.totalRate) : Infinity;
    }

    /** Takes the arrival at `next`: sets `stream` and `shared`, and draws the arrival after it. */
    take(): void {
        const u = this.drawsChoice ? this.random.chance() : 0;
        const upper = this.upper;
        // The first stream whose upper end is above the draw, by halving: cost grows with log(streams).
        let lo = 0;
        let hi = upper.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (u < upper[mid]!) hi = mid;
            else lo = mid + 1;
        }
        this.stream = lo;
        this.shared = u < this.sharedBelow[lo]!;
        this.next += standardExponential(this.random) / this.totalRate;
    }
}
