// Health checks on small designs (simulation/engine/mechanisms/detection.ts): when they detect a failure and
// pass again, under an outage and under the partial faults a check sees (errors, added latency, no answer, a
// dependency's fault only a deep check reaches). Expected times worked out by hand in each row's comment:
// probes every I = 10 s from a random phase, so the first probe at or after a fault at 60 s falls at
// p ∈ [60 s, 70 s); the third failed probe is sent at p + 20 s and known failed when its answer is known — an
// error answer after the added latency, a missing or too late one after the 2 s timeout. The fault ends at
// 240 s: passing probes from p + 180 s, healthy again at the third, p + 200 s. So `healthy − detected` is exact
// whatever the phase.
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../../simulation/report.js';
import { designText as failoverDesign } from './failover-design.js';
import { designOf, runModel, SECOND } from './helpers.js';

/** The failover suites' design (failover-design.ts) with these detection, route and head clauses. */
function designText(detect: string, scenario: string, route = 'anycast', target: 'app' | 'db' = 'app'): string {
    return failoverDesign({
        failover: `detect ${detect}\n    ${route === '' ? '' : `route  ${route}`}`,
        scenario,
        target,
    });
}

async function simulated(text: string, seed = 1): Promise<SimulationReport> {
    return runModel(await designOf(text, true), undefined, { seed });
}

const atOf = (report: SimulationReport, kind: 'detection' | 'healthy-again') =>
    report.timeline.filter((e) => e.kind === kind).map((e) => e.atMs);

describe('a partial fault is detected when the answers say so, and passes again when it ends', () => {
    const CHECK = 'health-check every 10s threshold 3 timeout 2s';
    it.each([
        {
            name: 'every request failing is known at once: detected at p + 20 s, healthy 180 s later',
            fault: 'degrade app in us-east-1 errors 100%',
            detect: CHECK,
            healthyAfter: 180 * SECOND,
        },
        {
            name: 'failing answers 1 s late are known 1 s later: detected at p + 21 s, healthy 179 s later',
            fault: 'degrade app in us-east-1 errors 100% latency +1s',
            detect: CHECK,
            healthyAfter: 179 * SECOND,
        },
        {
            name: 'answers exactly as late as the timeout fail at the timeout: p + 22 s, healthy 178 s later',
            fault: 'degrade app in us-east-1 latency +2s',
            detect: CHECK,
            healthyAfter: 178 * SECOND,
        },
        {
            name: 'answers later than the timeout fail at the timeout: p + 22 s, healthy 178 s later',
            fault: 'degrade app in us-east-1 latency +3s',
            detect: CHECK,
            healthyAfter: 178 * SECOND,
        },
        {
            name: 'a service that stops answering fails at the timeout: p + 22 s, healthy 178 s later',
            fault: 'fail app in us-east-1',
            detect: CHECK,
            healthyAfter: 178 * SECOND,
        },
        {
            name: 'its store failing every request is seen by a deep check: p + 20 s, healthy 180 s later',
            fault: 'degrade db in us-east-1 errors 100%',
            detect: `${CHECK} deep`,
            healthyAfter: 180 * SECOND,
        },
    ])('$name', async ({ fault, detect, healthyAfter }) => {
        const report = await simulated(designText(detect, `duration 10m  at 1m ${fault} for 3m`));
        const [d] = atOf(report, 'detection');
        expect(atOf(report, 'detection')).toHaveLength(1);
        expect(d).toBeGreaterThanOrEqual(80 * SECOND);
        expect(d).toBeLessThan(92 * SECOND);
        expect(atOf(report, 'healthy-again').map((t) => Math.round(t - d!))).toEqual([healthyAfter]);
        // The region stayed up, but its service was impaired: a real failure, noticed by the failover's checks.
        expect(report.failovers.map((f) => [f.detectedAtMs, f.falseAlarm, f.outcome])).toEqual([
            [d, false, 'completed'],
        ]);
        expect(report.partialFaults.map((f) => f.checks)).toEqual([
            [
                {
                    failover: 'app',
                    depth: detect.endsWith('deep') ? 'deep' : 'shallow',
                    noticed: true,
                    noticedAtMs: d,
                    afterMs: d! - 60 * SECOND,
                },
            ],
        ]);
    });

    it.each([
        {
            name: 'answers 1 s late but under the 2 s timeout never fail the check',
            fault: 'degrade app in us-east-1 latency +1s',
            detect: CHECK,
        },
        {
            name: 'its store failing every request is not seen by a shallow check',
            fault: 'degrade db in us-east-1 errors 100%',
            detect: CHECK,
        },
    ])('$name', async ({ fault, detect }) => {
        const report = await simulated(designText(detect, `duration 10m  at 1m ${fault} for 3m`));
        expect(atOf(report, 'detection')).toEqual([]);
        expect(report.failovers).toEqual([]);
        expect(report.partialFaults.flatMap((f) => f.checks.map((c) => [c.noticed, c.noticedAtMs]))).toEqual([
            [false, null],
        ]);
    });
});

