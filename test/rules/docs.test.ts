// docs/rules/<code>.md for every rule: its sections, and examples that really are flagged and fixed.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_CODES } from '../../language/validation/rules/catalog.js';
import { ruleDocPath, ruleDocUri } from '../../language/validation/rules/docs-link.js';
import { ROOT } from '../helpers/bundles.js';
import { diagnosticsOf } from './rule-cases.js';

const DOCS = path.join(ROOT, 'docs', 'rules');

/** The first ```mregion block after a `## <heading>` line. */
function example(markdown: string, heading: string): string | undefined {
    const at = markdown.indexOf(`\n## ${heading}\n`);
    if (at < 0) return undefined;
    return /```mregion\n([\s\S]*?)```/.exec(markdown.slice(at))?.[1];
}

describe('rule documentation', () => {
    it('is indexed in docs/rules/README.md, one row per rule', () => {
        const readme = readFileSync(path.join(DOCS, 'README.md'), 'utf8');
        for (const code of RULE_CODES)
            expect(readme, code).toContain(`| [${code}](${code}.md) | ${RULES[code].severity}`);
    });

    it('is where diagnostics link to', () => {
        for (const code of RULE_CODES) {
            expect(existsSync(ruleDocPath(code)), code).toBe(true);
            expect(ruleDocUri(code)).toBe(`file://${path.join(DOCS, `${code}.md`)}`);
        }
    });

    for (const code of RULE_CODES) {
        describe(code, () => {
            const markdown = existsSync(path.join(DOCS, `${code}.md`))
                ? readFileSync(path.join(DOCS, `${code}.md`), 'utf8')
                : '';

            it('says what it checks, why, how to fix, with a flagged and a fixed example', () => {
                expect(markdown.startsWith(`# ${code}\n`)).toBe(true);
                expect(markdown).toContain(`**Default severity:** ${RULES[code].severity}`);
                for (const heading of ['What it checks', 'Why it matters', 'How to fix', 'Flagged', 'Fixed'])
                    expect(markdown).toContain(`\n## ${heading}\n`);
                expect(markdown).toMatch(/facts\.md#[a-z0-9-]+|the seed/);
            });

            it('has a flagged example the checker flags', async () => {
                const text = example(markdown, 'Flagged');
                expect(text).toBeDefined();
                const { diagnostics } = await diagnosticsOf(text!);
                expect(
                    diagnostics
                        .filter((d) => d.severity === 1 && !(String(d.code) in RULES))
                        .map((d) => `${d.code} ${d.message}`),
                ).toEqual([]);
                expect(diagnostics.map((d) => d.code)).toContain(code);
            });

            it('has a fixed example the checker does not flag', async () => {
                const text = example(markdown, 'Fixed');
                expect(text).toBeDefined();
                const { diagnostics } = await diagnosticsOf(text!);
                expect(
                    diagnostics
                        .filter((d) => d.severity === 1 && !(String(d.code) in RULES))
                        .map((d) => `${d.code} ${d.message}`),
                ).toEqual([]);
                expect(diagnostics.filter((d) => d.code === code).map((d) => d.message)).toEqual([]);
            });
        });
    }
});
