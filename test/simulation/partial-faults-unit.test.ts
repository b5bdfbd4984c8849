// What a partial fault cuts off (simulation/partial-faults.ts), on a hand-built plan over three regions
// (us-east-1, eu-west-1, ap-northeast-1; us-east-1 is the nearest to ap-northeast-1, 163 ms against 220):
//   web  runs in us-east-1                 depends on api
//   api  runs in us-east-1 and eu-west-1   uses db, depends on auth
//   auth runs in us-east-1 and eu-west-1   reads bucket
//   edge runs in ap-northeast-1            uses db (no replica there: the nearest, us-east-1's)
//   sso  runs in eu-west-1 and ap-ne-1     calls sts, a provider-global service homed in us-east-1
//   portal runs in ap-northeast-1          depends on api, which does not run there: never impaired through it
//   db has replicas in eu-west-1 and us-east-1 (in that order); bucket one in ap-northeast-1, reached from
//   everywhere.
// Each impaired dependency a request calls multiplies the share that succeeds by (1 − its error share) and adds
// its latency: the figures in each row are worked by hand from that rule (fast enough to run per mutant, which
// the whole-simulation suites are not).
import { describe, expect, it } from 'vitest';
import { type CascadeChange, homesGlobalDependency, PartialFaults } from '../../simulation/partial-faults.js';
import type { FaultPlan, PartialFaultPlan, Plan } from '../../simulation/plan.js';
import { APNE1, EUW1, REGIONS, RTT, type ServiceSpec, servicePlans, slotsOf, USE1 } from './fault-design.js';

const [WEB, API, AUTH, EDGE, SSO, PORTAL] = [0, 1, 2, 3, 4, 5];
const [DB, BUCKET] = [0, 1];

const SERVICES: ServiceSpec[] = [
    { id: 'web', regions: [USE1], dependsOn: [API] },
    { id: 'api', regions: [USE1, EUW1], uses: [DB], dependsOn: [AUTH] },
    { id: 'auth', regions: [USE1, EUW1], reads: [BUCKET] },
    { id: 'edge', regions: [APNE1], uses: [DB] },
    { id: 'sso', regions: [EUW1, APNE1], global: [{ name: 'sts', home: USE1 }] },
    { id: 'portal', regions: [APNE1], dependsOn: [API] },
];
const STORES = [
    { id: 'db', replicas: [EUW1, USE1] },
    { id: 'bucket', replicas: [APNE1] },
];

type Partial = Omit<PartialFaultPlan, 'index' | 'at' | 'until' | 'label' | 'line' | 'targetName'>;

/** A degrade (or fail) of `targets` in `region`. */
function fault(
    kind: 'degrade' | 'fail',
    targetKind: 'service' | 'store',
    targets: number[],
    region: number,
    errorShare: number,
    addedLatencyMs = 0,
): Partial {
    return { kind, targetKind, targets, region, errorShare, addedLatencyMs };
}

/** Any fault, written without the fields every fault has. */
type AnyFault = { kind: FaultPlan['kind'] } & Record<string, unknown>;

function planOf(faults: (Partial | AnyFault)[], services = SERVICES, stores = STORES, rtt = RTT): Plan {
    return {
        regions: REGIONS,
        rtt: Float64Array.from(rtt),
        services: servicePlans(services),
        stores: stores.map((s, index) => ({ index, id: s.id, replicas: s.replicas, slotOf: slotsOf(s.replicas) })),
        faults: faults.map(
            (f, index) =>
                ({ index, at: 0, until: 1e9, label: `f${index}`, line: 1, targetName: '', ...f }) as FaultPlan,
        ),
    } as unknown as Plan;
}

/** The partial faults of a plan over `faults`, with the first `inEffect` of them in effect. */
function partialOf(faults: Partial[], inEffect = faults.length, services = SERVICES, stores = STORES, rtt = RTT) {
    const plan = planOf(faults, services, stores, rtt);
    const partial = new PartialFaults(plan);
    const changes = partial.update(plan.faults.slice(0, inEffect) as PartialFaultPlan[]);
    return { plan, partial, changes };
}

