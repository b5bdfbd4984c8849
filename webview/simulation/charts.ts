// Line charts over time, one line per region, drawn with Chart.js (bundled; only the parts used are registered).
import {
    Chart, Filler, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartConfiguration,
} from 'chart.js';
import { el } from '../shared/dom.js';
import { cssColor, seriesColor } from '../shared/theme.js';
import type { ChartModel } from './view-model.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, Filler);

const live: Chart[] = [];

export function destroyCharts(): void {
    for (const chart of live.splice(0)) chart.destroy();
}

export function chartSection(model: ChartModel): HTMLElement {
    const canvas = el('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `${model.title} over time per region`);
    const section = el('section', { class: 'chart' }, el('h3', { text: `${model.title} (${model.unit})` }), el('div', { class: 'chart-box' }, canvas));
    if (model.series.every((s) => s.points.length === 0)) {
        section.append(el('p', { class: 'muted', text: 'No samples in this run.' }));
        return section;
    }
    const foreground = cssColor('--vscode-foreground', '#888');
    const grid = cssColor('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
    const config: ChartConfiguration<'line', { x: number; y: number }[]> = {
        type: 'line',
        data: {
            datasets: model.series.map((s, i) => ({
                label: s.region, data: s.points.map((p) => ({ x: p.x, y: p.y })), borderColor: seriesColor(i), backgroundColor: seriesColor(i),
                pointRadius: 0, borderWidth: 2, stepped: model.id === 'availability' ? 'before' as const : false,
            })),
        },
        options: {
            animation: false,
            responsive: true,
            maintainAspectRatio: false,
            parsing: false,
            interaction: { mode: 'nearest', intersect: false },
            plugins: { legend: { labels: { color: foreground } }, tooltip: { callbacks: { title: (items) => `t = ${items[0]?.parsed.x?.toFixed(1)} min` } } },
            scales: {
                x: { type: 'linear', title: { display: true, text: 'minutes', color: foreground }, ticks: { color: foreground }, grid: { color: grid } },
                y: { title: { display: true, text: model.unit, color: foreground }, ticks: { color: foreground }, grid: { color: grid },
                    ...(model.id === 'availability' ? { min: 0, max: 100 } : { beginAtZero: true }) },
            },
        },
    };
    live.push(new Chart(canvas, config));
    return section;
}
