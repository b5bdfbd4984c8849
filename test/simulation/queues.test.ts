// Queues and streams in the simulation (issue 18), against closed forms worked out here, not read off the engine.
//
// SQS keeps each region's messages there (docs/facts.md#sqs-single-region). With λ_A messages/s accepted in
// us-east-1 and no consumer declared, every message accepted there since the start is counted as not consumed
// (the stated upper bound): an outage at T strands Poisson(λ_A·T) of them, consumable again at its end, lost
// when the region is destroyed instead. Consumers that are up keep up (the stated assumption), so an outage
// strands only what arrived while they were down: Poisson(λ_A·(T − T_fail)) after a `fail` of every consumer.
//
// Kafka with MirrorMaker 2 (docs/facts.md#kafka-mirrormaker2). Derivation of the redelivery closed form:
// checkpoints are taken at c_k = φ + k·C. A checkpoint translates the group's position into the target's
// offsets, and the target holds what was mirrored by then: the messages produced up to c_k − d, with d the
// replication delay max(lag, RTT/2). The source goes down at T; the last checkpoint that reached the target is
// c* = φ + ⌊(T − φ)/C⌋·C. The consumers had taken everything produced up to T (they keep up). At the move they
// resume at the target from c*, which holds the messages produced up to T − d: re-delivered at the move are
// the messages produced in (c* − d, T − d], Poisson with mean λ·(T − c*). With the phase uniform, T − c* is
// uniform on [0, C): mean λ·C/2, never more than λ·C. The lag term: the messages produced in (T − d, T] were
// taken by the consumers in the source but not mirrored; they are stranded and, once the source is back, mirrored
// and delivered again — λ·d more on average, exactly the store's stranded writes. So the mean total is
// λ·(C/2 + d).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consumerRedelivery } from '../../language/semantics/estimators/consumer-redelivery.js';
import { KAFKA_MM2 } from '../../language/semantics/facts/messaging-and-objects.js';
import type { QueueReport, SimulationReport, StoreReport } from '../../simulation/report.js';
import { formatMarkdown } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import { runMetrics } from '../../simulation/sweep-metrics.js';
import { ROOT } from '../helpers/bundles.js';
import { designOf, MINUTE, runModel, SECOND, TWO_US_REGIONS } from './helpers.js';

/** An SQS queue in two regions; `producer` publishes to it, `worker` (when `consumers`) reads it in both. */
function sqs({ rate, consumers, scenario }: { rate: number; consumers: boolean; scenario: string }): string {
    return `${TWO_US_REGIONS}
store q {
    engine      sqs
    regions     us-east-1, us-west-2
    holds       per-user sequence
    writes      any-region
    consistency eventual
    backup      every 1h to us-west-2
}
service producer { regions us-east-1, us-west-2  posture active-active  capacity 100% per region  uses q }
${consumers ? 'service worker { regions us-east-1, us-west-2  posture active-active  capacity 100% per region  reads q }' : ''}
workload w for producer { writes ${rate}/s from us-east-1 50%, us-west-2 50% }
scenario s { workload w  ${scenario} }
`;
}

/** A Kafka topic produced in us-east-1, mirrored with a 2 s lag; `consumer` reads it and fails over to us-west-2. */
function kafka({ rate, clauses = '', scenario }: { rate: number; clauses?: string; scenario: string }): string {
    return `${TWO_US_REGIONS}
store t {
    engine      kafka
    regions     us-east-1, us-west-2
    holds       shared sequence
    writes      primary us-east-1
    replication async lag 2s
    consistency eventual
    backup      every 1h to us-west-2
    ${clauses}
}
service consumer {
    regions  us-east-1, us-west-2
    primary  us-east-1
    posture  active-passive
    capacity 100% per region
    reads    t
}
failover consumer from us-east-1 to us-west-2 {
    detect health-check every 10s threshold 3
    route  global-accelerator
    action shift-traffic
}
workload w for t { writes ${rate}/s from us-east-1 100% }
scenario s { workload w  ${scenario} }
`;
}

const LAG_MS = 2 * SECOND;

async function simulateText(text: string, seed?: number): Promise<SimulationReport> {
    return runModel(await designOf(text, true), undefined, seed === undefined ? {} : { seed });
}

function queueOf(report: SimulationReport, name: string): { store: StoreReport; queue: QueueReport } {
    const store = report.stores.find((s) => s.name === name)!;
    return { store, queue: store.queue! };
}

