// The commands that need a correct design refuse clearly when they cannot run, and do their work otherwise:
// the simulation view shows the report, the CDK app lands on disk, rule documentation opens.
import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { Notice, SimulationProgress } from '../../../client/api.js';
import { Commands } from '../../../protocol/index.js';
import { codesOf, extensionApi, open, waitFor, waitForDiagnostics, waitForRender, workspaceFile } from './helpers.js';

/** Runs a command and returns its result with the messages it showed. */
async function runCommand<T>(id: string, ...args: unknown[]): Promise<{ result: T | undefined; notices: Notice[] }> {
    const { api } = await extensionApi();
    const notices: Notice[] = [];
    const listener = api.onDidNotify((n) => notices.push(n));
    try {
        const result = await vscode.commands.executeCommand<T>(id, ...args);
        return { result, notices };
    } finally {
        listener.dispose();
    }
}

describe('Run Simulation', () => {
    it('refuses a file with errors and says how many', async () => {
        const document = await open('broken.mregion');
        await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics of broken.mregion');
        const { result, notices } = await runCommand(Commands.runSimulation, document.uri.toString());
        assert.equal(result, undefined);
        assert.match(
            notices.map((n) => n.message).join('\n'),
            /Cannot run a simulation: broken\.mregion has \d+ errors?/,
        );
    });

    it('says so when the file has no scenario', async () => {
        const document = await open('no-scenario.mregion');
        const { result, notices } = await runCommand(Commands.runSimulation, document.uri.toString());
        assert.equal(result, undefined);
        assert.match(notices.map((n) => n.message).join('\n'), /no-scenario\.mregion has no scenario to simulate/);
    });

    it('simulates the outage scenario of the fintech example and shows its expectations, charts and timeline', async () => {
        const { api } = await extensionApi();
        const document = await open('fintech.mregion');
        const { result, notices } = await runCommand<{ scenario: string; report: unknown }>(
            Commands.runSimulation,
            document.uri.toString(),
            'us-east-1-outage',
        );
        assert.ok(result, `the simulation ran (messages: ${notices.map((n) => n.message).join(' | ')})`);
        assert.equal(result.scenario, 'us-east-1-outage');
        const view = await waitForRender(
            api.simulationView,
            document.uri,
            (v) => v.text.includes('us-east-1-outage'),
            'the simulation view',
        );
        assert.equal(view.counts.expectations, 2, 'both expect clauses are listed');
        assert.equal(view.counts.charts, 3, 'availability, replication lag and write latency charts');
        assert.ok((view.counts.timeline ?? 0) > 0, 'the timeline lists the outage');
        for (const text of ['rto <= 5m', 'lost-writes of ledger == 0', 'us-east-1'])
            assert.ok(view.text.includes(text), `the view shows "${text}"`);
        assert.ok(
            (view.counts.latencyLines ?? 0) >= 2,
            'write latency is drawn over time, p50 and p99 lines per region',
        );
    });

    it('runs N seeds of a scenario when given the number, and shows the spread with the worst seed', async () => {
        const { api } = await extensionApi();
        const document = await open('fintech.mregion');
        const { result, notices } = await runCommand<{
            scenario: string;
            seeds: number;
            report: { kind: string; summary: { worstSeed: number }; metrics: readonly { id: string }[] };
        }>(Commands.runSimulation, document.uri.toString(), 'us-east-1-outage', 2);
        assert.ok(result, `the sweep ran (messages: ${notices.map((n) => n.message).join(' | ')})`);
        assert.equal(result.seeds, 2);
        assert.equal(result.report.kind, 'seed-sweep');
        const view = await waitForRender(
            api.simulationView,
            document.uri,
            (v) => v.text.includes('seed sweep'),
            'the simulation view of the seed sweep',
        );
        assert.equal(view.counts.expectations, 2, 'both expect clauses, judged across the seeds');
        // One row per metric the sweep reports (RTO, RPO, lost writes, … — the list grows with the report).
        assert.ok(
            result.report.metrics.some((m) => m.id === 'rto'),
            'the sweep has an RTO row',
        );
        assert.equal(view.counts.spread, result.report.metrics.length, 'one row per metric of the sweep');
        // The workspace's mregion.simulation.seed (7) overrides the scenario's seed, and the sweep starts from it.
        for (const text of [
            '2 from seed 7',
            'RTO (worst interruption)',
            'worst seed',
            `seed ${result.report.summary.worstSeed}`,
        ]) {
            assert.ok(view.text.includes(text), `the view shows "${text}"`);
        }
    });

    it('refuses a number of seeds out of range and says what it takes', async () => {
        const document = await open('fintech.mregion');
        const { result, notices } = await runCommand(
            Commands.runSimulation,
            document.uri.toString(),
            'us-east-1-outage',
            0,
        );
        assert.equal(result, undefined);
        assert.match(
            notices.map((n) => n.message).join('\n'),
            /Cannot simulate us-east-1-outage with 0 seeds: The number of seeds must be a whole number from 1 to 10,000, got 0\./,
        );
    });

    it('simulates a design whose only errors are design-rule errors and shows the expectation it fails', async () => {
        const { api } = await extensionApi();
        const document = await open('control-plane-2021.mregion');
        const diagnostics = await waitForDiagnostics(
            document.uri,
            (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error),
            'the design-rule errors of control-plane-2021.mregion',
        );
        const errorCodes = codesOf(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error));
        assert.deepEqual(
            [...new Set(errorCodes)],
            ['control-plane-failover'],
            `only design-rule errors (codes were ${errorCodes.join(', ')})`,
        );
        const { result, notices } = await runCommand<{ scenario: string }>(
            Commands.runSimulation,
            document.uri.toString(),
        );
        assert.ok(result, `the simulation ran (messages: ${notices.map((n) => n.message).join(' | ')})`);
        assert.equal(result.scenario, 'december-2021');
        const view = await waitForRender(
            api.simulationView,
            document.uri,
            (v) => v.text.includes('december-2021'),
            'the simulation view of december-2021',
        );
        assert.equal(view.counts.failed, 1, 'the RTO expectation fails');
        // The scenario's expect clause, then the objective declared on status-page (rto 1h, rpo 1m).
        assert.match(view.text, /2 of 3 objectives are missed/);
        assert.match(view.text, /rto <= 1h: missed by /);
        assert.match(view.text, /status-page: objective rto 1 h: missed by /);
        assert.match(view.text, /expect rto <= 1h/);
        assert.match(view.text, /simulated despite 2 design-rule errors/);
    });

    it('cancels a long simulation from its progress notification, says so, and runs the next one', async () => {
        const { api } = await extensionApi();
        const document = await open('long-run.mregion');
        const uri = document.uri.toString();
        let reported: SimulationProgress | undefined;
        const listener = api.onDidReportSimulationProgress((p) => {
            if (p.uri === uri && p.scenario === 'long') reported ??= p;
        });
        try {
            const running = runCommand(Commands.runSimulation, uri, 'long');
            await waitFor(
                api.onDidReportSimulationProgress,
                () => reported,
                'the first progress report of the long simulation',
            );
            // The newest notification is the simulation's progress; its primary action is Cancel, which cancels the
            // token VS Code gave the command (as clicking the button does).
            await vscode.commands.executeCommand('notification.acceptPrimaryAction');
            const { result, notices } = await running;
            assert.equal(result, undefined, 'a cancelled run returns no report');
            assert.ok(
                notices.some((n) => n.level === 'info' && /Simulation of long cancelled/.test(n.message)),
                `messages: ${notices.map((n) => n.message).join(' | ')}`,
            );
            assert.ok(
                !notices.some((n) => n.level === 'error'),
                `no failure is reported (messages: ${notices.map((n) => n.message).join(' | ')})`,
            );
        } finally {
            listener.dispose();
        }
        const again = await runCommand<{ scenario: string }>(Commands.runSimulation, uri, 'short');
        assert.equal(
            again.result?.scenario,
            'short',
            `the server runs the next simulation (messages: ${again.notices.map((n) => n.message).join(' | ')})`,
        );
        await waitForRender(
            api.simulationView,
            document.uri,
            (v) => v.text.includes('Scenario short'),
            'the simulation view of the short scenario',
        );
    });
});

