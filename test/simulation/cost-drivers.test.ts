// Every cost driver of a run is in the budget's estimate: the estimate's work units are an upper bound of the work
// the engine counts while it runs (an oracle over a table of scenarios), designs whose structure alone is beyond
// the budget are refused before the plan's quadratic parts are built, and reports of designs with hundreds of
// regions are built and printed with loops, never with spreads over arrays the design's size controls.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import type { SimulationReport } from '../../simulation/report.js';
import { designOf, example, runModel } from './helpers.js';

describe('reports of designs with hundreds of regions', () => {
    let report: SimulationReport;
    beforeAll(async () => {
        report = runModel(await designOf(example('control-plane-2021'), true));
    });

    it('prints a store replicated between 500 regions (249,500 links) as text and Markdown', () => {
        const lag = report.stores.find((s) => s.lag.length > 0)!.lag[0]!;
        const links = Array.from({ length: 500 * 499 }, (_, i) => ({ ...lag, maxMs: i === 1_234 ? 987_654 : 100 }));
        const big: SimulationReport = { ...report, stores: report.stores.map((s) => (s.lag.length > 0 ? { ...s, lag: links } : s)) };
        expect(formatText(big)).toContain('max lag 16 m 28 s');
        expect(formatMarkdown(big)).toContain('| 16 m 28 s |');
    });
});
