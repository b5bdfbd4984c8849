import { ruleCases } from './rule-cases.js';

const REGIONS = `topology Customers
region eu-west-1 {}
region eu-central-1 {}
region eu-west-2 {}
region us-east-1 {}
region ap-southeast-1 {}
region ap-south-1 {}
`;
const customers = (regions: string, residency = 'EU', extra = '') =>
    `${REGIONS}store customers { engine postgres regions ${regions} holds per-user rows writes primary ${regions.split(',')[0]} replication async lag 1s consistency session residency ${residency}${extra} }\n`;

ruleCases('residency-violation', {
    valid: [
        { name: 'EU data in two EU regions', text: customers('eu-west-1, eu-central-1') },
        { name: 'data with no declared residency anywhere', text: `${REGIONS}store logs { engine postgres regions eu-west-1, us-east-1 holds shared rows writes primary eu-west-1 replication async lag 1s consistency session }` },
        { name: 'per-cell EU data in an EU cell', text: `${REGIONS}cell eu { regions eu-west-1, eu-central-1 residency EU }\nstore customers per cell { engine postgres holds per-user rows writes primary replication async lag 1s consistency session }` },
        { name: 'Indian data in India', text: `${REGIONS}store payments { engine postgres regions ap-south-1 holds per-user rows residency IN }` },
    ],
    invalid: [
        {
            name: 'EU data with a replica in a US region, as a warning',
            text: customers('eu-west-1, us-east-1'),
            at: 'regions eu-west-1, us-east-1', severity: 'warning', says: ['customers must stay in EU, but a replica is in us-east-1 (US)', 'EU-US Data Privacy Framework'],
        },
        {
            name: 'EU data with a replica in Singapore, as an error',
            text: customers('eu-west-1, ap-southeast-1'),
            at: 'regions eu-west-1, ap-southeast-1', severity: 'error', says: ['ap-southeast-1 (SG)', 'outside the EU/EEA'],
        },
        {
            name: 'EU data with a replica in London (adequacy), as a warning',
            text: customers('eu-west-1, eu-west-2'),
            at: 'regions eu-west-1, eu-west-2', severity: 'warning', says: ['UK has an EU adequacy decision'],
        },
        {
            name: 'Indian data replicated to the US',
            text: customers('ap-south-1, us-east-1', 'IN'),
            at: 'regions ap-south-1, us-east-1', severity: 'error', says: ['must stay in IN', 'declares this data resident in IN'],
        },
        {
            name: 'a per-cell store whose EU cell includes a US region, at the cell’s regions',
            text: `${REGIONS}cell eu { regions eu-west-1, us-east-1 residency EU }\nstore customers per cell { engine postgres holds per-user rows writes primary replication async lag 1s consistency session }`,
            at: 'regions eu-west-1, us-east-1', severity: 'warning', says: ['must stay in EU (from cell eu)'],
        },
        {
            name: 'a service in a US region writing EU data',
            text: `${customers('eu-west-1, eu-central-1')}service crm { regions eu-west-1, us-east-1 posture active-active uses customers }`,
            at: 'uses customers', severity: 'warning', says: ['crm writes customers from us-east-1 (US), but customers must stay in EU'],
        },
        {
            name: 'an EU consensus store with its witness in Singapore',
            text: `${REGIONS}store ledger { engine cockroachdb regions eu-west-1, eu-central-1 witness ap-southeast-1 holds shared rows residency EU }`,
            at: 'witness ap-southeast-1', severity: 'error', says: ['its witness in ap-southeast-1 (SG) keeps the replication log'],
        },
    ],
});

ruleCases('cross-cell-write', {
    valid: [
        { name: 'a per-cell service writing its cell’s store', text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore shop per cell { engine postgres holds per-tenant rows }\nservice front per cell { uses shop }` },
        { name: 'a per-cell service reading a global store', text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore catalog { engine postgres regions eu-west-1 holds reference rows }\nservice front per cell { reads catalog }` },
        { name: 'a global service writing a global store', text: `${REGIONS}store catalog { engine postgres regions eu-west-1 holds reference rows }\nservice admin { regions eu-west-1 uses catalog }` },
    ],
    invalid: [
        {
            name: 'a per-cell service writing a global store',
            text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore shop per cell { engine postgres holds per-tenant rows }\nstore orders { engine postgres regions eu-west-1 holds shared rows }\nservice front per cell { uses shop, orders }`,
            at: 'uses shop, orders', says: ['front runs per cell but writes orders, a global store every cell shares', 'blast radius'],
        },
        {
            name: 'each of two global stores a per-cell service writes',
            text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore orders { engine postgres regions eu-west-1 holds shared rows }\nstore audit { engine postgres regions eu-central-1 holds shared rows }\nservice front per cell { uses orders, audit }`,
            at: 'uses orders, audit', count: 2, says: ['writes orders, a global store'],
        },
        {
            name: 'a global store written from cells that share a region',
            text: `${REGIONS}cell a { regions eu-west-1, eu-central-1 }\ncell b { regions eu-central-1, eu-west-1 }\nstore sessions { engine dynamodb regions eu-west-1, eu-central-1 holds per-user rows }\nservice front per cell { posture active-passive uses sessions }`,
            at: 'uses sessions', says: ['front runs per cell but writes sessions'],
        },
    ],
});