/** Shares composed as 1 − Π(1 − e) carry rounding in the last bits: compared to 12 decimals. */
const round = (x: number) => Number(x.toFixed(12));
const rounded = (changes: CascadeChange[]) => changes.map((c) => ({ ...c, errorShare: round(c.errorShare) }));

/** What requests meet, per service and region it runs in: [error share, added latency] where not [0, 0]. */
function impairments(p: PartialFaults, services = SERVICES): Record<string, [number, number]> {
    const out: Record<string, [number, number]> = {};
    services.forEach((s, i) =>
        s.regions.forEach((r) => {
            const e = p.serviceErrorShare(i, r);
            const l = p.serviceAddedLatency(i, r);
            if (e !== 0 || l !== 0) out[`${s.id}@${REGIONS[r]}`] = [round(e), l];
        }),
    );
    return out;
}

describe('what requests served in each region meet', () => {
    it.each<[string, Partial[], Record<string, [number, number]>]>([
        [
            'db degraded in us-east-1 (10 %, +20 ms): api there, web through api, and edge (nearest replica)',
            [fault('degrade', 'store', [DB], USE1, 0.1, 20)],
            { 'web@us-east-1': [0.1, 20], 'api@us-east-1': [0.1, 20], 'edge@ap-northeast-1': [0.1, 20] },
        ],
        [
            'db in eu-west-1: only api there (web and edge call other replicas)',
            [fault('degrade', 'store', [DB], EUW1, 0.25, 5)],
            { 'api@eu-west-1': [0.25, 5] },
        ],
        [
            'db and auth both degraded in us-east-1: api meets 1 − 0.9 × 0.8 = 28 %, +50 ms',
            [fault('degrade', 'store', [DB], USE1, 0.1, 20), fault('degrade', 'service', [AUTH], USE1, 0.2, 30)],
            {
                'web@us-east-1': [0.28, 50],
                'api@us-east-1': [0.28, 50],
                'auth@us-east-1': [0.2, 30],
                'edge@ap-northeast-1': [0.1, 20],
            },
        ],
        [
            'two degrades of one store add up: 1 − 0.9 × 0.5 = 55 %, 20 + 40 ms',
            [fault('degrade', 'store', [DB], EUW1, 0.1, 20), fault('degrade', 'store', [DB], EUW1, 0.5, 40)],
            { 'api@eu-west-1': [0.55, 60] },
        ],
        [
            'the bucket in ap-northeast-1: auth everywhere, and api and web through it',
            [fault('degrade', 'store', [BUCKET], APNE1, 0.5)],
            {
                'web@us-east-1': [0.5, 0],
                'api@us-east-1': [0.5, 0],
                'api@eu-west-1': [0.5, 0],
                'auth@us-east-1': [0.5, 0],
                'auth@eu-west-1': [0.5, 0],
            },
        ],
        [
            // The bucket is store 1 and its replica region 2: its latency is read at 1 × 3 + 2 = 5.
            'the bucket slowed by 40 ms alone in ap-northeast-1: auth everywhere, api and web through it',
            [fault('degrade', 'store', [BUCKET], APNE1, 0, 40)],
            {
                'web@us-east-1': [0, 40],
                'api@us-east-1': [0, 40],
                'api@eu-west-1': [0, 40],
                'auth@us-east-1': [0, 40],
                'auth@eu-west-1': [0, 40],
            },
        ],
        [
            // api in eu-west-1 reads auth's latency there, at auth × 3 + eu-west-1 = 2 × 3 + 1 = 7.
            'auth slowed by 30 ms alone in eu-west-1: api there meets the 30 ms, us-east-1 nothing',
            [fault('degrade', 'service', [AUTH], EUW1, 0, 30)],
            { 'auth@eu-west-1': [0, 30], 'api@eu-west-1': [0, 30] },
        ],
        [
            'api failing in eu-west-1: every request there, nothing elsewhere',
            [fault('fail', 'service', [API], EUW1, 1)],
            { 'api@eu-west-1': [1, 0] },
        ],
        [
            'a degrade naming two services: each in its region',
            [fault('degrade', 'service', [AUTH, EDGE], USE1, 0.3, 0)],
            { 'web@us-east-1': [0.3, 0], 'api@us-east-1': [0.3, 0], 'auth@us-east-1': [0.3, 0] },
        ],
    ])('%s', (_, faults, expected) => {
        const { partial } = partialOf(faults);
        expect(impairments(partial)).toEqual(expected);
    });

    it('a fault of the plan not in effect changes nothing', () => {
        const { partial, changes } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)], 0);
        expect(impairments(partial)).toEqual({});
        expect(changes).toEqual([]);
    });

    it('a dependency that does not run in the region is not called there, whatever its stores meet', () => {
        // api would reach db in us-east-1 from ap-northeast-1 (as edge does), but it does not run there.
        const { partial } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)]);
        expect(partial.serviceErrorShare(EDGE, APNE1)).toBeGreaterThan(0);
        expect([partial.serviceErrorShare(PORTAL, APNE1), partial.serviceAddedLatency(PORTAL, APNE1)]).toEqual([0, 0]);
        // Nor is api itself worked out where it does not run.
        expect(partial.serviceErrorShare(API, APNE1)).toBe(0);
    });

    it('nothing is impaired before the first update, whatever the plan holds', () => {
        const plan = planOf([fault('fail', 'service', [API], EUW1, 1)]);
        const partial = new PartialFaults(plan);
        expect(partial.present).toBe(true);
        expect(impairments(partial)).toEqual({});
        expect(partial.check('service', API, EUW1, 'deep')).toEqual({
            errorShare: 0,
            addedLatencyMs: 0,
            noAnswer: false,
        });
    });

    it('the last fault ending clears every impairment', () => {
        const { partial, plan } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)]);
        expect(partial.active).toBe(true);
        partial.update([]);
        expect(partial.active).toBe(false);
        expect(impairments(partial)).toEqual({});
        expect(partial.storeErrorShare(DB, USE1)).toBe(0);
        expect(partial.impaired('store', DB, USE1)).toBe(false);
        expect(plan.faults).toHaveLength(1);
    });
});

