// Client retries at one region of a service, in closed form. Requests arrive at rate x (a share of the service's
// load); an attempt fails when the region is over its capacity c (only c of the attempts are taken) or, once
// taken, with the error share e of a partial fault; a failed request is tried again up to n times. At a steady
// state the attempts A and the failed share f of an attempt satisfy A = x·(1 + f + … + fⁿ) and
// f = 1 − (1 − e)·min(1, c/A). Below capacity f = e. Over it the successes are c·(1 − e) per unit of time and
// also x·(1 − fⁿ⁺¹) (each request fails all n + 1 attempts with probability fⁿ⁺¹), which gives f and then
// A = c·(1 − e)/(1 − f). Exactly one of the two cases is consistent (both meet at x·(1 + e + … + eⁿ) = c), so
// the state is unique and needs no iteration.

export interface RetryLoad {
    /** Attempts per unit of time, first ones and retries, in the unit of x. */
    offered: number;
    /** Share of one attempt that fails (overload or error). */
    failedShare: number;
    /** Share of the requests that succeed within their n + 1 attempts. */
    servedShare: number;
    /** Share of the attempts the region's capacity takes (1 below capacity). */
    admittedShare: number;
}

/** Fills `out` for requests x, capacity c (Infinity: none declared), error share e and n retries. */
export function retryLoad(x: number, c: number, e: number, n: number, out: RetryLoad): RetryLoad {
    const attempts = n + 1;
    const belowCapacity = x * (e >= 1 ? attempts : -Math.expm1(attempts * Math.log(e)) / (1 - e));
    if (x <= 0 || belowCapacity <= c) {
        out.offered = x > 0 ? belowCapacity : 0;
        out.failedShare = e;
        out.servedShare = e >= 1 ? 0 : -Math.expm1(attempts * Math.log(e));
        out.admittedShare = 1;
        return out;
    }
    const successes = c * (1 - e);
    if (successes <= 0) {
        // Nothing is taken or nothing taken succeeds: every request uses all its attempts.
        out.offered = x * attempts;
        out.failedShare = 1;
        out.servedShare = 0;
        out.admittedShare = c / out.offered;
        return out;
    }
    // 1 − f with f = (1 − successes/x)^(1/attempts), written to keep its digits when successes ≪ x.
    const notFailed = -Math.expm1(Math.log1p(-successes / x) / attempts);
    out.offered = successes / notFailed;
    out.failedShare = 1 - notFailed;
    out.servedShare = successes / x;
    out.admittedShare = c / out.offered;
    return out;
}
