// Failovers of services → the global stack: Route 53 health checks and records, Global Accelerator endpoint
// groups, ARC routing controls. Endpoints are not in the design, so they come from context values.
import { ANYCAST, ARC, DNS, HEALTH_CHECK } from '../../../language/semantics/facts/defaults.js';
import type { FailoverM, ServiceM } from '../../../language/semantics/model.js';
import { formatDuration } from '../../../format/quantities.js';
import { IdentifierScope } from '../code.js';
import { contextKeyPart, dnsLabel, resourceName } from '../names.js';
import { sourceRef, titleOf, type PlanCollector } from './collector.js';
import type { HealthCheckSettings, RoutedRegion } from './types.js';
import { factRef } from '../../../language/semantics/facts/citation.js';

export const HOSTED_ZONE_ID_KEY = 'mregion:hosted-zone-id';
export const HOSTED_ZONE_NAME_KEY = 'mregion:hosted-zone-name';

/** Accelerator and control panel names by service id, distinct within the design (unique-names.ts). */
interface RoutingNames {
    readonly accelerator: ReadonlyMap<string, string>;
    readonly panel: ReadonlyMap<string, string>;
}

export const ARC_CLUSTER_OUTPUT_ID = 'RecoveryClusterArn';

export function planRouting(c: PlanCollector): void {
    const recordNames = new Set<string>();
    // Stack output ids (logical ids) for the routing controls' ARNs, distinct in the global stack.
    const outputIds = new IdentifierScope('pascal', [ARC_CLUSTER_OUTPUT_ID], 'hash');
    const routed = (methods: readonly string[]) =>
        c.model.failovers
            .filter((f) => f.target.kind === 'service' && f.route !== undefined && methods.includes(f.route.method))
            .map((f) => f.target.id);
    const nameOf = (id: string, hashed: boolean) => {
        const service = c.model.services.get(id);
        return resourceName([c.topologyName, service ? serviceLabel(service) : id], 64, hashed);
    };
    const names: RoutingNames = {
        accelerator: c.uniqueNames(routed(['anycast', 'global-accelerator']), nameOf, 'Global Accelerator name'),
        panel: c.uniqueNames(routed(['arc-routing-control']), nameOf, 'ARC control panel name'),
    };
    for (const failover of c.model.failovers) {
        const title = titleOf('failover', failover.target.id.replace(/@.*$/, ''), failover.cell);
        const route = failover.route;
        if (failover.target.kind === 'store') {
            if (route && route.method !== 'manual') {
                c.skip(
                    title,
                    'clients reach a database through its own endpoints; traffic routing is generated for service failovers only',
                );
            }
            continue;
        }
        const service = c.model.services.get(failover.target.id);
        if (!service || !route) continue;
        const regions = service.regions.filter((r) => c.awsRegion(r));
        const foreign = service.regions.filter((r) => !c.awsRegion(r));
        if (route.method === 's3-access-point') {
            c.skip(
                title,
                'S3 Multi-Region Access Points are not generated yet; create the access point beside this app',
            );
            continue;
        }
        if (route.method === 'router' || route.method === 'manual') {
            c.skip(
                title,
                route.method === 'router'
                    ? "routing by the application's own router has no AWS resource to generate"
                    : 'manual routing has nothing to automate',
            );
            continue;
        }
        if (regions.length === 0) {
            c.skip(title, `service ${service.name} runs in no AWS region`);
            continue;
        }
        // Route 53 health-checks and fails over to any endpoint, so failover records may point outside AWS;
        // latency records and Global Accelerator endpoint groups exist only in AWS regions.
        const anyEndpoint =
            (route.method === 'dns' || route.method === 'arc-routing-control') && service.posture !== 'active-active';
        if (foreign.length > 0 && !anyEndpoint)
            c.skip(
                `${title}: ${foreign.join(', ')}`,
                'not AWS regions; AWS routing covers only the AWS regions of the service',
            );
        const routable = anyEndpoint ? service.regions : regions;

        if (route.method === 'dns') {
            const providers = route.providers.map((p) => p.toLowerCase());
            const others = route.providers.filter((p) => !/^route-?53$/i.test(p));
            if (providers.length > 0 && others.length === providers.length) {
                c.skip(title, `DNS through ${others.join(', ')}: not Route 53, so nothing to generate with AWS CDK`);
                continue;
            }
            if (others.length > 0)
                c.skip(
                    `${title}: DNS provider${others.length > 1 ? 's' : ''} ${others.join(', ')}`,
                    'not an AWS service; configure the same records there',
                );
            planDns(c, title, failover, service, routable, recordNames);
        } else if (route.method === 'anycast' || route.method === 'global-accelerator') {
            planAccelerator(c, title, failover, service, regions, names.accelerator.get(service.id)!);
        } else {
            planRoutingControls(
                c,
                title,
                failover,
                service,
                routable,
                recordNames,
                names.panel.get(service.id)!,
                outputIds,
            );
        }
    }
}

