import { describe, expect, it } from 'vitest';
import {
    centredOn,
    fitView,
    legibleScale,
    minLabelPx,
    openingView,
    smallestFontPx,
    visibleBox,
    zoomAt,
} from '../../webview/topology/viewport.js';

describe("the topology view's zoom and pan", () => {
    it.each([
        // content, panel → closed form of the fitted scale: min(1, pw / cw, ph / ch)
        {
            name: 'a small design is drawn at 100 % and centred',
            content: { width: 400, height: 200 },
            panel: { width: 800, height: 600 },
            scale: 1,
            x: 200,
            y: 200,
        },
        {
            name: 'a wide design is scaled to the panel width and centred vertically',
            content: { width: 1000, height: 200 },
            panel: { width: 800, height: 600 },
            scale: 0.8,
            x: 0,
            y: 220,
        },
        {
            name: 'a tall design is scaled to the panel height and centred horizontally',
            content: { width: 300, height: 1200 },
            panel: { width: 800, height: 600 },
            scale: 0.5,
            x: 325,
            y: 0,
        },
    ])('fit: $name', ({ content, panel, scale, x, y }) => {
        const view = fitView(content, panel);
        expect(view.scale).toBeCloseTo(scale, 9);
        expect(view.x).toBeCloseTo(x, 9);
        expect(view.y).toBeCloseTo(y, 9);
    });

    it('opens on the whole design when fitting it keeps the smallest label at 10 px or more', () => {
        // 800 / 850 ≈ 0.94 ≥ 0.91
        const opening = openingView({ width: 850, height: 300 }, { width: 800, height: 600 }, undefined);
        expect(opening.whole).toBe(true);
        expect(opening.view.scale * smallestFontPx).toBeGreaterThanOrEqual(minLabelPx);
    });

    it('opens at the smallest legible zoom centred on the focus when the whole design would shrink labels under 10 px', () => {
        // 780 / 1900 ≈ 0.41: the ~5 px labels of the issue. Focus box centre (1000, 400) lands on the panel's
        // centre horizontally.
        const content = { width: 1900, height: 900 };
        const panel = { width: 780, height: 800 };
        const opening = openingView(content, panel, { x: 900, y: 350, width: 200, height: 100 });
        expect(opening.whole).toBe(false);
        // 10 px / 11 px = 0.909…, rounded up to a whole percent
        expect(opening.view.scale).toBe(0.91);
        expect(opening.view.scale * smallestFontPx).toBeGreaterThanOrEqual(minLabelPx);
        expect(opening.view.x).toBeCloseTo(390 - 1000 * 0.91, 6);
        // Centring (400 − 400 × 0.91 = 36) would leave an empty band above the drawing: y slides to 0.
        expect(opening.view.y).toBe(0);
    });

    it('shows the start of a focus box wider than the panel, where its title is, not its middle', () => {
        // box 800 wide at 0.91 = 728 px > 600 px panel: its left edge goes 12 px from the panel's edge
        const view = centredOn(
            { x: 1000, y: 0, width: 800, height: 100 },
            0.91,
            { width: 3000, height: 3000 },
            { width: 600, height: 400 },
        );
        expect(view.x).toBeCloseTo(12 - 1000 * 0.91, 9);
    });

    it("does not leave an empty band when the focus is near the drawing's corner", () => {
        const view = centredOn(
            { x: 0, y: 0, width: 10, height: 10 },
            legibleScale,
            { width: 3000, height: 3000 },
            { width: 600, height: 400 },
        );
        expect([view.x, view.y]).toEqual([0, 0]);
    });

    it('zooming keeps the point under the pointer in place, and zooming back restores the view', () => {
        const start = { scale: 0.5, x: 40, y: -20 };
        const at = { x: 300, y: 200 };
        const zoomed = zoomAt(start, 1.25, at);
        // the drawing point under the pointer before: ((300 − 40) / 0.5, (200 + 20) / 0.5) = (520, 440)
        expect(520 * zoomed.scale + zoomed.x).toBeCloseTo(300, 9);
        expect(440 * zoomed.scale + zoomed.y).toBeCloseTo(200, 9);
        const back = zoomAt(zoomed, 1 / 1.25, at);
        expect(back.scale).toBeCloseTo(start.scale, 9);
        expect(back.x).toBeCloseTo(start.x, 9);
        expect(back.y).toBeCloseTo(start.y, 9);
    });

    it.each([
        { name: 'zooming out stops at 10 %', factor: 0.001, scale: 0.1 },
        { name: 'zooming in stops at 400 %', factor: 1000, scale: 4 },
    ])('$name', ({ factor, scale }) => {
        expect(zoomAt({ scale: 1, x: 0, y: 0 }, factor, { x: 0, y: 0 }).scale).toBe(scale);
    });

    it('frames the visible part of the drawing for the overview', () => {
        expect(visibleBox({ scale: 0.5, x: -100, y: -50 }, { width: 400, height: 300 })).toEqual({
            x: 200,
            y: 100,
            width: 800,
            height: 600,
        });
    });
});
