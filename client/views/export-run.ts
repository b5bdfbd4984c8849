// A shown run as a file: the report itself as JSON (what `mregion simulate --format json` prints), or the
// Markdown the CLI's `--format markdown` prints, for a design review or a pull request. No VS Code here.
import { formatMarkdown } from '../../simulation/format/markdown.js';
import { formatSweepMarkdown } from '../../simulation/format/sweep-markdown.js';
import type { SimulationReport } from '../../simulation/report.js';
import type { SweepReport } from '../../simulation/sweep-report.js';
import type { RunFormat } from '../../protocol/webview-messages.js';

export function exportRun(report: unknown, format: RunFormat): string {
    if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
    const sweep = (report as { kind?: unknown }).kind === 'seed-sweep';
    return sweep ? formatSweepMarkdown(report as SweepReport) : formatMarkdown(report as SimulationReport);
}

/** `us-east-1-outage.md`, `us-east-1-outage-3-seeds.json`: a file name from the scenario, safe on every OS. */
export function exportName(scenario: string, seeds: number | undefined, format: RunFormat): string {
    const base = `${scenario}${seeds === undefined ? '' : `-${seeds}-seeds`}`.replace(/[^A-Za-z0-9._-]+/g, '-');
    return `${base}.${format === 'json' ? 'json' : 'md'}`;
}
