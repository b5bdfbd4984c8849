// A design whose RTO varies from seed to seed within a closed-form range: warm standby behind DNS, health checks
// every 10 s (threshold 3, no timeout) from a random phase, a 1-minute promotion, then a 60 s TTL. Detection
// lands in [20 s, 30 s) after the outage, so RTO ∈ [140 s, 150 s) (the oracle in oracles.test.ts).
import { auroraDb, SECOND, TWO_US_REGIONS } from './helpers.js';

export const RTO_LOW_MS = 140 * SECOND;
export const RTO_HIGH_MS = 150 * SECOND;

export function sweepDesign(expectations: readonly string[], seed = 7): string {
    return `${TWO_US_REGIONS}
${auroraDb()}
service api {
    regions   us-east-1, us-west-2
    primary   us-east-1
    posture   warm-standby
    capacity  100% per region
    uses      db
}
failover api {
    detect health-check every 10s threshold 3 timeout 0s
    route  dns ttl 60s
    action promote db
    action shift-traffic
    drill  every 30d
}
workload w for api { writes 20/s from us-east-1 100%  reads 200/s from us-east-1 100%  keys 1000 }
scenario s {
    workload w
    duration 15m
    at 5m outage region us-east-1 for 8m
    seed ${seed}
${expectations.map((e) => `    ${e}`).join('\n')}
}
`;
}
