// Charts of the simulation view, drawn with Chart.js (bundled; only the parts used are registered): lines over
// scenario time with one line per region, or bars per region for numbers the report gives as percentiles.
import {
    BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip,
    type ChartConfiguration,
} from 'chart.js';
import { el } from '../common/dom.js';
import { cssColor, seriesColor } from '../common/theme.js';
import type { ChartModel } from './view-model.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const live: Chart[] = [];

export function destroyCharts(): void {
    for (const chart of live.splice(0)) chart.destroy();
}

export function chartSection(model: ChartModel): HTMLElement {
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${model.title} per region`);
    const section = el('section', { class: 'chart' }, el('h3', { text: `${model.title} (${model.unit})` }));
    const empty = model.kind === 'time' ? model.series.every((s) => s.points.every((p) => p.y === null)) : model.categories.length === 0;
    if (empty) {
        section.append(el('p', { class: 'muted', text: 'No samples in this run.' }));
        return section;
    }
    section.append(el('div', { class: 'chart-box' }, canvas));
    const foreground = cssColor('--vscode-foreground', '#888');
    const grid = cssColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
    const axis = (title: string) => ({ title: { display: true, text: title, color: foreground }, ticks: { color: foreground }, grid: { color: grid } });
    const plugins = { legend: { labels: { color: foreground, boxWidth: 14 } } };
    let config: ChartConfiguration;
    if (model.kind === 'time') {
        config = {
            type: 'line',
            data: {
                datasets: model.series.map((s, i) => ({
                    label: s.region, data: s.points.map((p) => ({ x: p.x, y: p.y })),
                    borderColor: seriesColor(s.colorIndex ?? i), backgroundColor: seriesColor(s.colorIndex ?? i), borderDash: s.dashed ? [6, 4] : [],
                    // 'before': a point's value holds from it to the next point, as an interval's value does.
                    pointRadius: 0, borderWidth: 2, spanGaps: false, stepped: model.stepped ? 'before' as const : false,
                })),
            },
            options: {
                animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
                interaction: { mode: 'nearest', intersect: false },
                plugins: { ...plugins, tooltip: { callbacks: { title: (items) => `t = ${items[0]?.parsed.x?.toFixed(1)} min` } } },
                scales: {
                    x: { type: 'linear', ...axis('minutes since the scenario started') },
                    y: { ...axis(model.unit), ...(model.id === 'availability' ? { min: 0, max: 100 } : { beginAtZero: true }) },
                },
            },
        } as ChartConfiguration<'line'>;
    } else {
        config = {
            type: 'bar',
            data: {
                labels: [...model.categories],
                datasets: model.series.map((s, i) => ({ label: s.label, data: [...s.values], backgroundColor: seriesColor(i), borderColor: seriesColor(i) })),
            },
            options: {
                animation: false, responsive: true, maintainAspectRatio: false, plugins,
                scales: { x: axis('region'), y: { ...axis(model.unit), beginAtZero: true } },
            },
        } as ChartConfiguration<'bar'>;
    }
    live.push(new Chart(canvas, config));
    return section;
}
