// Grammar-aware random designs: every declaration kind of the language (topology, region, link, cell, store,
// service, failover, workload, scenario) with every clause the grammar offers, random layout, comments,
// suppression comments and line endings, and sometimes a second file the design imports.
// Two styles: `clean` designs declare what the builder needs and reference only what they declare, so most of
// them reach the simulator and the exporter complete (design-rule findings included); `messy` ones add junk
// values, unresolved references, missing and repeated clauses and broken imports, as a file being edited has.
import fc from 'fast-check';
import { ENGINES as ENGINE_FACTS } from '../../../language/semantics/facts/defaults.js';
import { quantities, type Quantities } from './quantities.js';

export const REGION_POOL = [
    'us-east-1',
    'us-east-2',
    'us-west-2',
    'eu-west-1',
    'eu-central-1',
    'eu-west-3',
    'ap-southeast-1',
    'ap-northeast-1',
    'ap-south-1',
    'sa-east-1',
    'europe-west1',
    'eastus',
    'dc-1',
    'lab',
] as const;
const AWS_REGIONS: ReadonlySet<string> = new Set(REGION_POOL.filter((r) => /^[a-z]{2}-[a-z]+-[0-9]$/.test(r)));
const PROVIDERS = ['aws', 'aws', 'aws', 'gcp', 'azure', 'cloudflare', 'on-prem'];
// A known region code under another provider is an error of its own (region-provider-mismatch) that blocks the
// simulation: keep it rare, so most generated designs still reach the later stages.
const OWN_PROVIDER: Readonly<Record<string, string>> = { 'europe-west1': 'gcp', eastus: 'azure' };
function providersOf(name: string): readonly string[] {
    const own = AWS_REGIONS.has(name) ? 'aws' : OWN_PROVIDER[name];
    return own === undefined ? PROVIDERS : [own, own, own, own, own, own === 'aws' ? 'gcp' : 'aws'];
}
const JURISDICTIONS = ['EU', 'US', 'IN', 'UK', 'CH', 'BR', 'JP', 'XX'];
// Every engine the language has (the facts table is total over them), so a new engine is fuzzed from day one.
const ENGINES = Object.keys(ENGINE_FACTS);
const HOLDS = ['shared', 'per-user', 'per-tenant', 'reference'];
const SHAPES = ['rows', 'counter', 'set', 'register', 'document', 'sequence', 'blob'];
const CRDTS = [
    'g-counter',
    'pn-counter',
    'bounded-counter',
    'g-set',
    'two-phase-set',
    'or-set',
    'lww-register',
    'mv-register',
    'rga',
    'or-map',
];
const FEATURES = ['ttl', 'local-secondary-index', 'transactions', 'streams', 'turbo-replication'];
const POSTURES = ['active-active', 'active-passive', 'warm-standby', 'pilot-light', 'backup-restore'];
const ACTIONS = [
    'promote',
    'launch-capacity',
    'scale-out',
    'edit-dns',
    'flip-routing-control',
    'restore-backup',
    'shift-traffic',
    'rehome',
    'accept-outage',
    'console',
    'create-resources',
    'update-health-check',
    'invalidate-cache',
    'notify',
];
const METRICS = [
    'rto',
    'rpo',
    'availability',
    'lost-writes',
    'discarded-writes',
    'merges',
    'siblings',
    'rejected-writes',
    'stale-reads',
    'write-latency',
    'detection',
    'cost',
];
const COMPARISONS = ['<=', '<', '==', '>=', '>'];
// Names that are also value words of the language are legal names (a store called `redis`, a cell called `shared`).
const STORE_NAMES = ['orders', 'carts', 'ledger', 'sessions', 'redis', 'shared', 'blobs'];
const SERVICE_NAMES = ['api', 'web', 'payments', 'checkout', 'primary'];
const CELL_NAMES = ['eu', 'us', 'cell-a', 'cache'];
const WORKLOAD_NAMES = ['peak', 'steady', 'burst'];
const SCENARIO_NAMES = ['lose-east', 'split', 'drill-1', 'quiet'];
const RULE_CODES = [
    'lww-on-shared-state',
    'dns-ttl-too-long',
    'failover-never-rehearsed',
    'unknown-latency',
    'single-region-spof',
    'no-such-rule',
];

