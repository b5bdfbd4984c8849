import { describe, expect, it } from 'vitest';
import { exportName, exportRun } from '../../client/views/export-run.js';
import { sampleReport } from './sample-report.js';

describe('exporting a shown run', () => {
    it('writes the report itself as JSON, which reads back to the same report', () => {
        expect(JSON.parse(exportRun(sampleReport, 'json'))).toEqual(sampleReport);
    });

    it('writes Markdown that names the scenario and each expectation with its verdict', () => {
        const markdown = exportRun(sampleReport, 'markdown');
        expect(markdown).toContain('us-east-1-outage');
        for (const e of sampleReport.expectations) expect(markdown).toContain(e.text.replace(/^expect /, ''));
    });

    it.each([
        { scenario: 'us-east-1-outage', seeds: undefined, format: 'markdown' as const, name: 'us-east-1-outage.md' },
        { scenario: 'us-east-1-outage', seeds: 3, format: 'json' as const, name: 'us-east-1-outage-3-seeds.json' },
        { scenario: 'a/b c', seeds: undefined, format: 'json' as const, name: 'a-b-c.json' },
    ])('names the file of $scenario ($format) $name', ({ scenario, seeds, format, name }) => {
        expect(exportName(scenario, seeds, format)).toBe(name);
    });
});
