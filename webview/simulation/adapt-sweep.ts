// Maps a seed sweep's report (simulation/sweep-report.ts, JSON from the language server) to what the view shows:
// the expectations and declared objectives judged across the runs, and one row per metric with its min / p50 / p95 / max and the
// seed of its worst run. The schema version is checked first, as for a single run's report.
import { percentileName } from '../../simulation/percentile.js';
import type { MetricSpread, SweepReport, SweepValue } from '../../simulation/sweep-report.js';
import { formatCount, formatDuration, formatShare } from '../../format/quantities.js';
import type { SourceLocation } from '../../protocol/webview-messages.js';
import { clauseLocation } from './adapt.js';
import type { ExpectationRow } from './view-model.js';

const supportedMajor = '1.';

export interface SweepViewModel {
    readonly scenario: string;
    readonly facts: readonly { readonly label: string; readonly value: string }[];
    readonly expectations: readonly ExpectationRow[];
    /** The objectives declared on the services and stores the scenario reaches (sweep schema 1.2). */
    readonly objectives: readonly ExpectationRow[];
    readonly spread: readonly {
        readonly metric: string;
        readonly values: readonly [string, string, string, string];
        readonly worstSeed: string;
    }[];
    readonly notes: readonly string[];
}

export function isSweep(value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'seed-sweep';
}

export function adaptSweep(value: unknown): SweepViewModel {
    const r = checked(value);
    const uri = r.design.uri;
    const atLine = (line: number): SourceLocation => ({
        uri,
        range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } },
    });
    return {
        scenario: r.scenario.name,
        facts: [
            { label: 'Seeds', value: `${formatCount(r.seeds.count)} from seed ${r.seeds.base}` },
            { label: 'Worst run', value: `seed ${r.summary.worstSeed} — ${r.summary.worstReason}` },
            { label: 'Scenario', value: formatDuration(r.scenario.durationMs) },
        ],
        expectations: r.expectations.map((e) => ({
            text: e.text,
            passed: e.passed,
            location: atLine(e.line),
            measured: `${e.required === 1 ? 'worst run' : `${percentileName(e.required)} run`}: ${e.measuredText} (seed ${e.seed}); ${e.seedsPassed} of ${e.seeds} runs met it`,
        })),
        objectives: (r.objectives ?? []).map((o) => ({
            text: `${o.owner}: ${o.text}`,
            passed: o.passed,
            location: clauseLocation(o.clause),
            measured: `worst run: ${o.measuredText} (seed ${o.seed}); ${o.seedsPassed} of ${o.seeds} runs met it`,
        })),
        spread: r.metrics.map((m) => ({
            metric: m.runs === r.seeds.count ? m.label : `${m.label} (${m.runs} of ${r.seeds.count} runs)`,
            values: [m.min, m.p50, m.p95, m.max].map((v) => valueText(m, v)) as [string, string, string, string],
            worstSeed: m.worstSeed === null ? '—' : String(m.worstSeed),
        })),
        notes: r.notes,
    };
}

function valueText(m: MetricSpread, v: SweepValue | null): string {
    if (v === 'never') return 'never';
    return m.unit === 'ms' ? formatDuration(v) : m.unit === 'share' ? formatShare(v) : formatCount(v);
}

function checked(value: unknown): SweepReport {
    if (!isSweep(value)) throw new Error('the report is not a seed sweep');
    const version = (value as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version !== 'string' || !version.startsWith(supportedMajor)) {
        throw new Error(
            `seed sweep schema version ${String(version)} is not supported by this view (expected ${supportedMajor}x)`,
        );
    }
    const r = value as SweepReport;
    for (const key of ['expectations', 'metrics', 'runs'] as const) {
        if (!Array.isArray(r[key])) throw new Error(`the seed sweep has no ${key} list`);
    }
    return r;
}
