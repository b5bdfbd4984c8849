// Reads a finished run into the report: per service, store, origin region and interruption, the timeline,
// the cost, and every expectation measured against the run.
import { itemAt } from '../language/util/item-at.js';
import { addAt, float64At } from './typed-at.js';
import { queueReport, queueStrandings } from './queue-report.js';
import { corruptionReports } from './corruption.js';
import type { ExpectationM } from '../language/semantics/model.js';
import { formatCount, formatDuration } from '../format/quantities.js';
import type { Resolution } from './budget.js';
import { costOf } from './cost.js';
import type { RunState } from './engine/context.js';
import { judge, type Measurement } from './expectations.js';
import { judgeObjectives, objectiveClauses } from './objectives.js';
import { LatencyHistogram } from './metrics/histogram.js';
import { intervalSeries, type IntervalLatencies } from './metrics/interval-latencies.js';
import { percentileName } from './percentile.js';
import {
    REPORT_SCHEMA_VERSION,
    type FailoverRunReport,
    type LagReport,
    type LatencySeries,
    type Percentiles,
    type RecoveryReport,
    type RegionShare,
    type ServiceReport,
    type SimulationReport,
    type SplitBrainReport,
    type StoreReport,
    type CorruptionReport,
    type StrandingReport,
    type PartialFaultReport,
} from './report.js';
import type { PartialFaultPlan } from './plan.js';
import { StoreFate } from './data-fate.js';
import { drainNotes, drainReport, healReport } from './drain-report.js';
import { lagPercentile, percentileLagNote } from '../language/semantics/estimators/object-lag.js';
import { measureDrain } from './drain-measure.js';
import { processingTimeReport } from './processing-time-report.js';
import { coldCacheReport } from './cold-cache-report.js';
import { serviceLoadReport } from './load-report.js';
import { stalenessReport } from './staleness-report.js';
import { NETWORK_JITTER_NOTE } from './processing-time.js';
import type { Episode, GroupRuntime } from './runtime.js';

export const ENGINE_VERSION = 'mregion-des 1';

export interface BuildInput {
    readonly sim: RunState;
    readonly seed: number;
    readonly eventBudget: number;
    readonly resolution: Resolution;
}

