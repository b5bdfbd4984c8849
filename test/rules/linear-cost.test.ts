// The design rules cost one pass over the declarations, not one per pair: a rule that asks, for every store,
// which services use it or which scenarios corrupt it goes through an index built once per model
// (language/semantics/model-index.ts). Counted, not timed: every service, store and scenario the rules take out
// of the model's tables, for a design of n of each and of 2n — linear gives twice as many, pairwise four times.
import { describe, expect, it } from 'vitest';
import { allRules } from '../../language/validation/rules/registry.js';
import type { Model } from '../../language/semantics/model.js';
import { modelOf } from '../helpers/services.js';

/** n stores, each written by a service with RPO and RTO objectives, corrupted by a scenario of its own; with
 *  `oneRegion` the stores live in us-east-1 only (single-region-spof then names the services on each). */
function design(n: number, oneRegion: boolean): string {
    let text =
        'topology T\nregion us-east-1 { provider aws  jurisdiction US }\nregion us-west-2 { provider aws  jurisdiction US }\n';
    for (let i = 0; i < n; i++)
        text +=
            `store s${i} { engine postgres regions ${oneRegion ? 'us-east-1' : 'us-east-1, us-west-2 writes primary us-east-1 replication async lag 1s'} residency US }\n` +
            `service v${i} { regions us-east-1, us-west-2 uses s${i} objective rpo 1m rto 5m }\n` +
            `scenario c${i} { duration 1m  at 10s corrupt s${i} }\n`;
    return text;
}

/** A map that counts the entries taken out of it by iteration. */
function counting<K, V>(map: ReadonlyMap<K, V>, tally: { n: number }): ReadonlyMap<K, V> {
    const counted = function* <T>(items: Iterable<T>) {
        for (const item of items) {
            tally.n++;
            yield item;
        }
    };
    return new Proxy(map, {
        get(target, key) {
            if (key === 'values') return () => counted(target.values());
            if (key === 'entries' || key === Symbol.iterator) return () => counted(target.entries());
            if (key === 'keys') return () => counted(target.keys());
            if (key === 'forEach')
                return (f: (v: V, k: K, m: ReadonlyMap<K, V>) => void) => {
                    for (const [k, v] of counted(target.entries())) f(v, k, target);
                };
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
    });
}

async function entriesTaken(n: number, oneRegion: boolean): Promise<number> {
    const { model } = (await modelOf(design(n, oneRegion))) as { model: Model };
    const tally = { n: 0 };
    const watched: Model = {
        ...model,
        services: counting(model.services, tally),
        stores: counting(model.stores, tally),
        scenarios: counting(model.scenarios, tally),
    };
    for (const rule of allRules()) rule.check({ model: watched, judge: 'typical', report: () => undefined });
    return tally.n;
}

describe('the design rules read each declaration a bounded number of times', () => {
    it.each([
        { name: 'stores in two regions', oneRegion: false },
        { name: 'stores in one region', oneRegion: true },
    ])('takes twice the entries for twice the stores, services and scenarios: $name', async ({ oneRegion }) => {
        const small = await entriesTaken(40, oneRegion);
        const large = await entriesTaken(80, oneRegion);
        expect(large / small).toBeLessThan(2.2);
    });
});
