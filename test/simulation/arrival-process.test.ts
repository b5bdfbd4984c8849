// The write streams as one Poisson process (engine/arrival-process.ts). Rows with scripted draws pin which
// stream and key class a draw picks and when the next write arrives; long seeded runs check what makes the
// merged process equivalent to one process per stream: each stream's writes arrive at its own rate, its gaps
// are exponential with that rate, and the shared share of its writes is the workload's.
import { describe, expect, it } from 'vitest';
import { ArrivalProcess } from '../../simulation/engine/arrival-process.js';
import { Random } from '../../simulation/engine/random.js';
import type { Plan } from '../../simulation/plan.js';

/** A Random whose uniform draws are scripted; `bits` gives the 32-bit draw whose standard exponential is 1 at most. */
function scripted(uniforms: number[]): Random {
    const values = [...uniforms];
    return {
        chance: () => {
            const v = values.shift();
            if (v === undefined) throw new Error('an unexpected draw');
            return v;
        },
        // Layer 255 (the widest rectangle), position 0: a gap of exactly 0, then the rate is all that moves time.
        bits: () => 0xff,
        exponential: () => 2,
    } as unknown as Random;
}

describe('which stream a write belongs to, and whether it writes a shared key', () => {
    // Rates 1, 3 (per ms): stream 0 owns [0, 0.25), stream 1 [0.25, 1). Stream 0 writes shared keys 20 % of
    // the time (draws below 0.05), stream 1 none.
    const rates = Float64Array.of(1, 3);
    const shares = Float64Array.of(0.2, 0);
    it.each([
        { draw: 0, stream: 0, shared: true },
        { draw: 0.0499, stream: 0, shared: true },
        { draw: 0.05, stream: 0, shared: false },
        { draw: 0.2499, stream: 0, shared: false },
        { draw: 0.25, stream: 1, shared: false },
        { draw: 0.9999, stream: 1, shared: false },
    ])('draw $draw: stream $stream, shared $shared', ({ draw, stream, shared }) => {
        const p = new ArrivalProcess(rates, shares, scripted([draw]));
        p.take();
        expect([p.stream, p.shared]).toEqual([stream, shared]);
    });

    it('never picks a stream whose rate is 0', () => {
        // Rates 0, 2, 0, 2: streams 1 and 3 split [0, 1) at 0.5; 0 and 2 own empty intervals.
        const p = new ArrivalProcess(Float64Array.of(0, 2, 0, 2), new Float64Array(4), scripted([0, 0.4999, 0.5]));
        const picked = [0, 1, 2].map(() => (p.take(), p.stream));
        expect(picked).toEqual([1, 1, 3]);
    });

    it('draws no choice for a single stream without shared keys', () => {
        const p = new ArrivalProcess(Float64Array.of(5), new Float64Array(1), scripted([]));
        p.take();
        expect([p.stream, p.shared]).toEqual([0, false]);
    });

    it('picks among many streams by halving: each owns its share of [0, 1)', () => {
        const n = 1_000;
        for (const i of [0, 1, 499, 500, 998, 999]) {
            const p = new ArrivalProcess(new Float64Array(n).fill(1), new Float64Array(n), scripted([(i + 0.5) / n]));
            p.take();
            expect(p.stream).toBe(i);
        }
    });
});

describe('a plan’s process', () => {
    it('runs each stream at its rate per ms, thinned by the sampling, with its workload’s shared share', () => {
        // Streams of 100 and 40 writes/s, one write in 4 simulated: 0.025 + 0.01 per ms. Stream 0 owns
        // [0, 100/140) of the draws and its workload shares 25 % of its keys (draws below 0.25 × 100/140).
        const plan = {
            streams: [
                { index: 0, group: 0, workload: 0, rate: 100 },
                { index: 1, group: 0, workload: 1, rate: 40 },
            ],
            workloads: [{ sharedShare: 0.25 }, { sharedShare: 0 }],
        } as unknown as Plan;
        const asked: number[] = [];
        const random = {
            ...scripted([0.178, 0.18, 0.714, 0.715]),
            exponential: (rate: number) => (asked.push(rate), 1),
        } as unknown as Random;
        const p = ArrivalProcess.forPlan(plan, 4, random);
        p.start();
        expect(asked).toEqual([0.035]);
        const taken = [0, 1, 2, 3].map(() => (p.take(), [p.stream, p.shared]));
        expect(taken).toEqual([
            [0, true],
            [0, false],
            [0, false],
            [1, false],
        ]);
    });
});

describe('when writes arrive', () => {
    it('starts at the first gap of the summed rate, and adds one gap per write', () => {
        // Rates 0.5 and 1.5 per ms: 2 per ms in all; the first gap is exponential(2) (scripted 2 → 2 ms).
        const random = scripted([0.1, 0.9]);
        const p = new ArrivalProcess(Float64Array.of(0.5, 1.5), new Float64Array(2), random);
        p.start();
        expect(p.next).toBe(2);
        p.take();
        // A standard exponential of 0 (the scripted bits) over the rate: the next write at the same time.
        expect(p.next).toBe(2);
    });

    it('never arrives when no stream writes', () => {
        const p = new ArrivalProcess(Float64Array.of(0, 0), new Float64Array(2), scripted([]));
        p.start();
        expect(p.next).toBe(Infinity);
    });
});

describe('the merged process is the streams’ own processes', () => {
    // Three streams of 1, 2 and 7 writes per ms; stream 1 writes shared keys 10 % of the time.
    const rates = Float64Array.of(1, 2, 7);
    const shares = Float64Array.of(0, 0.1, 0);
    const N = 400_000;
    const p = new ArrivalProcess(rates, shares, Random.fromSeed(17));
    p.start();
    const counts = [0, 0, 0];
    let shared = 0;
    const gapsOf1: number[] = [];
    let last1 = 0;
    for (let k = 0; k < N; k++) {
        const t = p.next;
        p.take();
        counts[p.stream]!++;
        if (p.stream === 1) {
            if (p.shared) shared++;
            gapsOf1.push(t - last1);
            last1 = t;
        }
    }
    const end = p.next;

    it('gives each stream its share of the writes (within four standard deviations)', () => {
        for (let i = 0; i < 3; i++) {
            const share = rates[i]! / 10;
            expect(Math.abs(counts[i]! - N * share)).toBeLessThanOrEqual(4 * Math.sqrt(N * share * (1 - share)));
        }
        // N writes take N ÷ 10 ms on average, with a spread of √N ÷ 10.
        expect(Math.abs(end - N / 10)).toBeLessThanOrEqual((4 * Math.sqrt(N)) / 10);
    });

    it('writes shared keys at the stream’s share', () => {
        const n = counts[1]!;
        expect(Math.abs(shared - 0.1 * n)).toBeLessThanOrEqual(4 * Math.sqrt(n * 0.1 * 0.9));
    });

    it('spaces one stream’s writes by exponential gaps of its own rate (Kolmogorov–Smirnov, 1 %)', () => {
        const gaps = gapsOf1.slice(1).sort((a, b) => a - b);
        const n = gaps.length;
        let d = 0;
        gaps.forEach((x, i) => {
            const cdf = 1 - Math.exp(-2 * x);
            d = Math.max(d, Math.abs(cdf - i / n), Math.abs(cdf - (i + 1) / n));
        });
        expect(d).toBeLessThan(1.628 / Math.sqrt(n));
    });
});
