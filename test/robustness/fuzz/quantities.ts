// Quantities as a user might write them: mostly the unit the property wants at sizes a design uses, sometimes
// what a careless or hostile user types — a wrong or missing unit, zero, a negative, a fraction where a whole
// number belongs, digits with underscores, numbers past 2^53 or past what a double holds.
import fc from 'fast-check';

type Weighted = { readonly arbitrary: fc.Arbitrary<string>; readonly weight: number };

const UNITS = [
    'ms',
    's',
    'm',
    'h',
    'd',
    '%',
    'B',
    'KB',
    'MB',
    'GB',
    'TB',
    'PB',
    'KiB',
    'GiB',
    '/s',
    '/m',
    '/h',
    '/d',
    'x',
    'sec',
    'mo',
];

/** A number that is legal to the lexer but absurd: huge, past 2^53, beyond a double, or tiny. */
export const extremeDigits: fc.Arbitrary<string> = fc.oneof(
    fc.integer({ min: 16, max: 30 }).map((n) => '9'.repeat(n)),
    fc.integer({ min: 309, max: 420 }).map((n) => '9'.repeat(n)),
    fc.constantFrom(
        '9007199254740993',
        '18446744073709551616',
        '1_000_000_000_000_000',
        '0.000000001',
        '4294967296',
        '2147483648',
        '0',
    ),
);

/** Any written quantity of another family, or a bare number, or an absurd one: the junk branch of every value. */
export const junkQuantity: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(fc.nat(5_000), fc.constantFrom(...UNITS)).map(([n, u]) => `${n}${u}`),
    fc.tuple(extremeDigits, fc.constantFrom('', ...UNITS)).map(([n, u]) => `${n}${u}`),
    fc.tuple(fc.integer({ min: -500, max: -1 }), fc.constantFrom('', 's', '%', '/s', 'GB')).map(([n, u]) => `${n}${u}`),
    fc.tuple(fc.nat(99), fc.nat(99), fc.constantFrom('', 's', '%', '/s')).map(([a, b, u]) => `${a}.${b}${u}`),
    fc.constantFrom('$5/month', '$0.02/GB', '$1/TB', '$3/mo', '$9/s', '1/x', '1_0s', '0ms', '0%', '100%', '101%'),
);

/** The values of every unit family; with `junk`, each one is now and then something that should be refused. */
export interface Quantities {
    duration(max?: 'seconds' | 'minutes' | 'hours' | 'days'): fc.Arbitrary<string>;
    readonly rate: fc.Arbitrary<string>;
    readonly percent: fc.Arbitrary<string>;
    readonly size: fc.Arbitrary<string>;
    readonly price: fc.Arbitrary<string>;
    readonly money: fc.Arbitrary<string>;
    count(min: number, max: number): fc.Arbitrary<string>;
    readonly latitude: fc.Arbitrary<string>;
    readonly longitude: fc.Arbitrary<string>;
    readonly percentile: fc.Arbitrary<string>;
}

export function quantities(junk: boolean): Quantities {
    const withJunk = (typical: fc.Arbitrary<string>): fc.Arbitrary<string> => {
        if (!junk) return typical;
        const branches: Weighted[] = [
            { arbitrary: typical, weight: 14 },
            { arbitrary: junkQuantity, weight: 1 },
        ];
        return fc.oneof(...branches);
    };
    const durationUnits = {
        seconds: ['ms', 's'],
        minutes: ['ms', 's', 's', 'm'],
        hours: ['s', 'm', 'm', 'h'],
        days: ['m', 'h', 'd', 'd'],
    };
    return {
        /** A duration of up to about 120 of the largest unit `max` allows, e.g. `90s`, `5m`, `250ms`. */
        duration: (max = 'minutes') =>
            withJunk(
                fc
                    .tuple(fc.integer({ min: 1, max: 120 }), fc.constantFrom(...durationUnits[max]))
                    .map(([n, u]) => `${n}${u}`),
            ),
        // Small enough that a scenario of a few minutes mostly stays within the fuzz run's event budget.
        rate: withJunk(
            fc.oneof(
                { arbitrary: fc.integer({ min: 0, max: 300 }).map((n) => `${n}/s`), weight: 8 },
                { arbitrary: fc.integer({ min: 1, max: 6_000 }).map((n) => `${n}/m`), weight: 1 },
                { arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => `${n}/h`), weight: 1 },
                { arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((n) => `${n}/s`), weight: 1 },
            ),
        ),
        percent: withJunk(
            fc.oneof(
                fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
                fc.constantFrom('99.9%', '99.99%', '99.999%', '0.5%', '12.5%'),
            ),
        ),
        size: withJunk(
            fc
                .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('B', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB'))
                .map(([n, u]) => `${n}${u}`),
        ),
        price: withJunk(
            fc
                .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('GB', 'TB'))
                .map(([a, b, u]) => `$${a}.${String(b).padStart(2, '0')}/${u}`),
        ),
        money: withJunk(fc.integer({ min: 0, max: 1_000_000 }).map((n) => `$${n}/month`)),
        count: (min, max) => withJunk(fc.integer({ min, max }).map(String)),
        latitude: withJunk(fc.tuple(fc.integer({ min: -89, max: 89 }), fc.nat(9999)).map(([a, b]) => `${a}.${b}`)),
        longitude: withJunk(fc.tuple(fc.integer({ min: -179, max: 179 }), fc.nat(9999)).map(([a, b]) => `${a}.${b}`)),
        percentile: junk
            ? fc.oneof(
                  { arbitrary: fc.constantFrom('p50', 'p90', 'p95', 'p99', 'p999'), weight: 9 },
                  { arbitrary: fc.constantFrom('p0', 'p100', 'p', 'q99', 'p9999999999999999999'), weight: 1 },
              )
            : fc.constantFrom('p50', 'p90', 'p95', 'p99', 'p999'),
    };
}
