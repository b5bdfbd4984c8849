// Which stores refuse a write because another region's write to the same key is still in flight: only synchronous
// ones with `conflicts reject`. An asynchronous multi-writer store accepts every write and settles the conflicts
// afterwards by its strategy (last-writer-wins discards one of two concurrent writes), whatever shape it holds.
import { describe, expect, it } from 'vitest';
import { dynamoStore, run, TWO_US_REGIONS } from './helpers.js';

const SYNC_REJECT = `store db {
    engine      custom
    regions     us-east-1, us-west-2
    holds       shared counter
    writes      any-region
    replication sync
    consistency strong
    conflicts   reject
}`;

/** Half the writes go to 1,000 shared keys from both regions: concurrent writes to one key are frequent. */
const design = (store: string) => `${TWO_US_REGIONS}
${store}
workload w for db { writes 2000/s from us-east-1 50%, us-west-2 50%  keys 1000 shared 50% }
scenario s { workload w  duration 2m  seed 3 }
`;

describe('refusing a write for a conflicting write in flight', () => {
    it.each([
        {
            store: 'an async last-writer-wins store of rows',
            text: dynamoStore('db', { holds: 'shared rows' }),
            refuses: false,
        },
        { store: 'an async last-writer-wins counter', text: dynamoStore('db'), refuses: false },
        { store: 'a sync store with conflicts reject', text: SYNC_REJECT, refuses: true },
    ])('$store refuses some: $refuses', async ({ text, refuses }) => {
        const s = (await run(design(text))).stores[0]!;
        expect(s.writes.conflictRejected > 0).toBe(refuses);
        // The asynchronous stores met the same conflicts and settled them: one of two concurrent writes discarded.
        if (!refuses) expect(s.discardedWrites).toBeGreaterThan(0);
    });
});
