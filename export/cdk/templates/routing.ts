// lib/constructs/*.ts of the generated app for traffic routing (static: no model data inside).

export const DNS_ROUTING = `// Route 53 records that move traffic between regions: failover records (PRIMARY/SECONDARY) for a service
// with a standby, latency records for an active-active one. Route 53 answers only with endpoints whose
// health check passes; that decision is data plane and needs no record edit during an outage (docs/facts.md#control-plane-vs-data-plane).
import { Duration } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';

/** Decides per region whether its record may answer (ARC routing controls do). */
export interface RegionSwitches {
    healthCheckFor(region: string): route53.IHealthCheck | undefined;
}

export interface RegionalEndpoint {
    readonly region: string;
    /**
     * The service's endpoint in that region: a load balancer's, Global Accelerator's or CloudFront's DNS name (an
     * alias record), an IPv4 or IPv6 address (an A or AAAA record: an endpoint outside AWS), or any other host name
     * (a CNAME record).
     */
    readonly domainName: string;
    /** A load balancer's canonical hosted zone id: alias records to it need one, and no lookup is made at synth. */
    readonly aliasHostedZoneId?: string;
}

export interface HealthCheckSettings {
    readonly interval: Duration;
    readonly failureThreshold: number;
}

export interface DnsRoutingProps {
    readonly zone: route53.IHostedZone;
    /** Relative to the zone. */
    readonly recordName: string;
    readonly ttl: Duration;
    /** failover: endpoints are [primary, secondary]; latency: every region answers for its nearby clients. */
    readonly routing: 'failover' | 'latency';
    readonly endpoints: readonly RegionalEndpoint[];
    /** HTTPS checks of each endpoint; absent when the design detects failures manually. */
    readonly healthCheck?: HealthCheckSettings;
    /** When set, these switches decide which records answer; the endpoint checks then only report. */
    readonly switches?: RegionSwitches;
}

/** What one endpoint's record points at, decided from the endpoint's value alone (no AWS call at synth). */
export type EndpointTarget = AliasTarget | { readonly kind: 'address'; readonly address: string; readonly ipv6: boolean } | { readonly kind: 'host'; readonly domainName: string };

export interface AliasTarget {
    readonly kind: 'alias';
    readonly service: 'load-balancer' | 'global-accelerator' | 'cloudfront';
    readonly dnsName: string;
    readonly hostedZoneId: string;
    readonly evaluateTargetHealth: boolean;
}

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i;

/**
 * Alias targets answer with the AWS resource's current addresses, and Route 53 can follow their own health
 * (EvaluateTargetHealth) for load balancers and Global Accelerator; it cannot for CloudFront (Route 53 API
 * reference, AliasTarget), whose records rely on the health check alone.
 */
export function endpointTarget(endpoint: RegionalEndpoint): EndpointTarget {
    const value = endpoint.domainName.trim().replace(/\\.$/, '');
    const name = value.toLowerCase();
    if (IPV4.test(value)) return { kind: 'address', address: value, ipv6: false };
    if (value.includes(':') && IPV6.test(value)) return { kind: 'address', address: value, ipv6: true };
    if (name.endsWith('.elb.amazonaws.com') || /\\.elb\\.[a-z0-9-]+\\.amazonaws\\.com$/.test(name)) {
        if (endpoint.aliasHostedZoneId === undefined || endpoint.aliasHostedZoneId.trim() === '') {
            throw new Error('The endpoint in ' + endpoint.region + ' (' + value + ') is a load balancer: an alias record to it needs its canonical hosted zone id. Set it as context (README.md, "Optional context values"); aws elbv2 describe-load-balancers prints it as CanonicalHostedZoneId.');
        }
        return { kind: 'alias', service: 'load-balancer', dnsName: value, hostedZoneId: endpoint.aliasHostedZoneId.trim(), evaluateTargetHealth: true };
    }
    if (name.endsWith('.awsglobalaccelerator.com')) {
        return { kind: 'alias', service: 'global-accelerator', dnsName: value, hostedZoneId: targets.GlobalAcceleratorDomainTarget.GLOBAL_ACCELERATOR_ZONE_ID, evaluateTargetHealth: true };
    }
    if (name.endsWith('.cloudfront.net')) {
        return { kind: 'alias', service: 'cloudfront', dnsName: value, hostedZoneId: targets.CloudFrontTarget.CLOUDFRONT_ZONE_ID, evaluateTargetHealth: false };
    }
    return { kind: 'host', domainName: value };
}

/** The DNS record type a target is answered with: Route 53 pairs failover and latency records of one name and one type. */
function recordType(target: EndpointTarget): 'A' | 'AAAA' | 'CNAME' {
    if (target.kind === 'host') return 'CNAME';
    return target.kind === 'address' && target.ipv6 ? 'AAAA' : 'A';
}

/** What an endpoint's health check requests: an address directly, anything else by name. */
function checkedAddress(target: EndpointTarget): { ipAddress: string } | { fqdn: string } {
    switch (target.kind) {
        case 'address':
            return { ipAddress: target.address };
        case 'host':
            return { fqdn: target.domainName };
        case 'alias':
            return { fqdn: target.dnsName };
    }
}

export class DnsRouting extends Construct {
    constructor(scope: Construct, id: string, props: DnsRoutingProps) {
        super(scope, id);
        const resolved = props.endpoints.map((endpoint) => ({ endpoint, target: endpointTarget(endpoint) }));
        const types = [...new Set(resolved.map((r) => recordType(r.target)))];
        if (types.length > 1) {
            throw new Error('The endpoints of ' + props.recordName + ' need records of different types (' + resolved.map((r) => r.endpoint.region + ': ' + recordType(r.target)).join(', ') + '), but Route 53 routes between records of one name and one type: give every region a host name (CNAME), every region an IPv4 address or AWS alias target (A), or every region an IPv6 address (AAAA).');
        }
        // Route 53 cannot evaluate a CloudFront alias's health, and CDK refuses a failover alias that does not.
        const cloudFront = resolved.find((r) => r.target.kind === 'alias' && r.target.service === 'cloudfront');
        if (props.routing === 'failover' && cloudFront !== undefined) {
            throw new Error('The endpoint in ' + cloudFront.endpoint.region + ' of ' + props.recordName + ' is a CloudFront distribution: a failover alias record must evaluate its target\\'s health, which Route 53 cannot do for CloudFront. Route to the distribution\\'s origins per region instead, or put both regions behind one distribution with origin failover.');
        }
        // Construct ids (and so logical ids) are keyed by region, not position: adding or reordering regions in the
        // design replaces only the records of the regions that changed.
        resolved.forEach(({ endpoint, target }, index) => {
            const endpointCheck = props.healthCheck === undefined ? undefined : new route53.HealthCheck(this, 'HealthCheck-' + endpoint.region, {
                type: route53.HealthCheckType.HTTPS,
                ...checkedAddress(target),
                requestInterval: props.healthCheck.interval,
                failureThreshold: props.healthCheck.failureThreshold,
            });
            const failover = props.routing === 'failover' ? (index === 0 ? route53.Failover.PRIMARY : route53.Failover.SECONDARY) : undefined;
            const common = {
                zone: props.zone,
                recordName: props.recordName,
                setIdentifier: (failover ?? 'latency').toLowerCase() + '-' + endpoint.region,
                failover,
                region: props.routing === 'latency' ? endpoint.region : undefined,
                healthCheck: props.switches !== undefined ? props.switches.healthCheckFor(endpoint.region) : endpointCheck,
            };
            const recordId = 'Record-' + endpoint.region;
            if (target.kind === 'host') {
                new route53.CnameRecord(this, recordId, { ...common, domainName: target.domainName, ttl: props.ttl });
            } else if (target.kind === 'address') {
                const record = { ...common, target: route53.RecordTarget.fromIpAddresses(target.address), ttl: props.ttl };
                if (target.ipv6) new route53.AaaaRecord(this, recordId, record);
                else new route53.ARecord(this, recordId, record);
            } else {
                const alias = target;
                // Alias records have no TTL of their own: resolvers get the target's. Under routing controls the
                // target's health is a second condition: a switched-on region with no healthy target does not answer.
                new route53.ARecord(this, recordId, {
                    ...common,
                    target: route53.RecordTarget.fromAlias({
                        bind: () => ({ dnsName: alias.dnsName, hostedZoneId: alias.hostedZoneId, evaluateTargetHealth: alias.evaluateTargetHealth }),
                    }),
                });
            }
        });
    }
}
`;