describe('a dependency cycle', () => {
    // front and back depend on each other in us-east-1, and back also on auth. Every member of a cycle calls every
    // other, so each meets every impairment in it, once: the result cannot depend on which is declared first.
    const services: ServiceSpec[] = [
        { id: 'front', regions: [USE1], dependsOn: [1] },
        { id: 'back', regions: [USE1], dependsOn: [0, 2] },
        { id: 'auth', regions: [USE1] },
    ];
    it.each<[string, Partial[], [number, number]]>([
        ['the second member degraded by half: both meet 50 %', [fault('degrade', 'service', [1], USE1, 0.5)], [0.5, 0]],
        [
            'the first member degraded by half: both meet 50 %',
            [fault('degrade', 'service', [0], USE1, 0.5, 10)],
            [0.5, 10],
        ],
        [
            'both degraded, 50 % and 20 %: each meets 1 − 0.5 × 0.8 = 60 % once',
            [fault('degrade', 'service', [0], USE1, 0.5, 10), fault('degrade', 'service', [1], USE1, 0.2, 5)],
            [0.6, 15],
        ],
        [
            'a dependency outside the cycle, of one member: both meet it',
            [fault('degrade', 'service', [2], USE1, 0.25)],
            [0.25, 0],
        ],
    ])('%s', (_, faults, [error, latency]) => {
        const { partial } = partialOf(faults, faults.length, services);
        const meets = (s: number): [number, number] => [
            round(partial.serviceErrorShare(s, USE1)),
            partial.serviceAddedLatency(s, USE1),
        ];
        expect([meets(0), meets(1)]).toEqual([
            [error, latency],
            [error, latency],
        ]);
    });

    it('a dependency declared before the service calling it reaches it all the same', () => {
        // auth is worked out on its own first; api, declared after it, then finds it finished.
        const ordered: ServiceSpec[] = [
            { id: 'auth', regions: [USE1] },
            { id: 'api', regions: [USE1], dependsOn: [0] },
        ];
        const { partial } = partialOf([fault('degrade', 'service', [0], USE1, 0.3, 7)], 1, ordered);
        expect(impairments(partial, ordered)).toEqual({ 'auth@us-east-1': [0.3, 7], 'api@us-east-1': [0.3, 7] });
    });

    it('a dependency declared between an unrelated service and its caller reaches the caller all the same', () => {
        // other is worked out first, then auth on its own (finished, off the stack), then api, which calls it.
        const ordered: ServiceSpec[] = [
            { id: 'other', regions: [USE1] },
            { id: 'auth', regions: [USE1] },
            { id: 'api', regions: [USE1], dependsOn: [1] },
        ];
        const { partial } = partialOf([fault('degrade', 'service', [1], USE1, 0.3, 7)], 1, ordered);
        expect(impairments(partial, ordered)).toEqual({ 'auth@us-east-1': [0.3, 7], 'api@us-east-1': [0.3, 7] });
    });

    it('the same cycle served in eu-west-1 instead: the first member degraded by half, both meet 50 %', () => {
        const inEuWest1 = services.map((s) => ({ ...s, regions: [EUW1] }));
        const { partial } = partialOf([fault('degrade', 'service', [0], EUW1, 0.5, 10)], 1, inEuWest1);
        expect(impairments(partial, inEuWest1)).toEqual({ 'front@eu-west-1': [0.5, 10], 'back@eu-west-1': [0.5, 10] });
    });

    it('a service depending on itself meets its own degrade once and lists no cascade row', () => {
        const loop: ServiceSpec[] = [{ id: 'loop', regions: [USE1], dependsOn: [0] }];
        const { partial, changes } = partialOf([fault('degrade', 'service', [0], USE1, 0.5)], 1, loop);
        expect(impairments(partial, loop)).toEqual({ 'loop@us-east-1': [0.5, 0] });
        expect(changes).toEqual([]);
    });

    it("names each member's own impaired dependencies", () => {
        const { changes } = partialOf([fault('degrade', 'service', [2], USE1, 0.25)], 1, services);
        expect(rounded(changes).map((c) => [c.service, c.errorShare, c.via])).toEqual([
            [0, 0.25, ['back']],
            [1, 0.25, ['front', 'auth']],
        ]);
    });
});

