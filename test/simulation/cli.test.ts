// `mregion simulate` as users run it: the bundled CLI (dist/cli.cjs, with its worker), exit codes, output
// formats, messages, and when a progress bar appears (a terminal on standard error, text output, a run longer
// than a second) and when it must not.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { ROOT } from '../helpers/bundles.js';
import { cliHarness } from './cli-harness.js';
import { auroraDb, dynamoStore, expectValidReport, TWO_US_REGIONS } from './helpers.js';

const { cli, scratch, mregion, design } = cliHarness('mregion-sim-cli-');

const SMALL = `${TWO_US_REGIONS}
${auroraDb()}
workload w for db { writes 100/s from us-east-1 100% }
scenario quick { workload w  duration 1m  seed 2  expect lost-writes == 0 }
scenario lossy { workload w  duration 2m  at 1m destroy region us-east-1  seed 2  expect lost-writes == 0 }
`;

describe('mregion simulate', () => {
    it('prints a readable Markdown report with a Mermaid timeline for the fintech example and exits 0', () => {
        const { status, stdout } = mregion('simulate', 'examples/fintech.mregion', '--format', 'markdown');
        expect(status).toBe(0);
        expect(stdout).toContain('# Simulation: us-east-1-outage — Fintech');
        expect(stdout).toContain('## Expectations — all 2 passed');
        expect(stdout).toMatch(/```mermaid\ngantt\n/);
        expect(stdout).toContain('section Faults');
        expect(stdout).toMatch(/outage of us-east-1 :crit, f0, 2000-01-01 00:05:00, 2000-01-01 00:15:00/);
        expect(stdout).toContain('| ✅ | `expect rto <= 5m`');
    });

    it('exits 1 when an expectation fails and says which, by how much and when', () => {
        const { status, stdout, stderr } = mregion('simulate', 'examples/control-plane-2021.mregion');
        expect(status).toBe(1);
        expect(stdout).toContain(
            '✘ expect rto <= 1h failed: measured 7 h (+6 h) for users of us-east-1 on status-page, from the outage of us-east-1 at 30 m',
        );
        expect(stdout).toMatch(
            /simulated despite 2 design-rule errors — control-plane-failover \(line \d+\), control-plane-failover \(line \d+\)/,
        );
        expect(stderr).toBe('');
    });

    it('runs every scenario unless one is named, and reports failures on standard error too', () => {
        const file = design('small', SMALL);
        const all = mregion('simulate', file);
        expect(all.status).toBe(1);
        expect(all.stdout).toContain('Scenario quick');
        expect(all.stdout).toContain('Scenario lossy');
        expect(all.stderr).toMatch(
            /scenario lossy: expect lost-writes == 0 failed: measured \d+ \(\+\d+\) \(db from us-east-1 at 1 m\)/,
        );
        expect(all.stderr).toContain('2 scenarios simulated: 1 passed, 1 failed');
        const one = mregion('simulate', file, '--scenario', 'quick');
        expect(one.status).toBe(0);
        expect(one.stdout).not.toContain('Scenario lossy');
    });

    it('prints a JSON array of schema-valid reports, honouring --seed', () => {
        const file = design('small-json', SMALL);
        const { status, stdout, stderr } = mregion('simulate', file, '--format', 'json', '--seed', '99');
        expect(status).toBe(1);
        const reports = JSON.parse(stdout) as SimulationReport[];
        expect(reports.map((r) => r.scenario.name)).toEqual(['quick', 'lossy']);
        for (const r of reports) {
            expectValidReport(r);
            expect(r.scenario.seed).toBe(99);
        }
        expect(stderr).toContain('mregion: scenario lossy: expect lost-writes == 0 failed');
    });

    it.each([
        {
            name: 'lists the scenarios when the one asked for does not exist',
            args: ['--scenario', 'nope'],
            message: /no scenario 'nope' in .*; it declares 'quick', 'lossy'/,
        },
        {
            name: 'rejects an unknown format',
            args: ['--format', 'yaml'],
            message: /unknown format 'yaml': use text, json or markdown/,
        },
        {
            name: 'rejects a seed that is not a whole number',
            args: ['--seed', '1.5'],
            message: /--seed must be a whole number from 0 to 4,294,967,295, got '1.5'/,
        },
        {
            name: 'rejects a zero event budget',
            args: ['--event-budget', '0'],
            message: /--event-budget must be a whole number from 1/,
        },
        // At 1,000 events even the series of this small design are beyond the budget, which sampling cannot reduce.
        {
            name: 'refuses a scenario beyond the event budget, naming the budget and the estimate',
            args: ['--scenario', 'lossy', '--event-budget', '1000'],
            message:
                /scenario lossy: scenario lossy needs work worth about [0-9,]+ events besides its [0-9,]+ events, mostly keeping and reporting series .* — more than the event budget of 1,000/,
        },
        {
            name: 'refuses a scenario whose events are beyond the event budget',
            args: ['--scenario', 'lossy', '--event-budget', '10000'],
            message:
                /scenario lossy: scenario lossy needs about [0-9,]+ events \([0-9,]+ writes, [0-9,]+ replication deliveries, and work worth [0-9,]+ events keeping and reporting series .*\) — more than the event budget of 10,000/,
        },
    ])('exits 2 and $name', ({ args, message }) => {
        const { status, stderr, stdout } = mregion('simulate', design('usage', SMALL), ...args);
        expect(status).toBe(2);
        expect(stderr).toMatch(message);
        expect(stdout).toBe('');
    });

    it('exits 2 with the diagnostics when the design has errors', () => {
        const file = design(
            'broken',
            SMALL.replace('regions     us-east-1, us-west-2', 'regions     us-east-1, us-wset-2'),
        );
        const { status, stderr } = mregion('simulate', file);
        expect(status).toBe(2);
        expect(stderr).toMatch(/cannot simulate .*broken\.mregion: the design has 1 error/);
        expect(stderr).toMatch(/broken\.mregion:\d+:\d+ error unresolved-reference unknown region 'us-wset-2'/);
    });

    it('exits 2 for a missing file', () => {
        const { status, stderr } = mregion('simulate', 'examples/nope.mregion');
        expect(status).toBe(2);
        expect(stderr).toContain("cannot read 'examples/nope.mregion'");
    });
});

// A terminal on standard error only (stdout goes to a file): util-linux `script` gives the command a pseudo-TTY.
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('mregion simulate progress bar', () => {
    // About twelve million writes: several seconds, so well past the one-second threshold on any machine.
    const LONG = `${TWO_US_REGIONS}
${dynamoStore('db', { holds: 'per-user rows' })}
workload heavy for db { writes 20000/s from us-east-1 50%, us-west-2 50% }
scenario long { workload heavy  duration 20m  seed 1 }
`;

    function onTerminal(args: string[]): { status: number | null; terminal: string; stdout: string } {
        const out = path.join(scratch, `stdout-${args.join('-').replace(/[^a-z0-9-]/gi, '')}.txt`);
        const command = [process.execPath, cli(), ...args].map((a) => `'${a}'`).join(' ');
        const r = spawnSync('script', ['-qec', `${command} > '${out}'`, '/dev/null'], {
            cwd: ROOT,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' },
        });
        return { status: r.status, terminal: r.stdout, stdout: readFileSync(out, 'utf8') };
    }

    it('draws a progress bar on a terminal for a text run longer than a second', () => {
        const r = onTerminal(['simulate', design('long', LONG)]);
        expect(r.status).toBe(0);
        expect(r.terminal).toMatch(/long \[[█░]+\] \d+% \| .* of 20 m simulated/);
        expect(r.stdout).toContain('Scenario long');
        expect(r.stdout).not.toMatch(/[█░]/);
    });

    it('draws none for a run under a second', () => {
        const r = onTerminal(['simulate', design('short', SMALL), '--scenario', 'quick']);
        expect(r.status).toBe(0);
        expect(r.terminal).not.toMatch(/[█░]/);
    });

    it('draws none for JSON or Markdown output', () => {
        const r = onTerminal(['simulate', design('long-json', LONG), '--format', 'json']);
        expect(r.status).toBe(0);
        expect(r.terminal).not.toMatch(/[█░]/);
        expect(JSON.parse(r.stdout)).toHaveLength(1);
    });

    it('draws none when standard error is not a terminal', () => {
        const r = mregion('simulate', design('long-pipe', LONG));
        expect(r.status).toBe(0);
        expect(r.stderr).toBe('');
    });
});