export interface GeneratedDesign {
    readonly main: string;
    /** Other files by name; the main file imports each of them. */
    readonly others: Readonly<Record<string, string>>;
}

/** A string literal: plain words mostly, sometimes any unicode, escapes, quotes, `${…}` or comment markers. */
export const stringLiteral: fc.Arbitrary<string> = fc
    .oneof(
        { arbitrary: fc.constantFrom('EU/US payments', 'Paris', 'generated', ''), weight: 6 },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }), weight: 2 },
        {
            arbitrary: fc.constantFrom(
                '${process.exit(1)}',
                '*/ evil() /*',
                "it's",
                'back\\slash',
                '"quoted"',
                '../../etc/passwd',
                '\u2028',
            ),
            weight: 2,
        },
    )
    .map((text) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]/g, ' ')}"`);

interface Names {
    readonly regions: readonly string[];
    readonly stores: readonly string[];
    readonly services: readonly string[];
    readonly cells: readonly string[];
    readonly workloads: readonly string[];
}

/** Builds the declarations of one style; `names` are what the design declares. */
class Generator {
    private readonly q: Quantities;

    constructor(
        private readonly messy: boolean,
        private readonly n: Names,
    ) {
        this.q = quantities(messy);
    }

    /** `arb`, or null one time in `freq` (fractional: 1.25 keeps it one time in five). Essential clauses of a clean design are always there. */
    maybe<T>(arb: fc.Arbitrary<T>, freq = 5, essential = false): fc.Arbitrary<T | null> {
        if (essential && !this.messy) return arb;
        const absent = Math.round(100 / freq);
        return fc.oneof({ arbitrary: arb, weight: 100 - absent }, { arbitrary: fc.constant(null), weight: absent });
    }

    /** Mostly a declared name; in a messy design sometimes a name from the pool that may not be declared. */
    ref(declared: readonly string[], pool: readonly string[]): fc.Arbitrary<string> {
        if (declared.length === 0) return fc.constantFrom(...pool);
        if (!this.messy) return fc.constantFrom(...declared);
        return fc.oneof(
            { arbitrary: fc.constantFrom(...declared), weight: 12 },
            { arbitrary: fc.constantFrom(...pool), weight: 1 },
        );
    }

    /** Several regions: distinct declared ones in a clean design; in a messy one repeats and undeclared names too. */
    regionList(max: number): fc.Arbitrary<string[]> {
        if (!this.messy)
            return fc.shuffledSubarray([...this.n.regions], {
                minLength: 1,
                maxLength: Math.min(max, this.n.regions.length),
            });
        return fc.array(this.ref(this.n.regions, REGION_POOL), { minLength: 1, maxLength: max });
    }

    /** Two regions: distinct declared ones in a clean design when it has two. */
    regionPair(): fc.Arbitrary<readonly [string, string]> {
        if (this.messy) return fc.tuple(this.ref(this.n.regions, REGION_POOL), this.ref(this.n.regions, REGION_POOL));
        if (this.n.regions.length < 2) return fc.constant([this.n.regions[0]!, this.n.regions[0]!] as const);
        return fc
            .shuffledSubarray([...this.n.regions], { minLength: 2, maxLength: 2 })
            .map(([a, b]) => [a!, b!] as const);
    }

    /** A block: its clauses in the given order, some dropped, one sometimes written twice in a messy design. */
    block(header: string, clauses: fc.Arbitrary<string | null>[]): fc.Arbitrary<string[]> {
        return fc
            .tuple(fc.tuple(...clauses), this.messy ? this.maybe(fc.nat(), 1.08) : fc.constant(null))
            .map(([present, duplicate]) => {
                const kept = present.filter((c): c is string => c !== null);
                if (duplicate !== null && kept.length > 0) kept.push(kept[duplicate % kept.length]!);
                return [header, ...kept];
            });
    }

    get target(): fc.Arbitrary<string> {
        return this.ref([...this.n.services, ...this.n.stores], [...SERVICE_NAMES, ...STORE_NAMES]);
    }

