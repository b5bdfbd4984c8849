import { ruleCases } from './rule-cases.js';

const REGIONS = `topology Shop
region us-east-1 {}
region eu-west-1 {}
region us-west-2 {}
`;

const store = (body: string, name = 'carts') => `${REGIONS}store ${name} {\n${body}\n}\n`;

ruleCases('lww-on-shared-state', {
    valid: [
        {
            name: 'per-user data resolved by last-write-wins',
            text: store(`engine dynamodb\nregions us-east-1, eu-west-1\nholds per-user rows`),
        },
        {
            name: 'a shared counter written only in each key’s home region',
            text: store(
                `engine dynamodb\nregions us-east-1, eu-west-1\nholds shared counter\nwrites home-region\nconflicts lww`,
            ),
        },
        {
            name: 'a shared counter merged by a PN-counter CRDT',
            text: store(
                `engine dynamodb\nregions us-east-1, eu-west-1\nholds shared counter\nconflicts crdt pn-counter`,
            ),
        },
        {
            name: 'a shared counter in one region',
            text: store(`engine dynamodb\nregions us-east-1\nholds shared counter`),
        },
        {
            name: 'shared data with one primary writer',
            text: store(
                `engine aurora\nregions us-east-1, eu-west-1\nholds shared rows\nwrites primary us-east-1\nconsistency session`,
            ),
        },
    ],
    invalid: [
        {
            name: 'LWW on a shared cart written in two regions',
            text: store(
                `engine dynamodb\nregions us-east-1, eu-west-1\nholds shared counter\nwrites any-region\nconflicts lww`,
            ),
            at: 'conflicts lww',
            says: ['written in us-east-1 and eu-west-1', 'discarded silently', 'DynamoDB MREC'],
        },
        {
            name: 'LWW in Workers KV, which keeps the last write and logs nothing',
            text: store(
                `engine workers-kv\nregions us-east-1, eu-west-1\nholds shared rows\nwrites any-region\nreplication async lag 60s\nconflicts lww`,
            ),
            at: 'conflicts lww',
            says: ['one is discarded silently (Workers KV keeps the last write and logs nothing)'],
        },
        {
            name: 'the DynamoDB MREC defaults on a shared counter, at the engine that implies them',
            text: store(`engine dynamodb\nregions us-east-1, eu-west-1\nholds shared counter`),
            at: 'engine dynamodb',
        },
        {
            name: 'a shared counter with a workload, with the expected lost writes a day',
            text: `${store(`engine dynamodb\nregions us-east-1, eu-west-1\nholds shared counter\nwrites any-region`)}workload holiday for carts { writes 500/s from us-east-1 50%, eu-west-1 50%  keys 10000 shared 20% }`,
            at: 'writes any-region',
            says: ['Workload holiday: ≈ 205,000 lost writes a day', '20% of 10,000 keys shared'],
        },
        {
            name: 'LWW on shared rows that also declare an invariant, as an error',
            text: store(
                `engine cassandra\nregions us-east-1, eu-west-1, us-west-2\nholds shared rows\nreplication async lag 500ms\nconsistency eventual\nconflicts lww\ninvariant unique email`,
            ),
            at: 'conflicts lww',
            severity: 'error',
            says: ['invariant unique email cannot hold either', 'Cassandra'],
        },
    ],
});

