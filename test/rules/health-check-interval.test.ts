// health-check-interval, whole findings: message, place and fixes. The rule-cases table (failover-rules.test.ts)
// checks fragments only. As docs/rules/health-check-interval.md says: Route 53 and Global Accelerator check every
// 10 s or 30 s (docs/facts.md#route53-health-check-interval, docs/facts.md#global-accelerator-health-check), so another
// written interval on an AWS target routed by dns, anycast or global-accelerator is flagged, with the nearest offered
// interval (both between them). Detection = φ + (N − 1)·I + T with φ ∈ [0, I): best (N − 1)·I + T, worst N·I + T,
// each worked by hand below (the default timeout T is 6 s, docs/facts.md#route53-health-check-timeout).
import { describe, expect, it } from 'vitest';
import { wholeFindings } from './whole-findings.js';

/** A failover of `web`, which runs in two regions: us-east-1 and us-west-2 unless `regions` declares others. */
const detected = (
    detect: string,
    route = 'anycast',
    regions = ['region us-east-1 {}', 'region us-west-2 {}'],
) => `topology Web
${regions.join('\n')}
service web { regions ${regions.map((r) => r.split(' ')[1]).join(', ')} posture active-active }
failover web {
${detect}
route ${route}
drill every 30d
}
`;

const NOT_ON_AWS = (interval: string) =>
    `health checks every ${interval} are not available on AWS: Route 53 and Global Accelerator check every 10 s or 30 s ` +
    '(docs/facts.md#route53-health-check-interval, docs/facts.md#global-accelerator-health-check). Detection takes ';
const CYCLE = ' this design assumes (by where the failure lands in the check cycle)';
const CHECK = (interval: string, detection: string, written: string, preferred: boolean) => ({
    title: `Check every ${interval} (detection ${detection})`,
    preferred,
    edits: [`replace '${written}' with '${interval.replace(' ', '')}'`],
});

