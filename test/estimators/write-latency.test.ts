import { describe, expect, it } from 'vitest';
import {
    estimateWriteLatency,
    quorumOf,
    regionLossSurvival,
    votersOf,
} from '../../language/semantics/estimators/index.js';
import { modelOf } from '../helpers/services.js';
import { rttBetween } from '../../language/semantics/latency.js';

async function storeModel(text: string) {
    const { model, problems } = await modelOf(text);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
    return model;
}

const AWS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'ap-northeast-1']
    .map((r) => `region ${r} {}`)
    .join('\n');

describe('write-latency estimator', () => {
    const cases: {
        name: string;
        store: string;
        from: string;
        ms: number | undefined;
        kind: string;
        waitsFor?: string[];
    }[] = [
        {
            name: 'waits for the nearest other voter of a three-region consensus store (quorum 2)',
            store: `store s { engine cockroachdb regions us-east-1, eu-west-1, ap-northeast-1 holds shared rows replication consensus quorum 2 }`,
            from: 'us-east-1',
            ms: 76,
            kind: 'quorum',
            waitsFor: ['eu-west-1'],
        },
        {
            name: 'pays 163 ms from Tokyo to the leader us-east-1, then its 76 ms quorum round trip to eu-west-1',
            store: `store s { engine cockroachdb regions us-east-1, eu-west-1, ap-northeast-1 holds shared rows replication consensus leader us-east-1 }`,
            from: 'ap-northeast-1',
            ms: 163 + 76,
            kind: 'quorum',
            waitsFor: ['eu-west-1'],
        },
        {
            name: 'counts two replicas per region and a witness as five voters (Spanner-style)',
            store: `store s { engine spanner regions us-east-1, us-west-2 replicas 4 witness us-east-2 holds shared rows }`,
            from: 'us-east-1',
            ms: 17,
            kind: 'quorum',
            waitsFor: ['us-east-2'],
        },
        {
            name: 'waits for the nearest other replica region with synchronous replication (DynamoDB MRSC)',
            store: `store s { engine dynamodb regions us-east-1, us-east-2, us-west-2 holds shared rows replication sync consistency strong conflicts reject }`,
            from: 'us-west-2',
            ms: 62,
            kind: 'sync',
            waitsFor: ['us-east-2'],
        },
        {
            name: 'acknowledges locally with asynchronous replication',
            store: `store s { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows }`,
            from: 'eu-west-1',
            ms: 0,
            kind: 'local',
        },
        {
            name: 'adds the round trip to the primary for a write issued elsewhere',
            store: `store s { engine aurora regions us-east-1, us-west-2 holds shared rows writes primary us-east-1 consistency session }`,
            from: 'us-west-2',
            ms: 78,
            kind: 'local',
        },
        {
            name: 'is unknown when a voter has no RTT at all',
            store: `region x { provider on-prem jurisdiction US }\nstore s { engine cockroachdb regions us-east-1, x, us-west-2 holds shared rows }`,
            from: 'x',
            ms: undefined,
            kind: 'quorum',
        },
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const model = await storeModel(`${AWS}\n${c.store}`);
            const e = estimateWriteLatency(model, model.stores.get('s')!, c.from);
            expect(e.kind).toBe(c.kind);
            expect(e.ms).toBe(c.ms);
            if (c.waitsFor) expect(e.waitsFor).toEqual(c.waitsFor);
        });
    }

    it('charges Cosmos DB strong 2 × RTT between the farthest regions + 10 ms (docs/facts.md#cosmos-strong-write-latency)', async () => {
        const model = await storeModel(`
region eastus { provider azure }
region japaneast { provider azure }
link eastus <-> japaneast { rtt 150ms }
store s { engine cosmosdb regions eastus, japaneast holds per-user document writes primary eastus replication sync consistency strong }`);
        const e = estimateWriteLatency(model, model.stores.get('s')!, 'eastus');
        expect(e.kind).toBe('cosmos-strong');
        expect(e.ms).toBe(2 * 150 + 10);
        expect(e.formula).toBe(
            '2 × RTT eastus ↔ japaneast 150 ms + 10 ms for Cosmos DB strong, docs/facts.md#cosmos-strong-write-latency',
        );
    });

    it('reports the unknown pair so a rule can say which link is missing', async () => {
        const model = await storeModel(
            `${AWS}\nregion x { provider on-prem jurisdiction US }\nstore s { engine cockroachdb regions us-east-1, x, us-west-2 holds shared rows }`,
        );
        const e = estimateWriteLatency(model, model.stores.get('s')!, 'us-east-1');
        expect(e.unknownPairs).toContainEqual(['us-east-1', 'x']);
    });
});

