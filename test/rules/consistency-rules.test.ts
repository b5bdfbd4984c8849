import { ruleCases } from './rule-cases.js';

const AWS = `topology Data
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
region eu-west-1 {}
region eu-west-2 {}
region eu-central-1 {}
region ap-south-1 {}
`;

const store = (body: string) => `${AWS}store db {\n${body}\n}\n`;

ruleCases('strong-needs-sync', {
    valid: [
        {
            name: 'Aurora Global with session consistency',
            text: store(
                `engine aurora\nregions us-east-1, us-west-2\nholds shared rows\nwrites primary us-east-1\nconsistency session`,
            ),
        },
        {
            name: 'strong consistency by consensus',
            text: store(
                `engine cockroachdb\nregions us-east-1, us-east-2, us-west-2\nholds shared rows\nconsistency strong`,
            ),
        },
        {
            name: 'DynamoDB MRSC: strong with synchronous replication',
            text: store(
                `engine dynamodb\nregions us-east-1, us-east-2, us-west-2\nholds shared rows\nreplication sync\nconsistency strong\nconflicts reject`,
            ),
        },
        {
            name: 'strong consistency in a single region',
            text: store(`engine postgres\nregions us-east-1\nholds shared rows\nconsistency strong`),
        },
        // Cassandra is synchronous across datacenters when the level says so (docs/facts.md#cassandra-multi-datacenter).
        {
            name: 'Cassandra writing at EACH_QUORUM, synchronous in every datacenter',
            text: store(
                `engine cassandra\nregions us-east-1, us-west-2\nholds per-user rows\nconsistency-level each-quorum\nconsistency strong`,
            ),
        },
        {
            name: 'Cassandra declared synchronous with EACH_QUORUM',
            text: store(
                `engine cassandra\nregions us-east-1, us-west-2\nholds per-user rows\nreplication sync\nconsistency-level each-quorum\nconsistency strong`,
            ),
        },
        {
            name: 'Cassandra lightweight transactions (SERIAL), Paxos across datacenters',
            text: store(
                `engine cassandra\nregions us-east-1, us-east-2, us-west-2\nholds shared rows\nconsistency-level serial\nconsistency strong`,
            ),
        },
    ],
    invalid: [
        {
            name: 'Aurora Global claimed strongly consistent',
            text: store(
                `engine aurora\nregions us-east-1, us-west-2\nholds shared rows\nwrites primary us-east-1\nconsistency strong`,
            ),
            at: 'consistency strong',
            says: [
                'replicates to us-west-2 asynchronously (≈ 1 s behind, docs/facts.md#aurora-global-lag)',
                'synchronous replication or consensus',
            ],
        },
        {
            name: 'a declared async lag under a strong claim',
            text: store(
                `engine postgres\nregions us-east-1, us-west-2\nholds shared rows\nwrites primary us-east-1\nreplication async lag 5s\nconsistency strong`,
            ),
            at: 'consistency strong',
            says: ['≈ 5 s behind'],
        },
        {
            name: 'Cassandra at its default LOCAL_QUORUM claimed strong',
            text: store(
                `engine cassandra\nregions us-east-1, us-west-2\nholds per-user rows\nreplication async lag 500ms\nconsistency strong`,
            ),
            at: 'consistency strong',
            says: ['replicates to us-west-2 asynchronously (≈ 500 ms behind)'],
        },
        {
            name: 'DynamoDB global tables in the default (MREC) mode claimed strong',
            text: store(`engine dynamodb\nregions us-east-1, us-west-2\nholds per-user rows\nconsistency strong`),
            at: 'consistency strong',
            says: ['asynchronously (≈ 1 s behind, docs/facts.md#dynamodb-mrec-lag)'],
        },
    ],
});

const mrsc = (regions: string, extra = '') =>
    store(
        `engine dynamodb\nregions ${regions}\nholds shared rows\nreplication sync\nconsistency strong\nconflicts reject${extra}`,
    );

ruleCases('mrsc-three-regions', {
    valid: [
        { name: 'three regions of the US set', text: mrsc('us-east-1, us-east-2, us-west-2') },
        {
            name: 'two EU regions and a witness in the EU set',
            text: mrsc('eu-west-1, eu-central-1', '\nwitness eu-west-2'),
        },
        {
            name: 'DynamoDB in the default MREC mode (not MRSC) in two regions',
            text: store(`engine dynamodb\nregions us-east-1, eu-west-1\nholds per-user rows`),
        },
    ],
    invalid: [
        {
            name: 'MRSC in two regions',
            text: mrsc('us-east-1, us-east-2'),
            at: 'regions us-east-1, us-east-2',
            says: ['exactly three regions', 'has 2 (us-east-1 and us-east-2)'],
        },
        {
            name: 'MRSC in four regions',
            text: mrsc('eu-west-1, eu-west-2, eu-central-1, eu-west-3').replace(
                'region ap-south-1 {}',
                'region ap-south-1 {}\nregion eu-west-3 {}',
            ),
            at: 'regions eu-west-1, eu-west-2, eu-central-1, eu-west-3',
            says: ['has 4'],
        },
        {
            name: 'MRSC spanning the US and EU sets',
            text: mrsc('us-east-1, us-east-2, eu-west-1'),
            at: 'regions us-east-1, us-east-2, eu-west-1',
            says: ['span more than one MRSC region set'],
        },
        {
            name: 'MRSC in a region of no set',
            text: mrsc('us-east-1, us-east-2, ap-south-1'),
            at: 'regions us-east-1, us-east-2, ap-south-1',
            says: ['ap-south-1 is in no MRSC region set'],
        },
        {
            name: 'MRSC with TTL and transactions',
            text: mrsc('us-east-1, us-east-2, us-west-2', '\nfeatures ttl, transactions'),
            at: 'features ttl, transactions',
            says: ['does not support TTL and transactions'],
        },
    ],
});

