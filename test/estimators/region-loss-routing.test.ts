// Where a lost region's load goes and what overflows, on designs whose round trips are all declared links between
// regions with no location (so no measured or distance figure can stand in): the nearest survivor, ties in the
// service's region order, the first region when nothing is known, the failover's destination, capacities left
// undeclared, and loads equal to a capacity up to rounding. Every figure is worked by hand in the case's comment.
import { describe, expect, it } from 'vitest';
import {
    lossFits,
    placeLoad,
    regionLoss,
    serviceLoad,
    type RegionLoss,
} from '../../language/semantics/estimators/region-loss.js';
import type { FailoverM } from '../../language/semantics/model.js';
import { errors, modelOf } from '../helpers/services.js';

// Five on-prem regions without a location: an RTT between them exists only when a link declares it.
const REGIONS = ['a', 'b', 'c', 'o'].map((r) => `region ${r} { provider on-prem  jurisdiction US }`).join('\n');

async function lossOf(design: string, lost: string) {
    const { model, diagnostics } = await modelOf(`topology T\n${REGIONS}\n${design}`);
    expect(errors(diagnostics).map((d) => d.message)).toEqual([]);
    const service = model.services.get('s')!;
    const placement = placeLoad(model, service, serviceLoad(model, service));
    return { model, service, placement, loss: regionLoss(model, service, placement, lost) };
}

/** The parts of a loss a case states, overloads as [region, load, capacity] rounded to 1e-12. */
function summary(loss: RegionLoss) {
    const round = (x: number) => Math.round(x * 1e12) / 1e12;
    return {
        receivers: loss.receivers,
        overloaded: loss.overloaded.map((o) => [o.region, round(o.load), o.capacity]),
        failing: round(loss.failingShare),
        largest: round(loss.largestLoad),
    };
}

describe('the load of a service', () => {
    it("counts its reads with its writes, and leaves out another service's workload", async () => {
        // s: writes 100/s from a; reads 300/s split 50/50 over a and b, 150/s each. a: 100 + 150 = 250/s, b: 150/s,
        // of 400/s: 62.5 % and 37.5 %. t's 1000/s from a is t's alone.
        const { model, service } = await lossOf(
            `service s { regions a, b posture active-active }
service t { regions a, b posture active-active }
workload w for s { writes 100/s from a 100%  reads 300/s from a 50%, b 50% }
workload v for t { writes 1000/s from a 100% }`,
            'a',
        );
        const load = serviceLoad(model, service);
        expect(load.assumed).toBe(false);
        expect([...load.byOrigin]).toEqual([
            ['a', 0.625],
            ['b', 0.375],
        ]);
    });

    it.each([
        {
            name: 'a workload aimed at an undeclared name is ignored: the load is assumed even over the regions',
            // The workload links to nothing; s has no workload of its own, so a and b get half each.
            design: `service s { regions a, b posture active-active }\nworkload w for nothing { writes 10/s from a 100% }`,
            byOrigin: [
                ['a', 0.5],
                ['b', 0.5],
            ],
            assumed: true,
            carried: [
                ['a', 0.5],
                ['b', 0.5],
            ],
        },
        {
            name: 'a service without regions takes the load of its workload but serves it nowhere',
            // All of s's requests come from a; s runs nowhere, so no region carries them.
            design: `service s { posture active-active }\nworkload w for s { writes 10/s from a 100% }`,
            byOrigin: [['a', 1]],
            assumed: false,
            carried: [],
        },
    ])('in a design with errors: $name', async ({ design, byOrigin, assumed, carried }) => {
        const { model, diagnostics } = await modelOf(`topology T\n${REGIONS}\n${design}`);
        expect(errors(diagnostics)).toHaveLength(1);
        const service = model.services.get('s')!;
        const load = serviceLoad(model, service);
        expect({ byOrigin: [...load.byOrigin], assumed: load.assumed }).toEqual({ byOrigin, assumed });
        const placement = placeLoad(model, service, load);
        expect([...placement.carried]).toEqual(carried);
        expect([...placement.servedBy].map(([, to]) => to)).toEqual(carried.map(([r]) => r));
    });
});

