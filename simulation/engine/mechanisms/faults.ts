// Faults: the scenario's `at …` clauses start and end (`EventKind.faultStart`, `faultEnd`). The fault state
// (faults.ts) answers what is down, cut off or impaired; this module changes it, tells the timeline, and asks
// the others to react through the context: a destroy's losses, the links, control planes, leadership and
// tables after any change (`faultsChanged`), manual detection when a region goes down or comes back. A partial
// fault (`degrade`, `fail`) also recomputes the cascade through what services depend on (partial-faults.ts)
// and opens the gray watches: the health checks that should notice it (detection.ts says whether they did).
import { formatDuration, formatPercent } from '../../../format/quantities.js';
import { factRef } from '../../../language/semantics/facts/citation.js';
import { GLOBAL_SERVICES, isGlobalServiceName } from '../../../language/semantics/facts/global-services.js';
import { corruptionEvents } from '../../corruption.js';
import { homesGlobalDependency, type ImpairedGlobal } from '../../partial-faults.js';
import type { PartialFaultPlan } from '../../plan.js';
import { failoverTargetId, type Probe } from '../../runtime.js';
import type { EngineContext } from '../context.js';
import { EventKind } from '../event-kinds.js';
import { Rank } from '../event-queue.js';

/** Every fault's start and end (a destroy never ends; a corruption is one moment: corruption.ts follows it). */
export function scheduleFaults(ctx: EngineContext): void {
    for (const f of ctx.plan.faults) {
        ctx.queue.push(f.at, Rank.fault, EventKind.faultStart, f.index);
        if (f.kind !== 'destroy' && f.kind !== 'corrupt')
            ctx.queue.push(f.until, Rank.fault, EventKind.faultEnd, f.index);
    }
}

export function onFaultStart(ctx: EngineContext, index: number, t: number): void {
    const f = ctx.plan.faults[index]!;
    if (f.kind === 'corrupt') {
        // Nothing goes down: the corrupted data is served as if it were good until a restore.
        ctx.record(
            t,
            'fault-start',
            `${f.label}: the damage replicates to every replica`,
            null,
            null,
            ctx.faultSource(index),
        );
        // Its later steps are known now (corruption.ts); the report orders the timeline by time.
        for (const e of corruptionEvents(ctx.plan, f)) {
            if (e.atMs < ctx.plan.durationMs)
                ctx.record(e.atMs, e.kind, e.text, e.target, e.region, ctx.faultSource(index));
        }
        return;
    }
    ctx.integrate(t);
    const down = f.kind === 'outage' || f.kind === 'destroy';
    const where =
        down || f.kind === 'control-plane' || f.kind === 'flap' || f.kind === 'degrade' || f.kind === 'fail'
            ? f.region
            : null;
    ctx.record(
        t,
        'fault-start',
        f.kind === 'destroy'
            ? `${f.label}: its storage is gone and it does not come back`
            : `${f.label} begins (for ${formatDuration(f.until - f.at)})`,
        null,
        where,
        ctx.faultSource(index),
    );
    if (f.kind === 'destroy') ctx.destroyRegion(f.region, t, index);
    ctx.faults.start(f);
    if (f.kind === 'degrade' || f.kind === 'fail') onPartialFaultStart(ctx, f, t);
    else if (homesGlobalDependency(ctx.plan, f)) updateCascade(ctx, index, t);
    ctx.faultsChanged(t, index);
    if (down) ctx.regionDown(f.region, t);
}

export function onFaultEnd(ctx: EngineContext, index: number, t: number): void {
    const f = ctx.plan.faults[index]!;
    ctx.integrate(t);
    ctx.faults.end(f);
    ctx.record(
        t,
        'fault-end',
        `${f.label} ends`,
        null,
        f.kind === 'outage' ||
            f.kind === 'control-plane' ||
            f.kind === 'flap' ||
            f.kind === 'degrade' ||
            f.kind === 'fail'
            ? f.region
            : null,
        ctx.faultSource(index),
    );
    if (f.kind === 'degrade' || f.kind === 'fail') onPartialFaultEnd(ctx, f, t);
    else if (homesGlobalDependency(ctx.plan, f)) updateCascade(ctx, index, t);
    ctx.faultsChanged(t, index);
    if (f.kind === 'outage' && !ctx.faults.isDown(f.region)) ctx.regionUp(f.region, t);
}

