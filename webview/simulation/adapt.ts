// Maps a simulation report (simulation/report.ts, received as JSON from another process) to what the view
// shows. The schema version is checked first, so a report this view does not understand gives a clear error
// instead of a half-drawn page. `declarations` (instance id or region name → where it is declared) comes
// from the topology request and lets store, service and timeline rows link back to the editor.
import type {
    ClauseRef,
    DrainReport,
    LatencySeries,
    Percentiles,
    SimulationReport,
    TimelineEvent,
} from '../../simulation/report.js';
import { formatCount, formatDuration, formatShare, formatUsd } from '../../format/quantities.js';
import type { Declarations, SourceLocation } from '../../protocol/webview-messages.js';
import { verdictOf } from './verdict.js';
import type {
    ChartModel,
    CostRow,
    ExpectationRow,
    RegionSeries,
    SimulationViewModel,
    TimeAxis,
    TimelineRow,
    WritesRow,
} from './view-model.js';

const supportedMajor = '1.';
/** More lines than this make a chart unreadable; the busiest links are kept. */
const maxLagLines = 8;
/** Two lines (p50, p99) per region: the regions with the slowest writes are kept. */
const maxLatencyRegions = 5;

export function adaptReport(
    value: unknown,
    declarations: Declarations = {},
    options: { readonly seedFromSetting?: boolean } = {},
): SimulationViewModel {
    const report = checked(value);
    const uri = report.design.uri;
    const atLine = (line: number): SourceLocation => ({
        uri,
        range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } },
    });
    const time = timeAxis(report.scenario.durationMs);
    const s = report.summary;

    const expectations = report.expectations.map((e): ExpectationRow => ({
        text: e.text,
        passed: e.passed,
        measured: e.where ? `${e.measuredText} — ${e.where}` : e.measuredText,
        location: atLine(e.line),
    }));

    const availabilitySeries: RegionSeries[] = report.services.flatMap((svc) =>
        svc.byRegion
            .filter((r) => r.offered > 0)
            .map((r) => {
                // Regions without users of a service have nothing to show.
                const region = report.services.length > 1 ? `${r.region} (${svc.id})` : r.region;
                return {
                    region,
                    group: region,
                    style: 'availability',
                    points: intervalPoints(report, time, r.availabilitySeries, (v) => v * 100),
                };
            }),
    );
    const availability: ChartModel = {
        id: 'availability',
        title: 'Availability',
        unit: '%',
        kind: 'time',
        stepped: true,
        time,
        series: availabilitySeries,
        empty: emptiness(
            availabilitySeries,
            100,
            'Every region with users stayed at 100% availability for the whole run.',
            'No region had users of a service in this run.',
        ),
    };
    const links = report.stores
        .flatMap((st) => st.lag.map((l) => ({ label: `${st.id} ${l.from} → ${l.to}`, lag: l })))
        .sort((a, b) => b.lag.maxMs - a.lag.maxMs)
        .slice(0, maxLagLines);
    // A stalled link reaches minutes of lag: pick the unit from the largest value so the axis stays readable.
    const lagUnit = timeUnit(links.reduce((most, l) => Math.max(most, l.lag.maxMs), 0));
    const lagSeries: RegionSeries[] = links.map(({ label, lag: l }) => ({
        region: label,
        group: label,
        style: 'lag',
        points: l.series.map((v, i) => ({
            x: (report.sampleTimesMs[i] ?? 0) / time.ms,
            y: v === null ? null : v / lagUnit.ms,
        })),
    }));
    const lag: ChartModel = {
        id: 'replication-lag',
        title: 'Replication lag',
        unit: lagUnit.name,
        kind: 'time',
        time,
        series: lagSeries,
        empty: emptiness(
            lagSeries,
            0,
            'Replication lag stayed at 0 on every link for the whole run.',
            'No store replicates between regions in this design.',
        ),
    };
    const latency = latencyChart(report, time);

    const timeline = report.timeline.map((t): TimelineRow => ({
        atMs: t.atMs,
        kind: t.kind,
        text: t.text,
        location: timelineLocation(t, report, declarations, atLine),
    }));

    const writes = report.stores.map((st): WritesRow => ({
        target: st.id,
        cells: [
            { label: 'acknowledged', value: formatCount(st.writes.acknowledged) },
            { label: 'lost', value: formatCount(st.lostWrites) },
            { label: 'RPO', value: st.rpoMs === null ? '—' : formatDuration(st.rpoMs) },
            {
                label: 'stranded · delivered at heal',
                value: `${formatCount(st.strandedWrites)} · ${formatCount(st.deliveredAtHeal)}`,
            },
            { label: 'overwritten at heal', value: formatCount(st.overwrittenAtHeal) },
            { label: 'drain after heal', value: drainCell(st.drain) },
            { label: 'discarded (LWW)', value: formatCount(st.discardedWrites) },
            // Reports before 1.10.0 have no such field; other stores have null.
            ...(st.lostIncrements
                ? [{ label: 'increments lost (counter)', value: formatCount(st.lostIncrements.lost) }]
                : []),
            ...(st.lostIncrements && st.lostIncrements.notConvergedKeys > 0
                ? [
                      {
                          label: 'increments not converged (stranded)',
                          value: formatCount(st.lostIncrements.notConvergedIncrements),
                      },
                  ]
                : []),
            // Reports before 1.11.0 have no such field; other consistency levels have null.
            ...(st.stalenessBound
                ? [{ label: 'throttled (staleness bound)', value: formatCount(st.stalenessBound.throttledWrites) }]
                : []),
            // Reports before 1.12.0 have no such field; stores that are not queues or streams have null.
            ...(st.queue
                ? [
                      {
                          label: 'messages stranded · delivered at heal',
                          value: `${formatCount(st.queue.strandedMessages)} · ${formatCount(st.queue.deliveredAtHeal)}`,
                      },
                      {
                          label: st.queue.consumersIdempotent
                              ? 'messages re-delivered (consumers idempotent)'
                              : 'messages re-delivered (duplicates)',
                          value: formatCount(st.queue.redeliveredMessages),
                      },
                  ]
                : []),
            { label: 'merged', value: formatCount(st.merges) },
            { label: 'siblings', value: formatCount(st.siblings) },
            { label: 'rejected', value: formatCount(st.writes.rejected + st.writes.conflictRejected) },
            { label: 'stale reads', value: formatShare(st.reads.staleShare) },
        ],
        location: declarations[st.id] ?? declarations[st.name],
    }));

    const cost: CostRow[] = [
        ...report.cost.egress.map((e) => ({
            label: `egress of ${e.store}${e.missing ? ` (missing: ${e.missing})` : ` (${e.formula})`}`,
            value: formatUsd(e.usdPerMonth),
            location: declarations[e.store],
        })),
        ...report.cost.postures.map((p) => ({
            label: `${p.service}: ${p.posture} posture ×${p.multiplier} (${p.source})`,
            value: '',
            location: declarations[p.service],
        })),
        { label: costTotalLabel(report), value: formatUsd(report.cost.totalUsdPerMonth) },
    ];

    return {
        scenario: report.scenario.name,
        verdict: verdictOf(
            report.expectations.map((e) => ({ ...e, location: atLine(e.line) })),
            // Reports before schema 1.4 judge no declared objectives.
            (report.objectives ?? []).map((o) => ({ ...o, location: clauseLocation(o.clause) })),
        ),
        facts: [
            { label: 'design', value: report.design.topology ?? uri },
            {
                label: 'duration · seed',
                // A seed that is not the one the file shows says where it came from.
                value: `${formatDuration(report.scenario.durationMs)} · seed ${report.scenario.seed}${options.seedFromSetting ? ' (the mregion.simulation.seed setting, which overrides the scenario’s)' : ''}`,
            },
            {
                label: 'run',
                value: `${report.run.resolution.mode}${report.run.resolution.mode === 'sampled' ? ` (1 in ${report.run.resolution.sampling})` : ''} · ${formatCount(report.run.events)} events · ${formatCount(report.run.simulatedWrites)} writes`,
            },
            {
                label: `availability over the ${formatDuration(report.scenario.durationMs)} run, all users`,
                value: formatShare(s.availability),
            },
            {
                label: 'worst RTO',
                value:
                    s.worstRtoMs === null
                        ? s.unrecovered
                            ? 'not recovered'
                            : '—'
                        : `${formatDuration(s.worstRtoMs)}${s.unrecovered ? ' (some users not recovered)' : ''}`,
            },
            {
                label: 'lost writes · worst RPO',
                value: `${formatCount(s.lostWrites)} · ${s.worstRpoMs === null ? '—' : formatDuration(s.worstRpoMs)}`,
            },
            {
                label: 'stranded · delivered · overwritten at heal',
                value: `${formatCount(s.strandedWrites)} · ${formatCount(s.deliveredAtHeal)} · ${formatCount(s.overwrittenAtHeal)}`,
            },
            {
                label: 'false-alarm failovers · split-brain writes',
                value: `${formatCount(s.falseAlarmFailovers)} · ${formatCount(s.splitBrainWrites)}`,
            },
            {
                label: 'discarded · merged · rejected',
                value: `${formatCount(s.discardedWrites)} · ${formatCount(s.merges)} · ${formatCount(s.rejectedWrites)}`,
            },
            {
                label: 'write latency p50 / p99',
                value: `${formatDuration(s.writeLatencyMs.p50)} / ${formatDuration(s.writeLatencyMs.p99)}`,
            },
            { label: 'cost', value: s.costUsdPerMonth === null ? '—' : `${formatUsd(s.costUsdPerMonth)} per month` },
        ],
        expectations,
        charts: [availability, lag, latency],
        timeline,
        writes,
        cost,
        notes: [report.run.resolution.note, report.cost.note, ...report.notes].filter((n) => n && n.trim() !== ''),
    };
}

