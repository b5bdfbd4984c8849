// The detection and failover handlers on a hand-built engine context (engine/context.ts): what one probe, one
// region going down or up, or one control-plane change does to the probe's counters, the queue and the work the
// engine counts (`work.scans`, which the budget's estimate bounds: simulation/work.ts). Only the parts of the
// context these handlers read are built; the queue records what is pushed.
import { describe, expect, it } from 'vitest';
import type { EngineContext } from '../../simulation/engine/context.js';
import { EventKind } from '../../simulation/engine/event-kinds.js';
import { Rank } from '../../simulation/engine/event-queue.js';
import { onProbe, onRegionDown, onRegionUp } from '../../simulation/engine/mechanisms/detection.js';
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
function failover(detection: Detection, regions: readonly number[]): FailoverRuntime {
    const f = {
        plan: { targetKind: 'service', target: 0, monitored: regions, to: -1, model: { detection, actions: [] } },
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
