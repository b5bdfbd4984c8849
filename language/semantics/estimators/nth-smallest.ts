// Selection of one order statistic without sorting: a consensus write waits for the q-th nearest voter, and a store
// over k regions asks that from each of its k regions (a sort per origin made that k² log k).

/**
 * The index in `values` of the element a stable ascending sort would put at position `n` (0-based): equal values
 * keep their order, so the answer is the sort's. Quickselect (Hoare's partition around the middle element) over
 * (value, index) pairs, which are all distinct: O(length) on average, `values` untouched.
 */
export function nthSmallestIndex(values: readonly number[], n: number): number {
    if (!Number.isInteger(n) || n < 0 || n >= values.length)
        throw new RangeError(`no element ${n} among ${values.length}`);
    const order = Int32Array.from(values.keys());
    const before = (a: number, b: number) => values[a]! < values[b]! || (values[a] === values[b] && a < b);
    let lo = 0;
    let hi = order.length - 1;
    while (lo < hi) {
        const pivot = order[(lo + hi) >>> 1]!;
        let i = lo;
        let j = hi;
        while (i <= j) {
            while (before(order[i]!, pivot)) i++;
            while (before(pivot, order[j]!)) j--;
            if (i <= j) {
                [order[i], order[j]] = [order[j]!, order[i]!];
                i++;
                j--;
            }
        }
        if (n <= j) hi = j;
        else if (n >= i) lo = i;
        else break;
    }
    return order[n]!;
}
