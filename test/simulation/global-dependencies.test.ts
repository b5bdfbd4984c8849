// Provider-global dependencies in the simulation, against a closed form. A service whose requests call a
// control plane homed in us-east-1 (here the global STS endpoint, docs/facts.md#sts-global-endpoint) fails every
// request, in every region it runs in, while us-east-1 is down or its control plane impaired. Reads are integrated
// exactly (no sampling), so with a fault of length d in a run of length T:
//   availability of the dependent service  = 1 − d / T
//   availability of the whole run          = 1 − (d / T) × (its share of the requests)
// and nothing else moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designOf, runModel } from './helpers.js';

const REGIONS = `topology G
region us-east-1 { provider aws }
region us-west-2 { provider aws }
region eu-west-1 { provider aws }
`;

function design(opts: {
    dependency: string;
    fault: string;
    tokensRate: number;
    otherRate: number;
    at: number;
    d: number;
}) {
    return `${REGIONS}
service tokens { regions us-west-2, eu-west-1  posture active-active  capacity 100% per region  global-dependency ${opts.dependency} }
service other  { regions us-west-2, eu-west-1  posture active-active  capacity 100% per region }
workload w1 for tokens { reads ${opts.tokensRate}/s from us-west-2 50%, eu-west-1 50% }
workload w2 for other  { reads ${opts.otherRate}/s from us-west-2 30%, eu-west-1 70% }
scenario s {
    workload w1, w2
    duration 60m
    at ${opts.at}m ${opts.fault} for ${opts.d}m
}
`;
}

describe('a global dependency homed in an impaired region', () => {
    it('costs the run availability = (fault length ÷ run length) × the dependent service’s share of requests, for any timing and mix', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 0, max: 40 }),
                fc.integer({ min: 1, max: 20 }),
                fc.integer({ min: 1, max: 500 }),
                fc.integer({ min: 1, max: 500 }),
                fc.constantFrom('outage us-east-1', 'impair control-plane us-east-1'),
                fc.constantFrom('sts', 'iam', 'route53-control', 'cloudfront-control', 'organizations'),
                async (at, d, tokensRate, otherRate, fault, dependency) => {
                    const model = await designOf(design({ dependency, fault, tokensRate, otherRate, at, d }), true);
                    const r = runModel(model, 's');
                    const lost = d / 60;
                    const share = tokensRate / (tokensRate + otherRate);
                    expect(r.summary.availability).toBeCloseTo(1 - lost * share, 6);
                    const tokens = r.services.find((s) => s.id === 'tokens')!;
                    expect(tokens.availability).toBeCloseTo(1 - lost, 6);
                    for (const region of tokens.byRegion) expect(region.availability).toBeCloseTo(1 - lost, 6);
                    expect(r.services.find((s) => s.id === 'other')!.availability).toBe(1);
                },
            ),
            { numRuns: 25 },
        );
    }, 120_000);

    it.each([
        ['a data plane is never impaired', 'route53, cloudfront, global-accelerator', 'outage us-east-1'],
        [
            'a control plane homed in us-west-2 is not impaired by us-east-1',
            'arc-control',
            'impair control-plane us-east-1',
        ],
        ['a control plane homed in us-east-1 is not impaired by us-west-2', 'sts', 'impair control-plane us-west-2'],
    ])('%s', async (_what, dependency, fault) => {
        const model = await designOf(design({ dependency, fault, tokensRate: 10, otherRate: 10, at: 5, d: 10 }), true);
        const r = runModel(model, 's');
        expect(r.summary.availability).toBe(1);
        expect(r.timeline.filter((e) => e.kind === 'cascade')).toEqual([]);
    });

    it('impairs a control plane homed in us-west-2 when us-west-2 is impaired, in every region of the service', async () => {
        const model = await designOf(
            design({
                dependency: 'global-accelerator-control',
                fault: 'impair control-plane us-west-2',
                tokensRate: 10,
                otherRate: 30,
                at: 5,
                d: 15,
            }),
            true,
        );
        const r = runModel(model, 's');
        expect(r.services.find((s) => s.id === 'tokens')!.availability).toBeCloseTo(0.75, 9);
        expect(r.summary.availability).toBeCloseTo(1 - 0.25 * 0.25, 9);
    });
});

