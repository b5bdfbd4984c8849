// Pathological scenarios — absurd rates, durations, lags, probe intervals, replica counts — are refused before the
// engine starts, with a message that names the limit, the estimate and what to change; through the simulation API
// (a SimulationError) and through the CLI (exit 2, the message on standard error, nothing on standard output).
// What is absurd but cheap — thousands of faults, a key space beyond memory, a scenario of aeons with nothing to
// do — runs to a bounded report instead. Values that cannot be meant at all are refused by the checker first.
// How long each refusal takes is measured in bench/robustness/ (goal: well under a second), not asserted here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SimulationError } from '../../simulation/errors.js';
import { simulate } from '../../simulation/run.js';
import { bundle, ROOT } from '../helpers/bundles.js';
import { errors, modelOf } from '../helpers/services.js';
import { designOf, expectValidReport } from '../simulation/helpers.js';
import type { SimulationReport } from '../../simulation/report.js';
import { BOUNDED, CHECKER_REFUSED, REFUSED, pathologicalDesign, type BoundedCase } from './pathological-designs.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'mregion-pathological-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cli(
    name: string,
    text: string,
    eventBudget?: number,
): { status: number | null; stdout: string; stderr: string } {
    const file = path.join(scratch, `${name.replace(/[^a-z0-9]+/gi, '-')}.mregion`);
    writeFileSync(file, text);
    const budget = eventBudget === undefined ? [] : ['--event-budget', String(eventBudget)];
    const r = spawnSync(process.execPath, [bundle('cli'), 'simulate', file, '--format', 'json', ...budget], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('pathological scenarios are refused before they run', () => {
    it.each(REFUSED)('refuses $name, naming the limit', async ({ name, design, message, eventBudget }) => {
        const text = pathologicalDesign(design);
        const model = await designOf(text, true);
        let thrown: unknown;
        try {
            simulate(model, 's', { eventBudget });
        } catch (error) {
            thrown = error;
        }
        expect(thrown).toBeInstanceOf(SimulationError);
        expect((thrown as SimulationError).kind).toBe('over-budget');
        expect((thrown as Error).message).toMatch(/^scenario s /);
        expect((thrown as Error).message).toMatch(message);

        const run = cli(name, text, eventBudget);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`mregion: scenario s: ${(thrown as Error).message}`);
    });
});

const CHECKS: Readonly<Record<BoundedCase['id'], (report: SimulationReport) => void>> = {
    'many-faults': (report) => {
        expect(report.scenario.faults).toHaveLength(5_000);
        expect(report.timeline).toHaveLength(400);
        expect(report.notes.join('\n')).toMatch(/the timeline shows the first 400 events; [0-9]+ more were left out/);
    },
    'huge-key-space': (report) => {
        // 50 writes/s for 10 minutes; the outage of us-east-1 strands about a second of its 25 writes/s, which a
        // multi-writer store delivers when the region returns: nothing is lost.
        expect(report.run.simulatedWrites).toBeGreaterThan(25_000);
        expect(report.summary.strandedWrites).toBeGreaterThan(0);
        expect(report.summary.lostWrites).toBe(0);
    },
    'aeons-of-reads': (report) => {
        expect(report.run.simulatedWrites).toBe(0);
        expect(report.sampleTimesMs.length).toBeLessThanOrEqual(241);
    },
};

describe('absurd but cheap scenarios run to a bounded report', () => {
    it.each(BOUNDED)('simulates $name within the event budget', async ({ id, design }) => {
        const model = await designOf(pathologicalDesign(design), true);
        const report = simulate(model, 's');
        expectValidReport(report);
        expect(report.run.events).toBeLessThanOrEqual(report.run.eventBudget);
        CHECKS[id](report);
    });
});

describe('values that cannot be meant are refused by the checker', () => {
    it.each(CHECKER_REFUSED)('refuses $name as an error at the value', async ({ name, design, code, message }) => {
        const text = pathologicalDesign(design);
        const { diagnostics } = await modelOf(text);
        const found = errors(diagnostics).filter((d) => d.code === code);
        expect(found.map((d) => d.message)).toEqual([expect.stringMatching(message)]);

        const run = cli(name, text);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/cannot simulate .*: the design has 1 error/);
        expect(run.stderr).toContain(`error ${code} `);
    });
});
