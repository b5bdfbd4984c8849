// Quantities are written with their unit glued on (`60s`, `99.99%`, `$0.02/GB`); this file splits and
// normalizes them to base units. No Langium import: the CLI, simulation and export share it.
import { formatCount } from '../../format/quantities.js';
import type { Metric } from './model.js';

/** The unit families a property can ask for. */
export type UnitKind = 'duration' | 'rate' | 'percent' | 'size' | 'throughput' | 'price' | 'money' | 'count' | 'number';

/** The unit family of each metric an objective or expectation names: the builder checks values with it, the
 * editor offers units from it, and the language reference lists it. */
export const METRIC_UNITS: Readonly<Record<Metric, UnitKind>> = {
    rto: 'duration',
    rpo: 'duration',
    detection: 'duration',
    'write-latency': 'duration',
    drain: 'duration',
    availability: 'percent',
    'stale-reads': 'percent',
    'lost-writes': 'count',
    'stranded-writes': 'count',
    'discarded-writes': 'count',
    merges: 'count',
    siblings: 'count',
    'rejected-writes': 'count',
    'throttled-writes': 'count',
    duplicates: 'count',
    'corruption-loss': 'duration',
    'restore-time': 'duration',
    cost: 'money',
};

/** Base units after normalization. */
export const BASE_UNIT: Readonly<Record<UnitKind, string>> = {
    duration: 'ms',
    rate: '/s',
    percent: 'fraction (0–1)',
    size: 'bytes',
    throughput: 'bytes per second',
    price: 'USD per GB',
    money: 'USD per month',
    count: '',
    number: '',
};

/** How each family may be written, for messages and completion. */
export const UNIT_SPELLINGS: Readonly<Record<UnitKind, readonly string[]>> = {
    duration: ['ms', 's', 'm', 'h', 'd'],
    rate: ['/s', '/m', '/h', '/d'],
    percent: ['%'],
    size: ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'KiB', 'MiB', 'GiB', 'TiB'],
    throughput: ['MB/s', 'GB/h', 'TB/h'],
    price: ['$…/GB', '$…/TB'],
    money: ['$…/month'],
    count: [],
    number: [],
};

const DURATION_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PER_SECOND: Readonly<Record<string, number>> = { s: 1, m: 1 / 60, h: 1 / 3_600, d: 1 / 86_400 };
// Sizes are decimal (1 GB = 10^9 bytes), as cloud bills count them; the binary spellings are exact powers of two.
const BYTES: Readonly<Record<string, number>> = {
    B: 1,
    KB: 1e3,
    MB: 1e6,
    GB: 1e9,
    TB: 1e12,
    PB: 1e15,
    KiB: 2 ** 10,
    MiB: 2 ** 20,
    GiB: 2 ** 30,
    TiB: 2 ** 40,
};
const GB_PER: Readonly<Record<string, number>> = { GB: 1, TB: 1_000 };
const MONTH_SPELLINGS = new Set(['month', 'mo']);

/** A quantity as written: the number, the unit after it, a `/x` suffix and whether it had a `$` sign. */
export interface WrittenQuantity {
    readonly text: string;
    readonly number: number;
    readonly unit: string;
    readonly per: string;
    readonly dollar: boolean;
}

const QUANTITY_SHAPE = /^(-?)(\$?)([0-9][0-9_]*(?:\.[0-9]+)?)(%|[a-zA-Z]+)?(?:\/([a-zA-Z]+))?$/;

export function splitQuantity(text: string): WrittenQuantity | undefined {
    const match = QUANTITY_SHAPE.exec(text);
    if (!match) return undefined;
    const [, minus, dollar, digits = '', unit = '', per = ''] = match;
    const number = Number(digits.includes('_') ? digits.replace(/_/g, '') : digits) * (minus ? -1 : 1);
    if (!Number.isFinite(number)) return undefined;
    return { text, number, unit, per, dollar: dollar === '$' };
}

export type Normalized =
    | { readonly ok: true; readonly value: number; readonly written: WrittenQuantity }
    | {
          readonly ok: false;
          readonly reason: 'missing-unit' | 'wrong-unit' | 'not-integer' | 'too-large';
          readonly message: string;
          readonly suggestion?: string;
      };

/** Which family a written quantity belongs to, ignoring what the property wants. */
export function kindOf(q: WrittenQuantity): UnitKind | undefined {
    return measured(q)?.kind;
}

/**
 * The family of a written quantity and its value in the family's base unit (ms, per second, bytes, fraction, $/GB),
 * read from the unit tables once: a unit the tables lack has no family, so no value is ever taken from a missing
 * entry.
 */
