// The report as Markdown for pull requests and CI summaries: tables, and a Mermaid gantt chart of the faults,
// the failover steps and the interruptions, so code-hosting sites render the timeline as a picture.
import { formatCount, formatDuration, formatUsd } from '../../format/quantities.js';
import { markdownCode, markdownText } from '../../language/semantics/escape.js';
import { latencySpread } from './latency-spread.js';
import type { SimulationReport, TimelineEvent } from '../report.js';
import { queueLines, queueSummary } from './queues.js';
import { coldCacheLines, overloadLines } from './load.js';
import { drainLine, failoverVerdict, lostIncrementsSummary, strandedSummary, strandingLine } from './data-fate.js';
import { stalenessLine } from './staleness.js';
import {
    at,
    duration,
    objectivesHeadline,
    faultLine,
    fileName,
    gapList,
    latency,
    latencyOverTime,
    maxLagMs,
    resolutionLine,
    share,
} from './common.js';
import { corruptionLines } from './corruptions.js';
import { partialFaultLines } from './partial-faults.js';

const MAX_GANTT_TASKS = 40;

export function formatMarkdown(r: SimulationReport): string {
    const out: string[] = [];
    out.push(`# Simulation: ${r.scenario.name}${r.design.topology ? ` — ${r.design.topology}` : ''}`);
    out.push('');
    // The file name, an expectation's source text (comments included) and notes quoting file names are free text.
    out.push(
        `${markdownCode(fileName(r.design.uri))} line ${r.scenario.line} · ${formatDuration(r.scenario.durationMs)} · seed ${r.scenario.seed} · ${resolutionLine(r)}`,
    );
    out.push('');
    out.push(`**Faults:** ${r.scenario.faults.length === 0 ? 'none' : r.scenario.faults.map(faultLine).join('; ')}`);
    out.push('');

    const e = r.summary.expectations;
    out.push(
        `## Expectations — ${e.total === 0 ? 'none declared' : e.failed === 0 ? `all ${e.total} passed` : `${e.failed} of ${e.total} failed`}`,
    );
    out.push('');
    if (e.total > 0) {
        out.push('| | Expectation | Measured | For whom, when |');
        out.push('|---|---|---|---|');
        for (const x of r.expectations)
            out.push(
                `| ${x.passed ? '✅' : '❌'} | ${markdownCode(x.text, true)} (line ${x.line}) | ${cell(x.measuredText)} | ${cell(x.where)} |`,
            );
        out.push('');
    }

    const objectives = r.objectives ?? [];
    if (objectives.length > 0) {
        out.push(`## Objectives of the services and stores — ${objectivesHeadline(objectives)}`);
        out.push('');
        out.push('| | Objective | Measured | For whom, when |');
        out.push('|---|---|---|---|');
        for (const x of objectives)
            out.push(
                `| ${x.passed ? '✅' : '❌'} | ${cell(x.owner)}: ${markdownCode(x.text, true)} (line ${x.clause.line}) | ${cell(x.measuredText)} | ${cell(x.where)} |`,
            );
        out.push('');
    }

    const verdict = failoverVerdict(r);
    if (verdict.length > 0) {
        out.push('## Failovers and split brain');
        out.push('');
        for (const line of verdict) out.push(`- ⚠️ ${line}`);
        out.push('');
    }

    const partial = partialFaultLines(r);
    if (partial.length > 0) {
        out.push('## Partial faults and detection');
        out.push('');
        for (const line of partial) out.push(`- ${cell(line)}`);
        out.push('');
    }

    const corrupted = corruptionLines(r);
    if (corrupted.length > 0) {
        out.push('## Corruption and restore');
        out.push('');
        for (const line of corrupted) out.push(`- ${cell(line)}`);
        out.push('');
    }

    out.push('## Timeline');
    out.push('');
    out.push('```mermaid');
    for (const line of gantt(r)) out.push(line);
    out.push('```');
    out.push('');
    if (r.timeline.length > 0) {
        out.push('<details><summary>All events</summary>');
        out.push('');
        out.push('| At | Event | Clause |');
        out.push('|---|---|---|');
        for (const t of r.timeline) out.push(`| ${at(t.atMs)} | ${cell(t.text)} | ${clauseCell(r, t.clause)} |`);
        out.push('');
        out.push('</details>');
        out.push('');
    }

    if (r.recovery.length > 0) {
        out.push('## Interruptions');
        out.push('');
        out.push('| Users of | On | Cause | Detected | Rerouted | Served again | RTO | Worst served |');
        out.push('|---|---|---|---|---|---|---|---|');
        for (const x of r.recovery) {
            const from = x.faultAtMs ?? x.startMs;
            const rel = (v: number | null) => (v === null ? '—' : `+${formatDuration(v - from)}`);
            out.push(
                `| ${x.usersOf} | ${x.target} | ${cell(x.faultLabel ?? 'interruption')} at ${at(from)} | ${rel(x.detectionMs)} | ${rel(x.routingChangeMs)} | ${x.endMs === null ? 'not by the end' : rel(x.endMs)} | ${duration(x.rtoMs)} | ${share(x.worstServedShare)} |`,
            );
        }
        out.push('');
    }

    out.push('## Data');
    out.push('');
    out.push(
        '| Store | Replication | Acknowledged | Lost (RPO) | Stranded | Silently discarded | Merged / siblings | Rejected | Stale reads | Latency p50 / p95 / p99 | Max lag |',
    );
    out.push('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of r.stores) {
        if (s.writes.acknowledged === 0 && s.reads.served === 0) continue;
        const mode =
            s.replication.mode === 'async'
                ? `async ${formatDuration(s.replication.lagMs ?? 0)}`
                : s.replication.mode === 'consensus'
                  ? `consensus, quorum ${s.replication.quorum}`
                  : s.replication.mode;
        out.push(
            `| ${s.id} | ${mode}, ${s.conflicts} | ${formatCount(s.writes.acknowledged)} | ${s.lostWrites > 0 ? `**${formatCount(s.lostWrites)}** (${formatDuration(s.rpoMs!)})` : '0'} | ${strandedSummary(s) ?? '0'} | ${s.discardedWrites > 0 ? `**${formatCount(s.discardedWrites)}**` : '0'} | ${formatCount(s.merges)} / ${formatCount(s.siblings)} | ${formatCount(s.writes.rejected + s.writes.conflictRejected)} | ${share(s.reads.staleShare)} | ${latency(s.writeLatencyMs)} | ${s.lag.length > 0 ? formatDuration(maxLagMs(s)) : '—'} |`,
        );
    }
    out.push('');

    const increments = r.stores.flatMap((s) => {
        const line = lostIncrementsSummary(s);
        return line === undefined ? [] : [`- ${s.id}: ${line}`];
    });
    if (increments.length > 0) {
        out.push(
            'Counters under last-writer-wins (increments acknowledged minus the converged value, not the discarded writes):',
        );
        out.push('');
        out.push(...increments);
        out.push('');
    }
    const strandings = r.stores.flatMap((s) => s.stranded.map((x) => `- ${s.id}: ${strandingLine(x)}`));
    if (strandings.length > 0) {
        out.push(
            'Writes held only by a replica that was cut off (an outage or partition does not lose them; a promotion elsewhere or a destroyed region does):',
        );
        out.push('');
        out.push(...strandings);
        out.push('');
    }
    const queues = r.stores.flatMap((s) => {
        const summary = queueSummary(s);
        const lines = queueLines(s);
        if (lines.length === 0) return [];
        return [
            `- ${s.id}: ${summary.length > 0 ? summary.join(', ') : 'no message stranded or re-delivered'}`,
            ...lines.map((l) => `  - ${l}`),
        ];
    });
    if (queues.length > 0) {
        out.push(
            'Queues and streams (messages stranded with their region, messages re-delivered to consumers that moved):',
        );
        out.push('');
        out.push(...queues);
        out.push('');
    }
    const loads = [
        ...r.services.flatMap((s) => overloadLines(s).map((l) => `- ${s.id}: ${l}`)),
        ...r.stores.flatMap((s) => coldCacheLines(s).map((l) => `- ${s.id}: ${l}`)),
    ];
    if (loads.length > 0) {
        out.push('Load at failover (regions over capacity, caches that started cold):');
        out.push('');
        out.push(...loads);
        out.push('');
    }
    const drains = r.stores.flatMap((s) => {
        const line = drainLine(s);
        return line === undefined ? [] : [`- ${s.id}: ${line}`];
    });
    if (drains.length > 0) {
        out.push('Replication backlogs after a partition or outage healed:');
        out.push('');
        out.push(...drains);
        out.push('');
    }
    const throttles = r.stores.flatMap((s) => {
        const line = stalenessLine(s);
        return line === undefined ? [] : [`- ${s.id}: ${line}`];
    });
    if (throttles.length > 0) {
        out.push('Bounded staleness:');
        out.push('');
        out.push(...throttles);
        out.push('');
    }

    out.push('## Availability');
    out.push('');
    out.push(
        `Overall ${share(r.summary.availability)} of requests served; write latency p50 / p95 / p99 ${latency(r.summary.writeLatencyMs)}; stale reads ${r.summary.staleReadShare === null ? 'not estimated' : share(r.summary.staleReadShare)}.`,
    );
    out.push('');
    out.push('| Users of | Requests | Served | Availability |');
    out.push('|---|---|---|---|');
    for (const x of r.regions)
        out.push(`| ${x.region} | ${formatCount(x.offered)} | ${formatCount(x.served)} | ${share(x.availability)} |`);
    out.push('');
    const overTime = latencyOverTime(r);
    if (r.sampleTimesMs.length > 1 && overTime.length > 0) {
        out.push(`### Write latency over time (p99 per ${formatDuration(r.run.sampleIntervalMs)} interval)`);
        out.push('');
        out.push('| Users of | On | Lowest | Highest (from) | No write acknowledged |');
        out.push('|---|---|---|---|---|');
        for (const x of overTime) {
            out.push(
                `| ${x.usersOf} | ${x.on} | ${formatDuration(x.lowMs)} | ${formatDuration(x.highMs)} (${at(x.highAtMs)}) | ${x.gaps.length > 0 ? gapList(x.gaps) : '—'} |`,
            );
        }
        out.push('');
    }

    out.push('### Latency spread');
    out.push('');
    for (const x of latencySpread(r))
        out.push(`- ${x.store === undefined ? '' : `${markdownCode(x.store)}: `}${markdownText(x.text)}`);
    out.push('');

    out.push('## Cost');
    out.push('');
    out.push(
        r.cost.egressUsdPerMonth === null
            ? 'Replication egress: not estimated.'
            : `Replication egress ≈ **${formatUsd(r.cost.egressUsdPerMonth)}/month**.`,
    );
    for (const x of r.cost.egress)
        out.push(
            `- ${x.store}: ${x.usdPerMonth === null ? (x.missing ?? 'not estimated') : `${formatUsd(x.usdPerMonth)}/month (${x.formula})`}`,
        );
    for (const p of r.cost.postures)
        out.push(`- ${p.service}: ${p.posture}, ×${p.multiplier} of a single-region deployment (${p.source})`);
    out.push('');
    out.push(`_${r.cost.note}_`);
    if (r.notes.length > 0) {
        out.push('');
        out.push('## Notes');
        out.push('');
        for (const n of r.notes) out.push(`- ${markdownText(n)}`);
    }
    out.push('');
    return out.join('\n');
}

