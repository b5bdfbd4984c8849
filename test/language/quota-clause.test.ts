// The `quota` clause of a service: the most capacity a scale-out can reach, a share like `capacity`.
import { describe, expect, test } from 'vitest';
import { unmark } from '../helpers/markers.js';
import { modelOf, validate } from '../helpers/services.js';

const REGIONS = ['us-east-1', 'us-west-2'].map((r) => `region ${r} { provider aws jurisdiction US }`).join('\n');
const service = (body: string) =>
    `topology T\n${REGIONS}\nservice api {\n    regions us-east-1, us-west-2\n    posture active-active\n${body}\n}\n`;

describe('the quota clause', () => {
    test.each([
        { body: '    quota 80%', quota: 0.8 },
        { body: '    quota 150%', quota: 1.5 },
        { body: '', quota: undefined },
    ])('reads "$body" as $quota', async ({ body, quota }) => {
        const { model } = await modelOf(service(body));
        expect(model.services.get('api')!.quota).toBe(quota);
    });

    test.each([
        { body: '    quota «80»', code: 'missing-unit', message: /quota/ },
        { body: '    quota «10m»', code: 'wrong-unit', message: /quota/ },
        { body: '    quota «-5%»', code: 'value-out-of-range', message: /quota must be at least 0%/ },
        { body: '    quota 80%\n    «quota» 90%', code: 'duplicate-clause', message: /'quota' is already declared/ },
    ])('reports $code for "$body"', async ({ body, code, message }) => {
        const { text, ranges } = unmark(service(body));
        const { diagnostics } = await validate(text);
        const matching = diagnostics.filter((d) => d.code === code && message.test(String(d.message)));
        expect(
            matching.map((d) => d.range),
            JSON.stringify(diagnostics.map((d) => [d.code, d.message])),
        ).toEqual([ranges[0]]);
    });
});
