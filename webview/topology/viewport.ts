// Zoom and pan of the topology drawing, without the DOM: a view maps drawing coordinates to panel pixels
// (screen = drawing × scale + offset). The opening view keeps every label legible: when fitting the whole
// drawing would shrink the smallest label under `minLabelPx`, it opens at the smallest legible zoom instead,
// centred on what needs attention first (the first error, else the first region).

export interface View {
    readonly scale: number;
    readonly x: number;
    readonly y: number;
}
export interface Size {
    readonly width: number;
    readonly height: number;
}
export interface Box extends Size {
    readonly x: number;
    readonly y: number;
}

/** Smallest on-screen label height a person reads without zooming (WCAG has no figure; 10 px is our floor). */
export const minLabelPx = 10;
/** The smallest font the drawing uses (node details and edge labels; topology.css). */
export const smallestFontPx = 11;
export const minScale = 0.1;
export const maxScale = 4;
/** Each +/− press or wheel notch zooms by this factor. */
export const zoomStep = 1.25;

/** minLabelPx / smallestFontPx (0.909…) rounded up to a whole percent, so the smallest label is at least 10 px. */
export const legibleScale = Math.ceil((minLabelPx / smallestFontPx) * 100) / 100;

export function clampScale(scale: number): number {
    return Math.min(maxScale, Math.max(minScale, scale));
}

/** The whole drawing, centred, never enlarged past 100 %. */
export function fitView(content: Size, panel: Size): View {
    const scale = clampScale(
        Math.min(1, panel.width / Math.max(1, content.width), panel.height / Math.max(1, content.height)),
    );
    return centredOn({ x: 0, y: 0, ...content }, scale, content, panel);
}

export interface OpeningView {
    readonly view: View;
    /** False when the opening view shows only part of the drawing (the overview then shows where it is). */
    readonly whole: boolean;
}

export function openingView(content: Size, panel: Size, focus: Box | undefined): OpeningView {
    const fit = fitView(content, panel);
    if (fit.scale >= legibleScale) return { view: fit, whole: true };
    return { view: centredOn(focus ?? { x: 0, y: 0, ...content }, legibleScale, content, panel), whole: false };
}

/** Room left beside a focus box larger than the panel, so its title is not flush with the edge. */
const focusMargin = 12;

/**
 * Centres `box` in the panel at `scale` — or, where the box is larger than the panel, shows its start (where
 * its title is) — then slides so the drawing does not leave a gap it could fill.
 */
export function centredOn(box: Box, scale: number, content: Size, panel: Size): View {
    const along = (start: number, size: number, room: number) =>
        size * scale > room ? focusMargin - start * scale : room / 2 - (start + size / 2) * scale;
    const x = along(box.x, box.width, panel.width);
    const y = along(box.y, box.height, panel.height);
    return {
        scale,
        x: settle(x, content.width * scale, panel.width),
        y: settle(y, content.height * scale, panel.height),
    };
}

/** A drawing smaller than the panel is centred; a larger one is kept from leaving empty space at either edge. */
function settle(offset: number, drawn: number, room: number): number {
    if (drawn <= room) return (room - drawn) / 2;
    return Math.min(0, Math.max(room - drawn, offset));
}

/** Zooms by `factor` keeping the drawing point under `at` (panel pixels) where it is. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }): View {
    const scale = clampScale(view.scale * factor);
    const k = scale / view.scale;
    return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
    return { ...view, x: view.x + dx, y: view.y + dy };
}

/** The part of the drawing the panel shows, in drawing coordinates (the overview's frame). */
export function visibleBox(view: View, panel: Size): Box {
    return {
        x: -view.x / view.scale,
        y: -view.y / view.scale,
        width: panel.width / view.scale,
        height: panel.height / view.scale,
    };
}
