import { describe, expect, it } from 'vitest';
import { describeFailoverTime, estimateFailoverTime } from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
`;

const STORE = `
store db {
    engine aurora
    regions us-east-1, us-west-2
    holds shared rows
    writes primary us-east-1
    consistency session
}
`;

function service(posture: string): string {
    return `
service api {
    regions us-east-1, us-west-2
    primary us-east-1
    posture ${posture}
    capacity 100% per region
    uses db
}
`;
}

async function estimate(failover: string, posture = 'warm-standby') {
    const { model, problems } = await modelOf(`topology T\n${REGIONS}${STORE}${service(posture)}${failover}`);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const f = model.failovers.find((x) => x.target.id === 'api')!;
    return estimateFailoverTime(model, f);
}

describe('failover-time estimator', () => {
    const cases: { name: string; failover: string; posture?: string; totalMs: number; breakdown: string }[] = [
        {
            name: 'adds detection, TTL and promotion for a health-checked DNS failover',
            failover: `failover api { detect health-check every 10s threshold 3  route dns ttl 60s  action promote db }`,
            totalMs: 10_000 * 3 + 6_000 + 60_000 + 60_000,
            breakdown: '10 s × 3 + 6 s timeout detection + 1 m TTL + 1 m promotion',
        },
        {
            name: 'uses the Route 53 defaults (30 s × 3) when detection is not declared',
            failover: `failover api { route dns ttl 60s  action shift-traffic }`,
            totalMs: 30_000 * 3 + 6_000 + 60_000,
            breakdown: '30 s × 3 + 6 s timeout detection + 1 m TTL',
        },
        {
            name: 'adds nothing for anycast routing',
            failover: `failover api { detect health-check every 10s threshold 3  route anycast  action shift-traffic }`,
            posture: 'active-active',
            totalMs: 36_000 + 0,
            breakdown: '10 s × 3 + 6 s timeout detection',
        },
        {
            // ARC flips Route 53 health checks on DNS records: clients wait out the records' TTL (docs/facts.md#arc-routing-control).
            name: "adds the records' TTL after an ARC routing control flip",
            failover: `failover api { detect health-check every 10s threshold 2 timeout 0s  route arc-routing-control ttl 60s  action flip-routing-control }`,
            posture: 'active-active',
            totalMs: 10_000 * 2 + 60_000,
            breakdown: '10 s × 2 detection + 1 m TTL of the ARC-flipped records',
        },
        {
            name: 'adds the declared resolver tail after an ARC flip as after a DNS failover',
            failover: `failover api { detect health-check every 10s threshold 3  route arc-routing-control ttl 60s tail 5% 5m }`,
            posture: 'active-active',
            totalMs: 36_000 + 60_000 + 300_000,
            breakdown:
                '10 s × 3 + 6 s timeout detection + 1 m TTL of the ARC-flipped records + 5 m resolver tail (5% of clients)',
        },
        {
            name: 'adds nothing for Global Accelerator, which waits out no TTL',
            failover: `failover api { detect health-check every 10s threshold 3  route global-accelerator }`,
            posture: 'active-active',
            totalMs: 36_000,
            breakdown: '10 s × 3 + 6 s timeout detection',
        },
        {
            name: "takes an operator's decision as the start of an ARC failover when detection is manual",
            failover: `failover api { detect manual after 5m  route arc-routing-control ttl 60s  action flip-routing-control }`,
            totalMs: 300_000 + 60_000,
            breakdown: '5 m manual detection + 1 m TTL of the ARC-flipped records',
        },
        {
            name: 'adds the declared resolver tail to the DNS TTL',
            failover: `failover api { detect health-check every 10s threshold 3  route dns ttl 60s tail 5% 5m  action shift-traffic }`,
            totalMs: 36_000 + 60_000 + 300_000,
            breakdown: '10 s × 3 + 6 s timeout detection + 1 m TTL + 5 m resolver tail (5% of clients)',
        },
        {
            name: 'runs actions one after another with their declared durations',
            failover: `failover api { detect health-check every 10s threshold 3  route dns ttl 60s  action console takes 5m  action launch-capacity api  action edit-dns }`,
            totalMs: 36_000 + 60_000 + 300_000 + 600_000 + 60_000,
            breakdown:
                '10 s × 3 + 6 s timeout detection + 1 m TTL + 5 m console step + 10 m capacity launch + 1 m DNS record edit',
        },
        {
            name: 'floors the total at the pilot-light tier minimum of 10 minutes',
            failover: `failover api { detect health-check every 10s threshold 3  route anycast  action shift-traffic }`,
            posture: 'pilot-light',
            totalMs: 600_000,
            breakdown: '10 s × 3 + 6 s timeout detection',
        },
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const e = await estimate(c.failover, c.posture);
            expect(e.totalMs).toBe(c.totalMs);
            expect(e.breakdown).toBe(c.breakdown);
            expect(e.unknownParts).toEqual([]);
        });
    }

    it('describes the total with its breakdown as messages show it', async () => {
        const e = await estimate(
            `failover api { detect health-check every 10s threshold 3  route dns ttl 60s  action promote db }`,
        );
        // 20–30 s to the third failing check + 6 s timeout, 0–60 s until a client's cached answer expires, 1 m promotion.
        expect(describeFailoverTime(e)).toBe(
            '1 m 26 s–2 m 36 s, typical 2 m 1 s (worst when the failure lands just after a check and a client fetched its answer just before the change: 10 s × 3 + 6 s timeout detection + 1 m TTL + 1 m promotion)',
        );
    });

    it('says "at least" and names the part when manual detection declares no delay', async () => {
        const e = await estimate(`failover api { detect manual  route dns ttl 60s  action shift-traffic }`);
        expect(e.unknownParts).toEqual(['manual detection (no delay declared)']);
        expect(e.totalMs).toBe(60_000);
        expect(describeFailoverTime(e)).toMatch(/^at least 1 m \(1 m TTL \+ manual detection \(no delay declared\)\)$/);
    });

    it('estimates the ARC acceptance case (checks every 10 s, threshold 3, TTL 60 s) at no less than 90 s', async () => {
        const e = await estimate(
            `failover api { detect health-check every 10s threshold 3  route arc-routing-control ttl 60s  action flip-routing-control }`,
        );
        // Worked out by hand: 10 s × 3 checks + 6 s Route 53 timeout (docs/facts.md#route53-health-check-timeout) + 60 s TTL (docs/facts.md#arc-routing-control) = 96 s.
        expect(e.totalMs).toBe(96_000);
        expect(e.totalMs).toBeGreaterThanOrEqual(90_000);
        expect(e.routing).toMatchObject({ method: 'arc-routing-control', ms: 60_000, ttlMs: 60_000 });
    });

    it('says "at least" when an ARC route declares no TTL, and the builder warns', async () => {
        const { model, problems } = await modelOf(
            `topology T\n${REGIONS}${STORE}${service('warm-standby')}failover api { detect health-check every 10s threshold 3  route arc-routing-control }`,
        );
        expect(problems.map((p) => [p.code, p.severity])).toEqual([['missing-property', 'warning']]);
        expect(problems[0]!.message).toContain('route arc-routing-control ttl 60s');
        const e = estimateFailoverTime(model, model.failovers[0]!);
        expect(e.unknownParts).toEqual(['ARC-flipped DNS records (no TTL declared)']);
        expect(describeFailoverTime(e)).toBe(
            'at least 1 m (10 s × 3 + 6 s timeout detection + ARC-flipped DNS records (no TTL declared); the warm-standby tier itself needs at least 1 m (docs/facts.md#dr-strategy-recovery-time))',
        );
    });

    it('mentions the tier floor when it dominates', async () => {
        const e = await estimate(
            `failover api { detect health-check every 10s threshold 3  route anycast }`,
            'pilot-light',
        );
        expect(describeFailoverTime(e)).toContain(
            'the pilot-light tier itself needs at least 10 m (docs/facts.md#dr-strategy-recovery-time)',
        );
    });

    it('marks control-plane actions homed in the region the failover protects against', async () => {
        const e = await estimate(
            `failover api { route dns ttl 60s  action edit-dns  action launch-capacity api in us-west-2  action shift-traffic }`,
        );
        expect(e.protectsAgainst).toEqual(['us-east-1']);
        expect(
            e.actions.map((a) => [
                a.action.kind,
                a.controlPlane?.name,
                a.controlPlane?.region,
                a.controlPlane?.inFailedRegion,
            ]),
        ).toEqual([
            ['edit-dns', 'Route 53', 'us-east-1', true],
            ['launch-capacity', 'EC2', 'us-west-2', false],
            ['shift-traffic', undefined, undefined, undefined],
        ]);
    });

    it('treats promotion of a self-failing-over engine as an instant data-plane step', async () => {
        const { model } = await modelOf(`topology T