export function buildReport({ sim, seed, eventBudget, resolution }: BuildInput): SimulationReport {
    const plan = sim.plan;
    const scenario = plan.scenario;
    const episodesOf = episodesByGroup(sim);
    const services = plan.services.map((s) => serviceReport(sim, s.index, episodesOf));
    const stores = plan.stores.map((s) => storeReport(sim, s.index));
    const recovery = sim.episodes.map((e): RecoveryReport => {
        const g = itemAt(sim.groups, e.group, 'groups');
        const fault = e.fault >= 0 ? itemAt(plan.faults, e.fault, 'faults') : undefined;
        const from = fault ? fault.at : e.start;
        return {
            target: g.plan.targetId,
            targetName: g.plan.targetName,
            usersOf: itemAt(plan.regions, g.plan.origin, 'regions'),
            fault: fault ? fault.index : null,
            faultLabel: fault ? fault.label : null,
            faultAtMs: fault ? fault.at : null,
            startMs: e.start,
            endMs: e.end ?? null,
            rtoMs: e.end !== undefined ? e.end - from : null,
            detectionMs: e.detectionAt ?? null,
            routingChangeMs: e.routingAt ?? null,
            worstServedShare: round(e.worstServed, 6),
        };
    });
    const failovers = sim.runs.map((run): FailoverRunReport => ({
        target:
            run.failover.plan.targetKind === 'service'
                ? itemAt(plan.services, run.failover.plan.target, 'services').id
                : itemAt(plan.stores, run.failover.plan.target, 'stores').id,
        region: itemAt(plan.regions, run.region, 'regions'),
        detectedAtMs: run.detectedAt,
        falseAlarm: run.falseAlarm,
        outcome: run.state === 'done' ? 'completed' : run.state === 'abandoned' ? 'abandoned' : 'unfinished',
        committedAtMs: run.committedAt >= 0 ? run.committedAt : null,
        healthyAgainAtMs: run.healthyAgainAt >= 0 ? run.healthyAgainAt : null,
        completedAtMs: run.doneAt >= 0 ? run.doneAt : null,
    }));
    const splitBrain = sim.splitBrains.map((b): SplitBrainReport => ({
        store: itemAt(plan.stores, b.store, 'stores').id,
        oldPrimary: itemAt(plan.regions, b.oldPrimary, 'regions'),
        newPrimary: itemAt(plan.regions, b.newPrimary, 'regions'),
        promotedAtMs: b.promotedAt,
        startMs: b.startAt >= 0 ? b.startAt : null,
        endMs: b.endAt >= 0 ? b.endAt : null,
        writesOldPrimary: b.oldWrites,
        writesNewPrimary: b.newWrites,
    }));
    const regions = regionShares(sim);
    const cost = costOf(plan.model);
    const corruptions = corruptionReports(plan.model, plan);
    const source = new Measurements(sim, cost.totalUsdPerMonth, stores, corruptions);
    const expectations = scenario.expectations.map((e) => judge(e, source.measure(e)));
    const objectiveTerms = objectiveClauses(plan);
    const objectives = judgeObjectives(objectiveTerms.clauses, (e) => source.measure(e));

    const all = new LatencyHistogram();
    let offered = 0;
    let served = 0;
    let readsServed = 0;
    let readsStale = 0;
    for (const g of sim.groups) {
        const h = g.histograms[g.plan.writes.length];
        if (h) all.merge(h);
        offered += g.counters.writesOffered + g.counters.readsOffered;
        served += g.counters.writesServed + g.counters.readsServed;
        readsServed += g.counters.readsServed;
        readsStale += g.counters.staleReads;
    }
    const staleKnown = plan.stores.every((s) => itemAt(sim.storeCounters, s.index, 'storeCounters').staleKnown);
    const rtos = recovery.map((r) => r.rtoMs);
    const passedCount = expectations.filter((e) => e.passed).length;
    const notes = [...sim.notes];
    if (sim.timelineDropped > 0)
        notes.push(
            `the timeline shows the first ${sim.timeline.length} events; ${sim.timelineDropped} more were left out`,
        );
    if (objectiveTerms.note) notes.push(objectiveTerms.note);
    if (plan.services.some((s) => s.model.dependsOn.length > 0) && !sim.partial.present) {
        notes.push(
            'service dependencies (depends-on) only carry partial faults (degrade, fail) and impaired global dependencies in this run, and it has none: each service is judged on its own regions and stores',
        );
    }
    notes.push(...drainNotes(stores));
    // Object storage documents its lag as a percentile only: the fixed delay makes every derived count an upper bound.
    for (const store of plan.stores) {
        const p = lagPercentile(store.model);
        if (p !== undefined) notes.push(percentileLagNote(store.id, p));
    }
    if (plan.faults.some((f) => f.kind === 'corrupt' && f.at < plan.durationMs)) {
        notes.push(
            'a corruption is restored as if the restore started at once: detecting it is not modelled, so the recovery times shown are lower bounds',
        );
    }

    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        generator: { name: 'mregion', engine: ENGINE_VERSION },
        design: { uri: plan.model.uri, topology: plan.model.topology?.name ?? null },
        scenario: {
            name: scenario.name,
            line: scenario.source.range.start.line + 1,
            durationMs: plan.durationMs,
            seed,
            workloads: [...scenario.workloads],
            faults: plan.faults.map((f) => ({
                index: f.index,
                kind: f.kind,
                label: f.label,
                atMs: f.at,
                untilMs: f.until,
                line: f.line,
            })),
        },
        run: {
            resolution: {
                mode: resolution.mode,
                sampling: resolution.sampling,
                declaredMs: scenario.resolutionMs ?? null,
                note: resolution.note,
            },
            eventBudget,
            estimatedEvents: Math.round(resolution.estimate.events / resolution.sampling),
            events: sim.events + sim.appliesInBulk,
            simulatedWrites: sim.simulatedWrites,
            sampleIntervalMs: sim.sampleIntervalMs,
        },
        summary: {
            passed: expectations.length === 0 ? null : passedCount === expectations.length,
            expectations: {
                total: expectations.length,
                passed: passedCount,
                failed: expectations.length - passedCount,
            },
            availability: offered > 0 ? round(served / offered, 9) : null,
            worstRtoMs: largest(rtos),
            unrecovered: rtos.some((r) => r === null),
            worstRpoMs: largest(stores.map((s) => s.rpoMs)),
            lostWrites: sum(stores.map((s) => s.lostWrites)),
            strandedWrites: sum(stores.map((s) => s.strandedWrites)),
            deliveredAtHeal: sum(stores.map((s) => s.deliveredAtHeal)),
            overwrittenAtHeal: round(sum(stores.map((s) => s.overwrittenAtHeal)), 3),
            falseAlarmFailovers: failovers.filter((f) => f.falseAlarm && f.committedAtMs !== null).length,
            splitBrainWrites: sum(splitBrain.map((b) => b.writesOldPrimary)),
            discardedWrites: round(sum(stores.map((s) => s.discardedWrites)), 3),
            merges: round(sum(stores.map((s) => s.merges)), 3),
            siblings: round(sum(stores.map((s) => s.siblings)), 3),
            rejectedWrites: sum(stores.map((s) => s.writes.rejected + s.writes.conflictRejected)),
            throttledWrites: sum(stores.map((s) => s.throttledWrites)),
            staleReadShare: readsServed > 0 && staleKnown ? round(readsStale / readsServed, 9) : null,
            writeLatencyMs: percentiles(all),
            costUsdPerMonth: cost.totalUsdPerMonth === null ? null : round(cost.totalUsdPerMonth, 2),
        },
        expectations,
        objectives,
        services,
        stores,
        recovery,
        failovers,
        splitBrain,
        regions,
        cost,
        partialFaults: partialFaultReports(sim),
        corruptions,
        // Deliveries are noticed when links are next applied in bulk, after later events: the report orders by time.
        timeline: [...sim.timeline].sort((a, b) => a.atMs - b.atMs),
        sampleTimesMs: Array.from({ length: sim.ticks }, (_, k) => k * sim.sampleIntervalMs),
        networkJitter: { modelled: false, reason: NETWORK_JITTER_NOTE },
        notes,
    };
}

