// The `caches` clause of a cache store: the store it is in front of, its hit rate once warm and its warm-up,
// all declared (no defaults). Each invalid case marks with «…» the text the diagnostic must point at.
import { describe, expect, test } from 'vitest';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { unmark } from '../helpers/markers.js';
import { modelOf, validate } from '../helpers/services.js';

const STANDARD = new Set<string>(Object.values(ProblemCodes));
const REGIONS = ['us-east-1', 'us-west-2'].map((r) => `region ${r} { provider aws jurisdiction US }`).join('\n');
const BACKING = `store orders {\n    engine dynamodb\n    regions us-east-1\n    holds per-user rows\n}\n`;
const cache = (clause: string, engine = 'redis') =>
    `topology T\n${REGIONS}\n${BACKING}store c {\n    engine ${engine}\n    regions us-east-1\n    holds per-user rows\n    ${clause}\n}\n`;

describe('the caches clause', () => {
    test.each([
        {
            name: 'a redis cache in front of a store',
            clause: 'caches orders hit-rate 95% warm-up 10m',
            caches: { store: 'orders', hitRate: 0.95, warmUpMs: 600_000 },
        },
        {
            name: 'a memcached cache kept warm',
            clause: 'caches orders hit-rate 80% warm-up 0s',
            engine: 'memcached',
            caches: { store: 'orders', hitRate: 0.8, warmUpMs: 0 },
        },
    ])('reads $name', async ({ clause, engine, caches }) => {
        const { model, diagnostics } = await modelOf(cache(clause, engine));
        expect(diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => `${d.code}: ${d.message}`)).toEqual(
            [],
        );
        expect(model.stores.get('c')!.caches).toEqual(caches);
    });

    test.each([
        {
            name: 'a cache clause on a database',
            clause: '«caches» orders hit-rate 95% warm-up 10m',
            engine: 'aurora',
            code: 'inapplicable-property',
            message: /'caches' applies to a cache \(engine redis or memcached\); store c is aurora/,
        },
        {
            name: 'a cache of itself',
            clause: 'caches «c» hit-rate 95% warm-up 10m',
            code: 'inapplicable-property',
            message: /cannot cache itself/,
        },
        {
            name: 'a hit rate above 100 %',
            clause: 'caches orders hit-rate «120%» warm-up 10m',
            code: 'value-out-of-range',
            message: /cache hit rate must be at most 100%/,
        },
        {
            name: 'a warm-up without a unit',
            clause: 'caches orders hit-rate 95% warm-up «10»',
            code: 'missing-unit',
            message: /cache warm-up/,
        },
        {
            name: 'a hit rate that is a duration',
            clause: 'caches orders hit-rate «5s» warm-up 10m',
            code: 'wrong-unit',
            message: /cache hit rate/,
        },
    ])('reports $name as $code at the offending text', async ({ clause, engine, code, message }) => {
        const { text, ranges } = unmark(cache(clause, engine));
        const { diagnostics } = await validate(text);
        const matching = diagnostics.filter((d) => d.code === code && message.test(String(d.message)));
        expect(
            matching.map((d) => d.range),
            JSON.stringify(diagnostics.map((d) => [d.code, d.message])),
        ).toEqual([ranges[0]]);
    });
});
