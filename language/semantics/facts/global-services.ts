// Provider-global services a request path can call (`global-dependency iam, sts, …`): where each one's
// serving plane is homed. A control plane lives in one region (docs/facts.md#global-control-planes-us-east-1,
// docs/facts.md#arc-control-plane-region, docs/facts.md#sts-global-endpoint), so impairing that region impairs
// it for every caller; a global data plane (Route 53 answers, CloudFront's edge) has no home region.
import type { GlobalServiceName } from '../model.js';
import { ARC, GLOBAL_CONTROL_PLANE_REGION } from './defaults.js';
import { fact, type Fact } from './fact.js';

export interface GlobalServiceFacts {
    /** How hover and messages name it. */
    readonly title: string;
    /** The region whose impairment impairs it; `undefined` for a data plane served from everywhere. */
    readonly home: Fact<string | undefined>;
    /** What to do instead, for rule messages and hover. */
    readonly instead: string;
}

const US_EAST_1 = GLOBAL_CONTROL_PLANE_REGION.value;

const homedIn = (region: string | undefined, of: Fact<unknown>, what: string): Fact<string | undefined> =>
    fact(region, of.id, what);

export const GLOBAL_SERVICES: Readonly<Record<GlobalServiceName, GlobalServiceFacts>> = {
    iam: {
        title: 'the IAM control plane (creating and changing users, roles and policies)',
        home: homedIn(US_EAST_1, GLOBAL_CONTROL_PLANE_REGION, 'the IAM control plane is in us-east-1'),
        instead:
            'create roles and policies ahead of time and keep IAM changes off the request path (authentication itself is served in every region)',
    },
    organizations: {
        title: 'the AWS Organizations control plane',
        home: homedIn(US_EAST_1, GLOBAL_CONTROL_PLANE_REGION, 'the Organizations control plane is in us-east-1'),
        instead: 'keep account and organization changes off the request path',
    },
    sts: {
        title: 'the global STS endpoint (sts.amazonaws.com)',
        home: fact(US_EAST_1, 'sts-global-endpoint', 'the global STS endpoint is hosted in us-east-1'),
        instead:
            "call the regional STS endpoint of the region the service runs in (the SDKs' sts_regional_endpoints setting)",
    },
    'route53-control': {
        title: 'the Route 53 control plane (changing records, zones and health checks)',
        home: homedIn(US_EAST_1, GLOBAL_CONTROL_PLANE_REGION, 'the Route 53 control plane is in us-east-1'),
        instead: 'create records and health checks ahead of time; let health checks, not record edits, move traffic',
    },
    'cloudfront-control': {
        title: 'the CloudFront control plane (creating and changing distributions, invalidations)',
        home: homedIn(US_EAST_1, GLOBAL_CONTROL_PLANE_REGION, 'the CloudFront control plane is in us-east-1'),
        instead: 'create distributions ahead of time and keep configuration changes off the request path',
    },
    'arc-control': {
        title: 'the ARC recovery-control configuration API',
        home: homedIn(
            ARC.controlPlaneRegion.value,
            ARC.controlPlaneRegion,
            'the ARC configuration API is in us-west-2',
        ),
        instead:
            "create routing controls ahead of time; flipping them uses the cluster's five regional endpoints, not this API",
    },
    'global-accelerator-control': {
        title: 'the Global Accelerator control plane (accelerators, endpoint groups, traffic dials)',
        home: homedIn(
            ARC.controlPlaneRegion.value,
            ARC.controlPlaneRegion,
            'the Global Accelerator control plane is in us-west-2',
        ),
        instead: 'let endpoint health checks move traffic instead of changing traffic dials',
    },
    route53: {
        title: "Route 53's data plane (DNS answers and health checks)",
        home: homedIn(undefined, GLOBAL_CONTROL_PLANE_REGION, "Route 53's data plane is global, not homed"),
        instead: 'nothing to change: DNS answers are served from every edge location',
    },
    cloudfront: {
        title: "CloudFront's data plane (serving from edge locations)",
        home: homedIn(undefined, GLOBAL_CONTROL_PLANE_REGION, "CloudFront's data plane is global, not homed"),
        instead: 'nothing to change: the edge serves from every location',
    },
    'global-accelerator': {
        title: "Global Accelerator's data plane (anycast addresses and endpoint health)",
        home: homedIn(undefined, GLOBAL_CONTROL_PLANE_REGION, "Global Accelerator's data plane is global, not homed"),
        instead: 'nothing to change: the anycast addresses are served from every edge location',
    },
};

export const GLOBAL_SERVICE_NAMES = Object.keys(GLOBAL_SERVICES) as GlobalServiceName[];

export function isGlobalServiceName(name: string): name is GlobalServiceName {
    return Object.prototype.hasOwnProperty.call(GLOBAL_SERVICES, name);
}
