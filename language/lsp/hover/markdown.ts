// Small helpers for hover markdown: tables, provenance notes and number formatting shared by the describers.
import { formatCount, formatDuration } from '../../../format/quantities.js';
import { citedFactIds, factRef } from '../../semantics/facts/citation.js';
import type { Provenance, RttEstimate } from '../../semantics/model.js';
import { LISTED_ITEMS } from '../../semantics/units.js';

/** Rows a hover table shows; it counts the others (a region's RTT to 5,999 others is no hover). */
export const MAX_TABLE_ROWS = 20;

/**
 * A Markdown table of the first MAX_TABLE_ROWS rows, then how many of `total` it leaves out (a caller with many rows
 * may pass only the first ones).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], total = rows.length): string {
    const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const more = total - Math.min(rows.length, MAX_TABLE_ROWS);
    return [
        `| ${header.map(escape).join(' | ')} |`,
        `|${header.map(() => '---').join('|')}|`,
        ...rows.slice(0, MAX_TABLE_ROWS).map((r) => `| ${r.map(escape).join(' | ')} |`),
        ...(more > 0 ? ['', `… and ${formatCount(more)} more rows`] : []),
    ].join('\n');
}

/** The facts citations (`docs/facts.md#…`) in a fact's source text, or a short form of the text when it has none. */
export function cite(source: string): string {
    const ids = citedFactIds(source);
    if (ids.length > 0) return [...new Set(ids)].map((id) => `docs/facts.md#${id}`).join(', ');
    return source.replace(/[:;][\s\S]*$/, '').trim();
}

/** A note saying where a value comes from, empty when it was written in the design. */
export function provenanceNote(p: Provenance | undefined): string {
    if (!p || p.kind === 'declared') return '';
    if (p.kind === 'default') return ` *(default, ${cite(p.source)})*`;
    return p.from === 'not declared' ? ' *(not declared)*' : ` *(from ${p.from})*`;
}

/** An RTT as the rules print it: estimates rounded to whole milliseconds. */
export function rttText(rtt: RttEstimate): string {
    if (rtt.ms === undefined) return 'unknown';
    return rtt.source === 'great-circle' ? `≈ ${formatDuration(Math.round(rtt.ms))}` : formatDuration(rtt.ms);
}

export function rttSource(rtt: RttEstimate): string {
    switch (rtt.source) {
        case 'same-region':
            return 'same region';
        case 'link':
            return rtt.note;
        case 'table':
            return `measured (${factRef('cloudping-rtt-matrix')})`;
        case 'great-circle':
            return `great-circle estimate over ${formatCount(Math.round(rtt.distanceKm ?? 0))} km (${factRef('rtt-from-distance')})`;
        case 'unknown':
            return 'no link, no measured value, no location: declare a link with a measured rtt';
    }
}

/** "a, b, c"; past LISTED_ITEMS items, "a, b, …, j, … and 990 more". */
export function list(items: readonly string[]): string {
    if (items.length > LISTED_ITEMS + 1)
        return `${items.slice(0, LISTED_ITEMS).join(', ')}, … and ${formatCount(items.length - LISTED_ITEMS)} more`;
    return items.length === 0 ? '—' : items.join(', ');
}

/** The declared name of a deployment id: `ledger@eu` (the store ledger in cell eu) → `ledger`. */
export function nameOf(id: string): string {
    const at = id.indexOf('@');
    return at < 0 ? id : id.slice(0, at);
}
