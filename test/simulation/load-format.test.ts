// The text and Markdown reports say which regions were offered more than their capacity (with the clients'
// retries) and what a cold cache sent its backing store; the numbers are the JSON report's (retries.test.ts and
// cold-cache.test.ts check those against their closed forms).
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import { run } from './helpers.js';

const REGIONS = `region us-east-1 { provider aws }
region us-west-2 { provider aws }`;
const FAILOVER = `detect health-check every 10s threshold 3
    route  dns ttl 60s
    drill  every 30d`;
const SCENARIO = `scenario lose-east {
    workload w
    duration 30m
    at 5m outage region us-east-1 for 20m
    seed 3
}`;

const retries = `topology Retries
${REGIONS}
service api { regions us-east-1, us-west-2  posture active-active  capacity 60% per region  retries 3 }
failover api { ${FAILOVER} }
workload w for api { writes 100/s from us-east-1 50%, us-west-2 50% }
${SCENARIO}
`;
const cache = `topology ColdCache
${REGIONS}
store orders { engine dynamodb regions us-east-1, us-west-2 holds per-user rows replication async writes any-region consistency eventual conflicts lww }
store orders-cache { engine redis regions us-east-1, us-west-2 holds per-user rows replication none writes any-region consistency eventual conflicts lww caches orders hit-rate 95% warm-up 10m }
service api { regions us-east-1, us-west-2  posture active-active  reads orders-cache, orders }
failover api { ${FAILOVER} }
workload w for api { reads 1000/s from us-east-1 50%, us-west-2 50% }
${SCENARIO}
`;

describe('load at failover in the text and Markdown reports', () => {
    it.each([
        {
            what: 'a survivor over capacity with its retries',
            design: retries,
            line: /us-west-2 over capacity for .*: offered up to 293(\.\d+)?% of the load \(requests 100%, 3 retries\) with capacity for 60%/,
        },
        {
            what: 'the reads a cold cache sent its backing store',
            design: cache,
            line: /us-west-2: cold cache sent orders up to 525 reads\/s \(21× the steady 25\/s\), about 142,500 extra reads/,
        },
    ])('names $what', async ({ design, line }) => {
        const report = await run(design, 'lose-east');
        expect(formatText(report)).toMatch(line);
        expect(formatMarkdown(report)).toMatch(line);
    });
});
