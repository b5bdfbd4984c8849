import { describe, expect, it } from 'vitest';
import { MregionGrammar } from '../../language/generated/grammar.js';
import { keywordOwners } from '../../language/lsp/grammar-keywords.js';
import { KEYWORD_DOCS, SECTIONS, UNDOCUMENTED_PUNCTUATION, keywordUsage } from '../../language/lsp/keyword-docs.js';
import { MregionAstReflection } from '../../language/generated/ast.js';

const owners = keywordOwners(MregionGrammar());
const documented = [...owners.keys()].filter((k) => !UNDOCUMENTED_PUNCTUATION.has(k)).sort();

describe('keyword documentation', () => {
    it.each(documented)('documents the keyword %s', (keyword) => {
        expect(KEYWORD_DOCS[keyword], `no entry for '${keyword}'`).toBeDefined();
    });

    const contexts = [...owners.entries()]
        .flatMap(([keyword, types]) => [...types].map((type) => [keyword, type] as const))
        .filter(([k]) => !UNDOCUMENTED_PUNCTUATION.has(k));
    it.each(contexts)('documents %s where a %s uses it', (keyword, type) => {
        const usages = KEYWORD_DOCS[keyword] ?? [];
        expect(
            usages.some((u) => u.in.includes(type)),
            `no usage of '${keyword}' for ${type}`,
        ).toBe(true);
    });

    it('documents no keyword the grammar does not have', () => {
        expect(Object.keys(KEYWORD_DOCS).filter((k) => !owners.has(k))).toEqual([]);
    });

    it('names only AST types that exist', () => {
        const types = new Set(new MregionAstReflection().getAllTypes());
        const unknown = Object.entries(KEYWORD_DOCS).flatMap(([k, usages]) =>
            usages.flatMap((u) => u.in.filter((t) => !types.has(t)).map((t) => `${k}: ${t}`)),
        );
        expect(unknown).toEqual([]);
    });

    it('files every usage under a known section', () => {
        const ids = new Set(SECTIONS.map((s) => s.id));
        expect(
            Object.values(KEYWORD_DOCS)
                .flat()
                .filter((u) => !ids.has(u.section)),
        ).toEqual([]);
    });

    it.each([
        ['writes', 'WritesClause', /Who may write/],
        ['writes', 'WriteRateClause', /Write rate/],
        ['ttl', 'RouteClause', /DNS time to live.*1 m \(docs\/facts\.md#route53-failover-ttl\)/],
        ['every', 'DetectClause', /default 30 s \(docs\/facts\.md#route53-health-check-interval\)/],
        ['dynamodb', 'EngineClause', /replication async with lag 1 s \(docs\/facts\.md#dynamodb-mrec\)/],
    ])('picks the meaning of %s inside a %s', (keyword, owner, pattern) => {
        expect(keywordUsage(keyword, owner)?.summary).toMatch(pattern);
    });
});
