import { ruleCases } from './rule-cases.js';

const STORE = (clauses: string, replication = 'replication async lag 1s', regions = 'us-east-1, us-west-2') =>
    `store carts { engine dynamodb regions ${regions} holds per-user rows writes any-region ${replication} ${clauses} }`;
const DESIGN = (
    store: string,
    fault = 'at 5m partition us-east-1 <-> us-west-2 for 10m',
    workload = 'shopping',
) => `topology Carts
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
${store}
workload shopping for carts { writes 1000/s from us-east-1 50%, us-west-2 50%  keys 100000  item-size 1KB }
scenario split { workload ${workload}  duration 40m  ${fault} }
`;

ruleCases('catch-up-undeclared', {
    valid: [
        { name: 'a store with a declared catch-up rate', text: DESIGN(STORE('catch-up 1500/s')) },
        { name: 'a store with a catch-up throughput', text: DESIGN(STORE('catch-up 20MB/s')) },
        {
            name: 'a scenario with no fault between the replicas',
            text: DESIGN(STORE(''), 'at 5m outage region eu-west-1 for 10m'),
        },
        {
            name: 'a partition with a region the store is not in',
            text: DESIGN(STORE(''), 'at 5m partition us-east-1 <-> eu-west-1 for 10m'),
        },
        { name: 'a destroyed region, which never heals', text: DESIGN(STORE(''), 'at 5m destroy region us-west-2') },
        {
            name: 'a consensus store, which keeps no backlog',
            text: DESIGN(STORE('', 'replication consensus', 'us-east-1, us-west-2, eu-west-1')),
        },
    ],
    invalid: [
        {
            name: 'a partition between its replicas that heals after 10 minutes',
            text: DESIGN(STORE('')),
            at: 'replication async lag 1s',
            severity: 'info',
            says: [
                "scenario split heals the partition us-east-1 ↔ us-west-2 after 10 m, but store carts declares no 'catch-up'",
                'drain time it reports (one lag, 1 s) is a lower bound',
                'docs/facts.md#catch-up-rate',
            ],
        },
        {
            name: 'an outage of one of its regions',
            text: DESIGN(STORE(''), 'at 5m outage region us-west-2 for 2m'),
            at: 'replication async lag 1s',
            severity: 'info',
            says: ['heals the outage of us-west-2 after 2 m'],
        },
    ],
});