/** A Poisson count within 4 standard deviations of its mean (plus one for small means). */
function expectPoisson(measured: number, mean: number): void {
    expect(Math.abs(measured - mean)).toBeLessThanOrEqual(4 * Math.sqrt(mean) + 1);
}

describe('a queue without cross-region replication strands its region backlog', () => {
    const rate = 200;
    const perRegion = rate / 2;
    it.each([
        {
            name: 'with no consumer declared, an outage at 10 m strands every message accepted there since the start, consumable again at its end',
            consumers: false,
            scenario: 'duration 20m  at 10m outage us-east-1 for 5m  seed 3',
            stranded: perRegion * 600,
            returnedAtMs: 15 * MINUTE,
            lostAtMs: null,
        },
        {
            name: 'with no consumer declared, destroying the region at 10 m loses what it stranded',
            consumers: false,
            scenario: 'duration 20m  at 10m destroy region us-east-1  seed 4',
            stranded: perRegion * 600,
            returnedAtMs: null,
            lostAtMs: 10 * MINUTE,
        },
        {
            name: 'consumers that are up keep up, so an outage strands nothing the model can count',
            consumers: true,
            scenario: 'duration 20m  at 10m outage us-east-1 for 5m  seed 5',
            stranded: 0,
            returnedAtMs: 15 * MINUTE,
            lostAtMs: null,
        },
        {
            name: 'consumers failed at 6 m leave what arrives after to be stranded by an outage at 10 m',
            consumers: true,
            scenario: 'duration 20m  at 6m fail worker in us-east-1 for 10m  at 10m outage us-east-1 for 2m  seed 6',
            stranded: perRegion * 240,
            returnedAtMs: 12 * MINUTE,
            lostAtMs: null,
        },
    ])('$name', async ({ consumers, scenario, stranded, returnedAtMs, lostAtMs }) => {
        const { store, queue } = queueOf(await simulateText(sqs({ rate, consumers, scenario })), 'q');
        expect(queue.stranded).toHaveLength(1);
        const x = queue.stranded[0]!;
        expect(x).toMatchObject({ region: 'us-east-1', atMs: 10 * MINUTE, returnedAtMs, lostAtMs });
        expectPoisson(x.messages, stranded);
        expect(queue.strandedMessages).toBe(x.messages);
        expect(queue.deliveredAtHeal).toBe(returnedAtMs === null ? 0 : x.messages);
        expect(queue.lostMessages).toBe(lostAtMs === null ? 0 : x.messages);
        expect(queue.consumers).toEqual(consumers ? ['worker'] : []);
        expect(queue.assumption).toMatch(consumers ? /assumed to take each message as it arrives/ : /an upper bound/);
        // Replication strands nothing of a queue that replicates nothing: the messages are the queue's own count.
        expect(store.strandedWrites).toBe(0);
        expect(queue.redeliveredMessages + queue.moves.length).toBe(0);
    });

    it('messages that wait while every consumer is failed are consumed when one is back, and nothing is stranded', async () => {
        const text = sqs({
            rate,
            consumers: true,
            scenario: 'duration 10m  at 2m fail worker in us-east-1 for 3m  seed 7',
        });
        const { queue } = queueOf(await simulateText(text), 'q');
        expect(queue.stranded).toEqual([]);
        expect(queue.backlog).toHaveLength(1);
        const wait = queue.backlog[0]!;
        expect(wait).toMatchObject({
            region: 'us-east-1',
            sinceMs: 2 * MINUTE,
            untilMs: 5 * MINUTE,
            outcome: 'consumed',
        });
        expectPoisson(wait.messages, perRegion * 180);
    });

    it('each stranded backlog names the outage of its own region, whatever order the faults are declared in', async () => {
        // us-west-2's outage (declared second) is still in effect when us-east-1's begins: it is not that one's cause
        const text = sqs({
            rate,
            consumers: false,
            scenario: 'duration 20m  at 10m outage us-east-1 for 5m  at 8m outage us-west-2 for 10m  seed 9',
        });
        const { queue } = queueOf(await simulateText(text), 'q');
        expect(queue.stranded.map((x) => [x.region, x.atMs, x.fault])).toEqual([
            ['us-west-2', 8 * MINUTE, 1],
            ['us-east-1', 10 * MINUTE, 0],
        ]);
    });

    it('counts stranded messages as stranded writes of the queue in an expectation', async () => {
        const text = sqs({
            rate,
            consumers: false,
            scenario:
                'duration 12m  at 10m outage us-east-1 for 1m  seed 8  expect stranded-writes of q in us-east-1 >= 1',
        });
        const report = await simulateText(text);
        const { queue } = queueOf(report, 'q');
        expect(report.expectations[0]).toMatchObject({ passed: true, measured: queue.strandedMessages });
        expect(report.expectations[0]!.where).toMatch(/messages of q in us-east-1 at 10 m, consumable again at heal/);
    });

    it('for generated rates and outage times, the stranded messages with no consumer are λ_A·T', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.record({
                    rate: fc.integer({ min: 20, max: 400 }),
                    atS: fc.integer({ min: 30, max: 300 }),
                    destroy: fc.boolean(),
                    seed: fc.integer({ min: 0, max: 10_000 }),
                }),
                async ({ rate: r, atS, destroy, seed }) => {
                    const fault = destroy
                        ? `at ${atS}s destroy region us-east-1`
                        : `at ${atS}s outage us-east-1 for 30s`;
                    const text = sqs({ rate: r, consumers: false, scenario: `duration 6m  ${fault}` });
                    const { queue } = queueOf(await simulateText(text, seed), 'q');
                    const x = queue.stranded[0]!;
                    expectPoisson(x.messages, (r / 2) * atS);
                    expect(x.lostAtMs).toBe(destroy ? atS * SECOND : null);
                    expect(x.returnedAtMs).toBe(destroy ? null : (atS + 30) * SECOND);
                },
            ),
            { numRuns: 10, seed: 20_261_206 },
        );
    });
});

