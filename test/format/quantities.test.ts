// How quantities read for people (format/quantities.ts): exact strings at the unit boundaries, then properties
// checked against an independent reader of the text — it reads as a number near the value, grows with the value,
// picks its unit by magnitude and never shows "NaN" or "Infinity".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
    formatBytes,
    formatCount,
    formatDuration,
    formatDurationRange,
    formatPercent,
    formatPoints,
    formatShare,
    formatUsd,
} from '../../format/quantities.js';

const MS_PER: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Reads "1 h 30 m", "59.5 s", "1,000 d" back into milliseconds (non-negative text only). */
function readDuration(text: string): number {
    const parts = [...text.matchAll(/([\d,.]+) (ms|s|m|h|d)(?= |$)/g)];
    expect(parts.map((p) => p[0]).join(' '), `"${text}" is only numbers with units`).toBe(text);
    return parts.reduce((sum, [, n, unit]) => sum + Number(n!.replace(/,/g, '')) * MS_PER[unit!]!, 0);
}

/** Reads "1,234,567", "0.37", "99.99%", "$1,235" back into a number. */
function readNumber(text: string): number {
    return Number(text.replace(/[$,%]/g, ''));
}

describe('a duration', () => {
    it.each([
        { name: 'zero reads as 0 ms', ms: 0, text: '0 ms' },
        { name: 'below 10 ms keeps two decimals', ms: 1.234, text: '1.23 ms' },
        { name: 'below 100 ms keeps one decimal', ms: 12.34, text: '12.3 ms' },
        { name: 'below a second is whole milliseconds', ms: 850, text: '850 ms' },
        { name: 'just below a second stays in milliseconds', ms: 999, text: '999 ms' },
        { name: 'that rounds up to 1,000 ms reads as a second', ms: 999.7, text: '1 s' },
        { name: 'of a second reads 1 s', ms: 1_000, text: '1 s' },
        { name: 'below a minute keeps one decimal of a second', ms: 1_500, text: '1.5 s' },
        { name: 'of 59.5 s reads so', ms: 59_500, text: '59.5 s' },
        { name: 'that rounds up to 60 s reads as a minute', ms: 59_960, text: '1 m' },
        { name: 'of a minute reads 1 m', ms: 60_000, text: '1 m' },
        { name: 'in minutes adds whole seconds', ms: 156_000, text: '2 m 36 s' },
        { name: 'of 90 minutes reads in hours and minutes', ms: 90 * 60_000, text: '1 h 30 m' },
        { name: 'of 36 hours reads in days and hours', ms: 36 * 3_600_000, text: '1 d 12 h' },
        { name: 'drops a third, smaller unit', ms: 7_261_000, text: '2 h 1 m' },
        { name: 'of a thousand days groups the digits', ms: 1_000 * 86_400_000, text: '1,000 d' },
        { name: 'below zero has a minus sign', ms: -1_500, text: '-1.5 s' },
        { name: 'that reads as zero has no minus sign', ms: -0.001, text: '0 ms' },
        { name: 'that is missing reads as a dash', ms: null, text: '—' },
        { name: 'that is not a number reads as a dash', ms: NaN, text: '—' },
        { name: 'without end reads as infinity', ms: Infinity, text: '∞' },
    ])('$name', ({ ms, text }) => {
        expect(formatDuration(ms)).toBe(text);
    });
});

describe('a duration range', () => {
    it.each([
        { name: 'shares the unit when both ends read in one', low: 36_000, high: 46_000, text: '36–46 s' },
        {
            name: 'writes both ends in full when their units differ',
            low: 86_000,
            high: 156_000,
            text: '1 m 26 s–2 m 36 s',
        },
        { name: 'writes milliseconds and seconds apart', low: 850, high: 1_500, text: '850 ms–1.5 s' },
        { name: 'writes a zero lower end as 0', low: 0, high: 3_600_000, text: '0–1 h' },
        {
            name: 'reads as one figure when the ends round to the same text',
            low: 19_999_000,
            high: 20_036_000,
            text: '5 h 33 m',
        },
        { name: 'says "or more" when the upper end is open', low: 1_000, high: undefined, text: '1 s or more' },
    ])('$name', ({ low, high, text }) => {
        expect(formatDurationRange(low, high)).toBe(text);
    });
});

