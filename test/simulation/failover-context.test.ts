// The detection and failover handlers on a hand-built engine context (engine/context.ts): what one probe, one
// region going down or up, or one control-plane change does to the probe's counters, the queue and the work the
// engine counts (`work.scans`, which the budget's estimate bounds: simulation/work.ts). Only the parts of the
// context these handlers read are built; the queue records what is pushed.
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../simulation/engine/context.js';
import { EventKind } from '../../simulation/engine/event-kinds.js';
import { Rank } from '../../simulation/engine/event-queue.js';
import { initFailovers, onProbe, onRegionDown, onRegionUp } from '../../simulation/engine/mechanisms/detection.js';
import { onControlPlaneChange } from '../../simulation/engine/mechanisms/failover.js';
import type { FailoverRuntime, Probe, Run } from '../../simulation/runtime.js';
import { emptyWork } from '../../simulation/work.js';

type Detection =
    | { method: 'health-check'; intervalMs: number; threshold: number; timeoutMs: number; depth: 'shallow' }
    | { method: 'manual'; delayMs?: number };

const CHECK: Detection = {
    method: 'health-check',
    intervalMs: 10_000,
    threshold: 3,
    timeoutMs: 2_000,
    depth: 'shallow',
};

/** A failover of service 0 with one probe per region in `regions`. */
function failover(detection: Detection, regions: readonly number[], actions: readonly object[] = []): FailoverRuntime {
    const f = {
        plan: { targetKind: 'service', target: 0, monitored: regions, to: -1, model: { detection, actions } },
        probes: [] as Probe[],
        runs: new Map<number, Run>(),
        routingStep: -1,
    } as unknown as FailoverRuntime;
    for (const region of regions) {
        f.probes.push({
            index: 0,
            failover: f,
            region,
            intervalMs: detection.method === 'health-check' ? detection.intervalMs : 0,
            threshold: detection.method === 'health-check' ? detection.threshold : 1,
            timeoutMs: detection.method === 'health-check' ? detection.timeoutMs : 0,
            fails: 0,
            oks: 0,
            failed: false,
            count: 0,
            stamp: 0,
        });
    }
    return f;
}

interface Fake {
    readonly ctx: EngineContext;
    readonly pushed: number[][];
    readonly calls: string[];
}

function context(failovers: FailoverRuntime[], { activeFaults = 0, down = [] as number[] } = {}): Fake {
    const pushed: number[][] = [];
    const calls: string[] = [];
    const ctx = {
        work: emptyWork(),
        failovers,
        activeRuns: [] as Run[],
        faults: {
            activeCount: activeFaults,
            isDown: (r: number) => down.includes(r),
            flapFails: () => false,
            controlPlaneAvailable: () => true,
        },
        partial: { active: false },
        plan: { services: [{ name: 'app', id: 'app' }], stores: [], regions: ['r0', 'r1'], faults: [] },
        queue: { push: (...args: number[]) => pushed.push(args) },
        regionName: (r: number) => `r${r}`,
        integrate: () => undefined,
        record: (t: number, kind: string) => calls.push(`${t} ${kind}`),
        failoverHealthy: (p: Probe, t: number) => calls.push(`${t} failoverHealthy r${p.region}`),
        startFailover: (p: Probe, t: number) => calls.push(`${t} startFailover r${p.region}`),
        markEpisodes: () => undefined,
        changed: () => undefined,
    } as unknown as EngineContext;
    return { ctx, pushed, calls };
}

const counters = (p: Probe) => ({ fails: p.fails, oks: p.oks, failed: p.failed, count: p.count, stamp: p.stamp });

