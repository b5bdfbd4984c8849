// unknown-latency reports each region pair once, at the first place that needs it (a store's regions, its witness,
// a failover's from/to), however the pairs are remembered.
import { describe, expect, it } from 'vitest';
import { modelOf } from '../helpers/services.js';

const REGIONS = `topology Pairs "pairs"
region a { provider on-prem  jurisdiction US }
region b { provider on-prem  jurisdiction US }
region c { provider on-prem  jurisdiction US }
region d { provider on-prem  jurisdiction US }
`;

const store = (name: string, regions: string, extra = '') =>
    `store ${name} {\n    engine  cockroachdb\n    regions ${regions}\n    holds   shared rows${extra}\n}\n`;

/** The pairs each unknown-latency diagnostic names, by the line it is on. */
async function pairsByLine(text: string): Promise<string[]> {
    const { diagnostics } = await modelOf(REGIONS + text);
    return diagnostics
        .filter((d) => d.code === 'unknown-latency')
        .map((d) => {
            const message = typeof d.message === 'string' ? d.message : d.message.value;
            return `${d.range.start.line + 1}: ${[...message.matchAll(/(\w) ↔ (\w)/g)].map((m) => `${m[1]}${m[2]}`).join(' ')}`;
        });
}

describe('unknown-latency names each pair once', () => {
    it.each([
        {
            name: 'a second store over the same regions repeats nothing',
            text: store('s1', 'a, b, c') + store('s2', 'c, b, a'),
            pairs: ['8: ab ac bc'],
        },
        {
            name: 'a second store over more regions names only the new pairs',
            text: store('s1', 'a, b') + store('s2', 'a, b, c'),
            pairs: ['8: ab', '13: ac bc'],
        },
        {
            name: "a witness names its pairs with the store's regions at the witness clause",
            text: store('s1', 'a, b', '\n    witness c'),
            pairs: ['8: ab', '10: ac bc'],
        },
        {
            name: 'a witness among the regions adds no pair',
            text: store('s1', 'a, b', '\n    witness b'),
            pairs: ['8: ab'],
        },
        {
            name: 'a witness pair named by an earlier store is not repeated',
            text: store('s1', 'a, b, c') + store('s2', 'a, d', '\n    witness c'),
            pairs: ['8: ab ac bc', '13: ad', '15: dc'],
        },
        {
            name: 'a failover between regions of a store repeats nothing',
            text: `${store('s1', 'a, b')}failover s1 from a to b {\n    action promote s1\n}\n`,
            pairs: ['8: ab'],
        },
        {
            name: 'a failover to a new region names its pair',
            text: `${store('s1', 'a, b')}failover s1 from a to d {\n    action promote s1\n}\n`,
            pairs: ['8: ab', '11: ad'],
        },
    ])('$name', async ({ text, pairs }) => {
        expect(await pairsByLine(text)).toEqual(pairs);
    });
});