region us-east-1 {}
region us-east-2 {}
region us-west-2 {}
store t { engine cockroachdb regions us-east-1, us-east-2, us-west-2 holds shared rows }
failover t { detect health-check every 10s threshold 3 action promote t }`);
        const e = estimateFailoverTime(model, model.failovers[0]!);
        expect(e.actions[0]!.ms).toBe(0);
        expect(e.actions[0]!.controlPlane).toBeUndefined();
        expect(e.totalMs).toBe(36_000);
    });
});

describe('action times per engine', () => {
    const regions = `region us-east-1 {}\nregion us-east-2 {}\nregion us-west-2 {}\n`;
    const storeOf = (engine: string, extra = '') =>
        `store db { engine ${engine} regions us-east-1, us-east-2, us-west-2 holds shared rows ${extra} }\n`;
    const singleWriter = 'writes primary us-east-1 replication async lag 1s consistency session';
    async function actionOf(engine: string, action: string, extra = '') {
        const { model, problems } = await modelOf(
            `topology T\n${regions}${storeOf(engine, extra)}failover db { detect health-check every 10s threshold 3 action ${action} drill every 30d }`,
        );
        const a = estimateFailoverTime(model, model.failovers[0]!).actions[0]!;
        return {
            ms: a.ms,
            plane: a.action.plane,
            label: a.label,
            problems: problems.map((p) => `${p.code}: ${p.message}`),
        };
    }

    // Figures from the reference: Aurora Global managed failover "typically about a minute" (docs/facts.md#aurora-managed-failover-time); stores
    // that accept writes in every replica have nothing to promote; consensus engines elect a leader by themselves.
    it.each([
        {
            name: 'Aurora Global promotes by managed failover in about a minute, through its control plane',
            engine: 'aurora',
            extra: singleWriter,
            ms: 60_000,
            plane: 'control-plane',
        },
        {
            name: 'DynamoDB global tables have no writer to promote',
            engine: 'dynamodb',
            extra: '',
            ms: 0,
            plane: 'data-plane',
        },
        {
            name: 'Cassandra has no writer to promote',
            engine: 'cassandra',
            extra: 'replication async lag 1s consistency eventual',
            ms: 0,
            plane: 'data-plane',
        },
        {
            name: 'Spanner elects a new leader by itself',
            engine: 'spanner',
            extra: 'leader us-east-1',
            ms: 0,
            plane: 'data-plane',
        },
        {
            name: 'CockroachDB elects new leaseholders by itself',
            engine: 'cockroachdb',
            extra: 'leader us-east-1',
            ms: 0,
            plane: 'data-plane',
        },
    ])('promote: $name', async ({ engine, extra, ms, plane }) => {
        const a = await actionOf(engine, 'promote db', extra);
        expect(a.problems).toEqual([]);
        expect([a.ms, a.plane]).toEqual([ms, plane]);
    });

    it.each([
        {
            name: 'an RDS read replica (postgres), documented only as "several minutes or longer"',
            engine: 'postgres',
            says: 'several minutes or longer',
        },
        { name: 'an RDS read replica (mysql)', engine: 'mysql', says: 'several minutes or longer' },
        {
            name: 'Cosmos DB service-managed failover',
            engine: 'cosmosdb',
            says: 'no duration for a Cosmos DB service-managed failover',
        },
        {
            name: 'a Redis replica, for which the reference has no figure',
            engine: 'redis',
            says: 'no documented duration',
        },
    ])('promote needs a declared duration for $name', async ({ engine, says }) => {
        const a = await actionOf(engine, 'promote db', singleWriter);
        expect(a.ms).toBeUndefined();
        expect(a.problems).toEqual([expect.stringMatching(/^missing-property: action promote/)]);
        expect(a.problems[0]).toContain(says);
        expect(a.problems[0]).toMatch(/say how long it 'takes'/i);
    });

    it('takes a declared promotion time over the engine default', async () => {
        expect((await actionOf('postgres', 'promote db takes 8m', singleWriter)).ms).toBe(480_000);
    });

    it.each([
        { name: 'Spanner moves its leaders by itself', engine: 'spanner', ms: 0 },
        { name: 'DynamoDB takes the writes in another replica at once', engine: 'dynamodb', ms: 0 },
        {
            name: 'a MySQL pod moves in about a minute (Shopify, docs/facts.md#shopify-pod-failover-time)',
            engine: 'mysql',
            ms: 60_000,
        },
    ])('rehome: $name', async ({ engine, ms }) => {
        const a = await actionOf(
            engine,
            'rehome db',
            engine === 'mysql' ? singleWriter : engine === 'spanner' ? 'leader us-east-1' : '',
        );
        expect(a.problems).toEqual([]);
        expect(a.ms).toBe(ms);
    });

    // Restore = size ÷ throughput, worked out by hand.
    it.each([
        {
            name: "the store's 20 TB at 1 GB/s: 20,000 s",
            extra: 'size 20TB',
            action: 'restore-backup db throughput 1GB/s',
            ms: 20_000_000,
            label: 'restore (20 TB ÷ 1 GB/s)',
        },
        {
            name: "the action's 2 TB at 500 MB/s: 4,000 s",
            extra: '',
            action: 'restore-backup db size 2TB throughput 500MB/s',
            ms: 4_000_000,
            label: 'restore (2 TB ÷ 500 MB/s)',
        },
        {
            name: '1 TB at 1 TB/h: one hour',
            extra: 'size 1TB',
            action: 'restore-backup db throughput 1TB/h',
            ms: 3_600_000,
            label: 'restore (1 TB ÷ 277.8 MB/s)',
        },
        {
            name: "the store's backup restore throughput when the action declares none",
            extra: 'size 20TB  backup every 1h restore 1GB/s',
            action: 'restore-backup db',
            ms: 20_000_000,
            label: 'restore (20 TB ÷ 1 GB/s)',
        },
        {
            name: "the action's throughput over the store's backup restore throughput",
            extra: 'size 20TB  backup every 1h restore 1GB/s',
            action: 'restore-backup db throughput 2GB/s',
            ms: 10_000_000,
            label: 'restore (20 TB ÷ 2 GB/s)',
        },
        {
            name: 'a declared duration wins over the computed one',
            extra: 'size 20TB',
            action: 'restore-backup db throughput 1GB/s takes 3h',
            ms: 10_800_000,
            label: 'restore',
        },
    ])('restore-backup: $name', async ({ extra, action, ms, label }) => {
        const a = await actionOf('postgres', action, `${singleWriter} ${extra}`);
        expect(a.problems).toEqual([]);
        expect(a.ms).toBe(ms);
        expect(a.label).toBe(label);
    });

    it.each([
        { name: 'no throughput', extra: 'size 20TB', action: 'restore-backup db', says: "declare its 'throughput'" },
        {
            name: 'neither size nor throughput',
            extra: '',
            action: 'restore-backup db',
            says: "declare its 'size' (or the store's) and its 'throughput'",
        },
    ])(
        'restore-backup with $name asks for what is missing, since no vendor documents a restore throughput',
        async ({ extra, action, says }) => {
            const a = await actionOf('postgres', action, `${singleWriter} ${extra}`);
            expect(a.ms).toBeUndefined();
            expect(a.problems).toHaveLength(1);
            expect(a.problems[0]).toContain('no vendor documents a restore throughput');
            expect(a.problems[0]).toContain(says);
        },
    );

    it.each([
        {
            name: 'a throughput on a promotion',
            action: 'promote db throughput 1GB/s',
            says: 'only a restore-backup action has a throughput',
        },
        {
            name: 'a throughput written as a size',
            action: 'restore-backup db size 1TB throughput 1GB',
            says: "'1GB' is a size",
        },
    ])('reports $name at the value', async ({ action, says }) => {
        const a = await actionOf('aurora', action, singleWriter);
        expect(a.problems.some((p) => p.includes(says))).toBe(true);
    });
});