interface LatencyRow {
    readonly label: string;
    readonly overall: Percentiles;
    /** Absent in reports before schema 1.1. */
    readonly series?: LatencySeries;
}

/**
 * Write latency per users' region: p99 (solid) and p50 (dashed) lines over time, one color per region — whole
 * write requests of each service's users, or, in a design without services, writes to each store. A report
 * from before schema 1.1 has percentiles per region only: drawn as bars.
 */
function latencyChart(report: SimulationReport, time: TimeAxis): ChartModel {
    const several = report.services.length > 1;
    const serviceRows: LatencyRow[] = report.services.flatMap((svc) =>
        svc.byRegion.map((r) => ({
            label: several ? `${r.region} (${svc.id})` : r.region,
            overall: r.writeLatencyMs,
            series: r.writeLatencySeries,
        })),
    );
    const rows = (
        serviceRows.some((r) => r.overall.p50 !== null)
            ? serviceRows
            : report.stores.flatMap((st) =>
                  st.byRegion.map((r) => ({
                      label: `${r.region} (${st.id})`,
                      overall: r.writeLatencyMs,
                      series: r.writeLatencySeries,
                  })),
              )
    ).filter((r) => r.overall.p50 !== null);
    if (rows.some((r) => !Array.isArray(r.series?.p99) || !Array.isArray(r.series?.p50))) {
        return {
            id: 'write-latency',
            title: "Write latency by users' region",
            unit: 'ms',
            kind: 'bars',
            ...(rows.length === 0 ? { empty: 'No write was acknowledged in this run.' } : {}),
            categories: rows.map((r) => r.label),
            series: (['p50', 'p95', 'p99'] as const).map((k) => ({ label: k, values: rows.map((r) => r.overall[k]) })),
        };
    }
    const shown = [...rows]
        .sort((a, b) => (b.overall.max ?? 0) - (a.overall.max ?? 0))
        .slice(0, maxLatencyRegions)
        .sort((a, b) => rows.indexOf(a) - rows.indexOf(b));
    // Failover detours reach seconds: pick the unit from the largest value so the axis stays readable.
    const unit = timeUnit(
        shown.reduce((most, r) => r.series!.p99.reduce<number>((m, v) => (v === null ? m : Math.max(m, v)), most), 0),
    );
    // p50 is dashed with markers: where it equals p99 it still shows.
    const series: RegionSeries[] = shown.flatMap((r, i) => [
        {
            region: `${r.label} p99`,
            group: r.label,
            style: 'p99',
            colorIndex: i,
            points: intervalPoints(report, time, r.series!.p99, (v) => v / unit.ms),
        },
        {
            region: `${r.label} p50`,
            group: r.label,
            style: 'p50',
            colorIndex: i,
            dashed: true,
            markers: true,
            points: intervalPoints(report, time, r.series!.p50, (v) => v / unit.ms),
        },
    ]);
    return {
        id: 'write-latency',
        title: "Write latency per users' region",
        unit: unit.name,
        kind: 'time',
        stepped: true,
        time,
        series,
        empty: emptiness(
            series,
            0,
            'Every write was acknowledged at once (0 ms) for the whole run.',
            'No write was acknowledged in this run.',
        ),
    };
}

