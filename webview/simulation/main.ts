// The simulation results webview: receives a report, adapts it to what the page shows, and draws the summary,
// per-region charts, timeline, write losses and cost. The report is kept in the webview state so a hidden or
// restored panel shows the same results; "Run again" asks the extension to re-run the same scenario.
import './simulation.css';
import { el } from '../common/dom.js';
import { onThemeChange } from '../common/theme.js';
import { linkTo, reportRendered, vscodeApi } from '../common/vscode-api.js';
import {
    RUN_FORMATS,
    type Declarations,
    type FromSimulationView,
    type SimulationSource,
    type ToSimulationView,
} from '../../protocol/webview-messages.js';
import { adaptReport } from './adapt.js';
import { chartSection, destroyCharts } from './charts.js';
import { adaptSweep, isSweep } from './adapt-sweep.js';
import { judgedHeadline, type Verdict } from './verdict.js';
import { compareRuns } from './compare.js';
import type { SimulationViewModel } from './view-model.js';
import { costTable, expectationsTable, spreadTable, timelineTable, writesTable } from './tables.js';

/** An earlier single run kept for comparison (the newest first). */
interface Kept {
    readonly label: string;
    readonly report: unknown;
    readonly declarations: Declarations;
}
interface State {
    readonly source?: SimulationSource;
    readonly report?: unknown;
    readonly declarations?: Declarations;
    readonly earlier?: readonly Kept[];
}
/** Runs kept for comparison: reports carry their series, and the webview state is kept in memory. */
const keptRuns = 3;

const api = vscodeApi<State, FromSimulationView>();
const app = document.getElementById('app')!;
let state: State = api.getState() ?? {};
let running = false;
/** Which earlier run the comparison shows (index into state.earlier). */
let comparedWith = 0;

window.addEventListener('message', (event: MessageEvent<ToSimulationView>) => {
    if (event.data?.type !== 'report') return;
    running = false;
    const previous =
        state.report !== undefined && !isSweep(state.report)
            ? [{ label: runLabel(state.report), report: state.report, declarations: state.declarations ?? {} }]
            : [];
    state = {
        source: event.data.source,
        report: event.data.report,
        declarations: event.data.declarations,
        earlier: [...previous, ...(state.earlier ?? [])].slice(0, keptRuns),
    };
    comparedWith = 0;
    api.setState(state);
    render();
});

onThemeChange(() => {
    if (state.report !== undefined) render();
});

function render(): void {
    const { source, report } = state;
    if (!source || report === undefined) return;
    destroyCharts();
    if (isSweep(report)) return renderSweep(report);
    let view;
    try {
        view = adaptReport(report, state.declarations ?? {}, { seedFromSetting: source.seedFromSetting === true });
    } catch (error) {
        app.replaceChildren(
            el('p', {
                class: 'error',
                text: `This report cannot be shown: ${error instanceof Error ? error.message : String(error)}`,
            }),
        );
        reportRendered(api, { error: 1 });
        return;
    }
    const rerun = rerunButton();
    const passed = view.expectations.filter((e) => e.passed).length;
    app.replaceChildren(
        el(
            'header',
            {},
            el('div', { class: 'title' }, el('h1', { text: `Scenario ${view.scenario}` }), rerun, ...exportButtons()),
            verdictSection(view.verdict),
            el('h2', { text: 'The run in numbers (not judged unless an objective above names them)' }),
            el(
                'dl',
                { class: 'facts' },
                ...view.facts.flatMap((f) => [el('dt', { text: f.label }), el('dd', { text: f.value })]),
            ),
        ),
        section('Expectations', expectationsTable(view.expectations, api)),
        section('Over time, per region', el('div', { class: 'charts' }, ...view.charts.map(chartSection))),
        ...(state.earlier?.length ? [section('Compared with an earlier run', comparison(view, state.earlier))] : []),
        section('Fault and failover timeline', timelineTable(view.timeline, api)),
        section('Lost, discarded and merged writes', writesTable(view.writes, api)),
        section('Cost', costTable(view.cost, api)),
        ...(view.notes.length > 0
            ? [section('Notes', el('ul', {}, ...view.notes.map((n) => el('li', { text: n }))))]
            : []),
    );
    reportRendered(api, {
        expectations: view.expectations.length,
        failed: view.expectations.length - passed,
        charts: view.charts.length,
        objectives: view.verdict.objectives.length,
        emptyCharts: view.charts.filter((c) => c.empty).length,
        latencyLines: view.charts.find((c) => c.id === 'write-latency' && c.kind === 'time')?.series.length ?? 0,
        timeline: view.timeline.length,
        writes: view.writes.length,
        cost: view.cost.length,
    });
}

