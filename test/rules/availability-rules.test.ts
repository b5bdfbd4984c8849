import { ruleCases } from './rule-cases.js';

const REGIONS = `topology Web
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
`;

ruleCases('single-region-spof', {
    valid: [
        { name: 'one region promising 99.9 %', text: `${REGIONS}service api { regions us-east-1 objective availability 99.9% }` },
        { name: 'one region promising 99.94 %', text: `${REGIONS}service api { regions us-east-1 objective availability 99.94% }` },
        { name: 'two regions promising 99.99 %', text: `${REGIONS}service api { regions us-east-1, us-west-2 posture active-active objective availability 99.99% }` },
        { name: 'a single-region service that only single-region services depend on', text: `${REGIONS}service auth { regions us-east-1 }\nservice api { regions us-east-1 depends-on auth }` },
    ],
    invalid: [
        {
            name: 'one region promising 99.95 %',
            text: `${REGIONS}service api { regions us-east-1 objective availability 99.95% }`,
            at: 'regions us-east-1', says: ['api runs only in us-east-1 but promises 99.95% availability, about 21 m 36 s of downtime a month', 'seven hours'],
        },
        {
            name: 'one region promising 99.99 %',
            text: `${REGIONS}service api { regions us-east-1 objective availability 99.99% }`,
            at: 'regions us-east-1', says: ['about 4 m 19 s of downtime a month'],
        },
        {
            name: 'a single-region router a multi-region API depends on',
            text: `${REGIONS}service zuul { regions us-east-1 }\nservice api { regions us-east-1, us-west-2 posture active-active depends-on zuul }`,
            at: 'regions us-east-1', says: ['zuul runs only in us-east-1, and api (us-east-1 and us-west-2) depends on it: losing us-east-1 takes api down in every region'],
        },
        {
            name: 'a single-region store a multi-region service writes',
            text: `${REGIONS}store config { engine postgres regions us-east-2 holds reference document }\nservice api { regions us-east-1, us-west-2 posture active-active uses config }`,
            at: 'regions us-east-2', says: ['config runs only in us-east-2, and api (us-east-1 and us-west-2) writes it'],
        },
    ],
});

const web = (regions: string, posture: string, capacity: string, failover = '') =>
    `${REGIONS}service web { regions ${regions} posture ${posture} capacity ${capacity} }\n${failover}`;

ruleCases('standby-capacity', {
    valid: [
        { name: 'two active regions at 100 % each', text: web('us-east-1, us-west-2', 'active-active', '100% per region') },
        { name: 'three active regions at 50 % each', text: web('us-east-1, us-east-2, us-west-2', 'active-active', '50% per region') },
        { name: 'a pilot light whose failover launches the standby capacity', text: web('us-east-1, us-west-2', 'pilot-light', 'us-east-1 100%, us-west-2 0%', 'failover web { route dns ttl 60s action launch-capacity web drill every 30d }') },
        { name: 'no declared capacity', text: `${REGIONS}service web { regions us-east-1, us-west-2 posture active-active }` },
    ],
    invalid: [
        {
            name: 'two active regions at 60 % each',
            text: web('us-east-1, us-west-2', 'active-active', '60% per region'),
            at: 'capacity 60% per region', says: ['losing us-east-1 leaves us-west-2 with capacity for 60% of the load: about 40% of requests fail'],
        },
        {
            name: 'a warm standby sized at half the primary',
            text: web('us-east-1, us-west-2', 'warm-standby', 'us-east-1 100%, us-west-2 50%'),
            at: 'capacity us-east-1 100%, us-west-2 50%', says: ['losing us-east-1 leaves us-west-2 with capacity for 50% of the load'],
        },
        {
            name: 'three active regions at 40 % each',
            text: web('us-east-1, us-east-2, us-west-2', 'active-active', '40% per region'),
            at: 'capacity 40% per region', says: ['leaves us-east-2 and us-west-2 with capacity for 80% of the load'],
        },
        {
            name: 'a pilot light with no action that launches capacity',
            text: web('us-east-1, us-west-2', 'pilot-light', 'us-east-1 100%, us-west-2 0%', 'failover web { route dns ttl 60s action shift-traffic drill every 30d }'),
            at: 'capacity us-east-1 100%, us-west-2 0%', says: ['capacity for 0% of the load', 'no failover action adds it'],
        },
    ],
});
