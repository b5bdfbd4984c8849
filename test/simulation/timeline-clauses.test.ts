// Timeline rows carry the clause that caused them, so the results view can reveal it: a fault row its `at …`
// line, an action row its `action` line, a detection or routing row its `failover` block. The expected lines
// are found in the design's text here, not taken from the model.
import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../simulation/format/markdown.js';
import { formatText } from '../../simulation/format/text.js';
import type { TimelineEvent } from '../../simulation/report.js';
import { example, run } from './helpers.js';

const text = example('aurora-warm-standby');
const lines = text.split('\n');
/** 1-based line of the first line that starts (after indentation) with `prefix`. */
const lineOf = (prefix: string) => lines.findIndex((l) => l.trimStart().startsWith(prefix)) + 1;
const failoverBlock = {
    line: lineOf('failover orders {'),
    endLine:
        lineOf('failover orders {') + lines.slice(lineOf('failover orders {')).findIndex((l) => l.startsWith('}')) + 1,
};

describe('timeline rows name the clause that caused them', async () => {
    const report = await run(text, 'lose-primary');
    const first = (kind: TimelineEvent['kind'], startsWith = '') =>
        report.timeline.find((e) => e.kind === kind && e.text.startsWith(startsWith));

    it.each([
        {
            row: 'the outage starting',
            kind: 'fault-start' as const,
            startsWith: '',
            line: lineOf('at 10m'),
            endLine: lineOf('at 10m'),
        },
        {
            row: 'the outage ending',
            kind: 'fault-end' as const,
            startsWith: '',
            line: lineOf('at 10m'),
            endLine: lineOf('at 10m'),
        },
        {
            row: 'the promotion starting',
            kind: 'action-start' as const,
            startsWith: 'promote',
            line: lineOf('action promote'),
            endLine: lineOf('action promote'),
        },
        {
            row: 'the promotion done',
            kind: 'action-done' as const,
            startsWith: 'promote',
            line: lineOf('action promote'),
            endLine: lineOf('action promote'),
        },
        {
            row: 'the store accepting writes in the standby',
            kind: 'action-done' as const,
            startsWith: 'orders-db now accepts',
            line: lineOf('action promote'),
            endLine: lineOf('action promote'),
        },
        {
            row: 'the traffic shift done',
            kind: 'action-done' as const,
            startsWith: 'shift-traffic',
            line: lineOf('action shift-traffic'),
            endLine: lineOf('action shift-traffic'),
        },
        { row: 'the detection', kind: 'detection' as const, startsWith: '', ...failoverBlock },
        { row: 'the routing change', kind: 'routing-change' as const, startsWith: 'routing moves', ...failoverBlock },
    ])('$row reveals lines $line–$endLine', ({ kind, startsWith, line, endLine }) => {
        const event = first(kind, startsWith);
        expect(event, `no ${kind} row starting "${startsWith}"`).toBeDefined();
        expect(event!.clause).toEqual({ uri: report.design.uri, line, endLine });
    });

    it('links the interruptions and recoveries an outage caused to the line of the outage', () => {
        const interruptions = report.timeline.filter((e) => e.kind === 'interrupted' || e.kind === 'recovered');
        expect(interruptions.length).toBeGreaterThan(0);
        const outage = { uri: report.design.uri, line: lineOf('at 10m'), endLine: lineOf('at 10m') };
        expect(interruptions.map((e) => e.clause)).toEqual(interruptions.map(() => outage));
    });

    it('names the line in the text report and the lines in the Markdown events table', () => {
        const at = lineOf('at 10m');
        expect(formatText(report)).toMatch(new RegExp(`outage of us-east-1 begins \\(for 30 m\\)  \\(line ${at}\\)`));
        const markdown = formatMarkdown(report);
        expect(markdown).toContain('| At | Event | Clause |');
        expect(markdown).toMatch(new RegExp(`\\| outage of us-east-1 begins \\(for 30 m\\) \\| line ${at} \\|`));
        expect(markdown).toMatch(
            new RegExp(`detected \\(.*\\) \\| lines ${failoverBlock.line}–${failoverBlock.endLine} \\|`),
        );
    });
});

describe('writes stranded by an outage name the outage', async () => {
    const fintech = example('fintech');
    const outageLine = fintech.split('\n').findIndex((l) => /^\s*at 5m\s+outage region us-east-1/.test(l)) + 1;
    const report = await run(fintech, 'us-east-1-outage');

    it.each(['writes-stranded', 'writes-delivered'] as const)('every %s row reveals the outage line', (kind) => {
        const rows = report.timeline.filter((e) => e.kind === kind);
        expect(rows.length, `no ${kind} row`).toBeGreaterThan(0);
        expect(rows.map((e) => e.clause)).toEqual(
            rows.map(() => ({ uri: report.design.uri, line: outageLine, endLine: outageLine })),
        );
    });
});