/**
 * One point at the start of each sample interval, and one at the scenario's end repeating the last value, so a
 * stepped line draws the last interval too. Gaps (null) stay gaps.
 */
function intervalPoints(
    report: SimulationReport,
    time: TimeAxis,
    values: readonly (number | null)[],
    scale: (v: number) => number,
): { x: number; y: number | null }[] {
    const points = values.map((v, i) => ({
        x: (report.sampleTimesMs[i] ?? 0) / time.ms,
        y: v === null ? null : scale(v),
    }));
    const last = points[points.length - 1];
    if (last && report.scenario.durationMs / time.ms > last.x)
        points.push({ x: report.scenario.durationMs / time.ms, y: last.y });
    return points;
}

/** Hours from 3 h on, minutes from 3 min on, else seconds: the axis reads 0–10 h, not 0–600 min. */
export function timeAxis(durationMs: number): TimeAxis {
    const [unit, ms, label] =
        durationMs >= 3 * 3_600_000
            ? (['h', 3_600_000, 'hours'] as const)
            : durationMs >= 3 * 60_000
              ? (['min', 60_000, 'minutes'] as const)
              : (['s', 1000, 'seconds'] as const);
    return { unit, ms, label: `${label} since the scenario started`, end: durationMs / ms };
}

/**
 * Why a chart has nothing to show, if it has not: no line with a sample (`none`), or every sample at the
 * same `flat` value, which a sentence says better than a flat line on an axis of invented scale.
 */
