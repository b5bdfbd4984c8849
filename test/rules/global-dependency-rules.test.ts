// request-path-control-plane: a request path that calls a provider-global service whose control plane is homed in
// one region (docs/facts.md#global-control-planes-us-east-1, #sts-global-endpoint, #arc-control-plane-region). The
// homes in these cases come from the vendor pages the facts cite, not from the implementation's table.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf, ruleCases, textAt } from './rule-cases.js';

const REGIONS = `topology Web
region us-east-1 { provider aws }
region us-west-2 { provider aws }
region eu-west-1 { provider aws }
`;

const service = (regions: string, deps: string, extra = '') =>
    `${REGIONS}service api { regions ${regions} posture active-active capacity 100% per region global-dependency ${deps} }\n${extra}`;

const failover = (from = '') =>
    `failover api ${from}{ detect health-check every 10s threshold 3 route global-accelerator drill every 30d }`;

ruleCases('request-path-control-plane', {
    valid: [
        {
            name: "Route 53's DNS answers, served from every edge location",
            text: service('us-west-2, eu-west-1', 'route53'),
        },
        {
            name: "CloudFront's and Global Accelerator's data planes",
            text: service('us-west-2, eu-west-1', 'cloudfront, global-accelerator'),
        },
        {
            name: 'a service that runs only in the home region of the control plane it calls',
            text: `${REGIONS}service admin { regions us-east-1 global-dependency iam, organizations }`,
        },
        {
            name: 'a service that runs only in us-west-2 and configures ARC routing controls',
            text: `${REGIONS}service recovery { regions us-west-2 global-dependency arc-control }`,
        },
    ],
    invalid: [
        {
            name: 'the global STS endpoint called from us-west-2 and eu-west-1',
            text: service('us-west-2, eu-west-1', 'sts'),
            at: 'sts',
            says: [
                'api calls the global STS endpoint (sts.amazonaws.com) on every request, and it is homed in us-east-1 (docs/facts.md#sts-global-endpoint)',
                'it fails in us-west-2 and eu-west-1 as well, a region it does not run in',
                'regional STS endpoint',
                'seven hours',
            ],
        },
        {
            name: 'IAM changes on the request path of a service in us-east-1 and us-west-2',
            text: service('us-east-1, us-west-2', 'iam'),
            at: 'iam',
            says: [
                'homed in us-east-1 (docs/facts.md#global-control-planes-us-east-1)',
                'it fails in us-west-2 as well.',
            ],
        },
        {
            name: 'route53-control and cloudfront-control, one finding each',
            text: service('us-west-2, eu-west-1', 'route53, route53-control, cloudfront-control'),
            at: 'route53-control',
            count: 2,
            says: ['the Route 53 control plane'],
        },
        {
            name: 'the Global Accelerator control plane, homed in us-west-2, from us-east-1 and eu-west-1',
            text: service('us-east-1, eu-west-1', 'global-accelerator-control'),
            at: 'global-accelerator-control',
            says: [
                'homed in us-west-2 (docs/facts.md#arc-control-plane-region)',
                'it fails in us-east-1 and eu-west-1',
            ],
        },
        {
            name: 'an error when the service fails over away from the home region',
            text: service('us-east-1, us-west-2', 'sts', failover('from us-east-1 to us-west-2 ')),
            at: 'sts',
            severity: 'error',
            says: ['its failover away from us-east-1 cannot help: it fails in us-west-2 too'],
        },
        {
            name: 'an error when an active-active failover watches the home region',
            text: service('us-east-1, us-west-2', 'iam', failover()),
            at: 'iam',
            severity: 'error',
        },
    ],
});

ruleCases('single-region-spof', {
    valid: [],
    invalid: [
        {
            name: 'the 2017 S3 shape: a two-region service reading a bucket that lives only in us-east-1',
            text: `${REGIONS}store assets { engine s3 regions us-east-1 holds reference blob }\nservice site { regions us-east-1, us-west-2 posture active-active reads assets }`,
            at: 'regions us-east-1',
            says: [
                'assets runs only in us-east-1, and site (us-east-1 and us-west-2) reads it: losing us-east-1 takes site down in every region',
                'about four hours on 28 February 2017',
                'docs/facts.md#s3-us-east-1-2017-outage',
            ],
        },
    ],
});

describe('global-dependency names', () => {
    it.each([
        ['iamm', "did you mean 'iam'?"],
        ['route53-controll', "did you mean 'route53-control'?"],
        ['cloudfrnt', "did you mean 'cloudfront'?"],
    ])('an unknown name %s is an error at the name that suggests the nearest known one', async (name, suggestion) => {
        const { text, diagnostics } = await diagnosticsOf(service('us-west-2', `route53, ${name}`));
        const found = diagnostics.filter((d) => d.code === 'unknown-global-service');
        expect(found).toHaveLength(1);
        expect(textAt(text, found[0]!)).toBe(name);
        expect(found[0]!.message).toContain(suggestion);
        expect(found[0]!.severity).toBe(1);
    });

    it('an unknown name with no near one lists the known names and homes nothing', async () => {
        const { diagnostics } = await diagnosticsOf(service('us-west-2, eu-west-1', 'dynamodb-streams'));
        const found = diagnostics.filter((d) => d.code === 'unknown-global-service');
        expect(found.map((d) => d.message)).toEqual([
            "'dynamodb-streams' is not a provider-global service mregion knows the home of (known: iam, organizations, sts, route53-control, cloudfront-control, arc-control, global-accelerator-control, route53, cloudfront, global-accelerator)",
        ]);
        expect(diagnostics.filter((d) => d.code === 'request-path-control-plane')).toEqual([]);
    });

    it('a name written twice is reported once at the second', async () => {
        const { text, diagnostics } = await diagnosticsOf(service('us-west-2', 'sts, iam, sts'));
        const duplicates = diagnostics.filter((d) => d.code === 'duplicate-name');
        expect(duplicates.map((d) => d.message)).toEqual(["'sts' is already listed; keep one"]);
        expect(duplicates[0]!.range.start.character).toBe(text.split('\n')[4]!.lastIndexOf('sts'));
        expect(diagnostics.filter((d) => d.code === 'request-path-control-plane')).toHaveLength(2);
    });
});
