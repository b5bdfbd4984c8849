// `at T corrupt <store>` against closed forms. With backups every B taken at 0, B, 2B, … of the scenario clock,
// the last clean one before T is at B·(⌈T/B⌉ − 1), so the writes of the T − that window are lost (at most B); with
// point-in-time recovery one second is. The restore takes size ÷ restore throughput. The damage reaches an
// asynchronous replica one lag after it is written — after a partition between them heals, if one is in effect —
// a synchronous or consensus one at once, and never a region with its own copy (`replication none`).
import { describe, expect, it } from 'vitest';
import { corruptionLines } from '../../simulation/format/corruptions.js';
import { formatMarkdown, gantt } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import { designOf, MINUTE, runModel, SECOND } from './helpers.js';

const HOUR = 60 * MINUTE;

function design({
    backup = 'backup every 1h to eu-west-1 restore 500MB/s',
    size = '2TB',
    objective = 'objective rto 30m',
    replication = 'replication async lag 2s',
    faults = 'at 12m corrupt orders',
    duration = '3h',
}: {
    backup?: string;
    size?: string;
    objective?: string;
    replication?: string;
    faults?: string;
    duration?: string;
}): string {
    return `topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
region eu-west-1 { provider aws  jurisdiction EU }
store orders {
    engine      postgres
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    ${replication}
    consistency session
    ${backup}
    ${size ? `size ${size}` : ''}
    ${objective}
}
workload w for orders { writes 1/s from us-east-1 100%  keys 10  item-size 1KB }
scenario s { workload w  duration ${duration}  ${faults} }
`;
}

async function corruption(options: Parameters<typeof design>[0]) {
    const report = runModel(await designOf(design(options), true));
    expect(report.corruptions).toHaveLength(1);
    return { report, c: report.corruptions[0]! };
}