    objective(): fc.Arbitrary<string> {
        const q = this.q;
        return fc
            .uniqueArray(fc.constantFrom('rto', 'rpo', 'availability', 'write-latency', 'cost'), {
                minLength: 1,
                maxLength: 4,
            })
            .chain((metrics) =>
                fc
                    .tuple(
                        ...metrics.map((m) =>
                            ({
                                rto: q.duration('minutes'),
                                rpo: q.duration('seconds'),
                                availability: q.percent,
                                cost: q.money,
                                'write-latency': fc
                                    .tuple(q.percentile, q.duration('seconds'))
                                    .map(([p, d]) => `${p} ${d}`),
                            })[m]!.map((v) => `${m} ${v}`),
                        ),
                    )
                    .map((terms) => `objective ${terms.join('  ')}`),
            );
    }

    region(name: string): fc.Arbitrary<string[]> {
        const q = this.q;
        return this.block(`region ${name}`, [
            this.maybe(
                fc.constantFrom(...providersOf(name)).map((p) => `provider ${p}`),
                10,
                true,
            ),
            this.maybe(
                fc.constantFrom(...JURISDICTIONS).map((j) => `jurisdiction ${j}`),
                4,
                true,
            ),
            // Regions outside the latency table need a location for the distance estimate (else the engine refuses).
            this.maybe(
                fc.tuple(q.latitude, q.longitude).map(([a, b]) => `location ${a}, ${b}`),
                1.3,
                !AWS_REGIONS.has(name),
            ),
            this.maybe(
                stringLiteral.map((s) => `city ${s}`),
                1.2,
            ),
        ]);
    }

    link(): fc.Arbitrary<string[]> {
        const q = this.q;
        return this.regionPair().chain(([a, b]) =>
            this.block(`link ${a} <-> ${b}`, [
                this.maybe(
                    q.duration('seconds').map((d) => `rtt ${d}`),
                    8,
                    true,
                ),
                this.maybe(
                    q.price.map((p) => `egress ${p}`),
                    2,
                ),
            ]),
        );
    }

    cell(name: string): fc.Arbitrary<string[]> {
        return this.block(`cell ${name}`, [
            this.maybe(
                this.regionList(3).map((r) => `regions ${r.join(', ')}`),
                12,
                true,
            ),
            this.maybe(
                fc.constantFrom(...JURISDICTIONS).map((j) => `residency ${j}`),
                2,
            ),
        ]);
    }