/** Each degrade or fail: what it reached in its region and whether the health checks watching it noticed. */
function partialFaultReports(sim: RunState): PartialFaultReport[] {
    const plan = sim.plan;
    return plan.faults
        .filter((f): f is PartialFaultPlan => (f.kind === 'degrade' || f.kind === 'fail') && f.at < plan.durationMs)
        .map((f) => ({
            fault: f.index,
            kind: f.kind,
            label: f.label,
            target: f.targetName,
            targetKind: f.targetKind,
            region: itemAt(plan.regions, f.region, 'regions'),
            atMs: f.at,
            untilMs: f.until,
            errorShare: f.errorShare,
            addedLatencyMs: f.addedLatencyMs,
            reached: [...sim.partial.reach(f)]
                .sort((a, b) => a - b)
                .map((s) => itemAt(plan.services, s, 'services').id),
            checks: sim.grayWatches
                .filter((w) => w.fault === f.index)
                .map((w) => {
                    const probe = itemAt(sim.probes, w.probe, 'probes');
                    const target = probe.failover.plan;
                    return {
                        failover:
                            target.targetKind === 'service'
                                ? itemAt(plan.services, target.target, 'services').id
                                : itemAt(plan.stores, target.target, 'stores').id,
                        depth: w.depth,
                        noticed: w.noticedAt >= 0,
                        noticedAtMs: w.noticedAt >= 0 ? w.noticedAt : null,
                        afterMs: w.noticedAt >= 0 ? w.noticedAt - f.at : null,
                    };
                }),
        }));
}

/** Each group's interruptions, gathered in one pass (a run can have a group × state-change count of them). */
function episodesByGroup(sim: RunState): readonly Episode[][] {
    const byGroup: Episode[][] = sim.groups.map(() => []);
    for (const e of sim.episodes) itemAt(byGroup, e.group, 'byGroup').push(e);
    return byGroup;
}

/** The largest of the values that are not null, or null (a loop: arrays here grow with the design). */
function largest(values: readonly (number | null)[]): number | null {
    let max: number | null = null;
    for (const v of values) if (v !== null && (max === null || v > max)) max = v;
    return max;
}

function serviceReport(sim: RunState, index: number, episodesOf: readonly Episode[][]): ServiceReport {
    const s = itemAt(sim.plan.services, index, 'services');
    const groups = sim.groups.filter((g) => g.plan.kind === 'service' && g.plan.target === index);
    const all = new LatencyHistogram();
    let offered = 0;
    let served = 0;
    const byRegion = groups.map((g) => {
        const h = g.histograms[g.plan.writes.length];
        if (h) all.merge(h);
        const o = g.counters.writesOffered + g.counters.readsOffered;
        const sv = g.counters.writesServed + g.counters.readsServed;
        offered += o;
        served += sv;
        const rtos = itemAt(episodesOf, g.plan.index, 'episodesOf').map((e) => rtoOf(sim, e.fault, e.start, e.end));
        return {
            region: itemAt(sim.plan.regions, g.plan.origin, 'regions'),
            offered: round(o, 3),
            served: round(sv, 3),
            availability: o > 0 ? round(sv / o, 9) : null,
            writeLatencyMs: percentiles(h),
            writeLatencySeries: latencySeries(sim, [
                itemAt(g.intervalLatencies, g.plan.writes.length, 'intervalLatencies'),
            ]),
            worstRtoMs: rtos.some((r) => r === Infinity) ? null : largest(rtos),
            availabilitySeries: Array.from(g.seriesWritesOffered, (writes, k) => {
                const offered = writes + float64At(g.seriesReadsOffered, k, 'reads offered');
                const served =
                    float64At(g.seriesWritesServed, k, 'writes served') +
                    float64At(g.seriesReadsServed, k, 'reads served');
                return offered > 0 ? round(served / offered, 6) : null;
            }),
        };
    });
    return {
        id: s.id,
        name: s.name,
        cell: s.cell ?? null,
        posture: s.posture ?? null,
        regions: s.regions.map((r) => itemAt(sim.plan.regions, r, 'regions')),
        offered: round(offered, 3),
        served: round(served, 3),
        availability: offered > 0 ? round(served / offered, 9) : null,
        writeLatencyMs: percentiles(all),
        byRegion,
        load: serviceLoadReport(sim, index),
    };
}

function lostIncrements(sim: RunState, index: number): StoreReport['lostIncrements'] {
    const summary = sim.counterSummaries[index];
    if (summary === undefined) return null;
    return {
        lost: round(summary.lost, 3),
        notConvergedKeys: summary.notConvergedKeys,
        notConvergedIncrements: round(summary.notConvergedIncrements, 3),
    };
}

