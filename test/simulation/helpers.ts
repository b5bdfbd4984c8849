// Simulation test helpers: build a model from .mregion text (failing loudly on design errors), run a scenario,
// and validate every report against simulation/report-schema.json (a seed sweep's against sweep-schema.json).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { Model } from '../../language/semantics/model.js';
import { isRuleCode } from '../../language/validation/rules/catalog.js';
import { simulate, type SimulateOptions } from '../../simulation/run.js';
import type { SimulationReport } from '../../simulation/report.js';
import { ROOT } from '../helpers/bundles.js';
import { describe as describeDiagnostic, errors, modelOf } from '../helpers/services.js';
import { simulateWithDeadline, type DeadlineOptions } from '../helpers/simulation-deadline.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'simulation/report-schema.json'), 'utf8'));
// The schema uses no `format` keywords, so plain Ajv (strict) is enough.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateSchema = ajv.compile(schema);

/** Fails the test with ajv's messages when a report does not match the published schema. */
export function expectValidReport(report: unknown): void {
    const ok = validateSchema(report);
    expect(ok ? [] : validateSchema.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

const validateSweepSchema = ajv.compile(
    JSON.parse(readFileSync(path.join(ROOT, 'simulation/sweep-schema.json'), 'utf8')),
);

/** Fails the test with ajv's messages when a seed sweep's report does not match its published schema. */
export function expectValidSweep(sweep: unknown): void {
    const ok = validateSweepSchema(sweep);
    expect(ok ? [] : validateSweepSchema.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

/**
 * The model of a test design, failing on any error — or, with `allowRuleErrors`, only on errors that leave the
 * model incomplete (the simulation runs despite design-rule findings, which is what the flawed examples show).
 */
export async function designOf(text: string, allowRuleErrors = false): Promise<Model> {
    const { model, diagnostics } = await modelOf(text);
    const found = errors(diagnostics).filter((d) => !allowRuleErrors || !isRuleCode(String(d.code)));
    if (found.length > 0) throw new Error(`the test design has errors:\n${found.map(describeDiagnostic).join('\n')}`);
    return model;
}

/**
 * Runs `scenario` (default: the only one) of the design in a worker with a deadline (a hang fails the test
 * instead of spinning) and checks the report against the schema.
 */
export async function run(text: string, scenario?: string, options: DeadlineOptions = {}): Promise<SimulationReport> {
    const model = await designOf(text);
    return runModelWithDeadline(model, scenario, options);
}

/** runModel in a worker with a deadline: for the runs that take seconds. */
export async function runModelWithDeadline(
    model: Model,
    scenario?: string,
    options: DeadlineOptions = {},
): Promise<SimulationReport> {
    const report = await simulateWithDeadline(model, scenario ?? firstScenario(model), options);
    expectValidReport(report);
    return report;
}

/** Runs on the test's thread: for short runs (well under a second) and the ones that pass callbacks. */
export function runModel(model: Model, scenario?: string, options: SimulateOptions = {}): SimulationReport {
    const report = simulate(model, scenario ?? firstScenario(model), options);
    expectValidReport(report);
    return report;
}

function firstScenario(model: Model): string {
    return [...model.scenarios.keys()][0]!;
}

export function example(name: string): string {
    return readFileSync(path.join(ROOT, 'examples', `${name}.mregion`), 'utf8');
}

/** The design lines of an example without its workloads and scenarios, to drive it with a test's own. */
export function designOfExample(name: string): string {
    return example(name).replace(/\n(workload|scenario)\s[\s\S]*?\n\}/g, '');
}

export const MINUTE = 60_000;
export const SECOND = 1_000;

/** An Aurora global database `db` written in us-east-1 and replicated to us-west-2 with the given lag. */
export function auroraDb(lag = '1s'): string {
    return `store db {
    engine      aurora
    regions     us-east-1, us-west-2
    holds       shared rows
    writes      primary us-east-1
    replication async lag ${lag}
    consistency eventual
}`;
}

/** A DynamoDB global table (shared counters, 1 s lag, LWW unless told) written in both US regions. */
export function dynamoStore(name: string, { holds = 'shared counter', lag = '1s', conflicts = 'lww' } = {}): string {
    return `store ${name} {
    engine      dynamodb
    regions     us-east-1, us-west-2
    holds       ${holds}
    writes      any-region
    replication async lag ${lag}
    consistency eventual
    conflicts   ${conflicts}
}`;
}

/** A CockroachDB store of shared rows, written anywhere, replicated by consensus (majority quorum unless told). */
/** A CockroachDB store; `clauses` (e.g. `leader eu-west-1`) default to a leader in the first region. */
export function consensusStore(
    name: string,
    regions: readonly string[],
    quorum?: number,
    clauses = `leader ${regions[0]}`,
): string {
    return `store ${name} {
    engine      cockroachdb
    regions     ${regions.join(', ')}
    holds       shared rows
    writes      any-region
    replication consensus${quorum === undefined ? '' : ` quorum ${quorum}`}
    consistency strong
    ${clauses}
}`;
}

export const TWO_US_REGIONS = `
topology T
region us-east-1 { provider aws  jurisdiction US }
region us-west-2 { provider aws  jurisdiction US }
`;

/**
 * Stale-read designs: an active-active service on `auroraDb(lag)`, written in us-east-1 at `writes`/s over `keys`
 * keys and read at `readsPerRegion`/s in each US region, with the scenario's other clauses in `scenario`.
 */
export function replicaReaders({
    lag,
    writes,
    keys,
    readsPerRegion,
    scenario,
}: {
    lag: string;
    writes: number;
    keys: number;
    readsPerRegion: number;
    scenario: string;
}): string {
    return `${TWO_US_REGIONS}
${auroraDb(lag)}
service app {
    regions   us-east-1, us-west-2
    posture   active-active
    capacity  100% per region
    uses      db
}
workload w for app { writes ${writes}/s from us-east-1 100%  reads ${2 * readsPerRegion}/s from us-east-1 50%, us-west-2 50%  keys ${keys} }
scenario s { workload w  ${scenario} }
`;
}