function measured(q: WrittenQuantity): { readonly kind: UnitKind; readonly value: number } | undefined {
    const per = q.per === '' ? undefined : PER_SECOND[q.per];
    const bytes = BYTES[q.unit];
    if (q.dollar) {
        const gbPer = q.unit === '' ? GB_PER[q.per] : undefined;
        if (gbPer !== undefined) return { kind: 'price', value: q.number / gbPer };
        if (q.unit === '' && MONTH_SPELLINGS.has(q.per)) return { kind: 'money', value: q.number };
        return undefined;
    }
    if (q.unit === '' && q.per === '') return { kind: 'count', value: q.number };
    if (q.unit === '' && per !== undefined) return { kind: 'rate', value: q.number * per };
    if (bytes !== undefined && per !== undefined) return { kind: 'throughput', value: q.number * bytes * per };
    if (q.per !== '') return undefined;
    if (q.unit === '%') return { kind: 'percent', value: q.number / 100 };
    const ms = DURATION_MS[q.unit];
    if (ms !== undefined) return { kind: 'duration', value: q.number * ms };
    if (bytes !== undefined) return { kind: 'size', value: q.number * bytes };
    return undefined;
}

// Decimal input times a power of ten should stay the decimal the user wrote (99.9% → 0.999, not 0.9990000000000001).
function exactDecimal(raw: number): number {
    return Number.isInteger(raw) ? raw : Number(raw.toPrecision(15));
}

export function describeKind(kind: UnitKind): string {
    switch (kind) {
        case 'duration':
            return 'a duration (ms, s, m, h, d)';
        case 'rate':
            return 'a rate (e.g. 2000/s)';
        case 'percent':
            return 'a percentage (e.g. 99.99%)';
        case 'size':
            return 'a size (B, KB, MB, GB, TB)';
        case 'throughput':
            return 'a throughput (e.g. 200MB/s, 1TB/h)';
        case 'price':
            return 'a price per GB (e.g. $0.02/GB)';
        case 'money':
            return 'a monthly amount (e.g. $5000/month)';
        case 'count':
            return 'a plain number without unit';
        case 'number':
            return 'a number';
    }
}

const EXAMPLE_UNIT: Readonly<Record<UnitKind, (n: string) => string>> = {
    duration: (n) => `${n}s`,
    rate: (n) => `${n}/s`,
    percent: (n) => `${n}%`,
    size: (n) => `${n}GB`,
    throughput: (n) => `${n}MB/s`,
    price: (n) => `$${n}/GB`,
    money: (n) => `$${n}/month`,
    count: (n) => n,
    number: (n) => n,
};

/** Normalizes `text` as the family `expected`, or says precisely what is wrong with it. */
export function normalize(text: string, expected: UnitKind): Normalized {
    const q = splitQuantity(text);
    if (!q) {
        if (QUANTITY_SHAPE.test(text)) {
            const shown = text.length > 16 ? `${text.slice(0, 12)}…` : text;
            return {
                ok: false,
                reason: 'too-large',
                message: `'${shown}' is too large a number (${text.replace(/[^0-9]/g, '').length} digits)`,
            };
        }
        return { ok: false, reason: 'wrong-unit', message: `'${text}' is not a number with a unit` };
    }
    const found = measured(q);
    const actual = found?.kind;
    if (expected === 'number' && actual === 'count') return { ok: true, value: q.number, written: q };
    if (found && found.kind === expected) {
        if (expected === 'count' && !Number.isInteger(q.number)) {
            return { ok: false, reason: 'not-integer', message: `expected a whole number, got '${text}'` };
        }
        const value = exactDecimal(found.value);
        // Durations (in ms) and counts are simulated and reported as exact whole numbers; past 2^53 they are not.
        if ((expected === 'duration' || expected === 'count') && value > Number.MAX_SAFE_INTEGER) {
            const limit =
                expected === 'duration'
                    ? `${formatCount(Math.floor(Number.MAX_SAFE_INTEGER / YEAR_MS))} years`
                    : formatCount(Number.MAX_SAFE_INTEGER);
            return {
                ok: false,
                reason: 'too-large',
                message: `'${text}' is too large: ${expected === 'duration' ? 'durations' : 'counts'} are exact up to ${limit}`,
            };
        }
        return { ok: true, value, written: q };
    }
    if (actual === 'count') {
        const digits = text.replace(/^-?\$?/, '').match(/^[0-9_.]+/)?.[0] ?? text;
        const suggestion = EXAMPLE_UNIT[expected](digits);
        return {
            ok: false,
            reason: 'missing-unit',
            message: `'${text}' has no unit: expected ${describeKind(expected)}, e.g. '${suggestion}'`,
            suggestion,
        };
    }
    if (actual === undefined) {
        return {
            ok: false,
            reason: 'wrong-unit',
            message: `'${text}' has an unknown unit: expected ${describeKind(expected)}`,
        };
    }
    return {
        ok: false,
        reason: 'wrong-unit',
        message: `'${text}' is ${describeKind(actual)}, but ${describeKind(expected)} is expected here`,
    };
}

const YEAR_MS = 365.25 * 86_400_000;

// ---------------------------------------------------------------- lists in messages

/** Items a listing names; it counts the others, so a message about thousands of regions stays readable. */
export const LISTED_ITEMS = 10;

/** "a, b and c"; past LISTED_ITEMS items, "a, b, …, j and 990 more" (`total` counts items the caller did not collect). */
export function listing(items: readonly string[], conjunction = 'and', total = items.length): string {
    if (total <= 1) return items.join('');
    if (total > LISTED_ITEMS + 1)
        return `${items.slice(0, LISTED_ITEMS).join(', ')} ${conjunction} ${formatCount(total - LISTED_ITEMS)} more`;
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
