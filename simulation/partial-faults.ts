// Partial faults: one service or store impaired in one region while the region stays up (`degrade`, `fail`),
// and their cascade. A service in a region is impaired when what it calls there is: the stores it `uses` and
// `reads` (their replica in that region, or the nearest one when they have none there — a bucket in one region is
// reached there from everywhere, the 2017 S3 shape) and the services it `depends-on` (their instance in that
// region), transitively. Each dependency a request calls adds its error share (independently) and its latency;
// the members of a dependency cycle call each other, so each meets every impairment of the cycle once.
// A provider-global dependency (`global-dependency`) whose home region is down or has its control plane impaired
// fails every request of the service in every region it runs in, and in a region a partition cuts off from it.
// Recomputed only when a fault starts or ends; requests and health checks then read arrays.
import type { HealthCheckDepth } from '../language/semantics/model.js';
import type { FaultPlan, PartialFaultPlan, Plan } from './plan.js';
import { itemAt } from '../language/util/item-at.js';
import { nearestOf } from './routing.js';
import { float64At, int32At } from './typed-at.js';

/** What a health check of a target in a region sees. */
export interface CheckView {
    /** Probability that one check fails on an error answer. */
    readonly errorShare: number;
    /** Latency added to the answer, ms. */
    readonly addedLatencyMs: number;
    /** The endpoint itself does not answer (`fail`): the check times out. */
    readonly noAnswer: boolean;
}

/** A service whose impairment in a region changed through its dependencies (for the timeline). */
export interface CascadeChange {
    readonly service: number;
    readonly region: number;
    readonly errorShare: number;
    readonly addedLatencyMs: number;
    /** Ids of the direct dependencies impaired there; empty once it is no longer impaired through them. */
    readonly via: readonly string[];
    /** Its provider-global dependencies requests served there cannot reach now (their home is down, impaired or cut off). */
    readonly global: readonly ImpairedGlobal[];
}

/** A provider-global dependency impaired because its home region is. */
export interface ImpairedGlobal {
    readonly name: string;
    readonly home: number;
}

const HEALTHY: CheckView = { errorShare: 0, addedLatencyMs: 0, noAnswer: false };

export class PartialFaults {
    private readonly R: number;
    /** Own impairment from the faults in effect: service × region and store × region. */
    private readonly serviceOwnError: Float64Array;
    private readonly serviceOwnLatency: Float64Array;
    private readonly serviceSilent: Uint8Array;
    private readonly storeOwnError: Float64Array;
    private readonly storeOwnLatency: Float64Array;
    /** Through the dependencies too: what a request served there meets. */
    private readonly serviceError: Float64Array;
    private readonly serviceLatency: Float64Array;
    private readonly viaOf: (readonly string[])[];
    /** service × region → its global dependencies that requests served there cannot reach now. */
    private readonly globalOf: (readonly ImpairedGlobal[])[];
    /** store × region → the region whose replica a request from there reaches (-1: none). */
    private readonly storeServing: Int32Array;
    /**
     * Whether the scenario has partial faults at all, or faults on the home of a service's global dependency:
     * without them nothing here costs anything.
     */
    readonly present: boolean;
    active = false;

    constructor(private readonly plan: Plan) {
        const R = (this.R = plan.regions.length);
        const S = plan.services.length;
        const T = plan.stores.length;
        this.present = plan.faults.some((f) => f.kind === 'degrade' || f.kind === 'fail') || globalHomesFaulted(plan);
        const n = this.present ? 1 : 0;
        this.serviceOwnError = new Float64Array(n * S * R);
        this.serviceOwnLatency = new Float64Array(n * S * R);
        this.serviceSilent = new Uint8Array(n * S * R);
        this.storeOwnError = new Float64Array(n * T * R);
        this.storeOwnLatency = new Float64Array(n * T * R);
        this.serviceError = new Float64Array(n * S * R);
        this.serviceLatency = new Float64Array(n * S * R);
        this.viaOf = new Array(n * S * R).fill([]);
        this.globalOf = new Array(n * S * R).fill([]);
        this.storeServing = new Int32Array(n * T * R).fill(-1);
        if (this.present)
            for (const st of plan.stores)
                for (let r = 0; r < R; r++) {
                    const near = st.slotOf[r]! >= 0 ? r : nearestOf(plan, r, st.replicas);
                    this.storeServing[st.index * R + r] = near >= 0 ? near : (st.replicas[0] ?? -1);
                }
    }

    /** Share of the requests served by `service` in `region` that fail (0 when nothing is impaired). */
    serviceErrorShare(service: number, region: number): number {
        return this.active ? this.serviceError[service * this.R + region]! : 0;
    }

    serviceAddedLatency(service: number, region: number): number {
        return this.active ? this.serviceLatency[service * this.R + region]! : 0;
    }

    storeErrorShare(store: number, region: number): number {
        return this.active ? this.storeOwnError[store * this.R + region]! : 0;
    }