describe('a count, a share, money and a size', () => {
    it.each([
        { name: 'a count of one', text: formatCount(1), expected: '1' },
        { name: 'a fractional count keeps two decimals', text: formatCount(0.37), expected: '0.37' },
        { name: 'a count that rounds to 100 is whole', text: formatCount(99.996), expected: '100' },
        { name: 'a large count groups its digits', text: formatCount(1_234_567), expected: '1,234,567' },
        { name: 'a count from 100 up is whole', text: formatCount(1_234.5), expected: '1,235' },
        { name: 'a negative count', text: formatCount(-1_500), expected: '-1,500' },
        { name: 'a missing count', text: formatCount(undefined), expected: '—' },
        { name: 'a whole share', text: formatShare(1), expected: '100%' },
        { name: 'no share', text: formatShare(0), expected: '0%' },
        { name: 'a middling share has two decimals', text: formatShare(0.123456), expected: '12.35%' },
        { name: 'a share near all has four decimals', text: formatShare(0.99876), expected: '99.876%' },
        { name: 'a share just short of all never reads 100%', text: formatShare(0.9999999), expected: '99.99999%' },
        { name: 'a tiny share has six decimals', text: formatShare(0.00001), expected: '0.001%' },
        { name: 'a share just above none never reads 0%', text: formatShare(1e-9), expected: '0.0000001%' },
        { name: 'a percentage to chosen decimals', text: formatPercent(0.999, 2), expected: '99.9%' },
        { name: 'a difference of shares in points', text: formatPoints(0.00114), expected: '0.114 pp' },
        { name: 'the same in words', text: formatPoints(0.0321, true), expected: '3.21 percentage points' },
        { name: 'no money', text: formatUsd(0), expected: '$0' },
        { name: 'dollars below 100 to the cent', text: formatUsd(12.5), expected: '$12.5' },
        { name: 'dollars from 100 up are whole', text: formatUsd(1_234.56), expected: '$1,235' },
        { name: 'a negative amount puts the sign first', text: formatUsd(-5), expected: '-$5' },
        { name: 'a size below a kilobyte in bytes', text: formatBytes(999), expected: '999 B' },
        { name: 'a size that rounds to 1,000 bytes in kilobytes', text: formatBytes(999.6), expected: '1 KB' },
        { name: 'a size that rounds to 1,000 KB in megabytes', text: formatBytes(999_960), expected: '1 MB' },
        { name: 'a size in gigabytes', text: formatBytes(1.5e9), expected: '1.5 GB' },
    ])('$name reads $expected', ({ text, expected }) => {
        expect(text).toBe(expected);
    });
});

const FORMATTERS = { formatDuration, formatCount, formatShare, formatPoints, formatUsd, formatBytes } as const;
const anyNumber = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE));
/** Durations the language accepts: whole milliseconds up to 2^53, and the fractions estimates produce. */
const duration = fc.double({ min: 0, max: Number.MAX_SAFE_INTEGER, noNaN: true });

