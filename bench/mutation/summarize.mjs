// Prints the per-module table of a StrykerJS JSON report (mutation-testing-elements schema) as Markdown, and
// every surviving or uncovered mutant with its place and replacement, for bench/results/mutation-<date>.md.
// Static mutants (module top-level code) are counted apart and left out of the score: the vitest runner does
// not re-evaluate top-level code per mutant here (see README.md), so their status says nothing.
// Usage: node bench/mutation/summarize.mjs [test-output/mutation/mutation-report.json]
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-output/mutation/mutation-report.json', 'utf8'));
const rows = [];
const open = [];
for (const [file, { mutants: all }] of Object.entries(report.files)) {
    const mutants = all.filter((m) => !m.static);
    const statics = all.length - mutants.length;
    const count = (status) => mutants.filter((m) => m.status === status).length;
    const killed = count('Killed');
    const timeout = count('Timeout');
    const survived = count('Survived');
    const noCoverage = count('NoCoverage');
    const ignored = count('Ignored') + statics;
    const errors = count('CompileError') + count('RuntimeError');
    const detected = killed + timeout;
    const valid = detected + survived + noCoverage;
    const score = valid === 0 ? '—' : `${((100 * detected) / valid).toFixed(1)} %`;
    rows.push(
        `| ${file} | ${all.length} | ${killed} | ${timeout} | ${survived} | ${noCoverage} | ${ignored} | ${errors} | ${score} |`,
    );
    for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
        open.push(
            `- ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → \`${String(
                m.replacement ?? '',
            )
                .replace(/\s+/g, ' ')
                .slice(0, 80)}\` (${m.status})`,
        );
    }
}
console.log('| module | mutants | killed | timeout | survived | no coverage | ignored or static | errors | score |');
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`\nSurviving and uncovered mutants (${open.length}):\n`);
console.log(open.join('\n'));