// Two Azure-like regions on the equator, 71.9457° apart: 8,000.0 km; 71.9547°: 8,001.0 km (haversine, R = 6371 km).
const cosmos = (lonB: string, extra = '') => `topology Far
region a { provider azure jurisdiction US location 0, 0 }
region b { provider azure jurisdiction US location 0, ${lonB} }
store profiles {
engine cosmosdb
regions a, b
holds per-user document
${extra || 'writes primary a'}
replication sync
consistency strong
}
`;

ruleCases('strong-distance-limit', {
    valid: [
        { name: 'strong across regions exactly 8,000 km apart', text: cosmos('71.945728') },
        {
            name: 'strong across regions 6,500 km apart (eastus and Frankfurt)',
            text: `topology T\nregion eastus {}\nregion germanywestcentral {}\nstore p { engine cosmosdb regions eastus, germanywestcentral holds per-user document writes primary eastus replication sync consistency strong }`,
        },
        {
            name: 'bounded staleness across the Pacific',
            text: `topology T\nregion eastus {}\nregion japaneast {}\nstore p { engine cosmosdb regions eastus, japaneast holds per-user document writes primary eastus replication async lag 1s consistency bounded-staleness versions 100000 time 300s }`,
        },
    ],
    invalid: [
        {
            name: 'strong across regions 8,001 km apart',
            text: cosmos('71.954722'),
            at: 'regions a, b',
            says: ['a and b are 8,001 km apart', 'more than 8,000 km apart (docs/facts.md#cosmos-strong-max-distance)'],
        },
        {
            name: 'strong across the Pacific, with the write latency it would cost',
            text: `topology T\nregion eastus {}\nregion japaneast {}\nstore p { engine cosmosdb regions eastus, japaneast holds per-user document writes primary eastus replication sync consistency strong }`,
            at: 'regions eastus, japaneast',
            says: ['10,874 km apart', 'every write would wait ≈ 358 ms'],
        },
        {
            name: 'strong with several write regions',
            text: cosmos('10', 'writes any-region\nconflicts lww'),
            at: 'writes any-region',
            says: ['several write regions'],
        },
    ],
});

ruleCases('consensus-quorum-survival', {
    valid: [
        {
            name: 'three regions, quorum 2',
            text: store(`engine cockroachdb\nregions us-east-1, us-east-2, us-west-2\nholds shared rows`),
        },
        {
            name: 'two regions and a witness',
            text: store(`engine cockroachdb\nregions us-east-1, us-west-2\nwitness us-east-2\nholds shared rows`),
        },
        {
            name: 'Spanner: two read-write regions of two replicas and a witness',
            text: store(
                `engine spanner\nregions us-east-1, us-west-2\nreplicas 4\nwitness us-east-2\nholds shared rows`,
            ),
        },
        {
            name: 'a single-region consensus store (zone survival)',
            text: store(`engine cockroachdb\nregions us-east-1\nholds shared rows`),
        },
    ],
    invalid: [
        {
            name: 'replicas in two regions only',
            text: store(`engine cockroachdb\nregions us-east-1, eu-west-1\nholds shared rows`),
            at: 'regions us-east-1, eu-west-1',
            says: ['losing us-east-1 or eu-west-1 leaves 1 of 2 voters, short of the quorum of 2'],
        },
        {
            name: 'a quorum of all three voters',
            text: store(
                `engine cockroachdb\nregions us-east-1, us-east-2, us-west-2\nholds shared rows\nreplication consensus quorum 3`,
            ),
            at: '3',
            says: ['leaves 2 of 3 voters, short of the quorum of 3'],
        },
        {
            name: 'four replicas split evenly over two regions',
            text: store(`engine cockroachdb\nregions us-east-1, us-west-2\nreplicas 4\nholds shared rows`),
            at: 'regions us-east-1, us-west-2',
            says: ['leaves 2 of 4 voters, short of the quorum of 3'],
        },
        {
            name: 'a per-cell ledger in two-region cells, at the cell’s regions',
            text: `${AWS}cell eu { regions eu-west-1, eu-central-1 residency EU }\ncell us { regions us-east-1, us-west-2 residency US }\nstore ledger per cell { engine cockroachdb holds shared rows }`,
            at: 'regions eu-west-1, eu-central-1',
            count: 2,
            says: ['losing eu-west-1 or eu-central-1 leaves 1 of 2 voters'],
        },
    ],
});
