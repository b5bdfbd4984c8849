import { ruleCases } from './rule-cases.js';

const REGIONS = `topology Web
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
`;

ruleCases('single-region-spof', {
    valid: [
        {
            name: 'one region promising 99.9 %',
            text: `${REGIONS}service api { regions us-east-1 objective availability 99.9% }`,
        },
        {
            name: 'one region promising 99.94 %',
            text: `${REGIONS}service api { regions us-east-1 objective availability 99.94% }`,
        },
        {
            name: 'two regions promising 99.99 %',
            text: `${REGIONS}service api { regions us-east-1, us-west-2 posture active-active objective availability 99.99% }`,
        },
        {
            name: 'a single-region service that only single-region services depend on',
            text: `${REGIONS}service auth { regions us-east-1 }\nservice api { regions us-east-1 depends-on auth }`,
        },
    ],
    invalid: [
        {
            name: 'one region promising 99.95 %',
            text: `${REGIONS}service api { regions us-east-1 objective availability 99.95% }`,
            at: 'regions us-east-1',
            says: [
                'api runs only in us-east-1 but promises 99.95% availability, about 21 m 36 s of downtime a month',
                'seven hours',
            ],
        },
        {
            name: 'one region promising 99.99 %',
            text: `${REGIONS}service api { regions us-east-1 objective availability 99.99% }`,
            at: 'regions us-east-1',
            says: ['about 4 m 19 s of downtime a month'],
        },
        {
            name: 'a single-region router a multi-region API depends on',
            text: `${REGIONS}service zuul { regions us-east-1 }\nservice api { regions us-east-1, us-west-2 posture active-active depends-on zuul }`,
            at: 'regions us-east-1',
            says: [
                'zuul runs only in us-east-1, and api (us-east-1 and us-west-2) depends on it: losing us-east-1 takes api down in every region',
            ],
        },
        {
            name: 'a single-region store a multi-region service writes',
            text: `${REGIONS}store config { engine postgres regions us-east-2 holds reference document }\nservice api { regions us-east-1, us-west-2 posture active-active uses config }`,
            at: 'regions us-east-2',
            says: ['config runs only in us-east-2, and api (us-east-1 and us-west-2) writes it'],
        },
    ],
});

const web = (regions: string, posture: string, capacity: string, failover = '') =>
    `${REGIONS}service web { regions ${regions} posture ${posture} capacity ${capacity} }\n${failover}`;

ruleCases('standby-capacity', {
    valid: [
        {
            name: 'two active regions at 100 % each',
            text: web('us-east-1, us-west-2', 'active-active', '100% per region'),
        },
        // Users of a lost region all go to the nearest region left, as the simulation routes them: with the load even,
        // that region then carries 2/3 of it, so three regions need 67 % each.
        {
            name: 'three active regions at 67 % each',
            text: web('us-east-1, us-east-2, us-west-2', 'active-active', '67% per region'),
        },
        {
            name: 'a pilot light whose failover launches the standby capacity',
            text: web(
                'us-east-1, us-west-2',
                'pilot-light',
                'us-east-1 100%, us-west-2 0%',
                'failover web { route dns ttl 60s action launch-capacity web drill every 30d }',
            ),
        },
        {
            name: 'no declared capacity',
            text: `${REGIONS}service web { regions us-east-1, us-west-2 posture active-active }`,
        },
    ],
    invalid: [
        {
            name: 'two active regions at 60 % each',
            text: web('us-east-1, us-west-2', 'active-active', '60% per region'),
            at: 'capacity 60% per region',
            says: [
                'losing us-east-1 sends its users to us-west-2: us-west-2 then carries 100% of the load with capacity for 60% — about 40% of requests fail',
                'taken as even over the regions',
            ],
        },
        {
            name: 'a warm standby sized at half the primary',
            text: web('us-east-1, us-west-2', 'warm-standby', 'us-east-1 100%, us-west-2 50%'),
            at: 'capacity us-east-1 100%, us-west-2 50%',
            says: [
                'losing us-east-1 sends its users to us-west-2: us-west-2 then carries 100% of the load with capacity for 50% — about 50% of requests fail',
            ],
        },
        {
            // Even load, 1/3 per region: us-east-1's users go to us-east-2 (17 ms, the nearest), which carries 2/3.
            name: 'three active regions at 40 % each',
            text: web('us-east-1, us-east-2, us-west-2', 'active-active', '40% per region'),
            at: 'capacity 40% per region',
            says: [
                'losing us-east-1 sends its users to us-east-2: us-east-2 then carries 66.67% of the load with capacity for 40% — about 26.67% of requests fail',
                '(losing 2 other regions overload too)',
            ],
        },
        {
            // The case the old total-capacity check missed: 150 % left after any loss, but not where the users go.
            name: "three active regions at 50 % each, the lost region's users all sent to the nearest one",
            text: web('us-east-1, us-east-2, us-west-2', 'active-active', '50% per region'),
            at: 'capacity 50% per region',
            says: ['us-east-2 then carries 66.67% of the load with capacity for 50% — about 16.67% of requests fail'],
        },
        {
            // DynamoDB MRSC's workload (40/30/30): losing us-east-1 sends 40 % to us-east-2, which then carries 70 %.
            name: 'three active regions at 50 % each under a 40/30/30 workload',
            text: `${web('us-east-1, us-east-2, us-west-2', 'active-active', '50% per region')}workload w for web { writes 1000/s from us-east-1 40%, us-east-2 30%, us-west-2 30% }\n`,
            at: 'capacity 50% per region',
            says: [
                'losing us-east-1 sends its users to us-east-2: us-east-2 then carries 70% of the load with capacity for 50% — about 20% of requests fail',
            ],
        },
        {
            name: 'a pilot light with no action that launches capacity',
            text: web(
                'us-east-1, us-west-2',
                'pilot-light',
                'us-east-1 100%, us-west-2 0%',
                'failover web { route dns ttl 60s action shift-traffic drill every 30d }',
            ),
            at: 'capacity us-east-1 100%, us-west-2 0%',
            says: ['us-west-2 then carries 100% of the load with capacity for 0%', 'no failover action adds it'],
        },
    ],
});
