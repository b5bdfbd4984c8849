// Objectives declared on services and stores are judged on the run as the matching `expect` clause would be:
// the same measurement, the same pass rule, only worded as met or missed. The oracle is the scenario's own
// expect clause over the same metric, judged by the expectation code path.
import { describe, expect, it } from 'vitest';
import { designOf, example, runModelWithDeadline } from './helpers.js';

/** The checker's findings (an RTO it predicts is missed) do not stop a run: the simulation shows them happen. */
const run = async (text: string, scenario: string) => runModelWithDeadline(await designOf(text, true), scenario);

const base = example('aurora-warm-standby');
const withObjective = (objective: string) => base.replace('objective rto 5m  rpo 1s', `objective ${objective}`);
const withExpect = (clause: string) =>
    base.replace(/    expect[^\n]*\n/g, '').replace('    seed     21\n', `    seed     21\n    expect   ${clause}\n`);

describe('service objectives in the report', () => {
    it.each([
        { objective: 'rto 5m', expectClause: 'rto of orders <= 5m' },
        { objective: 'rto 1m', expectClause: 'rto of orders <= 1m' },
        { objective: 'rpo 1s', expectClause: 'rpo of orders <= 1s' },
        { objective: 'rpo 10s', expectClause: 'rpo of orders <= 10s' },
        { objective: 'availability 99.99%', expectClause: 'availability of orders >= 99.99%' },
        { objective: 'availability 50%', expectClause: 'availability of orders >= 50%' },
        { objective: 'write-latency p99 5s', expectClause: 'write-latency p99 of orders <= 5s' },
        { objective: 'write-latency p50 1ms', expectClause: 'write-latency p50 of orders <= 1ms' },
    ])('judges `objective $objective` as `expect $expectClause`', async ({ objective, expectClause }) => {
        const judged = await run(withObjective(objective), 'lose-primary');
        const oracle = await run(withExpect(expectClause).replace('objective rto 5m  rpo 1s', ''), 'lose-primary');
        expect(judged.objectives).toHaveLength(1);
        const [o] = judged.objectives;
        const [e] = oracle.expectations;
        expect({ measured: o!.measured, passed: o!.passed, delta: o!.delta, expected: o!.expected, op: o!.op }).toEqual(
            { measured: e!.measured, passed: e!.passed, delta: e!.delta, expected: e!.expected, op: e!.op },
        );
        expect(o!.owner).toBe('orders');
        expect(o!.ownerKind).toBe('service');
        expect(o!.message).toMatch(new RegExp(`^orders: objective .* ${o!.passed ? 'met' : 'missed'}: measured `));
    });

    it('names the window of an availability objective', async () => {
        const report = await run(withObjective('availability 99.99%'), 'lose-primary');
        expect(report.objectives[0]!.where).toContain('over 1 h');
        expect(report.objectives[0]!.passed).toBe(false);
    });

    it('points each term at the line it is written on', async () => {
        const text = withObjective('rto 5m\n    objective rpo 1s').replace(
            'objective rto 5m\n    objective rpo 1s',
            'objective rto 5m\n              rpo 1s',
        );
        const report = await run(text, 'lose-primary');
        const lines = text.split('\n');
        const rtoLine = lines.findIndex((l) => l.includes('objective rto 5m')) + 1;
        expect(report.objectives.map((o) => [o.metric, o.clause.line])).toEqual([
            ['rto', rtoLine],
            ['rpo', rtoLine + 1],
        ]);
    });

    it('leaves out owners no workload reaches, and says so', async () => {
        const text = base.replace(
            'store orders-db {',
            'store audit-db {\n    engine aurora\n    regions us-east-1, us-west-2\n    holds shared rows\n    writes primary us-east-1\n    consistency session\n    objective rto 5m\n}\n\nstore orders-db {',
        );
        const report = await run(text, 'lose-primary');
        expect(report.objectives.map((o) => `${o.owner} ${o.metric}`)).toEqual(['orders rto', 'orders rpo']);
        expect(report.notes).toContain(
            'objectives of store audit-db are not judged: no workload of this scenario reaches it',
        );
    });
});

describe('objectives in the text and Markdown reports', async () => {
    const { formatMarkdown } = await import('../../simulation/format/markdown.js');
    const { formatText } = await import('../../simulation/format/text.js');
    const report = await run(withObjective('rto 1m  rpo 10s'), 'lose-primary');

    it.each([
        {
            format: 'text',
            render: formatText,
            line: /Objectives of the services and stores: 1 of 2 missed\n  ✘ orders: objective rto 1 m missed: measured .* \(line 25\)\n  ✔ orders: objective rpo 10 s met/,
        },
        {
            format: 'Markdown',
            render: formatMarkdown,
            line: /## Objectives of the services and stores — 1 of 2 missed\n\n\| \| Objective \| Measured \| For whom, when \|\n\|---\|---\|---\|---\|\n\| ❌ \| orders: `objective rto 1 m` \(line 25\) \|/,
        },
    ])('the $format report lists each objective after the expectations', ({ render, line }) => {
        expect(render(report)).toMatch(line);
    });
});

describe('objectives across the seeds of a sweep', async () => {
    const { buildSweep } = await import('../../simulation/sweep.js');
    const { seedOutcome } = await import('../../simulation/sweep-metrics.js');
    const { formatSweepText } = await import('../../simulation/format/sweep-text.js');
    const { sweepDesign } = await import('./sweep-design.js');
    const { expectValidSweep, runModel } = await import('./helpers.js');
    // RTO lies in [140 s, 150 s) by the design's closed form: 145 s is met by some seeds and missed by others.
    const seeds = [1, 2, 3, 4, 5, 6];
    const sweepOf = async (text: string) => {
        const model = await designOf(text, true);
        return buildSweep(
            model,
            's',
            seeds.map((seed) => seedOutcome(runModel(model, 's', { seed }))),
        );
    };
    const judged = await sweepOf(
        sweepDesign([]).replace('    uses      db\n', '    uses      db\n    objective rto 145s\n'),
    );
    const oracle = await sweepOf(sweepDesign(['expect rto of api <= 145s']));

    it('judges a declared objective across the runs as the same expect clause', () => {
        expectValidSweep(judged);
        const [o] = judged.objectives;
        const [e] = oracle.expectations;
        expect(judged.objectives).toHaveLength(1);
        expect({
            passed: o!.passed,
            seedsPassed: o!.seedsPassed,
            seed: o!.seed,
            measured: o!.measured,
            required: o!.required,
        }).toEqual({
            passed: e!.passed,
            seedsPassed: e!.seedsPassed,
            seed: e!.seed,
            measured: e!.measured,
            required: e!.required,
        });
        expect(o!.message).toMatch(
            new RegExp(`^api: objective rto 2 m 25 s ${o!.passed ? 'met' : 'missed'}: worst of 6 seeds `),
        );
    });

    it("lists it in the sweep's text report", () => {
        expect(formatSweepText(judged)).toMatch(
            /Objectives of the services and stores across 6 seeds: (met|1 of 1 missed)\n  [✔✘] api: objective rto 2 m 25 s/,
        );
    });
});