export const ROUTING_CONTROLS = `// Route 53 Application Recovery Controller: an on/off routing control per region on a control panel, a
// safety rule that keeps at least one region on, and RECOVERY_CONTROL health checks through which DNS
// records follow the switches. Flipping a switch is a data-plane call (docs/facts.md#arc-routing-control). New routing controls
// start Off, so every record is unhealthy until the initial states are set (README.md has the commands).
import { CfnOutput, Duration } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as arc from 'aws-cdk-lib/aws-route53recoverycontrol';
import { Construct } from 'constructs';

export interface RoutingControlsProps {
    readonly clusterArn: string;
    readonly controlPanelName: string;
    readonly regions: readonly string[];
    /** How long the safety rule blocks further changes after one (it stops switches from flapping). */
    readonly waitPeriod: Duration;
    /** Per region, the stack output that publishes its routing control's ARN (the README's commands name it). */
    readonly outputIds: Readonly<Record<string, string>>;
}

export class RoutingControls extends Construct {
    private readonly healthChecks = new Map<string, route53.HealthCheck>();

    constructor(scope: Construct, id: string, props: RoutingControlsProps) {
        super(scope, id);
        const panel = new arc.CfnControlPanel(this, 'ControlPanel', {
            name: props.controlPanelName,
            clusterArn: props.clusterArn,
        });
        const controls = props.regions.map((region) => {
            const control = new arc.CfnRoutingControl(this, region, {
                name: region,
                clusterArn: props.clusterArn,
                controlPanelArn: panel.attrControlPanelArn,
            });
            this.healthChecks.set(region, new route53.HealthCheck(this, region + '-HealthCheck', {
                type: route53.HealthCheckType.RECOVERY_CONTROL,
                routingControl: control.attrRoutingControlArn,
            }));
            // Failing over needs the ARN without the control plane: it is published once, as a stack output.
            const outputId = props.outputIds[region];
            if (outputId !== undefined) {
                new CfnOutput(this, region + '-Arn', {
                    value: control.attrRoutingControlArn,
                    description: 'Routing control for ' + region + ' on control panel ' + props.controlPanelName,
                }).overrideLogicalId(outputId);
            }
            return control;
        });
        new arc.CfnSafetyRule(this, 'AtLeastOneRegionOn', {
            name: 'at-least-one-region-on',
            controlPanelArn: panel.attrControlPanelArn,
            ruleConfig: { type: 'ATLEAST', threshold: 1, inverted: false },
            assertionRule: {
                assertedControls: controls.map((control) => control.attrRoutingControlArn),
                waitPeriodMs: props.waitPeriod.toMilliseconds(),
            },
        });
    }

    healthCheckFor(region: string): route53.IHealthCheck | undefined {
        return this.healthChecks.get(region);
    }
}
`;

