// A seed sweep as Markdown for pull requests and CI summaries: the expectations judged across the runs and a
// table of each per-run metric's spread, with the seed of the worst run to replay.
import { formatDuration } from '../../format/quantities.js';
import { markdownCode, markdownText } from '../../language/semantics/escape.js';
import { percentileName } from '../percentile.js';
import type { SweepReport } from '../sweep-report.js';
import { fileName, objectivesHeadline } from './common.js';
import { spreadRow } from './sweep-text.js';

export function formatSweepMarkdown(r: SweepReport): string {
    const out: string[] = [];
    out.push(
        `# Seed sweep: ${markdownText(r.scenario.name)}${r.design.topology ? ` — ${markdownText(r.design.topology)}` : ''}`,
    );
    out.push('');
    out.push(
        `${markdownCode(fileName(r.design.uri))} line ${r.scenario.line} · ${formatDuration(r.scenario.durationMs)} · ${r.seeds.count} seeds from seed ${r.seeds.base}`,
    );
    out.push('');
    out.push(`**Seeds:** ${markdownText(r.seeds.derivation)}`);
    out.push('');
    out.push(
        `**Worst run:** seed ${r.summary.worstSeed} — ${markdownText(r.summary.worstReason)}. Replay it with ${markdownCode(`--seed ${r.summary.worstSeed}`)}.`,
    );
    out.push('');
    const e = r.summary.expectations;
    out.push(
        `## Expectations — ${e.total === 0 ? 'none declared' : e.failed === 0 ? `all ${e.total} passed` : `${e.failed} of ${e.total} failed`}`,
    );
    out.push('');
    if (e.total > 0) {
        out.push('| | Expectation | Judged on | Seeds that met it |');
        out.push('|---|---|---|---|');
        for (const x of r.expectations) {
            const rank = x.required === 1 ? 'worst run' : `${percentileName(x.required)} run`;
            out.push(
                `| ${x.passed ? '✅' : '❌'} | ${markdownCode(x.text, true)} (line ${x.line}) | ${markdownText(`${rank}: ${x.measuredText} (seed ${x.seed})`)} | ${x.seedsPassed} of ${x.seeds} |`,
            );
        }
        out.push('');
    }
    const objectives = r.objectives ?? [];
    if (objectives.length > 0) {
        out.push(`## Objectives of the services and stores — ${objectivesHeadline(objectives)}`);
        out.push('');
        out.push('| | Objective | Judged on | Seeds that met it |');
        out.push('|---|---|---|---|');
        for (const x of objectives) {
            out.push(
                `| ${x.passed ? '✅' : '❌'} | ${markdownText(x.owner)}: ${markdownCode(x.text, true)} (line ${x.clause.line}) | ${markdownText(`worst run: ${x.measuredText} (seed ${x.seed})`)} | ${x.seedsPassed} of ${x.seeds} |`,
            );
        }
        out.push('');
    }
    out.push(`## Across ${r.seeds.count} seeds`);
    out.push('');
    out.push('| Metric | min | p50 | p95 | max | worst seed |');
    out.push('|---|---:|---:|---:|---:|---:|');
    for (const row of r.metrics.map(spreadRow(r.seeds.count))) out.push(`| ${row.map(markdownText).join(' | ')} |`);
    for (const note of r.notes) out.push('', `> ${markdownText(note)}`);
    out.push('');
    return out.join('\n');
}
