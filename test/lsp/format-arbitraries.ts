// Random syntactically valid .mregion files for the formatter's property tests: declarations of every kind
// with random clauses, rendered with random whitespace, blank lines and comments between any two tokens.
import fc from 'fast-check';

const names = fc.constantFrom('a1', 'b2', 'shop', 'ledger', 'us-east-1', 'eu-west-1', 'redis', 'shared', 'x_y');
const quantity = (...values: string[]) => fc.constantFrom(...values);
const list = (item: fc.Arbitrary<string>) =>
    fc.array(item, { minLength: 1, maxLength: 3 }).map((xs) => xs.flatMap((x, i) => (i === 0 ? [x] : [',', x])));
const clause = (...parts: (string | fc.Arbitrary<string | string[]>)[]) =>
    fc.tuple(...parts.map((p) => (typeof p === 'string' ? fc.constant(p) : p))).map((xs) => xs.flat());
const optional = (...parts: (string | fc.Arbitrary<string | string[]>)[]) =>
    fc.option(clause(...parts), { nil: undefined }).map((x) => x ?? []);
const block = (head: fc.Arbitrary<string[]>, clauses: fc.Arbitrary<string[]>[]) =>
    fc.tuple(head, fc.array(fc.oneof(...clauses), { maxLength: 6 })).map(([h, cs]) => [...h, '{', ...cs.flat(), '}']);

const objective = clause(
    'objective',
    fc
        .array(
            fc.oneof(
                clause('rto', quantity('5m', '30s')),
                clause('rpo', quantity('1s', '0s')),
                clause('availability', quantity('99.99%')),
                clause('write-latency', quantity('p99', 'p50'), quantity('150ms')),
                clause('cost', quantity('$5000/month')),
            ),
            { minLength: 1, maxLength: 3 },
        )
        .map((xs) => xs.flat()),
);

