// Number formatting shared by the text and Markdown reports (the units.ts formatters the editor uses too).
import { formatCount, formatDuration, formatUsd } from '../../language/semantics/units.js';
import { formatShare } from '../expectations.js';
import type { Percentiles, SimulationReport } from '../report.js';

export { formatCount, formatDuration, formatShare, formatUsd };

/** "at 10 m" style offset from the scenario start; "0 s" at the start. */
export function at(ms: number): string {
    return ms <= 0 ? '0 s' : formatDuration(ms);
}

export function share(value: number | null): string {
    return value === null ? '—' : formatShare(value);
}

export function duration(value: number | null, never = 'not recovered'): string {
    return value === null ? never : formatDuration(value);
}

export function latency(p: Percentiles): string {
    if (p.p50 === null) return '—';
    return `${formatDuration(p.p50)} / ${formatDuration(p.p95!)} / ${formatDuration(p.p99!)}`;
}

export function resolutionLine(r: SimulationReport): string {
    const res = r.run.resolution;
    const mode = res.mode === 'exact' ? 'every write simulated' : `one write in ${formatCount(res.sampling)} simulated (sampled)`;
    return `${formatCount(r.run.simulatedWrites)} writes, ${formatCount(r.run.events)} events — ${mode}`;
}

export function faultLine(f: SimulationReport['scenario']['faults'][number]): string {
    return `${f.label} at ${at(f.atMs)} for ${formatDuration(f.untilMs - f.atMs)}`;
}

export function fileName(uri: string): string {
    return decodeURIComponent(uri.replace(/^file:\/\//, '')).split('/').pop() ?? uri;
}
