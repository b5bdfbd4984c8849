// Which stacks the region items go into, and in which order the stacks deploy. A stack per region is the
// readable default; it fails only when two regions need each other's resources (an Aurora primary in A with a
// secondary in B, and an S3 source in B replicating to A). Such regions are split in two: a stack with what
// other regions need (writers, replica buckets, tables, policies) and a `-replication` stack with what needs
// another region (secondary clusters, replicating buckets). Items of the first kind need nothing, so every
// dependency then points at a stack without dependencies, and no cycle can remain; the cycle check after the
// layout guards the rule, not a case a design can reach today.
import type { RegionItem } from './types.js';

/** What a region item needs in another region before it can deploy. */
export interface ItemNeed {
    readonly region: string;
    readonly reason: string;
}

export function needsOf(item: RegionItem): ItemNeed[] {
    if (item.kind === 'aurora-secondary') {
        return [
            {
                region: item.primaryRegion,
                reason: `${item.title}: the secondary cluster joins the global cluster created in ${item.primaryRegion}`,
            },
        ];
    }
    if (item.kind === 'bucket-source') {
        return item.replicaRegions.map((region) => ({
            region,
            reason: `${item.title}: replication rules need the replica bucket in ${region} to exist`,
        }));
    }
    return [];
}

export interface StackSlot {
    /** The region, or `<region> replication` for the second stack of a split region. */
    readonly key: string;
    readonly region: string;
    readonly replication: boolean;
    readonly items: readonly RegionItem[];
    readonly dependsOn: readonly { readonly key: string; readonly reason: string }[];
}

export interface Layout {
    readonly slots: readonly StackSlot[];
    /** Dependency cycles left after the layout (each closing dependency is dropped so a forced export builds). */
    readonly cycles: readonly { readonly keys: readonly string[]; readonly reasons: readonly string[] }[];
}

/** `regions`: the regions with resources, in declaration order. */
export function layoutStacks(regions: readonly string[], itemsOf: (region: string) => readonly RegionItem[]): Layout {
    const edges = new Map(
        regions.map((r) => [
            r,
            [
                ...new Set(
                    itemsOf(r)
                        .flatMap(needsOf)
                        .map((n) => n.region),
                ),
            ].filter((to) => to !== r && regions.includes(to)),
        ]),
    );
    const split = new Set(regionsOnCycles(regions, (r) => edges.get(r) ?? []));
    const slots: {
        key: string;
        region: string;
        replication: boolean;
        items: RegionItem[];
        dependsOn: { key: string; reason: string }[];
    }[] = [];
    for (const region of regions) {
        const items = itemsOf(region);
        if (!split.has(region)) {
            slots.push({ key: region, region, replication: false, items: [...items], dependsOn: [] });
            continue;
        }
        slots.push({
            key: region,
            region,
            replication: false,
            items: items.filter((i) => needsOf(i).length === 0),
            dependsOn: [],
        });
        slots.push({
            key: `${region} replication`,
            region,
            replication: true,
            items: items.filter((i) => needsOf(i).length > 0),
            dependsOn: [],
        });
    }
    for (const slot of slots) {
        for (const need of slot.items.flatMap(needsOf)) {
            // What a region offers other regions always lives in its first stack.
            if (need.region === slot.region || !regions.includes(need.region)) continue;
            if (!slot.dependsOn.some((d) => d.key === need.region))
                slot.dependsOn.push({ key: need.region, reason: need.reason });
        }
    }
    return { slots, cycles: breakCycles(slots) };
}

/** Regions in a strongly connected component of more than one region (Tarjan's algorithm, iterative). */
export function regionsOnCycles(nodes: readonly string[], next: (node: string) => readonly string[]): string[] {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const result: string[] = [];
    let counter = 0;
    for (const root of nodes) {
        if (index.has(root)) continue;
        const work: { node: string; i: number }[] = [{ node: root, i: 0 }];
        index.set(root, counter);
        low.set(root, counter++);
        stack.push(root);
        onStack.add(root);
        for (let frame = work.at(-1); frame; frame = work.at(-1)) {
            const targets = next(frame.node);
            const to = targets[frame.i];
            if (to !== undefined) {
                frame.i++;
                if (!index.has(to)) {
                    index.set(to, counter);
                    low.set(to, counter++);
                    stack.push(to);
                    onStack.add(to);
                    work.push({ node: to, i: 0 });
                } else if (onStack.has(to)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: string[] = [];
                let member: string;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                if (component.length > 1) result.push(...component);
            }
        }
    }
    return nodes.filter((n) => result.includes(n));
}

/** Reports each dependency cycle among the slots and drops its closing dependency. */
export function breakCycles(
    slots: readonly { key: string; dependsOn: { key: string; reason: string }[] }[],
): Layout['cycles'] {
    const byKey = new Map(slots.map((s) => [s.key, s]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: { keys: string[]; reasons: string[] }[] = [];
    const visit = (key: string, path: string[]): void => {
        state.set(key, 'visiting');
        const slot = byKey.get(key)!;
        for (const dep of [...slot.dependsOn]) {
            if (state.get(dep.key) === 'visiting') {
                const keys = [...path.slice(path.indexOf(dep.key)), key, dep.key];
                const reasons = keys
                    .slice(0, -1)
                    .map((k, i) => byKey.get(k)!.dependsOn.find((d) => d.key === keys[i + 1])?.reason ?? '');
                cycles.push({ keys, reasons });
                slot.dependsOn.splice(slot.dependsOn.indexOf(dep), 1);
            } else if (state.get(dep.key) !== 'done' && byKey.has(dep.key)) {
                visit(dep.key, [...path, key]);
            }
        }
        state.set(key, 'done');
    };
    for (const slot of slots) if (!state.has(slot.key)) visit(slot.key, []);
    return cycles;
}