describe('the data a corruption costs and the restore', () => {
    it.each([
        // interval B, corruption at T, size ÷ throughput, RTO → lost window, restore, RTO met
        {
            name: 'hourly backups, T = 12 m: 12 m lost; 2 TB ÷ 500 MB/s = 4,000 s > 30 m',
            backup: 'backup every 1h restore 500MB/s',
            T: '12m',
            size: '2TB',
            rto: '30m',
            lost: 12 * MINUTE,
            bound: HOUR,
            restore: 4_000 * SECOND,
            met: false,
        },
        {
            name: 'hourly backups, T = 1 h 45 m: 45 m lost; 1 TB ÷ 1 GB/s = 1,000 s < 30 m',
            backup: 'backup every 1h restore 1GB/s',
            T: '105m',
            size: '1TB',
            rto: '30m',
            lost: 45 * MINUTE,
            bound: HOUR,
            restore: 1_000 * SECOND,
            met: true,
        },
        {
            name: 'a backup at the very moment of T = 2 h may hold the damage: the 1 h one, 1 h lost',
            backup: 'backup every 1h restore 1GB/s',
            T: '2h',
            size: '600GB',
            rto: '10m',
            lost: HOUR,
            bound: HOUR,
            restore: 600 * SECOND,
            met: true,
        },
        {
            name: 'backups every 15 m, T = 40 m: 10 m lost; 100 GB ÷ 100 MB/s = 1,000 s > 15 m',
            backup: 'backup every 15m restore 100MB/s',
            T: '40m',
            size: '100GB',
            rto: '15m',
            lost: 10 * MINUTE,
            bound: 15 * MINUTE,
            restore: 1_000 * SECOND,
            met: false,
        },
        {
            name: 'point-in-time recovery: 1 s lost whatever the interval',
            backup: 'backup every 1d pitr 7d restore 1GB/s',
            T: '50m',
            size: '1TB',
            rto: '1h',
            lost: SECOND,
            bound: SECOND,
            restore: 1_000 * SECOND,
            met: true,
        },
    ])('$name', async ({ backup, T, size, rto, lost, bound, restore, met }) => {
        const { c } = await corruption({
            backup,
            size,
            objective: `objective rto ${rto}`,
            faults: `at ${T} corrupt orders`,
        });
        expect(c.restorePoint).toMatchObject({ lostWindowMs: lost, lostWindowBoundMs: bound });
        expect(c.restore.durationMs).toBe(restore);
        expect(c.restore.restoredAtMs).toBe(c.atMs + restore);
        expect(c.rto).toEqual({
            objectiveMs: { '30m': 30, '10m': 10, '15m': 15, '1h': 60 }[rto]! * MINUTE,
            from: 'store orders',
            met,
        });
    });

    it('leaves no clean copy without a backup, and says so', async () => {
        const { c } = await corruption({ backup: '', objective: 'objective rto 30m' });
        expect(c.restorePoint).toBeNull();
        expect(c.restore.durationMs).toBeNull();
        expect(c.rto).toMatchObject({ met: false });
        expect(c.notes.join('\n')).toMatch(/has no backup: the damage reaches every replica and no clean copy is left/);
    });

    it('does not invent a restore throughput: the restore time is unknown and the note says what to declare', async () => {
        const { c } = await corruption({ backup: 'backup every 1h' });
        expect(c.restore).toEqual({ sizeBytes: 2e12, throughputBytesPerS: null, durationMs: null, restoredAtMs: null });
        expect(c.rto).toMatchObject({ met: null });
        expect(c.notes.join('\n')).toMatch(
            /no vendor documents a restore throughput \(docs\/facts\.md#restore-throughput\)/,
        );
    });
});

describe('how the damage spreads', () => {
    it.each([
        {
            name: 'an async replica one lag later (2 s)',
            replication: 'replication async lag 2s',
            faults: 'at 12m corrupt orders',
            west: 12 * MINUTE + 2 * SECOND,
        },
        {
            name: 'after a partition between them heals, plus the lag',
            replication: 'replication async lag 2s',
            faults: 'at 10m partition us-east-1 <-> us-west-2 for 5m  at 12m corrupt orders',
            west: 15 * MINUTE + 2 * SECOND,
        },
        {
            name: 'with the lag of a spike in effect',
            replication: 'replication async lag 2s',
            faults: 'at 11m lag-spike orders to 30s for 5m  at 12m corrupt orders',
            west: 12 * MINUTE + 30 * SECOND,
        },
        {
            name: 'a synchronous replica at once',
            replication: 'replication sync',
            faults: 'at 12m corrupt orders',
            west: 12 * MINUTE,
        },
        {
            name: 'never a region that keeps its own copy',
            replication: 'replication none',
            faults: 'at 12m corrupt orders',
            west: null,
        },
        {
            name: 'never a destroyed region',
            replication: 'replication async lag 2s',
            faults: 'at 5m destroy region us-west-2  at 12m corrupt orders',
            west: null,
        },
    ])('reaches $name', async ({ replication, faults, west }) => {
        const { report, c } = await corruption({ replication, faults });
        expect(c.origin).toBe('us-east-1');
        expect(c.replicas).toEqual([
            { region: 'us-east-1', damagedAtMs: 12 * MINUTE },
            { region: 'us-west-2', damagedAtMs: west },
        ]);
        const reached = report.timeline.filter((e) => e.kind === 'corruption-reached').map((e) => e.atMs);
        expect(reached).toEqual(west === null ? [] : [west]);
    });
});

describe('the report', () => {
    it('lists the corruption among the faults, times the restore in the timeline and prints one line', async () => {
        const { report } = await corruption({});
        expect(report.scenario.faults).toContainEqual(
            expect.objectContaining({ kind: 'corrupt', atMs: 12 * MINUTE, untilMs: 12 * MINUTE }),
        );
        expect(report.timeline.filter((e) => e.kind === 'corruption-restored').map((e) => e.atMs)).toEqual([
            12 * MINUTE + 4_000 * SECOND,
        ]);
        expect(report.notes.join('\n')).toMatch(
            /detecting it is not modelled, so the recovery times shown are lower bounds/,
        );
        expect(corruptionLines(report)).toEqual([
            'corruption of orders at 12 m (written in us-east-1) reached us-east-1 at 12 m, us-west-2 at 12 m 2 s; ' +
                "last clean backup in eu-west-1 12 m before it (up to 1 h): that window's writes are lost; " +
                'restore 1 h 6 m (2 TB ÷ 500 MB/s, an estimate: docs/facts.md#restore-throughput); RTO 30 m (store orders) missed',
        ]);
    });

    it('writes the corruption as a moment: no duration in the fault list, a milestone in the Mermaid timeline', async () => {
        const { report } = await corruption({});
        expect(formatText(report, { color: false })).toContain('faults: corruption of orders at 12 m\n');
        expect(formatMarkdown(report)).toContain('**Faults:** corruption of orders at 12 m\n');
        expect(formatMarkdown(report)).toContain('## Corruption and restore');
        expect(gantt(report)).toContain('    corruption of orders :crit, milestone, f0, 2000-01-01 00:12:00, 0s');
    });

    it('changes nothing else in the run: availability and writes are those of the same scenario without it', async () => {
        const withIt = runModel(await designOf(design({}), true));
        const without = runModel(await designOf(design({ faults: '' }), true));
        expect(withIt.summary.availability).toBe(without.summary.availability);
        expect(withIt.stores.map((s) => s.writes)).toEqual(without.stores.map((s) => s.writes));
    });
});