/** Mermaid gantt lines: fault bars, waits for control planes, actions, detections, routing changes, interruptions. */
export function gantt(r: SimulationReport): string[] {
    const lines = [
        'gantt',
        `    title ${label(r.scenario.name)}: faults and failover`,
        '    dateFormat YYYY-MM-DD HH:mm:ss',
        `    axisFormat ${r.scenario.durationMs > 86_400_000 ? '%d %H:%M' : '%H:%M'}`,
    ];
    let tasks = 0;
    let id = 0;
    const add = (section: string[], text: string) => {
        if (tasks >= MAX_GANTT_TASKS) return;
        section.push(text);
        tasks++;
    };
    const faults: string[] = [];
    for (const f of r.scenario.faults)
        add(
            faults,
            f.kind === 'corrupt'
                ? `    ${label(f.label)} :crit, milestone, f${f.index}, ${stamp(f.atMs)}, 0s`
                : `    ${label(f.label)} :crit, f${f.index}, ${stamp(f.atMs)}, ${stamp(Math.min(f.untilMs, r.scenario.durationMs))}`,
        );
    const sections = new Map<string, string[]>();
    const sectionOf = (name: string) => {
        let s = sections.get(name);
        if (!s) sections.set(name, (s = []));
        return s;
    };
    const started = new Map<string, TimelineEvent>();
    const blocked = new Map<string, TimelineEvent>();
    for (const t of r.timeline) {
        const target = t.target ?? 'design';
        switch (t.kind) {
            case 'detection':
                add(
                    sectionOf(target),
                    `    failure detected in ${label(t.region ?? '')} :milestone, m${id++}, ${stamp(t.atMs)}, 0s`,
                );
                break;
            case 'routing-change':
                add(sectionOf(target), `    routing moves :milestone, m${id++}, ${stamp(t.atMs)}, 0s`);
                break;
            case 'action-blocked':
                blocked.set(actionKey(t.text), t);
                break;
            case 'action-start': {
                const key = actionKey(t.text);
                const wait = blocked.get(key);
                if (wait) {
                    add(
                        sectionOf(target),
                        `    ${label(key)} waits for its control plane :done, w${id++}, ${stamp(wait.atMs)}, ${stamp(t.atMs)}`,
                    );
                    blocked.delete(key);
                }
                started.set(key, t);
                break;
            }
            case 'action-done': {
                const key = actionKey(t.text);
                const start = started.get(key);
                if (start) {
                    add(
                        sectionOf(target),
                        `    ${label(key)} :active, a${id++}, ${stamp(start.atMs)}, ${stamp(t.atMs)}`,
                    );
                    started.delete(key);
                }
                break;
            }
            default:
                break;
        }
    }
    for (const [key, wait] of blocked)
        add(
            sectionOf(wait.target ?? 'design'),
            `    ${label(key)} waits for its control plane :done, w${id++}, ${stamp(wait.atMs)}, ${stamp(r.scenario.durationMs)}`,
        );
    for (const x of r.recovery) {
        add(
            sectionOf(x.target),
            `    users of ${label(x.usersOf)} interrupted :crit, i${id++}, ${stamp(x.startMs)}, ${stamp(x.endMs ?? r.scenario.durationMs)}`,
        );
    }
    if (faults.length > 0) lines.push('    section Faults', ...faults);
    for (const [name, body] of sections) lines.push(`    section ${label(name)}`, ...body);
    if (tasks === 0)
        lines.push('    section Scenario', `    no fault :s0, ${stamp(0)}, ${stamp(r.scenario.durationMs)}`);
    return lines;
}

/** The action part of an action event's text ("promote db in us-west-2 for api starts (1 m)" → "promote db in us-west-2"). */
function actionKey(text: string): string {
    return text.replace(/ for \S+ (starts|done|waits|pauses).*$/, '');
}

/** An offset from the scenario start as a Mermaid date (a fixed day, so the axis reads as elapsed time). */
function stamp(ms: number): string {
    const d = new Date(Date.UTC(2000, 0, 1) + Math.max(0, Math.round(ms / 1_000)) * 1_000);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Mermaid task names end at ':' and break on '#' or ';'; a run of backticks would close the diagram's fence. */
function label(text: string): string {
    return text
        .replace(/[:;#`]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}

function cell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Where the clause that caused an event is written: its line, with the file's name when it is another file. */
function clauseCell(r: SimulationReport, clause: TimelineEvent['clause'] | undefined): string {
    if (!clause) return '';
    const lines = clause.endLine > clause.line ? `lines ${clause.line}–${clause.endLine}` : `line ${clause.line}`;
    return clause.uri === r.design.uri ? lines : `${markdownCode(fileName(clause.uri))} ${lines}`;
}
