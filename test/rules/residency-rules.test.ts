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
        {
            name: 'data with no declared residency anywhere',
            text: `${REGIONS}store logs { engine postgres regions eu-west-1, us-east-1 holds shared rows writes primary eu-west-1 replication async lag 1s consistency session }`,
        },
        {
            name: 'per-cell EU data in an EU cell',
            text: `${REGIONS}cell eu { regions eu-west-1, eu-central-1 residency EU }\nstore customers per cell { engine postgres holds per-user rows writes primary replication async lag 1s consistency session }`,
        },
        {
            name: 'Indian data in India',
            text: `${REGIONS}store payments { engine postgres regions ap-south-1 holds per-user rows residency IN }`,
        },
        {
            name: 'a service in an EU region reading EU data',
            text: `${customers('eu-west-1, eu-central-1')}service reports { regions eu-central-1 reads customers }`,
        },
        {
            name: 'EU data backed up to another EU region',
            text: customers('eu-west-1', 'EU', ' backup every 1h to eu-central-1'),
        },
    ],
    invalid: [
        {
            name: 'EU data backed up to Singapore, as an error: a backup is a full copy',
            text: customers('eu-west-1, eu-central-1', 'EU', ' backup every 1h to ap-southeast-1'),
            at: 'ap-southeast-1',
            severity: 'error',
            says: [
                'customers must stay in EU, but its backups are kept in ap-southeast-1 (SG), a full copy of the data',
                'no adequacy decision',
            ],
        },
        {
            name: 'EU data with a replica in a US region, as a warning',
            text: customers('eu-west-1, us-east-1'),
            at: 'regions eu-west-1, us-east-1',
            severity: 'warning',
            says: ['customers must stay in EU, but a replica is in us-east-1 (US)', 'EU-US Data Privacy Framework'],
        },
        {
            name: 'EU data with a replica in Singapore, as an error',
            text: customers('eu-west-1, ap-southeast-1'),
            at: 'regions eu-west-1, ap-southeast-1',
            severity: 'error',
            says: ['ap-southeast-1 (SG)', 'outside the EU/EEA'],
        },
        {
            name: 'EU data with a replica in London (adequacy), as a warning',
            text: customers('eu-west-1, eu-west-2'),
            at: 'regions eu-west-1, eu-west-2',
            severity: 'warning',
            says: ['UK (the United Kingdom) has an EU adequacy decision'],
        },
        {
            name: 'Indian data replicated to the US',
            text: customers('ap-south-1, us-east-1', 'IN'),
            at: 'regions ap-south-1, us-east-1',
            severity: 'error',
            says: ['must stay in IN', 'declares this data resident in IN'],
        },
        {
            name: 'a per-cell store whose EU cell includes a US region, at the cell’s regions',
            text: `${REGIONS}cell eu { regions eu-west-1, us-east-1 residency EU }\nstore customers per cell { engine postgres holds per-user rows writes primary replication async lag 1s consistency session }`,
            at: 'regions eu-west-1, us-east-1',
            severity: 'warning',
            says: ['must stay in EU (from cell eu)'],
        },
        {
            name: 'a service in a US region writing EU data',
            text: `${customers('eu-west-1, eu-central-1')}service crm { regions eu-west-1, us-east-1 posture active-active uses customers }`,
            at: 'uses customers',
            severity: 'warning',
            says: ['crm writes customers from us-east-1 (US), but customers must stay in EU'],
        },
        // The adequacy list of docs/facts.md#eu-adequacy-decisions (European Commission, Art. 45 GDPR): a replica in any of these is a warning.
        ...[
            { region: 'ca-central-1', jurisdiction: 'CA', country: 'Canada (commercial organisations)' },
            { region: 'ap-northeast-1', jurisdiction: 'JP', country: 'Japan' },
            { region: 'ap-northeast-2', jurisdiction: 'KR', country: 'the Republic of Korea' },
            { region: 'eu-central-2', jurisdiction: 'CH', country: 'Switzerland' },
            { region: 'il-central-1', jurisdiction: 'IL', country: 'Israel' },
            {
                region: 'nz-dc',
                jurisdiction: 'NZ',
                country: 'New Zealand',
                declared: '{ provider on-prem jurisdiction NZ }',
            },
            {
                region: 'uy-dc',
                jurisdiction: 'UY',
                country: 'Uruguay',
                declared: '{ provider on-prem jurisdiction UY }',
            },
            {
                region: 'ar-dc',
                jurisdiction: 'AR',
                country: 'Argentina',
                declared: '{ provider on-prem jurisdiction AR }',
            },
        ].map(({ region, jurisdiction, country, declared }) => ({
            name: `EU data with a replica in ${region} (${country}, adequacy), as a warning`,
            text: customers(`eu-west-1, ${region}`).replace(
                'region ap-south-1 {}',
                `region ap-south-1 {}\nregion ${region} ${declared ?? '{}'}`,
            ),
            at: `regions eu-west-1, ${region}`,
            severity: 'warning' as const,
            says: [`${jurisdiction} (${country}) has an EU adequacy decision`, '(docs/facts.md#eu-adequacy-decisions)'],
        })),
        // Facts §14: Brazil, India, Singapore, Australia, Hong Kong, Indonesia, the Gulf states and South Africa have none.
        ...[
            'sa-east-1',
            'ap-south-1',
            'ap-southeast-2',
            'ap-east-1',
            'ap-southeast-3',
            'me-central-1',
            'af-south-1',
        ].map((region) => ({
            name: `EU data with a replica in ${region}, which has no adequacy decision, as an error`,
            text: customers(`eu-west-1, ${region}`).replace(
                'region ap-south-1 {}',
                region === 'ap-south-1' ? 'region ap-south-1 {}' : `region ap-south-1 {}\nregion ${region} {}`,
            ),
            at: `regions eu-west-1, ${region}`,
            severity: 'error' as const,
            says: ['outside the EU/EEA with no adequacy decision'],
        })),
        {
            name: 'a service in a US region reading EU data, a transfer by remote access',
            text: `${customers('eu-west-1, eu-central-1')}service analytics { regions us-east-1 reads customers }`,
            at: 'reads customers',
            severity: 'warning',
            says: [
                'analytics reads customers from us-east-1 (US), but customers must stay in EU',
                'transfers it as much as a replica there does (EDPB Guidelines 05/2021, docs/facts.md#eu-adequacy-decisions)',
                'EU-US Data Privacy Framework',
            ],
        },
        {
            name: 'a service in Singapore reading EU data, as a warning that says there is no adequacy decision',
            text: `${customers('eu-west-1, eu-central-1')}service support { regions ap-southeast-1 reads customers }`,
            at: 'reads customers',
            severity: 'warning',
            says: ['support reads customers from ap-southeast-1 (SG)', 'no adequacy decision'],
        },
        {
            name: 'an EU consensus store with its witness in Singapore',
            text: `${REGIONS}store ledger { engine cockroachdb regions eu-west-1, eu-central-1 witness ap-southeast-1 holds shared rows residency EU }`,
            at: 'witness ap-southeast-1',
            severity: 'error',
            says: ['its witness in ap-southeast-1 (SG) keeps the replication log'],
        },
    ],
});

