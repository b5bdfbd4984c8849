// The restore after a corruption: the last clean restore point and the restore time, against closed forms
// worked by hand and an enumeration of the backups actually taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastCleanPoint, restoreTime } from '../../language/semantics/estimators/restore.js';
import type { BackupM, StoreM } from '../../language/semantics/model.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const storeWith = (backup: BackupM | undefined, sizeBytes?: number): StoreM =>
    ({ name: 's', id: 's', backup, sizeBytes }) as unknown as StoreM;
const every = (intervalMs: number, extra: Partial<BackupM> = {}): BackupM => ({
    intervalMs,
    immutable: false,
    ...extra,
});

describe('the last clean restore point', () => {
    it.each([
        // interval, corruption at → lost window (backups at 0, B, 2B, … of the scenario clock)
        {
            name: 'hourly backups, corrupted 12 m in: the backup at 0 is clean, 12 m lost',
            B: HOUR,
            T: 12 * MIN,
            lost: 12 * MIN,
            at: 0,
        },
        {
            name: 'hourly backups, corrupted at 1 h 45 m: the 1 h backup, 45 m lost',
            B: HOUR,
            T: 105 * MIN,
            lost: 45 * MIN,
            at: HOUR,
        },
        {
            name: 'a backup at the very moment of the corruption may hold it: the one before, a whole interval lost',
            B: HOUR,
            T: 2 * HOUR,
            lost: HOUR,
            at: HOUR,
        },
        {
            name: 'corrupted at the scenario start: the last backup before it, a whole interval earlier',
            B: HOUR,
            T: 0,
            lost: HOUR,
            at: -HOUR,
        },
        { name: 'daily backups, corrupted at 30 m', B: 24 * HOUR, T: 30 * MIN, lost: 30 * MIN, at: 0 },
    ])('$name', ({ B, T, lost, at }) => {
        expect(lastCleanPoint(storeWith(every(B)), T)).toEqual({ kind: 'backup', atMs: at, lostMs: lost, boundMs: B });
    });

    it('with point-in-time recovery, loses one second whatever the backup interval', () => {
        expect(lastCleanPoint(storeWith(every(24 * HOUR, { pitrMs: 35 * 24 * HOUR })), 90 * MIN)).toEqual({
            kind: 'pitr',
            atMs: 90 * MIN - 1_000,
            lostMs: 1_000,
            boundMs: 1_000,
        });
    });

    it('is none without a backup', () => {
        expect(lastCleanPoint(storeWith(undefined), 10 * MIN)).toBeUndefined();
    });

    it('is the latest backup taken strictly before the corruption, for any interval and time', () => {
        fc.assert(
            fc.property(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 7 * 24 * 60 }), (hours, minutes) => {
                const B = hours * HOUR;
                const T = minutes * MIN;
                // Enumerate the backups around T and keep the last one before it.
                const taken = Array.from({ length: 400 }, (_, k) => (k - 200 + Math.floor(T / B)) * B).filter(
                    (t) => t < T,
                );
                const last = Math.max(...taken);
                const point = lastCleanPoint(storeWith(every(B)), T)!;
                expect(point.atMs).toBe(last);
                expect(point.lostMs).toBe(T - last);
                expect(point.lostMs).toBeGreaterThan(0);
                expect(point.lostMs).toBeLessThanOrEqual(B);
            }),
        );
    });
});

describe('the restore time', () => {
    it.each([
        { name: '2 TB at 500 MB/s: 4,000 s', size: 2e12, rate: 500e6, ms: 4_000_000, from: '2 TB ÷ 500 MB/s' },
        {
            name: '20 TB at 1 GB/s: 5 h 33 m 20 s (the facts entry example)',
            size: 20e12,
            rate: 1e9,
            ms: 20_000_000,
            from: '20 TB ÷ 1 GB/s',
        },
        { name: '100 GB at 100 MB/s: 16 m 40 s', size: 100e9, rate: 100e6, ms: 1_000_000, from: '100 GB ÷ 100 MB/s' },
    ])('is size ÷ throughput: $name', ({ size, rate, ms, from }) => {
        expect(restoreTime(storeWith(every(HOUR, { restoreBytesPerS: rate }), size))).toMatchObject({
            ms,
            from,
            missing: [],
        });
    });

    it.each([
        { name: 'no size', store: storeWith(every(HOUR, { restoreBytesPerS: 1e9 })), missing: ["'size'"] },
        {
            name: 'no restore throughput',
            store: storeWith(every(HOUR), 1e12),
            missing: ["'restore <throughput>' on its backup"],
        },
        { name: 'neither', store: storeWith(every(HOUR)), missing: ["'size'", "'restore <throughput>' on its backup"] },
    ])('is unknown with $name, and says what to declare', ({ store, missing }) => {
        const t = restoreTime(store);
        expect(t.ms).toBeUndefined();
        expect(t.missing).toEqual(missing);
    });
});