const region = block(clause('region', names), [
    clause('provider', fc.constantFrom('aws', 'gcp', 'azure', 'cloudflare', 'on-prem')),
    clause('jurisdiction', fc.constantFrom('EU', 'US', 'IN')),
    clause('location', quantity('48.85', '-23.5'), ',', quantity('2.35', '-46.6')),
    clause('city', quantity('"Paris"', '"São Paulo"')),
]);
const link = block(clause('link', names, '<->', names), [
    clause('rtt', quantity('76ms', '1s')),
    clause('egress', quantity('$0.02/GB')),
]);
const cell = block(clause('cell', names), [
    clause('regions', list(names)),
    clause('residency', fc.constantFrom('EU', 'US')),
]);
const store = block(clause('store', names, optional('per', 'cell')), [
    clause('engine', fc.constantFrom('dynamodb', 'aurora', 'cockroachdb', 'redis', 'custom')),
    clause('regions', list(names)),
    clause('replicas', quantity('2', '3')),
    clause('witness', names),
    clause('holds', fc.constantFrom('shared', 'per-user'), fc.constantFrom('rows', 'counter', 'set')),
    fc.oneof(clause('writes', 'any-region'), clause('writes', 'primary', optional(names))),
    fc.oneof(
        clause('replication', 'async', optional('lag', quantity('1s'))),
        clause('replication', 'consensus', optional('quorum', quantity('2'))),
        clause('replication', 'sync'),
    ),
    fc.oneof(
        clause('consistency', 'strong'),
        clause(
            'consistency',
            'bounded-staleness',
            optional('versions', quantity('10')),
            optional('time', quantity('5s')),
        ),
    ),
    fc.oneof(clause('conflicts', 'lww'), clause('conflicts', 'crdt', fc.constantFrom('or-set', 'pn-counter'))),
    clause('invariant', fc.constantFrom('unique', 'non-negative'), fc.constantFrom('id', 'balance')),
    clause('features', list(fc.constantFrom('ttl', 'streams', 'turbo-replication'))),
    clause('consumers', 'idempotent'),
    clause('checkpoint', 'every', quantity('10s')),
    clause(
        'backup',
        'every',
        quantity('1h'),
        optional('to', names),
        optional('immutable'),
        optional('pitr', quantity('7d')),
        optional('restore', quantity('500MB/s')),
    ),
    clause('size', quantity('5TB')),
    clause('caches', names, 'hit-rate', quantity('95%'), 'warm-up', quantity('10m')),
    clause('residency', 'EU'),
    objective,
]);
const service = block(clause('service', names, optional('per', 'cell')), [
    clause('regions', list(names)),
    clause('primary', names),
    clause('posture', fc.constantFrom('active-active', 'warm-standby', 'pilot-light')),
    fc.oneof(
        clause('capacity', quantity('100%'), 'per', 'region'),
        clause('capacity', list(clause(names, quantity('50%')).map((x) => x.join(' ')))),
    ),
    clause('retries', quantity('3'), optional('backoff', quantity('100ms'))),
    clause('quota', quantity('80%')),
    clause('uses', list(names)),
    clause('reads', list(names)),
    clause('depends-on', list(names)),
    clause('global-dependency', list(fc.constantFrom('iam', 'sts', 'route53-control', 'global-accelerator'))),
    objective,
]);
const failover = block(clause('failover', names, optional('from', names), optional('to', names)), [
    fc.oneof(
        clause(
            'detect',
            'health-check',
            optional('every', quantity('10s')),
            optional('threshold', quantity('3')),
            optional('timeout', quantity('4s')),
        ),
        clause('detect', 'manual', optional('after', quantity('15m'))),
    ),
    fc.oneof(
        clause(
            'route',
            'dns',
            optional('ttl', quantity('60s')),
            optional('tail', quantity('5%'), quantity('10m')),
            optional('providers', list(fc.constantFrom('r53', 'ns1'))),
        ),
        clause(
            'route',
            fc.constantFrom('anycast', 'global-accelerator', 's3-access-point', 'arc-routing-control', 'router'),
        ),
    ),
    clause(
        'action',
        fc.constantFrom('promote', 'shift-traffic', 'edit-dns', 'console'),
        optional(names),
        optional('in', names),
        optional('via', fc.constantFrom('control-plane', 'data-plane')),
        optional('takes', quantity('5m')),
    ),
    fc.oneof(clause('drill', 'every', quantity('30d')), clause('drill', 'never')),
]);
const workload = block(clause('workload', names, optional('for', names)), [
    clause(
        'writes',
        quantity('2000/s'),
        optional('from', list(clause(names, quantity('50%')).map((x) => x.join(' ')))),
    ),
    clause('reads', quantity('100/s')),
    clause('keys', quantity('1000000', '1_000'), optional('shared', quantity('1%'))),
    clause('item-size', quantity('1KB')),
]);
const scenario = block(clause('scenario', names), [
    clause('workload', list(names)),
    clause('duration', quantity('2h')),
    clause('resolution', quantity('1s')),
    clause('seed', quantity('42')),
    fc.oneof(
        clause('at', quantity('10m', '0s'), 'outage', optional('region'), names, 'for', quantity('1h')),
        clause('at', quantity('5m'), 'partition', names, '<->', names, 'for', quantity('5m')),
        clause('at', quantity('5m'), 'impair', 'control-plane', names, 'for', quantity('5m')),
        clause('at', quantity('5m'), 'lag-spike', optional(names), 'to', quantity('30s'), 'for', quantity('5m')),
        clause(
            'at',
            quantity('5m'),
            'flap',
            'health-check',
            optional(names),
            'in',
            names,
            optional('every', quantity('30s')),
            'for',
            quantity('5m'),
        ),
        clause(
            'at',
            quantity('5m'),
            'degrade',
            names,
            'in',
            names,
            optional('errors', quantity('30%')),
            optional('latency', '+2s'),
            'for',
            quantity('5m'),
        ),
        clause('at', quantity('5m'), 'fail', names, 'in', names, 'for', quantity('5m')),
        clause('at', quantity('5m'), 'corrupt', names),
    ),
    clause(
        'expect',
        fc.constantFrom('rto', 'lost-writes', 'availability'),
        optional('of', names),
        optional('in', names),
        fc.constantFrom('<=', '==', '>'),
        quantity('5m', '0', '99%'),
    ),
]);

const file = fc
    .tuple(
        fc.array(clause('import', quantity('"other.mregion"')), { maxLength: 2 }),
        fc.option(clause('topology', names, optional(quantity('"a system"'))), { nil: undefined }),
        fc.array(fc.oneof(region, link, cell, store, service, failover, workload, scenario), { maxLength: 6 }),
    )
    .map(([imports, topology, elements]) => [...imports.flat(), ...(topology ?? []), ...elements.flat()]);

/** What goes between two tokens: whitespace of any shape, or comments (a line comment always ends its line). */
const separator = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(' ', '  ', '\t', '\n', '\n\n', '\n\n\n', ' \n  ', '\r\n') },
    {
        weight: 1,
        arbitrary: fc.constantFrom(
            ' /* note */ ',
            '\n/* a\n   longer note */\n',
            ' // trailing\n',
            '\n// own line\n',
            '\n\n// after a blank\n',
        ),
    },
);

/** A syntactically valid file written with arbitrary whitespace and comments. */
export const messyFile: fc.Arbitrary<string> = file.chain((tokens) =>
    fc
        .tuple(
            fc.array(separator, { minLength: tokens.length + 1, maxLength: tokens.length + 1 }),
            fc.constantFrom('', '\n', '  \n\n'),
        )
        .map(([seps, end]) => tokens.map((t, i) => `${seps[i]}${t}`).join('') + end),
);
