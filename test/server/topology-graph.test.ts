import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTopologyGraph, nodeId } from '../../server/topology-graph.js';
import { modelOf } from '../helpers/services.js';

async function graphOf(text: string) {
    const { model, diagnostics } = await modelOf(text);
    return buildTopologyGraph(model, diagnostics);
}

const twoRegions = `
region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
`;

describe('topology graph', () => {
    it.each([
        {
            name: 'draws a star from the primary for a single-writer async store',
            store: 'store db { engine aurora regions us-east-1, us-west-2 writes primary us-east-1 replication async lag 1s consistency eventual conflicts single-owner holds shared rows }',
            expected: [
                {
                    source: nodeId('store', 'db', 'us-east-1'),
                    target: nodeId('store', 'db', 'us-west-2'),
                    bidirectional: false,
                },
            ],
        },
        {
            name: 'draws one two-way edge per pair for a store written in every region',
            store: 'store carts { engine dynamodb regions us-east-1, us-west-2 writes any-region replication async lag 1s consistency eventual conflicts lww holds per-user rows }',
            expected: [
                {
                    source: nodeId('store', 'carts', 'us-east-1'),
                    target: nodeId('store', 'carts', 'us-west-2'),
                    bidirectional: true,
                },
            ],
        },
    ])('$name', async ({ store, expected }) => {
        const graph = await graphOf(twoRegions + store);
        const replication = graph.edges.filter((e) => e.kind === 'replication');
        expect(replication.map(({ source, target, bidirectional }) => ({ source, target, bidirectional }))).toEqual(
            expected,
        );
        expect(graph.nodes.map((n) => n.region).sort()).toEqual(['us-east-1', 'us-west-2']);
    });

    it('puts every per-cell deployment of the fintech example in its cell regions with failover edges', async () => {
        const graph = await graphOf(readFileSync('examples/fintech.mregion', 'utf8'));
        expect(graph.name).toBe('Fintech');
        expect(graph.regions.map((r) => r.name)).toHaveLength(6);
        expect(graph.cells.map((c) => [c.name, c.regions.length])).toEqual([
            ['eu', 3],
            ['us', 3],
        ]);
        const ledgerEu = graph.nodes
            .filter((n) => n.instance === 'ledger@eu')
            .map((n) => n.region)
            .sort();
        expect(ledgerEu).toEqual(['eu-central-1', 'eu-west-1', 'eu-west-3']);
        const failovers = graph.edges.filter((e) => e.kind === 'failover');
        expect(failovers.length).toBe(2);
        for (const f of failovers) {
            expect(graph.nodes.some((n) => n.id === f.source)).toBe(true);
            expect(graph.nodes.some((n) => n.id === f.target)).toBe(true);
            expect(f.label).toMatch(/detect 30 ?s/);
        }
        // Every edge connects two drawn nodes, or the view could not lay it out.
        const ids = new Set(graph.nodes.map((n) => n.id));
        for (const e of graph.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
    });

    it('colors a declaration with the worst diagnostic written inside it', async () => {
        const graph = await graphOf(`${twoRegions}
store db { engine aurora regions us-east-1, us-west-2 writes primary us-east-1 replication async lag 3parsecs }`);
        const db = graph.nodes.find((n) => n.instance === 'db');
        expect(db?.severity).toBe('error');
        expect(db?.messages.join('\n')).toMatch(/parsec|unit/i);
        expect(graph.counts.error).toBeGreaterThan(0);
        expect(graph.regions.every((r) => r.severity === undefined)).toBe(true);
    });
});
