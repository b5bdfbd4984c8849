// Mapping decisions, checked on the export plan and result without synthesizing: which region hosts what,
// what is refused, what is listed as not generated, and when nothing is exported at all.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exportCdk, planExport } from '../../export/cdk/index.js';
import { stableHash } from '../../export/cdk/hash.js';
import { bucketNamePrefix } from '../../export/cdk/names.js';
import { breakCycles, regionsOnCycles } from '../../export/cdk/plan/layout.js';
import { uniqueNames } from '../../export/cdk/plan/unique-names.js';
import type { ExportPlan, RegionItem } from '../../export/cdk/plan/types.js';
import { modelOf } from '../helpers/services.js';

const US = `
region us-east-1 { provider aws jurisdiction US }
region us-east-2 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
region eu-west-1 { provider aws jurisdiction EU }
`;

async function plan(body: string): Promise<ExportPlan> {
    const { model } = await modelOf(`topology T "test"\n${US}\n${body}`);
    return planExport(model);
}

function items(p: ExportPlan, region: string): RegionItem[] {
    return [...(p.regionStacks.find((s) => s.region.name === region)?.items ?? [])];
}

function kinds(p: ExportPlan, region: string): string[] {
    return items(p, region).map((i) => i.kind);
}

describe('stores', () => {
    test.each([
        {
            name: 'puts an eventually consistent DynamoDB table in its first region with the others as replicas',
            store: 'store carts { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows writes any-region }',
            check: (p: ExportPlan) => {
                const table = items(p, 'us-east-1')[0];
                expect(table).toMatchObject({
                    kind: 'dynamodb-table',
                    replicaRegions: ['eu-west-1'],
                    strong: false,
                    partitionKey: { name: 'pk', fromInvariant: false },
                });
                expect(p.regionStacks.map((s) => s.region.name)).toEqual(['us-east-1']);
            },
        },
        {
            name: 'makes a strongly consistent table in three regions of one set an MRSC table',
            store: 'store stock { engine dynamodb regions us-east-1, us-east-2, us-west-2 holds shared counter writes any-region replication sync consistency strong conflicts reject invariant unique sku }',
            check: (p: ExportPlan) => {
                expect(items(p, 'us-east-1')[0]).toMatchObject({
                    kind: 'dynamodb-table',
                    strong: true,
                    replicaRegions: ['us-east-2', 'us-west-2'],
                    partitionKey: { name: 'sku', fromInvariant: true },
                });
                expect(p.issues).toEqual([]);
            },
        },
        {
            name: 'builds MRSC with two replicas and a witness',
            store: 'store stock { engine dynamodb regions us-east-1, us-east-2 witness us-west-2 holds shared counter writes any-region replication sync consistency strong conflicts reject }',
            check: (p: ExportPlan) =>
                expect(items(p, 'us-east-1')[0]).toMatchObject({
                    strong: true,
                    replicaRegions: ['us-east-2'],
                    witnessRegion: 'us-west-2',
                }),
        },
        {
            name: 'refuses MRSC across region sets',
            store: 'store stock { engine dynamodb regions us-east-1, us-east-2, eu-west-1 holds shared counter writes any-region replication sync consistency strong conflicts reject }',
            check: (p: ExportPlan) => expect(p.issues[0]?.reason).toMatch(/one region set/),
        },
        {
            name: 'refuses MRSC with TTL',
            store: 'store stock { engine dynamodb regions us-east-1, us-east-2, us-west-2 holds shared counter writes any-region replication sync consistency strong conflicts reject features ttl }',
            check: (p: ExportPlan) => expect(p.issues[0]?.reason).toMatch(/does not support ttl/),
        },
        {
            name: 'puts an Aurora writer in its primary and a secondary that deploys after it',
            store: 'store db { engine aurora regions us-east-1, us-west-2 writes primary us-west-2 holds shared rows consistency session }',
            check: (p: ExportPlan) => {
                expect(kinds(p, 'us-west-2')).toEqual(['aurora-primary']);
                expect(kinds(p, 'us-east-1')).toEqual(['aurora-secondary']);
                expect(
                    p.regionStacks.find((s) => s.region.name === 'us-east-1')?.dependsOn.map((d) => d.stack),
                ).toEqual(['us-west-2']);
            },
        },
        {
            name: 'replicates a bucket from its first region and lists the missing way back for any-region writes',
            store: 'store assets { engine s3 regions us-east-1, us-west-2 holds reference blob writes any-region consistency eventual conflicts lww }',
            check: (p: ExportPlan) => {
                expect(kinds(p, 'us-east-1')).toEqual(['bucket-source']);
                expect(kinds(p, 'us-west-2')).toEqual(['bucket-replica']);
                expect(p.notGenerated.map((n) => n.name)).toContain('store assets: replication back to us-east-1');
            },
        },
        {
            name: 'turns on S3 Replication Time Control for a promised lag of 15 minutes or more',
            store: 'store assets { engine s3 regions us-east-1, us-west-2 writes primary us-east-1 holds reference blob replication async lag 20m consistency eventual }',
            check: (p: ExportPlan) => {
                expect(items(p, 'us-east-1')[0]).toMatchObject({
                    kind: 'bucket-source',
                    replicationTimeControl: true,
                    replicationTimeText: expect.stringMatching(/within 15 minutes.*replication lag of 20 m/),
                });
                expect(p.issues).toEqual([]);
            },
        },
        {
            name: 'refuses an S3 replication lag below 15 minutes, which no S3 setting can promise',
            store: 'store assets { engine s3 regions us-east-1, us-west-2 writes primary us-east-1 holds reference blob replication async lag 5m consistency eventual }',
            check: (p: ExportPlan) => {
                expect(p.issues).toEqual([
                    {
                        name: 'store assets',
                        reason: expect.stringMatching(
                            /Replication Time Control 99\.99 % of objects within 15 minutes.*replication lag of 5 m cannot be kept/,
                        ),
                    },
                ]);
                expect(kinds(p, 'us-east-1')).toEqual([]);
            },
        },
        {
            name: 'refuses an S3 store whose RPO is below 15 minutes even when its lag fits',
            store: 'store assets { engine s3 regions us-east-1, us-west-2 writes primary us-east-1 holds reference blob replication async lag 15m consistency eventual objective rto 1h rpo 1m }',
            check: (p: ExportPlan) =>
                expect(p.issues.map((i) => i.reason)).toEqual([
                    expect.stringMatching(/the design's RPO of 1 m cannot be kept/),
                ]),
        },
        {
            name: 'leaves Replication Time Control off for a bucket without replicas',
            store: 'store assets { engine s3 regions us-east-1 holds reference blob }',
            check: (p: ExportPlan) =>
                expect(items(p, 'us-east-1')[0]).toMatchObject({
                    kind: 'bucket-source',
                    replicationTimeControl: false,
                }),
        },
        ...[
            { posture: 'pilot-light', headless: true },
            { posture: 'warm-standby', headless: false },
        ].map(({ posture, headless }) => ({
            name: `makes the Aurora secondary ${headless ? 'headless' : 'run a reader'} where its only user is ${posture}`,
            store: `store db { engine aurora regions us-east-1, us-west-2 writes primary us-east-1 holds shared rows consistency session }
service shop { regions us-east-1, us-west-2 primary us-east-1 posture ${posture} capacity 100% per region uses db }`,
            check: (p: ExportPlan) =>
                expect(items(p, 'us-west-2').find((i) => i.kind === 'aurora-secondary')).toMatchObject({ headless }),
        })),
        {
            name: 'keeps a reader on the Aurora secondary when a warmer service also uses it there',
            store: `store db { engine aurora regions us-east-1, us-west-2 writes primary us-east-1 holds shared rows consistency session }
service shop { regions us-east-1, us-west-2 primary us-east-1 posture pilot-light capacity 100% per region uses db }
service admin { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby capacity 100% per region reads db }`,
            check: (p: ExportPlan) =>
                expect(items(p, 'us-west-2').find((i) => i.kind === 'aurora-secondary')).toMatchObject({
                    headless: false,
                }),
        },
        {
            name: 'lists a per-cell CockroachDB store once, with its cells',
            store: `cell a { regions us-east-1, us-east-2 }
cell b { regions us-west-2, us-east-2 }
store ledger per cell { engine cockroachdb holds shared rows writes any-region replication consensus consistency strong }`,
            check: (p: ExportPlan) => {
                expect(p.notGenerated.filter((n) => n.name.startsWith('store ledger'))).toEqual([
                    {
                        name: 'store ledger (cells a, b)',
                        reason: expect.stringMatching(/^engine cockroachdb: .*no AWS-managed equivalent/),
                    },
                ]);
                expect(p.regionStacks).toEqual([]);
            },
        },
    ])('$name', async ({ store, check }) => {
        check(await plan(store));
    });
});

describe('deployment order', () => {
    /** Kahn's algorithm over the plan's stacks: the order `cdk deploy --all` can follow, or undefined. */
    function deployOrder(p: ExportPlan): string[] | undefined {
        const pending = new Map(p.regionStacks.map((s) => [s.stackName, new Set(s.dependsOn.map((d) => d.stackName))]));
        const order: string[] = [];
        while (pending.size > 0) {
            const ready = [...pending]
                .filter(([, deps]) => [...deps].every((d) => order.includes(d)))
                .map(([name]) => name);
            if (ready.length === 0) return undefined;
            for (const name of ready) {
                order.push(name);
                pending.delete(name);
            }
        }
        return order;
    }

    /** Where each item is, by its stack: what a resource needs must deploy in an earlier stack. */
    function stackOf(p: ExportPlan, kind: RegionItem['kind'], region: string, title: string): string | undefined {
        return p.regionStacks.find(
            (s) => s.region.name === region && s.items.some((i) => i.kind === kind && i.title === title),
        )?.stackName;
    }

    test.each([
        {
            name: 'an Aurora primary and an S3 source in us-east-1, both replicating to us-west-2',
            stores: `store db { engine aurora regions us-east-1, us-west-2 writes primary us-east-1 holds shared rows consistency session }
store assets { engine s3 regions us-east-1, us-west-2 writes primary us-east-1 holds reference blob replication async lag 15m consistency eventual }`,
            stacks: ['T-us-east-1', 'T-us-east-1-replication', 'T-us-west-2', 'T-us-west-2-replication'],
        },
        {
            name: 'three regions in a ring of Aurora secondaries and S3 replication',
            stores: `store db1 { engine aurora regions us-east-2, us-east-1 writes primary us-east-2 holds shared rows consistency session }
store db2 { engine aurora regions us-west-2, us-east-2 writes primary us-west-2 holds shared rows consistency session }
store assets { engine s3 regions us-west-2, us-east-1 writes primary us-west-2 holds reference blob replication async lag 15m consistency eventual }`,
            stacks: [
                'T-us-east-1',
                'T-us-east-1-replication',
                'T-us-east-2',
                'T-us-east-2-replication',
                'T-us-west-2',
                'T-us-west-2-replication',
            ],
        },
        {
            name: 'an Aurora primary whose secondary region also holds a table: no cycle, one stack per region',
            stores: `store db { engine aurora regions us-east-1, us-west-2 writes primary us-east-1 holds shared rows consistency session }
store carts { engine dynamodb regions us-west-2, us-east-1 holds per-user rows writes any-region replication async lag 1s consistency eventual conflicts lww }`,
            stacks: ['T-us-east-1', 'T-us-west-2'],
        },
    ])('gives every stack a deployment order: $name', async ({ stores, stacks }) => {
        const p = await plan(stores);
        expect(p.issues).toEqual([]);
        expect(p.regionStacks.map((s) => s.stackName).sort()).toEqual(stacks);
        const order = deployOrder(p);
        expect(order).toBeDefined();
        // What each replicating resource needs is in a stack that deploys before it.
        for (const stack of p.regionStacks) {
            for (const item of stack.items) {
                const needs =
                    item.kind === 'aurora-secondary'
                        ? [stackOf(p, 'aurora-primary', item.primaryRegion, item.title)]
                        : item.kind === 'bucket-source'
                          ? item.replicaRegions.map((r) => stackOf(p, 'bucket-replica', r, item.title))
                          : [];
                for (const need of needs) {
                    expect(need, `${item.title} in ${stack.stackName}`).toBeDefined();
                    expect(order!.indexOf(need!), `${need} before ${stack.stackName}`).toBeLessThan(
                        order!.indexOf(stack.stackName),
                    );
                    expect(stack.dependsOn.map((d) => d.stackName)).toContain(need);
                }
            }
        }
    });

    test('refuses a real cycle among stacks, names its reasons, and drops one dependency so a forced export builds', () => {
        const slots = [
            { key: 'a', dependsOn: [{ key: 'b', reason: 'a needs b' }] },
            { key: 'b', dependsOn: [{ key: 'c', reason: 'b needs c' }] },
            { key: 'c', dependsOn: [{ key: 'a', reason: 'c needs a' }] },
            { key: 'd', dependsOn: [{ key: 'a', reason: 'd needs a' }] },
        ];
        expect(breakCycles(slots)).toEqual([
            { keys: ['a', 'b', 'c', 'a'], reasons: ['a needs b', 'b needs c', 'c needs a'] },
        ]);
        expect(slots.flatMap((s) => s.dependsOn)).toHaveLength(3);
    });

    test.each([
        { name: 'a chain', edges: { a: ['b'], b: ['c'], c: [] }, cyclic: [] },
        {
            name: 'a two-region cycle beside an unrelated region',
            edges: { a: ['b'], b: ['a'], c: ['a'] },
            cyclic: ['a', 'b'],
        },
        {
            name: 'two separate cycles',
            edges: { a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: [] },
            cyclic: ['a', 'b', 'c', 'd'],
        },
    ])('finds the regions on a cycle in $name', ({ edges, cyclic }) => {
        const graph = edges as Record<string, string[]>;
        expect(regionsOnCycles(Object.keys(graph), (n) => graph[n]!)).toEqual(cyclic);
    });
});

describe('routing', () => {
    const service = (posture: string, route: string, detect = 'detect health-check every 10s threshold 3') => `
service api { regions us-east-1, us-west-2 primary us-east-1 posture ${posture} capacity 100% per region }
failover api { ${detect} route ${route} action shift-traffic }`;

    test.each([
        {
            name: 'uses failover records from the primary to the standby',
            posture: 'warm-standby',
            route: 'dns ttl 60s',
            mode: 'failover',
            regions: ['us-east-1', 'us-west-2'],
        },
        {
            name: 'uses latency records for an active-active service',
            posture: 'active-active',
            route: 'dns ttl 30s',
            mode: 'latency',
            regions: ['us-east-1', 'us-west-2'],
        },
    ])('$name', async ({ posture, route, mode, regions }) => {
        const p = await plan(service(posture, route));
        const dns = p.globalStack?.items[0];
        expect(dns).toMatchObject({ kind: 'dns', mode, healthCheck: { intervalSeconds: 10, failureThreshold: 3 } });
        expect(dns?.kind === 'dns' && dns.regions.map((r) => r.region)).toEqual(regions);
        expect(p.globalStack?.region).toBe('us-west-2');
        expect(p.context.map((c) => c.key)).toEqual(
            expect.arrayContaining([
                'mregion:hosted-zone-id',
                'mregion:hosted-zone-name',
                'mregion:endpoint:api:us-east-1',
            ]),
        );
    });

    test.each([
        {
            name: "fails over by DNS from an AWS region to another cloud's endpoint",
            route: 'dns ttl 60s',
            from: 'us-east-1',
            to: 'us-central1',
        },
        {
            name: 'fails back by DNS from another cloud to an AWS region',
            route: 'dns ttl 60s',
            from: 'us-central1',
            to: 'us-east-1',
        },
        {
            name: "switches by ARC routing controls to another cloud's endpoint",
            route: 'arc-routing-control',
            from: 'us-east-1',
            to: 'us-central1',
        },
    ])('$name: Route 53 checks and routes to any endpoint', async ({ route, from, to }) => {
        const { model } = await modelOf(`topology T "test"\n${US}\nregion us-central1 { provider gcp jurisdiction US }
service api { regions us-east-1, us-central1 primary ${from} posture warm-standby capacity 100% per region }
failover api { detect health-check every 10s threshold 3 route ${route} action shift-traffic }`);
        const p = planExport(model);
        expect(p.issues).toEqual([]);
        const dns = p.globalStack?.items[0];
        expect(dns).toMatchObject({ kind: 'dns', mode: 'failover' });
        expect(dns?.kind === 'dns' && dns.regions.map((r) => r.region)).toEqual([from, to]);
        expect(p.context.map((c) => c.key)).toContain('mregion:endpoint:api:us-central1');
        expect(p.notGenerated.filter((n) => n.name.startsWith('failover api'))).toEqual([]);
    });

    test("keeps latency records to AWS regions and lists another cloud's region as not routed", async () => {
        const { model } = await modelOf(`topology T "test"\n${US}\nregion us-central1 { provider gcp jurisdiction US }
service api { regions us-east-1, us-central1 posture active-active capacity 100% per region }
failover api { detect health-check every 10s threshold 3 route dns ttl 60s action shift-traffic }`);
        const p = planExport(model);
        const dns = p.globalStack?.items[0];
        expect(dns?.kind === 'dns' && dns.regions.map((r) => r.region)).toEqual(['us-east-1']);
        expect(p.notGenerated).toContainEqual({
            name: 'failover api: us-central1',
            reason: expect.stringMatching(/not AWS regions/),
        });
    });

    test('gives a standby Global Accelerator group a dial of 0 and the primary 100', async () => {
        const p = await plan(
            service('warm-standby', 'global-accelerator', 'detect health-check every 30s threshold 5'),
        );
        expect(p.globalStack?.items[0]).toMatchObject({
            kind: 'accelerator',
            groups: [
                { region: 'us-east-1', trafficDialPercentage: 100 },
                { region: 'us-west-2', trafficDialPercentage: 0 },
            ],
            healthCheck: { intervalSeconds: 30, failureThreshold: 5 },
        });
    });

    test('switches failover records with ARC routing controls and a wait period of one detection interval', async () => {
        const p = await plan(service('active-passive', 'arc-routing-control'));
        expect(p.globalStack?.items[0]).toMatchObject({
            kind: 'dns',
            mode: 'failover',
            ttlSeconds: 60,
            routingControls: { waitPeriodMs: 10_000 },
        });
        expect(p.globalStack?.arcClusterName).toBe('T-recovery');
    });

    test('gives the records an ARC routing control acts on the TTL the design declares', async () => {
        const p = await plan(service('active-passive', 'arc-routing-control ttl 30s'));
        expect(p.globalStack?.items[0]).toMatchObject({
            kind: 'dns',
            ttlSeconds: 30,
            ttlText: 'route arc-routing-control ttl 30 s',
        });
    });

    test.each([
        {
            name: 'refuses a Route 53 interval other than 10 s or 30 s',
            route: 'dns ttl 60s',
            detect: 'detect health-check every 20s threshold 3',
            issue: /every 10 s or 30 s; the design's interval is 20 s/,
        },
        {
            name: 'refuses a TTL that is not whole seconds',
            route: 'dns ttl 1500ms',
            detect: undefined,
            issue: /whole seconds/,
        },
    ])('$name', async ({ route, detect, issue }) => {
        const p = await plan(service('warm-standby', route, detect));
        expect(p.issues.map((i) => i.reason)).toEqual([expect.stringMatching(issue)]);
    });

    test.each([
        { name: "lists routing through the application's router", route: 'router', reason: /own router/ },
        {
            name: 'lists DNS through providers other than Route 53',
            route: 'dns ttl 60s providers ultradns',
            reason: /ultradns: not Route 53/,
        },
    ])('$name as not generated', async ({ route, reason }) => {
        const p = await plan(service('active-passive', route));
        expect(p.globalStack).toBeUndefined();
        expect(p.notGenerated.find((n) => n.name === 'failover api')?.reason).toMatch(reason);
    });
});

describe('the README for ARC routing controls', () => {
    const design = `
service api { regions us-east-1, us-west-2 primary us-east-1 posture active-passive capacity 100% per region }
failover api { detect health-check every 10s threshold 3 route arc-routing-control action flip-routing-control }`;
    const command = (east: string, west: string) =>
        'aws route53-recovery-cluster update-routing-control-states --region <endpoint Region> --endpoint-url <endpoint> --update-routing-control-state-entries ' +
        `'[{"RoutingControlArn":"<ApiUsEast1RoutingControlArn>","RoutingControlState":"${east}"},{"RoutingControlArn":"<ApiUsWest2RoutingControlArn>","RoutingControlState":"${west}"}]'`;

    test.each([
        {
            name: 'says new routing controls start Off and leave the records unhealthy',
            text: 'New routing controls start Off (ARC developer guide, "List and update routing controls and states with the AWS CLI"), and a DNS record whose routing control is Off is unhealthy',
        },
        {
            name: 'sets the initial states: the primary On, the standby Off',
            text: `Initial state, and failback to us-east-1: us-east-1 On, us-west-2 Off.\n\n\`\`\`sh\n${command('On', 'Off')}\n\`\`\``,
        },
        {
            name: 'fails over by turning the primary Off and the standby On in one call',
            text: `Failover to us-west-2: us-east-1 Off, us-west-2 On.\n\n\`\`\`sh\n${command('Off', 'On')}\n\`\`\``,
        },
        {
            name: 'reads the ARNs and the cluster endpoints once, from the stack outputs',
            text: 'aws route53-recovery-control-config describe-cluster --region us-west-2 --cluster-arn <RecoveryClusterArn> --query "Cluster.ClusterEndpoints"',
        },
        {
            name: "states the cluster's hourly cost as a typical price with its source",
            text: 'costs about $2.50 per hour (about $1,800 per month) for as long as it exists, however many routing controls it hosts: a typical price, not a bound (Route 53 ARC cluster billed per hour, about $2.50/hour; check the current ARC pricing page (docs/facts.md#arc-cluster-price))',
        },
    ])('$name', async ({ text }) => {
        const { model } = await modelOf(`topology T "test"\n${US}\n${design}`);
        const readme = exportCdk(model, []).files.find((f) => f.path === 'README.md')!.content;
        expect(readme).toContain(text);
    });

    test('has no ARC section when no failover uses routing controls', async () => {
        const { model } = await modelOf(
            `topology T "test"\n${US}\n${design.replace('arc-routing-control', 'dns ttl 60s').replace('flip-routing-control', 'shift-traffic')}`,
        );
        expect(exportCdk(model, []).files.find((f) => f.path === 'README.md')!.content).not.toContain(
            'routing-control',
        );
    });
});

describe('objectives', () => {
    test('carries RTO and RPO into a Resilience Hub policy in the primary region, rounding fractions up', async () => {
        const p = await plan(
            'service api { regions us-east-1, us-west-2 primary us-west-2 posture warm-standby capacity 100% per region objective rto 90s rpo 500ms }',
        );
        expect(items(p, 'us-west-2').filter((i) => i.kind !== 'note')).toEqual([
            expect.objectContaining({ kind: 'resiliency-policy', rtoSeconds: 90, rpoSeconds: 1, policyName: 't-api' }),
        ]);
        expect(p.context.find((c) => c.key === 'mregion:resilience-tier')).toMatchObject({ kind: 'choice' });
    });

    test('lists an objective with RTO but no RPO instead of inventing one', async () => {
        const p = await plan(
            'service api { regions us-east-1 posture active-active capacity 100% per region objective rto 10m availability 99.9% }',
        );
        expect(p.regionStacks).toEqual([]);
        expect(p.notGenerated).toContainEqual({
            name: 'service api: objective',
            reason: expect.stringMatching(/needs both RTO and RPO; the design declares only rto/),
        });
    });
});

describe('physical names', () => {
    const bucket = (name: string) => `store ${name} { engine s3 regions us-east-1 holds reference blob }`;
    const prefixes = (p: ExportPlan) =>
        new Map(items(p, 'us-east-1').map((i) => [i.name, i.kind === 'bucket-source' ? i.namePrefix : '']));

    test.each([
        {
            name: 'the name already in normalized form keeps it; the other gets its hash',
            stores: ['orders_db', 'orders-db'],
        },
        { name: 'the result does not depend on declaration order', stores: ['orders-db', 'orders_db'] },
    ])('keeps two stores that normalize alike apart: $name', async ({ stores }) => {
        const p = await plan(stores.map(bucket).join('\n'));
        expect(p.nameCollisions).toEqual([]);
        expect(Object.fromEntries(prefixes(p))).toEqual({
            'orders-db': 't-orders-db',
            orders_db: `t-orders-db-${stableHash('T\u0000orders_db')}`,
        });
    });

    test('sets apart every name of a group none of which is in normalized form', () => {
        const { names, collisions } = uniqueNames(
            ['a_b', 'a.b'],
            (key, hashed) => bucketNamePrefix('T', key, hashed),
            'S3 bucket name prefix',
        );
        expect(collisions).toEqual([]);
        expect([...names.values()]).toEqual([`t-a-b-${stableHash('T\u0000a_b')}`, `t-a-b-${stableHash('T\u0000a.b')}`]);
    });

    test("fails the export, even forced, when a model name spells out another one's suffix", async () => {
        const spelled = `orders-db-${stableHash('T\u0000orders_db')}`;
        const { model } = await modelOf(
            `topology T "test"\n${US}\n${['orders_db', 'orders-db', spelled].map(bucket).join('\n')}`,
        );
        const result = exportCdk(model, [], { force: true });
        expect(result.files).toEqual([]);
        expect(result.nameCollisions).toEqual([
            `'${spelled}' and 'orders_db' both give the S3 bucket name prefix 't-${spelled}'; rename one of them in the design`,
        ]);
        expect(result.errors).toEqual(result.nameCollisions);
    });

    test('keeps stack names distinct and within 128 characters when the topology name is long', async () => {
        const long = 'A'.repeat(60) + 'Very' + 'B'.repeat(60);
        const { model } = await modelOf(
            `topology ${long} "test"\n${US}\nstore db { engine aurora regions us-east-1, us-west-2 writes primary us-east-1 holds shared rows consistency session }`,
        );
        const names = planExport(model).regionStacks.map((s) => s.stackName);
        expect(names).toHaveLength(2);
        expect(new Set(names).size).toBe(2);
        for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9-]{0,127}$/);
    });
});

