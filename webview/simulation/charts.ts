// Charts of the simulation view, drawn with Chart.js (bundled; only the parts used are registered). Lines over
// scenario time are drawn as small multiples, one panel per region or link on a shared value axis, so lines
// that coincide (six regions at 0 %) cannot hide each other; inside a panel, dash and markers tell the lines
// apart. The legend is HTML (it wraps and never drops an entry). A chart with nothing to show is one sentence.
import {
    BarController,
    BarElement,
    CategoryScale,
    Chart,
    LineController,
    LineElement,
    LinearScale,
    PointElement,
    Tooltip,
    type ChartConfiguration,
} from 'chart.js';
import { el, svg } from '../common/dom.js';
import { gridColor } from '../common/grid.js';
import { cssColor, seriesColor } from '../common/theme.js';
import type { ChartModel, RegionSeries } from './view-model.js';

Chart.register(
    LineController,
    LineElement,
    PointElement,
    BarController,
    BarElement,
    CategoryScale,
    LinearScale,
    Tooltip,
);

const live: Chart[] = [];

export function destroyCharts(): void {
    for (const chart of live.splice(0)) chart.destroy();
}

export function chartSection(model: ChartModel): HTMLElement {
    const section = el('section', { class: 'chart' }, el('h3', { text: `${model.title} (${model.unit})` }));
    if (model.empty) {
        section.classList.add('collapsed');
        section.append(el('p', { class: 'muted', text: model.empty }));
        return section;
    }
    if (model.kind === 'bars') {
        section.append(
            legend(model.series.map((s, i) => ({ label: s.label, color: i, dashed: false, markers: false }))),
            box(barChart(model)),
        );
        return section;
    }
    const groups = groupsOf(model.series);
    // One value axis for every panel, so heights compare across regions.
    const values = model.series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null);
    // A reduce, not a spread: a long run over many regions has more points than a call has arguments.
    const yMax = model.id === 'availability' ? 100 : values.reduce((most, y) => Math.max(most, y), -Infinity);
    const styles = [...new Map(model.series.map((s) => [s.style, s])).values()];
    const several = groups.length > 1;
    // In small multiples a style (p99, p50) has one color in every panel, and each panel is titled; in one chart
    // each line has its own color.
    const colorOf = (s: RegionSeries) =>
        several ? styles.findIndex((st) => st.style === s.style) : (s.colorIndex ?? model.series.indexOf(s));
    section.append(
        legend(
            (several ? styles : model.series).map((s) => ({
                label: several ? s.style : s.region,
                color: colorOf(s),
                dashed: s.dashed ?? false,
                markers: s.markers ?? false,
            })),
        ),
    );
    const grid = el('div', { class: several ? 'multiples' : 'single' });
    for (const [group, series] of groups) {
        const panel = el('div', { class: 'panel' });
        if (several) panel.append(el('h4', { text: group }));
        panel.append(box(lineChart(model, series, yMax, several, colorOf)));
        grid.append(panel);
    }
    section.append(grid);
    return section;
}

function groupsOf(series: readonly RegionSeries[]): [string, RegionSeries[]][] {
    const groups = new Map<string, RegionSeries[]>();
    for (const s of series) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
    return [...groups];
}

function box(canvas: HTMLCanvasElement): HTMLElement {
    return el('div', { class: 'chart-box' }, canvas);
}

function canvasFor(label: string): HTMLCanvasElement {
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    return canvas;
}

function axis(title: string | undefined) {
    const foreground = cssColor('--vscode-foreground', '#888');
    return {
        title: { display: title !== undefined, text: title ?? '', color: foreground },
        ticks: { color: foreground },
        grid: { color: gridColor },
        border: { color: gridColor },
    };
}

function lineChart(
    model: Extract<ChartModel, { kind: 'time' }>,
    series: readonly RegionSeries[],
    yMax: number,
    small: boolean,
    colorOf: (s: RegionSeries) => number,
): HTMLCanvasElement {
    const canvas = canvasFor(`${model.title}: ${series.map((s) => s.region).join(', ')}`);
    const config: ChartConfiguration<'line'> = {
        type: 'line',
        data: {
            datasets: series.map((s) => {
                const color = seriesColor(colorOf(s));
                return {
                    label: s.region,
                    data: s.points.map((p) => ({ x: p.x, y: p.y })),
                    borderColor: color,
                    backgroundColor: color,
                    borderDash: s.dashed ? [6, 4] : [],
                    pointRadius: s.markers ? 3 : 0,
                    pointStyle: 'triangle' as const,
                    borderWidth: s.dashed ? 1.5 : 2.5,
                    spanGaps: false,
                    // 'before': a point's value holds from it to the next point, as an interval's value does.
                    stepped: model.stepped ? ('before' as const) : false,
                };
            }),
        },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            parsing: false,
            interaction: { mode: 'nearest', intersect: false },
            plugins: {
                legend: { display: false },
                tooltip: {
                    callbacks: { title: (items) => `t = ${items[0]?.parsed.x?.toFixed(2)} ${model.time.unit}` },
                },
            },
            scales: {
                x: { type: 'linear', min: 0, max: model.time.end, ...axis(small ? model.time.unit : model.time.label) },
                y: {
                    ...axis(small ? undefined : model.unit),
                    min: 0,
                    max: model.id === 'availability' ? 100 : undefined,
                    suggestedMax: yMax,
                },
            },
        },
    };
    live.push(new Chart(canvas, config));
    return canvas;
}

function barChart(model: Extract<ChartModel, { kind: 'bars' }>): HTMLCanvasElement {
    const canvas = canvasFor(`${model.title} per region`);
    const config: ChartConfiguration<'bar'> = {
        type: 'bar',
        data: {
            labels: [...model.categories],
            datasets: model.series.map((s, i) => ({
                label: s.label,
                data: [...s.values],
                backgroundColor: seriesColor(i),
                borderColor: seriesColor(i),
            })),
        },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            plugins: { legend: { display: false } },
            scales: { x: axis('region'), y: { ...axis(model.unit), beginAtZero: true } },
        },
    };
    live.push(new Chart(canvas, config));
    return canvas;
}

/** An HTML legend: every entry, wrapping as the panel narrows. */
function legend(entries: readonly { label: string; color: number; dashed: boolean; markers: boolean }[]): HTMLElement {
    return el(
        'ul',
        { class: 'chart-legend' },
        ...entries.map((e) => {
            const stroke = seriesColor(e.color);
            const sample = svg(
                'svg',
                { width: 28, height: 12, 'aria-hidden': 'true' },
                svg('line', {
                    x1: 1,
                    y1: 6,
                    x2: 27,
                    y2: 6,
                    stroke,
                    'stroke-width': e.dashed ? 1.5 : 2.5,
                    'stroke-dasharray': e.dashed ? '6 4' : undefined,
                }),
                e.markers ? svg('path', { d: 'M14,2 L18,9 L10,9 z', fill: stroke }) : undefined,
            );
            return el('li', {}, sample, e.label);
        }),
    );
}