ruleCases('crdt-cannot-keep-invariant', {
    valid: [
        {
            name: 'a unique key kept by consensus',
            text: store(
                `engine cockroachdb\nregions us-east-1, eu-west-1, us-west-2\nholds shared rows\ninvariant unique email`,
            ),
        },
        {
            name: 'a non-negative counter kept by an escrow counter',
            text: store(
                `engine custom\nregions us-east-1, eu-west-1\nholds shared counter\nwrites any-region\nreplication async lag 1s\nconsistency eventual\nconflicts crdt bounded-counter\ninvariant non-negative stock`,
            ),
        },
        {
            name: 'a non-negative balance written only in each key’s home region',
            text: store(
                `engine dynamodb\nregions us-east-1, eu-west-1\nholds per-user counter\nwrites home-region\nconflicts lww\ninvariant non-negative balance`,
            ),
        },
        {
            name: 'a unique key with a single primary writer',
            text: store(
                `engine aurora\nregions us-east-1, eu-west-1\nholds shared rows\nwrites primary us-east-1\nconsistency session\ninvariant unique order_id`,
            ),
        },
    ],
    invalid: [
        {
            name: 'a non-negative stock merged by a PN-counter',
            text: store(
                `engine custom\nregions us-east-1, eu-west-1\nholds shared counter\nwrites any-region\nreplication async lag 1s\nconsistency eventual\nconflicts crdt pn-counter\ninvariant non-negative stock`,
            ),
            at: 'invariant non-negative stock',
            says: ['the pn-counter CRDT', 'below zero', 'docs/facts.md#crdt-limits'],
        },
        {
            name: 'a unique email under last-write-wins in two regions',
            text: store(`engine dynamodb\nregions us-east-1, eu-west-1\nholds shared rows\ninvariant unique email`),
            at: 'invariant unique email',
            says: ['last-write-wins', 'the same email'],
        },
        {
            name: 'references kept by vector clocks',
            text: store(
                `engine custom\nregions us-east-1, eu-west-1\nholds shared document\nwrites any-region\nreplication async lag 1s\nconsistency eventual\nconflicts vector-clocks\ninvariant references owner`,
            ),
            at: 'invariant references owner',
            says: ['vector clocks', 'dangling'],
        },
        {
            name: 'a unique name across keys homed in different regions',
            text: store(
                `engine dynamodb\nregions us-east-1, eu-west-1\nholds per-user rows\nwrites home-region\nconflicts lww\ninvariant unique username`,
            ),
            at: 'invariant unique username',
            says: ['keys homed in different regions'],
        },
        {
            name: 'each of two invariants a CRDT cannot keep',
            text: store(
                `engine custom\nregions us-east-1, eu-west-1\nholds shared counter\nwrites any-region\nreplication async lag 1s\nconsistency eventual\nconflicts crdt pn-counter\ninvariant unique sku\ninvariant non-negative stock`,
            ),
            at: 'invariant unique sku',
            count: 2,
        },
    ],
});

const crdtStore = (shape: string, crdt: string, extra = '') =>
    store(
        `engine custom\nregions us-east-1, eu-west-1\nholds shared ${shape}\nwrites any-region\nreplication async lag 1s\nconsistency eventual\nconflicts crdt ${crdt}${extra}`,
    );

ruleCases('crdt-shape-mismatch', {
    valid: [
        { name: 'a PN-counter on a counter', text: crdtStore('counter', 'pn-counter') },
        { name: 'an OR-set on a set', text: crdtStore('set', 'or-set') },
        { name: 'an RGA on a sequence', text: crdtStore('sequence', 'rga') },
        { name: 'an MV-register on a register', text: crdtStore('register', 'mv-register') },
        { name: 'an OR-map on a document', text: crdtStore('document', 'or-map') },
    ],
    invalid: [
        {
            name: 'a G-counter on a set',
            text: crdtStore('set', 'g-counter'),
            at: 'conflicts crdt g-counter',
            says: ['g-counter merges counters', 'holds a set', 'fits or-set'],
        },
        {
            name: 'an OR-set on a register',
            text: crdtStore('register', 'or-set'),
            at: 'conflicts crdt or-set',
            says: ['fits mv-register'],
        },
        {
            name: 'an RGA on a counter',
            text: crdtStore('counter', 'rga'),
            at: 'conflicts crdt rga',
            says: ['fits pn-counter'],
        },
        {
            // Rows are plural: no article, and "rows", not "rowss", in the list of what an OR-map merges.
            name: 'a G-counter on shared rows',
            text: crdtStore('rows', 'g-counter'),
            at: 'conflicts crdt g-counter',
            says: [
                'g-counter merges counters, but carts holds rows: its merge has no meaning for this data. Rows fit or-map (docs/facts.md#crdt-limits)',
            ],
        },
        {
            name: 'an OR-map on a counter',
            text: crdtStore('counter', 'or-map'),
            at: 'conflicts crdt or-map',
            says: [
                'or-map merges documents or rows, but carts holds a counter: its merge has no meaning for this data. A counter fits pn-counter (docs/facts.md#crdt-limits)',
            ],
        },
        {
            name: 'an OR-set on a counter that must stay non-negative, suggesting the escrow counter',
            text: crdtStore('counter', 'or-set', '\ninvariant non-negative stock'),
            at: 'conflicts crdt or-set',
            says: ['fits bounded-counter'],
        },
    ],
});
