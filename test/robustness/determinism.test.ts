// The same file and seed give byte-identical simulation reports across runs and processes: the bundled CLI run
// twice — the second time in another time zone and locale — prints the same bytes, and its worker thread agrees
// with a run on the main thread. Another seed gives other samples. (Within one process: test/simulation/determinism.)
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../cli/workspace.js';
import type { SimulationReport } from '../../simulation/report.js';
import { simulate } from '../../simulation/run.js';
import { bundle, ROOT } from '../helpers/bundles.js';

const ELSEWHERE = { TZ: 'Pacific/Chatham', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };

function simulateInProcess(
    example: string,
    args: string[],
    env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
    const file = path.join('examples', `${example}.mregion`);
    const r = spawnSync(process.execPath, [bundle('cli'), 'simulate', file, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ...env },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('determinism across processes', () => {
    it.each(['dynamodb-mrec-cart', 'netflix', 'cockroachdb-global'])(
        'prints byte-identical JSON for %s in two processes, in different time zones and locales',
        (example) => {
            const first = simulateInProcess(example, ['--format', 'json']);
            const second = simulateInProcess(example, ['--format', 'json'], ELSEWHERE);
            expect(first.status).not.toBe(2);
            expect(first.stdout.length).toBeGreaterThan(1_000);
            expect(second.stdout).toBe(first.stdout);
            expect(second.status).toBe(first.status);
        },
    );

    it.each(['text', 'markdown'])(
        'prints byte-identical %s reports in two processes, in different time zones and locales',
        (format) => {
            const first = simulateInProcess('dynamodb-mrec-cart', ['--format', format]);
            const second = simulateInProcess('dynamodb-mrec-cart', ['--format', format], ELSEWHERE);
            expect(first.stdout.length).toBeGreaterThan(500);
            expect(second.stdout).toBe(first.stdout);
        },
    );

    it("runs the same in the CLI's worker thread as on the main thread", async () => {
        const file = path.join(ROOT, 'examples', 'netflix.mregion');
        const workspace = await loadWorkspace([file]);
        const { model } = workspace.modelOf(workspace.requested[0]!);
        const inProcess = [...model.scenarios.keys()].map((name) => simulate(model, name));
        const viaWorker = simulateInProcess('netflix', ['--format', 'json']);
        expect(viaWorker.stdout).toBe(`${JSON.stringify(inProcess, null, 2)}\n`);
    });

    it('gives other samples for another seed, and reports the seed used', () => {
        const one = JSON.parse(
            simulateInProcess('dynamodb-mrec-cart', ['--format', 'json', '--seed', '1']).stdout,
        ) as SimulationReport[];
        const two = JSON.parse(
            simulateInProcess('dynamodb-mrec-cart', ['--format', 'json', '--seed', '2']).stdout,
        ) as SimulationReport[];
        expect(one.map((r) => r.scenario.seed)).toEqual(one.map(() => 1));
        expect(two.map((r) => r.scenario.seed)).toEqual(two.map(() => 2));
        // The same scenarios and resolution, but Poisson arrivals drawn afresh: the sampled counts differ.
        expect(two.map((r) => r.scenario.name)).toEqual(one.map((r) => r.scenario.name));
        expect(two.map((r) => r.run.resolution.sampling)).toEqual(one.map((r) => r.run.resolution.sampling));
        const samples = (reports: SimulationReport[]) =>
            reports.map((r) => [r.run.simulatedWrites, r.summary.discardedWrites, r.summary.lostWrites]);
        expect(samples(two)).not.toEqual(samples(one));
        // Sampled, not different designs: the write counts agree within a few percent.
        for (const [i, r] of one.entries()) {
            expect(Math.abs(two[i]!.run.simulatedWrites - r.run.simulatedWrites)).toBeLessThan(
                0.05 * r.run.simulatedWrites + 50,
            );
        }
    });
});
