// Bounds a run before it starts, from the plan's structure (before the RTT matrix is built): estimates the
// events a scenario will process (write arrivals, replication deliveries, probes, ticks), the work besides
// them (simulation/work.ts: outcome tables at each state change, read flow, scans, state), the writes it will
// hold in flight and the state it allocates, then runs it exactly, runs it at the coarser resolution the
// scenario declares (one write in k, keys sampled alike), or refuses with the numbers and the main driver.
import { itemAt } from '../language/util/item-at.js';
import { formatCount, formatDuration } from '../format/quantities.js';
import { SimulationError } from './errors.js';
import type { PlanStructure } from './plan.js';
import { checkpointEvents } from './queues.js';
import {
    dominantDriver,
    electingStores,
    estimateWork,
    eventEquivalents,
    numbersKept,
    TRACKED_WRITE_EVENTS,
    type Driver,
    type WorkEstimate,
} from './work.js';

/** About five seconds of work on one core at the engine's measured event rate (bench/README.md). */
export const DEFAULT_EVENT_BUDGET = 50_000_000;
/** Writes held in replication logs at once: ~20 bytes each, so about half a gigabyte at the limit. */
export const MAX_IN_FLIGHT_WRITES = 25_000_000;
/** Numbers of state and series a run allocates (8 bytes each at most): about 320 MB. */
export const MAX_STATE_NUMBERS = 40_000_000;
/** Key-state cells (keys × replicas × (replicas + 2)) tracked before conflicts are sampled over keys: 64 MB. */
export const MAX_KEY_STATE_CELLS = 8_000_000;

export interface EventEstimate {
    readonly writes: number;
    readonly deliveries: number;
    readonly control: number;
    readonly events: number;
    /** Largest number of writes waiting in replication logs at one time (lag plus the longest stall). */
    readonly inFlight: number;
    /** Event-equivalents of tracking conflicts key by key (shared-key writes and their deliveries); sampled like writes. */
    readonly keyed: number;
    /** Work besides the events, by driver, and its weight in events (not reduced by sampling writes). */
    readonly work: WorkEstimate;
    readonly workEvents: number;
}

export interface Resolution {
    readonly mode: 'exact' | 'sampled';
    /** One write in `sampling` is simulated (1 when exact). */
    readonly sampling: number;
    readonly estimate: EventEstimate;
    readonly note: string;
}

export function estimateEvents(plan: PlanStructure, sampleIntervalMs: number): EventEstimate {
    const seconds = plan.durationMs / 1_000;
    let writes = 0;
    let deliveries = 0;
    let inFlight = 0;
    let tracked = 0;
    const stall = longestStall(plan);
    for (const stream of plan.streams) {
        const n = stream.rate * seconds;
        writes += n;
        const shared = itemAt(plan.workloads, stream.workload, 'workload').sharedShare;
        for (const s of itemAt(plan.groups, stream.group, 'group').writes) {
            const store = itemAt(plan.stores, s, 'store');

            if (store.tracksKeys && store.trackedKeys > 0) tracked += n * shared * store.replicas.length;
            if (store.mode !== 'async' || store.replicas.length < 2) continue;
            deliveries += n * (store.replicas.length - 1);
            let lag = store.lagMs;
            for (const x of store.spikes) if (x.lagMs > lag) lag = x.lagMs;
            inFlight += stream.rate * ((lag + stall) / 1_000);
        }
    }
    // Fault starts and ends, and the election each may start per consensus store.
    let control =
        2 * plan.faults.filter((f) => f.at < plan.durationMs).length * (1 + electingStores(plan)) +
        Math.ceil(plan.durationMs / sampleIntervalMs) +
        checkpointEvents(plan);
    for (const f of plan.failovers) {
        const d = f.model.detection;
        if (d.method === 'health-check') control += f.monitored.length * Math.ceil(plan.durationMs / d.intervalMs);
    }
    const work = estimateWork(plan, sampleIntervalMs, MAX_KEY_STATE_CELLS);
    const keyed = tracked * TRACKED_WRITE_EVENTS;
    return {
        writes,
        deliveries,
        control,
        events: writes + deliveries + control,
        inFlight,
        keyed,
        work,
        workEvents: eventEquivalents(work.work),
    };
}

/**
 * The longest time a replication link can be stalled by a declared partition or outage, within the scenario:
 * a fault that starts after the end is never simulated, and one that lasts beyond it stalls only until the end.
 */
