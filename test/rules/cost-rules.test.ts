import { ruleCases } from './rule-cases.js';

const DESIGN = (
    objective: string,
    workload = 'workload w for orders { writes 300/s from us-east-1 100%  item-size 2KB }',
) => `topology Orders
region us-east-1 {}
region eu-west-1 {}
store db { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }
service orders { regions us-east-1, eu-west-1 posture warm-standby uses db ${objective} }
${workload}
`;

ruleCases('egress-cost', {
    valid: [
        { name: 'an estimate of ≈ $31/month under a $50/month objective', text: DESIGN('objective cost $50/month') },
        { name: 'no cost objective', text: DESIGN('') },
        { name: 'no workload to estimate from', text: DESIGN('objective cost $1/month', '') },
        {
            name: 'a cache per region (replication none), which ships nothing between regions, under a $1/month objective',
            text: DESIGN('objective cost $1/month').replace(
                'store db { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }',
                'store db { engine redis regions us-east-1, eu-west-1 holds per-user document writes any-region replication none consistency eventual conflicts lww }',
            ),
        },
    ],
    invalid: [
        {
            name: 'an estimate of ≈ $31/month over a $20/month objective',
            text: DESIGN('objective cost $20/month'),
            at: 'cost $20/month',
            says: [
                'cross-region replication alone costs ≈ $31.1/month, above the cost objective of $20/month',
                'db ≈ $31.1 (300 writes/s × 2 KB × 1 other region × $0.02/GB over 30 days)',
            ],
        },
        {
            name: 'two stores under the objective alone but over it together',
            text: DESIGN('objective cost $50/month')
                .replace('uses db', 'uses db, log')
                .replace(
                    'service orders',
                    'store log { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session }\nservice orders',
                ),
            at: 'cost $50/month',
            says: ['≈ $62.21/month', 'db ≈ $31.1', 'log ≈ $31.1'],
        },
        {
            name: 'a store’s own cost objective',
            text: DESIGN('').replace('consistency session }', 'consistency session objective cost $10/month }'),
            at: 'cost $10/month',
            says: ['above the cost objective of $10/month'],
        },
    ],
});
