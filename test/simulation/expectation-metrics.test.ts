// The expectation metrics of the report's newer numbers — throttled writes, duplicates, corruption loss and
// restore time — measure exactly what the report's own sections say, narrowed by `of` and `in` like the others.
// The corruption figures are closed forms: backups every B at 0, B, 2B, … lose T − B·(⌈T/B⌉ − 1) of writes; PITR
// one second; the restore takes size ÷ throughput.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designOf, MINUTE, runModel, SECOND } from './helpers.js';

const corruptible = (backup: string, size: string, faults: string, expectLine: string) => `topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
store orders {
    engine      postgres
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    replication async lag 2s
    consistency session
    ${backup}
    ${size}
}
workload w for orders { writes 1/s from us-east-1 100%  keys 10  item-size 1KB }
scenario s { workload w  duration 3h  ${faults}  ${expectLine} }
`;

async function judged(text: string) {
    const report = runModel(await designOf(text, true));
    const e = report.expectations[0]!;
    return { report, e };
}

describe('corruption-loss: the time back to the last clean restore point', () => {
    it.each([
        {
            name: 'hourly backups and a corruption at 12 m lose 12 m, within 15 m',
            backup: 'backup every 1h to us-west-2',
            faults: 'at 12m corrupt orders',
            clause: 'expect corruption-loss of orders <= 15m',
            measured: 12 * MINUTE,
            passed: true,
        },
        {
            name: 'hourly backups and a corruption at 1 h 50 m lose 50 m',
            backup: 'backup every 1h to us-west-2',
            faults: 'at 110m corrupt orders',
            clause: 'expect corruption-loss <= 15m',
            measured: 50 * MINUTE,
            passed: false,
        },
        {
            name: 'point-in-time recovery loses one second',
            backup: 'backup every 1h to us-west-2 pitr 35d',
            faults: 'at 110m corrupt orders',
            clause: 'expect corruption-loss <= 1s',
            measured: SECOND,
            passed: true,
        },
        {
            name: 'no backup loses everything: the damage reached every copy',
            backup: '',
            faults: 'at 12m corrupt orders',
            clause: 'expect corruption-loss <= 1h',
            // "never"-like values are null in the JSON; the text says what they mean.
            measured: null,
            passed: false,
        },
        {
            name: 'no corruption in the scenario measures 0',
            backup: 'backup every 1h to us-west-2',
            faults: '',
            clause: 'expect corruption-loss == 0s',
            measured: 0,
            passed: true,
        },
    ])('$name', async ({ backup, faults, clause, measured, passed }) => {
        const { e } = await judged(corruptible(backup, 'size 2TB', faults, clause));
        expect(e.measured).toBe(measured);
        expect(e.passed).toBe(passed);
        if (measured === null)
            expect(e.message).toContain('measured everything (no backup: the corruption reached every copy)');
    });
});

describe('restore-time: size ÷ restore throughput, an estimate', () => {
    it.each([
        {
            name: '2 TB at 500 MB/s: 4,000 s, over a 1 h bound',
            backup: 'backup every 1h to us-west-2 restore 500MB/s',
            size: 'size 2TB',
            clause: 'expect restore-time <= 1h',
            measured: 4_000 * SECOND,
            passed: false,
        },
        {
            name: '200 GB at 500 MB/s: 400 s',
            backup: 'backup every 1h to us-west-2 restore 500MB/s',
            size: 'size 200GB',
            clause: 'expect restore-time of orders <= 10m',
            measured: 400 * SECOND,
            passed: true,
        },
        {
            name: 'no declared restore throughput: not measured, and says what to declare',
            backup: 'backup every 1h to us-west-2',
            size: 'size 2TB',
            clause: 'expect restore-time <= 1h',
            measured: null,
            passed: false,
        },
    ])('$name', async ({ backup, size, clause, measured, passed }) => {
        const { report, e } = await judged(corruptible(backup, size, 'at 12m corrupt orders', clause));
        expect(e.measured).toBe(measured);
        expect(e.passed).toBe(passed);
        if (measured !== null) expect(report.corruptions[0]!.restore.durationMs).toBe(measured);
        else expect(e.message).toContain('orders declares no restore throughput');
    });
});

describe('throttled-writes and duplicates read the store sections of the same report', () => {
    it('throttled-writes is the store’s throttled writes, and counts nothing in a region that refused none', async () => {
        const text = readFileSync('examples/cosmos-bounded-staleness.mregion', 'utf8').replace(
            '    expect   lost-writes == 0',
            '    expect   throttled-writes of catalog in eastus > 0\n    expect   throttled-writes in northeurope == 0\n    expect   lost-writes == 0',
        );
        const report = runModel(await designOf(text));
        const [inWriteRegion, inReadRegion] = report.expectations;
        expect(inWriteRegion!.measured).toBe(report.stores[0]!.throttledWrites);
        expect(inWriteRegion!.measured).toBeGreaterThan(80_000);
        expect(inReadRegion!.measured).toBe(0);
        expect(inWriteRegion!.passed && inReadRegion!.passed).toBe(true);
    });

    it.each([
        { name: 'a consumer group without deduplication: every message delivered again', idempotent: false },
        { name: 'idempotent consumers: delivered again, but no duplicate', idempotent: true },
    ])('duplicates: $name', async ({ idempotent }) => {
        let text = readFileSync('test/fixtures/queues/kafka-mirrormaker2.mregion', 'utf8').replace(
            '    expect lost-writes of order-events == 0',
            '    expect duplicates of order-events >= 0\n    expect duplicates in us-east-1 == 0',
        );
        if (idempotent)
            text = text.replace('    catch-up    20000/s', '    catch-up    20000/s\n    consumers   idempotent');
        const report = runModel(await designOf(text));
        const queue = report.stores[0]!.queue!;
        const [all, intoEast] = report.expectations.filter((e) => e.metric === 'duplicates');
        expect(all!.measured).toBe(queue.duplicates);
        expect(queue.redeliveredMessages).toBeGreaterThan(100_000);
        expect(queue.duplicates).toBe(idempotent ? 0 : queue.redeliveredMessages);
        // The group moved into us-west-2, so nothing was delivered again in us-east-1.
        expect(intoEast!.measured).toBe(0);
    });
});

it('a clause names each metric in its message with its unit', async () => {
    const { e } = await judged(
        corruptible(
            'backup every 1h to us-west-2',
            'size 2TB',
            'at 12m corrupt orders',
            'expect corruption-loss <= 15m',
        ),
    );
    expect(e.message).toMatch(
        /^expect corruption-loss <= 15m passed: measured 12 m for orders, back to its last backup before the corruption of orders at 12 m/,
    );
});
