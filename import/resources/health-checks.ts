// Route 53 health checks as a failover's detection: the interval and threshold written in the template, or the
// documented defaults Route 53 applies when they are left out.
import { HEALTH_CHECK } from '../../language/semantics/facts/defaults.js';
import type { HealthCheck } from '../design.js';
import { literal, object, wholeNumber } from '../values.js';

/** The health check a record names, as detection; undefined for a routing-control or calculated check. */
export function endpointCheck(properties: Readonly<Record<string, unknown>>): HealthCheck | undefined {
    const config = object(properties.HealthCheckConfig);
    const type = literal(config?.Type);
    if (config === undefined || type === 'RECOVERY_CONTROL' || type === 'CALCULATED' || type === 'CLOUDWATCH_METRIC')
        return undefined;
    const interval = wholeNumber(config.RequestInterval);
    const threshold = wholeNumber(config.FailureThreshold);
    const defaulted: string[] = [];
    if (interval === undefined) defaulted.push(HEALTH_CHECK.intervalMs.source);
    if (threshold === undefined) defaulted.push(HEALTH_CHECK.threshold.source);
    return {
        interval: interval ?? HEALTH_CHECK.intervalMs.value / 1000,
        threshold: threshold ?? HEALTH_CHECK.threshold.value,
        defaulted,
    };
}

export function isRoutingControlCheck(properties: Readonly<Record<string, unknown>>): boolean {
    return literal(object(properties.HealthCheckConfig)?.Type) === 'RECOVERY_CONTROL';
}

/** The host name a check probes, lower-case, without a trailing dot. */
export function probedHost(properties: Readonly<Record<string, unknown>>): string | undefined {
    const host = literal(object(properties.HealthCheckConfig)?.FullyQualifiedDomainName);
    return host === undefined ? undefined : hostName(host);
}

export function hostName(text: string): string {
    return text.toLowerCase().replace(/\.$/, '');
}

/** Two checks detect alike when interval and threshold are equal. */
export function sameDetection(a: HealthCheck, b: HealthCheck): boolean {
    return a.interval === b.interval && a.threshold === b.threshold;
}
