// Gray failures and health checks. While a partial fault is in effect, one health check of a target fails with
// probability = the error share it sees (a `shallow` check: the target's own; a `deep` one: through what it
// calls, partial-faults.ts), and always when the answer is later than the check's timeout or never comes. Draws
// come from their own seeded stream, one per probe that sees an error share strictly between 0 and 1, so runs
// without partial faults draw nothing. Detection still needs `threshold` failed checks in a row (failover.ts).
// Each failover whose health checks watch a service the fault reaches in its region is a watch: the report
// says whether and when it noticed, and the timeline says so when a fault ends unnoticed.
import { formatDuration, formatPercent } from '../format/quantities.js';
import type { EngineContext } from './engine/context.js';
import type { ImpairedGlobal } from './partial-faults.js';
import type { PartialFaultPlan } from './plan.js';
import { factRef } from '../language/semantics/facts/citation.js';
import { GLOBAL_SERVICES, isGlobalServiceName } from '../language/semantics/facts/global-services.js';
import type { Probe } from './runtime.js';

/** A probe's verdict under the partial faults in effect: whether it fails, and when that is known. */
export function partialCheck(sim: EngineContext, probe: Probe): { readonly fails: boolean; readonly delayMs: number } {
    const d = probe.failover.plan.model.detection;
    if (!sim.partial.active || d.method !== 'health-check') return { fails: false, delayMs: 0 };
    const f = probe.failover.plan;
    const view = sim.partial.check(f.targetKind, f.target, probe.region, d.depth);
    // No answer, or one later than the timeout: the check fails when it times out.
    if (view.noAnswer || view.addedLatencyMs >= probe.timeoutMs) return { fails: true, delayMs: probe.timeoutMs };
    const fails = view.errorShare >= 1 || (view.errorShare > 0 && sim.health.chance() < view.errorShare);
    return { fails, delayMs: view.addedLatencyMs };
}

export function onPartialFaultStart(sim: EngineContext, f: PartialFaultPlan, t: number): void {
    updateCascade(sim, f.index, t);
    const reached = sim.partial.reach(f);
    for (const failover of sim.failovers) {
        const plan = failover.plan;
        const watched =
            plan.targetKind === 'service'
                ? reached.has(plan.target)
                : f.targetKind === 'store' && f.targets.includes(plan.target);
        const d = plan.model.detection;
        if (!watched || d.method !== 'health-check') continue;
        for (const probe of failover.probes) {
            if (probe.region === f.region)
                sim.grayWatches.push({ fault: f.index, probe: probe.index, depth: d.depth, noticedAt: -1 });
        }
    }
}

export function onPartialFaultEnd(sim: EngineContext, f: PartialFaultPlan, t: number): void {
    updateCascade(sim, f.index, t);
    for (const w of sim.grayWatches) {
        if (w.fault !== f.index || w.noticedAt >= 0) continue;
        const probe = sim.probes[w.probe]!;
        const id = targetId(sim, probe);
        const own = f.targetKind === probe.failover.plan.targetKind && f.targets.includes(probe.failover.plan.target);
        const why =
            w.depth === 'shallow' && !own
                ? `a shallow check asks only whether ${id} answers, not whether what it calls works (declare 'deep' to check it)`
                : `the checks never failed ${probe.threshold} time${probe.threshold === 1 ? '' : 's'} in a row`;
        sim.record(
            t,
            'gray-undetected',
            `the ${w.depth} health checks of ${id} in ${sim.regionName(probe.region)} never noticed the ${f.label}: ${why}`,
            id,
            probe.region,
            sim.faultSource(f.index),
        );
    }
}

/** A detection of a watched target while a partial fault is in effect: that fault was noticed. */
export function noticePartialFaults(sim: EngineContext, probe: Probe, t: number): void {
    for (const w of sim.grayWatches) {
        if (w.probe !== probe.index || w.noticedAt >= 0) continue;
        const f = sim.plan.faults[w.fault]!;
        if (t >= f.at && t <= f.until) w.noticedAt = t;
    }
}

/**
 * Recomputes the impairments after fault `fault` started or ended — a partial fault, or an outage, destroy or
 * control-plane impairment of a region some global dependency is homed in; the rows it causes point at its clause.
 */
export function updateCascade(sim: EngineContext, fault: number, t: number): void {
    const cause = sim.faultSource(fault);
    const active = sim.faults
        .activeFaults()
        .map((i) => sim.plan.faults[i]!)
        .filter((x): x is PartialFaultPlan => x.kind === 'degrade' || x.kind === 'fail');
    // A home serves no one while it is down or its control plane impaired, and no region a partition cuts off.
    const homeImpaired = (home: number, from: number) =>
        !sim.faults.controlPlaneAvailable(home) || sim.faults.partitioned(home, from);
    for (const c of sim.partial.update(active, homeImpaired)) {
        const s = sim.plan.services[c.service]!;
        const where = sim.regionName(c.region);
        if (c.via.length === 0 && c.global.length === 0) {
            sim.record(
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
            c.global.length > 0 ? globalWhy(sim, c.global, c.region) : '',
        ]
            .filter(Boolean)
            .join('; ');
        sim.record(t, 'cascade', `${s.id} in ${where} ${how}: ${why}`, s.id, c.region, cause);
    }
}

/** "it calls sts, homed in us-east-1, whose control plane is unavailable": why a global dependency fails it. */
function globalWhy(sim: EngineContext, global: readonly ImpairedGlobal[], region: number): string {
    const homes = [...new Set(global.map((g) => g.home))];
    return homes
        .map((h) => {
            const names = global.filter((g) => g.home === h).map((g) => g.name);
            const what = sim.faults.isDown(h)
                ? 'which is down'
                : sim.faults.controlPlaneAvailable(h)
                  ? `which a partition cuts off from ${sim.regionName(region)}`
                  : 'whose control plane is impaired';
            const cited = [
                ...new Set(names.map((n) => (isGlobalServiceName(n) ? factRef(GLOBAL_SERVICES[n].home.id) : ''))),
            ].filter(Boolean);
            return `it calls ${names.join(', ')} on every request, homed in ${sim.regionName(h)}, ${what} (${cited.join(', ')})`;
        })
        .join('; ');
}

function targetId(sim: EngineContext, probe: Probe): string {
    const f = probe.failover.plan;
    return f.targetKind === 'service' ? sim.plan.services[f.target]!.id : sim.plan.stores[f.target]!.id;
}
