// The `backup` clause of a store and the `corrupt` fault: what the model keeps of them, and the problems of a
// wrong value. Each invalid case marks with «…» the text the diagnostic must point at.
import { describe, expect, test } from 'vitest';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { unmark } from '../helpers/markers.js';
import { modelOf, validate } from '../helpers/services.js';

const STANDARD = new Set<string>(Object.values(ProblemCodes));
const REGIONS = ['us-east-1', 'us-west-2'].map((r) => `region ${r} { provider aws jurisdiction US }`).join('\n');
const store = (backup: string, engine = 'dynamodb') =>
    `topology T\n${REGIONS}\nstore s {\n    engine ${engine}\n    regions us-east-1, us-west-2\n    holds shared rows\n    ${backup}\n}\n`;
const DAY = 86_400_000;

describe('the backup clause', () => {
    const valid = [
        { name: 'an interval alone', backup: 'backup every 1h', model: { intervalMs: 3_600_000, immutable: false } },
        {
            name: 'every part, PITR at the DynamoDB maximum of 35 days',
            backup: 'backup every 1d to us-west-2 immutable pitr 35d restore 500MB/s',
            model: { intervalMs: DAY, region: 'us-west-2', immutable: true, pitrMs: 35 * DAY, restoreBytesPerS: 500e6 },
        },
        {
            name: 'a restore throughput in GB/s',
            backup: 'backup every 1h restore 1GB/s',
            model: { intervalMs: 3_600_000, immutable: false, restoreBytesPerS: 1e9 },
        },
    ];
    test.each(valid)('reads $name', async ({ backup, model }) => {
        const { model: m, diagnostics } = await modelOf(store(backup));
        expect(diagnostics.filter((d) => STANDARD.has(String(d.code))).map((d) => `${d.code}: ${d.message}`)).toEqual(
            [],
        );
        expect(m.stores.get('s')!.backup).toEqual(model);
        expect(m.stores.get('s')!.backupIntervalMs).toBe(model.intervalMs);
    });

    test('accepts any PITR window on an engine with no documented bound', async () => {
        const { model, diagnostics } = await modelOf(store('backup every 1h pitr 90d', 'postgres'));
        expect(diagnostics.filter((d) => d.code === 'value-out-of-range')).toEqual([]);
        expect(model.stores.get('s')!.backup?.pitrMs).toBe(90 * DAY);
    });

    const invalid: readonly { name: string; backup: string; engine?: string; code: string; message: RegExp }[] = [
        {
            name: 'a DynamoDB PITR window past 35 days',
            backup: 'backup every 1h pitr «36d»',
            code: 'value-out-of-range',
            message:
                /a dynamodb store keeps at most 35 d of point-in-time recovery, not 36 d \(.*docs\/facts\.md#pitr-retention\)/,
        },
        {
            name: 'a Spanner PITR window past 7 days',
            backup: 'backup every 1h pitr «8d»',
            engine: 'spanner',
            code: 'value-out-of-range',
            message: /a spanner store keeps at most 7 d of point-in-time recovery, not 8 d/,
        },
        {
            name: 'a restore throughput without a time unit',
            backup: 'backup every 1h restore «500MB»',
            code: 'wrong-unit',
            message: /restore throughput/,
        },
        {
            name: 'a PITR window that is a size',
            backup: 'backup every 1h pitr «5GB»',
            code: 'wrong-unit',
            message: /point-in-time recovery window/,
        },
        {
            name: 'a backup region the design does not declare',
            backup: 'backup every 1h to «eu-west-9»',
            code: 'unresolved-reference',
            message: /eu-west-9/,
        },
    ];
    test.each(invalid)('reports $name as $code at the offending text', async ({ backup, engine, code, message }) => {
        const { text, ranges } = unmark(store(backup, engine));
        const { diagnostics } = await validate(text);
        const matching = diagnostics.filter((d) => d.code === code && message.test(String(d.message)));
        expect(
            matching.map((d) => d.range),
            JSON.stringify(diagnostics.map((d) => [d.code, d.message])),
        ).toEqual([ranges[0]]);
    });
});

describe('the corrupt fault', () => {
    const design = (fault: string) =>
        `${store('backup every 1h')}workload w for s { writes 10/s  keys 10  item-size 1KB }\nscenario x { workload w  duration 1h  ${fault} }\n`;

    test('is one moment that names a store', async () => {
        const { model } = await modelOf(design('at 10m corrupt s'));
        expect(model.scenarios.get('x')!.faults).toMatchObject([
            { kind: 'corrupt', store: 's', atMs: 600_000, durationMs: 0 },
        ]);
    });

    test('takes no duration: a corrupt with a «for» is a syntax error', async () => {
        const { diagnostics } = await validate(design('at 10m corrupt s for 5m'));
        expect(diagnostics.some((d) => d.severity === 1)).toBe(true);
    });

    test('names a declared store', async () => {
        const { diagnostics } = await validate(design('at 10m corrupt nothing'));
        expect(diagnostics.map((d) => String(d.message)).join('\n')).toMatch(/nothing/);
    });
});