/** Route 53 and Global Accelerator check every 10 s or 30 s with a threshold of 1–10 (docs/facts.md#route53-health-check-interval, docs/facts.md#global-accelerator-health-check). */
function healthCheckSettings(
    c: PlanCollector,
    title: string,
    failover: FailoverM,
    what: string,
): HealthCheckSettings | undefined | 'invalid' {
    const detection = failover.detection;
    if (detection.method !== 'health-check') return undefined;
    // Which of the two values the design wrote; the others are the facts-table defaults the model resolved.
    const props = failover.source.props;
    const viaAccelerator = failover.route?.method === 'anycast' || failover.route?.method === 'global-accelerator';
    const defaults = viaAccelerator
        ? { interval: ANYCAST.intervalMs.source, threshold: ANYCAST.threshold.source }
        : { interval: HEALTH_CHECK.intervalMs.source, threshold: HEALTH_CHECK.threshold.source };
    const allowed = HEALTH_CHECK.allowedIntervalsMs.value;
    if (!allowed.includes(detection.intervalMs)) {
        c.issue(
            title,
            `${what} checks every 10 s or 30 s; the design's interval is ${formatDuration(detection.intervalMs)} (${factRef('route53-health-check-interval')}, ${factRef('global-accelerator-health-check')})`,
        );
        return 'invalid';
    }
    const [min, max] = HEALTH_CHECK.thresholdRange.value;
    if (!Number.isInteger(detection.threshold) || detection.threshold < min || detection.threshold > max) {
        c.issue(
            title,
            `${what} accepts a failure threshold of ${min}–${max}; the design's is ${detection.threshold} (${factRef('route53-failure-threshold')})`,
        );
        return 'invalid';
    }
    const interval = `every ${formatDuration(detection.intervalMs)}${props.interval ? '' : ` (default: ${defaults.interval})`}`;
    const threshold = `threshold ${detection.threshold}${props.threshold ? '' : ` (default: ${defaults.threshold})`}`;
    return {
        intervalSeconds: detection.intervalMs / 1000,
        failureThreshold: detection.threshold,
        text: `detect health-check ${interval} ${threshold}`,
    };
}

function serviceLabel(service: ServiceM): string {
    return service.cell !== undefined ? `${service.name}-${service.cell}` : service.name;
}

function endpointDomain(c: PlanCollector, service: ServiceM, region: string): RoutedRegion {
    const key = c.context({
        key: `mregion:endpoint:${contextKeyPart(service.id)}:${contextKeyPart(region)}`,
        value: `${dnsLabel(serviceLabel(service))}.${dnsLabel(region)}.example.com`,
        kind: 'todo',
        description: `endpoint of ${titleOf('service', service.name, service.cell)} in ${region}: a load balancer's, Global Accelerator's or CloudFront's DNS name (an alias record), an IP address (an A or AAAA record, for an endpoint outside AWS) or another host name (a CNAME); health checks and records point at it`,
    });
    const aliasZoneKey = c.context({
        key: `mregion:endpoint-zone:${contextKeyPart(service.id)}:${contextKeyPart(region)}`,
        value: '',
        kind: 'optional',
        description: `canonical hosted zone id of the load balancer in \`${key}\`, when that is a load balancer (\`aws elbv2 describe-load-balancers\` prints it as CanonicalHostedZoneId); alias records to a load balancer need it`,
    });
    return { region, contextKey: key, aliasZoneKey };
}