    store(name: string): fc.Arbitrary<string[]> {
        const q = this.q;
        const cells = this.n.cells.length > 0;
        return fc
            .tuple(fc.boolean(), this.regionList(4), fc.constantFrom(...ENGINES))
            .chain(([perCell, regions, engine]) => {
                const multi = perCell || regions.length > 1;
                // Queue clauses only where they apply (elsewhere an error that would block most designs' later
                // stages; the checker's refusal has its own tests). A clean design gets turbo replication only so too.
                const queue = ['kafka', 'kinesis', 'sqs'].includes(engine);
                const features = FEATURES.filter(
                    (f) => f !== 'turbo-replication' || this.messy || (engine === 'gcs' && regions.length === 2),
                );
                return this.block(`store ${name}${perCell && cells ? ' per cell' : ''}`, [
                    this.maybe(fc.constant(`engine ${engine}`), 12, true),
                    perCell && cells
                        ? fc.constant(null)
                        : this.maybe(fc.constant(`regions ${regions.join(', ')}`), 12, true),
                    this.maybe(
                        q.count(1, 7).map((c) => `replicas ${c}`),
                        1.1,
                    ),
                    this.maybe(
                        this.ref(this.n.regions, REGION_POOL).map((r) => `witness ${r}`),
                        1.1,
                    ),
                    this.maybe(
                        fc
                            .tuple(fc.constantFrom(...HOLDS), fc.constantFrom(...SHAPES))
                            .map(([h, s]) => `holds ${h} ${s}`),
                        10,
                        true,
                    ),
                    // A clean per-cell store cannot name a primary that is in every cell.
                    this.maybe(
                        fc.oneof(
                            fc.constantFrom('writes any-region', 'writes home-region'),
                            ...(perCell && cells && !this.messy
                                ? []
                                : [fc.constantFrom(...regions).map((r) => `writes primary ${r}`)]),
                        ),
                        6,
                        multi,
                    ),
                    this.maybe(
                        fc.oneof(
                            fc.constantFrom(
                                'replication sync',
                                'replication consensus',
                                ...(this.messy ? ['replication none', 'replication async'] : []),
                            ),
                            q.duration('seconds').map((d) => `replication async lag ${d}`),
                            ...(this.messy ? [q.count(1, 7).map((n) => `replication consensus quorum ${n}`)] : []),
                        ),
                        8,
                        multi,
                    ),
                    this.maybe(
                        fc.oneof(
                            fc.constantFrom(
                                'consistency strong',
                                'consistency session',
                                'consistency consistent-prefix',
                                'consistency eventual',
                                ...(this.messy ? ['consistency bounded-staleness'] : []),
                            ),
                            fc
                                .tuple(q.count(1, 1_000), q.duration('seconds'))
                                .map(([v, t]) => `consistency bounded-staleness versions ${v} time ${t}`),
                        ),
                        6,
                        multi,
                    ),
                    this.maybe(
                        fc.oneof(
                            fc.constantFrom(
                                'conflicts lww',
                                'conflicts vector-clocks',
                                'conflicts consensus',
                                'conflicts reject',
                                'conflicts single-owner',
                            ),
                            fc.constantFrom(...CRDTS).map((c) => `conflicts crdt ${c}`),
                        ),
                        4,
                        multi,
                    ),
                    this.maybe(
                        fc
                            .tuple(
                                fc.constantFrom('unique', 'non-negative', 'references'),
                                fc.constantFrom('id', 'balance', 'account_id'),
                            )
                            .map(([k, f]) => `invariant ${k} ${f}`),
                        1.5,
                    ),
                    this.maybe(
                        fc.constantFrom(...JURISDICTIONS).map((j) => `residency ${j}`),
                        1.3,
                    ),
                    this.maybe(
                        fc
                            .uniqueArray(fc.constantFrom(...features), { minLength: 1, maxLength: 3 })
                            .map((f) => `features ${f.join(', ')}`),
                        1.3,
                    ),
                    this.maybe(
                        q.duration('hours').map((d) => `backup every ${d}`),
                        1.3,
                    ),
                    this.maybe(
                        q.size.map((s) => `size ${s}`),
                        1.3,
                    ),
                    this.maybe(this.objective(), 1.5),
                    // Queues and streams (meaningful on kafka/kinesis/sqs; elsewhere the checker says so).
                    queue ? this.maybe(fc.constant('consumers idempotent'), 1.5) : fc.constant(null),
                    engine === 'kafka'
                        ? this.maybe(
                              q.duration('seconds').map((d) => `checkpoint every ${d}`),
                              1.5,
                          )
                        : fc.constant(null),
                ]);
            });
    }