describe('the export result', () => {
    const design = readFileSync('examples/aurora-warm-standby.mregion', 'utf8');

    test('refuses a design with errors and says which, unless forced', async () => {
        const { model } = await modelOf(design);
        const refused = exportCdk(model, ['orders.mregion:3:1 missing-property store orders-db needs an engine']);
        expect(refused).toEqual({
            files: [],
            notGenerated: [],
            errors: ['orders.mregion:3:1 missing-property store orders-db needs an engine'],
        });
        const forced = exportCdk(model, ['orders.mregion:3:1 …'], { force: true });
        expect(forced.errors).toEqual([]);
        expect(forced.files.map((f) => f.path)).toContain('lib/app.ts');
    });

    test('refuses what AWS cannot express, and lists it when forced', async () => {
        const { model } = await modelOf(design.replace('every 10s', 'every 20s'));
        expect(exportCdk(model, []).errors).toEqual([
            expect.stringMatching(/^failover orders: a Route 53 health check checks every 10 s or 30 s/),
        ]);
        const forced = exportCdk(model, [], { force: true });
        expect(forced.notGenerated[0]?.name).toBe('failover orders');
        expect(forced.files.some((f) => f.path === 'lib/stacks/global-stack.ts')).toBe(false);
    });

    test('rejects an account id that is not 12 digits', async () => {
        const { model } = await modelOf(design);
        expect(exportCdk(model, [], { account: '12345' }).errors).toEqual([
            "account '12345' is not a 12-digit AWS account id",
        ]);
    });

    test('writes the given account into cdk.json and no lookup result it would have to invent', async () => {
        const { model } = await modelOf(design);
        const cdkJson = JSON.parse(
            exportCdk(model, [], { account: '210987654321' }).files.find((f) => f.path === 'cdk.json')!.content,
        );
        expect(cdkJson.context['mregion:account']).toBe('210987654321');
        // Lookup results are keyed provider:account=…:region=…; availability zones were once seeded as a, b and c.
        expect(Object.keys(cdkJson.context).filter((k) => /account=|availability-zones/.test(k))).toEqual([]);
        expect(cdkJson.context).toMatchObject({
            notices: false,
            'cli-telemetry': false,
            '@aws-cdk/core:strictCfnValidateErrors': true,
        });
    });

    test.each(['cloudflare', 'cosmos-far-strong'])(
        'generates nothing for %s, which has no AWS region, and says so',
        async (example) => {
            const { model } = await modelOf(readFileSync(`examples/${example}.mregion`, 'utf8'));
            const result = exportCdk(model, []);
            expect(result.files).toEqual([]);
            expect(result.errors).toEqual([]);
            expect(result.notGenerated[0]).toEqual({
                name: expect.stringMatching(/^topology /),
                reason: expect.stringMatching(/no region with provider aws/),
            });
            expect(result.notGenerated.length).toBeGreaterThan(1);
        },
    );
});
