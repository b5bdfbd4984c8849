import fc from 'fast-check';
import { expect, it } from 'vitest';

it('draws the same property-test cases on every run (a fixed fast-check seed, test/helpers/fast-check-seed.ts)', () => {
    expect(fc.readConfigureGlobal().seed).toBe(Number(process.env.MREGION_FC_SEED ?? 20261206));
});
