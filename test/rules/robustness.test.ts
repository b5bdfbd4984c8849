// Rules run on whatever model a half-typed design gives: on truncated, line-dropped and token-dropped versions
// of every example, no rule throws (a `rule-failed` diagnostic would mean one did).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bundles.js';
import { validate } from '../helpers/services.js';

const EXAMPLES = path.join(ROOT, 'examples');
const texts = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.mregion'))
    .sort()
    .map((f) => readFileSync(path.join(EXAMPLES, f), 'utf8'));

const mangled = fc
    .tuple(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 6 }),
    )
    .map(([which, how, at, span]) => {
        const text = texts[which]!;
        if (how === 0) return text.slice(0, at % (text.length + 1));
        if (how === 1) {
            const lines = text.split('\n');
            const from = at % lines.length;
            return [...lines.slice(0, from), ...lines.slice(from + span)].join('\n');
        }
        const tokens = text.split(/(\s+)/);
        const from = at % tokens.length;
        return [...tokens.slice(0, from), ...tokens.slice(from + span)].join('');
    });

describe('rules on broken designs', () => {
    it('never fail on truncated or partly deleted examples', async () => {
        await fc.assert(
            fc.asyncProperty(mangled, async (text) => {
                const { diagnostics } = await validate(text);
                const failures = diagnostics.filter((d) => d.code === 'rule-failed' || d.code === 'internal-error');
                expect(failures.map((d) => d.message)).toEqual([]);
            }),
            { numRuns: 300, seed: 20261129 },
        );
    });
});
