// What the fault unit suites (fault-state, leadership, partial-faults, faults) build their hand-made plans from:
// three regions with the docs/facts.md#cloudping-rtt-matrix RTTs (us-east-1↔eu-west-1 76,
// us-east-1↔ap-northeast-1 163, eu-west-1↔ap-northeast-1 220 ms), and services as the partial faults read them.
import type { ServicePlan } from '../../simulation/plan.js';

export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1'];
export const [USE1, EUW1, APNE1] = [0, 1, 2];
/** RTT between regions i and j at [i × 3 + j], ms. */
export const RTT = [0, 76, 163, 76, 0, 220, 163, 220, 0];

export interface ServiceSpec {
    id: string;
    regions: number[];
    uses?: number[];
    reads?: number[];
    dependsOn?: number[];
    global?: { name: string; home: number }[];
}

/** Only what the partial faults and the fault mechanism read of each service. */
export function servicePlans(specs: readonly ServiceSpec[]): ServicePlan[] {
    return specs.map((s, index) => {
        const runsIn = new Uint8Array(REGIONS.length);
        s.regions.forEach((r) => (runsIn[r] = 1));
        return {
            index,
            id: s.id,
            regions: s.regions,
            runsIn,
            uses: s.uses ?? [],
            reads: s.reads ?? [],
            dependsOn: s.dependsOn ?? [],
            globalDependencies: s.global ?? [],
        } as unknown as ServicePlan;
    });
}

/** Replica slot of each region (-1 where there is none). */
export function slotsOf(replicas: readonly number[]): Int32Array {
    const slotOf = new Int32Array(REGIONS.length).fill(-1);
    replicas.forEach((r, slot) => (slotOf[r] = slot));
    return slotOf;
}
