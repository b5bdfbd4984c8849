// The tables of the simulation view; every row whose declaration is known links back to it.
import { el } from '../common/dom.js';
import { linkTo } from '../common/vscode-api.js';
import type { CostRow, ExpectationRow, TimelineRow, WritesRow } from './view-model.js';

type Api = Parameters<typeof linkTo>[1];

export function expectationsTable(rows: readonly ExpectationRow[], api: Api): HTMLElement {
    if (rows.length === 0) return el('p', { class: 'muted', text: 'This scenario has no expect clauses.' });
    const body = el('tbody');
    for (const row of rows) {
        const tr = el(
            'tr',
            { class: row.passed ? 'pass' : 'fail' },
            el('td', { class: 'status', text: row.passed ? '✔ pass' : '✘ fail' }),
            el('td', { class: 'code', text: row.text }),
            el('td', { text: row.measured ?? '' }),
        );
        linkTo(tr, api, row.location);
        body.append(tr);
    }
    return el('table', { class: 'expectations' }, head('', 'Expectation', 'Measured'), body);
}

/** A seed sweep's spread: one row per metric with min / p50 / p95 / max and the seed of its worst run. */
export function spreadTable(
    rows: readonly { metric: string; values: readonly string[]; worstSeed: string }[],
): HTMLElement {
    const body = el('tbody');
    for (const row of rows) {
        body.append(
            el(
                'tr',
                {},
                el('td', { text: row.metric }),
                ...row.values.map((v) => el('td', { class: 'number', text: v })),
                el('td', { class: 'number', text: row.worstSeed }),
            ),
        );
    }
    return el('table', { class: 'spread' }, head('Metric', 'min', 'p50', 'p95', 'max', 'worst seed'), body);
}

export function timelineTable(rows: readonly TimelineRow[], api: Api): HTMLElement {
    if (rows.length === 0) return el('p', { class: 'muted', text: 'No faults or failover events.' });
    const body = el('tbody');
    for (const row of rows) {
        const tr = el(
            'tr',
            { class: `event ${row.kind}` },
            el('td', { class: 'time', text: clock(row.atMs) }),
            el('td', { class: 'kind', text: row.kind }),
            el('td', { text: row.text }),
        );
        linkTo(tr, api, row.location);
        body.append(tr);
    }
    return el('table', { class: 'timeline' }, head('Time', 'Event', 'What happened'), body);
}

export function writesTable(rows: readonly WritesRow[], api: Api): HTMLElement {
    if (rows.length === 0) return el('p', { class: 'muted', text: 'No store took writes in this scenario.' });
    const labels = [...new Set(rows.flatMap((r) => r.cells.map((c) => c.label)))];
    const body = el('tbody');
    for (const row of rows) {
        const tr = el(
            'tr',
            {},
            el('td', { class: 'code', text: row.target }),
            ...labels.map((label) =>
                el('td', { class: 'number', text: row.cells.find((c) => c.label === label)?.value ?? '—' }),
            ),
        );
        linkTo(tr, api, row.location);
        body.append(tr);
    }
    return el('table', { class: 'writes' }, head('Store / service', ...labels), body);
}

export function costTable(rows: readonly CostRow[], api: Api): HTMLElement {
    if (rows.length === 0) return el('p', { class: 'muted', text: 'No cost estimate in this report.' });
    const body = el('tbody');
    for (const row of rows) {
        const tr = el('tr', {}, el('td', { text: row.label }), el('td', { class: 'number', text: row.value }));
        linkTo(tr, api, row.location);
        body.append(tr);
    }
    return el('table', { class: 'cost' }, head('Item', 'Estimated per month'), body);
}

function head(...labels: string[]): HTMLTableSectionElement {
    const tr = el('tr');
    for (const label of labels) tr.append(el('th', { text: label }));
    return el('thead', {}, tr);
}

/** Scenario time as h:mm:ss(.s): the timeline reads like a log. */
export function clock(ms: number): string {
    const totalSeconds = ms / 1000;
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    const seconds = Number.isInteger(s) ? String(s).padStart(2, '0') : s.toFixed(1).padStart(4, '0');
    return `${h}:${String(m).padStart(2, '0')}:${seconds}`;
}
