// The failover mechanism's timing on small designs (simulation/engine/mechanisms/detection.ts, failover.ts): one
// service on an Aurora-like store in two regions, a write a second, minutes of simulated time — milliseconds a
// case, so mutation testing can afford them. Each expected time is worked out by hand in the row's comment:
// - a health check probes every interval I from a random phase, so the first probe at or after an outage at T
//   falls at p ∈ [T, T + I); the n-th failed probe in a row is sent at p + (n − 1)·I and known failed after the
//   timeout: detection D = p + (threshold − 1)·I + timeout. Rows state times relative to D (or to p = D − …),
//   which the phase cannot move;
// - actions run in order, each for its `takes`, from D; routing moves when the last routing action completes,
//   or at D when there is none; DNS users follow one TTL later;
// - health checks pass again after `threshold` passing probes in a row, on the same grid of probes.
import { describe, expect, it } from 'vitest';
import type { SimulationReport, TimelineEvent } from '../../simulation/report.js';
import { formatDuration } from '../../format/quantities.js';
import { simulated } from './failover-design.js';
import { designOf, runModel, TWO_US_REGIONS } from './helpers.js';

/** The failover's rows of the timeline (faults, detections, actions, routing), as [time, kind, text]. */
function rows(report: SimulationReport): [number, TimelineEvent['kind'], string][] {
    const kinds = new Set<TimelineEvent['kind']>([
        'detection',
        'healthy-again',
        'action-start',
        'action-done',
        'action-blocked',
        'routing-change',
        'failover-committed',
        'failover-abandoned',
        'failback',
        'traffic-moved',
    ]);
    return report.timeline.filter((e) => kinds.has(e.kind)).map((e) => [e.atMs, e.kind, e.text]);
}

/** The rows with times relative to the (first) detection: the phase of the probes drops out. */
function relativeRows(report: SimulationReport): [number, TimelineEvent['kind'], string][] {
    const d = report.timeline.find((e) => e.kind === 'detection');
    expect(d, 'no detection').toBeDefined();
    return rows(report).map(([t, k, text]) => [round(t - d!.atMs), k, text]);
}

/** Milliseconds to a microsecond: sums of a phase and whole seconds are not exact in binary. */
const round = (ms: number) => Math.round(ms * 1000) / 1000;

const OUTAGE = 'duration 10m  at 1m outage region us-east-1 for 3m';