describe('Export to CDK', () => {
    it('writes the CDK app into the configured empty folder', async () => {
        const document = await open('fintech.mregion');
        const { result, notices } = await runCommand<{ folder: string; files: string[] }>(
            Commands.exportCdk,
            document.uri.toString(),
        );
        assert.ok(result, `the export ran (messages: ${notices.map((n) => n.message).join(' | ')})`);
        assert.equal(vscode.Uri.parse(result.folder).fsPath, workspaceFile('cdk-out').fsPath);
        assert.ok(result.files.length > 0);
        for (const file of result.files) {
            const onDisk = vscode.Uri.joinPath(workspaceFile('cdk-out'), file).fsPath;
            assert.ok(fs.statSync(onDisk).size > 0, `${file} was written`);
        }
        assert.ok(fs.existsSync(workspaceFile('cdk-out', '.mregion-export.json').fsPath));
        assert.match(notices.map((n) => n.message).join('\n'), /Exported \d+ files/);
    });

    it('refuses a folder that holds other files and writes nothing', async () => {
        const folder = workspaceFile('not-empty');
        fs.mkdirSync(folder.fsPath, { recursive: true });
        fs.writeFileSync(vscode.Uri.joinPath(folder, 'notes.txt').fsPath, 'mine\n');
        const config = vscode.workspace.getConfiguration('mregion.export');
        await config.update('outputFolder', 'not-empty', vscode.ConfigurationTarget.Workspace);
        try {
            const document = await open('fintech.mregion');
            const { result, notices } = await runCommand(Commands.exportCdk, document.uri.toString());
            assert.equal(result, undefined);
            assert.match(
                notices.map((n) => n.message).join('\n'),
                /Cannot export into .*not-empty: the folder is not empty/,
            );
            assert.deepEqual(fs.readdirSync(folder.fsPath), ['notes.txt']);
        } finally {
            await config.update('outputFolder', undefined, vscode.ConfigurationTarget.Workspace);
        }
    });

    it('refuses a file with errors', async () => {
        const document = await open('broken.mregion');
        const { result, notices } = await runCommand(Commands.exportCdk, document.uri.toString());
        assert.equal(result, undefined);
        assert.match(notices.map((n) => n.message).join('\n'), /Cannot export to CDK: broken\.mregion has \d+ errors?/);
    });
});