function longestStall(plan: PlanStructure): number {
    let longest = 0;
    for (const f of plan.faults) {
        if ((f.kind === 'outage' || f.kind === 'destroy' || f.kind === 'partition') && f.at < plan.durationMs)
            longest = Math.max(longest, Math.min(f.until, plan.durationMs) - f.at);
    }
    return longest;
}

export function chooseResolution(plan: PlanStructure, estimate: EventEstimate, eventBudget: number): Resolution {
    if (!(eventBudget > 0) || !Number.isFinite(eventBudget))
        throw new SimulationError('invalid-options', `the event budget must be a positive number, got ${eventBudget}`);
    refuseOversizedWork(plan, estimate, eventBudget);
    const perWrite =
        estimate.writes > 0 ? (estimate.writes + estimate.deliveries + estimate.keyed) / estimate.writes : 1;
    const room = eventBudget - estimate.control - estimate.workEvents;
    const total = estimate.events + estimate.keyed + estimate.workEvents;
    const byEvents = total <= eventBudget ? 1 : room > 0 ? Math.ceil((estimate.writes * perWrite) / room) : Infinity;
    const byMemory =
        estimate.inFlight <= MAX_IN_FLIGHT_WRITES ? 1 : Math.ceil(estimate.inFlight / MAX_IN_FLIGHT_WRITES);
    const needed = Math.max(byEvents, byMemory);
    if (needed <= 1) return { mode: 'exact', sampling: 1, estimate, note: 'every write simulated' };

    const keyed =
        estimate.keyed > 0.1 * total
            ? `, and conflict tracking on shared keys worth ${formatCount(estimate.keyed)} events`
            : '';
    const work =
        estimate.workEvents > 0.1 * total
            ? `, and work worth ${formatCount(estimate.workEvents)} events ${driverPhrase(dominantDriver(estimate.work.work), estimate.work)}`
            : '';
    const others =
        (estimate.control > 0.1 * estimate.events
            ? `, ${formatCount(estimate.control)} health-check probes and other control events`
            : '') +
        keyed +
        work;
    const why =
        byEvents >= byMemory
            ? `needs about ${formatCount(estimate.events)} events (${formatCount(estimate.writes)} writes, ${formatCount(estimate.deliveries)} replication deliveries${others}) — more than the event budget of ${formatCount(eventBudget)}`
            : `would hold about ${formatCount(estimate.inFlight)} writes in flight at once — more than the ${formatCount(MAX_IN_FLIGHT_WRITES)} the engine keeps in memory`;
    let slowest = Infinity;
    for (const s of plan.streams) if (s.rate > 0 && s.rate < slowest) slowest = s.rate;
    const declared = plan.scenario.resolutionMs;
    if (!Number.isFinite(needed) || declared === undefined || !Number.isFinite(slowest)) {
        const neededMs =
            Number.isFinite(needed) && Number.isFinite(slowest)
                ? roundUpToSeconds((needed * 1_000) / slowest)
                : undefined;
        const hint =
            neededMs !== undefined
                ? `, or declare 'resolution ${compactDuration(neededMs)}' (or coarser) in the scenario to simulate one write in ${formatCount(needed)}`
                : '';
        // The event budget does not bound the writes held in replication logs; only a shorter lag or lower rates do.
        const remedy =
            byEvents >= byMemory
                ? 'Raise the budget (setting mregion.simulation.eventBudget, or --event-budget), shorten the scenario or lower its rates'
                : 'Shorten the replication lag, lag spikes and outages that hold writes, or lower the write rates';
        throw new SimulationError('over-budget', `scenario ${plan.scenario.name} ${why}. ${remedy}${hint}.`);
    }
    // The declared resolution bounds the coarsening: a sampled stream must still see a write per resolution.
    const allowed = Math.floor((declared * slowest) / 1_000);
    if (needed > allowed) {
        const neededMs = roundUpToSeconds((needed * 1_000) / slowest);
        throw new SimulationError(
            'over-budget',
            `scenario ${plan.scenario.name} ${why}. Its declared resolution of ${formatDuration(declared)} allows simulating one write in ${formatCount(Math.max(1, allowed))} at most, and it needs one in ${formatCount(needed)}: declare 'resolution ${compactDuration(neededMs)}' or coarser, raise the budget, or shorten the scenario.`,
        );
    }
    return {
        mode: 'sampled',
        sampling: needed,
        estimate,
        note: `one write in ${formatCount(needed)} simulated (keys sampled alike, so per-key conflict rates stay exact); counts scaled by ${formatCount(needed)}; within the declared resolution of ${formatDuration(declared)}. The exact run ${why}.`,
    };
}

