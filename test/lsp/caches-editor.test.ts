// The editor on `caches`: completion offers the clause in a store and its words in order, hover explains them
// with their fact, the store hover gives the cold-start load, and the formatter keeps the clause.
import { describe, expect, it } from 'vitest';
import { formatText } from './format-helpers.js';
import { completionLabelsAt, hoverAt } from './lsp-helpers.js';

const DESIGN = `topology T
region us-east-1 { provider aws }
store orders { engine dynamodb  regions us-east-1  holds per-user rows }
`;
const cache = (body: string) => `${DESIGN}store c { engine redis regions us-east-1 holds per-user rows ${body} }`;

describe('completion of caches', () => {
    it.each([
        ['the clause in a store block', cache('<|>'), 'caches'],
        ['hit-rate after the store', cache('caches orders <|>'), 'hit-rate'],
        ['warm-up after the hit rate', cache('caches orders hit-rate 95% <|>'), 'warm-up'],
    ])('offers %s', async (_what, text, label) => {
        expect(await completionLabelsAt(text)).toContain(label);
    });
});

describe('hover of caches', () => {
    it.each([
        ['the clause', cache('<|>caches orders hit-rate 95% warm-up 10m'), /in front of.*cold-cache/],
        ['the hit rate', cache('caches orders <|>hit-rate 95% warm-up 10m'), /Share of reads the cache answers/],
        ['the warm-up', cache('caches orders hit-rate 95% <|>warm-up 10m'), /linear ramp from 0/],
    ])('explains %s', async (_what, text, pattern) => {
        expect((await hoverAt(text))?.replace(/\n/g, ' ')).toMatch(pattern);
    });

    it('the store hover says what a cold start sends the backing store', async () => {
        const text = await hoverAt(
            `${DESIGN}store <|>c { engine redis regions us-east-1 holds per-user rows caches orders hit-rate 95% warm-up 10m }`,
        );
        expect(text).toMatch(/Caches orders: hit rate 95 ?%, warm-up 10 ?m.*reads × 95 ?% × 10 ?m ÷ 2 more reads/);
    });
});

describe('formatting caches', () => {
    it('indents the clause like its neighbours and keeps its words', async () => {
        const input = `${DESIGN}store c {\n    engine redis\n  caches   orders hit-rate 95%   warm-up 10m\n}\n`;
        expect(await formatText(input)).toBe(
            `${DESIGN}store c {\n    engine redis\n    caches orders hit-rate 95% warm-up 10m\n}\n`,
        );
    });
});
