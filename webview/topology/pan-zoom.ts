// The DOM side of zoom and pan: wheel (around the pointer), drag, the toolbar's +/−/fit/100 % buttons, and an
// overview that frames the visible part when the drawing does not fit legibly. The arithmetic is viewport.ts.
import { el, svg } from '../common/dom.js';
import {
    fitView,
    openingView,
    panBy,
    visibleBox,
    zoomAt,
    zoomStep,
    type Box,
    type Size,
    type View,
} from './viewport.js';

/** The overview fits in this many pixels, keeping the drawing's proportions. */
const overviewMax = { width: 180, height: 140 };

export interface PanZoom {
    readonly toolbar: HTMLElement;
    /** Called once the canvas is in the page (its size is known): sets the opening view. */
    open(): void;
}

/**
 * `kept`: the view the person had zoomed or panned to before the graph was redrawn (an edit of the file), kept
 * instead of the opening view; `moved` is told of each such change.
 */
export function panZoom(
    canvas: HTMLElement,
    drawing: SVGSVGElement,
    content: Size,
    focus: Box | undefined,
    kept?: View,
    moved?: (view: View) => void,
): PanZoom {
    let view: View = { scale: 1, x: 0, y: 0 };
    const panel = (): Size => ({ width: canvas.clientWidth, height: canvas.clientHeight });
    const zoomLabel = el('span', { class: 'zoom-level' });
    const frame = svg('rect', { class: 'overview-frame' });
    const overview = overviewOf(drawing, content, frame);

    const apply = (next: View, byPerson = true) => {
        view = next;
        if (byPerson) moved?.(view);
        drawing.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
        drawing.dataset.scale = String(view.scale);
        zoomLabel.textContent = `${Math.round(view.scale * 100)} %`;
        const seen = visibleBox(view, panel());
        for (const [k, v] of Object.entries(seen)) frame.setAttribute(k, String(v));
    };
    const centre = () => ({ x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 });
    const button = (text: string, title: string, action: () => View) => {
        const b = el('button', { text, title });
        b.setAttribute('aria-label', title);
        b.addEventListener('click', () => apply(action()));
        return b;
    };

    canvas.addEventListener(
        'wheel',
        (e) => {
            e.preventDefault();
            const r = canvas.getBoundingClientRect();
            apply(
                zoomAt(view, e.deltaY < 0 ? zoomStep : 1 / zoomStep, { x: e.clientX - r.left, y: e.clientY - r.top }),
            );
        },
        { passive: false },
    );
    let drag: { x: number; y: number; moved: boolean } | undefined;
    canvas.addEventListener('pointerdown', (e) => {
        if (e.button === 0) drag = { x: e.clientX, y: e.clientY, moved: false };
    });
    canvas.addEventListener('pointermove', (e) => {
        if (!drag) return;
        const dx = e.clientX - drag.x,
            dy = e.clientY - drag.y;
        // A few pixels of jitter is still a click on a box (which reveals its declaration), not a drag.
        if (!drag.moved && Math.hypot(dx, dy) < 4) return;
        if (!drag.moved) canvas.setPointerCapture(e.pointerId);
        drag = { x: e.clientX, y: e.clientY, moved: true };
        canvas.classList.add('dragging');
        apply(panBy(view, dx, dy));
    });
    const endDrag = () => {
        drag = undefined;
        canvas.classList.remove('dragging');
    };
    canvas.addEventListener('pointerup', endDrag);
    canvas.addEventListener('pointercancel', endDrag);
    overview.addEventListener('click', (e) => {
        // Clicking the overview centres the main view on that point.
        const r = overview.getBoundingClientRect();
        const at = {
            x: ((e.clientX - r.left) / r.width) * content.width,
            y: ((e.clientY - r.top) / r.height) * content.height,
        };
        const p = panel();
        apply({ ...view, x: p.width / 2 - at.x * view.scale, y: p.height / 2 - at.y * view.scale });
    });

    const toolbar = el(
        'div',
        { class: 'zoom' },
        button('−', 'Zoom out', () => zoomAt(view, 1 / zoomStep, centre())),
        zoomLabel,
        button('+', 'Zoom in', () => zoomAt(view, zoomStep, centre())),
        button('Fit', 'Fit the whole design in the panel', () => fitView(content, panel())),
        button('100 %', 'Actual size', () => zoomAt(view, 1 / view.scale, centre())),
    );
    return {
        toolbar,
        open() {
            // The canvas takes the page's height below the header (the diagnostics list follows, scrolled to).
            canvas.style.height = `${Math.max(320, window.innerHeight - canvas.getBoundingClientRect().top - 8)}px`;
            const opening = openingView(content, panel(), focus);
            canvas.append(overview);
            overview.style.display = opening.whole ? 'none' : '';
            apply(kept ?? opening.view, false);
        },
    };
}

/** A small copy of the drawing (not interactive, not counted as the drawing) with a frame for the visible part. */
function overviewOf(drawing: SVGSVGElement, content: Size, frame: SVGRectElement): SVGSVGElement {
    const copy = drawing.cloneNode(true) as SVGSVGElement;
    copy.querySelector('defs')?.remove();
    const inner = svg('g', { class: 'overview-drawing' }, ...[...copy.childNodes]);
    const k = Math.min(
        overviewMax.width / Math.max(1, content.width),
        overviewMax.height / Math.max(1, content.height),
    );
    const overview = svg(
        'svg',
        {
            class: 'overview',
            width: Math.round(content.width * k),
            height: Math.round(content.height * k),
            viewBox: `0 0 ${content.width} ${content.height}`,
            'aria-hidden': 'true',
        },
        inner,
        frame,
    );
    for (const link of overview.querySelectorAll('[tabindex]')) link.removeAttribute('tabindex');
    return overview;
}