describe("a store's own impairment, where it is", () => {
    it.each<[string, number, number, number]>([
        ['db in us-east-1: the degrade', DB, USE1, 0.1],
        ['db in eu-west-1: untouched', DB, EUW1, 0],
        ['bucket in us-east-1: no replica there, nothing of its own', BUCKET, USE1, 0],
    ])('%s', (_, store, region, error) => {
        const { partial } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)]);
        expect(round(partial.storeErrorShare(store, region))).toBe(error);
        expect(partial.storeAddedLatency(store, region)).toBe(error > 0 ? 20 : 0);
    });
});

describe('what a health check sees', () => {
    // db degraded in us-east-1 (10 %, +20 ms), auth there (20 %, +30 ms), api failing in eu-west-1.
    const faults = [
        fault('degrade', 'store', [DB], USE1, 0.1, 20),
        fault('degrade', 'service', [AUTH], USE1, 0.2, 30),
        fault('fail', 'service', [API], EUW1, 1),
    ];
    it.each<[string, 'service' | 'store', number, number, 'shallow' | 'deep', [number, number, boolean]]>([
        [
            'a shallow check of api in us-east-1: its own answers are fine',
            'service',
            API,
            USE1,
            'shallow',
            [0, 0, false],
        ],
        ['a deep check of api in us-east-1: db and auth behind it', 'service', API, USE1, 'deep', [0.28, 50, false]],
        ['a shallow check of auth in us-east-1: its own degrade', 'service', AUTH, USE1, 'shallow', [0.2, 30, false]],
        ['a shallow check of api in eu-west-1: no answer', 'service', API, EUW1, 'shallow', [1, 0, true]],
        ['a deep check of api in eu-west-1: no answer', 'service', API, EUW1, 'deep', [1, 0, true]],
        ['a check of db in us-east-1: its own degrade', 'store', DB, USE1, 'shallow', [0.1, 20, false]],
        ['a deep check of db in us-east-1: nothing behind a store', 'store', DB, USE1, 'deep', [0.1, 20, false]],
        ['a check of db in eu-west-1: healthy', 'store', DB, EUW1, 'deep', [0, 0, false]],
    ])('%s', (_, kind, target, region, depth, [errorShare, addedLatencyMs, noAnswer]) => {
        const { partial } = partialOf(faults);
        const v = partial.check(kind, target, region, depth);
        expect({ ...v, errorShare: round(v.errorShare) }).toEqual({
            errorShare,
            addedLatencyMs,
            noAnswer,
        });
    });

    it.each<[string, Partial, 'service' | 'store', number, number, boolean]>([
        [
            'an error share alone makes a target impaired',
            fault('degrade', 'service', [AUTH], USE1, 0.2),
            'service',
            AUTH,
            USE1,
            true,
        ],
        [
            'added latency alone makes a target impaired',
            fault('degrade', 'service', [AUTH], USE1, 0, 30),
            'service',
            AUTH,
            USE1,
            true,
        ],
        [
            'impaired through a dependency counts too',
            fault('degrade', 'service', [AUTH], USE1, 0, 30),
            'service',
            API,
            USE1,
            true,
        ],
        [
            'a failing service with no error share still counts',
            fault('fail', 'service', [AUTH], EUW1, 0),
            'service',
            AUTH,
            EUW1,
            true,
        ],
        [
            'a store degraded by added latency alone',
            fault('degrade', 'store', [DB], EUW1, 0, 9),
            'store',
            DB,
            EUW1,
            true,
        ],
        [
            'the same target in another region is not',
            fault('degrade', 'service', [AUTH], USE1, 0.2),
            'service',
            AUTH,
            EUW1,
            false,
        ],
    ])('%s', (_, f, kind, target, region, impaired) => {
        const { partial } = partialOf([f]);
        expect(partial.impaired(kind, target, region)).toBe(impaired);
    });
});

