// The LSP fuzz stage, a few seeded sequences against the real server over stdio: every request the server offers
// and the custom mregion ones at random, out-of-range and fractional positions, on wrong URIs, interleaved with
// edits past the end, cancellations, closes and malformed params. The server keeps running, answers every request
// without a stack trace (and without an internal error when the params have the right shape), and a known text
// given at the end gets the diagnostics of a fresh validation. The large run is `node scripts/fuzz.mjs --stage lsp`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bundles.js';
import { knownIssueOf } from './fuzz/known-issues.js';
import { lspCase, type LspCase } from './fuzz/lsp-case.js';
import { runLspCase } from './fuzz/lsp-stage.js';
import { loadExamples } from './fuzz/run-support.js';

const examples = loadExamples(ROOT);

// Bounds that only catch a hang: timing on a shared machine is measured by the large run.
const OPTIONS = { hangMs: 30_000, memoryMB: 1_536 };

async function expectRobust(c: LspCase): Promise<void> {
    const outcome = await runLspCase(c, OPTIONS);
    const unknown = outcome.failures.filter((f) => !knownIssueOf(f));
    expect(unknown, c.origin).toEqual([]);
}

describe('fuzzing the LSP protocol against the real server', () => {
    it('answers random requests, edits, cancellations and malformed params, and ends with the diagnostics of a fresh validation', async () => {
        await fc.assert(fc.asyncProperty(lspCase(examples), expectRobust), {
            numRuns: 12,
            seed: 20261206,
            endOnFailure: true,
        });
    }, 300_000);

    it('sends every request, malformed params, cancellations and out-of-range positions', () => {
        // Guards the generator: sequences that never cancel or never go out of range prove nothing about either.
        const ops = fc.sample(lspCase(examples), { seed: 7, numRuns: 100 }).flatMap((c) => c.ops);
        const requests = ops.filter((o) => o.op === 'request');
        expect(new Set(requests.map((r) => r.method)).size).toBe(25);
        expect(requests.some((r) => r.malformed)).toBe(true);
        expect(requests.some((r) => r.cancel === 0) && requests.some((r) => (r.cancel ?? 0) > 0)).toBe(true);
        expect(new Set(ops.map((o) => o.op))).toEqual(
            new Set(['request', 'change', 'cancel-id', 'progress-cancel', 'close', 'open']),
        );
        expect(JSON.stringify(requests.map((r) => r.params))).toMatch(/"line":-1|"character":-1/);
        expect(JSON.stringify(requests.map((r) => r.params))).toMatch(/"line":0\.5|"character":0\.5/);
    });
});