/**
 * Refuses what sampling writes cannot bring within bounds: state beyond the memory the engine allocates, or
 * work besides the events (outcome tables, read flow, scans) that alone exceeds the budget.
 */
function refuseOversizedWork(plan: PlanStructure, estimate: EventEstimate, eventBudget: number): void {
    const w = estimate.work;
    const name = plan.scenario.name;
    const kept = numbersKept(w.work);
    if (kept > MAX_STATE_NUMBERS) {
        throw new SimulationError(
            'over-budget',
            `scenario ${name} would keep about ${formatCount(kept)} numbers of state and series ${driverPhrase('state', w)} — more than the ${formatCount(MAX_STATE_NUMBERS)} (about ${Math.round((MAX_STATE_NUMBERS * 8) / 1e6)} MB) the engine allocates. ${REMEDIES.state}.`,
        );
    }
    if (estimate.workEvents <= estimate.control || estimate.control + estimate.workEvents <= eventBudget) return;
    const driver = dominantDriver(w.work);
    throw new SimulationError(
        'over-budget',
        `scenario ${name} needs work worth about ${formatCount(estimate.workEvents)} events besides its ${formatCount(estimate.events)} events, mostly ${driverPhrase(driver, w)} — more than the event budget of ${formatCount(eventBudget)}, and simulating fewer writes does not reduce it. ${REMEDIES[driver]}, or raise the budget (setting mregion.simulation.eventBudget, or --event-budget).`,
    );
}

const REMEDIES: Readonly<Record<Driver, string>> = {
    matrix: 'Use fewer regions (the RTT matrix covers every region the stores, services, workload origins, failovers and faults name)',
    tables: 'Declare fewer faults, fewer regions users come from, or fewer regions for the services and their stores',
    reads: 'Declare fewer faults, fewer regions reads come from, or fewer replicas of the stores read',
    scans: 'Declare fewer replicas (a store in n regions has n × (n − 1) replication links), fewer regions users come from, or fewer faults',
    state: 'Declare fewer replicas (a store in n regions has n × (n − 1) replication links, each with a series) or fewer regions users come from, or shorten the scenario',
    series: 'Declare fewer replicas (a store in n regions has n × (n − 1) replication links, each with a series) or fewer regions users come from',
};

/** What the driver's work is, with the counts behind it. */
function driverPhrase(driver: Driver, w: WorkEstimate): string {
    const groups = `${formatCount(w.groups)} user group${w.groups === 1 ? '' : 's'}`;
    const changes = `up to ${formatCount(w.stateChanges)} state changes (fault starts and ends, detections, failover actions, routing moves)`;
    switch (driver) {
        case 'matrix':
            return `for the RTT matrix of ${formatCount(w.regions)} regions (${formatCount(w.regions * w.regions)} pairs)`;
        case 'tables':
            return `recomputing the outcome tables of ${groups} × ${keyClasses(w.classes)} at ${changes}`;
        case 'reads':
            return `integrating the reads of ${groups} at ${changes} and ${formatCount(w.ticks)} sample ticks`;
        case 'scans':
            return `visiting ${groups} and ${formatCount(w.links)} replication links at ${changes} and ${formatCount(w.ticks)} sample ticks`;
        case 'state':
            return `(${groups} × ${keyClasses(w.regions + 1)} of outcome tables, ${formatCount(w.links)} replication links × ${formatCount(w.ticks)} sample intervals of series)`;
        case 'series':
            return `keeping and reporting series of ${formatCount(w.ticks)} sample intervals for ${groups} and ${formatCount(w.links)} replication links`;
    }
}

function keyClasses(n: number): string {
    return `${formatCount(n)} key class${n === 1 ? '' : 'es'}`;
}

function roundUpToSeconds(ms: number): number {
    return ms < 1_000 ? Math.ceil(ms) : Math.ceil(ms / 1_000) * 1_000;
}

/** `90000` → `90s`, `7200000` → `2h`: a duration as it would be written in a .mregion file. */
function compactDuration(ms: number): string {
    if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0) return `${ms / 60_000}m`;
    if (ms % 1_000 === 0) return `${ms / 1_000}s`;
    return `${Math.ceil(ms)}ms`;
}