describe('a partial fault counts as noticed only when detected while it is in effect', () => {
    // fail app 60 → 90 s with checks every 10 s, threshold 3, timeout 2 s: probes p, p + 10, p + 20 s fail (all
    // before 90 s) and the verdict is known at D = p + 22 s ∈ [82 s, 92 s): within the fault when D ≤ 90 s,
    // after it otherwise (p > 68 s). Over 24 seeds both sides of that boundary occur.
    it.each([
        {
            name: 'a 30 s failure is noticed when its verdict comes by its end at 90 s, not after',
            faults: 'at 1m fail app in us-east-1 for 30s',
            noticed: (d: number, within: boolean) => [within ? d : null],
        },
        {
            // The latency fault (+1 s, under the 2 s timeout: its checks pass) is in effect from 61 s on: noticed
            // at D whichever side of 90 s it falls, while the failure's watch is not once D is after it ended.
            name: 'the same failure under a 5-minute latency fault: the latency fault always noticed at D',
            faults: 'at 1m fail app in us-east-1 for 30s\n    at 61s degrade app in us-east-1 latency +1s for 5m',
            noticed: (d: number, within: boolean) => [within ? d : null, d],
        },
    ])('$name, whatever the phase', async ({ faults, noticed }) => {
        const model = await designOf(
            designText('health-check every 10s threshold 3 timeout 2s', `duration 10m  ${faults}`),
            true,
        );
        const seen = new Set<boolean>();
        for (let seed = 1; seed <= 24; seed++) {
            const report = runModel(model, undefined, { seed });
            const [d] = atOf(report, 'detection');
            const within = d! <= 90 * SECOND;
            seen.add(within);
            expect(report.partialFaults.map((f) => f.checks.map((c) => [c.noticed, c.noticedAtMs]))).toEqual(
                noticed(d!, within).map((at) => [[at !== null, at]]),
            );
        }
        expect([...seen].sort()).toEqual([false, true]);
    });
});

describe('a flap of a store’s own health checks', () => {
    it('is detected for the store’s failover, which runs again at each detection: two false alarms', async () => {
        // Fails 40 s, passes 40 s from 60 s to 240 s (timeout 0 s): detected at D = p + 20 s, healthy at D + 40 s,
        // detected again at D + 80 s, healthy at D + 120 s. The failover has no action: each run completes at once.
        const report = await simulated(
            designText(
                'health-check every 10s threshold 3 timeout 0s',
                'duration 10m  at 1m flap health-check db in us-east-1 every 40s for 3m',
                '',
                'db',
            ),
        );
        const [d] = atOf(report, 'detection');
        expect(atOf(report, 'detection').map((t) => Math.round(t - d!))).toEqual([0, 80 * SECOND]);
        expect(atOf(report, 'healthy-again').map((t) => Math.round(t - d!))).toEqual([40 * SECOND, 120 * SECOND]);
        expect(
            report.failovers.map((f) => [f.target, Math.round(f.detectedAtMs - d!), f.falseAlarm, f.outcome]),
        ).toEqual([
            ['db', 0, true, 'completed'],
            ['db', 80 * SECOND, true, 'completed'],
        ]);
    });
});

describe('health checks probe on their own clock from a random phase of the interval', () => {
    it('detects an outage at 60 s within [60 s + 2·I + timeout, + I) for every seed, the phases spread over the interval', async () => {
        const model = await designOf(
            designText(
                'health-check every 10s threshold 3 timeout 2s',
                'duration 10m  at 1m outage region us-east-1 for 3m',
            ),
            true,
        );
        const phases: number[] = [];
        for (let seed = 1; seed <= 12; seed++) {
            const report = runModel(model, undefined, { seed });
            const [d] = atOf(report, 'detection');
            phases.push(d! - 82 * SECOND);
            // The region is back at 240 s: the probe grid moved on 180 s, so healthy = D − 2 s + 180 s.
            expect(atOf(report, 'healthy-again').map((t) => Math.round(t - d!))).toEqual([178 * SECOND]);
        }
        expect(Math.min(...phases)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...phases)).toBeLessThan(10 * SECOND);
        // Twelve uniform phases: their range covers most of the 10 s interval, not a sliver of it.
        expect(Math.max(...phases) - Math.min(...phases)).toBeGreaterThan(5 * SECOND);
    });
});

describe('routing notes say when the simulated routing time is a bound', () => {
    it.each([
        {
            name: 'an ARC route with no TTL moves users at once: a lower bound, and the note says how to declare one',
            route: 'arc-routing-control',
            notes: [
                "the ARC route of app declares no TTL, so users move the moment the control flips in the simulation — a lower bound (declare 'route arc-routing-control ttl 60s')",
            ],
        },
        { name: 'an ARC route with a TTL needs no note', route: 'arc-routing-control ttl 60s', notes: [] },
    ])('$name', async ({ route, notes }) => {
        const report = await simulated(
            designText(
                'health-check every 10s threshold 3 timeout 2s',
                'duration 10m  at 1m outage region us-east-1 for 3m',
                route,
            ),
        );
        expect(report.notes.filter((n) => n.includes('ARC'))).toEqual(notes);
    });
});