    service(name: string): fc.Arbitrary<string[]> {
        const q = this.q;
        const cells = this.n.cells.length > 0;
        const stores = this.messy
            ? fc.array(this.ref(this.n.stores, STORE_NAMES), { minLength: 1, maxLength: 3 })
            : this.n.stores.length > 0
              ? fc.shuffledSubarray([...this.n.stores], { minLength: 1 })
              : fc.constant([]);
        return fc.tuple(fc.boolean(), this.regionList(3)).chain(([perCell, regions]) =>
            this.block(`service ${name}${perCell && cells ? ' per cell' : ''}`, [
                perCell && cells
                    ? fc.constant(null)
                    : this.maybe(fc.constant(`regions ${regions.join(', ')}`), 12, true),
                perCell && cells && !this.messy
                    ? fc.constant(null)
                    : this.maybe(
                          (this.messy ? this.ref(this.n.regions, REGION_POOL) : fc.constantFrom(...regions)).map(
                              (r) => `primary ${r}`,
                          ),
                          1.5,
                      ),
                this.maybe(
                    fc.constantFrom(...POSTURES).map((p) => `posture ${p}`),
                    6,
                    true,
                ),
                this.maybe(
                    fc.oneof(
                        q.percent.map((p) => `capacity ${p} per region`),
                        ...(perCell && cells
                            ? []
                            : [
                                  fc
                                      .shuffledSubarray(regions, { minLength: 1 })
                                      .chain((rs) => fc.tuple(...rs.map((r) => q.percent.map((p) => `${r} ${p}`))))
                                      .map((e) => `capacity ${e.join(', ')}`),
                              ]),
                    ),
                    3,
                ),
                stores
                    .chain((s) => this.maybe(fc.constant(`uses ${s.join(', ')}`), 8, s.length > 0))
                    .map((c) => (c === 'uses ' ? null : c)),
                this.maybe(
                    fc
                        .array(this.ref(this.n.stores, STORE_NAMES), { minLength: 1, maxLength: 2 })
                        .map((s) => `reads ${s.join(', ')}`),
                    1.3,
                ),
                // A tidy design never names the service itself (an error since a self-dependency is refused);
                // filtering draws nothing more, so every other draw of a seed stays as it was.
                this.maybe(
                    fc
                        .array(this.ref(this.n.services, SERVICE_NAMES), { minLength: 1, maxLength: 2 })
                        .map((s) => (this.messy ? s : s.filter((x) => x !== name)))
                        .map((s) => `depends-on ${s.join(', ')}`),
                    1.2,
                ).map((c) => (c === 'depends-on ' ? null : c)),
                this.maybe(this.objective(), 2),
            ]),
        );
    }

    failover(): fc.Arbitrary<string[]> {
        const q = this.q;
        const region = this.ref(this.n.regions, REGION_POOL);
        const action = fc
            .tuple(
                fc.constantFrom(...ACTIONS),
                this.maybe(this.target, 2),
                this.maybe(region, 1.3),
                this.maybe(fc.tuple(fc.constantFrom('control-plane', 'data-plane'), this.maybe(region, 2)), 1.3),
                this.maybe(q.duration('minutes'), 1.5, true),
            )
            .map(([kind, t, inRegion, via, takes]) =>
                [
                    'action',
                    kind,
                    t,
                    inRegion && `in ${inRegion}`,
                    via && `via ${via[0]}${via[1] ? ` ${via[1]}` : ''}`,
                    takes && `takes ${takes}`,
                ]
                    .filter(Boolean)
                    .join(' '),
            );
        // Where a failover moves from and to must be regions of its target; a clean design leaves them to the defaults.
        const header = fc
            .tuple(
                this.target,
                this.messy ? this.maybe(region, 1.5) : fc.constant(null),
                this.messy ? this.maybe(region, 1.5) : fc.constant(null),
            )
            .map(([t, from, to]) => `failover ${t}${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}`);
        return header.chain((h) =>
            this.block(h, [
                this.maybe(
                    fc.oneof(
                        fc
                            .tuple(
                                this.maybe(q.duration('seconds'), 5),
                                this.maybe(q.count(1, 10), 5),
                                this.maybe(q.duration('seconds'), 1.5),
                            )
                            .map(
                                ([every, threshold, timeout]) =>
                                    `detect health-check${every ? ` every ${every}` : ''}${threshold ? ` threshold ${threshold}` : ''}${timeout ? ` timeout ${timeout}` : ''}`,
                            ),
                        this.maybe(q.duration('minutes'), 2).map(
                            (after) => `detect manual${after ? ` after ${after}` : ''}`,
                        ),
                    ),
                    8,
                ),
                this.maybe(
                    fc.oneof(
                        fc
                            .tuple(
                                this.maybe(q.duration('seconds'), 5, true),
                                this.maybe(fc.tuple(q.percent, q.duration('minutes')), 1.5),
                                this.maybe(
                                    fc.array(fc.constantFrom('route53', 'ns1', ...(this.messy ? ['cloudflare'] : [])), {
                                        minLength: 1,
                                        maxLength: 2,
                                    }),
                                    1.5,
                                ),
                            )
                            .map(
                                ([ttl, tail, providers]) =>
                                    `route dns${ttl ? ` ttl ${ttl}` : ''}${tail ? ` tail ${tail[0]} ${tail[1]}` : ''}${providers ? ` providers ${providers.join(', ')}` : ''}`,
                            ),
                        fc.constantFrom(
                            'route anycast',
                            'route global-accelerator',
                            'route s3-access-point',
                            'route arc-routing-control',
                            'route router',
                            'route manual',
                        ),
                        q.duration('minutes').map((d) => `route manual after ${d}`),
                    ),
                    8,
                    true,
                ),
                this.maybe(action, 6),
                this.maybe(action, 2),
                this.maybe(action, 1.2),
                this.maybe(
                    fc.oneof(
                        q.duration('days').map((d) => `drill every ${d}`),
                        fc.constant('drill never'),
                    ),
                    4,
                ),
            ]),
        );
    }

