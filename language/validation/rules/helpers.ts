// Small helpers the rules share: where to point a finding, how to name things in messages.
import { failoverTarget } from '../../semantics/estimators/index.js';
import type { FailoverM, Model, Range, Source, StoreM } from '../../semantics/model.js';
import { formatCount } from '../../../format/quantities.js';
import { propRange } from '../../semantics/source-props.js';

export interface Place {
    readonly uri: string;
    readonly range: Range;
}

/** Whether two ranges start and end at the same places. */
export function sameRange(a: Range, b: Range): boolean {
    return (
        a.start.line === b.start.line &&
        a.start.character === b.start.character &&
        a.end.line === b.end.line &&
        a.end.character === b.end.character
    );
}

/** A short string that is the same for equal ranges, for grouping findings by where they point. */
export function rangeKey(r: Range): string {
    return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The range of the first written property of `props`, else the declaration's name. */
export function at(source: Source, ...props: string[]): Place {
    for (const p of props) {
        const range = propRange(source, p);
        if (range) return { uri: source.uri, range };
    }
    return { uri: source.uri, range: source.nameRange };
}

/** Where a store's regions are written: its own `regions` clause, or its cell's (per-cell stores). */
export function regionsPlace(
    model: Model,
    store: { readonly cell?: string; readonly source: Source },
): Place & { readonly clause?: Range } {
    const own = propRange(store.source, 'regions');
    if (own) return { uri: store.source.uri, range: own, clause: own };
    const cell = store.cell ? model.cells.get(store.cell) : undefined;
    const cellRegions = cell ? propRange(cell.source, 'regions') : undefined;
    if (cell && cellRegions) return { uri: cell.source.uri, range: cellRegions, clause: cellRegions };
    return at(store.source, 'perCell');
}

/** The failover's target runs in at least one AWS region (AWS-only services and limits apply to it). */
export function targetOnAws(model: Model, failover: FailoverM): boolean {
    return failoverTarget(model, failover)?.regions.some((r) => model.regions.get(r)?.provider === 'aws') ?? false;
}

/** Several regions accept writes for the same keys. */
export function acceptsWritesInSeveralRegions(store: StoreM): boolean {
    return store.writes.policy === 'any-region' && store.regions.length > 1;
}

export { listing } from '../../semantics/units.js';

export { percentileName } from '../../../format/quantities.js';

/** An estimate to three significant figures, as a reviewer would say it: 221,324 → "221,000". */
export function roughly(n: number): string {
    if (n < 100) return formatCount(n);
    const digits = Math.floor(Math.log10(n)) + 1;
    const unit = 10 ** Math.max(0, digits - 3);
    return formatCount(Math.round(n / unit) * unit);
}
