// A seed sweep as terminal text: the expectations judged across the runs, the spread of each per-run metric
// (min / p50 / p95 / max and the worst seed) and the worst run with the seed that replays it.
import { formatCount, formatDuration, formatShare } from '../../format/quantities.js';
import { visibleControls } from '../../language/semantics/escape.js';
import type { MetricSpread, SweepReport, SweepValue } from '../sweep-report.js';
import { fileName, objectivesHeadline } from './common.js';
import { itemAt } from '../../language/util/item-at.js';

export function formatSweepText(r: SweepReport, options: { readonly color?: boolean } = {}): string {
    const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
    const out: string[] = [];
    out.push(paint('1', `${sweepTitle(r, visibleControls(fileName(r.design.uri)))}`));
    out.push(`  seeds: ${r.seeds.derivation}`);
    out.push(
        `  worst run: seed ${r.summary.worstSeed} (${r.summary.worstReason}); replay it with --scenario ${visibleControls(r.scenario.name)} --seed ${r.summary.worstSeed}`,
    );
    out.push('');
    const e = r.summary.expectations;
    if (e.total === 0) out.push('Expectations: none declared');
    else
        out.push(
            paint(
                '1',
                `Expectations across ${countOf(r.seeds.count, 'seed')}: ${e.failed === 0 ? `all ${e.total} passed` : `${e.failed} of ${e.total} failed`}`,
            ),
        );
    for (const x of r.expectations)
        out.push(`  ${x.passed ? paint('32', '✔') : paint('31', '✘')} ${visibleControls(x.message)}  (line ${x.line})`);
    out.push('');
    const objectives = r.objectives ?? [];
    if (objectives.length > 0) {
        out.push(
            paint(
                '1',
                `Objectives of the services and stores across ${countOf(r.seeds.count, 'seed')}: ${objectivesHeadline(objectives)}`,
            ),
        );
        for (const x of objectives)
            out.push(
                `  ${x.passed ? paint('32', '✔') : paint('31', '✘')} ${visibleControls(x.message)}  (line ${x.clause.line})`,
            );
        out.push('');
    }
    out.push(paint('1', `Across ${countOf(r.seeds.count, 'seed')}`));
    const header = ['', 'min', 'p50', 'p95', 'max', 'worst seed'];
    const rows = [header, ...r.metrics.map(spreadRow(r.seeds.count))];
    // Every row has the header's columns (spreadRow).
    const widths = header.map((_, c) => Math.max(...rows.map((row) => itemAt(row, c, 'sweep table row').length)));
    const cell = (v: string, c: number) => {
        const width = itemAt(widths, c, 'sweep table widths');
        return c === 0 ? v.padEnd(width) : v.padStart(width);
    };
    for (const row of rows) out.push(`  ${row.map(cell).join('  ')}`.trimEnd());

    for (const note of r.notes) out.push(`Note: ${visibleControls(note)}`);
    return out.join('\n');
}

export function sweepTitle(r: SweepReport, file: string): string {
    return `Scenario ${r.scenario.name} (${file}:${r.scenario.line}) — ${formatDuration(r.scenario.durationMs)}, ${countOf(r.seeds.count, 'seed')} from seed ${r.seeds.base}`;
}

/** One table row: the metric (with how many runs had it, when not all), its four values and the worst seed. */
export function spreadRow(seeds: number): (m: MetricSpread) => string[] {
    return (m) => [
        m.runs === seeds ? m.label : `${m.label} (${m.runs} of ${seeds} runs)`,
        ...[m.min, m.p50, m.p95, m.max].map((v) => sweepValueText(m, v)),
        m.worstSeed === null ? '—' : String(m.worstSeed),
    ];
}

export function sweepValueText(m: Pick<MetricSpread, 'unit'>, v: SweepValue | null): string {
    if (v === null) return '—';
    if (v === 'never') return 'never';
    return m.unit === 'ms' ? formatDuration(v) : m.unit === 'share' ? formatShare(v) : formatCount(v);
}

function countOf(n: number, what: string): string {
    return `${formatCount(n)} ${what}${n === 1 ? '' : 's'}`;
}