describe('one probe', () => {
    it.each([
        {
            name: 'a passing probe counts a pass, adds the 3 faults in effect to the scans and comes back one interval later',
            down: [],
            times: [5_000],
            probe: { fails: 0, oks: 1, failed: false, count: 1, stamp: 0 },
            pushed: [[15_000, Rank.control, EventKind.probe, 0]],
        },
        {
            name: 'two failures in a row under threshold 3 detect nothing yet',
            down: [0],
            times: [5_000, 15_000],
            probe: { fails: 2, oks: 0, failed: false, count: 2, stamp: 0 },
            pushed: [
                [15_000, Rank.control, EventKind.probe, 0],
                [25_000, Rank.control, EventKind.probe, 0],
            ],
        },
        {
            name: 'the third failure marks the probe failed and schedules its verdict the 2 s timeout later',
            down: [0],
            times: [5_000, 15_000, 25_000],
            probe: { fails: 3, oks: 0, failed: true, count: 3, stamp: 1 },
            pushed: [
                [15_000, Rank.control, EventKind.probe, 0],
                [25_000, Rank.control, EventKind.probe, 0],
                [27_000, Rank.control, EventKind.detect, 0, 1],
                [35_000, Rank.control, EventKind.probe, 0],
            ],
        },
    ])('$name', ({ down, times, probe, pushed }) => {
        const f = failover(CHECK, [0]);
        const fake = context([f], { activeFaults: 3, down });
        for (const t of times) onProbe(fake.ctx, f.probes[0]!, 0, t);
        expect(counters(f.probes[0]!)).toEqual(probe);
        expect(fake.pushed).toEqual(pushed);
        expect(fake.ctx.work.scans).toBe(3 * times.length);
    });
});

describe('a region going down or up', () => {
    // Two failovers: a health-checked one watching regions 0 and 1, a manual one (after 5 m) watching region 0.
    const setup = () => {
        const checked = failover(CHECK, [0, 1]);
        const manual = failover({ method: 'manual', delayMs: 300_000 }, [0]);
        return { checked, manual, fake: context([checked, manual]) };
    };

    it('going down scans every probe of every failover and starts the manual delay for the manual one only', () => {
        const { checked, manual, fake } = setup();
        onRegionDown(fake.ctx, 0, 60_000);
        expect(fake.ctx.work.scans).toBe(3);
        expect(fake.pushed).toEqual([[360_000, Rank.control, EventKind.manualDetect, 0, 1]]);
        expect(checked.probes.map(counters).map((c) => c.failed)).toEqual([false, false]);
        expect(counters(manual.probes[0]!)).toMatchObject({ failed: true, stamp: 1 });
    });

    it('coming back scans every probe again and clears the manual detection, which is healthy at once', () => {
        const { manual, fake } = setup();
        onRegionDown(fake.ctx, 0, 60_000);
        onRegionUp(fake.ctx, 0, 120_000);
        expect(fake.ctx.work.scans).toBe(6);
        expect(counters(manual.probes[0]!)).toMatchObject({ failed: false, stamp: 2 });
        expect(fake.calls).toEqual(['120000 healthy-again', '120000 failoverHealthy r0']);
    });

    it('a region no manual failover watches changes nothing but the scans', () => {
        const { manual, fake } = setup();
        onRegionDown(fake.ctx, 1, 60_000);
        onRegionUp(fake.ctx, 1, 120_000);
        expect(fake.ctx.work.scans).toBe(6);
        expect(fake.pushed).toEqual([]);
        expect(fake.calls).toEqual([]);
        expect(counters(manual.probes[0]!)).toMatchObject({ failed: false, stamp: 0 });
    });
});

describe('a control plane changing', () => {
    it('scans each run that may still be running twice, and keeps only those still running or blocked', () => {
        const f = failover(CHECK, [0]);
        const fake = context([f]);
        const run = (state: Run['state']) => ({ failover: f, step: 0, state }) as unknown as Run;
        const runs = [run('done'), run('abandoned'), run('running'), run('blocked')];
        (fake.ctx as { activeRuns: Run[] }).activeRuns = runs;
        onControlPlaneChange(fake.ctx, 60_000);
        expect(fake.ctx.work.scans).toBe(8);
        // The failover has no actions: nothing to start or pause, and nothing recorded.
        expect(fake.ctx.activeRuns).toEqual([runs[2], runs[3]]);
        expect(fake.calls).toEqual([]);
    });
});

