import { describe, expect, it } from 'vitest';
import { adaptReport } from '../../webview/simulation/adapt.js';
import { sampleReport, uri } from './sample-report.js';

const at = (line: number) => ({ uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
const declarations = { 'payments@us': at(37), 'ledger@us': at(17), 'us-east-1': at(10), 'failover:payments@us': at(44) };

describe('the simulation view adapter', () => {
    const view = adaptReport(sampleReport, declarations);

    it('lists every expectation with its verdict, measured value and the line of its clause', () => {
        expect(view.expectations.map((e) => [e.text, e.passed, e.location?.range.start.line])).toEqual([
            ['expect rto <= 5m', false, 64],
            ['expect lost-writes of ledger == 0', true, 65],
        ]);
        expect(view.expectations[0]!.measured).toContain('6 m 28 s (+1 m 28 s)');
    });

    it.each([
        { id: 'availability', kind: 'time', lines: ['us-east-1'] },
        { id: 'replication-lag', kind: 'time', lines: ['ledger@us us-east-2 → us-west-2'] },
        { id: 'write-latency', kind: 'time', lines: ['us-east-1 p99', 'us-east-1 p50'] },
    ])('draws the $id chart with one line or bar series per region or percentile', ({ id, kind, lines }) => {
        const chart = view.charts.find((c) => c.id === id)!;
        expect(chart.kind).toBe(kind);
        expect(chart.series.map((s) => ('region' in s ? s.region : s.label))).toEqual(lines);
    });

    it('puts availability samples at their minute in percent, with the outage dip', () => {
        const chart = view.charts.find((c) => c.id === 'availability')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.series[0]!.points.slice(0, 3)).toEqual([{ x: 0, y: 100 }, { x: 10, y: 20 }, { x: 20, y: 100 }]);
    });

    it('draws write latency over time per users\' region: p99 solid and p50 dashed in the region\'s color, held over each interval', () => {
        const chart = view.charts.find((c) => c.id === 'write-latency')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.stepped).toBe(true);
        expect(chart.unit).toBe('ms');
        const [p99, p50] = chart.series;
        expect([p99!.colorIndex, p99!.dashed ?? false, p50!.colorIndex, p50!.dashed]).toEqual([0, false, 0, true]);
        expect(p99!.points.slice(0, 3)).toEqual([{ x: 0, y: 145 }, { x: 10, y: 300 }, { x: 20, y: 145 }]);
        expect(p50!.points.slice(0, 3)).toEqual([{ x: 0, y: 42 }, { x: 10, y: 140 }, { x: 20, y: 42 }]);
    });

    it('ends each stepped line at the scenario\'s end so the last interval is drawn', () => {
        const short = structuredClone(sampleReport) as typeof sampleReport;
        Object.assign(short.scenario, { durationMs: 125 * 60_000 });
        for (const id of ['availability', 'write-latency']) {
            const chart = adaptReport(short).charts.find((c) => c.id === id)!;
            if (chart.kind !== 'time') throw new Error('expected a time chart');
            expect(chart.series[0]!.points.slice(-2).map((p) => p.x), id).toEqual([120, 125]);
            expect(chart.series[0]!.points.at(-1)!.y, id).toBe(chart.series[0]!.points.at(-2)!.y);
        }
    });

    it('leaves intervals without an acknowledged write as gaps in the latency lines', () => {
        const gap = structuredClone(sampleReport) as typeof sampleReport;
        const s = gap.services[0]!.byRegion[0]!.writeLatencySeries;
        Object.assign(s, { p50: s.p50.map((v, i) => (i === 2 ? null : v)), p99: s.p99.map((v, i) => (i === 2 ? null : v)) });
        const chart = adaptReport(gap).charts.find((c) => c.id === 'write-latency')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.series.map((line) => line.points[2])).toEqual([{ x: 20, y: null }, { x: 20, y: null }]);
    });

    it('draws the writers of each store when the design has no service', () => {
        const storesOnly = structuredClone(sampleReport) as typeof sampleReport;
        Object.assign(storesOnly, { services: [] });
        const chart = adaptReport(storesOnly).charts.find((c) => c.id === 'write-latency')!;
        expect(chart.series.map((s) => ('region' in s ? s.region : s.label))).toEqual(['us-east-2 (ledger@us) p99', 'us-east-2 (ledger@us) p50']);
    });

    it('switches the latency axis to seconds when a detour reaches seconds', () => {
        const slow = structuredClone(sampleReport) as typeof sampleReport;
        const s = slow.services[0]!.byRegion[0]!.writeLatencySeries;
        Object.assign(s, { p99: s.p99.map((v, i) => (i === 1 ? 12_000 : v)) });
        const chart = adaptReport(slow).charts.find((c) => c.id === 'write-latency')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.unit).toBe('s');
        expect(chart.series[0]!.points[1]).toEqual({ x: 10, y: 12 });
    });

    it('draws per-region latency bars for a report from before schema 1.1, which has no latency series', () => {
        const old = structuredClone(sampleReport) as unknown as { schemaVersion: string; services: { byRegion: Record<string, unknown>[] }[]; stores: { byRegion: Record<string, unknown>[] }[] };
        old.schemaVersion = '1.0.0';
        for (const r of [...old.services.flatMap((s) => s.byRegion), ...old.stores.flatMap((s) => s.byRegion)]) delete r.writeLatencySeries;
        const chart = adaptReport(old).charts.find((c) => c.id === 'write-latency')!;
        expect(chart.kind).toBe('bars');
        expect(chart.series.map((s) => ('region' in s ? s.region : s.label))).toEqual(['p50', 'p95', 'p99']);
    });

    it('draws a stalled link in minutes so the lag axis stays readable', () => {
        const stalled = structuredClone(sampleReport) as typeof sampleReport;
        const link = stalled.stores[0]!.lag[0]!;
        Object.assign(link, { maxMs: 3_500_000, series: link.series.map((_, i) => i * 300_000) });
        const chart = adaptReport(stalled).charts.find((c) => c.id === 'replication-lag')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.unit).toBe('min');
        expect(chart.series[0]!.points[2]).toEqual({ x: 20, y: 10 });
    });

    it('leaves out regions where a service had no users', () => {
        const quiet = structuredClone(sampleReport) as typeof sampleReport;
        const svc = quiet.services[0]!;
        Object.assign(svc, { byRegion: [...svc.byRegion, { ...svc.byRegion[0]!, region: 'us-west-2', offered: 0, served: 0, availability: null, availabilitySeries: [] }] });
        const chart = adaptReport(quiet).charts.find((c) => c.id === 'availability')!;
        expect(chart.series.map((s) => ('region' in s ? s.region : s.label))).toEqual(['us-east-1']);
    });

    it('links fault events to their clause and failover events to the target declaration', () => {
        const line = (kind: string) => view.timeline.find((t) => t.kind === kind)?.location?.range.start.line;
        expect(line('fault-start')).toBe(61);
        expect(line('fault-end')).toBe(61);
        expect(line('detection')).toBe(37);
    });

    it('counts lost, discarded and merged writes per store and links the store', () => {
        expect(view.writes).toHaveLength(1);
        const cells = Object.fromEntries(view.writes[0]!.cells.map((c) => [c.label, c.value]));
        expect(cells).toMatchObject({ acknowledged: '7,190,000', lost: '0', RPO: '—', 'discarded (LWW)': '0' });
        expect(view.writes[0]!.location?.range.start.line).toBe(17);
    });

    it('shows the egress cost and the total the cost expectation compares with', () => {
        expect(view.cost.map((c) => c.value)).toEqual(['$1,843', '', '$1,843']);
    });

    it.each([
        { name: 'a non-object', report: 42, message: /not a JSON object/ },
        { name: 'another schema version', report: { ...sampleReport, schemaVersion: '2.0.0' }, message: /schema version 2\.0\.0 is not supported/ },
        { name: 'a report without its lists', report: { schemaVersion: '1.0.0' }, message: /no expectations list/ },
    ])('refuses $name with a clear message', ({ report, message }) => {
        expect(() => adaptReport(report)).toThrow(message);
    });
});
