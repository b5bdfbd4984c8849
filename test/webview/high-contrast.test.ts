// High Contrast themes: buttons keep a visible border (the theme's button border, else its contrast border),
// hover is a dashed contrast outline rather than a fill, focus is outlined, and chart grid lines stay muted.
// Read from the shipped style sheets, so a rule edited away fails here before anyone opens the theme.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridColor } from '../../webview/common/grid.js';
import { ROOT } from '../helpers/bundles.js';

const sheets = ['webview/simulation/simulation.css', 'webview/topology/topology.css'];

/** Each rule of a style sheet as its selectors and declarations (the sheets have no at-rules or nesting). */
function rules(file: string): { selectors: string[]; declarations: Record<string, string> }[] {
    const css = readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    return [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selector, body]) => ({
        selectors: selector!.split(',').map((s) => s.trim().replace(/\s+/g, ' ')),
        declarations: Object.fromEntries(
            body!
                .split(';')
                .map((d) => d.split(':'))
                .filter((d) => d.length >= 2)
                .map(([k, ...v]) => [k!.trim(), v.join(':').trim()]),
        ),
    }));
}

describe.each(sheets)('%s in High Contrast', (file) => {
    const all = rules(file);
    const declared = (selector: string, property: string) =>
        all.find((r) => r.selectors.includes(selector) && r.declarations[property] !== undefined)?.declarations[
            property
        ];

    it('gives buttons a border from the theme, falling back to its contrast border, which no variant takes away', () => {
        const themeBorder = /^1px solid var\(--vscode-button-border, var\(--vscode-contrastBorder, transparent\)\)$/;
        // The base rule: `button`, or `<scope> button`.
        const base = all.filter(
            (r) => r.selectors.some((s) => /(^|\s)button$/.test(s)) && r.declarations.background !== undefined,
        );
        expect(base.length).toBeGreaterThan(0);
        for (const rule of base) expect(rule.declarations.border, rule.selectors.join(', ')).toMatch(themeBorder);
        const variants = all.filter((r) => r.selectors.some((s) => /button[.:]/.test(s)));
        for (const rule of variants) {
            for (const property of ['border', 'border-color', 'border-width', 'border-style']) {
                if (rule.declarations[property] !== undefined)
                    expect(rule.declarations[property], rule.selectors.join(', ')).toMatch(themeBorder);
            }
        }
    });

    it.each(['body.vscode-high-contrast button:hover', 'body.vscode-high-contrast-light button:hover'])(
        'outlines %s with the contrast active border',
        (selector) => {
            expect(declared(selector, 'outline')).toBe('1px dashed var(--vscode-contrastActiveBorder)');
        },
    );

    it('outlines a focused button with the focus border', () => {
        expect(declared('button:focus-visible', 'outline')).toBe('1px solid var(--vscode-focusBorder)');
    });
});

describe('chart grid lines', () => {
    it('are a faint grey in every theme, not the contrast border', () => {
        const match = /^rgba\((\d+), (\d+), (\d+), ([\d.]+)\)$/.exec(gridColor);
        expect(match).not.toBeNull();
        const [, r, g, b, alpha] = match!;
        expect(r === g && g === b).toBe(true);
        expect(Number(alpha)).toBeLessThanOrEqual(0.25);
    });

    it('are used for the grid and the axis line of every chart', () => {
        // Whitespace collapsed: the formatter decides the layout.
        const charts = readFileSync(path.join(ROOT, 'webview/simulation/charts.ts'), 'utf8').replace(/\s+/g, ' ');
        expect(charts).toContain('grid: { color: gridColor }, border: { color: gridColor }');
        expect(charts).not.toMatch(/contrastBorder/);
    });
});
