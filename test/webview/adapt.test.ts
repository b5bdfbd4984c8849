import { describe, expect, it } from 'vitest';
import { adaptReport } from '../../webview/simulation/adapt.js';
import { imported, sampleReport, uri } from './sample-report.js';

const at = (line: number) => ({ uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
const declarations = {
    'payments@us': at(37),
    'ledger@us': at(17),
    'us-east-1': at(10),
    'failover:payments@us': at(44),
};

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
        expect(chart.series[0]!.points.slice(0, 3)).toEqual([
            { x: 0, y: 100 },
            { x: 10, y: 20 },
            { x: 20, y: 100 },
        ]);
    });

    it("draws write latency over time per users' region: p99 solid and p50 dashed in the region's color, held over each interval", () => {
        const chart = view.charts.find((c) => c.id === 'write-latency')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.stepped).toBe(true);
        expect(chart.unit).toBe('ms');
        const [p99, p50] = chart.series;
        expect([p99!.colorIndex, p99!.dashed ?? false, p50!.colorIndex, p50!.dashed]).toEqual([0, false, 0, true]);
        expect(p99!.points.slice(0, 3)).toEqual([
            { x: 0, y: 145 },
            { x: 10, y: 300 },
            { x: 20, y: 145 },
        ]);
        expect(p50!.points.slice(0, 3)).toEqual([
            { x: 0, y: 42 },
            { x: 10, y: 140 },
            { x: 20, y: 42 },
        ]);
    });

    it("ends each stepped line at the scenario's end so the last interval is drawn", () => {
        const short = structuredClone(sampleReport) as typeof sampleReport;
        Object.assign(short.scenario, { durationMs: 125 * 60_000 });
        for (const id of ['availability', 'write-latency']) {
            const chart = adaptReport(short).charts.find((c) => c.id === id)!;
            if (chart.kind !== 'time') throw new Error('expected a time chart');
            expect(
                chart.series[0]!.points.slice(-2).map((p) => p.x),
                id,
            ).toEqual([120, 125]);
            expect(chart.series[0]!.points.at(-1)!.y, id).toBe(chart.series[0]!.points.at(-2)!.y);
        }
    });

    it('leaves intervals without an acknowledged write as gaps in the latency lines', () => {
        const gap = structuredClone(sampleReport) as typeof sampleReport;
        const s = gap.services[0]!.byRegion[0]!.writeLatencySeries;
        Object.assign(s, {
            p50: s.p50.map((v, i) => (i === 2 ? null : v)),
            p99: s.p99.map((v, i) => (i === 2 ? null : v)),
        });
        const chart = adaptReport(gap).charts.find((c) => c.id === 'write-latency')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.series.map((line) => line.points[2])).toEqual([
            { x: 20, y: null },
            { x: 20, y: null },
        ]);
    });

    it('draws the writers of each store when the design has no service', () => {
        const storesOnly = structuredClone(sampleReport) as typeof sampleReport;
        Object.assign(storesOnly, { services: [] });
        const chart = adaptReport(storesOnly).charts.find((c) => c.id === 'write-latency')!;
        expect(chart.series.map((s) => ('region' in s ? s.region : s.label))).toEqual([
            'us-east-2 (ledger@us) p99',
            'us-east-2 (ledger@us) p50',
        ]);
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
        const old = structuredClone(sampleReport) as unknown as {
            schemaVersion: string;
            services: { byRegion: Record<string, unknown>[] }[];
            stores: { byRegion: Record<string, unknown>[] }[];
        };
        old.schemaVersion = '1.0.0';
        for (const r of [...old.services.flatMap((s) => s.byRegion), ...old.stores.flatMap((s) => s.byRegion)])
            delete r.writeLatencySeries;
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
        Object.assign(svc, {
            byRegion: [
                ...svc.byRegion,
                {
                    ...svc.byRegion[0]!,
                    region: 'us-west-2',
                    offered: 0,
                    served: 0,
                    availability: null,
                    availabilitySeries: [],
                },
            ],
        });
        const chart = adaptReport(quiet).charts.find((c) => c.id === 'availability')!;
        expect(chart.series.map((s) => ('region' in s ? s.region : s.label))).toEqual(['us-east-1']);
    });

    it.each([
        // The report's 1-based lines become the editor's zero-based ones.
        { kind: 'fault-start', uri, start: 61, end: 61 },
        { kind: 'fault-end', uri, start: 61, end: 61 },
        { kind: 'detection', uri, start: 39, end: 46 },
        { kind: 'action-start', uri: imported, start: 43, end: 43 },
        { kind: 'routing-change', uri, start: 39, end: 46 },
    ])('links a $kind row to the clause the report names', ({ kind, uri: file, start, end }) => {
        const row = view.timeline.find((t) => t.kind === kind)!;
        expect(row.location).toEqual({
            uri: file,
            range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } },
        });
    });

    it("links rows of reports before schema 1.4 by the fault's line and the target's declaration", () => {
        const old = structuredClone(sampleReport) as unknown as {
            schemaVersion: string;
            timeline: Record<string, unknown>[];
        };
        old.schemaVersion = '1.3.0';
        for (const t of old.timeline) delete t.clause;
        const line = (kind: string) =>
            adaptReport(old, declarations).timeline.find((t) => t.kind === kind)?.location?.range.start.line;
        expect(line('fault-start')).toBe(61);
        expect(line('fault-end')).toBe(61);
        expect(line('detection')).toBe(37);
    });

    it('lists the declared objectives after the expect clauses in the verdict, each linked to its term', () => {
        expect(view.verdict.objectives.map((o) => [o.kind, o.objective, o.met, o.location?.range.start.line])).toEqual([
            ['expect', 'rto <= 5m', false, 64],
            ['expect', 'lost-writes of ledger == 0', true, 65],
            ['objective', 'payments: objective rto 5 m', false, 30],
            ['objective', 'payments: objective write-latency p99 200 ms', true, 30],
        ]);
        expect(view.verdict.headline).toBe('2 of 4 objectives are missed.');
    });

    it('counts lost, discarded and merged writes per store and links the store', () => {
        expect(view.writes).toHaveLength(1);
        const cells = Object.fromEntries(view.writes[0]!.cells.map((c) => [c.label, c.value]));
        expect(cells).toMatchObject({ acknowledged: '7,190,000', lost: '0', RPO: '—', 'discarded (LWW)': '0' });
        expect(view.writes[0]!.location?.range.start.line).toBe(17);
    });

    it.each([
        { name: 'no heal found a backlog', drain: null, cell: '—' },
        {
            name: 'a drain simulated at the declared rate',
            drain: { catchUpWritesPerS: 300, drainTime: 'simulated', drainMs: 304_000, outcome: 'drained' },
            cell: '5 m 4 s at 300/s',
        },
        {
            name: 'no declared rate: a lower bound',
            drain: { catchUpWritesPerS: null, drainTime: 'lower-bound', drainMs: 1_000, outcome: 'drained' },
            cell: '≥ 1 s (lower bound: no catch-up declared)',
        },
        {
            name: 'a rate not above the write rate',
            drain: { catchUpWritesPerS: 80, drainTime: 'simulated', drainMs: null, outcome: 'never-drains' },
            cell: 'never (catch-up ≤ write rate)',
        },
        { name: 'a report from before schema 1.5', drain: undefined, cell: '—' },
    ])('shows the drain after a heal per store when $name', ({ drain, cell }) => {
        const report = structuredClone(sampleReport) as unknown as { stores: Record<string, unknown>[] };
        report.stores[0]!.drain =
            drain === null || drain === undefined
                ? drain
                : {
                      heals: 1,
                      backlogPeakWrites: 60_370,
                      staleReadShare: null,
                      egressBytes: null,
                      egressUsd: null,
                      ...drain,
                  };
        const cells = Object.fromEntries(adaptReport(report).writes[0]!.cells.map((c) => [c.label, c.value]));
        expect(cells['drain after heal']).toBe(cell);
    });

    it.each([
        { name: 'a store that is not a queue', queue: null, cells: [undefined, undefined] },
        { name: 'a report from before schema 1.12', queue: undefined, cells: [undefined, undefined] },
        {
            name: 'a queue that stranded messages',
            queue: { strandedMessages: 149_381, deliveredAtHeal: 149_381, redeliveredMessages: 0, idempotent: false },
            cells: ['149,381 · 149,381', '0'],
        },
        {
            name: 'a topic whose consumers were delivered messages again',
            queue: { strandedMessages: 0, deliveredAtHeal: 0, redeliveredMessages: 115_854, idempotent: false },
            cells: ['0 · 0', '115,854'],
        },
    ])('shows the messages stranded and re-delivered for $name', ({ queue, cells: expected }) => {
        const report = structuredClone(sampleReport) as unknown as { stores: Record<string, unknown>[] };
        report.stores[0]!.queue =
            queue === null || queue === undefined
                ? queue
                : {
                      strandedMessages: queue.strandedMessages,
                      deliveredAtHeal: queue.deliveredAtHeal,
                      redeliveredMessages: queue.redeliveredMessages,
                      consumersIdempotent: queue.idempotent,
                  };
        const cells = Object.fromEntries(adaptReport(report).writes[0]!.cells.map((c) => [c.label, c.value]));
        expect([cells['messages stranded · delivered at heal'], cells['messages re-delivered (duplicates)']]).toEqual(
            expected,
        );
    });

    it('shows the egress cost and the total', () => {
        expect(view.cost.map((c) => c.value)).toEqual(['$1,843', '', '$1,843']);
    });

    it.each([
        {
            name: 'calls the total just "Total" when the scenario expects no cost',
            expectations: sampleReport.expectations,
            label: 'Total',
        },
        {
            name: 'compares the total with the cost objective when the scenario states one',
            expectations: [
                {
                    ...sampleReport.expectations[1]!,
                    text: 'expect cost <= $2000',
                    metric: 'cost' as const,
                    op: '<=' as const,
                    expected: 2000,
                    measured: 1843,
                    delta: -157,
                    passed: true,
                },
            ],
            label: 'Total, against cost <= $2000: met',
        },
    ])('$name', ({ expectations, label }) => {
        const report = { ...structuredClone(sampleReport), expectations };
        expect(adaptReport(report).cost.at(-1)!.label).toBe(label);
    });

    it('leads with the verdict on each expect clause of a report from before schema 1.4, which judges no declared objective', () => {
        const { objectives: _judged, ...old } = { ...sampleReport, schemaVersion: '1.3.0' };
        const verdict = adaptReport(old).verdict;
        expect(verdict.headline).toBe('1 of 2 objectives is missed.');
        expect(verdict.objectives.map((o) => o.objective)).toEqual(['rto <= 5m', 'lost-writes of ledger == 0']);
    });

    it.each([
        // duration → unit of the time axis; x of the sample at 10 minutes in that unit
        { name: 'a 10-hour run is drawn in hours', durationMs: 10 * 3_600_000, unit: 'h', x10min: 1 / 6 },
        { name: 'a 2-hour run is drawn in minutes', durationMs: 2 * 3_600_000, unit: 'min', x10min: 10 },
        { name: 'a 2-minute run is drawn in seconds', durationMs: 2 * 60_000, unit: 's', x10min: 600 },
    ])('$name', ({ durationMs, unit, x10min }) => {
        const run = structuredClone(sampleReport) as typeof sampleReport;
        Object.assign(run.scenario, { durationMs });
        for (const chart of adaptReport(run).charts) {
            if (chart.kind !== 'time') throw new Error('expected a time chart');
            expect(chart.time.unit, chart.id).toBe(unit);
            expect(chart.time.end * chart.time.ms, chart.id).toBe(durationMs);
            expect(chart.series[0]!.points[1]!.x, chart.id).toBeCloseTo(x10min, 9);
        }
    });

    it.each([
        {
            name: 'collapses write latency to a sentence when every write took 0 ms',
            id: 'write-latency',
            edit: (r: typeof sampleReport) => {
                for (const b of r.services[0]!.byRegion)
                    Object.assign(b.writeLatencySeries, {
                        p50: b.writeLatencySeries.p50.map(() => 0),
                        p99: b.writeLatencySeries.p99.map(() => 0),
                    });
            },
            sentence: 'Every write was acknowledged at once (0 ms) for the whole run.',
        },
        {
            name: 'collapses availability to a sentence when every region stayed at 100%',
            id: 'availability',
            edit: (r: typeof sampleReport) => {
                for (const b of r.services[0]!.byRegion)
                    Object.assign(b, { availabilitySeries: b.availabilitySeries.map(() => 1) });
            },
            sentence: 'Every region with users stayed at 100% availability for the whole run.',
        },
        {
            name: 'collapses replication lag to a sentence when no store replicates',
            id: 'replication-lag',
            edit: (r: typeof sampleReport) => {
                for (const st of r.stores) Object.assign(st, { lag: [] });
            },
            sentence: 'No store replicates between regions in this design.',
        },
    ])('$name', ({ id, edit, sentence }) => {
        const run = structuredClone(sampleReport) as typeof sampleReport;
        edit(run);
        expect(adaptReport(run).charts.find((c) => c.id === id)!.empty).toBe(sentence);
        // The sample itself has something to draw in every chart.
        expect(view.charts.find((c) => c.id === id)!.empty).toBeUndefined();
    });

    it("puts a region's p99 and p50 in one small multiple, p50 dashed with markers so it shows where they coincide", () => {
        const chart = view.charts.find((c) => c.id === 'write-latency')!;
        if (chart.kind !== 'time') throw new Error('expected a time chart');
        expect(chart.series.map((s) => [s.group, s.style, s.dashed ?? false, s.markers ?? false])).toEqual([
            ['us-east-1', 'p99', false, false],
            ['us-east-1', 'p50', true, true],
        ]);
    });

    it.each([
        { name: 'a non-object', report: 42, message: /not a JSON object/ },
        {
            name: 'another schema version',
            report: { ...sampleReport, schemaVersion: '2.0.0' },
            message: /schema version 2\.0\.0 is not supported/,
        },
        { name: 'a report without its lists', report: { schemaVersion: '1.0.0' }, message: /no expectations list/ },
    ])('refuses $name with a clear message', ({ report, message }) => {
        expect(() => adaptReport(report)).toThrow(message);
    });
});

describe('the seed the results view shows', () => {
    it.each([
        [{}, '· seed 42'],
        [{ seedFromSetting: true }, '· seed 42 (the mregion.simulation.seed setting, which overrides the scenario’s)'],
    ])('with %j ends "%s"', (options, ending) => {
        const seed = adaptReport(sampleReport, {}, options).facts.find((f) => f.label === 'duration · seed');
        expect(seed?.value.endsWith(ending)).toBe(true);
    });
});
