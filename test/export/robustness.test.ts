// The exporter never throws, whatever model it gets: the examples, mutated at random (names, providers,
// engines, consistency, postures, regions removed so references dangle), always export to safe paths,
// TypeScript that parses and JSON that loads, or to a clear refusal.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportCdk } from '../../export/cdk/index.js';
import { unsafePathReason } from '../../export/cdk/writer.js';
import type {
    ConsistencyLevel,
    Engine,
    Model,
    Posture,
    Provider,
    RegionM,
    ServiceM,
    StoreM,
} from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';
import { hostileModel } from './helpers/hostile.js';

const ENGINES: readonly Engine[] = [
    'dynamodb',
    'aurora',
    's3',
    'cockroachdb',
    'spanner',
    'cosmosdb',
    'cassandra',
    'postgres',
    'mysql',
    'redis',
    'memcached',
    'durable-object',
    'workers-kv',
    'custom',
];
const PROVIDERS: readonly (Provider | undefined)[] = ['aws', 'aws', 'gcp', 'azure', 'cloudflare', 'on-prem', undefined];
const LEVELS: readonly ConsistencyLevel[] = ['strong', 'eventual', 'session', 'bounded-staleness', 'consistent-prefix'];
const POSTURES: readonly (Posture | undefined)[] = [
    'active-active',
    'active-passive',
    'warm-standby',
    'pilot-light',
    'backup-restore',
    undefined,
];

const examples = new Map<string, Model>();
beforeAll(async () => {
    for (const file of readdirSync('examples').filter((f) => f.endsWith('.mregion'))) {
        examples.set(file, (await modelOf(readFileSync(`examples/${file}`, 'utf8'))).model);
    }
});

interface Mutation {
    readonly example: number;
    readonly suffix: string;
    readonly dropRegions: readonly boolean[];
    readonly providers: readonly number[];
    readonly engines: readonly number[];
    readonly levels: readonly number[];
    readonly postures: readonly number[];
    readonly witness: boolean;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
    example: fc.nat(),
    suffix: fc.oneof(fc.constant(''), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 })),
    dropRegions: fc.array(fc.boolean(), { maxLength: 8 }),
    providers: fc.array(fc.nat(PROVIDERS.length - 1), { maxLength: 8 }),
    engines: fc.array(fc.nat(ENGINES.length - 1), { maxLength: 8 }),
    levels: fc.array(fc.nat(LEVELS.length - 1), { maxLength: 8 }),
    postures: fc.array(fc.nat(POSTURES.length - 1), { maxLength: 8 }),
    witness: fc.boolean(),
});

function mutate(base: Model, m: Mutation): Model {
    const regionList = [...base.regions.values()];
    const regions = new Map<string, RegionM>();
    regionList.forEach((r, i) => {
        if (m.dropRegions[i]) return;
        regions.set(r.name, { ...r, provider: m.providers[i] === undefined ? r.provider : PROVIDERS[m.providers[i]!] });
    });
    const stores = new Map<string, StoreM>(
        [...base.stores.values()].map((s, i) => [
            s.id,
            {
                ...s,
                engine: m.engines[i] === undefined ? s.engine : ENGINES[m.engines[i]!],
                consistency:
                    m.levels[i] === undefined ? s.consistency : { ...s.consistency, level: LEVELS[m.levels[i]!]! },
                witness: m.witness && i === 0 ? regionList[regionList.length - 1]?.name : s.witness,
            },
        ]),
    );
    const services = new Map<string, ServiceM>(
        [...base.services.values()].map((s, i) => [
            s.id,
            {
                ...s,
                posture: m.postures[i] === undefined ? s.posture : POSTURES[m.postures[i]!],
            },
        ]),
    );
    const mutated: Model = { ...base, regions, stores, services };
    return m.suffix === '' ? mutated : hostileModel(mutated, (name) => `${name}${m.suffix}`);
}

function syntaxErrors(path: string, source: string): string[] {
    const file = ts.createSourceFile(path, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    return (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map(
        (d) => `${path}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
}

describe('exporting any model', () => {
    test('never throws, and yields safe paths, parseable TypeScript and valid JSON, or a refusal with reasons', () => {
        const bases = [...examples.values()];
        fc.assert(
            fc.property(mutation, fc.boolean(), (m, force) => {
                const model = mutate(bases[m.example % bases.length]!, m);
                const result = exportCdk(model, [], { force });
                if (result.files.length === 0) {
                    expect(result.errors.length + result.notGenerated.length).toBeGreaterThan(0);
                    return;
                }
                expect(result.errors).toEqual([]);
                const paths = result.files.map((f) => f.path);
                expect(new Set(paths).size).toBe(paths.length);
                for (const file of result.files) {
                    expect(unsafePathReason(file.path), file.path).toBeUndefined();
                    if (file.path.endsWith('.ts')) expect(syntaxErrors(file.path, file.content)).toEqual([]);
                    if (file.path.endsWith('.json')) expect(() => JSON.parse(file.content)).not.toThrow();
                }
            }),
            { numRuns: 300 },
        );
    });
});
