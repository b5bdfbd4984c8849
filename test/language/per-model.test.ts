// `perModel` keeps one value per model: the lookups and estimators that use it build their index once per model
// and a new one for each new model (an edit builds a new model), and `peek` tells whether one was built.
import { describe, expect, it } from 'vitest';
import type { Model } from '../../language/semantics/model.js';
import { perModel } from '../../language/semantics/per-model.js';

const model = (name: string) => ({ uri: `file:///${name}.mregion` }) as unknown as Model;

describe('a value kept per model', () => {
    it('is built on the first call for a model, and the same object is returned after', () => {
        const builds: Model[] = [];
        const lookup = perModel((m) => {
            builds.push(m);
            return { of: m.uri };
        });
        const a = model('a');
        expect(lookup.peek(a)).toBeUndefined();
        const first = lookup(a);
        expect(lookup(a)).toBe(first);
        expect(lookup.peek(a)).toBe(first);
        expect(builds).toEqual([a]);
    });

    it('is built again for another model, even one equal to the first', () => {
        const lookup = perModel((m) => ({ of: m.uri }));
        const [a, again] = [model('a'), model('a')];
        expect(lookup(again)).not.toBe(lookup(a));
        expect(lookup(again)).toEqual(lookup(a));
    });

    it.each([
        ['zero', 0],
        ['an empty string', ''],
        ['false', false],
        ['null', null],
    ])('is kept when it is %s (only undefined means "not built")', (_name, value) => {
        let builds = 0;
        const lookup = perModel(() => {
            builds++;
            return value;
        });
        const a = model('a');
        lookup(a);
        lookup(a);
        expect(builds).toBe(1);
        expect(lookup.peek(a)).toBe(value);
    });
});