    /** Origin shares: adding up to 100 % in a clean design, most of the time in a messy one. */
    origins(): fc.Arbitrary<string> {
        const region = this.ref(this.n.regions, REGION_POOL);
        const split = fc.oneof(
            region.map((r) => `${r} 100%`),
            this.regionPair().chain(([a, b]) =>
                fc.integer({ min: 0, max: 100 }).map((s) => (a === b ? `${a} 100%` : `${a} ${s}%, ${b} ${100 - s}%`)),
            ),
        );
        if (!this.messy) return split;
        return fc.oneof(
            { arbitrary: split, weight: 6 },
            {
                arbitrary: fc
                    .array(
                        fc.tuple(region, this.q.percent).map(([r, p]) => `${r} ${p}`),
                        { minLength: 1, maxLength: 3 },
                    )
                    .map((o) => o.join(', ')),
                weight: 1,
            },
        );
    }

    workload(name: string): fc.Arbitrary<string[]> {
        const q = this.q;
        return this.maybe(this.target, 6, true).chain((t) =>
            this.block(`workload ${name}${t ? ` for ${t}` : ''}`, [
                this.maybe(
                    fc
                        .tuple(q.rate, this.maybe(this.origins(), 4))
                        .map(([r, o]) => `writes ${r}${o ? ` from ${o}` : ''}`),
                    10,
                    true,
                ),
                this.maybe(
                    fc
                        .tuple(q.rate, this.maybe(this.origins(), 1.5))
                        .map(([r, o]) => `reads ${r}${o ? ` from ${o}` : ''}`),
                    2,
                ),
                this.maybe(
                    fc
                        .tuple(q.count(1, 100_000), this.maybe(q.percent, 2))
                        .map(([k, s]) => `keys ${k}${s ? ` shared ${s}` : ''}`),
                    3,
                ),
                this.maybe(
                    q.size.map((s) => `item-size ${s}`),
                    2,
                ),
            ]),
        );
    }

    fault(): fc.Arbitrary<string> {
        const q = this.q;
        const region = this.ref(this.n.regions, REGION_POOL);
        const what = fc.oneof(
            fc.tuple(fc.boolean(), region).map(([word, r]) => `outage ${word ? 'region ' : ''}${r}`),
            ...(this.messy || this.n.regions.length >= 2
                ? [this.regionPair().map(([a, b]) => `partition ${a} <-> ${b}`)]
                : []),
            region.map((r) => `impair control-plane ${r}`),
            fc
                .tuple(this.maybe(this.ref(this.n.stores, STORE_NAMES), 2), q.duration('seconds'))
                .map(([s, lag]) => `lag-spike${s ? ` ${s}` : ''} to ${lag}`),
            fc
                .tuple(this.maybe(this.target, 2), region, this.maybe(q.duration('seconds'), 2))
                .map(
                    ([t, r, every]) => `flap health-check${t ? ` ${t}` : ''} in ${r}${every ? ` every ${every}` : ''}`,
                ),
            // A target need not run in the region named (an error): only messy designs carry partial faults.
            ...(this.messy
                ? [
                      fc
                          .tuple(
                              this.target,
                              region,
                              fc.integer({ min: 0, max: 100 }),
                              this.maybe(q.duration('seconds'), 2),
                          )
                          .map(
                              ([t, r, errors, latency]) =>
                                  `degrade ${t} in ${r} errors ${errors}%${latency ? ` latency +${latency}` : ''}`,
                          ),
                      fc.tuple(this.target, region).map(([t, r]) => `fail ${t} in ${r}`),
                  ]
                : []),
        );
        return fc
            .tuple(q.duration('minutes'), what, q.duration('minutes'))
            .map(([at, w, lasts]) => `at ${at} ${w} for ${lasts}`);
    }

