// What planning accumulates while it walks the model: items per region stack and for the global stack,
// context values, and the parts of the design that are not (or cannot be) generated.
import type { Model, RegionM, Source } from '../../../language/semantics/model.js';
import { uniqueNames } from './unique-names.js';
import type { CellRef, ContextEntry, GlobalItem, NotGenerated, RegionItem, SourceRef } from './types.js';

export class PlanCollector {
    readonly regionItems = new Map<string, RegionItem[]>();
    readonly globalItems: GlobalItem[] = [];
    readonly notGenerated: NotGenerated[] = [];
    readonly issues: NotGenerated[] = [];
    /** Physical names two model names still share after the hash suffix: they fail the export, even forced. */
    readonly nameCollisions: string[] = [];
    private readonly contextEntries = new Map<string, ContextEntry>();

    constructor(
        readonly model: Model,
        readonly topologyName: string,
        readonly account: string,
    ) {}

    /** AWS regions of the design, in declaration order. */
    awsRegion(name: string): RegionM | undefined {
        const region = this.model.regions.get(name);
        return region?.provider === 'aws' ? region : undefined;
    }

    /** Makes sure the region has a stack, even when nothing but a note lives there. */
    touchRegion(region: string): void {
        if (!this.regionItems.has(region)) this.regionItems.set(region, []);
    }

    addRegionItem(region: string, item: RegionItem): void {
        this.touchRegion(region);
        this.regionItems.get(region)!.push(item);
    }

    context(entry: ContextEntry): string {
        if (!this.contextEntries.has(entry.key)) this.contextEntries.set(entry.key, entry);
        return entry.key;
    }

    get contextList(): ContextEntry[] {
        return [...this.contextEntries.values()];
    }

    skip(name: string, reason: string): void {
        if (!this.notGenerated.some((n) => n.name === name && n.reason === reason))
            this.notGenerated.push({ name, reason });
    }

    /** Something the design asks for that AWS cannot express as declared: blocks the export unless forced. */
    issue(name: string, reason: string): void {
        if (!this.issues.some((n) => n.name === name && n.reason === reason)) this.issues.push({ name, reason });
    }

    /** Distinct physical names for `keys` (see unique-names.ts); a name that still collides is recorded. */
    uniqueNames(
        keys: readonly string[],
        make: (key: string, hashed: boolean) => string,
        what: string,
    ): ReadonlyMap<string, string> {
        const result = uniqueNames(keys, make, what);
        for (const collision of result.collisions)
            if (!this.nameCollisions.includes(collision)) this.nameCollisions.push(collision);
        return result.names;
    }

    cellRef(cell: string | undefined): CellRef | undefined {
        if (cell === undefined) return undefined;
        const declared = this.model.cells.get(cell);
        return {
            name: cell,
            residency: declared?.residency,
            source: declared ? sourceRef(declared.source) : undefined,
        };
    }
}

/** `fintech.mregion:42` for a declaration's comment: the file's base name only, never a local path. */
export function sourceRef(source: Source): SourceRef {
    return { file: baseName(source.uri), line: source.range.start.line + 1 };
}

export function baseName(uri: string): string {
    const path = uri.replace(/[?#].*$/, '');
    const last = path.slice(path.lastIndexOf('/') + 1);
    try {
        return decodeURIComponent(last) || 'design.mregion';
    } catch {
        return last || 'design.mregion';
    }
}

/** `store sessions (cell eu)`. */
export function titleOf(kind: 'store' | 'service' | 'failover', name: string, cell: string | undefined): string {
    return `${kind} ${name}${cell !== undefined ? ` (cell ${cell})` : ''}`;
}
