// The small design the failover suites simulate (failover-timing, failover-health-checks): one service on an
// Aurora-like store in two regions, a write a second from us-east-1, and the failover and scenario clauses a case
// gives — milliseconds a case, so mutation testing can afford them.
import type { SimulationReport } from '../../simulation/report.js';
import { auroraDb, designOf, runModel, TWO_US_REGIONS } from './helpers.js';

export interface Parts {
    /** The failover block's clauses (detect, route, actions). */
    readonly failover: string;
    /** The scenario's clauses besides the workload (duration, faults). */
    readonly scenario: string;
    readonly posture?: 'warm-standby' | 'active-active';
    /** What the failover protects: the service (default) or its store. */
    readonly target?: 'app' | 'db';
    /** More declarations (a second failover). */
    readonly extra?: string;
}

export function designText({
    failover,
    scenario,
    posture = 'warm-standby',
    target = 'app',
    extra = '',
}: Parts): string {
    return `${TWO_US_REGIONS}
${auroraDb()}
service app {
    regions   us-east-1, us-west-2
    ${posture === 'warm-standby' ? 'primary   us-east-1' : ''}
    posture   ${posture}
    capacity  100% per region
    uses      db
}
failover ${target} {
    ${failover}
    drill  every 30d
}
${extra}
workload w for app { writes 1/s from us-east-1 100% }
scenario s { workload w  ${scenario} }
`;
}

export async function simulated(parts: Parts, seed = 1): Promise<SimulationReport> {
    // Design-rule findings (a slow failover, no backup…) are what some cases are about: only model errors fail.
    return runModel(await designOf(designText(parts), true), undefined, { seed });
}
