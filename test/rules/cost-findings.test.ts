// egress-cost, whole findings: place, severity and message. The rule-cases table (cost-rules.test.ts) checks fragments
// only. As docs/rules/egress-cost.md says: the replication egress of the stores a service uses (or of a store with its
// own objective) is priced at the source region's transfer price, $0.02/GB between AWS regions
// (docs/facts.md#aws-inter-region-transfer-price), over a 30-day month. Worked per case: writes/s × item size ×
// 2,592,000 s × other regions ÷ 10⁹ B/GB × $0.02.
import { describe, expect, it } from 'vitest';
import { wholeFindings } from './whole-findings.js';

const REGIONS = `topology Orders
region us-east-1 {}
region eu-west-1 {}
`;
const aurora = (name: string, extra = '') =>
    `store ${name} { engine aurora regions us-east-1, eu-west-1 holds shared rows writes primary us-east-1 consistency session ${extra}}\n`;
const orders = (uses: string, objective: string) =>
    `service orders { regions us-east-1, eu-west-1 posture warm-standby uses ${uses} ${objective} }\n`;
const workload = (rate: number, size: string) =>
    `workload w for orders { writes ${rate}/s from us-east-1 100%  item-size ${size} }\n`;

/** The message for `total` over `objective`, with each store's part. */
const OVER = (total: string, objective: string, parts: string) =>
    `cross-region replication alone costs ≈ ${total}/month, above the cost objective of ${objective}/month: ${parts} ` +
    `— at the source region's transfer price (docs/facts.md#aws-inter-region-transfer-price)`;
const finding = (at: string, message: string) => ({ at, severity: 'warning', message, fixes: [] });
// 300 × 2,000 B × 2,592,000 s = 1,555.2 GB × $0.02 = $31.104.
const DB_300 = 'db ≈ $31.1 (300 writes/s × 2 KB × 1 other region × $0.02/GB over 30 days)';

describe('egress-cost', () => {
    it.each([
        {
            name: 'a service’s stores over its objective',
            design: `${REGIONS}${aurora('db')}${orders('db', 'objective cost $20/month')}${workload(300, '2KB')}`,
            expected: [finding('cost $20/month', OVER('$31.1', '$20', DB_300))],
        },
        {
            // 3,125 × 1,000 B × 2,592,000 s = 8,100 GB × $0.02 = $162 exactly: $162 passes (below), $161 does not.
            name: 'an objective $1 under an exact estimate',
            design: `${REGIONS}${aurora('db')}${orders('db', 'objective cost $161/month')}${workload(3125, '1KB')}`,
            expected: [
                finding(
                    'cost $161/month',
                    OVER('$162', '$161', 'db ≈ $162 (3,125 writes/s × 1 KB × 1 other region × $0.02/GB over 30 days)'),
                ),
            ],
        },
        {
            name: 'passes an objective equal to the estimate',
            design: `${REGIONS}${aurora('db')}${orders('db', 'objective cost $162/month')}${workload(3125, '1KB')}`,
            expected: [],
        },
        {
            // A cache per region (replication none) ships nothing: $0, not listed among the parts.
            name: 'leaves a store that ships nothing out of the parts',
            design: `${REGIONS}${aurora('db')}store cache { engine redis regions us-east-1, eu-west-1 holds per-user document writes any-region replication none consistency eventual conflicts lww }\n${orders('db, cache', 'objective cost $20/month')}${workload(300, '2KB')}`,
            expected: [finding('cost $20/month', OVER('$31.1', '$20', DB_300))],
        },
        {
            // $31.104 each: $62.208 together, over $50 though each is under it.
            name: 'two stores over the objective together are both listed',
            design: `${REGIONS}${aurora('db')}${aurora('log')}${orders('db, log', 'objective cost $50/month')}${workload(300, '2KB')}`,
            expected: [
                finding(
                    'cost $50/month',
                    OVER(
                        '$62.21',
                        '$50',
                        `${DB_300}; log ≈ $31.1 (300 writes/s × 2 KB × 1 other region × $0.02/GB over 30 days)`,
                    ),
                ),
            ],
        },
        {
            name: 'a store’s own objective',
            design: `${REGIONS}${aurora('db', 'objective cost $10/month ')}${orders('db', '')}${workload(300, '2KB')}`,
            expected: [finding('cost $10/month', OVER('$31.1', '$10', DB_300))],
        },
        {
            // The per-cell instance db@c1 is named as declared.
            name: 'a per-cell store is named without its cell',
            design: `${REGIONS}cell c1 { regions us-east-1, eu-west-1 }\nstore db per cell { engine aurora holds shared rows writes primary us-east-1 consistency session }\nservice orders per cell { posture warm-standby uses db objective cost $20/month }\n${workload(300, '2KB')}`,
            expected: [finding('cost $20/month', OVER('$31.1', '$20', DB_300))],
        },
        {
            name: 'passes a service with no cost objective',
            design: `${REGIONS}${aurora('db')}${orders('db', 'objective rto 5m')}${workload(300, '2KB')}`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('egress-cost', design)).toEqual(expected);
    });
});
