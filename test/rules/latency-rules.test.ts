import { ruleCases } from './rule-cases.js';

const AWS = `topology Tickets
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
region eu-west-1 {}
region ap-northeast-1 {}
`;

const tickets = (regions: string) =>
    `store tickets {\nengine cockroachdb\nregions ${regions}\nholds shared rows\nleader us-east-1\n}\n`;
const service = (regions: string, posture: string, objective: string, uses = 'tickets') =>
    `service box-office {\nregions ${regions}\nposture ${posture}\nuses ${uses}\nobjective ${objective}\n}\n`;

const GLOBAL = 'us-east-1, eu-west-1, ap-northeast-1';

ruleCases('write-latency-budget', {
    valid: [
        {
            name: 'a consensus quorum within the budget from every region',
            text:
                AWS +
                tickets('us-east-1, us-east-2, us-west-2') +
                service('us-east-1, us-east-2, us-west-2', 'active-active', 'write-latency p99 100ms'),
        },
        {
            name: 'a warm standby that writes only from its primary',
            text: AWS + tickets(GLOBAL) + service(GLOBAL, 'warm-standby', 'write-latency p99 100ms'),
        },
        {
            name: 'a budget exactly equal to the quorum round trip (76 ms)',
            text: AWS + tickets(GLOBAL) + service(GLOBAL, 'warm-standby', 'write-latency p99 76ms'),
        },
        {
            name: 'an asynchronously replicated store, acknowledged locally',
            text: `${AWS}store views { engine dynamodb regions us-east-1, ap-northeast-1 holds per-user rows }\n${service('us-east-1, ap-northeast-1', 'active-active', 'write-latency p99 10ms', 'views')}`,
        },
    ],
    invalid: [
        {
            name: 'a global consensus store written from Tokyo with a 150 ms budget',
            text: AWS + tickets(GLOBAL) + service(GLOBAL, 'active-active', 'write-latency p99 150ms'),
            // docs/facts.md#cloudping-rtt-matrix: 163 ms from Tokyo to the leader in us-east-1, then the leader's quorum round trip to eu-west-1 (76 ms).
            at: 'write-latency p99 150ms',
            says: [
                'a write from ap-northeast-1 to tickets waits ≈ 239 ms',
                'RTT ap-northeast-1 → us-east-1 163 ms + quorum 2 of 3: RTT us-east-1 → eu-west-1 76 ms',
                'p99 write-latency objective of 150 ms',
            ],
        },
        {
            name: 'a budget 1 ms under the quorum round trip (75 ms)',
            text: AWS + tickets(GLOBAL) + service(GLOBAL, 'warm-standby', 'write-latency p99 75ms'),
            at: 'write-latency p99 75ms',
            says: ['waits ≈ 76 ms'],
        },
        {
            name: 'DynamoDB MRSC written from us-west-2 with a 50 ms budget',
            text: `${AWS}store inventory { engine dynamodb regions us-east-1, us-east-2, us-west-2 holds shared counter replication sync consistency strong conflicts reject }\n${service('us-east-1, us-east-2, us-west-2', 'active-active', 'write-latency p99 50ms', 'inventory')}`,
            at: 'write-latency p99 50ms',
            says: ['sync to the nearest replica: RTT us-west-2 → us-east-2 62 ms'],
        },
        {
            name: 'Cosmos DB strong across the Atlantic with a 100 ms budget',
            text: `topology T\nregion eastus {}\nregion germanywestcentral {}\nstore p { engine cosmosdb regions eastus, germanywestcentral holds per-user document writes primary eastus replication sync consistency strong }\nservice api { regions eastus, germanywestcentral posture active-passive uses p objective write-latency p99 100ms }`,
            // Neither Azure region is in the measured table: the RTT comes from the distance, and the message says so.
            at: 'write-latency p99 100ms',
            says: [
                '2 × RTT eastus ↔ germanywestcentral',
                'RTT eastus ↔ germanywestcentral is estimated from 6,5',
                'km (docs/facts.md#rtt-from-distance: ≈ 1.6 ms per 100 km, residual σ ≈ 33 ms), not measured',
            ],
        },
    ],
});

ruleCases('unknown-latency', {
    valid: [
        {
            name: 'replicas in regions of the measured table',
            text: `${AWS}store s { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows }`,
        },
        {
            name: 'regions joined by a declared link',
            text: `topology T\nregion a { provider on-prem jurisdiction US }\nregion b { provider on-prem jurisdiction US }\nlink a <-> b { rtt 20ms }\nstore s { engine postgres regions a, b holds shared rows writes primary a replication async lag 1s consistency session }`,
        },
        {
            name: 'unmeasured regions that never talk to each other',
            text: `topology T\nregion a { provider on-prem jurisdiction US }\nregion b { provider on-prem jurisdiction US }\nstore s { engine postgres regions a holds shared rows }`,
        },
        {
            name: 'a replica in a region with a declared location, whose RTT is estimated from the distance',
            text: `${AWS}region eu-west-3 { location 48.8566, 2.3522 }\nstore s { engine dynamodb regions eu-west-1, eu-west-3 holds per-user rows }`,
        },
        {
            name: 'a failover between two located regions',
            text: `topology T\nregion a { provider on-prem jurisdiction US location 40, -75 }\nregion b { provider on-prem jurisdiction US location 35, -80 }\nservice api { regions a, b posture active-passive }\nfailover api { route dns ttl 60s drill every 30d }`,
        },
    ],
    invalid: [
        {
            name: 'a replica in a region with no location and no link',
            text: `${AWS}region eu-west-3 {}\nstore s { engine dynamodb regions eu-west-1, eu-west-3 holds per-user rows }`,
            at: 'regions eu-west-1, eu-west-3',
            severity: 'info',
            says: [
                'no RTT for eu-west-1 ↔ eu-west-3: no link, no measured value and no location',
                'latency rules skip this pair',
            ],
        },
        {
            name: 'a failover between two regions with no RTT, at the failover',
            text: `topology T\nregion a { provider on-prem jurisdiction US }\nregion b { provider on-prem jurisdiction US }\nservice api { regions a, b posture active-passive }\nfailover api { route dns ttl 60s drill every 30d }`,
            at: 'api',
            severity: 'info',
            says: ['no RTT for a ↔ b'],
        },
        {
            // C(8, 2) = 28 pairs: five are named, the other 23 counted.
            name: 'a store over eight regions with no RTT, naming a handful of pairs and counting the rest',
            text: `topology T\n${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `region r${i} { provider on-prem jurisdiction US }`).join('\n')}\nstore s { engine postgres regions r1, r2, r3, r4, r5, r6, r7, r8 holds shared rows writes primary r1 replication async lag 1s consistency session }`,
            at: 'regions r1, r2, r3, r4, r5, r6, r7, r8',
            severity: 'info',
            says: ['no RTT for 28 region pairs (r1 ↔ r2; r1 ↔ r3; r1 ↔ r4; r1 ↔ r5; r1 ↔ r6; and 23 more)'],
        },
    ],
});
