// One fixture per load-at-failover concept (test/fixtures/load): retries, a cold cache, a quota. Each triggers
// exactly the rules its header names, its scenario's expectations hold, and the simulation meets the closed form:
// - retries: a survivor of capacity c offered all the load x with n retries converges to f = (1 − c/x)^(1/(n+1))
//   failed per attempt and is offered c ÷ (1 − f) — 0.6 ÷ (1 − 0.4^(1/3)) ≈ 228 % of the load, serving its 60 %;
// - a cold cache: the moved users' R reads/s with hit rate H over a warm-up W cost R·H·W/2 extra backing reads —
//   500/s × 0.95 × 600 s ÷ 2 = 142,500;
// - a quota: the scale-out stops at the quota, 70 %, not at the 100 % it would bring otherwise.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '../../cli/workspace.js';
import { ROOT } from '../helpers/bundles.js';
import { headerRules, reportedCodes } from '../helpers/rules-header.js';
import { designOf, runModelWithDeadline } from '../simulation/helpers.js';

const DIR = path.join(ROOT, 'test', 'fixtures', 'load');
const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.mregion'))
    .sort();
const textOf = (file: string) => readFileSync(path.join(DIR, file), 'utf8');
const run = async (file: string) => runModelWithDeadline(await designOf(textOf(file), true));

describe('load-at-failover fixtures trigger exactly the rules their header names', () => {
    let workspace: LoadedWorkspace;
    beforeAll(async () => {
        workspace = await loadWorkspace(files.map((f) => path.join(DIR, f)));
    });

    it('has one fixture per concept', () => {
        expect(files).toEqual(['cold-cache.mregion', 'quota.mregion', 'retries.mregion']);
    });

    for (const file of files) {
        it(`${file}: ${headerRules(textOf(file)).join(', ') || 'none'}`, () => {
            const document = workspace.requested.find((d) => d.uri.fsPath.endsWith(`/${file}`))!;
            expect(reportedCodes(document)).toEqual(headerRules(textOf(file)));
        });
    }
});

describe('the fixtures simulate to their closed forms, and their expectations hold', () => {
    it('retries: the survivor is offered 0.6 ÷ (1 − 0.4^(1/3)) of the load while serving its 60 %', async () => {
        const report = await run('retries.mregion');
        expect(report.expectations.every((e) => e.passed)).toBe(true);
        const west = report.services[0]!.load!.regions.find((r) => r.region === 'us-west-2')!;
        expect(west.peakOffered).toBeCloseTo(0.6 / (1 - Math.cbrt(0.4)), 3);
        const shifted = west.steps.find((s) => s.requests === 1)!;
        expect(shifted.served).toBeCloseTo(0.6, 6);
    });

    it('a cold cache: 500 reads/s × 95 % × 10 min ÷ 2 = 142,500 extra reads in us-west-2', async () => {
        const report = await run('cold-cache.mregion');
        expect(report.expectations.every((e) => e.passed)).toBe(true);
        const cache = report.stores.find((s) => s.name === 'catalog-cache')!.coldCache!;
        const west = cache.regions.find((r) => r.region === 'us-west-2')!;
        expect(west.extraMissReads).toBeCloseTo(142_500, -2);
        // Steady: 500/s × 5 % misses; at the move the 500 moved reads/s all miss on top.
        expect(west.peakMissReadsPerS).toBeCloseTo(25 + 500, 6);
    });

    it('a quota: the scale-out stops at 70 % of the load and says so', async () => {
        const report = await run('quota.mregion');
        expect(report.expectations.every((e) => e.passed)).toBe(true);
        const west = report.services[0]!.load!.regions.find((r) => r.region === 'us-west-2')!;
        expect(Math.max(...west.steps.map((s) => s.capacity ?? 0))).toBeCloseTo(0.7, 9);
        expect(report.timeline.some((t) => t.text.includes('stopped at its quota'))).toBe(true);
    });
});
