// How long the product takes to refuse each pathological scenario of test/robustness/pathological-designs.ts (and
// to run the absurd-but-cheap ones): checking the design in process, the simulation API's refusal (or run), and the
// CLI end to end (`mregion simulate`, a fresh Node process with its worker). Medians; the output is Markdown.
import '../../language/polyfill/object-group-by.cjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import type { Document } from '../../language/generated/ast.js';
import { createMregionServices } from '../../language/mregion-module.js';
import { SimulationError } from '../../simulation/errors.js';
import { simulate } from '../../simulation/run.js';
import { BOUNDED, REFUSED, pathologicalDesign, type DesignParts } from '../../test/robustness/pathological-designs.js';

const ROOT = process.env.MREGION_ROOT ?? process.cwd();
const rounds = Number(process.argv[2] ?? 5);
const cliRounds = Number(process.argv[3] ?? 3);
const services = createMregionServices(EmptyFileSystem);
let counter = 0;

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

async function check(text: string) {
    const uri = URI.parse(`file:///bench/pathological-${++counter}.mregion`);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, uri);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    const { model } = services.Mregion.semantics.Models.modelFor(document);
    return { model, forget: () => services.shared.workspace.DocumentBuilder.update([], [uri]) };
}

const ms = (n: number) => (n < 10 ? `${n.toFixed(2)} ms` : `${Math.round(n).toLocaleString('en-US')} ms`);

async function measure(name: string, parts: DesignParts, folder: string): Promise<string> {
    const text = pathologicalDesign(parts);
    const checks: number[] = [];
    const runs: number[] = [];
    let outcome = '';
    for (let i = 0; i < rounds; i++) {
        let t = performance.now();
        const { model, forget } = await check(text);
        checks.push(performance.now() - t);
        t = performance.now();
        try {
            const report = simulate(model, 's');
            outcome = `report (${report.run.events.toLocaleString('en-US')} events)`;
        } catch (error) {
            if (!(error instanceof SimulationError)) throw error;
            outcome = `refused: ${error.kind}`;
        }
        runs.push(performance.now() - t);
        await forget();
    }
    const file = path.join(folder, `${counter}.mregion`);
    writeFileSync(file, text);
    const cli: number[] = [];
    for (let i = 0; i < cliRounds; i++) {
        const t = performance.now();
        spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.cjs'), 'simulate', file, '--format', 'json'], {
            encoding: 'utf8',
        });
        cli.push(performance.now() - t);
    }
    return `| ${name} | ${text.split('\n').length.toLocaleString('en-US')} | ${outcome} | ${ms(median(checks))} | ${ms(median(runs))} | ${ms(median(cli))} |`;
}

async function main(): Promise<void> {
    const folder = mkdtempSync(path.join(tmpdir(), 'mregion-refusal-bench-'));
    const rows: string[] = [];
    try {
        for (const c of [...REFUSED, ...BOUNDED]) rows.push(await measure(c.name, c.design, folder));
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
    process.stdout.write(
        [
            `Medians of ${rounds} in-process rounds and ${cliRounds} CLI runs.`,
            '',
            '| scenario | lines | outcome | check the design (in process) | simulate: refuse or run (API) | `mregion simulate` end to end |',
            '|---|---|---|---|---|---|',
            ...rows,
        ].join('\n') + '\n',
    );
}

void main();
