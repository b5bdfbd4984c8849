// request-path-control-plane, whole findings: place, severity and message. The rule-cases table
// (global-dependency-rules.test.ts) checks fragments only. As docs/rules/request-path-control-plane.md says: a
// control plane is homed in one region (us-east-1 for IAM, Organizations, STS's global endpoint, Route 53's and
// CloudFront's control planes; us-west-2 for ARC's configuration API — docs/facts.md#global-control-planes-us-east-1,
// #sts-global-endpoint, #arc-control-plane-region), so a service calling one on every request fails in its other
// regions while the home is impaired; a failover away from the home cannot help, which makes it an error.
import { describe, expect, it } from 'vitest';
import { wholeFindings } from './whole-findings.js';

const REGIONS = `topology Web
region us-east-1 { provider aws }
region us-west-2 { provider aws }
region eu-west-1 { provider aws }
`;
const api = (regions: string, deps: string, more = '') =>
    `${REGIONS}service api { regions ${regions} posture active-active capacity 100% per region global-dependency ${deps} }\n${more}`;
const failover = (name: string, fromTo = '') =>
    `failover ${name} ${fromTo}{ detect health-check every 10s threshold 3 route global-accelerator drill every 30d }\n`;

const INCIDENT =
    " (us-east-1's control planes were impaired for about seven hours on 7 December 2021, docs/facts.md#us-east-1-2021-outage)";
const IAM = (consequence: string) =>
    `api calls the IAM control plane (creating and changing users, roles and policies) on every request, and it is ` +
    `homed in us-east-1 (docs/facts.md#global-control-planes-us-east-1): while us-east-1 or its control plane is ` +
    `impaired${INCIDENT}, ${consequence}. Instead, create roles and policies ahead of time and keep IAM changes off ` +
    `the request path (authentication itself is served in every region)`;
const STS = (consequence: string) =>
    `api calls the global STS endpoint (sts.amazonaws.com) on every request, and it is homed in us-east-1 ` +
    `(docs/facts.md#sts-global-endpoint): while us-east-1 or its control plane is impaired${INCIDENT}, ${consequence}. ` +
    `Instead, call the regional STS endpoint of the region the service runs in (the SDKs' sts_regional_endpoints setting)`;
const CANNOT_HELP = 'its failover away from us-east-1 cannot help: it fails in us-west-2 too';
const finding = (at: string, severity: string, message: string) => ({ at, severity, message, fixes: [] });

describe('request-path-control-plane', () => {
    it.each([
        {
            name: 'a service outside the home region fails there too, a region it does not run in',
            design: api('us-west-2, eu-west-1', 'sts'),
            expected: [
                finding(
                    'sts',
                    'warning',
                    STS('it fails in us-west-2 and eu-west-1 as well, a region it does not run in'),
                ),
            ],
        },
        {
            // ARC's configuration API is homed in us-west-2: no us-east-1 incident to cite.
            name: 'a control plane homed outside us-east-1 cites no us-east-1 incident',
            design: api('us-east-1, eu-west-1', 'arc-control'),
            expected: [
                finding(
                    'arc-control',
                    'warning',
                    "api calls the ARC recovery-control configuration API on every request, and it is homed in us-west-2 (docs/facts.md#arc-control-plane-region): while us-west-2 or its control plane is impaired, it fails in us-east-1 and eu-west-1 as well, a region it does not run in. Instead, create routing controls ahead of time; flipping them uses the cluster's five regional endpoints, not this API",
                ),
            ],
        },
        {
            name: 'a failover away from the home region cannot help: an error',
            design: api('us-east-1, us-west-2', 'sts', failover('api', 'from us-east-1 to us-west-2 ')),
            expected: [finding('sts', 'error', STS(CANNOT_HELP))],
        },
        {
            // An active-active failover watches every region, the home among them.
            name: 'an active-active failover protects against the home region too: an error',
            design: api('us-east-1, us-west-2', 'iam', failover('api')),
            expected: [finding('iam', 'error', IAM(CANNOT_HELP))],
        },
        {
            // Away from us-west-2, not from us-east-1: the home's outage is not one it handles.
            name: 'a failover away from another region leaves a warning',
            design: api('us-east-1, us-west-2, eu-west-1', 'iam', failover('api', 'from us-west-2 to eu-west-1 ')),
            expected: [finding('iam', 'warning', IAM('it fails in us-west-2 and eu-west-1 as well'))],
        },
        {
            name: 'another service’s failover does not count',
            design: api(
                'us-east-1, us-west-2',
                'iam',
                `service other { regions us-east-1, us-west-2 posture active-active }\n${failover('other')}`,
            ),
            expected: [finding('iam', 'warning', IAM('it fails in us-west-2 as well'))],
        },
        {
            name: 'a store’s failover does not count',
            design: api(
                'us-east-1, us-west-2',
                'iam',
                'store db { engine dynamodb regions us-east-1, us-west-2 holds per-user rows }\nfailover db { action promote db takes 1m drill every 30d }\n',
            ),
            expected: [finding('iam', 'warning', IAM('it fails in us-west-2 as well'))],
        },
        {
            name: 'a per-cell service is one finding',
            design: `${REGIONS}cell c1 { regions us-east-1, us-west-2 }\ncell c2 { regions us-east-1, us-west-2 }\nservice api per cell { posture active-active global-dependency iam }\n`,
            expected: [finding('iam', 'warning', IAM('it fails in us-west-2 as well'))],
        },
        {
            name: 'two control planes are two findings, at each name',
            design: api('us-east-1, us-west-2', 'iam, sts'),
            expected: [
                finding('iam', 'warning', IAM('it fails in us-west-2 as well')),
                finding('sts', 'warning', STS('it fails in us-west-2 as well')),
            ],
        },
        {
            name: 'passes global data planes, which have no home',
            design: api('us-west-2, eu-west-1', 'route53, cloudfront, global-accelerator'),
            expected: [],
        },
        {
            name: 'passes a service only in the home region',
            design: `${REGIONS}service admin { regions us-east-1 global-dependency iam }\n`,
            expected: [],
        },
    ])('$name', async ({ design, expected }) => {
        expect(await wholeFindings('request-path-control-plane', design)).toEqual(expected);
    });
});