describe('Open Rule Documentation', () => {
    it('opens the page of a rule shipped in the .vsix in the Markdown preview, and names the documented rules for an unknown code', async () => {
        const { extension } = await extensionApi();
        const rules = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules');
        const pages = fs.existsSync(rules.fsPath)
            ? fs.readdirSync(rules.fsPath).filter((f) => f.endsWith('.md') && f !== 'README.md')
            : [];
        assert.ok(pages.length > 0, 'docs/rules/*.md is packaged in the .vsix');
        const code = pages[0]!.slice(0, -3);
        const opened = waitFor(
            vscode.window.tabGroups.onDidChangeTabs,
            () =>
                vscode.window.tabGroups.all
                    .flatMap((g) => g.tabs)
                    .find((t) => t.label.includes(code) && t.input instanceof vscode.TabInputWebview),
            `the preview of ${code}`,
        );
        const { result } = await runCommand<string>(Commands.openRuleDocumentation, code);
        assert.equal(result, vscode.Uri.joinPath(rules, `${code}.md`).toString());
        await opened;
        const { result: unknown, notices } = await runCommand(Commands.openRuleDocumentation, 'no-such-rule');
        assert.equal(unknown, undefined);
        assert.match(notices.map((n) => n.message).join('\n'), /There is no documentation for rule "no-such-rule"/);
    });
});
