// What each service can serve in each region right now. A region of a service takes the requests routed to it
// (the users of the workloads aimed at the service) plus one call for every request a dependent serves there
// (`depends-on`: a dependent calls its dependency's instance in its own region, as partial-faults.ts has it), and
// serves at most its declared capacity — a share of the service's load with every region up. A dependent then
// serves only what its dependencies there can: an overloaded router fails the requests of the services behind it.
import type { Plan } from './plan.js';
import type { GroupRuntime, ServiceRuntime } from './runtime.js';

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

    constructor(
        private readonly plan: Plan,
        private readonly groupsOfService: readonly (readonly number[])[],
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
    }

    /** Sets `capacityFactor` (its own capacity) and `servedFactor` (with its dependencies) of every service. */
    update(services: readonly ServiceRuntime[], groups: readonly GroupRuntime[]): void {
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
            for (let r = 0; r < R; r++) {
                const cap = s.capacity[r]!;
                const share = total > 0 ? load[base + r]! / total : 0;
                s.capacityFactor[r] = cap === Infinity || share <= cap ? 1 : cap / share;
            }
            // What this service serves in a region calls each dependency there once.
            for (const d of this.edges[si]!) {
                const runsIn = this.plan.services[d]!.runsIn;
                for (let r = 0; r < R; r++)
                    if (runsIn[r] === 1) load[d * R + r]! += load[base + r]! * s.capacityFactor[r]!;
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
