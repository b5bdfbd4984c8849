// Scaling with regions and import chains: the model of n regions holds no per-pair data, messages about region
// pairs are bounded, and a chain of imports is checked like one file. Counts, not times (bench/robustness/scaling.mjs
// measures the times).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it, vi } from 'vitest';
import { describeRegion } from '../../language/lsp/hover/region-hover.js';
import { describeStore } from '../../language/lsp/hover/store-hover.js';
import { estimateWriteLatency } from '../../language/semantics/estimators/index.js';
import { rttBetween, rttEstimatesComputed } from '../../language/semantics/latency.js';
import type { Model } from '../../language/semantics/model.js';
import { toPlainModel } from '../../simulation/plain-model.js';
import { buildTopologyGraph } from '../../server/topology-graph.js';
import { ROOT } from '../helpers/bundles.js';
import { mregion, modelOf, validate } from '../helpers/services.js';

interface Designs {
    manyRegions(regions: number, storeRegions?: number): string;
    importChain(files: number): Record<string, string>;
    partName(i: number): string;
    regionName(i: number): string;
}

/** The scaling benchmark's generator (bench/robustness/scaling-designs.mjs), loaded at run time. */
async function designs(): Promise<Designs> {
    return (await import(pathToFileURL(path.join(ROOT, 'bench', 'robustness', 'scaling-designs.mjs')).href)) as Designs;
}

/** The design without its regions' locations: no pair then has an RTT. */
function withoutLocations(design: string): string {
    return design.replace(/ {2}location [-0-9.]+, [-0-9.]+/g, '');
}

function text(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : d.message.value;
}