describe('properties', () => {
    it.each(Object.entries(FORMATTERS))('%s never writes NaN, Infinity, undefined or an exponent', (_, format) => {
        fc.assert(
            fc.property(anyNumber, (n) => {
                expect(format(n)).not.toMatch(/NaN|Infinity|undefined|e[+-]\d/);
            }),
        );
    });

    it('a longer duration never reads shorter', () => {
        fc.assert(
            fc.property(duration, duration, (a, b) => {
                const [low, high] = a <= b ? [a, b] : [b, a];
                expect(readDuration(formatDuration(low))).toBeLessThanOrEqual(readDuration(formatDuration(high)));
            }),
        );
    });

    it('a duration reads within 5 % of its value (or 0.005 ms of it)', () => {
        fc.assert(
            fc.property(duration, (ms) => {
                expect(Math.abs(readDuration(formatDuration(ms)) - ms)).toBeLessThanOrEqual(Math.max(0.005, ms * 0.05));
            }),
        );
    });

    it('a duration leads with the largest unit it reaches: never 1000 ms, 60 s, 60 m or 24 h', () => {
        const next: Readonly<Record<string, number>> = { ms: 1_000, s: 60, m: 60, h: 24, d: Infinity };
        fc.assert(
            fc.property(duration, (ms) => {
                const [, n, unit] = /^([\d,.]+) (ms|s|m|h|d)/.exec(formatDuration(ms))!;
                const lead = Number(n!.replace(/,/g, ''));
                expect(lead).toBeLessThan(next[unit!]!);
                if (unit !== 'ms') expect(lead).toBeGreaterThanOrEqual(1);
                if (unit !== 'ms' && unit !== 's') expect(Number.isInteger(lead)).toBe(true);
            }),
        );
    });

    it('a negative duration reads as its size with a minus sign', () => {
        fc.assert(
            fc.property(duration, (ms) => {
                const size = formatDuration(ms);
                expect(formatDuration(-ms)).toBe(size.startsWith('0 ') ? size : `-${size}`);
            }),
        );
    });

    it('a larger count never reads smaller, and a whole count reads exactly', () => {
        const count = fc.double({ min: -1e15, max: 1e15, noNaN: true });
        fc.assert(
            fc.property(count, count, (a, b) => {
                const [low, high] = a <= b ? [a, b] : [b, a];
                expect(readNumber(formatCount(low))).toBeLessThanOrEqual(readNumber(formatCount(high)));
            }),
        );
        fc.assert(
            fc.property(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), (n) => {
                expect(formatCount(n)).toMatch(/^-?\d{1,3}(,\d{3})*$/);
                expect(readNumber(formatCount(n))).toBe(n);
            }),
        );
    });

    it("a count reads as Intl's en-US grouping of its whole value from 100 up, and as toFixed's two decimals without trailing zeros below", () => {
        const reference = (n: number) => {
            if (Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
            const text = n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
            return text === '-0' ? '0' : text;
        };
        const count = fc.oneof(
            fc.double({ min: -1e6, max: 1e6, noNaN: true }),
            fc.integer({ min: -2000, max: 2000 }),
            fc.integer({ min: -2000, max: 2000 }).map((n) => n / 4),
            fc.constantFrom(-0, 0.004, -0.004, -0.4, -0.5, 999.4, 999.5, -999.5, -1000.5, 1e20, -1e20),
        );
        fc.assert(
            fc.property(count, (n) => {
                expect(formatCount(n)).toBe(reference(n));
            }),
        );
    });

    it('a larger share never reads smaller, and one strictly between none and all reads neither 0% nor 100%', () => {
        // Reports keep shares to nine decimals.
        const share = fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1e9);
        fc.assert(
            fc.property(share, share, (a, b) => {
                const [low, high] = a <= b ? [a, b] : [b, a];
                expect(readNumber(formatShare(low))).toBeLessThanOrEqual(readNumber(formatShare(high)));
                if (low > 0 && low < 1) expect(formatShare(low)).not.toMatch(/^(0|100)%$/);
            }),
        );
    });

    it('a size leads with a unit it reaches, below 1,000 of it', () => {
        fc.assert(
            fc.property(fc.double({ min: 0, max: 1e17, noNaN: true }), (bytes) => {
                const [, n, unit] = /^([\d.]+) (B|KB|MB|GB|TB|PB)$/.exec(formatBytes(bytes))!;
                if (unit !== 'PB') expect(Number(n)).toBeLessThan(1_000);
                if (unit !== 'B') expect(Number(n)).toBeGreaterThanOrEqual(1);
            }),
        );
    });
});
