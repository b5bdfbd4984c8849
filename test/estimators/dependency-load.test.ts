// The load of a service others `depends-on`: one call per request each dependent serves, in the region it serves
// it, moving as the dependents move when a region is lost (not re-routed to the nearest region, as a workload's
// users would be). Every figure is worked by hand in the case's comment.
import { describe, expect, it } from 'vitest';
import { placeLoad, regionLoss, serviceLoad } from '../../language/semantics/estimators/region-loss.js';
import { errors, modelOf } from '../helpers/services.js';

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2']
    .map((r) => `region ${r} { provider aws  jurisdiction US }`)
    .join('\n');

/** A gateway on all three regions, no workload of its own, capacity `capacity`; `callers` depend on it. */
function design(capacity: string, callers: string): string {
    return `topology T\n${REGIONS}\nservice gateway {\n    regions  us-east-1, us-east-2, us-west-2\n    posture  active-active\n    capacity ${capacity}\n}\n${callers}`;
}

// Two active-passive callers of 100 requests/s each: x in us-east-1 failing over to us-west-2, y in us-east-2.
const TWO_CALLERS = `
service x {
    regions    us-east-1, us-west-2
    primary    us-east-1
    posture    warm-standby
    depends-on gateway
}
failover x from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    drill  every 30d
}
workload wx for x {
    writes 100/s from us-east-1 100%
}
service y {
    regions    us-east-2, us-west-2
    primary    us-east-2
    posture    warm-standby
    depends-on gateway
}
failover y {
    detect health-check every 10s threshold 3
    route  dns ttl 60s
    drill  every 30d
}
workload wy for y {
    writes 100/s from us-east-2 100%
}
`;

async function gateway(capacity: string) {
    const { model, diagnostics } = await modelOf(design(capacity, TWO_CALLERS));
    expect(errors(diagnostics).map((d) => d.message)).toEqual([]);
    const service = model.services.get('gateway')!;
    const placement = placeLoad(model, service, serviceLoad(model, service));
    return { model, service, placement };
}

const round = (m: ReadonlyMap<string, number>) =>
    Object.fromEntries([...m].map(([r, x]) => [r, Math.round(x * 1e9) / 1e9]).sort());

describe('a service loaded only by the services that depend on it', () => {
    it('carries their requests where they serve them, and knows where its load comes from', async () => {
        // x serves its 100/s in us-east-1, y its 100/s in us-east-2: the gateway carries half in each, none in us-west-2.
        const { placement } = await gateway('100% per region');
        expect(round(placement.carried)).toEqual({ 'us-east-1': 0.5, 'us-east-2': 0.5 });
        expect(placement.offered).toBe(200);
        expect(placement.dependents?.map((d) => [d.service.id, d.weight])).toEqual([
            ['x', 0.5],
            ['y', 0.5],
        ]);
    });

    it.each([
        // Losing us-east-1 moves x to its failover's destination, us-west-2 — not to the nearest region, us-east-2:
        // us-east-2 keeps y's half, us-west-2 takes x's half. At 60 % nothing overflows.
        {
            lost: 'us-east-1',
            capacity: '60% per region',
            carried: { 'us-east-2': 0.5, 'us-west-2': 0.5 },
            failing: 0,
            receivers: ['us-west-2'],
        },
        // Losing us-east-2 moves y to its first other region, us-west-2: the same split.
        {
            lost: 'us-east-2',
            capacity: '60% per region',
            carried: { 'us-east-1': 0.5, 'us-west-2': 0.5 },
            failing: 0,
            receivers: ['us-west-2'],
        },
        // At 40 %, each surviving half overflows by 10 points: 20 % of the gateway's requests fail.
        {
            lost: 'us-east-1',
            capacity: '40% per region',
            carried: { 'us-east-2': 0.5, 'us-west-2': 0.5 },
            failing: 0.2,
            receivers: ['us-west-2'],
        },
        // Losing us-west-2, where no caller serves, moves nothing.
        {
            lost: 'us-west-2',
            capacity: '60% per region',
            carried: { 'us-east-1': 0.5, 'us-east-2': 0.5 },
            failing: 0,
            receivers: [],
        },
    ])('losing $lost at $capacity leaves $carried, with $failing of its requests failing', async (c) => {
        const { model, service, placement } = await gateway(c.capacity);
        const loss = regionLoss(model, service, placement, c.lost);
        expect(round(loss.carried)).toEqual(c.carried);
        expect(loss.failingShare).toBeCloseTo(c.failing, 9);
        expect(loss.receivers).toEqual(c.receivers);
    });

    it('says in standby-capacity whose calls make its load, instead of assuming it even', async () => {
        const { diagnostics } = await modelOf(design('40% per region', TWO_CALLERS));
        const finding = diagnostics.find((d) => d.code === 'standby-capacity');
        expect(finding?.message).toContain('its load includes one call per request of x and y (depends-on)');
        expect(finding?.message).not.toContain('taken as even');
    });

    it('stops at a depends-on cycle instead of recursing forever', async () => {
        const cycle = `service a {\n    regions us-east-1, us-east-2\n    posture active-active\n    capacity 60% per region\n    depends-on b\n}\nservice b {\n    regions us-east-1, us-east-2\n    posture active-active\n    capacity 60% per region\n    depends-on a\n}\nworkload w for a {\n    writes 10/s from us-east-1 100%\n}\n`;
        const { model } = await modelOf(`topology T\n${REGIONS}\n${cycle}`);
        const a = model.services.get('a')!;
        const placement = placeLoad(model, a, serviceLoad(model, a));
        // a's own 10/s, plus b's calls — b is loaded only by a, whose placement is being worked out: none counted twice.
        expect(placement.offered).toBeGreaterThanOrEqual(10);
        expect(Number.isFinite(regionLoss(model, a, placement, 'us-east-1').failingShare)).toBe(true);
    });
});