    storeAddedLatency(store: number, region: number): number {
        return this.active ? this.storeOwnLatency[store * this.R + region]! : 0;
    }

    /**
     * What a health check of a service or store in `region` sees: a `shallow` check only whether the endpoint
     * answers (its own impairment), a `deep` one also what it calls there. A store has nothing behind it.
     */
    check(kind: 'service' | 'store', target: number, region: number, depth: HealthCheckDepth): CheckView {
        if (!this.active) return HEALTHY;
        const i = target * this.R + region;
        if (kind === 'store')
            return { errorShare: this.storeOwnError[i]!, addedLatencyMs: this.storeOwnLatency[i]!, noAnswer: false };
        const silent = this.serviceSilent[i] === 1;
        if (depth === 'shallow')
            return {
                errorShare: this.serviceOwnError[i]!,
                addedLatencyMs: this.serviceOwnLatency[i]!,
                noAnswer: silent,
            };
        return { errorShare: this.serviceError[i]!, addedLatencyMs: this.serviceLatency[i]!, noAnswer: silent };
    }

    /** Whether anything is wrong with the target in the region (a detection then is no false alarm). */
    impaired(kind: 'service' | 'store', target: number, region: number): boolean {
        const v = this.check(kind, target, region, 'deep');
        return v.errorShare > 0 || v.addedLatencyMs > 0 || v.noAnswer;
    }

    /**
     * Recomputes everything from the partial faults in effect and whether a global dependency's home can serve a
     * request from a region (`homeImpaired(home, from)`); returns the services whose cascade changed.
     */
    update(
        faults: readonly PartialFaultPlan[],
        homeImpaired: (home: number, from: number) => boolean = () => false,
    ): CascadeChange[] {
        if (!this.present) return [];
        const { plan, R } = this;
        const beforeGlobal = [...this.globalOf];
        let anyGlobal = false;
        for (const s of plan.services) {
            if (s.globalDependencies.length === 0) continue;
            for (const r of s.regions) {
                const impaired = s.globalDependencies.filter((g) => homeImpaired(g.home, r));
                this.globalOf[s.index * R + r] = impaired;
                if (impaired.length > 0) anyGlobal = true;
            }
        }
        this.active = faults.length > 0 || anyGlobal;
        this.serviceOwnError.fill(0);
        this.serviceOwnLatency.fill(0);
        this.serviceSilent.fill(0);
        this.storeOwnError.fill(0);
        this.storeOwnLatency.fill(0);
        for (const f of faults) {
            for (const t of f.targets) {
                const i = t * R + f.region;
                const error = f.targetKind === 'service' ? this.serviceOwnError : this.storeOwnError;
                const latency = f.targetKind === 'service' ? this.serviceOwnLatency : this.storeOwnLatency;
                error[i] = 1 - (1 - error[i]!) * (1 - f.errorShare);
                latency[i]! += f.addedLatencyMs;
                if (f.kind === 'fail') this.serviceSilent[i] = 1;
            }
        }
        const changes: CascadeChange[] = [];
        const before = Float64Array.from(this.serviceError);
        const beforeLatency = Float64Array.from(this.serviceLatency);
        const beforeVia = [...this.viaOf];
        this.serviceError.fill(0);
        this.serviceLatency.fill(0);
        /** The replica region a request from `r` reaches store `st` in, when that replica is impaired; else -1. */
        const impairedAt = (st: number, r: number): number => {
            const at = int32At(this.storeServing, st * R + r, 'store serving');
            return at >= 0 &&
                (float64At(this.storeOwnError, st * R + at, 'store errors') > 0 ||
                    float64At(this.storeOwnLatency, st * R + at, 'store latencies') > 0)
                ? at
                : -1;
        };
        // The services of region r in strongly connected components along depends-on (Tarjan): every member of a
        // dependency cycle calls every other, so each meets every impairment of the cycle, once, whichever member
        // is declared first.
        const order = new Int32Array(plan.services.length * R).fill(-1);
        const low = new Int32Array(plan.services.length * R);
        const onStack = new Uint8Array(plan.services.length * R);
        const stack: number[] = [];
        let counter = 0;
        const resolve = (s: number, r: number): void => {
            const i = s * R + r;
            if (int32At(order, i, 'order') >= 0) return;
            order[i] = low[i] = counter++;
            stack.push(s);
            onStack[i] = 1;
            for (const d of itemAt(plan.services, s, 'services').dependsOn) {
                if (itemAt(plan.services, d, 'services').runsIn[r] !== 1) continue;
                const j = d * R + r;
                if (int32At(order, j, 'order') < 0) {
                    resolve(d, r);
                    low[i] = Math.min(int32At(low, i, 'low'), int32At(low, j, 'low'));
                } else if (onStack[j] === 1) low[i] = Math.min(int32At(low, i, 'low'), int32At(order, j, 'order'));
            }
            if (low[i] !== order[i]) return;
            const members: number[] = [];
            for (let m = -1; m !== s;) {
                m = stack.pop()!;
                onStack[m * R + r] = 0;
                members.push(m);
            }
            // What the component's requests call: each member's own impairment, and each store and each service
            // outside the component that a member calls, once.
            const stores = new Set<number>();
            const outside = new Set<number>();
            let ok = 1;
            let latency = 0;
            for (const m of members) {
                const k = m * R + r;
                const service = itemAt(plan.services, m, 'services');
                // A global dependency homed in an impaired region answers no request, wherever the service runs.
                ok *= this.globalOf[k]!.length > 0 ? 0 : 1 - this.serviceOwnError[k]!;
                latency += this.serviceOwnLatency[k]!;
                for (const st of [...service.uses, ...service.reads]) stores.add(st);
                for (const d of service.dependsOn)
                    if (itemAt(plan.services, d, 'services').runsIn[r] === 1 && !members.includes(d)) outside.add(d);
            }
            for (const st of stores) {
                const at = impairedAt(st, r);
                if (at < 0) continue;
                ok *= 1 - this.storeOwnError[st * R + at]!;
                latency += this.storeOwnLatency[st * R + at]!;
            }
            for (const d of outside) {
                ok *= 1 - this.serviceError[d * R + r]!;
                latency += this.serviceLatency[d * R + r]!;
            }
            for (const m of members) {
                this.serviceError[m * R + r] = 1 - ok;
                this.serviceLatency[m * R + r] = latency;
            }
            // Each member names the impaired stores and services it calls itself.
            for (const m of members) {
                const service = itemAt(plan.services, m, 'services');
                const via: string[] = [];
                for (const st of new Set([...service.uses, ...service.reads])) {
                    const at = impairedAt(st, r);
                    // A replica in another region is named with it: "impaired there" is then that region.
                    if (at >= 0)
                        via.push(at === r ? plan.stores[st]!.id : `${plan.stores[st]!.id} in ${plan.regions[at]}`);
                }
                for (const d of service.dependsOn) {
                    const j = d * R + r;
                    if (d === m || plan.services[d]!.runsIn[r] !== 1) continue;
                    if (this.serviceError[j]! > 0 || this.serviceLatency[j]! > 0) via.push(plan.services[d]!.id);
                }
                this.viaOf[m * R + r] = via;
            }
        };
        for (const s of plan.services) {
            for (const r of s.regions) {
                resolve(s.index, r);
                const i = s.index * R + r;
                const via = this.viaOf[i]!;
                const was = beforeVia[i]!;
                const global = this.globalOf[i]!;
                const wasGlobal = beforeGlobal[i]!;
                const names = (g: readonly ImpairedGlobal[]) => g.map((x) => x.name).join();
                const same =
                    before[i] === this.serviceError[i] &&
                    beforeLatency[i] === this.serviceLatency[i] &&
                    via.join() === was.join() &&
                    names(global) === names(wasGlobal);
                const never = via.length === 0 && was.length === 0 && global.length === 0 && wasGlobal.length === 0;
                if (same || never) continue;
                changes.push({
                    service: s.index,
                    region: r,
                    errorShare: this.serviceError[i]!,
                    addedLatencyMs: this.serviceLatency[i]!,
                    via,
                    global,
                });
            }
        }
        return changes;
    }