function storeReport(sim: RunState, index: number): StoreReport {
    const s = itemAt(sim.plan.stores, index, 'stores');
    const c = itemAt(sim.storeCounters, index, 'storeCounters');
    const regions = sim.plan.regions;
    const byOrigin = new Map<number, { histogram: LatencyHistogram; intervals: IntervalLatencies[] }>();
    const all = new LatencyHistogram();
    for (const g of sim.groups) {
        const j = g.plan.writes.indexOf(index);
        const h = j >= 0 ? g.histograms[j] : undefined;
        if (!h) continue;
        all.merge(h);
        const into = byOrigin.get(g.plan.origin) ?? { histogram: new LatencyHistogram(), intervals: [] };
        into.histogram.merge(h);
        into.intervals.push(itemAt(g.intervalLatencies, j, 'intervalLatencies'));
        byOrigin.set(g.plan.origin, into);
    }
    const pending = new Float64Array(s.replicas.length);
    const lag: LagReport[] = [];
    for (const link of sim.links) {
        if (link.store.index !== index) continue;
        addAt(pending, link.toSlot, (link.log.end - link.head) * sim.weight, 'pending writes by replica');
        const series = Array.from(itemAt(sim.lagSeries, link.index, 'lagSeries'), (v) =>
            Number.isNaN(v) ? null : round(v, 3),
        );
        if (series.every((v) => v === null)) continue;
        lag.push({
            from: itemAt(regions, link.from, 'regions'),
            to: itemAt(regions, link.to, 'regions'),
            maxMs: round(Math.max(0, link.maxDelay), 3),
            backlogMaxMs: link.maxHeld >= 0 ? round(link.maxHeld, 3) : null,
            series,
            heals: link.heals.map((h) => healReport(sim, link, h)),
        });
    }
    const drainStale = c.drainReadsServed > 0 && c.staleKnown ? round(c.drainReadsStale / c.drainReadsServed, 9) : null;
    const stranded = strandings(sim, index);
    const tracking =
        s.tracksKeys && s.trackedKeys > 0
            ? {
                  trackedKeys: [...itemAt(sim.trackedLimit, index, 'trackedLimit').values()].reduce((a, b) => a + b, 0),
                  sharedKeys: [...s.keyOffsets.keys()].reduce(
                      (a, w) => a + itemAt(sim.plan.workloads, w, 'workloads').sharedKeys,
                      0,
                  ),
                  scale: round(itemAt(sim.conflictScale, index, 'conflictScale') * sim.weight, 6),
              }
            : null;
    return {
        id: s.id,
        name: s.name,
        engine: s.model.engine ?? null,
        replication: {
            mode: s.mode,
            lagMs: s.mode === 'async' ? s.lagMs : null,
            quorum: s.mode === 'consensus' ? s.quorum : null,
        },
        conflicts: s.conflicts + (s.model.conflicts.crdt ? ` ${s.model.conflicts.crdt}` : ''),
        writes: {
            acknowledged: c.acknowledged,
            failed: c.failed,
            rejected: c.rejected,
            conflictRejected: round(c.conflictRejected, 3),
        },
        lostWrites: c.lost,
        rpoMs: c.rpoMs >= 0 ? round(c.rpoMs, 3) : null,
        strandedWrites: sum(stranded.map((x) => x.strandedWrites)),
        deliveredAtHeal: sum(stranded.map((x) => x.deliveredWrites)),
        overwrittenAtHeal: round(c.overwritten, 3),
        stranded,
        discardedWrites: round(c.discarded, 3),
        lostIncrements: lostIncrements(sim, index),
        throttledWrites: sim.staleness[index]?.throttled ?? 0,
        stalenessBound: stalenessReport(sim, index),
        coldCache: coldCacheReport(sim, index),
        merges: round(c.merges, 3),
        siblings: round(c.siblings, 3),
        reads: {
            served: round(c.readsServed, 3),
            stale: round(c.readsStale, 3),
            staleShare: c.readsServed > 0 && c.staleKnown ? round(c.readsStale / c.readsServed, 9) : null,
            duringDrain: {
                served: round(c.drainReadsServed, 3),
                stale: round(c.drainReadsStale, 3),
                staleShare: drainStale,
            },
        },
        drain: drainReport(
            sim,
            index,
            lag.flatMap((l) => l.heals),
            drainStale,
        ),
        processingTime: processingTimeReport(s.model.engine, s.processing),
        writeLatencyMs: percentiles(all),
        byRegion: [...byOrigin.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([r, o]) => ({
                region: itemAt(regions, r, 'regions'),
                writeLatencyMs: percentiles(o.histogram),
                writeLatencySeries: latencySeries(sim, o.intervals),
            })),
        replicas: s.replicas.map((r, slot) => ({
            region: itemAt(regions, r, 'regions'),
            appliedWrites: itemAt(c.applied, slot, 'applied'),
            pendingWrites: itemAt(pending, slot, 'pending'),
        })),
        lag,
        losses: c.losses.map((l) => ({
            region: itemAt(regions, l.region, 'regions'),
            atMs: l.atMs,
            lostWrites: l.lostWrites,
            rpoMs: round(l.rpoMs, 3),
            fault: l.fault,
            cause: l.cause,
            primaryAfter: l.keptIn >= 0 ? itemAt(regions, l.keptIn, 'regions') : null,
        })),
        queue: queueReport(sim, index),
        conflictTracking: tracking,
    };
}