describe('the cascade rows an update returns', () => {
    it('a store degrade: the services impaired through it, each with the dependency that impairs it', () => {
        const { changes } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)]);
        expect(rounded(changes)).toEqual([
            { service: WEB, region: USE1, errorShare: 0.1, addedLatencyMs: 20, via: ['api'], global: [] },
            { service: API, region: USE1, errorShare: 0.1, addedLatencyMs: 20, via: ['db'], global: [] },
            // A replica in another region is named with its region.
            { service: EDGE, region: APNE1, errorShare: 0.1, addedLatencyMs: 20, via: ['db in us-east-1'], global: [] },
        ]);
    });

    it("a service's own fault is no cascade: only what depends on it is listed", () => {
        const { changes } = partialOf([fault('degrade', 'service', [API], USE1, 0.5)]);
        expect(changes).toEqual([
            { service: WEB, region: USE1, errorShare: 0.5, addedLatencyMs: 0, via: ['api'], global: [] },
        ]);
    });

    it('the same update again: nothing changed, nothing listed', () => {
        const { partial, plan } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)]);
        expect(partial.update(plan.faults as PartialFaultPlan[])).toEqual([]);
    });

    it.each<[string, Partial, number[]]>([
        ['a change of error share alone is listed', fault('degrade', 'store', [DB], USE1, 0.3, 20), [WEB, API, EDGE]],
        ['a change of latency alone is listed', fault('degrade', 'store', [DB], USE1, 0.1, 25), [WEB, API, EDGE]],
    ])('%s', (_, next, changed) => {
        const { partial, plan } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20), next], 1);
        const rows = partial.update([plan.faults[1] as PartialFaultPlan]);
        expect(rows.map((c) => c.service)).toEqual(changed);
    });

    it('a dependency slowed but not failing is named: api in eu-west-1, 0 %, +30 ms, through auth', () => {
        const { changes } = partialOf([fault('degrade', 'service', [AUTH], EUW1, 0, 30)]);
        expect(changes).toEqual([
            { service: API, region: EUW1, errorShare: 0, addedLatencyMs: 30, via: ['auth'], global: [] },
        ]);
    });

    it('a change of which dependency impairs it, at the same figures, is listed', () => {
        // First db in us-east-1 at 20 %, then auth there at 20 %: api meets 20 % either way, through another name.
        const { partial, plan } = partialOf(
            [fault('degrade', 'store', [DB], USE1, 0.2), fault('degrade', 'service', [AUTH], USE1, 0.2)],
            1,
        );
        const rows = partial.update([plan.faults[1] as PartialFaultPlan]);
        expect(rounded(rows).find((c) => c.service === API)).toEqual({
            service: API,
            region: USE1,
            errorShare: 0.2,
            addedLatencyMs: 0,
            via: ['auth'],
            global: [],
        });
    });

    it('the fault ending: each service impaired before is listed once more, with nothing through which', () => {
        const { partial } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)]);
        expect(partial.update([])).toEqual([
            { service: WEB, region: USE1, errorShare: 0, addedLatencyMs: 0, via: [], global: [] },
            { service: API, region: USE1, errorShare: 0, addedLatencyMs: 0, via: [], global: [] },
            { service: EDGE, region: APNE1, errorShare: 0, addedLatencyMs: 0, via: [], global: [] },
        ]);
    });
});

