// Bounds a run before it starts: estimates the events a scenario will process (write arrivals, replication
// deliveries, probes, ticks) and the writes it will hold in flight, then runs it exactly, runs it at the
// coarser resolution the scenario declares (one write in k, keys sampled alike), or refuses with the numbers.
import { formatCount, formatDuration } from '../language/semantics/units.js';
import { SimulationError } from './errors.js';
import type { Plan } from './plan.js';

/** About five seconds of work on one core at the engine's measured event rate (bench/README.md). */
export const DEFAULT_EVENT_BUDGET = 50_000_000;
/** Writes held in replication logs at once: ~20 bytes each, so about half a gigabyte at the limit. */
export const MAX_IN_FLIGHT_WRITES = 25_000_000;

export interface EventEstimate {
    readonly writes: number;
    readonly deliveries: number;
    readonly control: number;
    readonly events: number;
    /** Largest number of writes waiting in replication logs at one time (lag plus the longest stall). */
    readonly inFlight: number;
}

export interface Resolution {
    readonly mode: 'exact' | 'sampled';
    /** One write in `sampling` is simulated (1 when exact). */
    readonly sampling: number;
    readonly estimate: EventEstimate;
    readonly note: string;
}

export function estimateEvents(plan: Plan, sampleIntervalMs: number): EventEstimate {
    const seconds = plan.durationMs / 1_000;
    let writes = 0;
    let deliveries = 0;
    let inFlight = 0;
    const stall = longestStall(plan);
    for (const stream of plan.streams) {
        const n = stream.rate * seconds;
        writes += n;
        for (const s of plan.groups[stream.group]!.writes) {
            const store = plan.stores[s]!;
            if (store.mode !== 'async' || store.replicas.length < 2) continue;
            deliveries += n * (store.replicas.length - 1);
            const lag = Math.max(store.lagMs, ...store.spikes.map((x) => x.lagMs));
            inFlight += stream.rate * ((lag + stall) / 1_000);
        }
    }
    let control = plan.faults.length * 2 + Math.ceil(plan.durationMs / sampleIntervalMs);
    for (const f of plan.failovers) {
        const d = f.model.detection;
        if (d.method === 'health-check') control += f.monitored.length * Math.ceil(plan.durationMs / d.intervalMs);
    }
    return { writes, deliveries, control, events: writes + deliveries + control, inFlight };
}

/** The longest time a replication link can be stalled by a declared partition or outage. */
function longestStall(plan: Plan): number {
    let longest = 0;
    for (const f of plan.faults) if (f.kind === 'outage' || f.kind === 'partition') longest = Math.max(longest, f.until - f.at);
    return longest;
}

export function chooseResolution(plan: Plan, estimate: EventEstimate, eventBudget: number): Resolution {
    if (!(eventBudget > 0) || !Number.isFinite(eventBudget)) throw new SimulationError('invalid-options', `the event budget must be a positive number, got ${eventBudget}`);
    const perWrite = estimate.writes > 0 ? (estimate.writes + estimate.deliveries) / estimate.writes : 1;
    const room = eventBudget - estimate.control;
    const byEvents = estimate.events <= eventBudget ? 1 : room > 0 ? Math.ceil((estimate.writes * perWrite) / room) : Infinity;
    const byMemory = estimate.inFlight <= MAX_IN_FLIGHT_WRITES ? 1 : Math.ceil(estimate.inFlight / MAX_IN_FLIGHT_WRITES);
    const needed = Math.max(byEvents, byMemory);
    if (needed <= 1) return { mode: 'exact', sampling: 1, estimate, note: 'every write simulated' };

    const others = estimate.control > 0.1 * estimate.events ? `, ${formatCount(estimate.control)} health-check probes and other control events` : '';
    const why = byEvents >= byMemory
        ? `needs about ${formatCount(estimate.events)} events (${formatCount(estimate.writes)} writes, ${formatCount(estimate.deliveries)} replication deliveries${others}) — more than the event budget of ${formatCount(eventBudget)}`
        : `would hold about ${formatCount(estimate.inFlight)} writes in flight at once — more than the ${formatCount(MAX_IN_FLIGHT_WRITES)} the engine keeps in memory`;
    const slowest = Math.min(...plan.streams.filter((s) => s.rate > 0).map((s) => s.rate));
    const declared = plan.scenario.resolutionMs;
    if (!Number.isFinite(needed) || declared === undefined || !Number.isFinite(slowest)) {
        const neededMs = Number.isFinite(needed) && Number.isFinite(slowest) ? roundUpToSeconds((needed * 1_000) / slowest) : undefined;
        const hint = neededMs !== undefined ? `, or declare 'resolution ${compactDuration(neededMs)}' (or coarser) in the scenario to simulate one write in ${formatCount(needed)}` : '';
        // The event budget does not bound the writes held in replication logs; only a shorter lag or lower rates do.
        const remedy = byEvents >= byMemory
            ? 'Raise the budget (setting mregion.simulation.eventBudget, or --event-budget), shorten the scenario or lower its rates'
            : 'Shorten the replication lag, lag spikes and outages that hold writes, or lower the write rates';
        throw new SimulationError('over-budget', `scenario ${plan.scenario.name} ${why}. ${remedy}${hint}.`);
    }
    // The declared resolution bounds the coarsening: a sampled stream must still see a write per resolution.
    const allowed = Math.floor((declared * slowest) / 1_000);
    if (needed > allowed) {
        const neededMs = roundUpToSeconds((needed * 1_000) / slowest);
        throw new SimulationError('over-budget',
            `scenario ${plan.scenario.name} ${why}. Its declared resolution of ${formatDuration(declared)} allows simulating one write in ${formatCount(Math.max(1, allowed))} at most, and it needs one in ${formatCount(needed)}: declare 'resolution ${compactDuration(neededMs)}' or coarser, raise the budget, or shorten the scenario.`);
    }
    return {
        mode: 'sampled', sampling: needed, estimate,
        note: `one write in ${formatCount(needed)} simulated (keys sampled alike, so per-key conflict rates stay exact); counts scaled by ${formatCount(needed)}; within the declared resolution of ${formatDuration(declared)}. The exact run ${why}.`,
    };
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
