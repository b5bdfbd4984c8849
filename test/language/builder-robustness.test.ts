// Building the model never throws: whatever a user has typed so far (any prefix of an example, or an example with
// a random span deleted), the builder returns a model and problems with valid ranges.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/bundles.js';
import type { Model } from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';

const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.mregion'))
    .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'));

describe('model builder robustness', () => {
    test('returns a model for any prefix or span-deleted variant of an example', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.constantFrom(...examples),
                fc.nat(),
                fc.nat(),
                fc.nat({ max: 200 }),
                async (text, a, b, length) => {
                    const cut = a % (text.length + 1);
                    const start = b % (text.length + 1);
                    const variant = [text.slice(0, cut), text.slice(0, start) + text.slice(start + length)][a % 2]!;
                    const { model, diagnostics } = await modelOf(variant);
                    expect(model).toBeDefined();
                    const lines = variant.split('\n');
                    for (const d of diagnostics) {
                        expect(d.range.start.line).toBeGreaterThanOrEqual(0);
                        expect(d.range.end.line).toBeLessThan(Math.max(lines.length, 1) + 1);
                        expect(d.code).not.toBe('internal-error');
                    }
                },
            ),
            { numRuns: 60, seed: 20261129 },
        );
    });
});

describe('clauses whose value did not parse', () => {
    test.each([
        [
            'a writes clause without its policy',
            'store s { engine aurora regions us-east-1, us-west-2 holds shared rows writes consistency session }',
            (m: Model) => m.stores.get('s')!.writes.provenance.kind,
        ],
        [
            'an invariant without its kind',
            'store s { engine dynamodb regions us-east-1, us-west-2 holds shared rows invariant consistency eventual }',
            (m: Model) => m.stores.get('s')!.invariants.length,
        ],
    ] as [string, string, (m: Model) => unknown][])(
        'leave %s out of the model, as if it were not written',
        async (_name, store, read) => {
            const regions =
                'region us-east-1 { provider aws jurisdiction US }\nregion us-west-2 { provider aws jurisdiction US }\n';
            const { model, diagnostics } = await modelOf(`topology T\n${regions}${store}\n`);
            expect(diagnostics.map((d) => d.code)).toContain('syntax-error');
            expect(read(model)).not.toBe('declared');
            expect(read(model)).not.toBe(1);
            for (const d of diagnostics) expect(String(d.message)).not.toMatch(/undefined/);
        },
    );
});
