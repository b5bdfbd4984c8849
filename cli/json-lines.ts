// `JSON.stringify(value, null, space)` a line at a time, so that a large JSON or SARIF report can be written in
// parts instead of built as one string of tens of megabytes. The lines joined by `\n` are exactly that string.
// Near the top of the value (where the long arrays are: the diagnostics, SARIF's results) containers are laid out
// here; below that depth each value is `JSON.stringify`'s own output, cut into lines.

export interface JsonLinesOptions {
    /** Spaces of indentation per level, as JSON.stringify's `space`. */
    readonly space?: number;
    /** Containers up to this depth are laid out here; deeper ones are stringified whole. */
    readonly depth?: number;
}

/** The lines of `JSON.stringify(value, null, space)`, for an object or array `value`. */
export function* jsonLines(value: object, options: JsonLinesOptions = {}): Generator<string> {
    // JSON.stringify takes at most 10 spaces, whole ones; with none it writes a single line.
    const space = Math.min(10, Math.max(0, Math.floor(options.space ?? 2)));
    if (space === 0) {
        yield JSON.stringify(value);
        return;
    }
    yield* valueLines(prepare(value, ''), '', '', '', 0, options.depth ?? 4, ' '.repeat(space));
}

/** A value as JSON.stringify sees it: after `toJSON`. */
function prepare(value: unknown, key: string): unknown {
    if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
        return (value as { toJSON: (key: string) => unknown }).toJSON(key);
    return value;
}

/** Whether JSON.stringify writes a value as a container (an array or a plain object), not as a leaf. */
function isContainer(value: unknown): value is object {
    if (value === null || typeof value !== 'object') return false;
    // Boxed primitives are leaves to JSON.stringify.
    return !(value instanceof Number || value instanceof String || value instanceof Boolean);
}

/** Whether JSON.stringify leaves a (prepared) value out of an object, or writes it as null in an array. */
function isLeftOut(value: unknown): boolean {
    return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * The lines of one value at indentation `indent`: the first begins with `head` (`"key": ` or nothing), the last
 * ends with `tail` (`,` or nothing). The value is already prepared and not one JSON.stringify leaves out.
 */
function* valueLines(
    value: unknown,
    indent: string,
    head: string,
    tail: string,
    depth: number,
    maxDepth: number,
    unit: string,
): Generator<string> {
    if (!isContainer(value) || depth >= maxDepth) {
        const text = JSON.stringify(value, null, unit.length) ?? 'null';
        const lines = text.split('\n');
        for (let i = 0; i < lines.length; i++) {
            const line = i === 0 ? `${indent}${head}${lines[i]}` : `${indent}${lines[i]}`;
            yield i === lines.length - 1 ? `${line}${tail}` : line;
        }
        return;
    }
    const inner = indent + unit;
    if (Array.isArray(value)) {
        if (value.length === 0) {
            yield `${indent}${head}[]${tail}`;
            return;
        }
        yield `${indent}${head}[`;
        for (let i = 0; i < value.length; i++) {
            const item = prepare(value[i], String(i));
            // What JSON.stringify leaves out of an object (undefined, a function) is `null` in an array.
            const shown = isLeftOut(item) ? null : item;
            yield* valueLines(shown, inner, '', i < value.length - 1 ? ',' : '', depth + 1, maxDepth, unit);
        }
        yield `${indent}]${tail}`;
        return;
    }
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value)) {
        const item = prepare((value as Record<string, unknown>)[key], key);
        if (!isLeftOut(item)) entries.push([key, item]);
    }
    if (entries.length === 0) {
        yield `${indent}${head}{}${tail}`;
        return;
    }
    yield `${indent}${head}{`;
    for (const [i, [key, item]] of entries.entries()) {
        yield* valueLines(
            item,
            inner,
            `${JSON.stringify(key)}: `,
            i < entries.length - 1 ? ',' : '',
            depth + 1,
            maxDepth,
            unit,
        );
    }
    yield `${indent}}${tail}`;
}
