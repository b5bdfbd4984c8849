// Checked reads of the engine's typed arrays. The shared `itemAt` (language/util/item-at.ts) sees every kind of
// list in the program, so V8's load inside it goes megamorphic: a hot loop reading through it ran 5–10× slower.
// Each function here only ever sees one array type and stays monomorphic; in the latency histogram's per-write
// add it measured as free. It is not free everywhere (simulation/README.md, "Non-null reads", lists where a
// benchmark showed a cost and the assertion stays).

/** `array[index]`, which must exist; `what` names the array in the error when it does not. */
export function float64At(array: Float64Array, index: number, what: string): number {
    const value = array[index];
    if (value === undefined) throw new RangeError(`${what}: no element at index ${index} of ${array.length}`);
    return value;
}

/** `array[index]`, which must exist; `what` names the array in the error when it does not. */
export function int32At(array: Int32Array, index: number, what: string): number {
    const value = array[index];
    if (value === undefined) throw new RangeError(`${what}: no element at index ${index} of ${array.length}`);
    return value;
}

/** Adds `delta` to `array[index]`, which must exist. */
export function addAt(array: Float64Array, index: number, delta: number, what: string): void {
    array[index] = float64At(array, index, what) + delta;
}
