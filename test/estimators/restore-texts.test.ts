// The restore's figures and sentences beyond the last clean point (restore.test.ts): the rounding of the restore
// time, the sentence when it cannot be worked out, how it is described (an estimate,
// docs/facts.md#restore-throughput), and which RTO a restore must meet.
import { describe, expect, it } from 'vitest';
import {
    describeRestore,
    restoreTime,
    restoreTimeUnknown,
    rtoFor,
} from '../../language/semantics/estimators/restore.js';
import type { StoreM } from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';

const storeNamed = (name: string, sizeBytes?: number, restoreBytesPerS?: number): StoreM =>
    ({
        name,
        id: name,
        sizeBytes,
        backup: { intervalMs: 3_600_000, immutable: false, restoreBytesPerS },
    }) as unknown as StoreM;

describe('the restore time, worked out', () => {
    it.each([
        // 1,000 B at 3 B/s = 333.33… s: rounded up to the next millisecond, 333,334 ms.
        { name: 'is rounded up to the millisecond: 1,000 B at 3 B/s is 333,334 ms', size: 1_000, rate: 3, ms: 333_334 },
        // 1 GB at 1 GB/s = exactly 1 s: nothing to round.
        { name: 'is exact when it divides: 1 GB at 1 GB/s is 1,000 ms', size: 1e9, rate: 1e9, ms: 1_000 },
    ])('$name', ({ size, rate, ms }) => {
        expect(restoreTime(storeNamed('s', size, rate))).toMatchObject({ ms, sizeBytes: size, bytesPerS: rate });
    });

    it('asks for a restore throughput on a store with no backup at all', () => {
        const noBackup = { name: 's', id: 's', sizeBytes: 1e12 } as unknown as StoreM;
        expect(restoreTime(noBackup)).toEqual({
            sizeBytes: 1e12,
            bytesPerS: undefined,
            missing: ["'restore <throughput>' on its backup"],
        });
    });

    it('keeps what was declared when it cannot be worked out', () => {
        expect(restoreTime(storeNamed('s', 5e12))).toEqual({
            sizeBytes: 5e12,
            bytesPerS: undefined,
            missing: ["'restore <throughput>' on its backup"],
        });
    });
});

describe('the restore time, described', () => {
    it.each([
        {
            // 100 GB ÷ 100 MB/s = 1,000 s = 16 m 40 s.
            name: 'as an estimate citing the facts entry',
            time: { ms: 1_000_000, from: '100 GB ÷ 100 MB/s', missing: [] },
            text: '16 m 40 s (100 GB ÷ 100 MB/s, an estimate: docs/facts.md#restore-throughput)',
        },
        { name: 'as unknown when it cannot be worked out', time: { missing: ["'size'"] }, text: 'unknown' },
    ])('$name', ({ time, text }) => {
        expect(describeRestore(time)).toBe(text);
    });

    it.each([
        {
            name: 'names the one thing to declare',
            missing: ["'size'"],
            text: "the restore time of orders is size ÷ restore throughput, and no vendor documents a restore throughput (docs/facts.md#restore-throughput): declare 'size'",
        },
        {
            name: 'joins two things to declare with “and”',
            missing: ["'size'", "'restore <throughput>' on its backup"],
            text: "the restore time of orders is size ÷ restore throughput, and no vendor documents a restore throughput (docs/facts.md#restore-throughput): declare 'size' and 'restore <throughput>' on its backup",
        },
    ])('when unknown, $name', ({ missing, text }) => {
        expect(restoreTimeUnknown(storeNamed('orders'), missing)).toBe(text);
    });
});

const design = (storeObjective: string, services: string) => `topology T
region us-east-1 { provider aws }
region us-west-2 { provider aws }
store db {
    engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session
    backup every 1h
    ${storeObjective}
}
store other { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }
${services}`;
const service = (name: string, on: string, rto?: string) =>
    `service ${name} { regions us-east-1, us-west-2 primary us-east-1 posture warm-standby capacity 100% per region ${on}${
        rto === undefined ? '' : ` objective rto ${rto}`
    } }\n`;

describe('the RTO a restore must meet', () => {
    it.each([
        {
            name: 'is the store’s own, even when a service’s is tighter',
            store: 'objective rto 30m',
            services: service('api', 'uses db', '5m'),
            rto: { ms: 30 * 60_000, from: 'store db' },
        },
        {
            name: 'is the tightest of the services that use or read the store',
            store: '',
            services: service('a', 'uses db', '10m') + service('b', 'reads db', '5m') + service('c', 'uses db'),
            rto: { ms: 5 * 60_000, from: 'service b' },
        },
        {
            name: 'is the first service’s on a tie',
            store: '',
            services: service('a', 'uses db', '5m') + service('b', 'reads db', '5m'),
            rto: { ms: 5 * 60_000, from: 'service a' },
        },
        {
            name: 'ignores the services on another store',
            store: '',
            services: service('a', 'uses other', '1m') + service('b', 'uses db', '5m'),
            rto: { ms: 5 * 60_000, from: 'service b' },
        },
        {
            name: 'is none when nothing on the store has one',
            store: '',
            services: service('a', 'uses db') + service('b', 'uses other', '1m'),
            rto: undefined,
        },
    ])('$name', async ({ store, services, rto }) => {
        const { model } = await modelOf(design(store, services));
        // Every service declared made it into the model (the rules' findings on the design do not matter here).
        expect(model.services.size).toBe(services.split('\n').length - 1);
        const db = model.stores.get('db');
        expect(db).toBeDefined();
        expect(rtoFor(model, db!)).toEqual(rto);
    });
});
