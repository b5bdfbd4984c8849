// Colors for canvases (charts), which cannot use CSS variables directly: read VS Code's theme variables at draw
// time, and redraw when VS Code switches theme (it changes the body's class).
/** Each series color: VS Code's chart color variable, and the color it has in the default dark theme. */
const palette = [
    ['--vscode-charts-blue', '#3794ff'],
    ['--vscode-charts-orange', '#d18616'],
    ['--vscode-charts-green', '#89d185'],
    ['--vscode-charts-purple', '#b180d7'],
    ['--vscode-charts-red', '#f14c4c'],
    ['--vscode-charts-yellow', '#cca700'],
] as const;

export function cssColor(variable: string, otherwise: string): string {
    return getComputedStyle(document.body).getPropertyValue(variable).trim() || otherwise;
}

export function seriesColor(index: number): string {
    const [variable, otherwise] = palette[index % palette.length] ?? palette[0];
    return cssColor(variable, otherwise);
}

export function onThemeChange(redraw: () => void): void {
    new MutationObserver(redraw).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
