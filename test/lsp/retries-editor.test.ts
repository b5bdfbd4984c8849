// The editor on `retries`: completion offers the clause (once) in a service, hover explains it and its backoff
// with their facts, the service hover says what was declared or that none are assumed, and the formatter keeps it.
import { describe, expect, it } from 'vitest';
import { formatText } from './format-helpers.js';
import { completionLabelsAt, hoverAt } from './lsp-helpers.js';

const DESIGN = `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
`;

describe('completion of retries', () => {
    it('offers the clause in a service block', async () => {
        expect(await completionLabelsAt(`${DESIGN}service api { regions us-west-2 <|> }`)).toContain('retries');
    });

    it('offers backoff after the count', async () => {
        expect(await completionLabelsAt(`${DESIGN}service api { regions us-west-2 retries 3 <|> }`)).toContain(
            'backoff',
        );
    });

    it('does not offer the clause twice', async () => {
        expect(await completionLabelsAt(`${DESIGN}service api { regions us-west-2 retries 3 <|> }`)).not.toContain(
            'retries',
        );
    });
});

describe('hover of retries', () => {
    it.each([
        [
            'the keyword, with the load bound and its fact',
            '<|>retries 3',
            /up to N \+ 1 times the requests.*retry-load/,
        ],
        ['the keyword, saying nothing is assumed', '<|>retries 3', /Never assumed.*client-retries/],
        ['the backoff', 'retries 3 <|>backoff 100ms', /Wait before the first retry/],
    ])('explains %s', async (_what, clause, pattern) => {
        const text = await hoverAt(`${DESIGN}service api { regions us-west-2 ${clause} }`);
        expect(text?.replace(/\n/g, ' ')).toMatch(pattern);
    });

    it.each([
        [
            'declared retries and the bound they give',
            'retries 2 backoff 100ms',
            /Retries: 2, backoff 100 ms — .* up to 3× them \(bound\)/,
        ],
        ['that none are assumed without the clause', '', /Retries: none declared, none assumed/],
    ])('the service hover shows %s', async (_what, clause, pattern) => {
        const text = await hoverAt(`${DESIGN}service <|>api { regions us-west-2 ${clause} }`);
        expect(text).toMatch(pattern);
    });
});

describe('the quota clause in the editor', () => {
    it('is offered in a service, explained on hover and listed in the service hover', async () => {
        expect(await completionLabelsAt(`${DESIGN}service api { regions us-west-2 <|> }`)).toContain('quota');
        expect(await hoverAt(`${DESIGN}service api { regions us-west-2 <|>quota 80% }`)).toMatch(
            /most capacity `launch-capacity` or `scale-out` can bring a region to/,
        );
        expect(await hoverAt(`${DESIGN}service <|>api { regions us-west-2 quota 80% }`)).toMatch(
            /Quota: scale-out stops at 80 ?% of the load/,
        );
    });
});

describe('formatting retries', () => {
    it.each([
        [
            'a one-line block as one clause among the others',
            'service api { regions us-west-2 retries   3   backoff 100ms }\n',
            'service api { regions us-west-2  retries 3 backoff 100ms }\n',
        ],
        [
            'a block of lines, indented like its neighbours',
            'service api {\n  regions us-west-2\n      retries 3    backoff 100ms\n}\n',
            'service api {\n    regions us-west-2\n    retries 3 backoff 100ms\n}\n',
        ],
    ])('lays out %s', async (_what, input, expected) => {
        expect(await formatText(`${DESIGN}${input}`)).toBe(`${DESIGN}${expected}`);
    });
});
