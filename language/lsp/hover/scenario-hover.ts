// Hover for a scenario: its workloads, duration and seed, each fault as a line of its timeline, its expectations,
// and how to run it.
import { formatDuration, formatPercent } from '../../../format/quantities.js';
import { markdownCode } from '../../semantics/escape.js';
import type { FaultM, Model } from '../../semantics/model.js';
import { list } from './markdown.js';

export function describeScenario(model: Model, name: string): string | undefined {
    const scenario = model.scenarios.get(name);
    if (!scenario) return undefined;
    const duration = scenario.durationMs !== undefined ? formatDuration(scenario.durationMs) : 'not declared';
    const seed = scenario.seed !== undefined ? `; seed ${scenario.seed}` : '';
    const out = [`**scenario ${name}**`, ''];
    out.push(`- Workload: ${list(scenario.workloads)}`);
    out.push(`- Duration: ${duration}${seed}`);
    for (const fault of scenario.faults) out.push(`- At ${formatDuration(fault.atMs)}: ${faultText(fault)}`);
    if (scenario.expectations.length > 0) {
        const clauses = scenario.expectations.map((e) =>
            markdownCode(e.text.replace(/^expect\s+/, '').replace(/\s+/g, ' ')),
        );
        out.push(`- Expects: ${list(clauses)}`);
    }
    out.push('', 'Run it with **▶ Simulate** above the scenario, or `mregion simulate FILE --scenario ' + name + '`.');
    return out.join('\n');
}

/** What a fault does and for how long (a destroyed region does not come back and a corruption is one moment: no duration). */
function faultText(fault: FaultM): string {
    const lasting = (what: string) => `${what} for ${formatDuration(fault.durationMs)}`;
    switch (fault.kind) {
        case 'destroy':
            return `${fault.region} destroyed (its storage is gone; it does not come back)`;
        case 'outage':
            return lasting(`outage of ${fault.region}`);
        case 'partition':
            return lasting(`partition ${fault.regions[0]} ↔ ${fault.regions[1]}`);
        case 'control-plane':
            return lasting(`control plane of ${fault.region} impaired`);
        case 'lag-spike':
            return lasting(`lag spike${fault.store ? ` of ${fault.store}` : ''} to ${formatDuration(fault.lagMs)}`);
        case 'degrade':
            return lasting(
                `${fault.target.kind} ${fault.target.name} degraded in ${fault.region} (${degradeText(fault.errorShare, fault.addedLatencyMs)}; the region stays up)`,
            );
        case 'fail':
            return lasting(`service ${fault.target.name} fails in ${fault.region} (the region stays up)`);
        case 'flap':
            return lasting(`health checks flapping in ${fault.region}`);
        case 'corrupt':
            return `${fault.store} corrupted (the damage replicates to its replicas; backups taken before stay clean)`;
    }
}

/** "30% of requests fail, +2 s each": what a degrade does. */
function degradeText(errorShare: number, addedLatencyMs: number): string {
    return [
        errorShare > 0 ? `${formatPercent(errorShare)} of requests fail` : '',
        addedLatencyMs > 0 ? `+${formatDuration(addedLatencyMs)} each` : '',
    ]
        .filter(Boolean)
        .join(', ');
}
