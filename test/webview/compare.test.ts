import { describe, expect, it } from 'vitest';
import { adaptReport } from '../../webview/simulation/adapt.js';
import { compareRuns } from '../../webview/simulation/compare.js';
import { sampleReport } from './sample-report.js';

describe('two runs side by side', () => {
    const before = adaptReport(sampleReport);
    // After an edit: recovery in 4 m (240 s) instead of 6 m 28 s, so the RTO objective of 5 m is met.
    const edited = structuredClone(sampleReport) as typeof sampleReport;
    Object.assign(edited.expectations[0]!, { measured: 240_000, delta: -60_000, passed: true });
    Object.assign(edited.summary, { worstRtoMs: 240_000 });
    const now = adaptReport(edited);

    it('shows each objective now and before, marking the one that changed', () => {
        const rows = compareRuns(now, before);
        expect(rows.find((r) => r.label === 'rto <= 5m')).toEqual({
            label: 'rto <= 5m',
            now: '✔ met with 1 m to spare (measured 4 m)',
            before: '✘ missed by 1 m 28 s (measured 6 m 28 s)',
            changed: true,
        });
        expect(rows.find((r) => r.label === 'lost-writes of ledger == 0')!.changed).toBe(false);
    });

    it('compares every number of the run, and only the worst RTO changed', () => {
        const changed = compareRuns(now, before)
            .filter((r) => r.changed)
            .map((r) => r.label);
        expect(changed).toEqual(['rto <= 5m', 'worst RTO']);
    });

    it('shows an objective only one run has against a dash', () => {
        const other = structuredClone(sampleReport) as typeof sampleReport;
        Object.assign(other, { expectations: [sampleReport.expectations[1]!] });
        const row = compareRuns(adaptReport(other), before).find((r) => r.label === 'rto <= 5m')!;
        expect([row.now, row.changed]).toEqual(['—', true]);
    });
});
