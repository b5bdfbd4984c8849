// `mregion import` and `mregion drift` on Terraform JSON (`terraform show -json`): a hand-written state, where
// every value is known and resources name each other by literal ids and ARNs, and a hand-written plan, where
// values known only after apply are absent and the configuration's references and provider regions stand in.
// The expected clauses are worked out by hand from the fixtures, per the Terraform JSON output format.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCodes, FIXTURES, mregion } from './helpers/cli.js';
import { block, commentAbove } from './helpers/design-text.js';

const work = mkdtempSync(path.join(tmpdir(), 'mregion-import-tf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STATE = `${FIXTURES}/terraform/shop.tfstate.json`;
const PLAN = `${FIXTURES}/terraform/pay.tfplan.json`;
const DESIGN = `${FIXTURES}/terraform/shop.mregion`;

function todosOf(text: string, head: string): string {
    const start = text.indexOf(`\n${head} {`);
    return text.slice(start, text.indexOf('\n}', start));
}

interface Expected {
    readonly head: string;
    readonly clauses: readonly string[];
    readonly from: readonly string[];
}

const inputs: {
    what: string;
    file: string;
    summary: RegExp;
    regions: string[];
    declarations: Expected[];
    notImported: string[];
}[] = [
    {
        what: 'a state',
        file: STATE,
        summary: /imported Terraform JSON: 4 regions, 6 stores, 2 services, 2 failovers; 19 TODO clauses/,
        regions: ['us-east-1', 'us-west-2', 'us-east-2', 'eu-west-1'],
        notImported: [
            'aws_dynamodb_table ×1: aws_dynamodb_table.audit (Terraform shop.tfstate)',
            'aws_sqs_queue ×1: aws_sqs_queue.jobs (Terraform shop.tfstate)',
        ],
        declarations: [
            // The table's own region comes from its ARN, the replicas' from their blocks.
            {
                head: 'store carts',
                from: ['aws_dynamodb_table.carts (Terraform shop.tfstate)'],
                clauses: [
                    'engine dynamodb',
                    'regions us-east-1, us-west-2',
                    'writes any-region',
                    'replication async',
                    'consistency eventual',
                    'conflicts lww',
                ],
            },
            // Every replica with consistency_mode STRONG: multi-Region strong consistency.
            {
                head: 'store locks',
                from: ['aws_dynamodb_table.locks'],
                clauses: [
                    'engine dynamodb',
                    'regions us-east-1, us-east-2, us-west-2',
                    'writes any-region',
                    'replication sync',
                    'consistency strong',
                    'conflicts reject',
                ],
            },
            // Both member clusters report a master user; global_cluster_members' is_writer decides the writer.
            {
                head: 'store orders',
                from: [
                    'aws_rds_global_cluster.orders',
                    'aws_rds_cluster.orders_primary',
                    'aws_rds_cluster.orders_secondary',
                ],
                clauses: [
                    'engine aurora',
                    'regions us-east-1, us-west-2',
                    'writes primary us-east-1',
                    'replication async',
                ],
            },
            // replicate_source_db names the source by ARN; the replica is in a child module.
            {
                head: 'store ledger',
                from: ['aws_db_instance.ledger', 'module.dr.aws_db_instance.ledger_replica'],
                clauses: [
                    'engine postgres',
                    'regions us-east-1, eu-west-1',
                    'writes primary us-east-1',
                    'replication async',
                ],
            },
            {
                head: 'store sessions',
                from: [
                    'aws_elasticache_global_replication_group.sessions',
                    'aws_elasticache_replication_group.sessions_west',
                ],
                clauses: [
                    'engine redis',
                    'regions us-east-1, us-west-2',
                    'writes primary us-east-1',
                    'replication async',
                ],
            },
            // The replication configuration takes the region of the bucket it configures; RTC enabled.
            {
                head: 'store assets',
                from: [
                    'aws_s3_bucket_replication_configuration.assets',
                    'aws_s3_bucket.assets ',
                    'aws_s3_bucket.assets_replica',
                ],
                clauses: [
                    'engine s3',
                    'regions us-east-1, us-west-2',
                    'writes primary us-east-1',
                    'replication async lag 15m',
                ],
            },
            // The Resilience Hub policy named after the service: its Region objectives, Go durations in seconds.
            {
                head: 'service checkout',
                from: ['aws_route53_record.checkout_primary', 'aws_resiliencehub_resiliency_policy.checkout'],
                clauses: ['regions us-east-1, us-west-2', 'primary us-east-1', 'objective rto 900s rpo 60s'],
            },
            {
                head: 'failover checkout',
                from: ['aws_route53_health_check.checkout_primary'],
                clauses: ['detect health-check every 10s threshold 2', 'route dns ttl 30s'],
            },
            {
                head: 'service edge',
                from: ['aws_globalaccelerator_accelerator.edge'],
                clauses: ['regions us-east-1, us-west-2', 'posture active-active'],
            },
            {
                head: 'failover edge',
                from: ['aws_globalaccelerator_endpoint_group.edge_west'],
                clauses: ['detect health-check every 10s threshold 3', 'route global-accelerator'],
            },
        ],
    },
    {
        what: 'a plan',
        file: PLAN,
        summary: /imported Terraform JSON: 2 regions, 4 stores, 2 services, 2 failovers/,
        // eu-west-1 is the aliased provider's region, given by a variable.
        regions: ['us-east-1', 'eu-west-1'],
        notImported: [],
        declarations: [
            {
                head: 'store profiles',
                from: ['aws_dynamodb_table.profiles (Terraform pay.tfplan)'],
                clauses: [
                    'engine dynamodb',
                    'regions us-east-1, eu-west-1',
                    'writes any-region',
                    'replication async',
                    'consistency eventual',
                    'conflicts lww',
                ],
            },
            // Membership and the writer (the cluster with the master user) from the configuration's references.
            {
                head: 'store main',
                from: ['aws_rds_global_cluster.main', 'aws_rds_cluster.secondary'],
                clauses: [
                    'engine aurora',
                    'regions us-east-1, eu-west-1',
                    'writes primary us-east-1',
                    'replication async',
                ],
            },
            {
                head: 'store cache',
                from: ['aws_elasticache_replication_group.cache_secondary'],
                clauses: [
                    'engine redis',
                    'regions us-east-1, eu-west-1',
                    'writes primary us-east-1',
                    'replication async',
                ],
            },
            // In a module: the configuration's references are relative to it. No RTC: no lag.
            {
                head: 'store shop-logs',
                from: [
                    'module.storage.aws_s3_bucket_replication_configuration.logs',
                    'module.storage.aws_s3_bucket.logs_replica',
                ],
                clauses: ['engine s3', 'regions us-east-1, eu-west-1', 'writes primary us-east-1', 'replication async'],
            },
            {
                head: 'service api',
                from: ['aws_route53_record.api_east'],
                clauses: ['regions us-east-1, eu-west-1', 'posture active-active'],
            },
            // health_check_id is unknown until apply; the references name the checks.
            {
                head: 'failover api',
                from: ['aws_route53_health_check.api_west'],
                clauses: ['detect health-check every 30s threshold 3', 'route dns ttl 60s'],
            },
            {
                head: 'service pay',
                from: ['aws_route53_record.pay_primary'],
                clauses: ['regions us-east-1, eu-west-1', 'primary us-east-1'],
            },
            // The records' checks are routing controls; the endpoint is probed by a check of its own.
            {
                head: 'failover pay',
                from: ['aws_route53_health_check.pay_east_probe'],
                clauses: [
                    'detect health-check every 10s threshold 3',
                    'route arc-routing-control ttl 60s',
                    'action flip-routing-control',
                ],
            },
        ],
    },
];

for (const input of inputs) {
    describe(`mregion import of ${input.what} from terraform show -json`, () => {
        const result = mregion('import', input.file);
        const text = result.stdout;

        it('exits 0 and summarizes what it imported', () => {
            expect(result.status, result.stderr).toBe(0);
            expect(result.stderr).toMatch(input.summary);
        });

        for (const d of input.declarations) {
            it(`writes ${d.head} with exactly the clauses its resources state, under a comment naming them`, () => {
                expect(block(text, d.head)).toEqual(d.clauses);
                for (const origin of d.from) expect(commentAbove(text, d.head)).toContain(origin);
            });
        }

        it('declares exactly the regions its resources are in', () => {
            expect(
                text
                    .split('\n')
                    .filter((l) => l.startsWith('region '))
                    .map((l) => l.split(/\s+/)[1]),
            ).toEqual(input.regions);
        });

        it('lists the resources it did not import by their Terraform type and address', () => {
            const listed = text
                .split('\n')
                .filter((l) => /^\/\/ {3}\S/.test(l))
                .map((l) => l.slice(5));
            expect(listed).toEqual(input.notImported);
        });

        it('writes a design the checker parses and links, already formatted', () => {
            const file = path.join(work, `${path.basename(input.file)}.mregion`);
            writeFileSync(file, text);
            expect(
                checkCodes(file).filter((c) =>
                    ['syntax-error', 'unresolved-reference', 'duplicate-name', 'duplicate-clause'].includes(c),
                ),
            ).toEqual([]);
            expect(mregion('format', '--check', file).status).toBe(0);
        });
    });
}

describe('mregion import of what the language states no default for', () => {
    const state = mregion('import', STATE).stdout;
    const plan = mregion('import', PLAN).stdout;
    const cases: { what: string; text: string; head: string; expected: RegExp }[] = [
        {
            what: "an RDS read replica's lag",
            text: state,
            head: 'store ledger',
            expected:
                /\/\/ TODO replication async lag <time> {2}— the replica lag of RDS read replicas is not in the template/,
        },
        {
            what: "a global datastore's lag",
            text: state,
            head: 'store sessions',
            expected: /\/\/ TODO replication async lag <time>/,
        },
        {
            what: 'a headless Aurora secondary',
            text: state,
            head: 'store orders',
            expected: /headless secondary \(no DB instance\) in us-west-2/,
        },
    ];
    for (const c of cases) {
        it(`leaves ${c.what} to the user instead of inventing it`, () => {
            expect(`${commentAbove(c.text, c.head)}\n${todosOf(c.text, c.head)}`).toMatch(c.expected);
        });
    }

    it('names a valkey datastore as what it is when it writes it as redis', () => {
        expect(commentAbove(plan, 'store cache')).toMatch(/engine valkey: written as redis/);
    });

    it('cites the facts entries of the replication it states', () => {
        expect(todosOf(state, 'store ledger')).toContain('docs/facts.md#rds-cross-region-read-replica');
        expect(todosOf(state, 'store sessions')).toContain('docs/facts.md#elasticache-global-datastore');
    });
});

describe('mregion import of CloudFormation the exporter never writes', () => {
    const { status, stdout, stderr } = mregion('import', `${FIXTURES}/replicas.template.json`, '--region', 'eu-west-1');
    const cases: Expected[] = [
        // SourceDBInstanceIdentifier is the source's ARN in us-east-1; the replica is in the stack's region.
        {
            head: 'store ledger',
            from: ['LedgerReplica (stack replicas)'],
            clauses: ['engine mysql', 'regions us-east-1, eu-west-1', 'writes primary us-east-1', 'replication async'],
        },
        {
            head: 'store sessions',
            from: ['SessionsGlobal (stack replicas)', 'SessionsPrimary (stack replicas)'],
            clauses: ['engine redis', 'regions eu-west-1, us-east-1', 'writes primary eu-west-1', 'replication async'],
        },
        {
            head: 'service api',
            from: ['ApiEu (stack replicas)'],
            clauses: ['regions eu-west-1, us-east-1', 'posture active-active'],
        },
        {
            head: 'failover api',
            from: ['ApiCheckUs (stack replicas)'],
            clauses: ['detect health-check every 10s threshold 3', 'route dns ttl 60s'],
        },
    ];
    it('exits 0', () => expect(status, stderr).toBe(0));
    for (const d of cases) {
        it(`writes ${d.head} with exactly the clauses its resources state`, () => {
            expect(block(stdout, d.head)).toEqual(d.clauses);
            for (const origin of d.from) expect(commentAbove(stdout, d.head)).toContain(origin);
        });
    }
    it("lists a read replica in its source's own region as not imported: it is not a second region", () => {
        expect(stdout).toContain(
            '//   AWS::RDS::DBInstance ×2: ReportsDb (stack replicas) and ReportsReader (stack replicas)',
        );
    });
});

describe('mregion drift against Terraform JSON', () => {
    const state = JSON.parse(readFileSync(STATE, 'utf8')) as {
        values: {
            root_module: {
                resources: { address: string; values: Record<string, unknown> }[];
                child_modules: { resources: { address: string; values: Record<string, unknown> }[] }[];
            };
        };
    };
    type Resource = { address: string; values: Record<string, unknown> };

    function changed(edit: (byAddress: (a: string) => Resource) => void): string {
        const copy = structuredClone(state);
        const all = [
            ...copy.values.root_module.resources,
            ...copy.values.root_module.child_modules.flatMap((m) => m.resources),
        ];
        edit((a) => all.find((r) => r.address === a)!);
        const file = path.join(work, `state-${Math.random().toString(36).slice(2)}.json`);
        writeFileSync(file, JSON.stringify(copy));
        return file;
    }

    function drift(against: string): {
        status: number | null;
        findings: { code: string; message: string; line: string }[];
    } {
        const { status, stdout, stderr } = mregion('drift', DESIGN, '--against', against, '--format', 'json');
        expect(stderr).toBe('');
        const lines = readFileSync(DESIGN, 'utf8').split('\n');
        const [file] = JSON.parse(stdout) as {
            diagnostics: { code: string; message: string; range: { start: { line: number } } }[];
        }[];
        return {
            status,
            findings: file!.diagnostics.map((d) => ({
                code: d.code,
                message: d.message,
                line: lines[d.range.start.line]!.trim(),
            })),
        };
    }

    // The deployment's own finding: the secondary failover record names no health check.
    const baseline = 'drift-no-health-check';

    it('finds only what the state itself gets wrong when the design is the one it deploys', () => {
        const { status, findings } = drift(STATE);
        expect(status).toBe(1);
        expect(findings.map((f) => f.code)).toEqual([baseline]);
        expect(findings[0]!.message).toMatch(/the deployed record secondary names no health check/);
    });

    const cases: {
        what: string;
        edit: Parameters<typeof changed>[0];
        code: string;
        clause: RegExp;
        message: RegExp;
    }[] = [
        {
            what: 'a DynamoDB replica moved from us-west-2 to eu-west-1',
            edit: (r) => {
                (r('aws_dynamodb_table.carts').values.replica as { region_name: string }[])[0]!.region_name =
                    'eu-west-1';
            },
            code: 'drift-replicas',
            clause: /^regions\s+us-east-1, us-west-2$/,
            message:
                /store carts: the deployed replicas are us-east-1 and eu-west-1 \(declared but not deployed: us-west-2; deployed but not declared: eu-west-1\)/,
        },
        {
            what: "the failover records' TTL raised from 30 s to 300 s",
            edit: (r) => {
                r('aws_route53_record.checkout_primary').values.ttl = 300;
                r('aws_route53_record.checkout_secondary').values.ttl = 300;
            },
            code: 'drift-ttl',
            clause: /^route\s+dns ttl 30s$/,
            message: /failover of checkout: the deployed records' TTL is 300 s, the design's 30 s/,
        },
        {
            what: 'the health check slowed from every 10 s to every 30 s',
            edit: (r) => {
                r('aws_route53_health_check.checkout_primary').values.request_interval = 30;
            },
            code: 'drift-health-check',
            clause: /^detect health-check every 10s threshold 2$/,
            message: /failover of checkout: the deployed health checks run every 30 s, the design's every 10 s/,
        },
        {
            what: 'the RDS read replica moved from eu-west-1 to us-west-2',
            edit: (r) => {
                r('module.dr.aws_db_instance.ledger_replica').values.arn =
                    'arn:aws:rds:us-west-2:123456789012:db:ledger-replica';
            },
            code: 'drift-replicas',
            clause: /^regions\s+us-east-1, eu-west-1$/,
            message:
                /store ledger: the deployed replicas are us-east-1 and us-west-2 \(declared but not deployed: eu-west-1; deployed but not declared: us-west-2\)/,
        },
        {
            what: "the global datastore's secondary removed",
            edit: (r) => {
                r('aws_elasticache_replication_group.sessions_west').values.global_replication_group_id = null;
            },
            code: 'drift-replicas',
            clause: /^regions\s+us-east-1, us-west-2$/,
            message: /store sessions: the deployed replicas are us-east-1 \(declared but not deployed: us-west-2\)/,
        },
    ];
    for (const c of cases) {
        it(`reports exactly ${c.what}, at the design's clause`, () => {
            const { status, findings } = drift(changed(c.edit));
            expect(status).toBe(1);
            const added = findings.filter((f) => f.code !== baseline);
            expect(added.map((f) => f.code)).toEqual([c.code]);
            expect(added[0]!.message).toMatch(c.message);
            expect(added[0]!.line).toMatch(c.clause);
        });
    }

    it("does not compare a DynamoDB witness, which Terraform's table resource cannot state", () => {
        const design = path.join(work, 'witness.mregion');
        writeFileSync(
            design,
            readFileSync(DESIGN, 'utf8').replace(
                'regions     us-east-1, us-east-2, us-west-2',
                'regions     us-east-1, us-east-2\n    witness     us-west-2',
            ),
        );
        const { stdout } = mregion('drift', design, '--against', STATE, '--format', 'json');
        const [file] = JSON.parse(stdout) as { diagnostics: { code: string; message: string }[] }[];
        const locks = file!.diagnostics.filter((d) => d.message.startsWith('store locks'));
        expect(locks.map((d) => d.message)).toEqual([
            'store locks: the deployed replicas are us-east-1, us-east-2 and us-west-2 (deployed but not declared: us-west-2)',
        ]);
    });

    it('reports no drift between a plan and the design imported from it', () => {
        const imported = path.join(work, 'pay.mregion');
        writeFileSync(imported, mregion('import', PLAN).stdout);
        const { status, stdout } = mregion('drift', imported, '--against', PLAN);
        expect(stdout.trim()).toBe('no drift');
        expect(status).toBe(0);
    });
});