describe('a provider-global dependency homed in an impaired region', () => {
    // The plan holds an outage of us-east-1, sts's home: that alone makes the partial faults present.
    const plan = () => planOf([{ kind: 'outage', region: USE1 }]);

    it('its home impaired: sso fails every request in both its regions, named with its home', () => {
        const partial = new PartialFaults(plan());
        expect(partial.present).toBe(true);
        const changes = partial.update([], (home) => home === USE1);
        expect(impairments(partial)).toEqual({ 'sso@eu-west-1': [1, 0], 'sso@ap-northeast-1': [1, 0] });
        const sts = [{ name: 'sts', home: USE1 }];
        expect(changes).toEqual([
            { service: SSO, region: EUW1, errorShare: 1, addedLatencyMs: 0, via: [], global: sts },
            { service: SSO, region: APNE1, errorShare: 1, addedLatencyMs: 0, via: [], global: sts },
        ]);
    });

    it('its home cut off from ap-northeast-1 only: sso fails there and serves in eu-west-1', () => {
        const partial = new PartialFaults(plan());
        partial.update([], (home, from) => home === USE1 && from === APNE1);
        expect(impairments(partial)).toEqual({ 'sso@ap-northeast-1': [1, 0] });
    });

    it('its home back: sso is listed as no longer impaired, and nothing is', () => {
        const partial = new PartialFaults(plan());
        partial.update([], () => true);
        const changes = partial.update([], () => false);
        expect(changes.map((c) => [c.service, c.region, c.errorShare, c.global])).toEqual([
            [SSO, EUW1, 0, []],
            [SSO, APNE1, 0, []],
        ]);
        expect(impairments(partial)).toEqual({});
    });

    it('a home that is fine impairs nothing, and the answers stay switched off', () => {
        const partial = new PartialFaults(plan());
        expect(partial.update([], () => false)).toEqual([]);
        expect(partial.active).toBe(false);
        expect(partial.check('service', SSO, EUW1, 'deep')).toEqual({
            errorShare: 0,
            addedLatencyMs: 0,
            noAnswer: false,
        });
    });

    it('with no partial fault and no fault on a global home, nothing is present and nothing is computed', () => {
        const partial = new PartialFaults(planOf([{ kind: 'outage', region: EUW1 }]));
        expect(partial.present).toBe(false);
        expect(partial.update([], () => true)).toEqual([]);
        expect(partial.active).toBe(false);
        expect([
            partial.serviceErrorShare(SSO, EUW1),
            partial.serviceAddedLatency(SSO, EUW1),
            partial.storeErrorShare(DB, EUW1),
            partial.storeAddedLatency(DB, EUW1),
        ]).toEqual([0, 0, 0, 0]);
        expect(partial.check('store', DB, EUW1, 'deep')).toEqual({ errorShare: 0, addedLatencyMs: 0, noAnswer: false });
        expect(partial.check('service', SSO, EUW1, 'shallow')).toEqual({
            errorShare: 0,
            addedLatencyMs: 0,
            noAnswer: false,
        });
        expect(partial.impaired('service', SSO, EUW1)).toBe(false);
    });

    it.each<[string, AnyFault[]]>([
        [
            'a partial fault among other faults makes them present',
            [{ kind: 'outage', region: EUW1 }, fault('degrade', 'store', [DB], USE1, 0.1)],
        ],
        [
            'a fault on a global home among others makes them present',
            [
                { kind: 'outage', region: EUW1 },
                { kind: 'outage', region: USE1 },
            ],
        ],
    ])('%s', (_, faults) => {
        expect(new PartialFaults(planOf(faults)).present).toBe(true);
    });

    it('a change of which global dependency fails it, at the same figures, is listed', () => {
        const services: ServiceSpec[] = [
            {
                id: 'sso',
                regions: [APNE1],
                global: [
                    { name: 'sts', home: USE1 },
                    { name: 'iam', home: EUW1 },
                ],
            },
        ];
        const partial = new PartialFaults(planOf([{ kind: 'outage', region: USE1 }], services));
        partial.update([], (home) => home === USE1);
        expect(partial.update([], (home) => home === EUW1)).toEqual([
            {
                service: 0,
                region: APNE1,
                errorShare: 1,
                addedLatencyMs: 0,
                via: [],
                global: [{ name: 'iam', home: EUW1 }],
            },
        ]);
    });
});

