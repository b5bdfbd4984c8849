// Colors for canvases (charts), which cannot use CSS variables directly: read VS Code's theme variables at draw
// time, and redraw when VS Code switches theme (it changes the body's class).
const palette = [
    '--vscode-charts-blue',
    '--vscode-charts-orange',
    '--vscode-charts-green',
    '--vscode-charts-purple',
    '--vscode-charts-red',
    '--vscode-charts-yellow',
];
const fallback = ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'];

export function cssColor(variable: string, otherwise: string): string {
    return getComputedStyle(document.body).getPropertyValue(variable).trim() || otherwise;
}

export function seriesColor(index: number): string {
    const i = index % palette.length;
    return cssColor(palette[i]!, fallback[i]!);
}

export function onThemeChange(redraw: () => void): void {
    new MutationObserver(redraw).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