export const ACCELERATED_ENDPOINTS = `// Global Accelerator: anycast addresses in front of the service and one endpoint group per region. Traffic
// dials decide which regions take traffic; health checks move it off unhealthy endpoints at once, without
// waiting for any DNS TTL (docs/facts.md#global-accelerator-no-dns).
import { Annotations, Duration } from 'aws-cdk-lib';
import type * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as globalaccelerator from 'aws-cdk-lib/aws-globalaccelerator';
import { Construct } from 'constructs';

export interface EndpointGroupSettings {
    readonly region: string;
    /** ARN of the load balancer, or id of the instance or Elastic IP allocation, that serves the region. */
    readonly endpointArn: string;
    readonly trafficDialPercentage: number;
}

export interface AcceleratedEndpointsProps {
    readonly acceleratorName: string;
    readonly groups: readonly EndpointGroupSettings[];
    readonly healthCheck?: { readonly interval: Duration; readonly threshold: number };
}

/** Application and Network Load Balancers are named by their ARN; instances and Elastic IPs by their id. */
export function isLoadBalancer(endpointId: string): boolean {
    return /^arn:[^:]+:elasticloadbalancing:/.test(endpointId);
}

/** Target groups accept 2 to 10 consecutive checks (Elastic Load Balancing API reference, CreateTargetGroup). */
const TARGET_GROUP_THRESHOLDS = { min: 2, max: 10 } as const;

export class AcceleratedEndpoints extends Construct {
    readonly accelerator: globalaccelerator.Accelerator;
    /**
     * The design's health check for the target groups behind load-balancer endpoints: Global Accelerator applies
     * an endpoint group's health-check settings only to EC2 instance and Elastic IP endpoints and follows a load
     * balancer's own target-group health checks (Global Accelerator developer guide, "Endpoint groups"). Pass it to
     * each target group's configureHealthCheck. Undefined when the design sets no health check.
     */
    readonly targetGroupHealthCheck?: elbv2.HealthCheck;

    constructor(scope: Construct, id: string, props: AcceleratedEndpointsProps) {
        super(scope, id);
        this.accelerator = new globalaccelerator.Accelerator(this, 'Accelerator', { acceleratorName: props.acceleratorName });
        // HTTPS clients; change the port range if the service listens elsewhere.
        const listener = this.accelerator.addListener('Listener', {
            portRanges: [{ fromPort: 443 }],
            protocol: globalaccelerator.ConnectionProtocol.TCP,
        });
        const check = props.healthCheck;
        if (check !== undefined) {
            this.targetGroupHealthCheck = { interval: check.interval, healthyThresholdCount: check.threshold, unhealthyThresholdCount: check.threshold };
        }
        for (const group of props.groups) {
            // Settings Global Accelerator would ignore are not set: they would only mislead a reader.
            const applies = check !== undefined && !isLoadBalancer(group.endpointArn);
            listener.addEndpointGroup(group.region, {
                region: group.region,
                trafficDialPercentage: group.trafficDialPercentage,
                healthCheckInterval: applies ? check.interval : undefined,
                healthCheckThreshold: applies ? check.threshold : undefined,
                endpoints: [new globalaccelerator.RawEndpoint({ endpointId: group.endpointArn })],
            });
        }
        const behindLoadBalancers = props.groups.filter((group) => isLoadBalancer(group.endpointArn)).map((group) => group.region);
        if (check !== undefined && behindLoadBalancers.length > 0) {
            const { min, max } = TARGET_GROUP_THRESHOLDS;
            const fits = check.threshold >= min && check.threshold <= max;
            Annotations.of(this).addInfo('The load balancers in ' + behindLoadBalancers.join(', ') + ' decide endpoint health: configure their target groups with targetGroupHealthCheck (every ' + check.interval.toSeconds() + ' s, threshold ' + check.threshold + ')' + (fits ? '.' : '; target groups accept thresholds of ' + min + ' to ' + max + ', so the design threshold of ' + check.threshold + ' cannot be set there.'));
        }
    }
}
`;

export const RESILIENCY_POLICY = `// A Resilience Hub policy carrying the design's recovery objectives. The design states one RTO and RPO
// for the service, so every disruption type (AZ, hardware, software, region) gets the same targets.
import { Duration } from 'aws-cdk-lib';
import * as resiliencehub from 'aws-cdk-lib/aws-resiliencehub';
import { Construct } from 'constructs';

export interface ResiliencyPolicyProps {
    readonly policyName: string;
    readonly description: string;
    /** MissionCritical, Critical, Important, CoreServices or NonCritical. */
    readonly tier: string;
    readonly rto: Duration;
    readonly rpo: Duration;
}

export class ResiliencyPolicy extends Construct {
    readonly policy: resiliencehub.CfnResiliencyPolicy;

    constructor(scope: Construct, id: string, props: ResiliencyPolicyProps) {
        super(scope, id);
        const targets = { rtoInSecs: props.rto.toSeconds(), rpoInSecs: props.rpo.toSeconds() };
        this.policy = new resiliencehub.CfnResiliencyPolicy(this, 'Policy', {
            policyName: props.policyName,
            policyDescription: props.description,
            tier: props.tier,
            policy: { AZ: targets, Hardware: targets, Software: targets, Region: targets },
        });
    }
}
`;