describe('leader-aware consensus write latency (docs/facts.md#cockroachdb-multi-region)', () => {
    // A CockroachDB store over us-east-1, eu-west-1 and ap-northeast-1, one voter per region, quorum 2 unless a
    // survival goal places the voters. docs/facts.md#cloudping-rtt-matrix RTTs: us-east-1↔eu-west-1 76, us-east-1↔ap-northeast-1 163,
    // eu-west-1↔ap-northeast-1 220 ms. latency = RTT(client → leader) + RTT(leader → the voter closing its quorum).
    const THREE = 'us-east-1, eu-west-1, ap-northeast-1';
    const storeWith = (clauses: string) =>
        `store s { engine cockroachdb regions ${THREE} holds shared rows ${clauses} }`;
    const cases: readonly { name: string; clauses: string; from: string; ms: number }[] = [
        // The acceptance case: Tokyo pays its trip to the US leader and the leader's quorum round trip.
        {
            name: 'leader us-east-1, from Tokyo: 163 to the leader + 76 quorum',
            clauses: 'leader us-east-1',
            from: 'ap-northeast-1',
            ms: 163 + 76,
        },
        {
            name: 'leader us-east-1, from Dublin: 76 to the leader + 76 quorum',
            clauses: 'leader us-east-1',
            from: 'eu-west-1',
            ms: 76 + 76,
        },
        {
            name: 'leader us-east-1, from the leader: its quorum only',
            clauses: 'leader us-east-1',
            from: 'us-east-1',
            ms: 76,
        },
        {
            name: 'leader ap-northeast-1, from Tokyo: its quorum to us-east-1 only',
            clauses: 'leader ap-northeast-1',
            from: 'ap-northeast-1',
            ms: 163,
        },
        {
            name: 'leader ap-northeast-1, from Dublin: 220 to the leader + 163 quorum',
            clauses: 'leader ap-northeast-1',
            from: 'eu-west-1',
            ms: 220 + 163,
        },
        // REGION survival: voters us-east-1 ×2, eu-west-1 ×2, ap-northeast-1; quorum 3 closes at the first remote voter.
        {
            name: 'survive region, leader us-east-1, from Tokyo: 163 + 76 (third vote in eu-west-1)',
            clauses: 'leader us-east-1 survive region',
            from: 'ap-northeast-1',
            ms: 163 + 76,
        },
        // ZONE survival: all 3 voters in the leader's region, so the quorum is local.
        {
            name: 'survive zone, leader us-east-1, from Tokyo: only the 163 ms trip to the leader',
            clauses: 'leader us-east-1 survive zone',
            from: 'ap-northeast-1',
            ms: 163,
        },
        // GLOBAL: writes wait out the 250 ms max clock offset after the quorum.
        {
            name: 'GLOBAL, leader us-east-1, from the leader: 76 quorum + 250 commit wait',
            clauses: 'leader us-east-1 locality global',
            from: 'us-east-1',
            ms: 76 + 250,
        },
        // REGIONAL BY ROW: a row written in Tokyo lives there; its quorum closes in us-east-1.
        {
            name: 'regional-by-row, from Tokyo: the row is homed in Tokyo, 163 quorum',
            clauses: 'leader us-east-1 locality regional-by-row',
            from: 'ap-northeast-1',
            ms: 163,
        },
        {
            name: 'regional-by-row with zone survival, from Tokyo: a local quorum',
            clauses: 'leader us-east-1 locality regional-by-row survive zone',
            from: 'ap-northeast-1',
            ms: 0,
        },
    ];
    for (const c of cases) {
        it(c.name, async () => {
            const model = await storeModel(`${AWS}\n${storeWith(c.clauses)}`);
            expect(estimateWriteLatency(model, model.stores.get('s')!, c.from).ms).toBe(c.ms);
        });
    }

    it('moving the leader to Tokyo is faster for Tokyo and slower for Dublin', async () => {
        const at = async (leader: string, from: string) => {
            const model = await storeModel(`${AWS}\n${storeWith(`leader ${leader}`)}`);
            return estimateWriteLatency(model, model.stores.get('s')!, from).ms!;
        };
        expect(await at('ap-northeast-1', 'ap-northeast-1')).toBeLessThan(await at('us-east-1', 'ap-northeast-1'));
        expect(await at('ap-northeast-1', 'eu-west-1')).toBeGreaterThan(await at('us-east-1', 'eu-west-1'));
    });

    it('names the trip to the leader, the quorum and the commit wait in its formula', async () => {
        const model = await storeModel(`${AWS}\n${storeWith('leader us-east-1 locality global')}`);
        expect(estimateWriteLatency(model, model.stores.get('s')!, 'ap-northeast-1').formula).toBe(
            'RTT ap-northeast-1 → us-east-1 163 ms + quorum 2 of 3: RTT us-east-1 → eu-west-1 76 ms + 250 ms commit wait of a GLOBAL table (max clock offset, docs/facts.md#cockroachdb-multi-region)',
        );
    });
});