describe('a Kafka consumer group that fails over is delivered again what followed the last checkpoint', () => {
    const rate = 500;
    const T = 2 * MINUTE;

    /** The last checkpoint at or before the cut, from the first one the report names (the phase). */
    const lastCheckpoint = (firstAtMs: number, intervalMs: number) =>
        firstAtMs + Math.floor((T - firstAtMs) / intervalMs) * intervalMs;

    it.each([
        {
            name: 'at the 60 s default checkpoint interval, λ·(T − c*) at the move and λ·d after the heal',
            clauses: '',
            intervalMs: KAFKA_MM2.checkpointIntervalMs.value,
            declared: false,
            idempotent: false,
        },
        {
            name: 'at a declared 10 s checkpoint interval, the same closed form over a shorter window',
            clauses: 'checkpoint every 10s',
            intervalMs: 10 * SECOND,
            declared: true,
            idempotent: false,
        },
        {
            name: 'idempotent consumers are delivered the same messages again, and none of them is a duplicate',
            clauses: 'consumers idempotent',
            intervalMs: KAFKA_MM2.checkpointIntervalMs.value,
            declared: false,
            idempotent: true,
        },
    ])('$name', async ({ clauses, intervalMs, declared, idempotent }) => {
        const text = kafka({ rate, clauses, scenario: 'duration 4m  at 2m outage us-east-1 for 1m  seed 12' });
        const { store, queue } = queueOf(await simulateText(text), 't');
        expect(queue.checkpoints).toMatchObject({ intervalMs, declared });
        const first = queue.checkpoints!.firstAtMs;
        expect(first).toBeGreaterThanOrEqual(0);
        expect(first).toBeLessThan(intervalMs);
        expect(queue.moves).toHaveLength(1);
        const move = queue.moves[0]!;
        const cStar = lastCheckpoint(first, intervalMs);
        expect(move).toMatchObject({ service: 'consumer', from: 'us-east-1', to: 'us-west-2' });
        expect(move.checkpointAtMs).toBeCloseTo(cStar, 6);
        expectPoisson(move.atFailover, (rate * (T - cStar)) / SECOND);
        // The lag term is the store's stranded writes, exactly: consumed in the source, mirrored after the heal.
        expectPoisson(move.afterHeal, (rate * LAG_MS) / SECOND);
        expect(move.afterHeal).toBe(store.strandedWrites);
        expect(queue.redeliveredMessages).toBe(move.atFailover + move.afterHeal);
        expect(queue.duplicates).toBe(idempotent ? 0 : queue.redeliveredMessages);
        expect(queue.consumersIdempotent).toBe(idempotent);
    });

    it('over many seeds the phase is uniform: the mean delivered again at the move is λ·C/2, and λ·(C/2 + d) with the lag term', async () => {
        const r = 100;
        const C = KAFKA_MM2.checkpointIntervalMs.value;
        const text = kafka({ rate: r, scenario: 'duration 3m  at 2m outage us-east-1 for 1m' });
        const model = await designOf(text, true);
        const seeds = Array.from({ length: 60 }, (_, i) => 1_000 + i);
        let windows = 0;
        let atMove = 0;
        let total = 0;
        for (const seed of seeds) {
            const { queue } = queueOf(runModel(model, undefined, { seed }), 't');
            const move = queue.moves[0]!;
            windows += T - move.checkpointAtMs!;
            atMove += move.atFailover;
            total += queue.redeliveredMessages;
        }
        const n = seeds.length;
        // T − c* is uniform on [0, C): mean C/2, standard deviation C/√12; 4 standard errors of the mean.
        expect(Math.abs(windows / n - C / 2)).toBeLessThanOrEqual((4 * C) / Math.sqrt(12 * n));
        const perMs = r / SECOND;
        const tolerance = 4 * Math.sqrt((perMs * C) / 2 / n + (perMs * C) ** 2 / 12 / n);
        expect(Math.abs(atMove / n - (perMs * C) / 2)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(total / n - perMs * (C / 2 + LAG_MS))).toBeLessThanOrEqual(tolerance);

        // The estimator the rule and the hover use states the same closed form: λ·C/2 on average, below λ·C, and
        // λ·lag after the heal. Its rule and hover show `produced.messages` = λ·C, an "up to" for the move alone.
        const estimate = consumerRedelivery(model, model.stores.get('t')!);
        expect(estimate.expected).toEqual({ meanAtMove: (perMs * C) / 2, afterHeal: perMs * LAG_MS });
        expect(estimate.produced!.messages).toBe(perMs * C);
        expect(Math.abs(atMove / n - estimate.expected!.meanAtMove)).toBeLessThanOrEqual(tolerance);
    });

    it('destroying the source loses its unmirrored messages: none of them is delivered again after the move', async () => {
        const text = kafka({ rate, scenario: 'duration 4m  at 2m destroy region us-east-1  seed 14' });
        const { store, queue } = queueOf(await simulateText(text), 't');
        const move = queue.moves[0]!;
        const cStar = lastCheckpoint(queue.checkpoints!.firstAtMs, queue.checkpoints!.intervalMs);
        expectPoisson(move.atFailover, (rate * (T - cStar)) / SECOND);
        expect(move.afterHeal).toBe(0);
        expectPoisson(store.lostWrites, (rate * LAG_MS) / SECOND);
    });

    it('a move before the first checkpoint resumes from the start of the scenario: all that was mirrored by then', async () => {
        // Checkpoints every hour: at this seed the first falls after the outage at 2 m.
        const text = kafka({
            rate,
            clauses: 'checkpoint every 1h',
            scenario: 'duration 4m  at 2m outage us-east-1 for 1m  seed 15',
        });
        const { queue } = queueOf(await simulateText(text), 't');
        expect(queue.checkpoints!.firstAtMs).toBeGreaterThan(T);
        const move = queue.moves[0]!;
        expect(move.checkpointAtMs).toBeNull();
        expectPoisson(move.atFailover, (rate * (T - LAG_MS)) / SECOND);
    });

    it('a consumer that never moves is delivered nothing again, though the writes not yet mirrored are stranded', async () => {
        const text = kafka({ rate, scenario: 'duration 4m  at 2m outage us-east-1 for 1m  seed 13' }).replace(
            /failover consumer[\s\S]*?\n\}\n/,
            '',
        );
        const { store, queue } = queueOf(await simulateText(text), 't');
        expect(queue.moves).toEqual([]);
        expect(queue.redeliveredMessages).toBe(0);
        expectPoisson(store.strandedWrites, (rate * LAG_MS) / SECOND);
    });
});