function hostedZone(c: PlanCollector): void {
    c.context({
        key: HOSTED_ZONE_ID_KEY,
        value: 'Z0000000000EXAMPLE',
        kind: 'todo',
        description: 'id of the existing Route 53 public hosted zone that gets the failover records',
    });
    c.context({
        key: HOSTED_ZONE_NAME_KEY,
        value: 'example.com',
        kind: 'todo',
        description: 'domain name of that hosted zone',
    });
}

function uniqueRecordName(names: Set<string>, service: ServiceM): string {
    const base = dnsLabel(serviceLabel(service));
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
    names.add(name);
    return name;
}

/** Failover routing: PRIMARY = the region the failover leaves, SECONDARY = where it goes. Active-active: latency. */
function routedRegions(
    c: PlanCollector,
    title: string,
    failover: FailoverM,
    service: ServiceM,
    regions: readonly string[],
): { mode: 'failover' | 'latency'; list: RoutedRegion[] } | undefined {
    if (service.posture === 'active-active')
        return { mode: 'latency', list: regions.map((r) => endpointDomain(c, service, r)) };
    const from = failover.from ?? service.primary ?? regions[0];
    const to = failover.to ?? regions.find((r) => r !== from);
    if (from === undefined || to === undefined || from === to) {
        c.issue(
            title,
            `failover routing needs two regions (from and to); service ${service.name} has ${regions.length} region${regions.length === 1 ? '' : 's'} to route to`,
        );
        return undefined;
    }
    const idle = regions.filter((r) => r !== from && r !== to);
    if (idle.length > 0)
        c.skip(
            `${title}: ${idle.join(', ')}`,
            'Route 53 failover records have one primary and one secondary; these regions get no record',
        );
    return { mode: 'failover', list: [endpointDomain(c, service, from), endpointDomain(c, service, to)] };
}

function planDns(
    c: PlanCollector,
    title: string,
    failover: FailoverM,
    service: ServiceM,
    regions: readonly string[],
    names: Set<string>,
): void {
    const route = failover.route;
    if (route?.method !== 'dns') return;
    if (route.ttlMs === undefined) {
        c.issue(title, 'a DNS failover route needs a TTL (`route dns ttl 60s`)');
        return;
    }
    if (route.ttlMs % 1000 !== 0) {
        c.issue(title, `Route 53 TTLs are whole seconds; the design's is ${formatDuration(route.ttlMs)}`);
        return;
    }
    const health = healthCheckSettings(c, title, failover, 'a Route 53 health check');
    if (health === 'invalid') return;
    const routed = routedRegions(c, title, failover, service, regions);
    if (!routed) return;
    hostedZone(c);
    c.globalItems.push({
        kind: 'dns',
        title,
        source: sourceRef(failover.source),
        cell: c.cellRef(failover.cell),
        name: service.name,
        recordName: uniqueRecordName(names, service),
        ttlSeconds: route.ttlMs / 1000,
        ttlText: `route dns ttl ${formatDuration(route.ttlMs)}`,
        mode: routed.mode,
        regions: routed.list,
        healthCheck: health,
    });
}