/** Each cut-off of the store's replicas that held writes no other one had, and what became of them. */
function strandings(sim: RunState, index: number): StrandingReport[] {
    const s = itemAt(sim.plan.stores, index, 'stores');
    const out: StrandingReport[] = [];
    for (const x of itemAt(sim.fates, index, 'fates').all) {
        // A stranding is recorded on a replica that accepts writes, which always has its write log.
        const log = itemAt(sim.logs, index, 'logs')[x.slot];
        if (log === undefined) throw new Error(`${s.id}: a stranding on replica ${x.slot}, which has no write log`);
        const stranded = StoreFate.strandedCount(x, log) * sim.weight;
        if (stranded <= 0) continue;
        out.push({
            region: itemAt(sim.plan.regions, itemAt(s.replicas, x.slot, 'replicas'), 'regions'),
            fault: x.fault >= 0 ? x.fault : null,
            cutAtMs: x.cutAt,
            oldestAtMs: stranded > 0 ? x.firstTime : null,
            strandedWrites: stranded,
            healedAtMs: x.healedAt >= 0 ? x.healedAt : null,
            deliveredWrites: x.delivered,
            deliveredByMs: x.deliveredAt >= 0 ? round(x.deliveredAt, 3) : null,
            lostWrites: x.lost,
            lostAtMs: x.lostAt >= 0 ? x.lostAt : null,
            overwrittenWrites: round(x.overwritten, 3),
        });
    }
    return out;
}

function regionShares(sim: RunState): RegionShare[] {
    const offered = new Float64Array(sim.plan.regions.length);
    const served = new Float64Array(sim.plan.regions.length);
    for (const g of sim.groups) {
        addAt(offered, g.plan.origin, g.counters.writesOffered + g.counters.readsOffered, 'offered by region');
        addAt(served, g.plan.origin, g.counters.writesServed + g.counters.readsServed, 'served by region');
    }
    return sim.plan.regions
        .map((region, r) => ({
            region,
            offered: round(itemAt(offered, r, 'offered'), 3),
            served: round(itemAt(served, r, 'served'), 3),
            availability:
                itemAt(offered, r, 'offered') > 0
                    ? round(itemAt(served, r, 'served') / itemAt(offered, r, 'offered'), 9)
                    : null,
        }))
        .filter((r) => r.offered > 0);
}

function rtoOf(sim: RunState, fault: number, start: number, end: number | undefined): number {
    if (end === undefined) return Infinity;
    return end - (fault >= 0 ? itemAt(sim.plan.faults, fault, 'faults').at : start);
}

function percentiles(h: LatencyHistogram | undefined): Percentiles {
    if (!h || h.total <= 0) return { min: null, p50: null, p95: null, p99: null, max: null };
    const at = (p: number) => round(h.percentile(p)!, 3);
    return { min: round(h.min()!, 3), p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(h.max()!, 3) };
}

function latencySeries(sim: RunState, parts: readonly IntervalLatencies[]): LatencySeries {
    const s = intervalSeries(parts, sim.ticks);
    const ms = (v: number | null) => (v === null ? null : round(v, 3));
    return { p50: s.p50.map(ms), p99: s.p99.map(ms), acknowledged: s.acknowledged.map((n) => round(n, 3)) };
}

function sum(values: readonly number[]): number {
    return values.reduce((a, b) => a + b, 0);
}

function round(n: number, digits: number): number {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}

/** Measures each expectation's metric on the run, over the declarations and regions the clause names. */
class Measurements {
    constructor(
        private readonly sim: RunState,
        private readonly costUsd: number | null,
        private readonly storeReports: readonly StoreReport[],
        private readonly corruptions: readonly CorruptionReport[],
    ) {}

    measure(e: ExpectationM): Measurement {
        switch (e.metric) {
            case 'rto':
                return this.recovery(e, 'rto');
            case 'detection':
                return this.recovery(e, 'detection');
            case 'rpo':
                return this.rpo(e);
            case 'availability':
                return this.availability(e);
            case 'lost-writes':
                return this.lost(e);
            case 'stranded-writes':
                return this.stranded(e);
            case 'discarded-writes':
                return this.perReplica(e, 'discardedAt', 'silently discarded by last-write-wins');
            case 'merges':
                return this.perReplica(e, 'mergesAt', 'merged by the CRDT');
            case 'siblings':
                return this.perReplica(e, 'siblingsAt', 'kept as siblings');
            case 'rejected-writes':
                return this.rejected(e);
            case 'stale-reads':
                return this.stale(e);
            case 'write-latency':
                return this.latency(e);
            case 'drain':
                return measureDrain(this.sim, this.stores(e), e, this.scope(e));
            case 'throttled-writes':
                return this.throttled(e);
            case 'duplicates':
                return this.duplicates(e);
            case 'corruption-loss':
                return this.corruptionLoss(e);
            case 'restore-time':
                return this.restoreTime(e);
            case 'cost':
                return this.costUsd === null
                    ? { value: null, where: '', atMs: null, reason: 'no egress price or item-size to estimate from' }
                    : {
                          value: this.costUsd,
                          where: 'in replication egress per month at the declared rates',
                          atMs: null,
                      };
        }
    }

