// A failover routed through an S3 Multi-Region Access Point: rto-unachievable judges it on detection + the
// documented 2-minute routing-change bound (docs/facts.md#s3-mrap-failover-controls); the route belongs to a
// service's failover; the fixtures of test/fixtures/objects trigger exactly the rules their header names and
// simulate to the closed form of the failover: routing change = detection + 2 min.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspace, type LoadedWorkspace } from '../../cli/workspace.js';
import { ROOT } from '../helpers/bundles.js';
import { headerRules, reportedCodes } from '../helpers/rules-header.js';
import { validate } from '../helpers/services.js';
import { designOf, runModelWithDeadline } from '../simulation/helpers.js';
import { ruleCases } from './rule-cases.js';
import { planExport } from '../../export/cdk/index.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `topology T
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
store artifacts { engine s3  regions us-east-1, us-west-2  holds reference blob  writes primary us-east-1  replication async lag 15m  consistency eventual }
`;

function downloads(rto: string, detect = 'detect health-check every 10s threshold 3'): string {
    return `${REGIONS}service downloads { regions us-east-1, us-west-2  primary us-east-1  posture active-passive  capacity 100% per region  reads artifacts  objective ${rto} }
failover downloads from us-east-1 to us-west-2 { ${detect}  route s3-access-point  drill every 30d }`;
}

ruleCases('rto-unachievable', {
    valid: [
        // worst: 10 s × 3 + 6 s + 2 m = 2 m 36 s
        { name: 'an access-point failover of at most 2 m 36 s against an RTO of 3 minutes', text: downloads('rto 3m') },
        { name: 'an estimate exactly equal to the RTO (156 s)', text: downloads('rto 156s') },
    ],
    invalid: [
        {
            name: 'an RTO of 1 minute, which the 2-minute routing-change bound alone exceeds',
            text: downloads('rto 1m'),
            at: 'downloads',
            says: ['2 m 36 s', '2 m access-point routing change (a bound, docs/facts.md#s3-mrap-failover-controls)'],
        },
        {
            name: 'an RTO of 2 minutes: detection comes on top of the bound',
            text: downloads('rto 2m', 'detect manual after 1m'),
            at: 'downloads',
            says: ['3 m'],
        },
    ],
});

describe('where the route may be written', () => {
    it('is an error on a store’s failover, which has no requests of its own to move', async () => {
        const { diagnostics } = await validate(
            `${REGIONS}failover artifacts from us-east-1 to us-west-2 { detect manual after 1m  route s3-access-point }`,
        );
        const errors = diagnostics.filter((d) => d.severity === 1).map((d) => d.message);
        expect(errors).toEqual([
            "'route s3-access-point' moves the requests that go through an S3 Multi-Region Access Point (docs/facts.md#s3-multi-region-access-points): put it on the failover of the service whose requests use the access point, not on store artifacts",
        ]);
    });
});

const DIR = path.join(ROOT, 'test', 'fixtures', 'objects');
const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.mregion'))
    .sort();
const textOf = (file: string) => readFileSync(path.join(DIR, file), 'utf8');

describe('object-storage fixtures trigger exactly the rules their header names', () => {
    let workspace: LoadedWorkspace;
    beforeAll(async () => {
        workspace = await loadWorkspace(files.map((f) => path.join(DIR, f)));
    });
    for (const file of files) {
        it(`${file}: ${headerRules(textOf(file)).join(', ') || 'none'}`, () => {
            const document = workspace.requested.find((d) => d.uri.fsPath.endsWith(`/${file}`))!;
            expect(reportedCodes(document)).toEqual(headerRules(textOf(file)));
        });
    }
});

describe('an access-point failover simulates to its closed form', () => {
    it('moves us-east-1’s users exactly 2 minutes after detection, which lands 26–36 s after the outage', async () => {
        const report = await runModelWithDeadline(await designOf(textOf('s3-mrap-failover.mregion'), true));
        const recovery = report.recovery.find((r) => r.targetName === 'downloads');
        expect(recovery).toBeDefined();
        const { faultAtMs, detectionMs, routingChangeMs, rtoMs } = recovery!;
        // The outage begins at 30 m; the report's times are from the start of the run.
        expect(faultAtMs).toBe(30 * 60_000);
        const detectedAfter = detectionMs! - faultAtMs!;
        expect(detectedAfter).toBeGreaterThanOrEqual(26_000);
        expect(detectedAfter).toBeLessThanOrEqual(36_000);
        expect(routingChangeMs! - detectionMs!).toBe(120_000);
        expect(rtoMs).toBe(routingChangeMs! - faultAtMs!);
        expect(report.notes).toContain(
            'the access-point routing change of downloads is simulated as its documented bound, 2 m (docs/facts.md#s3-mrap-failover-controls): an upper bound on its time',
        );
    });

    it('moves an active-active access point’s users at detection, and notes that this is a lower bound', async () => {
        const design = `${REGIONS}service downloads { regions us-east-1, us-west-2  posture active-active  capacity 100% per region  reads artifacts }
failover downloads { detect health-check every 10s threshold 3  route s3-access-point  drill every 30d }
workload fetches for downloads { reads 500/s from us-east-1 100% }
scenario lose { workload fetches  duration 1h  at 10m outage us-east-1 for 20m }`;
        const report = await runModelWithDeadline(await designOf(design, true));
        const recovery = report.recovery.find((r) => r.targetName === 'downloads');
        expect(recovery?.routingChangeMs).toBe(recovery?.detectionMs);
        expect(report.notes).toContain(
            'the active-active access point of downloads redirects in no documented time (docs/facts.md#s3-multi-region-access-points), so users move the moment the failure is detected in the simulation — a lower bound',
        );
    });
});

describe('the CDK export of an access-point failover', () => {
    it('generates no routing for it and says why, rather than routing controls it does not have', async () => {
        const { model } = await modelOf(downloads('rto 3m'));
        const plan = planExport(model);
        expect(plan.notGenerated.filter((n) => n.name.startsWith('failover downloads'))).toEqual([
            {
                name: 'failover downloads',
                reason: 'S3 Multi-Region Access Points are not generated yet; create the access point beside this app',
            },
        ]);
    });
});
