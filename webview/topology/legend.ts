// The topology legend: one entry per line style, box style and outline the drawing uses, drawn with the same
// classes as the drawing so it matches in every theme.
import { el, svg } from '../common/dom.js';

/** Every style the drawing can use, as [class of the sample, what it means]. */
export const legendEntries: readonly (readonly [sample: string, meaning: string])[] = [
    ['edge replication', 'replication from the primary (mode ≈ lag)'],
    ['edge replication two-way', 'replication both ways (every region writes)'],
    ['edge failover', 'failover (detection · routing)'],
    ['edge uses', 'service uses store'],
    ['node primary', 'primary: takes the writes or traffic'],
    ['node', 'standby or active replica'],
    ['group region stray', 'region in no cell or with nothing deployed'],
    ['node sev-error', 'error'],
    ['node sev-warning', 'warning'],
    ['node sev-info', 'info'],
];

export function legend(): HTMLElement {
    return el(
        'ul',
        { class: 'legend', title: 'Legend' },
        ...legendEntries.map(([sample, meaning]) => el('li', {}, swatch(sample), meaning)),
    );
}

function swatch(sample: string): SVGSVGElement {
    const shape = sample.startsWith('edge')
        ? svg('path', {
              d: 'M2,7 L28,7',
              'marker-end': 'url(#arrow)',
              'marker-start': sample.includes('two-way') ? 'url(#arrow-start)' : undefined,
          })
        : svg('rect', { x: 2, y: 2, width: 26, height: 10, rx: 2 });
    return svg(
        'svg',
        { class: 'swatch', width: 30, height: 14, 'aria-hidden': 'true' },
        svg('g', { class: sample }, shape),
    );
}