    private scope(e: ExpectationM): string {
        const parts: string[] = [];
        if (e.target) parts.push(`of ${e.target.name}`);
        if (e.region) parts.push(`in ${e.region}`);
        return parts.join(' ');
    }

    /** User groups a clause is about: a service's users, or the users of services that use a store. */
    private groups(e: ExpectationM): GroupRuntime[] {
        const plan = this.sim.plan;
        return this.sim.groups.filter((g) => {
            if (e.region !== undefined && plan.regions[g.plan.origin] !== e.region) return false;
            if (!e.target) return true;
            if (e.target.kind === 'service') return g.plan.kind === 'service' && g.plan.targetName === e.target.name;
            return [...g.plan.writes, ...g.plan.readsFrom].some(
                (s) => itemAt(plan.stores, s, 'stores').name === e.target!.name,
            );
        });
    }

    /** Store instances a clause is about: the named store, the stores a named service uses, or all. */
    private stores(e: ExpectationM): number[] {
        const plan = this.sim.plan;
        if (!e.target) return plan.stores.map((s) => s.index);
        if (e.target.kind === 'store') return plan.stores.filter((s) => s.name === e.target!.name).map((s) => s.index);
        const ids = new Set(
            plan.services.filter((s) => s.name === e.target!.name).flatMap((s) => [...s.uses, ...s.reads]),
        );
        return [...ids];
    }

    private recovery(e: ExpectationM, kind: 'rto' | 'detection'): Measurement {
        const plan = this.sim.plan;
        const groups = new Set(this.groups(e).map((g) => g.plan.index));
        let worst: { value: number; where: string; atMs: number | null } | undefined;
        for (const ep of this.sim.episodes) {
            if (!groups.has(ep.group)) continue;
            const g = itemAt(this.sim.groups, ep.group, 'groups');
            const fault = ep.fault >= 0 ? itemAt(plan.faults, ep.fault, 'faults') : undefined;
            const from = fault ? fault.at : ep.start;
            const value =
                kind === 'rto'
                    ? ep.end === undefined
                        ? Infinity
                        : ep.end - from
                    : ep.detectionAt === undefined
                      ? Infinity
                      : ep.detectionAt - from;
            const cause = fault
                ? `, from the ${fault.label} at ${formatDuration(fault.at)}`
                : `, from the interruption at ${formatDuration(ep.start)}`;
            const where = `for users of ${plan.regions[g.plan.origin]} on ${g.plan.targetId}${cause}`;
            if (!worst || value > worst.value) worst = { value, where, atMs: from };
        }
        if (!worst)
            return {
                value: 0,
                where: `(no user${this.scope(e) ? ` ${this.scope(e)}` : ''} was interrupted)`,
                atMs: null,
            };
        return worst;
    }

    private rpo(e: ExpectationM): Measurement {
        const plan = this.sim.plan;
        let worst: Measurement | undefined;
        for (const s of this.stores(e)) {
            for (const l of itemAt(this.sim.storeCounters, s, 'storeCounters').losses) {
                if (e.region !== undefined && plan.regions[l.region] !== e.region) continue;
                if (!worst || l.rpoMs > (worst.value ?? -1)) {
                    worst = {
                        value: l.rpoMs,
                        where: `in ${itemAt(plan.stores, s, 'stores').id}: writes lost from ${plan.regions[l.region]} at ${formatDuration(l.atMs)}`,
                        atMs: l.atMs,
                    };
                }
            }
        }
        return (
            worst ?? {
                value: 0,
                where: `(no acknowledged write${this.scope(e) ? ` ${this.scope(e)}` : ''} was lost)`,
                atMs: null,
            }
        );
    }

    private lost(e: ExpectationM): Measurement {
        const plan = this.sim.plan;
        return this.tally(e, (s) =>
            itemAt(this.sim.storeCounters, s, 'storeCounters').losses.map((l) => ({
                region: itemAt(plan.regions, l.region, 'regions'),
                count: l.lostWrites,
                atMs: l.atMs,
                text: `${itemAt(plan.stores, s, 'stores').id} from ${plan.regions[l.region]} at ${formatDuration(l.atMs)}`,
            })),
        );
    }

