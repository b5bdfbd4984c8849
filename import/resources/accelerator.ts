// Global Accelerator (Accelerator → Listener → EndpointGroups): one service over the endpoint groups' regions,
// failing over without DNS, detected by the endpoint groups' health checks.
import { ANYCAST } from '../../language/semantics/facts/defaults.js';
import type { ImportContext } from '../context.js';
import type { ImportedFailover, ImportedService } from '../design.js';
import { originOf, resourcesOfType } from '../template.js';
import { literal, objects, regionValue, wholeNumber } from '../values.js';
import { ACTIONS_TODO, SERVICE_TODOS } from './todos.js';

export function importAccelerators(context: ImportContext): (ImportedService | ImportedFailover)[] {
    const listeners = resourcesOfType(context.stacks, 'AWS::GlobalAccelerator::Listener');
    const groups = resourcesOfType(context.stacks, 'AWS::GlobalAccelerator::EndpointGroup');
    const declarations: (ImportedService | ImportedFailover)[] = [];
    for (const accelerator of resourcesOfType(context.stacks, 'AWS::GlobalAccelerator::Accelerator')) {
        const own = listeners.filter((l) => context.refersTo(l, l.resource.Properties.AcceleratorArn, accelerator));
        const endpointGroups = groups.filter((g) =>
            own.some((l) => context.refersTo(g, g.resource.Properties.ListenerArn, l)),
        );
        context.consume(accelerator, ...own, ...endpointGroups);
        const name = context.name(literal(accelerator.resource.Properties.Name) ?? accelerator.logicalId);
        const regions: string[] = [];
        for (const group of endpointGroups) {
            const region = regionValue(group.resource.Properties.EndpointGroupRegion, group.stack.region);
            if (region === undefined)
                context.warnings.push(
                    `${group.stack.name}/${group.logicalId}: the endpoint group's region is not written in it`,
                );
            else if (!regions.includes(region)) regions.push(region);
        }
        const first = endpointGroups[0]?.resource.Properties;
        const interval = wholeNumber(first?.HealthCheckIntervalSeconds);
        const threshold = wholeNumber(first?.ThresholdCount);
        const defaulted = [
            ...(interval === undefined ? [ANYCAST.intervalMs.source] : []),
            ...(threshold === undefined ? [ANYCAST.threshold.source] : []),
        ];
        // With load balancer endpoints the endpoint group's settings do not apply: the balancers' own checks decide.
        const balancers =
            endpointGroups.length > 0 &&
            endpointGroups.every((g) =>
                objects(g.resource.Properties.EndpointConfigurations).some((c) =>
                    /^arn:[^:]+:elasticloadbalancing:/.test(literal(c.EndpointId) ?? ''),
                ),
            );
        const stated = interval !== undefined || threshold !== undefined;
        const detected = endpointGroups.length > 0 && (stated || !balancers);
        const dials = endpointGroups.map((g) => wholeNumber(g.resource.Properties.TrafficDialPercentage));
        const allServing = dials.every((d) => d === undefined || d > 0);
        const origins = [originOf(accelerator), ...own.map(originOf), ...endpointGroups.map(originOf)];
        declarations.push({
            kind: 'service',
            name,
            regions,
            ...(allServing ? { posture: 'active-active' as const } : {}),
            notes: [`Global Accelerator ${literal(accelerator.resource.Properties.Name) ?? accelerator.logicalId}`],
            todos: allServing
                ? SERVICE_TODOS
                : [
                      {
                          clause: 'posture <active-passive|warm-standby|pilot-light>',
                          why: 'an endpoint group has a traffic dial of 0 %: it is a standby',
                      },
                      ...SERVICE_TODOS,
                  ],
            origins,
        });
        declarations.push({
            kind: 'failover',
            target: name,
            ...(detected
                ? {
                      detect: {
                          interval: interval ?? ANYCAST.intervalMs.value / 1000,
                          threshold: threshold ?? ANYCAST.threshold.value,
                          defaulted,
                      },
                  }
                : {}),
            route: { method: 'global-accelerator' },
            actions: [],
            uncheckedRecords: [],
            notes: detected
                ? defaulted.map((d) => `not in the template, so Global Accelerator's default: ${d}`)
                : [
                      "the endpoints are load balancers: their own health checks decide, not the endpoint groups' (docs/facts.md#global-accelerator-health-check)",
                  ],
            todos: detected
                ? [ACTIONS_TODO]
                : [
                      {
                          clause: 'detect health-check every <interval> threshold <count>',
                          why: "the load balancers' target-group health checks, which this template does not hold",
                      },
                      ACTIONS_TODO,
                  ],
            origins,
        });
    }
    return declarations;
}