function planAccelerator(
    c: PlanCollector,
    title: string,
    failover: FailoverM,
    service: ServiceM,
    regions: readonly string[],
    acceleratorName: string,
): void {
    const health = healthCheckSettings(c, title, failover, 'Global Accelerator');
    if (health === 'invalid') return;
    const active = service.posture === 'active-active';
    const primary = failover.from ?? service.primary ?? regions[0];
    const groups = regions.map((region) => ({
        region,
        contextKey: c.context({
            key: `mregion:accelerator-endpoint:${contextKeyPart(service.id)}:${contextKeyPart(region)}`,
            value: `arn:aws:elasticloadbalancing:${region}:${c.account}:loadbalancer/app/${dnsLabel(serviceLabel(service)).slice(0, 32)}/0000000000000000`,
            kind: 'todo' as const,
            description: `ARN of ${titleOf('service', service.name, service.cell)}'s load balancer (or instance / Elastic IP) in ${region}`,
        }),
        trafficDialPercentage: active || region === primary ? 100 : 0,
    }));
    c.globalItems.push({
        kind: 'accelerator',
        title,
        source: sourceRef(failover.source),
        cell: c.cellRef(failover.cell),
        name: service.name,
        acceleratorName,
        groups,
        healthCheck: health ?? undefined,
        dialText: active
            ? `posture active-active: every region takes traffic (dial 100 %)`
            : `posture ${service.posture ?? 'not declared'}: ${primary} takes the traffic (dial 100 %), the others stand by at 0 %; failing over raises their dial, a Global Accelerator control-plane call homed in ${ARC.controlPlaneRegion.value} (${factRef('arc-control-plane-region')})`,
    });
    if (!health && failover.detection.method === 'manual') {
        c.skip(
            `${title}: manual detection`,
            `Global Accelerator always health-checks its endpoints (default every ${formatDuration(ANYCAST.intervalMs.value)}, ${factRef('global-accelerator-health-check')}); its defaults apply`,
        );
    }
}

function planRoutingControls(
    c: PlanCollector,
    title: string,
    failover: FailoverM,
    service: ServiceM,
    regions: readonly string[],
    names: Set<string>,
    panelName: string,
    outputIds: IdentifierScope,
): void {
    const health = healthCheckSettings(c, title, failover, 'a Route 53 health check');
    if (health === 'invalid') return;
    const routed = routedRegions(c, title, failover, service, regions);
    if (!routed) return;
    hostedZone(c);
    // The safety rule's wait period keeps a routing control from flipping back faster than a failure can be
    // detected: one detection interval (derived from the design), or Route 53's default interval.
    const interval =
        failover.detection.method === 'health-check' ? failover.detection.intervalMs : HEALTH_CHECK.intervalMs.value;
    // The records the routing controls act on keep the design's TTL when it declares one (docs/facts.md#arc-routing-control).
    const declaredTtl = failover.route?.method === 'arc-routing-control' ? failover.route.ttlMs : undefined;
    const ttlMs = declaredTtl !== undefined && declaredTtl % 1000 === 0 ? declaredTtl : DNS.failoverTtlMaxMs.value;
    c.globalItems.push({
        kind: 'dns',
        title,
        source: sourceRef(failover.source),
        cell: c.cellRef(failover.cell),
        name: service.name,
        recordName: uniqueRecordName(names, service),
        ttlSeconds: ttlMs / 1000,
        ttlText:
            ttlMs === declaredTtl
                ? `route arc-routing-control ttl ${formatDuration(ttlMs)}`
                : `no whole-second TTL in the design; the failover TTL of ${factRef('route53-failover-ttl')}`,
        mode: routed.mode,
        regions: routed.list,
        healthCheck: health,
        routingControls: {
            panelName,
            waitPeriodMs: interval,
            waitPeriodText:
                failover.detection.method === 'health-check'
                    ? `one health-check interval of the design (${formatDuration(interval)})`
                    : `Route 53's default health-check interval (${formatDuration(interval)}, ${HEALTH_CHECK.intervalMs.source})`,
            controls: routed.list.map((r) => ({
                region: r.region,
                outputId: outputIds.get(`${serviceLabel(service)} ${r.region}`, 'routing control arn'),
            })),
        },
    });
}