describe('a verdict known after the checks passed again is dropped', () => {
    it('a flap failing every other probe never detects with a 25 s timeout: each failure heals before it is known', async () => {
        // Threshold 1: a failed probe at t is known at t + 25 s, but the probe at t + 10 s passes and heals
        // it, and the one at t + 20 s fails anew (its own verdict due at t + 45 s). Six probes fall in the
        // minute of the flap, three failing, each followed by a pass (the last one after the flap ends): three
        // healthy-again rows, no detection.
        const report = await simulated(
            designText(
                'health-check every 10s threshold 1 timeout 25s',
                'duration 10m  at 1m flap health-check app in us-east-1 for 1m',
            ),
        );
        expect(atOf(report, 'detection')).toEqual([]);
        expect(atOf(report, 'healthy-again')).toHaveLength(3);
        expect(report.failovers).toEqual([]);
    });
});

describe('the health checks draw an error answer at random only when the error share is strictly between 0 and 1', () => {
    // The checks' own stream is drawn for each probe under a share in (0, 1): a probe under a certain error
    // (100 %) or under latency alone (0 %) draws nothing, so a 50 % fault later sees the same draws, and the
    // same detections, as with no earlier fault at all.
    const LATER = 'at 5m degrade app in us-east-1 errors 50% for 3m';
    const rowsAfter5m = (report: SimulationReport) =>
        report.timeline
            .filter((e) => (e.kind === 'detection' || e.kind === 'healthy-again') && e.atMs >= 300 * SECOND)
            .map((e) => [e.atMs, e.kind]);
    it.each([
        { name: 'every request failing', earlier: 'at 1m degrade app in us-east-1 errors 100% for 2m' },
        { name: 'latency alone, under the timeout', earlier: 'at 1m degrade app in us-east-1 latency +1s for 2m' },
        { name: 'no answer at all', earlier: 'at 1m fail app in us-east-1 for 2m' },
    ])('an earlier fault with $name leaves the later 50 % fault’s detections as they are', async ({ earlier }) => {
        const detect = 'health-check every 10s threshold 2 timeout 2s';
        const alone = rowsAfter5m(await simulated(designText(detect, `duration 10m  ${LATER}`)));
        const after = rowsAfter5m(await simulated(designText(detect, `duration 10m  ${earlier}\n    ${LATER}`)));
        // The later fault is detected at least once, so its draws decided something.
        expect(alone.filter(([, k]) => k === 'detection').length).toBeGreaterThan(0);
        expect(after).toEqual(alone);
    });
});

describe('each failover’s checks notice a partial fault by their own detection', () => {
    it('the store’s own checks notice its errors; the service’s shallow ones never do, whoever else detects it', async () => {
        // db fails every request in us-east-1 from 60 s to 240 s: the store's own checks fail and detect it; the
        // service's shallow checks ask only whether the service answers, so they never fail. The service's watch
        // stays unnoticed although another failover detected the fault.
        const text = designText(
            'health-check every 10s threshold 3 timeout 2s',
            'duration 10m  at 1m degrade db in us-east-1 errors 100% for 3m',
        ).replace(
            'workload w for app',
            `failover db {
    detect health-check every 10s threshold 3 timeout 2s
    drill  every 30d
}
workload w for app`,
        );
        const report = await simulated(text);
        const detections = report.timeline.filter((e) => e.kind === 'detection');
        expect(detections.map((e) => e.text)).toEqual([
            'failure of db in us-east-1 detected (3 failed health checks every 10 s)',
        ]);
        expect(report.partialFaults.flatMap((f) => f.checks.map((c) => [c.failover, c.depth, c.noticedAtMs]))).toEqual([
            ['app', 'shallow', null],
            ['db', 'shallow', detections[0]!.atMs],
        ]);
    });
});

describe('a fault failing a fraction of requests fails each check with that chance', () => {
    // 50 % errors in us-east-1 from 60 s to 240 s, checked every 10 s with threshold 1 (timeout 2 s): 18 checks
    // fall in the fault, each failing with probability ½ on the checks' own stream. A check that fails detects
    // (its error answer is known at once), the next passing one makes the target healthy again. The chance that
    // all 18 fail is 2⁻¹⁸, so every seed sees the checks pass again during the fault, and detect more than once.
    const text = () =>
        designText(
            'health-check every 10s threshold 1 timeout 2s',
            'duration 10m  at 1m degrade app in us-east-1 errors 50% for 3m',
        );
    it.each([1, 2, 3, 4, 5, 6])('seed %i: the checks pass again while the fault lasts', async (seed) => {
        const report = await simulated(text(), seed);
        const within = (t: number) => t > 60 * SECOND && t < 240 * SECOND;
        expect(atOf(report, 'healthy-again').filter(within).length).toBeGreaterThan(0);
        expect(atOf(report, 'detection').filter(within).length).toBeGreaterThan(1);
    });

    it.each([1, 2, 3])('seed %i: the fault counts as noticed at its first detection, not a later one', async (seed) => {
        const report = await simulated(text(), seed);
        const [first] = atOf(report, 'detection');
        expect(report.partialFaults.flatMap((f) => f.checks.map((c) => c.noticedAtMs))).toEqual([first]);
    });
});
