// `array.splice(start, deleteCount, ...items)` passes every item as an argument, and V8 throws a RangeError
// ("Maximum call stack size exceeded") past roughly 120k arguments: a file of 200k comments has that many hidden
// CST nodes to insert in one place. This moves the items in without a spread, in time linear in the array.

/** Replaces `deleteCount` items of `array` from `start` with `items`, like `splice` but for any number of items. */
export function spliceAll<T>(array: T[], start: number, deleteCount: number, items: readonly T[]): void {
    if (items.length === 0 && deleteCount === 0) return;
    const tail = start + deleteCount < array.length ? array.slice(start + deleteCount) : [];
    array.length = start;
    for (const item of items) array.push(item);
    for (const item of tail) array.push(item);
}