    /**
     * The services a partial fault reaches in its region: its targets (services) or the services using its targets
     * (stores), and everything that depends on those there, transitively. Fixed by the design, so computed once.
     */
    reach(f: PartialFaultPlan): ReadonlySet<number> {
        const { plan } = this;
        const reached = new Set<number>();
        const queue: number[] = [];
        const add = (s: number) => {
            if (reached.has(s) || plan.services[s]!.runsIn[f.region] !== 1) return;
            reached.add(s);
            queue.push(s);
        };
        if (f.targetKind === 'service') f.targets.forEach(add);
        else
            for (const s of plan.services)
                if (f.targets.some((t) => s.uses.includes(t) || s.reads.includes(t))) add(s.index);
        while (queue.length > 0) {
            const d = queue.pop()!;
            for (const s of plan.services) if (s.dependsOn.includes(d)) add(s.index);
        }
        return reached;
    }
}

/** Some service's global dependency is homed in a region a fault can take down, impair or cut off. */
function globalHomesFaulted(plan: Plan): boolean {
    return plan.faults.some((f) => homesGlobalDependency(plan, f));
}

/** An outage, destroy or control-plane impairment of a region some global dependency is homed in, or a partition of it. */
export function homesGlobalDependency(plan: Plan, f: FaultPlan): boolean {
    const homed = (region: number) => plan.services.some((s) => s.globalDependencies.some((g) => g.home === region));
    if (f.kind === 'outage' || f.kind === 'destroy' || f.kind === 'control-plane') return homed(f.region);
    if (f.kind === 'partition') return homed(f.a) || homed(f.b);
    return false;
}