    /** Writes held only by cut-off replicas of the stores named (`in R`: cut off in R), and what became of them. */
    private stranded(e: ExpectationM): Measurement {
        return this.tally(e, (s) => [
            ...strandings(this.sim, s).map((x) => {
                const fate =
                    x.lostWrites > 0
                        ? `${formatCount(x.lostWrites)} lost`
                        : x.deliveredWrites === x.strandedWrites
                          ? 'all delivered'
                          : `${formatCount(x.deliveredWrites)} delivered`;
                return {
                    region: x.region,
                    count: x.strandedWrites,
                    atMs: x.cutAtMs,
                    text: `${itemAt(this.sim.plan.stores, s, 'stores').id} in ${x.region} at ${formatDuration(x.cutAtMs)}, ${fate}`,
                };
            }),
            // A queue without cross-region replication: the messages stranded with their region count too.
            ...queueStrandings(this.sim, s),
        ]);
    }

    /** Adds up per-store events of the stores and region a clause names, listing each; the time is the first. */
    private tally(
        e: ExpectationM,
        eventsOf: (store: number) => { region: string; count: number; atMs: number; text: string }[],
    ): Measurement {
        let total = 0;
        let first: number | null = null;
        const parts: string[] = [];
        for (const s of this.stores(e)) {
            for (const x of eventsOf(s)) {
                if (e.region !== undefined && x.region !== e.region) continue;
                total += x.count;
                first = first === null ? x.atMs : Math.min(first, x.atMs);
                parts.push(x.text);
            }
        }
        return {
            value: total,
            where: parts.length > 0 ? `(${parts.join('; ')})` : `${this.scope(e)}`.trim(),
            atMs: first,
        };
    }

    private perReplica(e: ExpectationM, field: 'discardedAt' | 'mergesAt' | 'siblingsAt', what: string): Measurement {
        const plan = this.sim.plan;
        let total = 0;
        for (const s of this.stores(e)) {
            const store = itemAt(plan.stores, s, 'stores');
            const counts = itemAt(this.sim.storeCounters, s, 'storeCounters')[field];
            store.replicas.forEach((r, slot) => {
                if (e.region === undefined || plan.regions[r] === e.region) total += itemAt(counts, slot, 'counts');
            });
        }
        return {
            value: round(total, 3),
            where: `writes ${what}${this.scope(e) ? ` ${this.scope(e)}` : ''} over ${formatDuration(plan.durationMs)}`,
            atMs: null,
        };
    }

    /** Writes refused at a bounded-staleness store's bound, where they were to be accepted. */
    private throttled(e: ExpectationM): Measurement {
        let total = 0;
        let first: number | null = null;
        for (const s of this.stores(e)) {
            const bound = this.storeReports[s]?.stalenessBound;
            if (!bound) continue;
            let counted = 0;
            for (const r of bound.byRegion)
                if (e.region === undefined || r.region === e.region) counted += r.throttledWrites;
            total += counted;
            // Only a store whose throttled writes count here gives the time (its first is in any of its regions).
            if (counted > 0 && bound.firstAtMs !== null && (first === null || bound.firstAtMs < first))
                first = bound.firstAtMs;
        }
        return {
            value: round(total, 3),
            where: `writes throttled at the staleness bound${this.scope(e) ? ` ${this.scope(e)}` : ''} over ${formatDuration(this.sim.plan.durationMs)}`,
            atMs: total > 0 ? first : null,
        };
    }

    /** Messages delivered again to consumer groups that moved cluster (`in R`: the moves into R). */
    private duplicates(e: ExpectationM): Measurement {
        let total = 0;
        let first: number | null = null;
        for (const s of this.stores(e)) {
            const queue = this.storeReports[s]?.queue;
            if (!queue) continue;
            const share = queue.redeliveredMessages > 0 ? queue.duplicates / queue.redeliveredMessages : 0;
            for (const move of queue.moves) {
                if (e.region !== undefined && move.to !== e.region) continue;
                total += (move.atFailover + move.afterHeal) * share;
                if (first === null || move.atMs < first) first = move.atMs;
            }
        }
        return {
            value: round(total, 3),
            where: `messages delivered again as duplicates${this.scope(e) ? ` ${this.scope(e)}` : ''}`,
            atMs: total > 0 ? first : null,
        };
    }

    /** The corruptions of the stores a clause names (`in R`: those whose damaging write was made in R). */
    private corruptionsOf(e: ExpectationM): CorruptionReport[] {
        const ids = new Set(this.stores(e).map((s) => this.sim.plan.stores[s]?.id));
        return this.corruptions.filter((c) => ids.has(c.store) && (e.region === undefined || c.origin === e.region));
    }

    /** The worst time back to the restore point: the writes of that window are lost with the restore. */
    private corruptionLoss(e: ExpectationM): Measurement {
        let worst: Measurement | undefined;
        for (const c of this.corruptionsOf(e)) {
            const point = c.restorePoint;
            const value = point === null ? Infinity : point.lostWindowMs;
            if (worst !== undefined && (worst.value ?? 0) >= value) continue;
            const cause = `the ${c.label} at ${formatDuration(c.atMs)}`;
            worst = {
                value,
                where:
                    point === null
                        ? `for ${c.store}: no backup, so no clean copy is left after ${cause}`
                        : `for ${c.store}, back to its ${point.kind === 'pitr' ? 'point-in-time restore point' : 'last backup'} before ${cause}`,
                atMs: c.atMs,
            };
        }
        return worst ?? { value: 0, where: '(no corruption in the scenario)', atMs: null };
    }