describe('a global dependency cut off by a partition', () => {
    it('fails the service only in the region the partition cuts off from the home: availability = 1 − (d / T) × that region’s share', async () => {
        const model = await designOf(
            design({
                dependency: 'sts',
                fault: 'partition us-west-2 <-> us-east-1',
                tokensRate: 100,
                otherRate: 100,
                at: 10,
                d: 12,
            }),
            true,
        );
        const r = runModel(model, 's');
        const tokens = r.services.find((s) => s.id === 'tokens')!;
        // Users of us-west-2 (50 % of tokens' requests) are served in us-west-2, which cannot reach us-east-1.
        expect(tokens.availability).toBeCloseTo(1 - (12 / 60) * 0.5, 9);
        expect(tokens.byRegion.find((x) => x.region === 'eu-west-1')!.availability).toBe(1);
        expect(r.timeline.filter((e) => e.kind === 'cascade').map((e) => e.text)[0]).toBe(
            'tokens in us-west-2 fails every request: it calls sts on every request, homed in us-east-1, which a partition cuts off from us-west-2 (docs/facts.md#sts-global-endpoint)',
        );
    });
});

describe('the cascade of a global dependency', () => {
    const text = `${REGIONS}
service tokens { regions us-west-2, eu-west-1  posture active-active  capacity 100% per region  global-dependency sts }
service api    { regions us-west-2, eu-west-1  posture active-active  capacity 100% per region  depends-on tokens }
workload w for api { reads 100/s from us-west-2 50%, eu-west-1 50% }
scenario s {
    workload w
    duration 1h
    at 10m outage us-east-1 for 20m
}
`;

    it('reaches what depends on the service, and the timeline says why, when and which clause caused it', async () => {
        const r = runModel(await designOf(text, true), 's');
        const rows = r.timeline
            .filter((e) => e.kind === 'cascade')
            .map((e) => [e.atMs / 60_000, e.text, e.clause?.line]);
        expect(rows).toEqual([
            [
                10,
                'tokens in us-west-2 fails every request: it calls sts on every request, homed in us-east-1, which is down (docs/facts.md#sts-global-endpoint)',
                12,
            ],
            [
                10,
                'tokens in eu-west-1 fails every request: it calls sts on every request, homed in us-east-1, which is down (docs/facts.md#sts-global-endpoint)',
                12,
            ],
            [10, 'api in us-west-2 fails every request: it depends on tokens, impaired there', 12],
            [10, 'api in eu-west-1 fails every request: it depends on tokens, impaired there', 12],
            [30, 'tokens in us-west-2 is no longer impaired through what it depends on', 12],
            [30, 'tokens in eu-west-1 is no longer impaired through what it depends on', 12],
            [30, 'api in us-west-2 is no longer impaired through what it depends on', 12],
            [30, 'api in eu-west-1 is no longer impaired through what it depends on', 12],
        ]);
        expect(r.summary.availability).toBeCloseTo(1 - 20 / 60, 9);
        expect(r.notes.join('\n')).not.toContain('only carry partial faults');
    });
});

describe('a store that lives in one region, on the request path of a service in several (the 2017 S3 shape)', () => {
    const text = (errors: number, at: number, d: number) => `${REGIONS}
store images { engine s3  regions us-east-1  holds reference blob }
service site { regions us-east-1, us-west-2, eu-west-1  posture active-active  capacity 100% per region  reads images }
workload w for site { reads 300/s from us-east-1 20%, us-west-2 30%, eu-west-1 50% }
scenario s {
    workload w
    duration 60m
    at ${at}m degrade images in us-east-1 errors ${errors}% for ${d}m
}
`;

    it('fails the requests of every region of the service with the store’s error share: availability = 1 − E × d / T everywhere', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 1, max: 100 }),
                fc.integer({ min: 0, max: 30 }),
                fc.integer({ min: 1, max: 30 }),
                async (errors, at, d) => {
                    const r = runModel(await designOf(text(errors, at, d), true), 's');
                    const expected = 1 - (errors / 100) * (d / 60);
                    expect(r.summary.availability).toBeCloseTo(expected, 6);
                    for (const region of r.services[0]!.byRegion) expect(region.availability).toBeCloseTo(expected, 6);
                },
            ),
            { numRuns: 20 },
        );
    }, 120_000);

    it('names the store with its region in the cascade of the regions that have no replica', async () => {
        const r = runModel(await designOf(text(100, 5, 10), true), 's');
        expect(r.timeline.filter((e) => e.kind === 'cascade' && e.atMs === 5 * 60_000).map((e) => e.text)).toEqual([
            'site in us-east-1 fails every request: it depends on images, impaired there',
            'site in us-west-2 fails every request: it depends on images in us-east-1, impaired there',
            'site in eu-west-1 fails every request: it depends on images in us-east-1, impaired there',
        ]);
    });
});