describe('voters and quorum survival', () => {
    it('lists replicas round-robin over the regions, then the witness', async () => {
        const model = await storeModel(
            `${AWS}\nstore s { engine spanner regions us-east-1, us-west-2 replicas 4 witness us-east-2 holds shared rows }`,
        );
        const store = model.stores.get('s')!;
        expect(votersOf(store).map((v) => `${v.region}${v.witness ? '*' : ''}`)).toEqual([
            'us-east-1',
            'us-west-2',
            'us-east-1',
            'us-west-2',
            'us-east-2*',
        ]);
        expect(quorumOf(store)).toBe(3);
        expect(regionLossSurvival(store).every((s) => s.survives)).toBe(true);
    });

    it('finds that two regions cannot keep a majority of two voters', async () => {
        const model = await storeModel(
            `${AWS}\nstore s { engine cockroachdb regions us-east-1, us-west-2 holds shared rows }`,
        );
        expect(regionLossSurvival(model.stores.get('s')!)).toEqual([
            { region: 'us-east-1', votersLeft: 1, voters: 2, quorum: 2, survives: false },
            { region: 'us-west-2', votersLeft: 1, voters: 2, quorum: 2, survives: false },
        ]);
    });
});

describe('Cassandra: the consistency level sets replication and write latency', () => {
    // RTTs from the measured table (docs/facts.md#cloudping-rtt-matrix), read back through rttBetween so the oracle
    // is the level's rule, not the estimator's code: LOCAL_QUORUM acknowledges locally; EACH_QUORUM waits for the
    // farthest datacenter; QUORUM and SERIAL wait for a majority of all replicas across datacenters.
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1'];
    const text = (level: string) =>
        `topology C\n${regions.map((r) => `region ${r} {}`).join('\n')}\n` +
        `store c { engine cassandra regions ${regions.join(', ')} holds per-user rows ${level} replication-placeholder consistency eventual }\n`;
    const build = async (level: string, replication = '') =>
        modelOf(text(level).replace('replication-placeholder', replication));

    it.each([
        { level: '', mode: 'async', name: 'LOCAL_QUORUM by default: async to the other datacenters' },
        { level: 'consistency-level local-quorum', mode: 'async', name: 'LOCAL_QUORUM: async' },
        {
            level: 'consistency-level local-serial',
            mode: 'async',
            name: 'LOCAL_SERIAL: Paxos in one datacenter, async elsewhere',
        },
        { level: 'consistency-level each-quorum', mode: 'sync', name: 'EACH_QUORUM: sync to every datacenter' },
        { level: 'consistency-level quorum', mode: 'consensus', name: 'QUORUM: a majority across datacenters' },
        { level: 'consistency-level serial', mode: 'consensus', name: 'SERIAL: Paxos across datacenters' },
    ])('$name', async ({ level, mode }) => {
        const { model } = await build(level, mode === 'async' ? 'replication async lag 1s' : '');
        expect(model.stores.get('c')!.replication.mode).toBe(mode);
    });

    it('waits for the farthest datacenter at EACH_QUORUM', async () => {
        const { model } = await build('consistency-level each-quorum');
        const farthest = Math.max(...['us-west-2', 'eu-west-1'].map((r) => rttBetween(model, 'us-east-1', r).ms!));
        const e = estimateWriteLatency(model, model.stores.get('c')!, 'us-east-1');
        expect(e.ms).toBe(farthest);
        expect(e.formula).toContain('EACH_QUORUM waits for a quorum in every datacenter');
    });

    it('waits for the nearest other datacenter at QUORUM (2 of 3)', async () => {
        const { model } = await build('consistency-level quorum');
        const nearest = Math.min(...['us-west-2', 'eu-west-1'].map((r) => rttBetween(model, 'us-east-1', r).ms!));
        expect(estimateWriteLatency(model, model.stores.get('c')!, 'us-east-1').ms).toBe(nearest);
    });

    it.each([
        {
            name: 'a level that contradicts the declared replication',
            text: (t: string) =>
                t
                    .replace('replication-placeholder', 'replication async lag 1s')
                    .replace('holds per-user rows ', 'holds per-user rows consistency-level each-quorum '),
            says: 'consistency-level each-quorum makes replication sync',
        },
        {
            name: 'a consistency level on another engine',
            text: (t: string) =>
                t
                    .replace('replication-placeholder', '')
                    .replace('engine cassandra', 'engine cockroachdb')
                    .replace('holds per-user rows ', 'holds per-user rows consistency-level quorum '),
            says: "'consistency-level' is Cassandra's per-request level",
        },
    ])('reports $name', async ({ text: edit, says }) => {
        const { problems } = await modelOf(edit(text('')));
        expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([
            expect.stringContaining(says),
        ]);
    });
});
