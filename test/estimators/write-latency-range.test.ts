// Write latency as a range, and what leader placement does to it. RTTs are the measured means of
// docs/facts.md#cloudping-rtt-matrix: us-east-1↔eu-west-1 76, us-east-1↔ap-northeast-1 163, eu-west-1↔ap-northeast-1 220 ms.
import { describe, expect, it } from 'vitest';
import {
    estimateWriteLatency,
    latencyKindOf,
    writeLatencyAfterLeaderLoss,
} from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';

const REGIONS = `topology T
region us-east-1 { provider aws }
region eu-west-1 { provider aws }
region ap-northeast-1 { provider aws }
`;
const TICKETS = `store tickets { engine cockroachdb  regions us-east-1, eu-west-1, ap-northeast-1  holds shared rows  leader us-east-1  survive region  consistency strong }`;

async function storeOf(store: string) {
    const { model } = await modelOf(`${REGIONS}${store}`);
    return { model, store: [...model.stores.values()][0]! };
}

describe('the write-latency range', () => {
    it.each([
        // 163 ms to the leader + its quorum (3 of 5: us-east-1 ×2, eu-west-1 ×2, ap-northeast-1) closing at eu-west-1, 76 ms.
        {
            name: 'is typical over mean RTTs, with no worst end (the links’ p99 is not sourced)',
            store: TICKETS,
            from: 'ap-northeast-1',
            best: 239,
            typical: 239,
            worst: undefined,
            kind: 'typical',
        },
        {
            name: 'is one figure, 0, for a write acknowledged where it is written',
            store: 'store s { engine dynamodb  regions us-east-1, eu-west-1  holds per-user rows }',
            from: 'eu-west-1',
            best: 0,
            typical: 0,
            worst: 0,
            kind: 'none',
        },
    ])('$name', async (c) => {
        const { model, store } = await storeOf(c.store);
        const e = estimateWriteLatency(model, store, c.from);
        expect([e.range?.bestMs, e.range?.typicalMs, e.range?.worstMs]).toEqual([c.best, c.typical, c.worst]);
        expect(latencyKindOf(e)).toBe(c.kind);
    });

    it('closes the worst end at Cosmos DB strong’s documented p99 bound', async () => {
        const { model, store } = await storeOf(
            'store p { engine cosmosdb  regions us-east-1, eu-west-1  holds shared rows  writes primary us-east-1  replication sync  consistency strong }',
        );
        const e = estimateWriteLatency(model, store, 'us-east-1');
        // 2 × 76 ms + 10 ms (docs/facts.md#cosmos-strong-write-latency).
        expect([e.range?.bestMs, e.range?.typicalMs, e.range?.worstMs]).toEqual([162, 162, 162]);
        expect(latencyKindOf(e)).toBe('p99 bound');
    });
});

describe('leader placement when the leader’s region fails', () => {
    // us-east-1 is lost: eu-west-1 keeps 2 voters, ap-northeast-1 1; the quorum of 3 needs all of them. eu-west-1, with
    // most voters, is elected; its quorum closes at ap-northeast-1 (220 ms).
    it.each([
        { from: 'ap-northeast-1', leader: 'eu-west-1', ms: 220 + 220 },
        { from: 'eu-west-1', leader: 'eu-west-1', ms: 220 },
    ])('a write from $from then waits $ms ms', async ({ from, leader, ms }) => {
        const { model, store } = await storeOf(TICKETS);
        expect(writeLatencyAfterLeaderLoss(model, store, from)).toMatchObject({ failed: 'us-east-1', leader, ms });
    });

    it('says nothing for a write from the lost region, or for a store without a leader', async () => {
        const { model, store } = await storeOf(TICKETS);
        expect(writeLatencyAfterLeaderLoss(model, store, 'us-east-1')).toBeUndefined();
        const dynamo = await storeOf('store s { engine dynamodb  regions us-east-1, eu-west-1  holds per-user rows }');
        expect(writeLatencyAfterLeaderLoss(dynamo.model, dynamo.store, 'eu-west-1')).toBeUndefined();
    });

    it('says writes stop when the survivors cannot reach a quorum', async () => {
        const { model, store } = await storeOf(TICKETS.replace('survive region', 'survive zone'));
        // ZONE survival keeps all 3 voters in us-east-1: none survive its loss.
        const after = writeLatencyAfterLeaderLoss(model, store, 'eu-west-1');
        expect(after).toEqual({ failed: 'us-east-1', formula: 'no surviving region reaches a quorum of 2' });
    });
});
