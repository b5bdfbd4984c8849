// The load each region of a service carries after losing one region (N−1), the estimate behind standby-capacity
// and rto-unachievable's capacity finding. Shares worked by hand from the workloads' origins and the capacities.
import { describe, expect, it } from 'vitest';
import { lossFits, placeLoad, regionLoss, serviceLoad } from '../../language/semantics/estimators/region-loss.js';
import { errors, modelOf } from '../helpers/services.js';

const REGIONS =
    'topology T\nregion us-east-1 {}\nregion us-east-2 {}\nregion us-west-2 {}\nregion eu-west-1 {}\nregion ap-southeast-2 {}\n';

async function serviceOf(text: string, id: string) {
    const { model, diagnostics } = await modelOf(`${REGIONS}${text}`);
    // A design that does not parse or link would test a model other than the one the case describes.
    expect(errors(diagnostics).map((d) => d.message)).toEqual([]);
    return { model, service: model.services.get(id)! };
}

describe('the load of a service by origin', () => {
    it('splits an origin served by two cells evenly, an origin no cell serves equally, and ignores workloads aimed elsewhere', async () => {
        const { model, service } = await serviceOf(
            `cell c1 { regions us-east-1, us-east-2 }
cell c2 { regions us-east-2, eu-west-1 }
service api per cell { posture active-active }
store t { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows }
workload w for api { writes 1000/s from us-east-1 20%, us-east-2 30%, eu-west-1 10%, ap-southeast-2 40% }
workload v for t { writes 500/s from us-east-1 100% }`,
            'api@c1',
        );
        // api@c1 gets us-east-1 200/s, half of us-east-2's 300/s and half of ap-southeast-2's 400/s: 550/s in all.
        const load = serviceLoad(model, service);
        expect(load.assumed).toBe(false);
        expect([...load.byOrigin].map(([r, s]) => [r, Number(s.toFixed(6))])).toEqual([
            ['us-east-1', Number((200 / 550).toFixed(6))],
            ['us-east-2', Number((150 / 550).toFixed(6))],
            ['ap-southeast-2', Number((200 / 550).toFixed(6))],
        ]);
    });

    it.each([
        {
            posture: 'active-active',
            byOrigin: [
                ['us-east-1', 0.5],
                ['us-west-2', 0.5],
            ],
        },
        { posture: 'warm-standby', byOrigin: [['us-east-1', 1]] },
    ])('assumes, with no workload, $posture load as $byOrigin', async ({ posture, byOrigin }) => {
        const { model, service } = await serviceOf(
            `service s { regions us-east-1, us-west-2 posture ${posture} }`,
            's',
        );
        const load = serviceLoad(model, service);
        expect(load.assumed).toBe(true);
        expect([...load.byOrigin]).toEqual(byOrigin);
    });
});

describe('the loss of one region', () => {
    // Half the users in us-east-1, a quarter in each other region, 50 % capacity per region.
    const ACTIVE = (capacity: string) =>
        `service s { regions us-east-1, us-east-2, us-west-2 posture active-active capacity ${capacity} per region }
workload w for s { writes 1000/s from us-east-1 50%, us-east-2 25%, us-west-2 25% }`;

    it.each([
        // us-east-1's half goes to its nearest survivor, us-east-2: 25 % + 50 % = 75 % against 50 %.
        {
            lost: 'us-east-1',
            receivers: ['us-east-2'],
            overloaded: [['us-east-2', 0.75, 0.5]],
            failing: 0.25,
            largest: 0.75,
            fits: false,
        },
        // us-east-2's quarter goes to us-east-1: 50 % + 25 % = 75 %.
        {
            lost: 'us-east-2',
            receivers: ['us-east-1'],
            overloaded: [['us-east-1', 0.75, 0.5]],
            failing: 0.25,
            largest: 0.75,
            fits: false,
        },
        // us-west-2's quarter goes to us-east-2 (nearer than us-east-1): exactly its 50 %, which still fits. The cheap
        // pre-check (no routing) still says it may not: on us-east-1 the same quarter would make 75 %.
        { lost: 'us-west-2', receivers: ['us-east-2'], overloaded: [], failing: 0, largest: 0.5, fits: false },
    ])(
        'of $lost in an active-active service sends its users to $receivers',
        async ({ lost, receivers, overloaded, failing, largest, fits }) => {
            const { model, service } = await serviceOf(ACTIVE('50%'), 's');
            const placement = placeLoad(model, service, serviceLoad(model, service));
            const loss = regionLoss(model, service, placement, lost);
            expect(loss.lost).toBe(lost);
            expect(loss.receivers).toEqual(receivers);
            expect(loss.overloaded.map((o) => [o.region, o.load, o.capacity])).toEqual(overloaded);
            expect(loss.failingShare).toBeCloseTo(failing, 12);
            expect(loss.largestLoad).toBeCloseTo(largest, 12);
            expect(lossFits(service, placement, lost)).toBe(fits);
        },
    );

    it('overloads nothing when every region has the capacity for the whole load', async () => {
        const { model, service } = await serviceOf(ACTIVE('100%'), 's');
        const placement = placeLoad(model, service, serviceLoad(model, service));
        for (const lost of service.regions) {
            expect(regionLoss(model, service, placement, lost).failingShare).toBe(0);
            expect(lossFits(service, placement, lost)).toBe(true);
        }
    });

    it.each([
        // The primary's whole load moves to the failover's destination, which has room for 60 % of it.
        { lost: 'us-east-1', receivers: ['us-west-2'], failing: 0.4, largest: 1 },
        // Losing the standby moves nothing: the primary keeps carrying everything, as it did.
        { lost: 'us-west-2', receivers: [], failing: 0, largest: 1 },
    ])('of $lost in a warm standby moves the load to $receivers', async ({ lost, receivers, failing, largest }) => {
        const { model, service } = await serviceOf(
            `service s { regions us-east-1, us-west-2 posture warm-standby capacity 100% per region }
failover s from us-east-1 to us-west-2 { detect health-check every 10s threshold 3 route anycast drill every 30d }
workload w for s { writes 1000/s from us-east-1 100% }`,
            's',
        );
        const capped = { ...service, capacity: { 'us-east-1': 1, 'us-west-2': 0.6 } };
        const placement = placeLoad(model, capped, serviceLoad(model, capped));
        const loss = regionLoss(model, capped, placement, lost);
        expect(loss.receivers).toEqual(receivers);
        expect(loss.failingShare).toBeCloseTo(failing, 12);
        expect(loss.largestLoad).toBeCloseTo(largest, 12);
        expect(lossFits(capped, placement, lost)).toBe(failing === 0);
    });
});