function emptiness(series: readonly RegionSeries[], flat: number, allFlat: string, none: string): string | undefined {
    const values = series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null);
    if (values.length === 0) return series.length === 0 ? none : 'No samples in this run.';
    return values.every((y) => y === flat) ? allFlat : undefined;
}

/**
 * How long the store's healed backlogs took to drain: simulated at the declared catch-up rate, or a lower bound
 * when none is declared (docs/facts.md#catch-up-rate). Reports before schema 1.5 have no drain: '—'.
 */
function drainCell(drain: DrainReport | null | undefined): string {
    if (!drain) return '—';
    if (drain.outcome === 'never-drains') return 'never (catch-up ≤ write rate)';
    if (drain.drainMs === null) return 'still draining at the end';
    return drain.drainTime === 'lower-bound'
        ? `≥ ${formatDuration(drain.drainMs)} (lower bound: no catch-up declared)`
        : `${formatDuration(drain.drainMs)} at ${formatCount(drain.catchUpWritesPerS)}/s`;
}

/** The cost total, compared with the scenario's cost objective only when it states one. */
function costTotalLabel(report: SimulationReport): string {
    const objective = report.expectations.find((e) => e.metric === 'cost');
    return objective
        ? `Total, against ${objective.text.replace(/^expect\s+/, '')}: ${objective.passed ? 'met' : 'missed'}`
        : 'Total';
}

function timeUnit(maxMs: number): { name: string; ms: number } {
    if (maxMs >= 2 * 60_000) return { name: 'min', ms: 60_000 };
    if (maxMs >= 10_000) return { name: 's', ms: 1000 };
    return { name: 'ms', ms: 1 };
}

function checked(value: unknown): SimulationReport {
    if (typeof value !== 'object' || value === null) throw new Error('the report is not a JSON object');
    const version = (value as { schemaVersion?: unknown }).schemaVersion;
    if (typeof version !== 'string' || !version.startsWith(supportedMajor)) {
        throw new Error(
            `report schema version ${String(version)} is not supported by this view (expected ${supportedMajor}x)`,
        );
    }
    const r = value as SimulationReport;
    for (const key of ['expectations', 'services', 'stores', 'timeline', 'sampleTimesMs'] as const) {
        if (!Array.isArray(r[key])) throw new Error(`the report has no ${key} list`);
    }
    return r;
}

/** A clause's lines as the editor's zero-based range: revealing it puts the cursor at the start of its first line. */
export function clauseLocation(clause: ClauseRef): SourceLocation {
    return {
        uri: clause.uri,
        range: { start: { line: clause.line - 1, character: 0 }, end: { line: clause.endLine - 1, character: 0 } },
    };
}

function timelineLocation(
    t: TimelineEvent,
    report: SimulationReport,
    declarations: Declarations,
    atLine: (line: number) => SourceLocation,
): SourceLocation | undefined {
    // Since schema 1.4 the report names the clause that caused the event; older reports are matched by name.
    if (t.clause) return clauseLocation(t.clause);
    if (t.kind === 'fault-start' || t.kind === 'fault-end') {
        const fault = report.scenario.faults.find((f) => (t.kind === 'fault-start' ? f.atMs : f.untilMs) === t.atMs);
        if (fault) return atLine(fault.line);
    }
    if (t.target && declarations[t.target]) return declarations[t.target];
    if (t.target) {
        const failover = declarations[`failover:${t.target}`];
        if (failover && /action|detection|routing|traffic|failback|failover/.test(t.kind)) return failover;
    }
    return t.region ? declarations[t.region] : undefined;
}