describe('an active-active service sends each origin to the nearest region it runs in', () => {
    it.each([
        {
            name: 'an origin outside the service goes to its nearest region by declared RTT',
            // o–c 10 ms beats o–a 30 ms and o–b 20 ms: all of o's requests are served by c.
            links: 'link o <-> a { rtt 30ms }\nlink o <-> b { rtt 20ms }\nlink o <-> c { rtt 10ms }',
            servedBy: 'c',
        },
        {
            name: 'a tie goes to the region listed first in the service, not the one listed last',
            // o–c and o–b are both 20 ms; the service lists a, c, b, so c (listed before b) wins.
            links: 'link o <-> a { rtt 40ms }\nlink o <-> b { rtt 20ms }\nlink o <-> c { rtt 20ms }',
            servedBy: 'c',
        },
        {
            name: 'an origin with no known RTT to any region goes to the first region listed',
            // No link from o at all: no figure to compare, so the service's first region, a.
            links: '',
            servedBy: 'a',
        },
        {
            name: 'a region with an unknown RTT is passed over for one with a known RTT',
            // Only o–b is known (50 ms): b, although a is listed first and c second.
            links: 'link o <-> b { rtt 50ms }',
            servedBy: 'b',
        },
    ])('$name', async ({ links, servedBy }) => {
        const { placement } = await lossOf(
            `${links}
service s { regions a, c, b posture active-active }
workload w for s { writes 100/s from o 100% }`,
            'a',
        );
        expect([...placement.servedBy]).toEqual([['o', servedBy]]);
        expect([...placement.carried]).toEqual([[servedBy, 1]]);
    });
});

describe('the loss of a region of an active-active service', () => {
    // Three regions; a's users are nearer b (10 ms) than c (30 ms); b–c 10 ms.
    const LINKS = 'link a <-> b { rtt 10ms }\nlink a <-> c { rtt 30ms }\nlink b <-> c { rtt 10ms }';
    it.each([
        {
            name: "leaves the lost region's own overload out: only the receiver that now carries too much is listed",
            // Load a 50 %, b 25 %, c 25 %, capacity 30 % each. a (already over, 50 % > 30 %) is lost; its half moves
            // to b: 25 % + 50 % = 75 %, 45 % over. c keeps 25 %, under 30 %. Largest: b's 75 %.
            capacity: 'capacity 30% per region',
            writes: 'a 50%, b 25%, c 25%',
            lost: 'a',
            expected: { receivers: ['b'], overloaded: [['b', 0.75, 0.3]], failing: 0.45, largest: 0.75, fits: false },
        },
        {
            name: 'never overloads a region whose capacity is not declared',
            // Only a declares a capacity (50 %). a (60 %) is lost; b takes it: 40 % + 60 % = 100 %, no limit, so no
            // failure; c carries nothing. Largest: b's 100 %.
            capacity: 'capacity a 50%',
            writes: 'a 60%, b 40%',
            lost: 'a',
            expected: { receivers: ['b'], overloaded: [], failing: 0, largest: 1, fits: true },
        },
        {
            name: 'counts a load equal to the capacity up to rounding as fitting',
            // a 10 %, b 20 %, c 70 %; b's capacity 30 %. Losing a moves 10 % to b: 0.2 + 0.1 is 0.30000000000000004 in
            // floating point, which is 30 %, not an overload; c (100 % capacity) keeps 70 %, the largest load.
            capacity: 'capacity a 100%, b 30%, c 100%',
            writes: 'a 10%, b 20%, c 70%',
            lost: 'a',
            expected: { receivers: ['b'], overloaded: [], failing: 0, largest: 0.7, fits: true },
        },
        {
            name: "judges the survivors' room, not the lost region's own",
            // a 70 %, b 30 %, 100 % each: losing a puts 30 % + 70 % = 100 % on b, which fits. (a itself would need
            // room for twice its 70 %, but a is gone.)
            capacity: 'capacity 100% per region',
            writes: 'a 70%, b 30%',
            lost: 'a',
            expected: { receivers: ['b'], overloaded: [], failing: 0, largest: 1, fits: true },
        },
        {
            name: 'that serves nobody moves nothing, even while another region is already over its capacity',
            // a 60 %, b 40 %, 50 % each; c serves no origin. Losing c moves nothing; a stays 10 % over, as before the
            // loss, and the cheap pre-check says the loss itself cannot overload anything.
            capacity: 'capacity 50% per region',
            writes: 'a 60%, b 40%',
            lost: 'c',
            expected: { receivers: [], overloaded: [['a', 0.6, 0.5]], failing: 0.1, largest: 0.6, fits: true },
        },
    ])('$name', async ({ capacity, writes, lost, expected }) => {
        const { service, placement, loss } = await lossOf(
            `${LINKS}
service s { regions a, b, c posture active-active ${capacity} }
workload w for s { writes 1000/s from ${writes} }`,
            lost,
        );
        const { fits, ...rest } = expected;
        expect(summary(loss)).toEqual(rest);
        expect(lossFits(service, placement, lost)).toBe(fits);
    });

    it('of the only region of a service leaves no receiver and no load', async () => {
        // One region is treated as active-active; with a gone there is nowhere to send its users.
        const { loss } = await lossOf(`service s { regions a }\nworkload w for s { writes 100/s from a 100% }`, 'a');
        expect(summary(loss)).toEqual({ receivers: [], overloaded: [], failing: 0, largest: 0 });
    });
});

