// The rules' shared helpers (language/validation/rules/helpers.ts) on hand-built sources and models: where a
// finding points (the first written property, else the name; a store's regions clause, else its cell's), the
// grouping key of a range and range equality, whether a failover's target runs on AWS, multi-region writes, and
// estimates rounded to three significant figures.
import { describe, expect, it } from 'vitest';
import type { FailoverM, Model, Range, Source, StoreM } from '../../language/semantics/model.js';
import {
    acceptsWritesInSeveralRegions,
    at,
    rangeKey,
    regionsPlace,
    sameRange,
    roughly,
    targetOnAws,
} from '../../language/validation/rules/helpers.js';

const r = (line: number, from: number, toLine: number, to: number): Range => ({
    start: { line, character: from },
    end: { line: toLine, character: to },
});
const NAME = r(3, 6, 3, 8);
const REGIONS = r(4, 4, 4, 30);
const ENGINE = r(5, 4, 5, 20);
const PER_CELL = r(3, 9, 3, 17);
const CELL_REGIONS = r(1, 4, 1, 22);

const source = (props: Record<string, Range>, uri = 'file:///a.mregion'): Source => ({
    uri,
    range: r(3, 0, 9, 1),
    nameRange: NAME,
    props,
});

describe('rangeKey', () => {
    it.each<[string, Range, string]>([
        ['names both ends, line then column', r(1, 2, 3, 4), '1:2-3:4'],
        ['tells a one-line range apart', r(0, 10, 0, 11), '0:10-0:11'],
    ])('rangeKey %s', (_, range, key) => {
        expect(rangeKey(range)).toBe(key);
    });
});

describe('sameRange', () => {
    it.each<[string, Range, Range, boolean]>([
        ['holds for equal ranges built apart', r(1, 2, 3, 4), r(1, 2, 3, 4), true],
        ['tells another start line apart', r(1, 2, 3, 4), r(0, 2, 3, 4), false],
        ['tells another start column apart', r(1, 2, 3, 4), r(1, 3, 3, 4), false],
        ['tells another end line apart', r(1, 2, 3, 4), r(1, 2, 2, 4), false],
        ['tells another end column apart', r(1, 2, 3, 4), r(1, 2, 3, 5), false],
    ])('%s', (_, a, b, same) => {
        expect(sameRange(a, b)).toBe(same);
        expect(sameRange(b, a)).toBe(same);
    });
});

describe('at: the first written property, else the name', () => {
    it.each<[string, Record<string, Range>, string[], Range]>([
        ['the only property asked for, written', { regions: REGIONS }, ['regions'], REGIONS],
        ['the first of two written ones', { regions: REGIONS, engine: ENGINE }, ['engine', 'regions'], ENGINE],
        ['the second when the first is unwritten', { regions: REGIONS }, ['engine', 'regions'], REGIONS],
        ['the name when none is written', { regions: REGIONS }, ['engine', 'holds'], NAME],
        ['the name when none is asked for', { regions: REGIONS }, [], NAME],
    ])('at: %s', (_, props, asked, range) => {
        expect(at(source(props, 'file:///b.mregion'), ...asked)).toEqual({ uri: 'file:///b.mregion', range });
    });
});

describe("regionsPlace: the store's regions clause, else its cell's", () => {
    const cellSource = (props: Record<string, Range>): Source => ({ ...source(props, 'file:///cells.mregion') });
    const model = (cells: [string, Record<string, Range>][]): Model =>
        ({
            cells: new Map(cells.map(([name, props]) => [name, { name, source: cellSource(props) }])),
        }) as unknown as Model;
    const store = (props: Record<string, Range>, cell?: string) => ({ cell, source: source(props) });

    it.each<[string, Model, { cell?: string; source: Source }, object]>([
        [
            'its own clause, even in a cell with one',
            model([['eu', { regions: CELL_REGIONS }]]),
            store({ regions: REGIONS, perCell: PER_CELL }, 'eu'),
            { uri: 'file:///a.mregion', range: REGIONS, clause: REGIONS },
        ],
        [
            "its cell's clause, in the cell's file",
            model([['eu', { regions: CELL_REGIONS }]]),
            store({ perCell: PER_CELL }, 'eu'),
            { uri: 'file:///cells.mregion', range: CELL_REGIONS, clause: CELL_REGIONS },
        ],
        [
            '`per cell` when the cell writes no regions',
            model([['eu', {}]]),
            store({ perCell: PER_CELL }, 'eu'),
            { uri: 'file:///a.mregion', range: PER_CELL },
        ],
        [
            '`per cell` when its cell is not declared',
            model([['us', { regions: CELL_REGIONS }]]),
            store({ perCell: PER_CELL }, 'eu'),
            { uri: 'file:///a.mregion', range: PER_CELL },
        ],
        [
            'the name of a store with no cell and no clause',
            model([['eu', { regions: CELL_REGIONS }]]),
            store({}),
            { uri: 'file:///a.mregion', range: NAME },
        ],
    ])('regionsPlace: %s', (_, m, s, place) => {
        expect(regionsPlace(m, s)).toEqual(place);
    });
});

describe("targetOnAws: the failover's target runs in an AWS region", () => {
    const model = {
        regions: new Map([
            ['us-east-1', { provider: 'aws' }],
            ['europe-west1', { provider: 'gcp' }],
            ['dc1', {}],
        ]),
        stores: new Map([
            ['db', { regions: ['europe-west1', 'us-east-1'] }],
            ['cache', { regions: ['europe-west1', 'dc1'] }],
        ]),
        services: new Map([
            ['api', { regions: ['dc1', 'us-east-1'] }],
            ['web', { regions: ['europe-west1', 'unknown-9'] }],
        ]),
    } as unknown as Model;
    const failover = (kind: 'store' | 'service', id: string) => ({ target: { kind, id } }) as unknown as FailoverM;

    it.each<[string, FailoverM, boolean]>([
        ['a store with an AWS region second', failover('store', 'db'), true],
        ['a store on GCP and on premises', failover('store', 'cache'), false],
        ['a service with an AWS region', failover('service', 'api'), true],
        ['a service in an undeclared region', failover('service', 'web'), false],
        ['a target that is not declared', failover('service', 'db'), false],
        ['a store id looked up as a store only', failover('store', 'api'), false],
    ])('targetOnAws: %s', (_, f, expected) => {
        expect(targetOnAws(model, f)).toBe(expected);
    });
});

describe('acceptsWritesInSeveralRegions', () => {
    const store = (policy: string, regions: string[]) => ({ writes: { policy }, regions }) as unknown as StoreM;
    it.each<[string, StoreM, boolean]>([
        ['any region, two regions', store('any-region', ['a', 'b']), true],
        ['any region, one region', store('any-region', ['a']), false],
        ['a primary, two regions', store('primary', ['a', 'b']), false],
    ])('several writers: %s', (_, s, expected) => {
        expect(acceptsWritesInSeveralRegions(s)).toBe(expected);
    });
});

describe('roughly: three significant figures from 100 up', () => {
    it.each<[number, string]>([
        [42.567, '42.57'],
        [99.5, '99.5'],
        [100, '100'],
        [999.6, '1,000'],
        [1234.5, '1,230'],
        [1235, '1,240'],
        [221_324, '221,000'],
        [9_996_000, '10,000,000'],
    ])('roughly(%d) reads %s', (n, text) => {
        expect(roughly(n)).toBe(text);
    });
});