describe('a detected outage runs the actions in order and routes when the last routing action completes', () => {
    it.each([
        {
            name: 'a 1-minute promotion then a 30 s traffic shift route at D + 90 s, users follow one 60 s TTL later',
            // p ∈ [60 s, 70 s); D = p + 2·10 s + 2 s. The region is back at 240 s: its first probe after that is
            // p + 180 s, the third passing one p + 200 s = D + 178 s.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s
    action promote db takes 1m
    action shift-traffic takes 30s`,
                scenario: OUTAGE,
            },
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [150_000, 90_000] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [60_000, 'action-done', 'db now accepts writes in us-west-2'],
                [60_000, 'action-done', 'promote db in us-west-2 for app done'],
                [60_000, 'action-start', 'shift-traffic in us-west-2 for app starts (30 s)'],
                [90_000, 'action-done', 'shift-traffic in us-west-2 for app done'],
                [90_000, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 1 m TTL)'],
                [150_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
        {
            name: 'with no routing action, routing moves at detection and the promotion runs on',
            // D = p + 2·10 s + 2 s; routing at D, users follow at D + 60 s; the promotion is done at D + 60 s.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s
    action promote db takes 1m`,
                scenario: OUTAGE,
            },
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [60_000, 0] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 1 m TTL)'],
                [0, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [60_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                [60_000, 'action-done', 'db now accepts writes in us-west-2'],
                [60_000, 'action-done', 'promote db in us-west-2 for app done'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
        {
            name: 'a routing action before a promotion routes when it completes, not at the end',
            // edit-dns 20 s from D, then promote 1 m: routing at D + 20 s, users follow at D + 80 s.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s
    action edit-dns via control-plane us-west-2 takes 20s
    action promote db takes 1m`,
                scenario: OUTAGE,
            },
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [80_000, 20_000] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'edit-dns in us-west-2 for app starts (20 s)'],
                [20_000, 'action-done', 'edit-dns in us-west-2 for app done'],
                [20_000, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 1 m TTL)'],
                [20_000, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [80_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                [80_000, 'action-done', 'db now accepts writes in us-west-2'],
                [80_000, 'action-done', 'promote db in us-west-2 for app done'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
        {
            name: 'an ARC routing control moves users over its TTL, like DNS',
            // Routing at D; the users follow within the 30 s TTL.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  arc-routing-control ttl 30s`,
                scenario: OUTAGE,
            },
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [{ back: 240_000 }, 0] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 30 s TTL)'],
                [30_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
        {
            name: 'an ARC routing control flipped by an action moves users when the flip is done, then over the TTL',
            // flip-routing-control 10 s from D: routing at D + 10 s, users follow within 30 s, at D + 40 s.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  arc-routing-control ttl 30s
    action flip-routing-control takes 10s`,
                scenario: OUTAGE,
            },
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [{ back: 240_000 }, 10_000] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'flip-routing-control in us-west-2 for app starts (10 s)'],
                [10_000, 'action-done', 'flip-routing-control in us-west-2 for app done'],
                [10_000, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 30 s TTL)'],
                [40_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
        {
            name: 'a DNS resolver tail is named with its share and when the last users arrive',
            // 5 % of users keep the old answer for 10 m after the 60 s TTL: they arrive at D + 11 m.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s tail 5% 10m`,
                scenario: 'duration 20m  at 1m outage region us-east-1 for 15m',
            },
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [{ back: 960_000 }, 0] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [
                    0,
                    'routing-change',
                    'routing moves app to us-west-2 (DNS: users follow within the 1 m TTL, 5% after 11 m)',
                ],
                [660_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                // Back at 960 s: passing probes at p + 900, 910, 920 s; D + 898 s.
                [898_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
        {
            name: 'anycast moves users at detection, with no TTL to wait out',
            parts: {
                failover: `detect health-check every 10s threshold 1 timeout 0s
    route  anycast`,
                scenario: OUTAGE,
            },
            // One failed probe detects: D = p. Back at 240 s: one passing probe at p + 180 s = D + 180 s.
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [{ back: 240_000 }, 0] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (1 failed health check every 10 s)'],
                // No TTL: the users are there at once, so no row says when the last of them arrived.
                [0, 'routing-change', 'routing moves app to us-west-2'],
                [180_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
        {
            name: 'accept-outage runs its actions but never moves traffic',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s
    action notify takes 1m
    action accept-outage`,
                scenario: OUTAGE,
            },
            // Users of us-east-1 served again (relative to D, or when the region is back), and routing moved.
            recovery: [{ back: 240_000 }, null] as const,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'notify in us-west-2 for app starts (1 m)'],
                [60_000, 'action-done', 'notify in us-west-2 for app done'],
                [60_000, 'action-done', 'accept-outage in us-west-2 for app done'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
        },
    ])('$name', async ({ parts, recovery, expected }) => {
        const report = await simulated(parts);
        expect(relativeRows(report)).toEqual(expected);
        const d = report.failovers[0]!.detectedAtMs;
        const [recovered, routed] = recovery;
        // The interruption of the users of us-east-1: from the outage to when they are all served again.
        expect(report.recovery.map((r) => [r.usersOf, r.startMs, r.endMs, r.detectionMs, r.routingChangeMs])).toEqual([
            [
                'us-east-1',
                60_000,
                typeof recovered === 'number' ? d + recovered : recovered.back,
                d,
                routed === null ? null : d + routed,
            ],
        ]);
        expect(report.notes).toEqual([]);
    });
});

describe('manual detection and routing wait for their declared delays', () => {
    it.each([
        {
            name: 'detected 15 m after the region went down, promoted, shifted, then routed; healthy the moment it is back',
            // D = 60 s + 15 m = 960 s; promote to 1,020 s; shift to 1,050 s (routing); TTL to 1,110 s; up at 21 m.
            parts: {
                failover: `detect manual after 15m
    route  dns ttl 60s
    action promote db takes 1m
    action shift-traffic takes 30s`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 20m',
            },
            expected: [
                [960_000, 'detection', 'failure of app in us-east-1 detected (manual detection)'],
                [960_000, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [1_020_000, 'action-done', 'db now accepts writes in us-west-2'],
                [1_020_000, 'action-done', 'promote db in us-west-2 for app done'],
                [1_020_000, 'action-start', 'shift-traffic in us-west-2 for app starts (30 s)'],
                [1_050_000, 'action-done', 'shift-traffic in us-west-2 for app done'],
                [1_050_000, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 1 m TTL)'],
                [1_110_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                [1_260_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
            notes: [],
        },
        {
            name: 'a region back before the manual delay is never detected, and is healthy the moment it is back',
            parts: {
                failover: `detect manual after 15m
    route  dns ttl 60s
    action promote db takes 1m`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 5m',
            },
            expected: [[360_000, 'healthy-again', 'health checks of app in us-east-1 pass again']],
            notes: [],
        },
        {
            name: 'manual detection with no delay never detects, and the notes say so',
            parts: {
                failover: `detect manual
    route  dns ttl 60s
    action promote db takes 1m`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 5m',
            },
            expected: [],
            notes: [
                "the failover of app is detected manually with no declared delay, so the simulation never detects a failure (declare 'detect manual after 15m')",
            ],
        },
        {
            name: 'a second outage is detected its own delay after it began, not the first one’s',
            // Outages at 1 m (for 1 m) and 3 m (for 20 m), noticed 5 m after each began: the first one's notice
            // (due at 6 m) is stale, since the region was back at 2 m and went down again; the second is detected
            // at 3 m + 5 m, routed at once (anycast), promoted a minute later; healthy again at 23 m.
            parts: {
                failover: `detect manual after 5m
    route  anycast
    action promote db takes 1m`,
                scenario:
                    'duration 30m  at 1m outage region us-east-1 for 1m\n    at 3m outage region us-east-1 for 20m',
            },
            expected: [
                [120_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [480_000, 'detection', 'failure of app in us-east-1 detected (manual detection)'],
                [480_000, 'routing-change', 'routing moves app to us-west-2'],
                [480_000, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [540_000, 'action-done', 'db now accepts writes in us-west-2'],
                [540_000, 'action-done', 'promote db in us-west-2 for app done'],
                [1_380_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
            notes: [],
        },
    ])('$name', async ({ parts, expected, notes }) => {
        const report = await simulated(parts);
        expect(rows(report)).toEqual(expected);
        expect(report.notes.filter((n) => n.includes('manual'))).toEqual(notes);
    });

    it.each([
        {
            name: 'a manual route moves traffic its delay after detection, with no DNS transition',
            // Health checks: D = p + 22 s; routing at D + 10 m; the region is back only at 16 m.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  manual after 10m`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 15m',
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [600_000, 'routing-change', 'routing moves app to us-west-2'],
                // Back at 960 s: the third passing probe at p + 920 s = D + 898 s.
                [898_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
            notes: [],
        },
        {
            name: 'a manual route after the last routing action waits from that action, not from detection',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  manual after 5m
    action shift-traffic takes 1m`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 15m',
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'shift-traffic in us-west-2 for app starts (1 m)'],
                [60_000, 'action-done', 'shift-traffic in us-west-2 for app done'],
                [360_000, 'routing-change', 'routing moves app to us-west-2'],
                [898_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
            notes: [],
        },
        {
            name: 'a region healthy again before the manual route lands drops the failover, and routing never moves',
            // Back at 240 s: healthy at D + 178 s, before D + 10 m.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  manual after 10m`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 3m',
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [
                    178_000,
                    'failover-abandoned',
                    'failover of app away from us-east-1 dropped: the region recovered before traffic moved',
                ],
            ],
            notes: [],
        },
        {
            name: 'a promotion done before the manual route lands still routes: the data moved, so must the users',
            // Promote D → D + 1 m (irreversible); healthy again at D + 178 s; the route lands at D + 10 m anyway.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  manual after 10m
    action promote db takes 1m`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 3m',
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [60_000, 'action-done', 'db now accepts writes in us-west-2'],
                [60_000, 'action-done', 'promote db in us-west-2 for app done'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [600_000, 'routing-change', 'routing moves app to us-west-2'],
            ],
            notes: [],
        },
        {
            name: 'a manual route with no delay never moves traffic, and the notes say so',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  manual`,
                scenario: 'duration 30m  at 1m outage region us-east-1 for 15m',
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [898_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
            notes: [
                "the failover of app routes manually with no declared delay, so traffic never moves in the simulation (declare 'route manual after 10m')",
            ],
        },
    ])('$name', async ({ parts, expected, notes }) => {
        const report = await simulated(parts);
        expect(relativeRows(report)).toEqual(expected);
        expect(report.notes.filter((n) => n.includes('manual'))).toEqual(notes);
    });
});

describe('a flapping health check cannot cancel a started irreversible action', () => {
    // The check fails for 40 s, passes for 40 s, … from 60 s to 240 s. Probes every 10 s at p ∈ [60 s, 70 s):
    // p … p + 30 s fail (third failure at p + 20 s = D, timeout 0 s), p + 40 … p + 70 s pass (healthy at
    // p + 60 s = D + 40 s), p + 80 … p + 110 s fail (D + 80 s), p + 120 … p + 150 s pass (D + 120 s); after
    // 240 s only two failures come (p + 160, p + 170 s) before the passes: no third detection.
    const FLAP = 'duration 10m  at 1m flap health-check app in us-east-1 every 40s for 3m';
    const DETECT = 'detect health-check every 10s threshold 3 timeout 0s';
    it.each([
        {
            name: 'a 1-minute traffic shift is dropped each time the checks pass before it completes',
            failover: `${DETECT}
    route  dns ttl 60s
    action shift-traffic takes 1m`,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'shift-traffic in us-west-2 for app starts (1 m)'],
                [40_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [
                    40_000,
                    'failover-abandoned',
                    'failover of app away from us-east-1 dropped: the region recovered before traffic moved',
                ],
                [80_000, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [80_000, 'action-start', 'shift-traffic in us-west-2 for app starts (1 m)'],
                [120_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [
                    120_000,
                    'failover-abandoned',
                    'failover of app away from us-east-1 dropped: the region recovered before traffic moved',
                ],
            ],
            // [detected, committed, healthy again, completed, outcome] relative to the first detection.
            runs: [
                [0, null, null, null, 'abandoned'],
                [80_000, null, null, null, 'abandoned'],
            ],
        },
        {
            name: 'a 1-minute promotion started at detection completes although the checks pass 40 s in',
            // Promote D → D + 60 s, then shift D + 60 → 90 s (routing). The second detection at D + 80 s finds
            // the run under way and starts nothing; the checks pass again at D + 120 s, after routing.
            failover: `${DETECT}
    route  dns ttl 60s
    action promote db takes 1m
    action shift-traffic takes 30s`,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [40_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [
                    40_000,
                    'failover-committed',
                    'app in us-east-1 looks healthy again, but the failover cannot be cancelled: an irreversible action started at 1 m 20 s; promote db in us-west-2 continues and the failover completes',
                ],
                [60_000, 'action-done', 'db now accepts writes in us-west-2'],
                [60_000, 'action-done', 'promote db in us-west-2 for app done'],
                [60_000, 'action-start', 'shift-traffic in us-west-2 for app starts (30 s)'],
                [80_000, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [90_000, 'action-done', 'shift-traffic in us-west-2 for app done'],
                [90_000, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 1 m TTL)'],
                [120_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [150_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
            ],
            runs: [[0, 0, 40_000, 90_000, 'completed']],
        },
        {
            name: 'a promotion that routed at detection completes too, and the later passes change nothing',
            failover: `${DETECT}
    route  anycast
    action promote db takes 1m`,
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves app to us-west-2'],
                [0, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [40_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [
                    40_000,
                    'failover-committed',
                    'app in us-east-1 looks healthy again, but the failover cannot be cancelled: an irreversible action started at 1 m 20 s; promote db in us-west-2 continues and the failover completes',
                ],
                [60_000, 'action-done', 'db now accepts writes in us-west-2'],
                [60_000, 'action-done', 'promote db in us-west-2 for app done'],
                [80_000, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [120_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            ],
            runs: [[0, 0, 40_000, 60_000, 'completed']],
        },
    ])('$name', async ({ failover, expected, runs }) => {
        // The commit time in the text is the detection's, which the phase moves.
        const report = await simulated({ failover, scenario: FLAP }, 3);
        const d = report.failovers[0]!.detectedAtMs;
        expect(d - 80_000).toBeGreaterThanOrEqual(0);
        expect(d - 80_000).toBeLessThan(10_000);
        expect(relativeRows(report)).toEqual(
            expected.map(([t, k, text]) => [t, k, String(text).replace('1 m 20 s', formatDuration(d))]),
        );
        const rel = (ms: number | null) => (ms === null ? null : round(ms - d));
        expect(
            report.failovers.map((f) => [
                rel(f.detectedAtMs),
                rel(f.committedAtMs),
                rel(f.healthyAgainAtMs),
                rel(f.completedAtMs),
                f.outcome,
            ]),
        ).toEqual(runs);
        // The region never went down: every run is a false alarm.
        expect(report.failovers.map((f) => f.falseAlarm)).toEqual(runs.map(() => true));
    });
});

describe('an action that needs an unavailable control plane waits for it, and pauses when it goes mid-way', () => {
    // us-east-1 is down from 60 s to 600 s; D = p + 22 s ∈ [82 s, 92 s). Times are absolute here, as the
    // control plane's impairment is; `D` in a row stands for the detection.
    const D = -1;
    it.each([
        {
            name: 'a promotion blocked from detection starts when its control plane is back at 180 s',
            failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action promote db via control-plane us-west-2 takes 1m`,
            scenario:
                'duration 15m  at 1m outage region us-east-1 for 9m\n    at 1m impair control-plane us-west-2 for 2m',
            expected: [
                [D, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [D, 'routing-change', 'routing moves app to us-west-2'],
                [
                    D,
                    'action-blocked',
                    'promote db in us-west-2 for app waits: the database management API control plane in us-west-2 is unavailable',
                ],
                [180_000, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
                [240_000, 'action-done', 'db now accepts writes in us-west-2'],
                [240_000, 'action-done', 'promote db in us-west-2 for app done'],
            ],
            // The promotion commits when it starts, not while it waits.
            committedAt: 180_000,
            completedAt: 240_000,
        },
        {
            name: 'a DNS edit needing the failed region’s control plane waits until the region is back',
            // Back at 600 s: the edit runs 600 → 610 s and routes; the checks pass at p + 560 s ≥ 620 s, later.
            failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s
    action edit-dns via control-plane us-east-1 takes 10s`,
            scenario: 'duration 15m  at 1m outage region us-east-1 for 9m',
            expected: [
                [D, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [
                    D,
                    'action-blocked',
                    'edit-dns in us-west-2 for app waits: the Route 53 control plane in us-east-1 is unavailable',
                ],
                [600_000, 'action-start', 'edit-dns in us-west-2 for app starts (10 s)'],
                [610_000, 'action-done', 'edit-dns in us-west-2 for app done'],
                [610_000, 'routing-change', 'routing moves app to us-west-2 (DNS: users follow within the 1 m TTL)'],
            ],
            committedAt: null,
            completedAt: 610_000,
        },
    ])('$name', async ({ failover, scenario, expected, committedAt, completedAt }) => {
        const report = await simulated({ failover, scenario });
        const d = report.failovers[0]!.detectedAtMs;
        expect(d).toBeGreaterThanOrEqual(82_000);
        expect(d).toBeLessThan(92_000);
        expect(rows(report).filter(([t, k]) => t < 620_000 && k !== 'healthy-again')).toEqual(
            expected.map(([t, k, text]) => [t === D ? d : t, k, text]),
        );
        expect(report.failovers.map((f) => [f.committedAtMs, f.completedAtMs, f.outcome])).toEqual([
            [committedAt, completedAt, 'completed'],
        ]);
    });

    it('a promotion paused 30 s by its control plane completes 30 s late, D + 90 s', async () => {
        // Promote from D (ends D + 60 s); the plane is impaired 100 → 130 s: paused with D + 60 − 100 s to go,
        // resumed at 130 s, done at 130 + D − 40 s = D + 90 s.
        const report = await simulated({
            failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action promote db via control-plane us-west-2 takes 1m`,
            scenario:
                'duration 15m  at 1m outage region us-east-1 for 9m\n    at 100s impair control-plane us-west-2 for 30s',
        });
        const d = report.failovers[0]!.detectedAtMs;
        const left = formatDuration(d + 60_000 - 100_000);
        expect(rows(report).filter(([t]) => t < 300_000)).toEqual([
            [d, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
            [d, 'routing-change', 'routing moves app to us-west-2'],
            [d, 'action-start', 'promote db in us-west-2 for app starts (1 m)'],
            [
                100_000,
                'action-blocked',
                `promote db in us-west-2 for app pauses with ${left} to go: the database management API control plane in us-west-2 became unavailable`,
            ],
            [130_000, 'action-start', `promote db in us-west-2 for app starts (${left})`],
            [d + 90_000, 'action-done', 'db now accepts writes in us-west-2'],
            [d + 90_000, 'action-done', 'promote db in us-west-2 for app done'],
        ]);
        expect(report.failovers.map((f) => [f.committedAtMs, f.completedAtMs])).toEqual([[d, d + 90_000]]);
    });
});

describe('an active-active service takes a failed region out and back; other regions and targets', () => {
    it.each([
        {
            name: 'an active-active service routes away from the failed region at detection and takes it back when healthy',
            // D = p + 22 s; users leave over the 60 s TTL; healthy again at D + 178 s, and they come back over it.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s`,
                scenario: OUTAGE,
                posture: 'active-active' as const,
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves app away from us-east-1 (DNS: users follow within the 1 m TTL)'],
                [60_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-west-2'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [178_000, 'failback', 'app takes users back in us-east-1'],
                [238_000, 'traffic-moved', 'all users of us-east-1 on app now reach us-east-1'],
            ],
            runs: [[0, null, null, 0, 'completed']],
        },
        {
            name: 'an active-active service healthy again while a reversible action runs drops it and takes the region back',
            // The notification runs D → D + 5 m; the checks pass at D + 178 s, before it ends.
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action notify in us-west-2 takes 5m`,
                scenario: OUTAGE,
                posture: 'active-active' as const,
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves app away from us-east-1'],
                [0, 'action-start', 'notify in us-west-2 for app starts (5 m)'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [178_000, 'failback', 'app takes users back in us-east-1'],
            ],
            runs: [[0, null, null, null, 'abandoned']],
        },
        {
            name: 'an active-active service healthy again while a promotion runs takes the region back and the promotion completes',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action promote db in us-west-2 takes 5m`,
                scenario: OUTAGE,
                posture: 'active-active' as const,
            },
            expected: [
                [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves app away from us-east-1'],
                [0, 'action-start', 'promote db in us-west-2 for app starts (5 m)'],
                [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
                [
                    178_000,
                    'failover-committed',
                    'app in us-east-1 looks healthy again, but the failover cannot be cancelled: an irreversible action started at DETECTED; promote db in us-west-2 continues and the failover completes',
                ],
                [178_000, 'failback', 'app takes users back in us-east-1'],
                [300_000, 'action-done', 'db now accepts writes in us-west-2'],
                [300_000, 'action-done', 'promote db in us-west-2 for app done'],
            ],
            runs: [[0, 0, 178_000, 300_000, 'completed']],
        },
        {
            name: 'an active-active service watches every region it runs in: losing us-west-2 moves its users to us-east-1',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast`,
                scenario: 'duration 10m  at 1m outage region us-west-2 for 3m',
                posture: 'active-active' as const,
            },
            expected: [
                [0, 'detection', 'failure of app in us-west-2 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves app away from us-west-2'],
                [178_000, 'healthy-again', 'health checks of app in us-west-2 pass again'],
                [178_000, 'failback', 'app takes users back in us-west-2'],
            ],
            runs: [[0, null, null, 0, 'completed']],
        },
        {
            name: 'a store’s failover promotes when its primary region fails',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    action promote db takes 1m`,
                scenario: OUTAGE,
                target: 'db' as const,
            },
            expected: [
                [0, 'detection', 'failure of db in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'action-start', 'promote db in us-west-2 for db starts (1 m)'],
                [60_000, 'action-done', 'db now accepts writes in us-west-2'],
                [60_000, 'action-done', 'promote db in us-west-2 for db done'],
                [178_000, 'healthy-again', 'health checks of db in us-east-1 pass again'],
            ],
            runs: [[0, 0, null, 60_000, 'completed']],
        },
    ])('$name', async ({ parts, expected, runs }) => {
        const report = await simulated(parts);
        const d = report.timeline.find((e) => e.kind === 'detection')!.atMs;
        expect(relativeRows(report)).toEqual(
            expected.map(([t, k, text]) => [t, k, String(text).replace('DETECTED', formatDuration(d))]),
        );
        const rel = (ms: number | null) => (ms === null ? null : round(ms - d));
        expect(
            report.failovers.map((f) => [
                rel(f.detectedAtMs),
                rel(f.committedAtMs),
                rel(f.healthyAgainAtMs),
                rel(f.completedAtMs),
                f.outcome,
            ]),
        ).toEqual(runs);
        // A region down is a real failure, never a false alarm.
        expect(report.failovers.filter((f) => f.falseAlarm)).toEqual([]);
    });
});

describe('a failover starts only where its target is written or served from now', () => {
    it('a store’s failover starts nothing when the service’s failover already moved the primary away', async () => {
        // The service's failover (one failed probe, timeout 0 s) detects at p ∈ [60 s, 70 s) and promotes for
        // 30 s; the store's own checks (10 failures, on their own phase q ∈ [60 s, 70 s)) detect at q + 90 s ∈
        // [150 s, 160 s), when us-west-2 is already the primary: no second run.
        const report = await simulated({
            failover: `detect health-check every 10s threshold 1 timeout 0s
    route  anycast
    action promote db takes 30s`,
            scenario: OUTAGE,
            extra: `failover db {
    detect health-check every 10s threshold 10 timeout 0s
    action promote db takes 1m
    drill  every 30d
}`,
        });
        const detections = report.timeline.filter((e) => e.kind === 'detection');
        expect(detections.map((e) => e.text)).toEqual([
            'failure of app in us-east-1 detected (1 failed health check every 10 s)',
            'failure of db in us-east-1 detected (10 failed health checks every 10 s)',
        ]);
        expect(detections[1]!.atMs).toBeGreaterThanOrEqual(150_000);
        expect(detections[1]!.atMs).toBeLessThan(160_000);
        expect(report.failovers.map((f) => [f.target, f.outcome])).toEqual([['app', 'completed']]);
        expect(report.timeline.filter((e) => e.text.startsWith('promote')).map((e) => e.text)).toEqual([
            'promote db in us-west-2 for app starts (30 s)',
            'promote db in us-west-2 for app done',
        ]);
    });
});

describe('an S3 Multi-Region Access Point routes at its documented bound, or at once when active-active', () => {
    // Detection: three failed 10 s checks with the default 6 s timeout (docs/facts.md#route53-health-check-timeout),
    // D = p + 26 s. An active-passive routing change is simulated at its 2-minute bound after D
    // (docs/facts.md#s3-mrap-failover-controls); an active-active access point redirects at D.
    const s3 = (posture: string, failover: string, scenario: string) => `${TWO_US_REGIONS}
store artifacts {
    engine      s3
    regions     us-east-1, us-west-2
    holds       reference blob
    writes      primary us-east-1
    replication async lag 15m
    consistency eventual
}
service downloads {
    regions   us-east-1, us-west-2
    ${posture}
    capacity  100% per region
    reads     artifacts
}
${failover} {
    detect health-check every 10s threshold 3
    route  s3-access-point
    drill  every 30d
}
workload fetches for downloads { reads 5/s from us-east-1 100% }
scenario s { workload fetches  ${scenario} }
`;
    it.each([
        {
            name: 'active-passive: routing 2 minutes after detection, before the checks pass again',
            // Back at 240 s: healthy at p + 200 s = D + 174 s.
            design: s3(
                'primary   us-east-1\n    posture   active-passive',
                'failover downloads from us-east-1 to us-west-2',
                OUTAGE,
            ),
            expected: [
                [0, 'detection', 'failure of downloads in us-east-1 detected (3 failed health checks every 10 s)'],
                [120_000, 'routing-change', 'routing moves downloads to us-west-2'],
                [174_000, 'healthy-again', 'health checks of downloads in us-east-1 pass again'],
            ],
            note: 'the access-point routing change of downloads is simulated as its documented bound, 2 m (docs/facts.md#s3-mrap-failover-controls): an upper bound on its time',
            outcome: 'completed',
        },
        {
            name: 'active-passive: a region back before the routing change lands drops the failover, and routing never moves',
            // A 30 s outage from 60 s: failed probes p, p + 10, p + 20 s (all before 90 s), D = p + 26 s; back at
            // 90 s, passing probes from p + 30 s, healthy at p + 50 s = D + 24 s, before D + 2 m.
            design: s3(
                'primary   us-east-1\n    posture   active-passive',
                'failover downloads from us-east-1 to us-west-2',
                'duration 10m  at 1m outage region us-east-1 for 30s',
            ),
            expected: [
                [0, 'detection', 'failure of downloads in us-east-1 detected (3 failed health checks every 10 s)'],
                [24_000, 'healthy-again', 'health checks of downloads in us-east-1 pass again'],
                [
                    24_000,
                    'failover-abandoned',
                    'failover of downloads away from us-east-1 dropped: the region recovered before traffic moved',
                ],
            ],
            note: 'the access-point routing change of downloads is simulated as its documented bound, 2 m (docs/facts.md#s3-mrap-failover-controls): an upper bound on its time',
            outcome: 'abandoned',
        },
        {
            name: 'active-active: users leave the failed region at detection, a lower bound',
            design: s3('posture   active-active', 'failover downloads', OUTAGE),
            expected: [
                [0, 'detection', 'failure of downloads in us-east-1 detected (3 failed health checks every 10 s)'],
                [0, 'routing-change', 'routing moves downloads away from us-east-1'],
                [174_000, 'healthy-again', 'health checks of downloads in us-east-1 pass again'],
                [174_000, 'failback', 'downloads takes users back in us-east-1'],
            ],
            note: 'the active-active access point of downloads redirects in no documented time (docs/facts.md#s3-multi-region-access-points), so users move the moment the failure is detected in the simulation — a lower bound',
            outcome: 'completed',
        },
    ])('$name', async ({ design, expected, note, outcome }) => {
        const report = runModel(await designOf(design, true), undefined, { seed: 1 });
        expect(relativeRows(report)).toEqual(expected);
        expect(report.notes.filter((n) => n.includes('access'))).toEqual([note]);
        expect(report.failovers.map((f) => f.outcome)).toEqual([outcome]);
    });
});

describe('a run dropped or committed while it waits or while the checks flap', () => {
    it('a promotion still waiting for its control plane when the region recovers never started: the failover is dropped', async () => {
        // us-east-1 down 60 → 240 s, the us-west-2 control plane impaired 60 → 600 s: the promotion waits from D;
        // healthy again at D + 178 s, the run (not committed) is dropped, and nothing starts when the plane is back.
        const report = await simulated({
            failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s
    action promote db via control-plane us-west-2 takes 1m
    action shift-traffic takes 30s`,
            scenario:
                'duration 15m  at 1m outage region us-east-1 for 3m\n    at 1m impair control-plane us-west-2 for 9m',
        });
        expect(relativeRows(report)).toEqual([
            [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
            [
                0,
                'action-blocked',
                'promote db in us-west-2 for app waits: the database management API control plane in us-west-2 is unavailable',
            ],
            [178_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            [
                178_000,
                'failover-abandoned',
                'failover of app away from us-east-1 dropped: the region recovered before traffic moved',
            ],
        ]);
        expect(report.failovers.map((f) => [f.committedAtMs, f.outcome])).toEqual([[null, 'abandoned']]);
    });

    it('an active-active service flapping during a 150 s promotion takes the region back twice and runs one failover', async () => {
        // Flap every 40 s from 60 s (timeout 0 s): detected at D = p + 20 s, healthy at D + 40 s, detected again
        // at D + 80 s (the committed run is still under way: nothing new starts), healthy at D + 120 s; the
        // promotion started at D is done at D + 150 s.
        const report = await simulated(
            {
                failover: `detect health-check every 10s threshold 3 timeout 0s
    route  anycast
    action promote db in us-west-2 takes 150s`,
                scenario: 'duration 10m  at 1m flap health-check app in us-east-1 every 40s for 3m',
                posture: 'active-active',
            },
            3,
        );
        const d = report.failovers[0]!.detectedAtMs;
        const committed = `app in us-east-1 looks healthy again, but the failover cannot be cancelled: an irreversible action started at ${formatDuration(d)}; promote db in us-west-2 continues and the failover completes`;
        expect(relativeRows(report)).toEqual([
            [0, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
            [0, 'routing-change', 'routing moves app away from us-east-1'],
            [0, 'action-start', 'promote db in us-west-2 for app starts (2 m 30 s)'],
            [40_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            [40_000, 'failover-committed', committed],
            [40_000, 'failback', 'app takes users back in us-east-1'],
            [80_000, 'detection', 'failure of app in us-east-1 detected (3 failed health checks every 10 s)'],
            [120_000, 'healthy-again', 'health checks of app in us-east-1 pass again'],
            [120_000, 'failover-committed', committed],
            [120_000, 'failback', 'app takes users back in us-east-1'],
            [150_000, 'action-done', 'db now accepts writes in us-west-2'],
            [150_000, 'action-done', 'promote db in us-west-2 for app done'],
        ]);
        expect(report.failovers.map((f) => [f.committedAtMs, f.healthyAgainAtMs, f.completedAtMs, f.outcome])).toEqual([
            [d, d + 120_000, d + 150_000, 'completed'],
        ]);
    });
});

describe('the declared destination wins over the nearest region', () => {
    it('a failover from us-west-2 to ap-southeast-2 routes and promotes there, though us-east-1 is nearer', async () => {
        const text = `topology Far
region ap-southeast-2 { provider aws  jurisdiction AU }
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
store db {
    engine      aurora
    regions     ap-southeast-2, us-east-1, us-west-2
    holds       shared rows
    writes      primary us-west-2
    replication async lag 1s
    consistency eventual
}
service app {
    regions   ap-southeast-2, us-east-1, us-west-2
    primary   us-west-2
    posture   warm-standby
    capacity  100% per region
    uses      db
}
failover app from us-west-2 to ap-southeast-2 {
    detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action promote db takes 1m
    drill  every 30d
}
workload w for app { writes 1/s from us-west-2 100% }
scenario s { workload w  duration 10m  at 1m outage region us-west-2 for 5m }
`;
        const report = runModel(await designOf(text, true), undefined, { seed: 1 });
        expect(relativeRows(report).filter(([, k]) => k === 'routing-change' || k === 'action-done')).toEqual([
            [0, 'routing-change', 'routing moves app to ap-southeast-2'],
            [60_000, 'action-done', 'db now accepts writes in ap-southeast-2'],
            [60_000, 'action-done', 'promote db in ap-southeast-2 for app done'],
        ]);
    });
});

describe('each failover row names its target and the region it happened in', () => {
    it.each([
        {
            name: 'an outage failed over: detection and routing in the failed region, actions and moves where they run',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  dns ttl 60s
    action promote db takes 1m
    action shift-traffic takes 30s`,
                scenario: OUTAGE,
            },
            expected: [
                ['detection', 'app', 'us-east-1'],
                ['action-start', 'app', 'us-west-2'],
                ['action-done', 'db', 'us-west-2'],
                ['action-done', 'app', 'us-west-2'],
                ['action-start', 'app', 'us-west-2'],
                ['action-done', 'app', 'us-west-2'],
                ['routing-change', 'app', 'us-east-1'],
                // The users of us-east-1 have moved.
                ['traffic-moved', 'app', 'us-east-1'],
                ['healthy-again', 'app', 'us-east-1'],
            ],
        },
        {
            name: 'a wait is where its control plane is; a flap’s dropped and committed rows where the checks are',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 0s
    route  anycast
    action edit-dns via control-plane us-east-1 takes 20s
    action promote db takes 1m`,
                scenario:
                    'duration 10m  at 1m flap health-check app in us-east-1 every 40s for 3m\n    at 1m impair control-plane us-east-1 for 50s',
            },
            // D = p + 20 s ∈ [80 s, 90 s): the edit waits for its plane until 110 s, then runs 20 s; the checks
            // pass at D + 40 s ≤ 130 s, before the promotion started: dropped. Detected again at D + 80 s: the
            // edit runs at once (routing when done), the promotion starts at D + 100 s and is committed when the
            // checks pass at D + 120 s.
            expected: [
                ['detection', 'app', 'us-east-1'],
                ['action-blocked', 'app', 'us-east-1'],
                ['action-start', 'app', 'us-west-2'],
                ['healthy-again', 'app', 'us-east-1'],
                ['failover-abandoned', 'app', 'us-east-1'],
                ['detection', 'app', 'us-east-1'],
                ['action-start', 'app', 'us-west-2'],
                ['action-done', 'app', 'us-west-2'],
                ['routing-change', 'app', 'us-east-1'],
                ['action-start', 'app', 'us-west-2'],
                ['healthy-again', 'app', 'us-east-1'],
                ['failover-committed', 'app', 'us-east-1'],
                ['action-done', 'db', 'us-west-2'],
                ['action-done', 'app', 'us-west-2'],
            ],
        },
        {
            name: 'an active-active failback is in the region taken back',
            parts: {
                failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast`,
                scenario: OUTAGE,
                posture: 'active-active' as const,
            },
            expected: [
                ['detection', 'app', 'us-east-1'],
                ['routing-change', 'app', 'us-east-1'],
                ['healthy-again', 'app', 'us-east-1'],
                ['failback', 'app', 'us-east-1'],
            ],
        },
    ])('$name', async ({ parts, expected }) => {
        const report = await simulated(parts, 1);
        const kinds = new Set(rows(report).map(([, k]) => k));
        expect(
            report.timeline
                .filter((e) => kinds.has(e.kind) && e.atMs < 300_000)
                .map((e) => [e.kind, e.target, e.region]),
        ).toEqual(expected);
    });
});

describe('paths the first mutation run found untested: second outages and region 0’s control plane', () => {
    it('an active-active service losing the same region twice fails over twice', async () => {
        // Outages 60 → 120 s and 300 → 360 s: each detected (D₁, D₂) and taken back when healthy again.
        const report = await simulated({
            failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast`,
            scenario: 'duration 10m  at 1m outage region us-east-1 for 1m\n    at 5m outage region us-east-1 for 1m',
            posture: 'active-active',
        });
        expect(report.failovers.map((f) => [f.region, f.outcome])).toEqual([
            ['us-east-1', 'completed'],
            ['us-east-1', 'completed'],
        ]);
        expect(report.timeline.filter((e) => e.kind === 'failback')).toHaveLength(2);
    });

    it('an action needing us-east-1’s control plane pauses when it is impaired mid-way, however its index', async () => {
        // A flap (the region stays up): D = p + 20 s ∈ [80 s, 90 s); the 1-minute edit runs from D and pauses at
        // 100 s while the us-east-1 plane is impaired (to 130 s): done at D + 90 s.
        const report = await simulated({
            failover: `detect health-check every 10s threshold 3 timeout 0s
    route  dns ttl 60s
    action edit-dns via control-plane us-east-1 takes 1m`,
            scenario:
                'duration 10m  at 1m flap health-check app in us-east-1 every 5m for 5m\n    at 100s impair control-plane us-east-1 for 30s',
        });
        const d = report.failovers[0]!.detectedAtMs;
        expect(
            report.timeline
                .filter((e) => e.kind === 'action-blocked' || e.kind === 'action-done')
                .map((e) => [Math.round(e.atMs - d), e.kind]),
        ).toEqual([
            [Math.round(100_000 - d), 'action-blocked'],
            [90_000, 'action-done'],
        ]);
    });

    it('a data-plane action runs while another region’s control plane is impaired', async () => {
        const report = await simulated({
            failover: `detect health-check every 10s threshold 3 timeout 2s
    route  anycast
    action notify takes 1m`,
            scenario:
                'duration 10m  at 1m outage region us-east-1 for 5m\n    at 1m impair control-plane us-west-2 for 5m',
        });
        expect(relativeRows(report).filter(([, k]) => k.startsWith('action'))).toEqual([
            [0, 'action-start', 'notify in us-west-2 for app starts (1 m)'],
            [60_000, 'action-done', 'notify in us-west-2 for app done'],
        ]);
    });
});
