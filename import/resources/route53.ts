// Route 53 records with a routing policy (failover, latency, weighted) and their health checks, and the ARC
// routing controls that drive them: one service (the record name's first label) and its failover per name.
import { sameScope, type ImportContext } from '../context.js';
import type { HealthCheck, ImportedFailover, ImportedService, Todo } from '../design.js';
import { originOf, resourcesOfType, type Located } from '../template.js';
import { literal, object, objects, regionIn, regionValue, wholeNumber } from '../values.js';
import { endpointCheck, hostName, isRoutingControlCheck, probedHost, sameDetection } from './health-checks.js';
import { ACTIONS_TODO, SERVICE_TODOS } from './todos.js';

interface RoutedRecord {
    readonly located: Located;
    readonly props: Readonly<Record<string, unknown>>;
    readonly name: string;
    readonly policy: 'failover' | 'latency' | 'weighted';
}

const ARC_TYPES = [
    'AWS::Route53RecoveryControl::Cluster',
    'AWS::Route53RecoveryControl::ControlPanel',
    'AWS::Route53RecoveryControl::RoutingControl',
    'AWS::Route53RecoveryControl::SafetyRule',
];

export function importRoutedRecords(context: ImportContext): (ImportedService | ImportedFailover)[] {
    // Each name's records: a group exists because it has a first record.
    const groups = new Map<string, [RoutedRecord, ...RoutedRecord[]]>();
    for (const record of routedRecords(context)) {
        const list = groups.get(record.name);
        if (list) list.push(record);
        else groups.set(record.name, [record]);
    }
    const checks = resourcesOfType(context.stacks, 'AWS::Route53::HealthCheck');
    const declarations: (ImportedService | ImportedFailover)[] = [];
    for (const [recordName, records] of groups) {
        const name = context.name(recordName.slice(0, (recordName + '.').indexOf('.')));
        const regions: string[] = [];
        let primary: string | undefined;
        const detections: { check: HealthCheck; located: Located }[] = [];
        const unchecked: string[] = [];
        let routingControls = false;
        for (const record of records) {
            context.consume(record.located);
            const check = context.points(record.located, record.props.HealthCheckId);
            if (check) context.consume(check);
            const targets = recordTargets(record.props);
            const region =
                regionValue(record.props.Region, undefined) ??
                regionIn(record.props.SetIdentifier) ??
                targets.map(regionIn).find((r) => r !== undefined) ??
                (check ? regionIn(probedHost(check.resource.Properties)) : undefined);
            if (region === undefined)
                context.warnings.push(
                    `${record.located.stack.name}/${record.located.logicalId}: the region behind record ${recordName} (${literal(record.props.SetIdentifier) ?? 'no set identifier'}) is not written in it`,
                );
            else if (!regions.includes(region)) regions.push(region);
            if (literal(record.props.Failover) === 'PRIMARY' && region !== undefined) primary = region;
            if (check && isRoutingControlCheck(check.resource.Properties)) {
                routingControls = true;
                // With ARC the record's check is the routing control; the endpoint is probed by a check of its own.
                const probe = checks.find(
                    (c) =>
                        sameScope(c.stack, check.stack) &&
                        targets.includes(probedHost(c.resource.Properties) ?? '\u0000'),
                );
                if (probe) {
                    context.consume(probe);
                    const detection = endpointCheck(probe.resource.Properties);
                    if (detection) detections.push({ check: detection, located: probe });
                }
                continue;
            }
            const detection = check ? endpointCheck(check.resource.Properties) : undefined;
            if (detection) detections.push({ check: detection, located: check! });
            else unchecked.push(literal(record.props.SetIdentifier) ?? record.located.logicalId);
        }
        if (routingControls) {
            for (const type of ARC_TYPES)
                context.consume(
                    ...resourcesOfType(context.stacks, type).filter((l) =>
                        records.some((r) => sameScope(r.located.stack, l.stack)),
                    ),
                );
        }
        const failoverPolicy = records.some((r) => r.policy === 'failover');
        const serviceTodos: Todo[] = failoverPolicy
            ? [
                  {
                      clause: 'posture <active-passive|warm-standby|pilot-light>',
                      why: 'how ready the secondary is: failover records only say it takes the traffic',
                  },
                  ...SERVICE_TODOS,
              ]
            : [...SERVICE_TODOS];
        declarations.push({
            kind: 'service',
            name,
            regions,
            ...(primary !== undefined ? { primary } : {}),
            ...(failoverPolicy ? {} : { posture: 'active-active' as const }),
            notes: [`${records[0].policy} records for ${recordName}`],
            todos: serviceTodos,
            origins: records.map((r) => originOf(r.located)),
        });
        const [first] = detections;
        const notes: string[] = [];
        const todos: Todo[] = [];
        const differing = detections.filter((d) => !sameDetection(d.check, first!.check));
        if (differing.length > 0)
            notes.push(
                `health checks differ: ${differing.map((d) => `${d.located.logicalId} every ${d.check.interval}s threshold ${d.check.threshold}`).join(', ')}; the first is written`,
            );
        if (first) notes.push(...first.check.defaulted.map((d) => `not in the template, so Route 53's default: ${d}`));
        if (unchecked.length > 0) {
            notes.push(
                `no health check on ${unchecked.join(', ')}: Route 53 never moves traffic away from ${unchecked.length === 1 ? 'that record' : 'those records'} on its own`,
            );
            if (!first)
                todos.push({
                    clause: 'detect health-check every <10s|30s> threshold <1–10>',
                    why: 'add a health check to the records, or declare `detect manual`',
                });
        }
        const ttls = [
            ...new Set(records.map((r) => wholeNumber(r.props.TTL)).filter((t): t is number => t !== undefined)),
        ];
        if (ttls.length > 1) notes.push(`the records' TTLs differ (${ttls.join(', ')} s); the largest is written`);
        const ttl = ttls.length > 0 ? ttls.reduce((a, b) => Math.max(a, b)) : undefined;
        if (ttl === undefined)
            todos.push({
                clause: 'route dns ttl <seconds>',
                why: 'alias records take the TTL of their target; write the one clients see',
            });
        todos.push(ACTIONS_TODO);
        declarations.push({
            kind: 'failover',
            target: name,
            ...(first ? { detect: first.check } : {}),
            route: { method: routingControls ? 'arc-routing-control' : 'dns', ...(ttl !== undefined ? { ttl } : {}) },
            actions: routingControls ? ['flip-routing-control'] : [],
            uncheckedRecords: unchecked,
            notes,
            todos,
            origins: [...records.map((r) => originOf(r.located)), ...detections.map((d) => originOf(d.located))],
        });
    }
    return declarations;
}