describe('the loss of the primary of a warm standby', () => {
    // The service lists b first (its primary), then a, then c; the whole load (from b) is on b.
    const SERVICE = `service s { regions b, a, c posture warm-standby }
workload w for s { writes 100/s from b 100% }`;
    const FAILOVER = (name: string, from: string, to: string) =>
        `failover ${name} from ${from} to ${to} { detect health-check every 10s threshold 3 route anycast drill every 30d }`;

    it.each([
        {
            name: 'with no failover moves the load to the next region listed',
            // No failover declares a destination: the first region other than b in the service's list, a.
            design: SERVICE,
            lost: 'b',
            to: 'a',
        },
        {
            name: 'moves the load to the destination its failover declares',
            // The failover sends s to c, although a is listed before c.
            design: `${SERVICE}\n${FAILOVER('s', 'b', 'c')}`,
            lost: 'b',
            to: 'c',
        },
        {
            name: 'with a declared primary that is not listed first moves the load from it to the first other region',
            // s lists b, a, c but declares c its primary: all of its load is on c, and losing c sends it to b.
            design: `service s { regions b, a, c primary c posture warm-standby }
workload w for s { writes 100/s from b 100% }`,
            lost: 'c',
            to: 'b',
        },
        {
            name: "ignores another service's failover",
            // t's failover goes to c; s has none of its own, so a, the next region listed.
            design: `${SERVICE}\nservice t { regions b, a, c posture warm-standby }\n${FAILOVER('t', 'b', 'c')}`,
            lost: 'b',
            to: 'a',
        },
    ])('$name', async ({ design, lost, to }) => {
        const { loss } = await lossOf(design, lost);
        expect(summary(loss)).toEqual({ receivers: [to], overloaded: [], failing: 0, largest: 1 });
    });

    it('skips a failover whose destination is the region lost', async () => {
        // Two failovers of s: the first goes back to b (the primary, lost here), the second to c. b's load goes to c,
        // not to b itself nor to a (the next region listed).
        const { model, service, placement } = await lossOf(`${SERVICE}\n${FAILOVER('s', 'b', 'c')}`, 'b');
        const toC = model.failovers[0]!;
        const failovers: FailoverM[] = [{ ...toC, from: 'c', to: 'b' }, toC];
        const loss = regionLoss({ ...model, failovers }, service, placement, 'b');
        expect(summary(loss)).toEqual({ receivers: ['c'], overloaded: [], failing: 0, largest: 1 });
    });
});