    expectation(): fc.Arbitrary<string> {
        const q = this.q;
        const valueOf: Readonly<Record<string, fc.Arbitrary<string>>> = {
            rto: q.duration('minutes'),
            rpo: q.duration('seconds'),
            detection: q.duration('minutes'),
            'write-latency': q.duration('seconds'),
            availability: q.percent,
            'stale-reads': q.percent,
            cost: q.money,
        };
        return fc
            .constantFrom(...METRICS)
            .chain((metric) =>
                fc
                    .tuple(
                        metric === 'write-latency'
                            ? this.maybe(q.percentile, 8, true)
                            : this.messy
                              ? this.maybe(q.percentile, 1.03)
                              : fc.constant(null),
                        this.maybe(this.target, 1.5),
                        this.maybe(this.ref(this.n.regions, REGION_POOL), 1.3),
                        fc.constantFrom(...COMPARISONS),
                        valueOf[metric] ?? q.count(0, 1_000),
                    )
                    .map(([p, t, r, op, value]) =>
                        ['expect', metric, p, t && `of ${t}`, r && `in ${r}`, op, value].filter(Boolean).join(' '),
                    ),
            );
    }

    scenario(name: string): fc.Arbitrary<string[]> {
        const q = this.q;
        const workloads =
            this.messy || this.n.workloads.length === 0
                ? fc.array(this.ref(this.n.workloads, WORKLOAD_NAMES), { minLength: 1, maxLength: 2 })
                : fc.shuffledSubarray([...this.n.workloads], { minLength: 1 });
        return fc
            .tuple(fc.array(this.fault(), { maxLength: 5 }), fc.array(this.expectation(), { maxLength: 3 }))
            .chain(([faults, expectations]) =>
                this.block(`scenario ${name}`, [
                    this.maybe(
                        workloads.map((w) => `workload ${w.join(', ')}`),
                        10,
                        true,
                    ),
                    this.maybe(
                        q.duration('minutes').map((d) => `duration ${d}`),
                        10,
                        true,
                    ),
                    this.maybe(
                        q.duration('seconds').map((d) => `resolution ${d}`),
                        1.2,
                    ),
                    this.maybe(
                        q.count(0, this.messy ? 2 ** 32 + 5 : 2 ** 32 - 1).map((s) => `seed ${s}`),
                        2,
                    ),
                    ...faults.map((f) => fc.constant(f)),
                    ...expectations.map((e) => fc.constant(e)),
                ]),
            );
    }
}

/** How a block is laid out: on one line, one clause per line, or with comments between the clauses. */
const layout = fc.constantFrom('one-line', 'lines', 'lines', 'commented');

function render([header, ...clauses]: string[], how: string, eol: string): string {
    if (how === 'one-line') return `${header} { ${clauses.join('  ')} }`;
    const body = clauses.map((c, i) =>
        how === 'commented' && i % 2 === 0 ? `    // clause ${i}${eol}    ${c} /* ${i} */` : `    ${c}`,
    );
    return [`${header} {`, ...body, '}'].join(eol);
}

/** A suppression comment above a declaration, well-formed or not. */
const suppression = fc
    .tuple(fc.constantFrom(...RULE_CODES), fc.constantFrom(': accepted for the test', '', ': <why this is acceptable>'))
    .map(([code, reason]) => `// mregion-ignore ${code}${reason}`);

