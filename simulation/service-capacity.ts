// What each service can serve in each region right now. A region of a service takes the requests routed to it
// (the users of the workloads aimed at the service) plus one call for every request a dependent serves there
// (`depends-on`: a dependent calls its dependency's instance in its own region, as partial-faults.ts has it), and
// serves at most its declared capacity — a share of the service's load with every region up. A dependent then
// serves only what its dependencies there can: an overloaded router fails the requests of the services behind it.
// A service whose clients retry (`retries`) is offered its requests plus their retries (retry-load.ts), and each
// change of what a region of a service with retries or a declared capacity is offered is kept for the report.
import type { PartialFaults } from './partial-faults.js';
import type { Plan } from './plan.js';
import { retryLoad, type RetryLoad } from '../language/semantics/estimators/retry-load.js';
import type { GroupRuntime, ServiceRuntime } from './runtime.js';

/** From `atMs` on, what one region of a service was offered and served, as shares of its load with every region up. */
export interface LoadStep {
    readonly atMs: number;
    /** First attempts: the requests routed there and the calls of its dependents. */
    readonly requests: number;
    /** Attempts with the retries. */
    readonly offered: number;
    /** Its capacity then (Infinity: none declared). */
    readonly capacity: number;
    /** Share of the requests that succeeded there, retries included (dependencies aside). */
    readonly served: number;
}

export class ServiceCapacity {
    /** Service indices, every dependent before the services it depends on (cycles broken where they close). */
    private readonly dependentsFirst: readonly number[];
    /** Per service, its `depends-on` edges that respect that order (an edge closing a cycle is left out). */
    private readonly edges: readonly (readonly number[])[];
    /** Per service: the requests reaching it with every region up, from its users and its dependents. */
    private readonly offered: Float64Array;
    /** Service × region: the requests routed to that region now. */
    private readonly load: Float64Array;
    /** Number of dependency edges used, for the work count. */
    readonly edgeCount: number;
    private readonly tracked: Uint8Array;
    private readonly scratch: RetryLoad = { offered: 0, failedShare: 0, servedShare: 1, admittedShare: 1 };

    constructor(
        private readonly plan: Plan,
        private readonly groupsOfService: readonly (readonly number[])[],
        /** Service × region: the load steps of the services that declare retries or a capacity (else empty). */
        private readonly history: readonly LoadStep[][],
    ) {
        const S = plan.services.length;
        this.dependentsFirst = dependentsFirst(plan);
        const position = new Int32Array(S);
        this.dependentsFirst.forEach((s, i) => (position[s] = i));
        this.edges = plan.services.map((s) => s.dependsOn.filter((d) => position[d]! > position[s.index]!));
        this.edgeCount = this.edges.reduce((n, e) => n + e.length, 0);
        this.offered = new Float64Array(S);
        for (const g of plan.groups) if (g.kind === 'service') this.offered[g.target]! += g.writeRate + g.readRate;
        for (const s of this.dependentsFirst) for (const d of this.edges[s]!) this.offered[d]! += this.offered[s]!;
        this.load = new Float64Array(S * plan.regions.length);
        this.tracked = Uint8Array.from(plan.services, (s) =>
            s.retries > 0 || s.capacity.some((c) => c !== Infinity) ? 1 : 0,
        );
    }

    /**
     * Sets `capacityFactor` (its own capacity) and `servedFactor` (with its dependencies) of every service. With
     * retries, `capacityFactor` is the share of requests served after retries over the share its errors alone
     * leave (1 − e), so that what routing and the partial-fault cascade multiply by (1 − e) comes out right.
     */
    update(
        services: readonly ServiceRuntime[],
        groups: readonly GroupRuntime[],
        partial: PartialFaults,
        nowMs: number,
    ): void {
        const R = this.plan.regions.length;
        const load = this.load;
        load.fill(0);
        for (const s of services) {
            const base = s.plan.index * R;
            for (const gi of this.groupsOfService[s.plan.index]!) {
                const g = groups[gi]!;
                if (g.dest >= 0) load[base + g.dest]! += g.plan.writeRate + g.plan.readRate;
            }
        }
        for (const si of this.dependentsFirst) {
            const s = services[si]!;
            const base = si * R;
            const total = this.offered[si]!;
            const retries = s.plan.retries;
            for (let r = 0; r < R; r++) {
                const cap = s.capacity[r]!;
                const share = total > 0 ? load[base + r]! / total : 0;
                if (retries === 0) {
                    s.capacityFactor[r] = cap === Infinity || share <= cap ? 1 : cap / share;
                    if (this.tracked[si] === 1) this.record(si, r, nowMs, share, share, cap, s.capacityFactor[r]!);
                    continue;
                }
                const e = partial.serviceErrorShare(si, r);
                const out = retryLoad(share, cap, e, retries, this.scratch);
                s.capacityFactor[r] = e >= 1 ? 0 : out.servedShare / (1 - e);
                this.record(si, r, nowMs, share, out.offered, cap, out.servedShare);
                // Every attempt the region takes calls its dependencies: retries reach them too.
                load[base + r] = out.offered * out.admittedShare * total;
            }
            // What this service serves in a region calls each dependency there once.
            for (const d of this.edges[si]!) {
                const runsIn = this.plan.services[d]!.runsIn;
                const perCall = retries === 0 ? s.capacityFactor : null;
                for (let r = 0; r < R; r++)
                    if (runsIn[r] === 1) load[d * R + r]! += load[base + r]! * (perCall === null ? 1 : perCall[r]!);
            }
        }
        for (let i = this.dependentsFirst.length - 1; i >= 0; i--) {
            const si = this.dependentsFirst[i]!;
            const s = services[si]!;
            for (let r = 0; r < R; r++) {
                let served = s.capacityFactor[r]!;
                for (const d of this.edges[si]!)
                    if (this.plan.services[d]!.runsIn[r] === 1) served *= services[d]!.servedFactor[r]!;
                s.servedFactor[r] = served;
            }
        }
    }

    private record(
        service: number,
        region: number,
        atMs: number,
        requests: number,
        offered: number,
        capacity: number,
        served: number,
    ): void {
        if (!this.plan.services[service]?.runsIn[region]) return;
        const steps = this.history[service * this.plan.regions.length + region];
        if (steps === undefined) return;
        const last = steps[steps.length - 1];
        if (
            last !== undefined &&
            last.requests === requests &&
            last.offered === offered &&
            last.capacity === capacity &&
            last.served === served
        )
            return;
        steps.push({ atMs, requests, offered, capacity, served });
    }
}

/** A topological order of the `depends-on` graph with dependents first (iterative: a long chain cannot overflow). */
function dependentsFirst(plan: Plan): number[] {
    const S = plan.services.length;
    const state = new Uint8Array(S); // 0 unseen, 1 on the stack, 2 done
    const finished: number[] = [];
    for (let root = 0; root < S; root++) {
        if (state[root] !== 0) continue;
        const stack: [number, number][] = [[root, 0]];
        state[root] = 1;
        while (stack.length > 0) {
            const top = stack[stack.length - 1]!;
            const deps = plan.services[top[0]]!.dependsOn;
            if (top[1] < deps.length) {
                const d = deps[top[1]++]!;
                if (state[d] === 0) {
                    state[d] = 1;
                    stack.push([d, 0]);
                }
            } else {
                state[top[0]] = 2;
                finished.push(top[0]);
                stack.pop();
            }
        }
    }
    // Post-order finishes every dependency before its dependents; reversed, dependents come first.
    return finished.reverse();
}