describe('the queue fixtures simulate to the same closed forms', () => {
    const fixture = (file: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'queues', file), 'utf8');

    it.each([
        // Half of 500/s (SQS) and of 1,000/s (Kinesis) is accepted in us-east-1, for the 10 minutes before its outage.
        { file: 'sqs-per-region.mregion', name: 'order-queue', perRegion: 250 },
        { file: 'kinesis-stream.mregion', name: 'clicks', perRegion: 500 },
    ])('$file: no service reads $name, so λ_A × 10 min are stranded and consumable again at 30 m', async (c) => {
        const report = await simulateText(fixture(c.file));
        const { queue } = queueOf(report, c.name);
        expect(queue.stranded.map((x) => [x.region, x.atMs, x.returnedAtMs])).toEqual([
            ['us-east-1', 10 * MINUTE, 30 * MINUTE],
        ]);
        expectPoisson(queue.strandedMessages, c.perRegion * 600);
        expect(report.expectations.every((e) => e.passed)).toBe(true);
    });

    it('kafka-mirrormaker2.mregion: 2,000/s × (10 m − the last checkpoint) at the move, the stranded writes after the heal', async () => {
        const { store, queue } = queueOf(await simulateText(fixture('kafka-mirrormaker2.mregion')), 'order-events');
        const move = queue.moves[0]!;
        expect(move).toMatchObject({ service: 'fulfilment', from: 'us-east-1', to: 'us-west-2' });
        expectPoisson(move.atFailover, 2 * (10 * MINUTE - move.checkpointAtMs!));
        expect(move.afterHeal).toBe(store.strandedWrites);
        expect(queue.duplicates).toBe(move.atFailover + move.afterHeal);
    });
});