function design(messy: boolean): fc.Arbitrary<GeneratedDesign> {
    return fc
        .record({
            regions: fc.uniqueArray(fc.constantFrom(...REGION_POOL), { minLength: 1, maxLength: 5 }),
            // A clean design is a whole system: at least one store, service and workload for the rest to refer to.
            stores: fc.uniqueArray(fc.constantFrom(...STORE_NAMES), { minLength: messy ? 0 : 1, maxLength: 3 }),
            services: fc.uniqueArray(fc.constantFrom(...SERVICE_NAMES), { minLength: messy ? 0 : 1, maxLength: 2 }),
            cells: fc.uniqueArray(fc.constantFrom(...CELL_NAMES), { maxLength: 2 }),
            workloads: fc.uniqueArray(fc.constantFrom(...WORKLOAD_NAMES), { minLength: messy ? 0 : 1, maxLength: 2 }),
            scenarios: fc.uniqueArray(fc.constantFrom(...SCENARIO_NAMES), { minLength: messy ? 0 : 1, maxLength: 2 }),
        })
        .chain((names) => {
            const g = new Generator(messy, names);
            const maybe = <T>(arb: fc.Arbitrary<T>, freq: number, essential = false) => g.maybe(arb, freq, essential);
            return fc.record({
                topology: maybe(
                    fc
                        .tuple(fc.constantFrom('Shop', 'Fintech', 'T', 'redis'), maybe(stringLiteral, 2))
                        .map(([t, d]) => `topology ${t}${d ? ` ${d}` : ''}`),
                    8,
                    true,
                ),
                regions: fc.tuple(...names.regions.map((r) => g.region(r))),
                links:
                    names.regions.length < 2 && !messy
                        ? fc.constant<string[][]>([])
                        : fc.array(g.link(), { maxLength: messy ? 2 : 1 }),
                cells: fc.tuple(...names.cells.map((c) => g.cell(c))),
                stores: fc.tuple(...names.stores.map((s) => g.store(s))),
                services: fc.tuple(...names.services.map((s) => g.service(s))),
                failovers:
                    names.stores.length + names.services.length === 0 && !messy
                        ? fc.constant<string[][]>([])
                        : fc.array(g.failover(), { maxLength: 2 }),
                workloads: fc.tuple(...names.workloads.map((w) => g.workload(w))),
                scenarios: fc.tuple(...names.scenarios.map((s) => g.scenario(s))),
                layouts: fc.array(layout, { minLength: 24, maxLength: 24 }),
                suppressions: fc.array(maybe(suppression, 1.05), { minLength: 24, maxLength: 24 }),
                eol: fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'),
                split: messy
                    ? fc.constantFrom('none', 'none', 'none', 'regions', 'broken-import')
                    : fc.constantFrom('none', 'none', 'none', 'regions'),
            });
        })
        .map((d): GeneratedDesign => {
            const blocks = (xs: readonly string[][], offset: number) =>
                xs.map((b, i) => {
                    const comment = d.suppressions[(offset + i) % 24];
                    return `${comment ? `${comment}${d.eol}` : ''}${render(b, d.layouts[(offset + i) % 24]!, d.eol)}`;
                });
            // Two links between the same regions are a (correct) error; a clean design keeps the first.
            const links = messy ? d.links : d.links.slice(0, 1);
            const regionText = blocks([...d.regions, ...links], 0);
            const rest = [
                ...blocks(d.cells, 8),
                ...blocks(d.stores, 10),
                ...blocks(d.services, 13),
                ...blocks(d.failovers, 15),
                ...blocks(d.workloads, 17),
                ...blocks(d.scenarios, 19),
            ];
            const head = d.topology ? [d.topology] : [];
            const join = (lines: string[]) => lines.join(d.eol) + d.eol;
            if (d.split === 'broken-import')
                return { main: join(['import "missing.mregion"', ...head, ...regionText, ...rest]), others: {} };
            if (d.split === 'regions')
                return {
                    main: join(['import "regions.mregion"', ...head, ...rest]),
                    others: { 'regions.mregion': join(regionText) },
                };
            return { main: join([...head, ...regionText, ...rest]), others: {} };
        });
}

/** Complete designs: every reference declared, every value in range, nothing the builder must refuse. */
export const cleanDesign: fc.Arbitrary<GeneratedDesign> = design(false);
/** Designs being edited: junk values, unresolved references, missing and repeated clauses, broken imports. */
export const messyDesign: fc.Arbitrary<GeneratedDesign> = design(true);
export const designArbitrary: fc.Arbitrary<GeneratedDesign> = fc.oneof(cleanDesign, messyDesign);