describe('a manual failover watching two regions', () => {
    it('clears only the region that came back: the other stays detected', () => {
        // Both regions down (each probe failed, stamp 1); region 0 back: its probe is healthy (stamp 2), region 1's
        // is untouched and one healthy-again call is made, for region 0.
        const manual = failover({ method: 'manual', delayMs: 300_000 }, [0, 1]);
        const fake = context([manual]);
        onRegionDown(fake.ctx, 0, 60_000);
        onRegionDown(fake.ctx, 1, 60_000);
        onRegionUp(fake.ctx, 0, 120_000);
        expect(manual.probes.map(counters).map((c) => [c.failed, c.stamp])).toEqual([
            [false, 2],
            [true, 1],
        ]);
        expect(fake.calls).toEqual(['120000 healthy-again', '120000 failoverHealthy r0']);
    });
});

describe('setting up the failovers', () => {
    it('gives each failover one probe per monitored region, shared with the engine’s list, each first due within an interval', () => {
        // Two regions watched by health checks every 10 s: two probes, indices 0 and 1, and two probe events at
        // uniform phases in [0, 10 s).
        const plan = {
            targetKind: 'service',
            target: 0,
            monitored: [0, 1],
            to: -1,
            model: { target: { id: 'app' }, detection: CHECK, actions: [] },
        };
        const pushed: number[][] = [];
        const ctx = {
            plan: { failovers: [plan] },
            failovers: [] as FailoverRuntime[],
            probes: [] as Probe[],
            queue: { push: (...args: number[]) => pushed.push(args) },
            control: { uniform: () => 0.25 },
            notes: [] as string[],
        } as unknown as EngineContext;
        initFailovers(ctx);
        expect(ctx.failovers).toHaveLength(1);
        const probes = ctx.failovers[0]!.probes;
        expect(probes.map((p) => [p.index, p.region, p.intervalMs, p.threshold, p.timeoutMs])).toEqual([
            [0, 0, 10_000, 3, 2_000],
            [1, 1, 10_000, 3, 2_000],
        ]);
        expect(ctx.probes).toEqual(probes);
        expect(pushed).toEqual([
            [2_500, Rank.control, EventKind.probe, 0],
            [2_500, Rank.control, EventKind.probe, 1],
        ]);
        expect(ctx.failovers[0]!.routingStep).toBe(-1);
    });
});

describe('a control plane changing under runs in every state', () => {
    it('pauses the run still running, and leaves an abandoned or finished one alone', () => {
        // One action on region 1's control plane, due at 90 s; the plane is now unavailable at 60 s. The running
        // run pauses with 30 s to go (its stamp bumped so its pending completion is ignored); a run abandoned or done
        // earlier is not paused, and only the running one is kept as active.
        const action = {
            kind: 'promote',
            region: 'r1',
            plane: 'control-plane',
            controlPlaneRegion: 'r1',
            controlPlaneName: 'the database management API',
        };
        const f = failover(CHECK, [0], [action]);
        const fake = context([f]);
        const ctx = fake.ctx as unknown as Record<string, unknown>;
        ctx.plan = { ...(ctx.plan as object), regionIndex: new Map([['r1', 1]]) };
        ctx.faults = { ...(ctx.faults as object), controlPlaneAvailable: () => false };
        // A done run has passed its last action (step 1); an abandoned one stopped at its first.
        const run = (state: Run['state'], step: number) =>
            ({ failover: f, step, state, stamp: 5, endsAt: 90_000, remainingMs: 60_000 }) as unknown as Run;
        const runs = [run('abandoned', 0), run('done', 1), run('running', 0)];
        (fake.ctx as { activeRuns: Run[] }).activeRuns = runs;
        onControlPlaneChange(fake.ctx, 60_000);
        expect(runs.map((r) => [r.state, r.stamp, r.remainingMs])).toEqual([
            ['abandoned', 5, 60_000],
            ['done', 5, 60_000],
            ['blocked', 6, 30_000],
        ]);
        expect(fake.calls).toEqual(['60000 action-blocked']);
        expect(fake.ctx.activeRuns).toEqual([runs[2]]);
    });
});
