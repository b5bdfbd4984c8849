// One mistake, one diagnostic. While a declaration has text the grammar could not read or a name that did not
// resolve, the model holds a partial version of it (a store without its misspelled region, a failover without its
// target), and the design rules would judge that partial design: a typo in `regions` became a quorum that cannot
// survive a region loss, a latency budget missed, a missing failover. So the design checks hold back what such a
// declaration touches until it reads and resolves:
// - the *incomplete* declarations themselves (a syntax error or an unresolved name inside them);
// - every declaration that depends on one, transitively (a service that uses the store, the workload for that
//   service, the failover of it), and per-cell findings of an incomplete cell;
// - the declarations an incomplete one names, including the name its did-you-mean suggests (a failover of
//   `box-ofice` is about `box-office`), but not what depends on those in turn — a region is named by everything.
// What is wrong in the text itself (units, duplicates) is still reported; design findings and the problems that
// may follow from the partial declaration (a missing property, too few regions for a survival goal) wait.
import type { AstNode, LangiumDocument } from 'langium';
import type { Document } from '../generated/ast.js';
import type { Range } from '../semantics/model.js';
import { referencesBelow } from '../util/subtree-references.js';
import { itemAt } from '../util/item-at.js';

/** Where the built-in checks found a syntax error or an unresolved name, with the name suggested for it. */
export interface BrokenPlace {
    readonly range: Range;
    readonly refText?: string;
    readonly suggestion?: string;
}

export interface HeldBack {
    /** Whether a design finding at `range` in this document (of the instance in `cell`) waits. */
    covers(range: Range, cell?: string): boolean;
}

const heldBackByDocument = new WeakMap<LangiumDocument, HeldBack>();

/** What the last validation of `document` holds back; undefined when every declaration read and resolved. */
export function heldBackIn(document: LangiumDocument): HeldBack | undefined {
    return heldBackByDocument.get(document);
}

export function recordBrokenPlaces(document: LangiumDocument, broken: readonly BrokenPlace[]): void {
    const held = broken.length > 0 ? findHeldBack(document.parseResult.value as Document, broken) : undefined;
    if (held) heldBackByDocument.set(document, held);
    else heldBackByDocument.delete(document);
}

function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function findHeldBack(root: Document, broken: readonly BrokenPlace[]): HeldBack | undefined {
    const top: AstNode[] = [...(root.topology ? [root.topology] : []), ...(root.elements ?? [])].filter(
        (n) => n.$cstNode,
    );
    const ranges = top.map((n) => n.$cstNode!.range);
    /** The top-level declaration containing `p`, by binary search over their ordered ranges. */
    const indexAt = (p: Range['start']): number | undefined => {
        let low = 0;
        let high = ranges.length - 1;
        while (low <= high) {
            const mid = (low + high) >> 1;
            const r = itemAt(ranges, mid, 'declaration range');
            if (before(p, r.start)) high = mid - 1;
            else if (before(r.end, p)) low = mid + 1;
            else return mid;
        }
        return undefined;
    };
    const indexOf = new Map<AstNode, number>(top.map((n, i) => [n, i]));
    const topOf = (node: AstNode | undefined): number | undefined => {
        let n = node;
        while (n?.$container && n.$container !== root) n = n.$container;
        return n ? indexOf.get(n) : undefined;
    };

    const incomplete = new Set<number>();
    for (const place of broken) {
        const i = indexAt(place.range.start);
        if (i !== undefined) incomplete.add(i);
    }
    if (incomplete.size === 0) return undefined;

    const byName = new Map<string, number[]>();
    top.forEach((n, i) => {
        const name = (n as { name?: unknown }).name;
        if (typeof name !== 'string') return;
        const same = byName.get(name);
        if (same) same.push(i);
        else byName.set(name, [i]);
    });
    const dependents = new Map<number, number[]>();
    top.forEach((n, i) => {
        for (const info of referencesBelow(n)) {
            const ref = info.reference as { ref?: AstNode };
            const target = topOf(ref.ref);
            if (target === undefined || target === i) continue;
            const list = dependents.get(target);
            if (list) list.push(i);
            else dependents.set(target, [i]);
        }
    });

    const held = new Set<number>();
    const pending = [...incomplete];
    while (pending.length > 0) {
        const i = pending.pop()!;
        if (held.has(i)) continue;
        held.add(i);
        for (const j of dependents.get(i) ?? []) pending.push(j);
    }
    const suggested = new Map(
        broken
            .filter((b) => b.suggestion)
            .map((b) => [`${b.range.start.line}:${b.range.start.character}`, b.suggestion!]),
    );
    for (const i of incomplete) {
        for (const info of referencesBelow(itemAt(top, i, 'top-level declaration'))) {
            const ref = info.reference as { ref?: AstNode; $refNode?: { range: Range } };
            const target = topOf(ref.ref);
            if (target !== undefined) held.add(target);
            const at = ref.$refNode?.range.start;
            const suggestion = at ? suggested.get(`${at.line}:${at.character}`) : undefined;
            for (const j of suggestion ? (byName.get(suggestion) ?? []) : []) held.add(j);
        }
    }
    const cells = new Set(
        [...incomplete]
            .map((i) => itemAt(top, i, 'top-level declaration'))
            .filter((n) => n.$type === 'Cell')
            .map((n) => (n as { name?: string }).name),
    );
    return {
        covers(range: Range, cell?: string): boolean {
            if (cell !== undefined && cells.has(cell)) return true;
            const i = indexAt(range.start);
            return i !== undefined && held.has(i);
        },
    };
}
