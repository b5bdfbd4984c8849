// The model's lookups the rules ask for every service or store (language/semantics/model-index.ts): each answer
// checked against the design it comes from, written to make order and duplicates matter — a store written twice
// by one service, a service that reads and writes the same store, a dependency cycle back to the asker, a scenario
// that corrupts one store twice, services whose role order differs from the design's order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model, ServiceM } from '../../language/semantics/model.js';
import {
    dependenciesOf,
    dependentsOf,
    failoversOf,
    scenariosCorrupting,
    servicesOn,
    workloadsAimedAt,
    workloadsAimedAtStore,
    writersOf,
} from '../../language/semantics/model-index.js';
import { modelOf } from '../helpers/services.js';

const DESIGN = `topology Index
region a { provider on-prem jurisdiction US }
region b { provider on-prem jurisdiction US }
link a <-> b { rtt 10ms }
store db { engine postgres regions a, b holds shared rows writes primary a replication async lag 1s consistency session }
store cache { engine redis regions a, b holds per-user document writes any-region replication none consistency eventual conflicts lww }
service early { regions a, b posture active-passive reads db }
service api { regions a, b posture active-passive uses db reads cache depends-on auth, auth }
service auth { regions a, b posture active-passive depends-on token }
service token { regions a, b posture active-passive depends-on auth, api }
service web { regions a, b posture active-passive uses db, db reads db depends-on api }
failover api from a to b { route dns ttl 60s drill every 30d }
failover db { action promote db takes 1m drill every 30d }
failover api from b to a { route dns ttl 60s drill every 30d }
workload w1 for api { writes 10/s from a 100% }
workload w2 for db { writes 20/s from a 100% }
workload w3 for api { writes 30/s from b 100% }
scenario s1 { workload w1 duration 1h at 10m corrupt db at 20m corrupt db }
scenario s2 { workload w2 duration 1h at 10m outage a for 1m }
scenario s3 { workload w3 duration 1h at 10m corrupt db }
`;

let model: Model;
const service = (name: string): ServiceM => {
    const found = model.services.get(name);
    if (found === undefined) throw new Error(`no service ${name}`);
    return found;
};
const names = (items: readonly { readonly name: string }[]) => items.map((i) => i.name);

beforeAll(async () => {
    model = (await modelOf(DESIGN)).model;
});

describe('the model index', () => {
    it('finds a service’s failovers in the design’s order, and a store’s apart from them', () => {
        expect(failoversOf(model, 'service', 'api').map((f) => f.from)).toEqual(['a', 'b']);
        expect(failoversOf(model, 'store', 'db').map((f) => f.target.id)).toEqual(['db']);
        expect(failoversOf(model, 'service', 'db')).toEqual([]);
        expect(failoversOf(model, 'store', 'api')).toEqual([]);
    });

    it('finds the workloads aimed at a service and at a store, each apart', () => {
        expect(names(workloadsAimedAt(model, 'api'))).toEqual(['w1', 'w3']);
        expect(names(workloadsAimedAtStore(model, 'db'))).toEqual(['w2']);
        expect(workloadsAimedAt(model, 'db')).toEqual([]);
        expect(workloadsAimedAtStore(model, 'api')).toEqual([]);
    });

    it('walks dependencies nearest first, each once, never back to the service itself', () => {
        // api → auth (named twice) → token → auth, api: auth, then token; the cycle back to api is not a dependency.
        expect(names(dependenciesOf(model, service('api')))).toEqual(['auth', 'token']);
        expect(names(dependenciesOf(model, service('web')))).toEqual(['api', 'auth', 'token']);
        expect(names(dependenciesOf(model, service('early')))).toEqual([]);
    });

    it('lists the services that depend on one, each once, in the design’s order', () => {
        expect(names(dependentsOf(model, 'auth'))).toEqual(['api', 'token']);
        expect(names(dependentsOf(model, 'api'))).toEqual(['token', 'web']);
        expect(dependentsOf(model, 'early')).toEqual([]);
    });

    it('lists a store’s writers once each, though one names it twice', () => {
        expect(names(writersOf(model, 'db'))).toEqual(['api', 'web']);
        expect(writersOf(model, 'cache')).toEqual([]);
    });

    it('lists the services on a store or service once each, in the design’s order', () => {
        // Writers api and web come before reader early in the lookup; the design declares early first.
        expect(names(servicesOn(model, 'db'))).toEqual(['early', 'api', 'web']);
        expect(names(servicesOn(model, 'cache'))).toEqual(['api']);
        expect(names(servicesOn(model, 'api'))).toEqual(['token', 'web']);
        expect(servicesOn(model, 'api', { dependsOn: false })).toEqual([]);
        expect(servicesOn(model, 'nothing')).toEqual([]);
    });

    it('finds the scenarios that corrupt a store once each, in the design’s order', () => {
        expect(names(scenariosCorrupting(model, 'db'))).toEqual(['s1', 's3']);
        expect(scenariosCorrupting(model, 'cache')).toEqual([]);
    });
});
