// Which writes reach which store instance, from where, accepted where: the common start of the egress and
// last-writer-wins estimates. Shares worked by hand from the workload's origins and the cells' regions.
import { describe, expect, it } from 'vitest';
import {
    replicationWindowMs,
    storesWrittenBy,
    workloadsWriting,
    writeFlows,
    writesByWriter,
} from '../../language/semantics/estimators/write-flows.js';
import { modelOf } from '../helpers/services.js';

// Two cells share us-east-2; ap-southeast-2 holds no instance; t is written by another workload only.
const DESIGN = `topology T
region us-east-1 {}
region us-east-2 {}
region eu-west-1 {}
region ap-southeast-2 {}
cell c1 { regions us-east-1, us-east-2 }
cell c2 { regions us-east-2, eu-west-1 }
store s per cell { engine dynamodb holds per-user rows }
store t { engine dynamodb regions us-east-1, eu-west-1 holds per-user rows }
service api per cell { posture active-active uses s }
workload w for api { writes 1000/s from us-east-1 20%, us-east-2 30%, eu-west-1 10%, ap-southeast-2 40%  item-size 1KB }
workload v for t { writes 10/s from us-east-1 100%  item-size 1KB }
`;

describe('write flows', () => {
    it('finds the store instances a workload writes: every instance its service uses, or its own store', async () => {
        const { model } = await modelOf(DESIGN);
        expect(storesWrittenBy(model, model.workloads.get('w')!)).toEqual(['s@c1', 's@c2']);
        expect(storesWrittenBy(model, model.workloads.get('v')!)).toEqual(['t']);
        expect(workloadsWriting(model, model.stores.get('t')!).map((w) => w.name)).toEqual(['v']);
        expect(workloadsWriting(model, model.stores.get('s@c1')!).map((w) => w.name)).toEqual(['w']);
    });

    it.each([
        {
            // us-east-1 200/s: only c1 serves it. us-east-2 300/s: both cells, 150 each. ap-southeast-2 400/s: no
            // cell, so each instance takes half, accepted at its nearest replica (us-east-2).
            instance: 's@c1',
            flows: [
                ['us-east-1', 'us-east-1', 200],
                ['us-east-2', 'us-east-2', 150],
                ['ap-southeast-2', 'us-east-2', 200],
            ],
            byWriter: [
                ['us-east-1', 200],
                ['us-east-2', 350],
            ],
        },
        {
            // eu-west-1 100/s: only c2; nothing from us-east-1, which c1 serves alone.
            instance: 's@c2',
            flows: [
                ['us-east-2', 'us-east-2', 150],
                ['eu-west-1', 'eu-west-1', 100],
                ['ap-southeast-2', 'us-east-2', 200],
            ],
            byWriter: [
                ['us-east-2', 350],
                ['eu-west-1', 100],
            ],
        },
        { instance: 't', flows: [], byWriter: [] },
    ])(
        'splits the workload’s writes to $instance by the cells that serve each origin',
        async ({ instance, flows, byWriter }) => {
            const { model } = await modelOf(DESIGN);
            const found = writeFlows(model, model.stores.get(instance)!, model.workloads.get('w')!);
            expect(found.map((f) => [f.origin, f.writer, f.writesPerS])).toEqual(flows);
            expect(found.every((f) => f.workload === 'w')).toBe(true);
            expect([...writesByWriter(found)]).toEqual(byWriter);
        },
    );
});

describe('write flows at the edges', () => {
    it('finds no store for a workload whose target does not resolve', async () => {
        const { model } = await modelOf(
            'topology T\nregion us-east-1 {}\nworkload w for nope { writes 10/s from us-east-1 100% }\n',
        );
        const w = model.workloads.get('w')!;
        expect(w.target).toBeUndefined();
        expect(storesWrittenBy(model, w)).toEqual([]);
    });

    it('has no replication window between regions whose RTT is unknown, and floors a short lag at RTT/2', async () => {
        // us-east-1 ↔ eu-west-1 is 76 ms in the measured matrix (docs/facts.md#cloudping-rtt-matrix): RTT/2 = 38 ms.
        const { model } = await modelOf(`topology T
region us-east-1 {}
region eu-west-1 {}
region x { provider on-prem jurisdiction US }
store s { engine postgres regions us-east-1, eu-west-1, x holds shared rows writes primary us-east-1 replication async lag 10ms consistency session }
`);
        const s = model.stores.get('s')!;
        expect(replicationWindowMs(model, s, 'us-east-1', 'x')).toBeUndefined();
        expect(replicationWindowMs(model, s, 'us-east-1', 'eu-west-1')).toBe(38);
    });
});