/** A seed sweep: the expectations judged across the runs and the spread of each metric. */
function renderSweep(report: unknown): void {
    let view;
    try {
        view = adaptSweep(report);
    } catch (error) {
        app.replaceChildren(
            el('p', {
                class: 'error',
                text: `This seed sweep cannot be shown: ${error instanceof Error ? error.message : String(error)}`,
            }),
        );
        reportRendered(api, { error: 1 });
        return;
    }
    const judged = [...view.expectations, ...view.objectives];
    const passed = judged.filter((e) => e.passed).length;
    const verdict =
        judged.length === 0
            ? 'Nothing is judged: the scenario has no expect clauses, and no service or store it reaches declares an objective.'
            : `${judgedHeadline(judged.length, judged.length - passed)} across the seeds.`;
    app.replaceChildren(
        el(
            'header',
            {},
            el(
                'div',
                { class: 'title' },
                el('h1', { text: `Scenario ${view.scenario} — seed sweep` }),
                rerunButton(),
                ...exportButtons(),
            ),
            el('p', { class: `verdict ${passed === judged.length ? 'pass' : 'fail'}`, text: verdict }),
            el(
                'dl',
                { class: 'facts' },
                ...view.facts.flatMap((f) => [el('dt', { text: f.label }), el('dd', { text: f.value })]),
            ),
        ),
        section('Expectations across the seeds', expectationsTable(view.expectations, api)),
        ...(view.objectives.length > 0
            ? [
                  section(
                      'Objectives of the services and stores across the seeds',
                      expectationsTable(view.objectives, api),
                  ),
              ]
            : []),
        section('Across the seeds', spreadTable(view.spread)),
        ...(view.notes.length > 0
            ? [section('Notes', el('ul', {}, ...view.notes.map((n) => el('li', { text: n }))))]
            : []),
    );
    reportRendered(api, {
        expectations: view.expectations.length,
        failed: view.expectations.filter((e) => !e.passed).length,
        objectives: view.objectives.length,
        spread: view.spread.length,
    });
}

/** "Run again": the extension re-runs the same scenario (and the same number of seeds). */
function rerunButton(): HTMLButtonElement {
    const rerun = el('button', {
        text: running ? 'Running…' : 'Run again',
        title: 'Run this scenario again with the current file and settings',
    });
    rerun.disabled = running;
    rerun.addEventListener('click', () => {
        running = true;
        rerun.disabled = true;
        rerun.textContent = 'Running…';
        api.postMessage({ type: 'rerun' });
    });
    return rerun;
}

/** "scenario · seed 7 · 09:31:05": how an earlier run is offered for comparison. */
function runLabel(report: unknown): string {
    const r = report as { scenario?: { name?: unknown; seed?: unknown } };
    return `${String(r.scenario?.name)} · seed ${String(r.scenario?.seed)} · run before ${new Date().toLocaleTimeString('en-GB')}`;
}

/** The shown run beside an earlier one (chosen from the kept runs): objectives and numbers, changes marked. */
function comparison(view: SimulationViewModel, earlier: readonly Kept[]): HTMLElement {
    const choice = el('select');
    choice.setAttribute('aria-label', 'Earlier run');
    earlier.forEach((run, i) => {
        const option = el('option', { text: run.label });
        option.value = String(i);
        option.selected = i === comparedWith;
        choice.append(option);
    });
    choice.addEventListener('change', () => {
        comparedWith = Number(choice.value);
        render();
    });
    let before: SimulationViewModel;
    try {
        before = adaptReport(earlier[comparedWith]?.report, earlier[comparedWith]?.declarations ?? {});
    } catch (error) {
        return el(
            'div',
            {},
            choice,
            el('p', {
                class: 'error',
                text: `That run cannot be shown: ${error instanceof Error ? error.message : String(error)}`,
            }),
        );
    }
    const body = el('tbody');
    for (const row of compareRuns(view, before)) {
        body.append(
            el(
                'tr',
                { class: row.changed ? 'changed' : undefined },
                el('td', { text: row.label }),
                el('td', { text: row.now }),
                el('td', { text: row.before }),
            ),
        );
    }
    const head = el(
        'thead',
        {},
        el('tr', {}, el('th', { text: '' }), el('th', { text: 'This run' }), el('th', { text: 'Earlier run' })),
    );
    return el('div', {}, el('label', {}, 'Earlier run: ', choice), el('table', { class: 'compare' }, head, body));
}

/**
 * The answer first: each objective — the scenario's expect clauses, then the objectives declared on the services
 * and stores it reaches — met or missed and by how much, linked to its clause.
 */
function verdictSection(verdict: Verdict): HTMLElement {
    const list = el('ul', { class: 'objectives' });
    for (const o of verdict.objectives) {
        const item = el(
            'li',
            {
                class: `${o.met ? 'pass' : 'fail'} ${o.kind}`,
                title:
                    o.kind === 'expect'
                        ? 'An expect clause of the scenario'
                        : 'An objective declared on a service or store',
            },
            el('span', { class: 'mark', text: o.met ? '✔' : '✘' }),
            ' ',
            el('code', { text: o.objective }),
            `: ${o.detail}`,
        );
        linkTo(item, api, o.location);
        list.append(item);
    }
    return el(
        'section',
        { class: `verdict ${verdict.met ? 'pass' : 'fail'}` },
        el('p', { class: 'headline', text: verdict.headline }),
        list,
    );
}

/** Export the shown run as the CLI prints it (Markdown for a review, JSON for tools); the extension asks where. */
function exportButtons(): HTMLButtonElement[] {
    return RUN_FORMATS.map((format) => {
        const name = format === 'json' ? 'JSON' : 'Markdown';
        const button = el('button', { class: 'secondary', text: `Export ${name}`, title: `Save this run as ${name}` });
        button.addEventListener('click', () => api.postMessage({ type: 'export', format }));
        return button;
    });
}

function section(title: string, content: HTMLElement): HTMLElement {
    return el('section', {}, el('h2', { text: title }), content);
}

render();
api.postMessage({ type: 'ready' });
