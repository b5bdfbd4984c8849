// `jsonLines` against its oracle, JSON.stringify: the lines joined are the same text for any value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLines } from '../../cli/json-lines.js';

const joined = (value: object, space: number, depth: number) => [...jsonLines(value, { space, depth })].join('\n');

// JSON values with what JSON.stringify treats specially mixed in: undefined, functions and symbols (left out of objects,
// null in arrays), non-finite numbers (null), toJSON, boxed primitives, empty containers.
const special = fc.constantFrom<unknown>(
    undefined,
    () => 1,
    Symbol('left out'),
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    { toJSON: () => ({ replaced: [1, 2] }) },
    { toJSON: (key: string) => `key ${key}` },
    new Date(0),
    Object(3),
    Object('boxed'),
    [],
    {},
    'line\nbreak "quoted" — dash',
);
const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        special,
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
    ),
}));

describe('JSON a line at a time', () => {
    it('joins to exactly JSON.stringify(value, null, space) for any value, space and layout depth', () => {
        fc.assert(
            fc.property(
                fc.oneof(fc.array(value), fc.dictionary(fc.string(), value)),
                fc.integer({ min: 0, max: 4 }),
                fc.integer({ min: 0, max: 6 }),
                (input, space, depth) => {
                    expect(joined(input, space, depth)).toBe(JSON.stringify(input, null, space));
                },
            ),
            { numRuns: 2000, seed: 20261207 },
        );
    });

    const cases = [
        { name: 'an empty array', input: [] },
        { name: 'an empty object', input: {} },
        { name: 'an object whose every value is left out', input: { a: undefined, b: () => 0 } },
        { name: 'a report of 3 files with 1,000 diagnostics each', input: report() },
    ];
    it.each(cases)('writes $name as JSON.stringify does', ({ input }) => {
        expect(joined(input, 2, 4)).toBe(JSON.stringify(input, null, 2));
    });
});

function report() {
    return ['a', 'b', 'c'].map((file) => ({
        file: `${file}.mregion`,
        diagnostics: Array.from({ length: 1000 }, (_, line) => ({
            code: 'no-backup',
            severity: 'info',
            message: `store s-${line} keeps no backup`,
            range: { start: { line, character: 4 }, end: { line, character: 9 } },
        })),
    }));
}
