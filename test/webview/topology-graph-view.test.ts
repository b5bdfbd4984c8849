import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTopologyGraph } from '../../server/topology-graph.js';
import { attentionBox, labelOn, layoutGraph, nodeLabel, regionTitle } from '../../webview/topology/layout.js';
import { problemRows } from '../../webview/topology/problems.js';
import { roleOf } from '../../webview/topology/roles.js';
import { modelOf } from '../helpers/services.js';

async function graphOf(text: string) {
    const { model, diagnostics } = await modelOf(text);
    return buildTopologyGraph(model, diagnostics);
}

const fintech = readFileSync('examples/fintech.mregion', 'utf8');

/** Distance from p to the polyline through `points`. */
function distanceToPolyline(p: { x: number; y: number }, points: readonly { x: number; y: number }[]): number {
    let best = Infinity;
    for (let i = 1; i < points.length; i++) {
        const a = points[i - 1]!,
            b = points[i]!;
        const dx = b.x - a.x,
            dy = b.y - a.y;
        const t =
            dx === 0 && dy === 0
                ? 0
                : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
        best = Math.min(best, Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
    }
    return best;
}

describe('the topology view of a design', () => {
    it.each([
        // fintech.mregion: payments is warm-standby (its first region takes the traffic), sessions is written in
        // each user's home region and ledger in any region (every replica active).
        { node: 'service:payments@eu|eu-west-1', role: 'primary' },
        { node: 'service:payments@eu|eu-central-1', role: 'standby' },
        { node: 'store:ledger@us|us-east-2', role: 'active' },
        { node: 'store:sessions@us|us-west-2', role: 'active' },
    ])('names the role of $node: $role', async ({ node, role }) => {
        const graph = await graphOf(fintech);
        const found = graph.nodes.find((n) => n.id === node)!;
        expect(roleOf(found, graph)).toBe(role);
        expect(nodeLabel(found, graph)[1]).toContain(role);
    });

    it('titles each region with its roles, most important first', async () => {
        const graph = await graphOf(fintech);
        expect(regionTitle('eu-west-1', graph)).toBe('eu-west-1 (aws · EU) · primary + active');
        expect(regionTitle('eu-central-1', graph)).toBe('eu-central-1 (aws · EU) · active + standby');
    });

    it('gives a deployment in one region no role, since there is nothing to compare it with', async () => {
        const graph = await graphOf(`region us-east-1 { provider aws jurisdiction US }
store db { engine aurora regions us-east-1 writes primary us-east-1 replication none consistency strong conflicts single-owner holds shared rows }`);
        expect(roleOf(graph.nodes[0]!, graph)).toBeUndefined();
    });

    it.each([
        {
            name: 'a straight edge: on its middle',
            points: [
                { x: 0, y: 0 },
                { x: 100, y: 0 },
            ],
            centre: { x: 50, y: 0 },
        },
        {
            name: 'a bent edge: on the middle of its longest segment',
            points: [
                { x: 0, y: 0 },
                { x: 0, y: 10 },
                { x: 200, y: 10 },
                { x: 200, y: 30 },
            ],
            centre: { x: 100, y: 10 },
        },
    ])('centres an edge label on $name', ({ points, centre }) => {
        const l = labelOn(points, 'async ≈ 1 s')!;
        expect({ x: l.x + l.width / 2, y: l.y + l.height / 2 }).toEqual(centre);
    });

    it('moves a label off a box onto a shorter free segment of its edge', () => {
        // the long segment's middle (100, 0) is under the box; the short one's (200, 20) is free
        const box = { x: 60, y: -20, width: 80, height: 40 };
        const l = labelOn(
            [
                { x: 0, y: 0 },
                { x: 200, y: 0 },
                { x: 200, y: 40 },
            ],
            'failover',
            [box],
        )!;
        expect({ x: l.x + l.width / 2, y: l.y + l.height / 2 }).toEqual({ x: 200, y: 20 });
    });

    it('puts every replication and failover label on its own edge, over no deployment box', async () => {
        const graph = await graphOf(fintech);
        const layout = await layoutGraph(graph, true);
        const labelled = graph.edges.filter((e) => e.kind !== 'uses');
        expect(labelled.length).toBeGreaterThan(0);
        for (const edge of labelled) {
            const placed = layout.edges.get(edge.id)!;
            const l = placed.label!;
            const centre = { x: l.x + l.width / 2, y: l.y + l.height / 2 };
            expect(distanceToPolyline(centre, placed.points), `${edge.id} "${edge.label}"`).toBeLessThanOrEqual(
                l.height / 2,
            );
            const covered = [...layout.nodes].filter(
                ([, b]) => l.x < b.x + b.width && b.x < l.x + l.width && l.y < b.y + b.height && b.y < l.y + l.height,
            );
            expect(
                covered.map(([id]) => id),
                `${edge.id} "${edge.label}"`,
            ).toEqual([]);
        }
    });

    it('labels async replication with its mode and lag', async () => {
        const graph = await graphOf(fintech);
        const sessions = graph.edges.filter((e) => e.kind === 'replication' && e.id.includes('sessions@eu'));
        expect(new Set(sessions.map((e) => e.label))).toEqual(new Set(['async ≈ 1 s']));
    });

    it("draws a region left out of every cell by a typo as a box of its own, and opens on the cell's error", async () => {
        const graph = await graphOf(`region us-east-1 { provider aws jurisdiction US }
region us-west-2 { provider aws jurisdiction US }
cell us { regions us-east-1, us-wset-2 }`);
        const layout = await layoutGraph(graph, true);
        const box = layout.regions.get('us-west-2')!;
        expect(box.width * box.height).toBeGreaterThan(0);
        expect(regionTitle('us-west-2', graph)).toBe('us-west-2 (aws · US) · in no cell, nothing deployed');
        expect(attentionBox(graph, layout)).toEqual(layout.cells.get('us'));
        expect(problemRows(graph).rows.map((r) => [r.label, r.severity])).toContainEqual(['cell us', 'error']);
    });

    it('counts diagnostics on declarations it does not draw, so the list agrees with the summary', async () => {
        const graph = await graphOf(`region us-east-1 { provider aws jurisdiction US }
scenario s {
    duration 1h
    at 10m outage region us-east-9 for 30m
}`);
        const { rows, elsewhere } = problemRows(graph);
        expect(graph.counts.error).toBeGreaterThan(0);
        const listed = rows.reduce((n, r) => n + r.messages.length, 0);
        expect(listed + elsewhere).toBe(
            graph.counts.error + graph.counts.warning + graph.counts.info + graph.counts.hint,
        );
        expect(elsewhere).toBeGreaterThan(0);
    });

    it("lists a store's diagnostics once, not once per deployment", async () => {
        const graph = await graphOf(readFileSync('test/e2e/workspace/broken.mregion', 'utf8'));
        const orders = problemRows(graph).rows.filter((r) => r.label === 'store orders');
        expect(orders).toHaveLength(1);
        expect(orders[0]!.messages.join(' ')).toContain('3parsecs');
    });

    it('keeps cells tight: their regions cover at least half of each cell', async () => {
        const graph = await graphOf(fintech);
        const layout = await layoutGraph(graph, true);
        for (const cell of graph.cells) {
            const box = layout.cells.get(cell.name)!;
            const covered = cell.regions.reduce(
                (sum, r) => sum + layout.regions.get(r)!.width * layout.regions.get(r)!.height,
                0,
            );
            expect(covered / (box.width * box.height), cell.name).toBeGreaterThanOrEqual(0.5);
        }
    });
});