describe('which faults touch the home of a global dependency (us-east-1 here)', () => {
    it.each<[string, AnyFault, boolean]>([
        ['an outage of the home', { kind: 'outage', region: USE1 }, true],
        ['an outage elsewhere', { kind: 'outage', region: EUW1 }, false],
        ['a destroy of the home', { kind: 'destroy', region: USE1 }, true],
        ['a control-plane impairment of the home', { kind: 'control-plane', region: USE1 }, true],
        ['a control-plane impairment elsewhere', { kind: 'control-plane', region: APNE1 }, false],
        ['a partition with the home second', { kind: 'partition', a: EUW1, b: USE1 }, true],
        ['a partition with the home first', { kind: 'partition', a: USE1, b: APNE1 }, true],
        ['a partition between two other regions', { kind: 'partition', a: EUW1, b: APNE1 }, false],
        ['a flap in the home', { kind: 'flap', region: USE1 }, false],
        ['a degrade in the home', fault('degrade', 'service', [API], USE1, 0.5), false],
    ])('%s', (_, f, touches) => {
        const plan = planOf([f]);
        expect(homesGlobalDependency(plan, plan.faults[0]!)).toBe(touches);
    });
});

describe('the services a partial fault reaches in its region', () => {
    it.each<[string, Partial, number[]]>([
        [
            'auth in us-east-1: auth, api calling it, web calling api',
            fault('degrade', 'service', [AUTH], USE1, 0.1),
            [WEB, API, AUTH],
        ],
        ['auth in eu-west-1: web does not run there', fault('degrade', 'service', [AUTH], EUW1, 0.1), [API, AUTH]],
        ['db in us-east-1: api using it, and web', fault('degrade', 'store', [DB], USE1, 0.1), [WEB, API]],
        [
            'the bucket in us-east-1: auth reading it, and up',
            fault('degrade', 'store', [BUCKET], USE1, 0.1),
            [WEB, API, AUTH],
        ],
        [
            'db and the bucket together in us-east-1: the users of either, and up',
            fault('degrade', 'store', [DB, BUCKET], USE1, 0.1),
            [WEB, API, AUTH],
        ],
        ['web in eu-west-1: it does not run there, nothing', fault('fail', 'service', [WEB], EUW1, 1), []],
        ['edge in ap-northeast-1: nothing depends on it', fault('fail', 'service', [EDGE], APNE1, 1), [EDGE]],
    ])('%s', (_, f, reached) => {
        const { partial, plan } = partialOf([f], 0);
        expect([...partial.reach(plan.faults[0] as PartialFaultPlan)].sort()).toEqual(reached);
    });
});

