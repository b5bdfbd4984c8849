// Times the design rules on generated designs of growing size: the model is built once per size, then every
// rule runs `rounds` times; the median per rule and for the whole set is printed as a Markdown table.
import '../../language/polyfill/object-group-by.cjs';
import { EmptyFileSystem, URI } from 'langium';
import { createMregionServices } from '../../language/mregion-module.js';
import { allRules } from '../../language/validation/rules/registry.js';
import { runRules } from '../../language/validation/rules/runner.js';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';

const sizes = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const rounds = Number(process.argv[3] ?? 9);

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
    // The LSP benchmark's generator, loaded at run time (it is a script as well as a module).
    const generator = pathToFileURL(
        path.resolve(process.env.MREGION_ROOT ?? '.', 'bench/lsp/generate-topology.mjs'),
    ).href;
    const { generateTopology } = (await import(generator)) as { generateTopology: (lines: number) => string };
    const rules = allRules();
    const rows: string[] = [];
    for (const size of sizes) {
        const { shared, Mregion } = createMregionServices(EmptyFileSystem);
        const text: string = generateTopology(size);
        const document = shared.workspace.LangiumDocumentFactory.fromString(
            text,
            URI.parse(`file:///bench/t${size}.mregion`),
        );
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        const { model } = Mregion.semantics.Models.modelFor(document);
        const perRule = new Map<string, number[]>();
        const totals: number[] = [];
        let findings = 0;
        for (let round = 0; round < rounds; round++) {
            const start = performance.now();
            for (const rule of rules) {
                const t = performance.now();
                const found = runRules(model, [rule]);
                perRule.set(rule.code, [...(perRule.get(rule.code) ?? []), performance.now() - t]);
                if (round === 0) findings += found.length;
            }
            totals.push(performance.now() - start);
        }
        const slowest = [...perRule]
            .map(([code, times]) => ({ code, ms: median(times) }))
            .sort((a, b) => b.ms - a.ms)
            .slice(0, 3);
        rows.push(
            `| ${text.split('\n').length} | ${model.stores.size} / ${model.services.size} / ${model.failovers.length} | ${findings} | ${median(totals).toFixed(1)} ms | ${slowest.map((s) => `${s.code} ${s.ms.toFixed(1)} ms`).join(', ')} |`,
        );
    }
    process.stdout.write(
        [
            '| lines | stores / services / failovers | findings | all rules (median) | slowest rules (median) |',
            '|---|---|---|---|---|',
            ...rows,
        ].join('\n') + '\n',
    );
}

void main();