    /** The longest restore from a restore point (size ÷ restore throughput, an estimate). */
    private restoreTime(e: ExpectationM): Measurement {
        let worst: Measurement | undefined;
        for (const c of this.corruptionsOf(e)) {
            const ms = c.restore.durationMs;
            if (ms === null)
                return {
                    value: null,
                    where: '',
                    atMs: c.atMs,
                    reason:
                        c.restorePoint === null
                            ? `${c.store} keeps no backup: there is nothing to restore from`
                            : `${c.store} declares no ${c.restore.sizeBytes === null ? 'size' : 'restore throughput'} to estimate its restore from`,
                };
            if (worst !== undefined && (worst.value ?? 0) >= ms) continue;
            worst = {
                value: ms,
                where: `for ${c.store} after the ${c.label} at ${formatDuration(c.atMs)} (size ÷ restore throughput, an estimate)`,
                atMs: c.atMs,
            };
        }
        return worst ?? { value: 0, where: '(no corruption in the scenario)', atMs: null };
    }

    private rejected(e: ExpectationM): Measurement {
        const plan = this.sim.plan;
        if (e.region !== undefined || e.target?.kind === 'service') {
            let total = 0;
            for (const g of this.groups(e)) total += g.counters.rejected + g.counters.conflictRejected;
            return {
                value: round(total, 3),
                where: `writes refused${this.scope(e) ? ` ${this.scope(e)}` : ''}`,
                atMs: null,
            };
        }
        let total = 0;
        for (const s of this.stores(e))
            total +=
                itemAt(this.sim.storeCounters, s, 'storeCounters').rejected +
                itemAt(this.sim.storeCounters, s, 'storeCounters').conflictRejected;
        return {
            value: round(total, 3),
            where: `writes refused${this.scope(e) ? ` ${this.scope(e)}` : ''} over ${formatDuration(plan.durationMs)}`,
            atMs: null,
        };
    }

    private availability(e: ExpectationM): Measurement {
        let offered = 0;
        let served = 0;
        for (const g of this.groups(e)) {
            offered += g.counters.writesOffered + g.counters.readsOffered;
            served += g.counters.writesServed + g.counters.readsServed;
        }
        if (offered <= 0)
            return {
                value: null,
                where: '',
                atMs: null,
                reason: `no request${this.scope(e) ? ` ${this.scope(e)}` : ''} was made`,
            };
        return {
            value: served / offered,
            where: `of requests${this.scope(e) ? ` ${this.scope(e)}` : ''} over ${formatDuration(this.sim.plan.durationMs)}`,
            atMs: null,
        };
    }

    private stale(e: ExpectationM): Measurement {
        let served = 0;
        let stale = 0;
        if (e.target?.kind === 'store' && e.region === undefined) {
            for (const s of this.stores(e)) {
                const c = itemAt(this.sim.storeCounters, s, 'storeCounters');
                if (!c.staleKnown)
                    return { value: null, where: '', atMs: null, reason: 'the workload declares no key count' };
                served += c.readsServed;
                stale += c.readsStale;
            }
        } else {
            for (const g of this.groups(e)) {
                served += g.counters.readsServed;
                stale += g.counters.staleReads;
            }
            if (
                !this.sim.plan.stores.every((s) => itemAt(this.sim.storeCounters, s.index, 'storeCounters').staleKnown)
            ) {
                return { value: null, where: '', atMs: null, reason: 'the workload declares no key count' };
            }
        }
        if (served <= 0) return { value: null, where: '', atMs: null, reason: 'no read was served' };
        return { value: stale / served, where: `of reads${this.scope(e) ? ` ${this.scope(e)}` : ''}`, atMs: null };
    }

    private latency(e: ExpectationM): Measurement {
        const plan = this.sim.plan;
        const p = e.percentile ?? 0.99;
        const h = new LatencyHistogram();
        for (const g of this.sim.groups) {
            if (e.region !== undefined && plan.regions[g.plan.origin] !== e.region) continue;
            if (e.target?.kind === 'store') {
                g.plan.writes.forEach((s, j) => {
                    const hist = g.histograms[j];
                    if (itemAt(plan.stores, s, 'stores').name === e.target!.name && hist) h.merge(hist);
                });
            } else if (!e.target || (g.plan.kind === 'service' && g.plan.targetName === e.target.name)) {
                const hist = g.histograms[g.plan.writes.length];
                if (hist) h.merge(hist);
            }
        }
        const value = h.percentile(p);
        if (value === undefined)
            return {
                value: null,
                where: '',
                atMs: null,
                reason: `no write${this.scope(e) ? ` ${this.scope(e)}` : ''} was acknowledged`,
            };
        return {
            value,
            where: `at ${percentileName(p)} of ${formatCount(h.total)} writes${this.scope(e) ? ` ${this.scope(e)}` : ''}`,
            atMs: null,
        };
    }
}
