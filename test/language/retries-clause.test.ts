// The `retries` clause of a service: how many times its clients try a failed request again, and the backoff
// before the first retry. Never defaulted: a service without it has no retries. Each invalid case marks with «…»
// the text the diagnostic must point at.
import { describe, expect, test } from 'vitest';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { unmark } from '../helpers/markers.js';
import { modelOf, validate } from '../helpers/services.js';

const STANDARD = new Set<string>(Object.values(ProblemCodes));
const REGIONS = ['us-east-1', 'us-west-2'].map((r) => `region ${r} { provider aws jurisdiction US }`).join('\n');
const service = (body: string) =>
    `topology T\n${REGIONS}\nservice api {\n    regions us-east-1, us-west-2\n    posture active-active\n${body}\n}\n`;

describe('the retries clause', () => {
    test.each([
        { name: 'a count alone', body: '    retries 3', retries: { count: 3 } },
        { name: 'zero, saying there are none', body: '    retries 0', retries: { count: 0 } },
        {
            name: 'a count with a backoff in milliseconds',
            body: '    retries 2 backoff 100ms',
            retries: { count: 2, backoffMs: 100 },
        },
        { name: 'a backoff in seconds', body: '    retries 1 backoff 1s', retries: { count: 1, backoffMs: 1_000 } },
    ])('reads $name', async ({ body, retries }) => {
        const { model, diagnostics } = await modelOf(service(body));
        expect(diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => `${d.code}: ${d.message}`)).toEqual(
            [],
        );
        expect(model.services.get('api')!.retries).toEqual(retries);
    });

    test('leaves a service without the clause without retries (no SDK default is assumed)', async () => {
        const { model } = await modelOf(service(''));
        expect(model.services.get('api')!.retries).toBeUndefined();
    });

    test.each([
        { name: 'a fractional count', body: '    retries «1.5»', code: 'value-out-of-range', message: /whole number/ },
        { name: 'a negative count', body: '    retries «-1»', code: 'value-out-of-range', message: /at least 0/ },
        { name: 'a count with a unit', body: '    retries «3s»', code: 'wrong-unit', message: /retries/ },
        {
            name: 'a backoff without a unit',
            body: '    retries 3 backoff «100»',
            code: 'missing-unit',
            message: /retry backoff/,
        },
        {
            name: 'a second retries clause',
            body: '    retries 1\n    «retries» 2',
            code: 'duplicate-clause',
            message: /'retries' is already declared at line/,
        },
    ])('reports $name as $code at the offending text', async ({ body, code, message }) => {
        const { text, ranges } = unmark(service(body));
        const { diagnostics } = await validate(text);
        const matching = diagnostics.filter((d) => d.code === code && message.test(String(d.message)));
        expect(
            matching.map((d) => d.range),
            JSON.stringify(diagnostics.map((d) => [d.code, d.message])),
        ).toEqual([ranges[0]]);
    });
});
