// The results view lists per-store counts generically: a bounded-staleness store adds its throttled writes;
// other stores, and reports from before schema 1.11.0, show no such cell.
import { describe, expect, it } from 'vitest';
import { adaptReport } from '../../webview/simulation/adapt.js';
import { sampleReport } from './sample-report.js';

const LABEL = 'throttled (staleness bound)';

describe('the simulation view shows the writes a staleness bound throttled', () => {
    it.each([
        {
            name: 'a bounded-staleness store shows its throttled writes',
            bound: { throttledWrites: 90_177 },
            cell: '90,177',
        },
        { name: 'a store of another consistency level shows no such cell', bound: null, cell: undefined },
        { name: 'a report from before schema 1.11.0 shows no such cell', bound: undefined, cell: undefined },
    ])('$name', ({ bound, cell }) => {
        const report = structuredClone(sampleReport) as unknown as { stores: Record<string, unknown>[] };
        report.stores[0]!.stalenessBound =
            bound === null || bound === undefined
                ? bound
                : {
                      maxVersions: 100_000,
                      maxLagMs: 300_000,
                      simulated: true,
                      reason: null,
                      firstAtMs: 599_000,
                      lastAtMs: 1_501_000,
                      byRegion: [{ region: 'us-east-1', throttledWrites: bound.throttledWrites }],
                      source: 'docs/facts.md#cosmos-bounded-staleness-throttling',
                      ...bound,
                  };
        const cells = Object.fromEntries(adaptReport(report).writes[0]!.cells.map((c) => [c.label, c.value]));
        expect(cells[LABEL]).toBe(cell);
    });
});
