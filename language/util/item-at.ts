// Index reads whose bounds the caller's own logic guarantees (parallel arrays of one length, an index found a
// line above). A `list[i]!` would let a broken guarantee travel on as `undefined` and fail somewhere unrelated;
// this fails at the read, saying what was read and where.

/** `list[index]`, which must exist; `what` names the list in the error when it does not. */
export function itemAt<T>(list: ArrayLike<T>, index: number, what: string): T {
    const item = list[index];
    if (item === undefined) throw new RangeError(`${what}: no element at index ${index} of ${list.length}`);
    return item;
}