describe('which replica a request reaches', () => {
    it('a store with no replica anywhere is reached from nowhere: degrades naming it impair no one', () => {
        // cache (store 0) has no replica: no region reaches it, so its degrades in us-east-1 and eu-west-1 are
        // met by no request of lone, which uses it in both.
        const stores = [
            { id: 'cache', replicas: [] },
            { id: 'db', replicas: [USE1] },
        ];
        const lone: ServiceSpec[] = [{ id: 'lone', regions: [USE1, EUW1], uses: [0] }];
        const { partial, changes } = partialOf(
            [fault('degrade', 'store', [0], USE1, 0.4, 5), fault('degrade', 'store', [0], EUW1, 0.4, 5)],
            2,
            lone,
            stores,
        );
        expect(impairments(partial, lone)).toEqual({});
        expect(changes).toEqual([]);
    });

    it("a region's own replica serves it even when another replica is as near (0 ms)", () => {
        // us-east-1 and eu-west-1 at 0 ms from each other; db's replicas listed eu-west-1 first. Requests from
        // us-east-1 still reach db there, so its degrade there reaches api and web; edge (163 ms against 220)
        // reaches it too.
        const rtt = [0, 0, 163, 0, 0, 220, 163, 220, 0];
        const { partial } = partialOf([fault('degrade', 'store', [DB], USE1, 0.1, 20)], 1, SERVICES, STORES, rtt);
        expect(impairments(partial)).toEqual({
            'web@us-east-1': [0.1, 20],
            'api@us-east-1': [0.1, 20],
            'edge@ap-northeast-1': [0.1, 20],
        });
    });
});

describe('a broken plan fails where the cascade reads it, naming what it read', () => {
    const none = () => undefined;
    /** Overwrites fields of service `s` of the plan, as a broken plan would hold them. */
    const set = (s: number, fields: object) => (plan: Plan) => void Object.assign(plan.services[s]!, fields);
    // R = 3 regions and T = 2 stores unless given: the cascade's tables hold S × 3 and 2 × 3 entries.
    it.each<[string, ServiceSpec[], typeof STORES, (plan: Plan) => void, RegExp]>([
        [
            // Its one entry of the order table is at 0 × 3 + 3 = 3, one past the end of S × R = 3.
            'a service in a region outside the plan',
            [{ id: 'x', regions: [3] }],
            STORES,
            none,
            /order: no element at index 3 of 3/,
        ],
        [
            'a dependency outside the plan’s services',
            [{ id: 'x', regions: [USE1], dependsOn: [4] }],
            STORES,
            none,
            /services: no element at index 4 of 1/,
        ],
        [
            // Store 5 from us-east-1 is read at 5 × 3 + 0 = 15 of the 2 × 3 it serves.
            'a store outside the plan’s stores',
            [{ id: 'x', regions: [USE1], uses: [5] }],
            STORES,
            none,
            /store serving: no element at index 15 of 6/,
        ],
        [
            // The bucket's one replica is "region 5", 220 ms from us-east-1 by the flat table's index 0 × 3 + 5:
            // its impairment is read at 1 × 3 + 5 = 8 of 6.
            'a replica in a region outside the plan',
            [{ id: 'x', regions: [USE1], uses: [BUCKET] }],
            [STORES[0]!, { id: 'bucket', replicas: [5] }],
            none,
            /store errors: no element at index 8 of 6/,
        ],
        [
            // Index 1 and region −1 give 1 × 3 − 1 = 2, inside the order table: the service list is what fails.
            'a service whose index is past the list, in region −1',
            [{ id: 'x', regions: [-1] }],
            STORES,
            set(0, { index: 1 }),
            /services: no element at index 1 of 1/,
        ],
        [
            // a in region 3 is at 0 × 3 + 3 = 3 of 6; b claims to run there too: 1 × 3 + 3 = 6 of 6.
            'a dependency that runs in a region past the plan’s',
            [
                { id: 'a', regions: [3], dependsOn: [1] },
                { id: 'b', regions: [USE1] },
            ],
            STORES,
            set(1, { runsIn: Uint8Array.from([1, 0, 0, 1]) }),
            /order: no element at index 6 of 6/,
        ],
    ])('%s', (_, services, stores, breaks, message) => {
        const plan = planOf([fault('degrade', 'service', [0], USE1, 0.1)], services, stores);
        breaks(plan);
        const partial = new PartialFaults(plan);
        expect(() => partial.update(plan.faults as PartialFaultPlan[])).toThrow(message);
    });
});
