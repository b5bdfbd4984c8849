// The `catch-up` clause of a store: how fast its replication backlog drains after a heal, in writes per second
// or as a throughput. Each invalid case marks with «…» the text the diagnostic must point at.
import { describe, expect, test } from 'vitest';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { unmark } from '../helpers/markers.js';
import { modelOf, validate } from '../helpers/services.js';

const STANDARD = new Set<string>(Object.values(ProblemCodes));
const REGIONS = ['us-east-1', 'us-west-2'].map((r) => `region ${r} { provider aws jurisdiction US }`).join('\n');
const store = (body: string, replication = 'replication async lag 1s') =>
    `topology T\n${REGIONS}\nstore s {\n    engine dynamodb\n    regions us-east-1, us-west-2\n    holds shared rows\n    ${replication}\n${body}\n}\n`;

describe('the catch-up clause', () => {
    const valid: readonly { name: string; body: string; catchUp: { writesPerS?: number; bytesPerS?: number } }[] = [
        { name: 'a rate in writes per second', body: '    catch-up 5000/s', catchUp: { writesPerS: 5_000 } },
        {
            name: 'a rate per minute, as writes per second',
            body: '    catch-up 60000/m',
            catchUp: { writesPerS: 1_000 },
        },
        {
            name: 'a throughput, kept in bytes per second',
            body: '    catch-up 50MB/s',
            catchUp: { bytesPerS: 50_000_000 },
        },
    ];
    test.each(valid)('reads $name', async ({ body, catchUp }) => {
        const { model, diagnostics } = await modelOf(store(body));
        expect(diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => `${d.code}: ${d.message}`)).toEqual(
            [],
        );
        expect(model.stores.get('s')!.catchUp).toEqual(catchUp);
    });

    test('leaves a store without the clause without a rate (there is no documented default)', async () => {
        const { model } = await modelOf(store(''));
        expect(model.stores.get('s')!.catchUp).toBeUndefined();
    });

    const invalid: readonly { name: string; body: string; replication?: string; code: string; message: RegExp }[] = [
        {
            name: 'a duration',
            body: '    catch-up «5s»',
            code: 'wrong-unit',
            message: /catch-up rate .*: '5s' is a duration/,
        },
        {
            name: 'a zero rate',
            body: '    catch-up «0/s»',
            code: 'value-out-of-range',
            message: /catch-up rate .* must be greater than/,
        },
        {
            name: 'a second catch-up',
            body: '    catch-up 10/s\n    «catch-up» 20/s',
            code: 'duplicate-clause',
            message: /'catch-up' is already declared at line/,
        },
        {
            name: 'a catch-up on a consensus store',
            body: '    «catch-up 10/s»',
            replication: 'replication consensus',
            code: 'inapplicable-property',
            message:
                /'catch-up' applies to asynchronous replication \('replication async'\); store s replicates by consensus/,
        },
    ];
    test.each(invalid)('reports $name as $code at the offending text', async ({ body, replication, code, message }) => {
        const { text, ranges } = unmark(store(body, replication));
        const { diagnostics } = await validate(text);
        const matching = diagnostics.filter((d) => d.code === code && message.test(String(d.message)));
        expect(
            matching.map((d) => d.range),
            JSON.stringify(diagnostics.map((d) => [d.code, d.message])),
        ).toEqual([ranges[0]]);
    });
});
