// The text and Markdown reports present what the JSON says: expectations first, the interruptions, the data,
// and (Markdown) a Mermaid gantt chart a code-hosting site renders as a picture.
import { beforeAll, describe, expect, it } from 'vitest';
import { gapList, latencyOverTime } from '../../simulation/format/common.js';
import { formatMarkdown, gantt } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import type { SimulationReport } from '../../simulation/report.js';
import { designOf, example, runModel } from './helpers.js';

let report: SimulationReport;
beforeAll(async () => {
    report = runModel(await designOf(example('control-plane-2021'), true));
});

describe('text report', () => {
    it('leads with the expectations and shows each interruption with its detection and recovery', () => {
        const text = formatText(report);
        const lines = text.split('\n');
        expect(lines[0]).toBe(`Scenario december-2021 (main.mregion:${report.scenario.line}) — 10 h, seed 1207`);
        expect(text).toContain('Expectations: 1 of 1 failed');
        expect(text).toContain(
            '  ✘ expect rto <= 1h failed: measured 7 h (+6 h) for users of us-east-1 on status-page, from the outage of us-east-1 at 30 m',
        );
        expect(text).toMatch(
            /users of us-east-1 on status-page, outage of us-east-1 at 30 m: detected \+1 m \d+ s, served again \+7 h — RTO 7 h/,
        );
        // The failover never promotes (its first action waits for us-east-1's control plane): the outage strands
        // the writes us-east-1 held alone and delivers them one lag (1 s) after the region is back.
        expect(text).toMatch(
            /status-db \(aurora, async 1 s, single-owner\): [\d,]+ writes acked, none lost, [\d,]+ stranded \(all delivered at heal\)/,
        );
        expect(text).toMatch(
            /\n    us-east-1 cut off at 30 m: [\d,]+ writes held only there — [\d,]+ delivered by 7 h 30 m \(1 s after it was reachable again\)\n/,
        );
        expect(text).not.toContain('\u001b[');
    });

    it("says how write latency moved over time for each users' region, and when nothing was acknowledged", () => {
        const text = formatText(report);
        expect(text).toContain(
            '  over time, p99 per 5 m interval:\n    users of us-east-1 on status-page: 0 ms in every interval with writes; no write acknowledged 30 m – 7 h 30 m',
        );
    });

    it('colours only when asked', () => {
        expect(formatText(report, { color: true })).toContain('\u001b[31m✘\u001b[0m');
    });
});

describe('write latency over time in the text and Markdown reports', () => {
    it('finds the lowest and highest interval p99 and merges consecutive intervals without writes into one stretch', () => {
        const changed = structuredClone(report) as SimulationReport;
        // Five 5-minute intervals: 40 ms, nothing, nothing, 90 ms, 60 ms.
        const p99 = [40, null, null, 90, 60];
        Object.assign(changed, {
            sampleTimesMs: [0, 5, 10, 15, 20].map((m) => m * 60_000),
            scenario: { ...changed.scenario, durationMs: 25 * 60_000 },
        });
        Object.assign(changed.services[0]!.byRegion[0]!, {
            writeLatencySeries: { p50: p99, p99, acknowledged: p99.map((v) => (v === null ? 0 : 10)) },
        });
        const [row] = latencyOverTime(changed);
        expect(row).toEqual({
            usersOf: 'us-east-1',
            on: 'status-page',
            lowMs: 40,
            highMs: 90,
            highAtMs: 15 * 60_000,
            gaps: [{ fromMs: 5 * 60_000, toMs: 15 * 60_000 }],
        });
        expect(formatText(changed)).toContain(
            'users of us-east-1 on status-page: 40 ms – 90 ms (highest from 15 m); no write acknowledged 5 m – 15 m',
        );
    });

    it('lists three stretches without writes and counts the rest', () => {
        const gaps = [1, 3, 5, 7, 9].map((m) => ({ fromMs: m * 60_000, toMs: (m + 1) * 60_000 }));
        expect(gapList(gaps)).toBe('1 m – 2 m, 3 m – 4 m, 5 m – 6 m and 2 more');
    });
});

describe('Markdown report', () => {
    it('has the expectation table, the interruptions and a Mermaid gantt of faults and failover steps', () => {
        const md = formatMarkdown(report);
        expect(md).toContain('| ❌ | `expect rto <= 1h` (line');
        expect(md).toMatch(
            /\| us-east-1 \| status-page \| outage of us-east-1 at 30 m \| \+1 m \d+ s \| — \| \+7 h \| 7 h \| 0% \|/,
        );
        const block = md.slice(md.indexOf('```mermaid'), md.indexOf('```', md.indexOf('```mermaid') + 3) + 3);
        expect(block.split('\n').slice(0, 5)).toEqual([
            '```mermaid',
            'gantt',
            '    title december-2021: faults and failover',
            '    dateFormat YYYY-MM-DD HH:mm:ss',
            '    axisFormat %H:%M',
        ]);
        expect(block).toContain('    section Faults');
        expect(block).toContain('    outage of us-east-1 :crit, f0, 2000-01-01 00:30:00, 2000-01-01 07:30:00');
        expect(block).toContain(
            '    control-plane impairment in us-east-1 :crit, f1, 2000-01-01 00:30:00, 2000-01-01 07:30:00',
        );
        expect(block).toMatch(
            / {4}console in us-west-2 waits for its control plane :done, w\d+, 2000-01-01 00:3\d:\d\d, 2000-01-01 07:30:00/,
        );
        expect(block).toMatch(/ {4}failure detected in us-east-1 :milestone, m\d+, 2000-01-01 00:3\d:\d\d, 0s/);
        expect(block).toMatch(
            / {4}users of us-east-1 interrupted :crit, i\d+, 2000-01-01 00:30:00, 2000-01-01 07:30:00/,
        );
    });

    it("tabulates write latency over time per users' region with the stretches without an acknowledged write", () => {
        const md = formatMarkdown(report);
        expect(md).toContain(
            [
                '### Write latency over time (p99 per 5 m interval)',
                '',
                '| Users of | On | Lowest | Highest (from) | No write acknowledged |',
                '|---|---|---|---|---|',
                '| us-east-1 | status-page | 0 ms | 0 ms (0 s) | 30 m – 7 h 30 m |',
            ].join('\n'),
        );
    });

    it('keeps task names free of the characters Mermaid reads as syntax', () => {
        for (const line of gantt(report).slice(4)) {
            if (line.trim().startsWith('section')) continue;
            const name = line.slice(0, line.indexOf(' :'));
            expect(name, line).not.toMatch(/[:;#]/);
        }
    });
});
