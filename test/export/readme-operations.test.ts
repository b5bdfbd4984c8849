// The generated README's operations sections: the monthly cost of what was generated (priced only from
// docs/facts.md, with the prices' dates), the design's warnings carried over, and a failover/failback runbook
// with the commands of each failover. Checked on the plan and the README text, without synthesizing.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ARC_CLUSTER_PRICE, PRICE_DATES } from '../../export/cdk/costs.js';
import { exportCdk, planExport } from '../../export/cdk/index.js';
import { NO_PRICE } from '../../export/cdk/plan/costs.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
`;

const AURORA = `topology Orders "aurora with a standby"
${REGIONS}
store orders { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }
service api { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby capacity 100% per region uses orders }
failover api { detect health-check every 10s threshold 3 route dns ttl 60s action promote orders action shift-traffic }
workload steady for orders { writes 100/s from us-east-1 100% reads 10/s keys 1000 item-size 1KB }
`;

const ACCELERATED = `topology Edge "a standby behind Global Accelerator, and routing controls"
${REGIONS}
store carts { engine dynamodb regions us-east-1, us-west-2 holds per-user rows writes any-region replication async lag 1s consistency eventual conflicts lww }
service api { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby capacity 100% per region uses carts }
service ops { regions us-east-1, us-west-2 primary us-east-1 posture active-passive capacity 100% per region }
failover api { detect health-check every 30s threshold 3 route global-accelerator action promote carts action shift-traffic }
failover ops { detect health-check every 30s threshold 3 route arc-routing-control action flip-routing-control }
`;

async function readme(design: string, warnings: readonly string[] = []): Promise<string> {
    const { model } = await modelOf(design);
    const result = exportCdk(model, [], { account: '210987654321', designWarnings: warnings });
    expect(result.errors).toEqual([]);
    return result.files.find((f) => f.path === 'README.md')!.content;
}

describe('the monthly cost estimate', () => {
    test.each([
        {
            name: "lists Aurora instances and fast health checks without a price, and prices replicated writes' transfer from the facts",
            design: AURORA,
            lines: [
                {
                    item: expect.stringMatching(/^2 Aurora PostgreSQL instances \(1 writer, 1 secondary reader/),
                    basis: NO_PRICE,
                },
                { item: '2 Route 53 health checks at the fast 10 s interval', basis: NO_PRICE },
                // 100 writes/s × 1 KB × 2,592,000 s = 259.2 GB a month to one other US region at $0.02/GB.
                {
                    item: "inter-region transfer of store orders's replicated writes",
                    usdPerMonth: expect.closeTo(259.2 * 0.02, 6),
                    basis: expect.stringContaining('a 2020 price list, checked 2026-12-06'),
                },
            ],
        },
        {
            name: "prices the ARC cluster at the facts' typical monthly figure and lists the accelerator and DynamoDB replicated writes without one",
            design: ACCELERATED,
            lines: [
                {
                    item: 'ARC cluster `Edge-recovery`',
                    usdPerMonth: ARC_CLUSTER_PRICE.usdPerMonth.value,
                    basis: expect.stringContaining('a typical price, not a bound'),
                },
                { item: '1 Global Accelerator', basis: NO_PRICE },
                { item: '2 Route 53 health checks at the 30 s interval', basis: NO_PRICE },
                {
                    item: 'replicated writes of store carts into 1 other region (DynamoDB replicated write units)',
                    basis: NO_PRICE,
                },
                {
                    item: "inter-region transfer of store carts's replicated writes",
                    basis: 'no estimate: no workload writes this store',
                },
            ],
        },
    ])('$name', async ({ design, lines }) => {
        const { model } = await modelOf(design);
        expect(planExport(model).costs).toEqual(lines);
    });

    test('states every price with the date docs/facts.md records for it', () => {
        const facts = readFileSync('docs/facts.md', 'utf8');
        for (const [id, date] of Object.entries(PRICE_DATES)) {
            const entry = facts.slice(facts.indexOf(`<a id="${id}"></a>`)).split('\n<a id=')[0]!;
            const checked = /\*\*Checked:\*\* (\d{4}-\d{2}-\d{2})/.exec(entry)?.[1];
            expect(checked, id).toBeDefined();
            expect(date, id).toContain(checked);
        }
        expect(facts).toMatch(/aws-inter-region-transfer-price[\s\S]*?as measured in 2020/);
    });

    test('sums only the priced rows, and says so', async () => {
        const text = await readme(ACCELERATED);
        expect(text).toContain('| ARC cluster `Edge-recovery` | $1,800 |');
        expect(text).toContain(
            '| **priced items together** | **$1,800** | the sum of the rows with a price; the others are not included |',
        );
    });
});

describe("the design's warnings", () => {
    test('are carried into the README, one item each, escaped', async () => {
        const text = await readme(AURORA, ['orders.mregion:12:5 control-plane-failover promote <needs> | the RDS API']);
        expect(text).toContain('## Warnings from the design');
        expect(text).toContain('- orders.mregion:12:5 control-plane-failover promote &lt;needs&gt; \\| the RDS API');
    });

    test('leave no section when there are none', async () => {
        expect(await readme(AURORA)).not.toContain('## Warnings from the design');
    });
});

describe('the runbook', () => {
    test('fails an Aurora store over with data loss accepted, and fails back by switchover', async () => {
        const text = await readme(AURORA);
        expect(text).toContain(
            'aws rds failover-global-cluster --region us-west-2 --global-cluster-identifier orders-orders --target-db-cluster-identifier <ARN of the us-west-2 cluster: aws rds describe-global-clusters --region us-west-2 --global-cluster-identifier orders-orders',
        );
        expect(text).toMatch(/failover-global-cluster .* --allow-data-loss/);
        expect(text).toMatch(
            /Failback, once the region has recovered and caught up:\n\n```sh\naws rds switchover-global-cluster --region us-east-1 --global-cluster-identifier orders-orders /,
        );
        expect(text).toContain('Route 53 stops answering with the region whose health check fails');
    });

    test('moves Global Accelerator dials both ways, and says a DynamoDB promotion needs no command', async () => {
        const text = await readme(ACCELERATED);
        expect(text).toMatch(
            /update-endpoint-group --region us-west-2 --endpoint-group-arn <endpoint group ARN of us-west-2: [^\n]*> --traffic-dial-percentage 100\n\s*aws globalaccelerator update-endpoint-group [^\n]*of us-east-1: [^\n]*--traffic-dial-percentage 0/,
        );
        expect(text).toContain('nothing to run: every replica of a DynamoDB global table accepts writes');
        expect(text).toContain('the update-routing-control-states commands in "Routing controls (ARC)" below');
    });
});
