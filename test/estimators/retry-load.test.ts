// Client retries in closed form on cases worked by hand (retries.test.ts checks the fixed point for any input):
// below capacity A = x·(1 + e + … + eⁿ) and f = e; over it f = (1 − c·(1 − e)/x)^(1/(n+1)), A = c·(1 − e)/(1 − f).
import { describe, expect, it } from 'vitest';
import { retryLoad, type RetryLoad } from '../../language/semantics/estimators/retry-load.js';

const fresh = (): RetryLoad => ({ offered: NaN, failedShare: NaN, servedShare: NaN, admittedShare: NaN });
const HALF_ROOT = Math.SQRT1_2;

describe('retryLoad on hand-worked cases', () => {
    it.each([
        // No requests: nothing offered; an attempt would still fail with e, a request be served with 1 − e³.
        { name: 'no requests offer nothing', x: 0, c: 1, e: 0.2, n: 2, want: [0, 0.2, 1 - 0.2 ** 3, 1] },
        // A negative rate is no requests: nothing offered, not a negative load.
        { name: 'a negative request rate offers nothing', x: -1, c: 1, e: 0.2, n: 2, want: [0, 0.2, 1 - 0.2 ** 3, 1] },
        // 0.5·(1 + 0.5 + 0.25) = 0.875 ≤ 1: f = e, served 1 − 0.5³ = 0.875, all admitted.
        {
            name: 'below capacity the errors alone are retried',
            x: 0.5,
            c: 1,
            e: 0.5,
            n: 2,
            want: [0.875, 0.5, 0.875, 1],
        },
        // Every attempt an error, room for all 4 attempts: 4 offered, none served.
        { name: 'every attempt an error, with room for all of them', x: 1, c: 10, e: 1, n: 3, want: [4, 1, 0, 1] },
        // Every attempt an error and room for 2 of the 4 attempts: half admitted.
        { name: 'every attempt an error, over capacity', x: 1, c: 2, e: 1, n: 3, want: [4, 1, 0, 0.5] },
        // No capacity: 4 attempts per request, none admitted.
        { name: 'no capacity takes nothing', x: 1, c: 0, e: 0, n: 3, want: [4, 1, 0, 0] },
        // Over capacity, one retry: f = (1 − 0.5)^(1/2) = √½, A = 1 + √½, served 0.5, admitted 0.5/(1 + √½) = 1 − √½.
        {
            name: 'over capacity one retry fails √½ of attempts',
            x: 1,
            c: 0.5,
            e: 0,
            n: 1,
            want: [1 + HALF_ROOT, HALF_ROOT, 0.5, 1 - HALF_ROOT],
        },
        // Over capacity with errors: successes 0.8·(1 − 0.25) = 0.6 of x = 1, f = 0.4^(1/2), A = 0.6/(1 − √0.4).
        {
            name: 'over capacity with errors serves c·(1 − e)',
            x: 1,
            c: 0.8,
            e: 0.25,
            n: 1,
            want: [0.6 / (1 - Math.sqrt(0.4)), Math.sqrt(0.4), 0.6, 0.8 / (0.6 / (1 - Math.sqrt(0.4)))],
        },
    ])('$name', ({ x, c, e, n, want }) => {
        const out = retryLoad(x, c, e, n, fresh());
        const got = [out.offered, out.failedShare, out.servedShare, out.admittedShare];
        want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));
    });

    it('keeps its digits when the successes are a tiny share of the requests', () => {
        // x = 1, c = 1e-12, e = 0, no retry: f = 1 − 1e-12, so A = 1e-12 / 1e-12 = 1 exactly in closed form.
        const out = retryLoad(1, 1e-12, 0, 0, fresh());
        expect(out.offered).toBeCloseTo(1, 9);
        expect(out.admittedShare).toBeCloseTo(1e-12, 20);
    });
});