ruleCases('cross-cell-write', {
    valid: [
        {
            name: 'a per-cell service writing its cell’s store',
            text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore shop per cell { engine postgres holds per-tenant rows }\nservice front per cell { uses shop }`,
        },
        {
            name: 'a per-cell service reading a global store',
            text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore catalog { engine postgres regions eu-west-1 holds reference rows }\nservice front per cell { reads catalog }`,
        },
        {
            name: 'a global service writing a global store',
            text: `${REGIONS}store catalog { engine postgres regions eu-west-1 holds reference rows }\nservice admin { regions eu-west-1 uses catalog }`,
        },
    ],
    invalid: [
        {
            name: 'a per-cell service writing a global store',
            text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore shop per cell { engine postgres holds per-tenant rows }\nstore orders { engine postgres regions eu-west-1 holds shared rows }\nservice front per cell { uses shop, orders }`,
            at: 'uses shop, orders',
            says: ['front runs per cell but writes orders, a global store every cell shares', 'blast radius'],
        },
        {
            name: 'each of two global stores a per-cell service writes',
            text: `${REGIONS}cell a { regions eu-west-1 }\ncell b { regions eu-central-1 }\nstore orders { engine postgres regions eu-west-1 holds shared rows }\nstore audit { engine postgres regions eu-central-1 holds shared rows }\nservice front per cell { uses orders, audit }`,
            at: 'uses orders, audit',
            count: 2,
            says: ['writes orders, a global store'],
        },
        {
            name: 'a global store written from cells that share a region',
            text: `${REGIONS}cell a { regions eu-west-1, eu-central-1 }\ncell b { regions eu-central-1, eu-west-1 }\nstore sessions { engine dynamodb regions eu-west-1, eu-central-1 holds per-user rows }\nservice front per cell { posture active-passive uses sessions }`,
            at: 'uses sessions',
            says: ['front runs per cell but writes sessions'],
        },
    ],
});
