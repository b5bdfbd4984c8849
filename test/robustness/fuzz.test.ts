// Property-based fuzzing of the whole pipeline (parse → link and validate with every design rule → model →
// simulation of each scenario under a small event budget → CDK export in memory → one edit through the editor's
// incremental path), a few hundred cases with fixed seeds — generated designs, mutated examples and token soup:
// nothing escapes as an exception or a console error, every diagnostic lies inside its document and reads well,
// the diagnostics after the edit equal a fresh validation, every scenario ends in a schema-valid, reproducible report or a SimulationError that says why, and every
// export has safe paths, JSON that loads and TypeScript that parses. The large run (≥ 100,000 cases, with the time
// bound per case) is `node scripts/fuzz.mjs`; see bench/robustness/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bundles.js';
import { generatedCase, mutatedCase, soupCase, textChange, type FuzzCase } from './fuzz/cases.js';
import { knownIssueOf } from './fuzz/known-issues.js';
import { DEFAULT_OPTIONS, FuzzPipeline } from './fuzz/pipeline.js';

const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.mregion'))
    .sort()
    .map((f) => ({ name: f.replace(/\.mregion$/, ''), text: readFileSync(path.join(ROOT, 'examples', f), 'utf8') }));

// The time bound here only catches a hang: timing on a shared machine is measured by the large run, not asserted.
const pipeline = new FuzzPipeline({ ...DEFAULT_OPTIONS, caseBoundMs: 30_000 });

async function expectRobust(fuzzCase: FuzzCase): Promise<void> {
    const outcome = await pipeline.run(fuzzCase);
    const unknown = outcome.failures.filter((f) => !knownIssueOf(f));
    expect(unknown, `${fuzzCase.origin}\n${fuzzCase.main}`).toEqual([]);
}

describe('fuzzing parse → rules → simulation → export', () => {
    it('survives generated designs of every declaration kind, clean and messy', async () => {
        await fc.assert(fc.asyncProperty(generatedCase, expectRobust), { numRuns: 160, seed: 20261129 });
    });

    it('survives the examples mutated by deletions, swaps, duplications, truncation, unicode, huge numbers and wrong units', async () => {
        await fc.assert(fc.asyncProperty(mutatedCase(examples), expectRobust), { numRuns: 160, seed: 20261130 });
    });

    it("survives token soup: the language's words in any order", async () => {
        await fc.assert(fc.asyncProperty(soupCase(), expectRobust), { numRuns: 80, seed: 20261131 });
    });

    it('survives an edit of a generated design, ending with the diagnostics of a fresh validation', async () => {
        const edited = fc.tuple(generatedCase, textChange).map(([c, edit]) => ({ ...c, edit }));
        await fc.assert(fc.asyncProperty(edited, expectRobust), { numRuns: 120, seed: 20261132 });
    });

    it('drives every stage: most generated designs are simulated and exported, some refused with reasons, some edits spliced', async () => {
        // Guards the generators themselves: a fuzzer whose cases all die in the parser proves nothing downstream.
        const totals = { cases: 0, blocked: 0, simulated: 0, refused: 0, exported: 0, spliced: 0 };
        for (const c of fc.sample(
            fc.tuple(generatedCase, textChange).map(([g, edit]) => ({ ...g, edit })),
            { seed: 7, numRuns: 60 },
        )) {
            const o = await pipeline.run(c);
            totals.cases++;
            if (o.blocked) totals.blocked++;
            totals.simulated += o.simulated;
            totals.refused += Object.values(o.refused).reduce((a, b) => a + b, 0);
            if (o.exported) totals.exported++;
            if (o.spliced) totals.spliced++;
        }
        expect(totals.blocked).toBeLessThan(totals.cases * 0.75);
        expect(totals.simulated).toBeGreaterThan(totals.cases * 0.3);
        expect(totals.refused).toBeGreaterThan(0);
        expect(totals.exported).toBeGreaterThan(totals.cases * 0.15);
        expect(totals.spliced).toBeGreaterThan(0);
    });
});
