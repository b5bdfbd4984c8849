// Units are syntax: every family normalizes to its base unit, and anything else is a precise error.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kindOf, normalize, splitQuantity, type UnitKind } from '../../language/semantics/units.js';

describe('units', () => {
    test.each([
        ['250ms', 'duration', 250],
        ['10s', 'duration', 10_000],
        ['5m', 'duration', 300_000],
        ['7h', 'duration', 25_200_000],
        ['30d', 'duration', 2_592_000_000],
        ['1000/s', 'rate', 1000],
        ['120/m', 'rate', 2],
        ['3600/h', 'rate', 1],
        ['99.99%', 'percent', 0.9999],
        ['5TB', 'size', 5e12],
        ['2KiB', 'size', 2048],
        ['$0.02/GB', 'price', 0.02],
        ['$20/TB', 'price', 0.02],
        ['$5000/month', 'money', 5000],
        ['$12/mo', 'money', 12],
        ['1_000_000', 'count', 1e6],
        ['-77.5', 'number', -77.5],
    ] as [string, UnitKind, number][])('reads %s as %s %f in base units', (text, kind, value) => {
        const result = normalize(text, kind);
        expect(result).toMatchObject({ ok: true });
        if (result.ok) expect(result.value).toBeCloseTo(value, 12);
    });

    test.each([
        ['60', 'duration', 'missing-unit', /e\.g\. '60s'/],
        ['60TB', 'duration', 'wrong-unit', /is a size/],
        ['2000', 'rate', 'missing-unit', /2000\/s/],
        ['0.02/GB', 'price', 'wrong-unit', /unknown unit|price/],
        ['5x', 'duration', 'wrong-unit', /unknown unit/],
        ['2.5', 'count', 'not-integer', /whole number/],
        ['50%', 'duration', 'wrong-unit', /percentage/],
    ] as [string, UnitKind, string, RegExp][])(
        'refuses %s where %s is expected (%s)',
        (text, kind, reason, message) => {
            const result = normalize(text, kind);
            expect(result).toMatchObject({ ok: false, reason });
            if (!result.ok) expect(result.message).toMatch(message);
        },
    );

    test('normalizes any whole number of any duration unit exactly', () => {
        const factors: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 };
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('ms', 's', 'm', 'h', 'd'), (n, unit) => {
                const result = normalize(`${n}${unit}`, 'duration');
                return result.ok && result.value === n * factors[unit]!;
            }),
        );
    });

    test('classifies every written quantity into at most one family', () => {
        fc.assert(
            fc.property(
                fc.stringMatching(/^\$?[0-9]{1,4}(\.[0-9]{1,2})?(%|ms|s|m|h|d|TB|GB|MB|x)?(\/(s|h|GB|month|q))?$/),
                (text) => {
                    const q = splitQuantity(text);
                    if (!q) return true;
                    const kind = kindOf(q);
                    const families: UnitKind[] = [
                        'duration',
                        'rate',
                        'percent',
                        'size',
                        'throughput',
                        'price',
                        'money',
                        'count',
                    ];
                    const accepted = families.filter((f) => normalize(text, f).ok).length;
                    const wholeOrNotCount = kind !== 'count' || Number.isInteger(q.number);
                    return accepted === (kind && wholeOrNotCount ? 1 : 0);
                },
            ),
        );
    });
});