function onPartialFaultStart(ctx: EngineContext, f: PartialFaultPlan, t: number): void {
    updateCascade(ctx, f.index, t);
    const reached = ctx.partial.reach(f);
    for (const failover of ctx.failovers) {
        const plan = failover.plan;
        const watched =
            plan.targetKind === 'service'
                ? reached.has(plan.target)
                : f.targetKind === 'store' && f.targets.includes(plan.target);
        const d = plan.model.detection;
        if (!watched || d.method !== 'health-check') continue;
        for (const probe of failover.probes) {
            if (probe.region === f.region)
                ctx.grayWatches.push({ fault: f.index, probe: probe.index, depth: d.depth, noticedAt: -1 });
        }
    }
}

function onPartialFaultEnd(ctx: EngineContext, f: PartialFaultPlan, t: number): void {
    updateCascade(ctx, f.index, t);
    for (const w of ctx.grayWatches) {
        if (w.fault !== f.index || w.noticedAt >= 0) continue;
        const probe = ctx.probes[w.probe]!;
        const id = targetId(ctx, probe);
        const own = f.targetKind === probe.failover.plan.targetKind && f.targets.includes(probe.failover.plan.target);
        const why =
            w.depth === 'shallow' && !own
                ? `a shallow check asks only whether ${id} answers, not whether what it calls works (declare 'deep' to check it)`
                : `the checks never failed ${probe.threshold} time${probe.threshold === 1 ? '' : 's'} in a row`;
        ctx.record(
            t,
            'gray-undetected',
            `the ${w.depth} health checks of ${id} in ${ctx.regionName(probe.region)} never noticed the ${f.label}: ${why}`,
            id,
            probe.region,
            ctx.faultSource(f.index),
        );
    }
}

/**
 * Recomputes the impairments after fault `fault` started or ended — a partial fault, or an outage, destroy or
 * control-plane impairment of a region some global dependency is homed in; the rows it causes point at its clause.
 */
function updateCascade(ctx: EngineContext, fault: number, t: number): void {
    const cause = ctx.faultSource(fault);
    const active = ctx.faults
        .activeFaults()
        .map((i) => ctx.plan.faults[i]!)
        .filter((x): x is PartialFaultPlan => x.kind === 'degrade' || x.kind === 'fail');
    // A home serves no one while it is down or its control plane impaired, and no region a partition cuts off.
    const homeImpaired = (home: number, from: number) =>
        !ctx.faults.controlPlaneAvailable(home) || ctx.faults.partitioned(home, from);
    for (const c of ctx.partial.update(active, homeImpaired)) {
        const s = ctx.plan.services[c.service]!;
        const where = ctx.regionName(c.region);
        if (c.via.length === 0 && c.global.length === 0) {
            ctx.record(
                t,
                'cascade',
                `${s.id} in ${where} is no longer impaired through what it depends on`,
                s.id,
                c.region,
                cause,
            );
            continue;
        }
        const how =
            c.errorShare >= 1
                ? 'fails every request'
                : [
                      c.errorShare > 0 ? `fails ${formatPercent(c.errorShare)} of requests` : '',
                      c.addedLatencyMs > 0 ? `+${formatDuration(c.addedLatencyMs)} per request` : '',
                  ]
                      .filter(Boolean)
                      .join(', ');
        const why = [
            c.via.length > 0 ? `it depends on ${c.via.join(', ')}, impaired there` : '',
            c.global.length > 0 ? globalWhy(ctx, c.global, c.region) : '',
        ]
            .filter(Boolean)
            .join('; ');
        ctx.record(t, 'cascade', `${s.id} in ${where} ${how}: ${why}`, s.id, c.region, cause);
    }
}

/** "it calls sts, homed in us-east-1, whose control plane is unavailable": why a global dependency fails it. */
function globalWhy(ctx: EngineContext, global: readonly ImpairedGlobal[], region: number): string {
    const homes = [...new Set(global.map((g) => g.home))];
    return homes
        .map((h) => {
            const names = global.filter((g) => g.home === h).map((g) => g.name);
            const what = ctx.faults.isDown(h)
                ? 'which is down'
                : ctx.faults.controlPlaneAvailable(h)
                  ? `which a partition cuts off from ${ctx.regionName(region)}`
                  : 'whose control plane is impaired';
            const cited = [
                ...new Set(names.map((n) => (isGlobalServiceName(n) ? factRef(GLOBAL_SERVICES[n].home.id) : ''))),
            ].filter(Boolean);
            return `it calls ${names.join(', ')} on every request, homed in ${ctx.regionName(h)}, ${what} (${cited.join(', ')})`;
        })
        .join('; ');
}

function targetId(ctx: EngineContext, probe: Probe): string {
    return failoverTargetId(ctx.plan, probe.failover.plan);
}
