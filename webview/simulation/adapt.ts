// Maps a simulation report (simulation/report.ts, sent as JSON) to what the view shows. A report is data from
// another process: every field is checked, and a report this view does not understand gives a clear error.
import type { Location } from '../shared/vscode-api.js';
import type { ChartModel, CostRow, ExpectationRow, SimulationViewModel, TimelineRow, WritesRow } from './view-model.js';

type Json = Record<string, unknown>;

export function adaptReport(report: unknown, scenario: string): SimulationViewModel {
    if (!isObject(report)) throw new Error('the report is not a JSON object');
    const expectations = array(report.expectations).filter(isObject).map((e): ExpectationRow => ({
        text: str(e.text) ?? str(e.expectation) ?? '(expectation)',
        passed: e.passed === true || e.pass === true || e.status === 'pass',
        measured: str(e.measuredText) ?? str(e.measured) ?? (typeof e.measured === 'number' ? String(e.measured) : undefined),
        location: location(e.source ?? e.location),
    }));
    const timeline = array(report.timeline).filter(isObject).map((t): TimelineRow => ({
        atMs: num(t.atMs) ?? num(t.at) ?? 0, kind: str(t.kind) ?? 'event', text: str(t.text) ?? str(t.description) ?? '', location: location(t.source ?? t.location),
    }));
    return {
        scenario: str(isObject(report.scenario) ? report.scenario.name : report.scenario) ?? scenario,
        facts: [],
        expectations,
        charts: charts(report),
        timeline,
        writes: writes(report),
        cost: cost(report),
        notes: array(report.notes).map(str).filter((n): n is string => n !== undefined),
    };
}

function charts(report: Json): ChartModel[] {
    const series = isObject(report.series) ? report.series : {};
    const chart = (id: ChartModel['id'], title: string, unit: string, key: string, scale: number): ChartModel => ({
        id, title, unit,
        series: Object.entries(isObject(series[key]) ? series[key] : {}).map(([region, points]) => ({
            region,
            points: array(points).filter(isObject).map((p) => ({ x: (num(p.t) ?? num(p.atMs) ?? 0) / 60_000, y: (num(p.v) ?? num(p.value) ?? 0) * scale })),
        })),
    });
    return [
        chart('availability', 'Availability', '%', 'availability', 100),
        chart('replication-lag', 'Replication lag', 'ms', 'replicationLag', 1),
        chart('write-latency', 'Write latency p99', 'ms', 'writeLatency', 1),
    ];
}

function writes(report: Json): WritesRow[] {
    return array(report.stores).filter(isObject).map((s) => ({
        target: str(s.id) ?? str(s.name) ?? '?',
        cells: [
            ['lost', s.lostWrites], ['discarded (LWW)', s.discardedWrites], ['merged', s.merges], ['rejected', s.rejectedWrites],
        ].filter(([, v]) => typeof v === 'number').map(([label, v]) => ({ label: label as string, value: (v as number).toLocaleString('en-US') })),
        location: location(s.source ?? s.location),
    }));
}

function cost(report: Json): CostRow[] {
    const c = isObject(report.cost) ? report.cost : undefined;
    const total = num(c?.totalUsdPerMonth);
    return total === undefined ? [] : [{ label: 'Total', value: `$${total.toLocaleString('en-US', { maximumFractionDigits: 0 })}` }];
}

function location(value: unknown): Location | undefined {
    if (!isObject(value) || typeof value.uri !== 'string' || !isObject(value.range)) return undefined;
    return value as unknown as Location;
}

function isObject(value: unknown): value is Json {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function array(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