describe('scaling with regions', () => {
    it('builds the model of 6,000 regions without an internal error', async () => {
        const { model, problems } = await modelOf((await designs()).manyRegions(6_000));
        expect(problems.filter((p) => p.code === 'internal-error').map((p) => p.message)).toEqual([]);
        expect(model.regions.size).toBe(6_000);
    });

    it('keeps the model linear in the number of regions (no table of region pairs)', async () => {
        const { manyRegions } = await designs();
        const sizes: number[] = [];
        for (const regions of [500, 1_000])
            sizes.push(JSON.stringify(toPlainModel((await modelOf(manyRegions(regions))).model)).length);
        expect(sizes[1]! / sizes[0]!).toBeLessThan(2.2);
    });

    it.each([1_000, 2_000])(
        'estimates the same number of RTTs for %i regions when every store spans two of them',
        async (regions) => {
            const { model } = await modelOf((await designs()).manyRegions(regions));
            // At most one pair per store (a store every 100 regions), asked by the rules; none for the other regions.
            expect(rttEstimatesComputed(model)).toBeLessThanOrEqual(regions / 100);
        },
    );

    it('estimates a pair again when asked again: nothing per pair is kept beside the model', async () => {
        const { model } = await modelOf((await designs()).manyRegions(300));
        const before = rttEstimatesComputed(model);
        const first = rttBetween(model, 'r00003', 'r00250');
        expect(rttBetween(model, 'r00250', 'r00003')).toEqual(first);
        expect(rttEstimatesComputed(model) - before).toBe(2);
    });

    it.each([100, 2_000])(
        'bounds the unknown-latency message for a store over %i regions and names how many pairs it leaves out',
        async (regions) => {
            // Every pair of the store's regions but those of the small stores (one pair every 100 regions), reported there.
            // Without locations no pair has an RTT, so each is one the rule reports.
            const pairs = (regions * (regions - 1)) / 2 - regions / 100;
            const { diagnostics } = await modelOf(withoutLocations((await designs()).manyRegions(regions, regions)));
            const unknown = diagnostics.filter(
                (d) =>
                    d.code === 'unknown-latency' && text(d).includes(`${pairs.toLocaleString('en-US')} region pairs`),
            );
            expect(unknown).toHaveLength(1);
            expect(text(unknown[0]!).length).toBeLessThanOrEqual(2_000);
            expect(text(unknown[0]!)).toContain(`and ${(pairs - 5).toLocaleString('en-US')} more`);
        },
    );

    it('estimates each pair of a Cosmos DB strong store over 1,000 regions once when every region writes', async () => {
        const regions = Array.from({ length: 1_000 }, (_, i) => `r${String(i).padStart(5, '0')}`).join(', ');
        const text =
            (await designs()).manyRegions(1_000) +
            `store docs {\n    engine      cosmosdb\n    regions     ${regions}\n    holds       shared rows\n    writes      any-region\n    consistency strong\n}\n` +
            `service editor {\n    regions   ${regions}\n    posture   active-active\n    capacity  100% per region\n    uses      docs\n    objective write-latency p99 100ms\n}\n`;
        const { model, diagnostics } = await modelOf(text);
        expect(diagnostics.filter((d) => d.code === 'write-latency-budget')).toHaveLength(1);
        // Every pair once for the farthest pair, not once per writing region; the other rules ask for a few more.
        expect(rttEstimatesComputed(model)).toBeLessThan((1_000 * 999) / 2 + 1_000);
    });

    it('finds the voter closing the quorum of a store over 300 regions without sorting the voters for each origin', async () => {
        const { manyRegions, regionName } = await designs();
        const regions = Array.from({ length: 300 }, (_, i) => regionName(i)).join(', ');
        const { model } = await modelOf(
            `${manyRegions(300)}store votes {\n    engine      cockroachdb\n    regions     ${regions}\n    holds       shared rows\n    replication consensus quorum 151\n}\n`,
        );
        const store = model.stores.get('votes')!;
        const sort = vi.spyOn(Array.prototype, 'sort');
        const estimates = store.regions.map((from) => estimateWriteLatency(model, store, from));
        const sorts = sort.mock.calls.length;
        sort.mockRestore();
        expect(
            estimates.filter((e) => e.kind === 'quorum' && e.ms !== undefined && e.waitsFor.length === 1),
        ).toHaveLength(300);
        expect(sorts).toBe(0);
    });

    it.each<[string, (m: Model) => string | undefined, number]>([
        ['the RTT from a region to 999 others', (m) => describeRegion(m, 'r00000'), 979],
        ['the write latency from each of 1,000 store regions', (m) => describeStore(m, 'sessions'), 980],
    ])('shows 20 rows of %s in a hover and counts the rest', async (_what, hover, more) => {
        const { model } = await modelOf((await designs()).manyRegions(1_000, 1_000));
        const text = hover(model)!;
        expect(text.split('\n').filter((line) => line.startsWith('| r0'))).toHaveLength(20);
        expect(text).toContain(`… and ${more} more rows`);
    });

    it.each([
        { regions: 12, edges: 66, label: 'async ≈ 1 s' },
        { regions: 1_000, edges: 1_000, label: 'async ≈ 1 s, every pair of 1,000 regions' },
    ])(
        'draws the replication of a store written in $regions regions with $edges edges',
        async ({ regions, edges, label }) => {
            const { model } = await modelOf((await designs()).manyRegions(1_000, regions));
            const replication = buildTopologyGraph(model, []).edges.filter(
                (e) => e.kind === 'replication' && e.id.startsWith('replication:sessions|'),
            );
            expect(replication).toHaveLength(edges);
            expect(new Set(replication.map((e) => e.label))).toEqual(new Set([label]));
        },
    );

    it('ranks the regions that could hold a witness with one RTT per candidate and store region', async () => {
        const { manyRegions, regionName } = await designs();
        const regions = Array.from({ length: 600 }, (_, i) => regionName(i)).join(', ');
        const text = `${manyRegions(2_000)}store votes {\n    engine      cockroachdb\n    regions     ${regions}\n    holds       shared rows\n    replication consensus quorum 600\n}\n`;
        const { model, diagnostics } = await modelOf(text);
        expect(diagnostics.filter((d) => d.code === 'consensus-quorum-survival')).toHaveLength(1);
        // 1,400 candidates × 600 store regions, not once per comparison of a sort; the other rules ask for a few more.
        expect(rttEstimatesComputed(model)).toBeLessThan(1_400 * 600 + 1_000);
    });

    it('keeps the hover of a store over 300 regions written from all of them short', async () => {
        const text = `${(await designs()).manyRegions(300, 300)}workload everywhere for sessions {\n    writes    100/s\n    keys      100000 shared 0%\n    item-size 1KB\n}\n`;
        const hover = describeStore((await modelOf(text)).model, 'sessions')!;
        // Every pair of regions has no egress price: the hover names 10 of the 89,700 and counts the rest.
        expect(hover).toContain('r00000 → r00010 and 89,690 more: declare');
        expect(Math.max(...hover.split('\n').map((line) => line.length))).toBeLessThan(2_000);
    });

    it('bounds every message of a design with a store over 2,000 regions', async () => {
        const { diagnostics } = await modelOf((await designs()).manyRegions(2_000, 2_000));
        expect(
            diagnostics
                .filter((d) => text(d).length > 2_000)
                .map((d) => `${String(d.code)}: ${text(d).slice(0, 100)}…`),
        ).toEqual([]);
    });
});

describe('scaling with import chains', () => {
    it("resolves each import of a 200-file chain once, and reports each file's own findings", async () => {
        const { importChain, partName } = await designs();
        const { [partName(0)]: main, ...located } = importChain(200);
        const others = Object.fromEntries(
            Object.entries(located).map(([name, text]) => [name, withoutLocations(text)]),
        );
        const getDocument = vi.spyOn(mregion.shared.workspace.LangiumDocuments, 'getDocument');
        const { document, diagnostics } = await validate(withoutLocations(main!), others);
        const lookups = getDocument.mock.calls.length;
        getDocument.mockRestore();
        // One lookup per import, plus Langium's own per linked reference; walking every closure was 200²/2.
        expect(lookups).toBeLessThan(10 * 200);
        expect(diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`)).toEqual(['5 unknown-latency']);
        const folder = document.uri.toString().replace(/main\.mregion$/, '');
        const perFile = mregion.shared.workspace.LangiumDocuments.all
            .filter((d) => d.uri.toString().startsWith(folder) && d !== document)
            .map((d) => (d.diagnostics ?? []).map((x) => String(x.code)).join(','))
            .filter((codes) => codes !== '')
            .toArray();
        // Files 10, 20, … 190 hold a store over two regions with no RTT (their locations removed).
        expect(perFile).toEqual(Array.from({ length: 19 }, () => 'unknown-latency'));
    });
});