/** Records with a routing policy, from RecordSet resources and RecordSetGroup lists alike. */
function routedRecords(context: ImportContext): RoutedRecord[] {
    const found: RoutedRecord[] = [];
    const add = (located: Located, props: Readonly<Record<string, unknown>>) => {
        const name = literal(props.Name);
        const policy =
            props.Failover !== undefined
                ? 'failover'
                : props.Region !== undefined
                  ? 'latency'
                  : props.Weight !== undefined
                    ? 'weighted'
                    : undefined;
        if (name !== undefined && policy !== undefined) found.push({ located, props, name: hostName(name), policy });
    };
    for (const record of resourcesOfType(context.stacks, 'AWS::Route53::RecordSet'))
        add(record, record.resource.Properties);
    for (const group of resourcesOfType(context.stacks, 'AWS::Route53::RecordSetGroup')) {
        for (const props of objects(group.resource.Properties.RecordSets)) add(group, props);
    }
    return found;
}

/** The host names a record answers with: its values, or its alias target. */
function recordTargets(props: Readonly<Record<string, unknown>>): string[] {
    const values = Array.isArray(props.ResourceRecords)
        ? props.ResourceRecords.map(literal).filter((v): v is string => v !== undefined)
        : [];
    const alias = literal(object(props.AliasTarget)?.DNSName);
    return [...values, ...(alias !== undefined ? [alias] : [])].map(hostName);
}