describe('health-check-interval', () => {
    it.each([
        {
            // Offered: 2·10 + 6 = 26 s to 3·10 + 6 = 36 s. Assumed: 2·5 + 6 = 16 s to 3·5 + 6 = 21 s.
            name: 'every 5 s is raised to 10 s, with both detection ranges worked out',
            design: detected('detect health-check every 5s threshold 3'),
            expected: [
                {
                    at: '5s',
                    severity: 'warning',
                    message: `${NOT_ON_AWS('5 s')}10 s × 3 + 6 s timeout = 26–36 s, not the 16–21 s${CYCLE}`,
                    fixes: [CHECK('10 s', '26–36 s', '5s', true)],
                },
            ],
        },
        {
            // 10 s: 2·10 + 6 = 26 s to 36 s; 30 s: 2·30 + 6 = 66 s to 96 s. Assumed 20 s: 46 s to 66 s.
            name: 'every 20 s, between the two offers, is offered both, the faster preferred',
            design: detected('detect health-check every 20s threshold 3'),
            expected: [
                {
                    at: '20s',
                    severity: 'warning',
                    message: `${NOT_ON_AWS('20 s')}10 s × 3 + 6 s timeout = 26–36 s or 30 s × 3 + 6 s timeout = 1 m 6 s–1 m 36 s, not the 46 s–1 m 6 s${CYCLE}`,
                    fixes: [CHECK('10 s', '26–36 s', '20s', true), CHECK('30 s', '1 m 6 s–1 m 36 s', '20s', false)],
                },
            ],
        },
        {
            // 30 s, threshold 2, timeout 4 s: 30 + 4 = 34 s to 64 s. Assumed 1 m: 64 s to 124 s.
            name: 'every minute is lowered to 30 s, with the threshold and timeout as written',
            design: detected('detect health-check every 1m threshold 2 timeout 4s', 'global-accelerator'),
            expected: [
                {
                    at: '1m',
                    severity: 'warning',
                    message: `${NOT_ON_AWS('1 m')}30 s × 2 + 4 s timeout = 34 s–1 m 4 s, not the 1 m 4 s–2 m 4 s${CYCLE}`,
                    fixes: [CHECK('30 s', '34 s–1 m 4 s', '1m', true)],
                },
            ],
        },
        {
            // Threshold 1, no timeout: the first failing check decides, 0 to one interval after the failure.
            name: 'a single check with no timeout detects within one interval',
            design: detected('detect health-check every 9s threshold 1 timeout 0s', 'dns ttl 60s'),
            expected: [
                {
                    at: '9s',
                    severity: 'warning',
                    message: `${NOT_ON_AWS('9 s')}10 s × 1 = 0–10 s, not the 0–9 s${CYCLE}`,
                    fixes: [CHECK('10 s', '0–10 s', '9s', true)],
                },
            ],
        },
        {
            // 30.5 s is above 30 s by half a second: the nearest offer is 30 s.
            name: 'just above 30 s is lowered to 30 s',
            design: detected('detect health-check every 30500ms threshold 3'),
            expected: [
                {
                    at: '30500ms',
                    severity: 'warning',
                    message: `${NOT_ON_AWS('30.5 s')}30 s × 3 + 6 s timeout = 1 m 6 s–1 m 36 s, not the 1 m 7 s–1 m 38 s${CYCLE}`,
                    fixes: [CHECK('30 s', '1 m 6 s–1 m 36 s', '30500ms', true)],
                },
            ],
        },
        {
            // One region on AWS is enough: the target runs there, under AWS's intervals.
            name: 'a target with one region on AWS and one elsewhere',
            design: detected('detect health-check every 5s threshold 3', 'anycast', [
                'region us-east-1 {}',
                'region sjc { provider cloudflare jurisdiction US }',
            ]),
            expected: [
                {
                    at: '5s',
                    severity: 'warning',
                    message: `${NOT_ON_AWS('5 s')}10 s × 3 + 6 s timeout = 26–36 s, not the 16–21 s${CYCLE}`,
                    fixes: [CHECK('10 s', '26–36 s', '5s', true)],
                },
            ],
        },
        {
            // One failover per cell, at one place: one finding, whichever cell it came from.
            name: 'a per-cell service’s failover is one finding',
            design: `topology Web
region us-east-1 {}
region us-west-2 {}
cell c1 { regions us-east-1, us-west-2 }
cell c2 { regions us-east-1, us-west-2 }
service web per cell { posture active-active }
failover web {
detect health-check every 5s threshold 3
route anycast
drill every 30d
}
`,
            expected: [
                {
                    at: '5s',
                    severity: 'warning',
                    message: `${NOT_ON_AWS('5 s')}10 s × 3 + 6 s timeout = 26–36 s, not the 16–21 s${CYCLE}`,
                    fixes: [CHECK('10 s', '26–36 s', '5s', true)],
                },
            ],
        },
        { name: 'passes 10 s', design: detected('detect health-check every 10s threshold 3'), expected: [] },
        { name: 'passes 30 s', design: detected('detect health-check every 30s threshold 3'), expected: [] },
        {
            name: 'passes 10,000 ms, the same 10 s',
            design: detected('detect health-check every 10000ms'),
            expected: [],
        },
        {
            name: 'passes an interval left to the default',
            design: detected('detect health-check threshold 3'),
            expected: [],
        },
        { name: 'passes manual detection', design: detected('detect manual after 5m'), expected: [] },
        {
            name: 'passes 5 s behind a manual route',
            design: detected('detect health-check every 5s threshold 3', 'manual after 5m'),
            expected: [],
        },
        {
            name: 'passes 5 s on a target off AWS',
            design: detected('detect health-check every 5s threshold 3', 'anycast', [
                'region iad { provider cloudflare jurisdiction US }',
                'region sjc { provider cloudflare jurisdiction US }',
            ]),
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('health-check-interval', design)).toEqual(expected);
    });
});