describe('a seed sweep keeps the messages stranded and the duplicates of each run', () => {
    it.each([
        {
            name: 'an SQS queue with no consumer: its stranded messages, and no duplicates',
            text: sqs({
                rate: 100,
                consumers: false,
                scenario: 'duration 3m  at 2m outage us-east-1 for 30s  seed 21',
            }),
            store: 'q',
        },
        {
            name: 'a Kafka topic whose consumers move: its duplicates, and no queue backlog',
            text: kafka({ rate: 100, scenario: 'duration 3m  at 2m outage us-east-1 for 1m  seed 22' }),
            store: 't',
        },
        {
            name: 'idempotent Kafka consumers: delivered again, but no duplicates',
            text: kafka({
                rate: 100,
                clauses: 'consumers idempotent',
                scenario: 'duration 3m  at 2m outage us-east-1 for 1m  seed 22',
            }),
            store: 't',
        },
    ])('$name', async ({ text, store }) => {
        const report = await simulateText(text);
        const { queue } = queueOf(report, store);
        const m = runMetrics(report);
        expect(m['stranded-messages']).toBe(queue.strandedMessages);
        expect(m.duplicates).toBe(queue.duplicates);
        expect(queue.strandedMessages + queue.redeliveredMessages).toBeGreaterThan(0);
    });
});

describe('the text and Markdown reports say what a queue stranded and re-delivered, and what kind of number it is', () => {
    it.each([
        {
            name: 'a queue no service reads: messages stranded, an upper bound citing the SQS fact',
            text: sqs({
                rate: 100,
                consumers: false,
                scenario: 'duration 3m  at 2m outage us-east-1 for 30s  seed 31',
            }),
            says: [
                /\bq\b.*: .*[\d,]+ messages stranded \(all delivered at heal\)/,
                /us-east-1 down at 2 m: [\d,]+ messages stranded, accepted since 0 s and not consumed \(an upper bound: no service reads q; docs\/facts\.md#sqs-single-region\) — consumable again at 2 m 30 s/,
            ],
        },
        {
            name: 'a queue whose consumers were up: a lower bound of zero, said plainly',
            text: sqs({ rate: 100, consumers: true, scenario: 'duration 3m  at 2m outage us-east-1 for 30s  seed 32' }),
            says: [/us-east-1 down at 2 m: 0 messages stranded, .*\(a lower bound: its consumers were up/],
        },
        {
            name: 'a Kafka topic whose consumers moved: messages re-delivered (duplicates), simulated, citing MirrorMaker 2',
            text: kafka({ rate: 100, scenario: 'duration 4m  at 2m outage us-east-1 for 1m  seed 33' }),
            says: [
                /\bt\b.*: .*[\d,]+ messages re-delivered \(duplicates\)/,
                /consumers of consumer moved us-east-1 → us-west-2 at .*: [\d,]+ messages re-delivered at the move, and [\d,]+ messages it had consumed in us-east-1 once they were mirrored \(duplicates, simulated; docs\/facts\.md#kafka-mirrormaker2\)/,
                /assumed: no consumption rate or consumer delay is declared/,
            ],
        },
    ])('$name', async ({ text, says }) => {
        const report = await simulateText(text);
        const plain = formatText(report, { color: false });
        const markdown = formatMarkdown(report);
        for (const pattern of says) {
            expect(plain).toMatch(pattern);
            expect(markdown).toMatch(pattern);
        }
    });
});
