// Physical names that must differ (buckets, global clusters, stacks, policies, accelerators, control panels)
// are derived from model names by normalizing them, which can make two equal: `orders_db` and `orders-db` both
// become `orders-db`. Within each such group, the model name already written in the normalized form keeps it
// and every other gets the stable hash suffix; which one keeps it does not depend on declaration order. A name
// that still meets another after that (a model name that spells out another's suffix) fails the export.
import { kebab } from '../names.js';

export interface UniqueNames {
    readonly names: ReadonlyMap<string, string>;
    /** One sentence per name two model names still share. */
    readonly collisions: readonly string[];
}

/**
 * `make(key, hashed)`: the physical name of `key` (a model name), with the hash suffix when `hashed`.
 * `what`: how the collision message names the resource (`S3 bucket name`).
 */
export function uniqueNames(
    keys: readonly string[],
    make: (key: string, hashed: boolean) => string,
    what: string,
): UniqueNames {
    const groups = new Map<string, string[]>();
    for (const key of new Set(keys)) {
        const name = make(key, false);
        groups.set(name, [...(groups.get(name) ?? []), key]);
    }
    const names = new Map<string, string>();
    for (const [name, group] of groups) {
        const keeper = group.length === 1 ? group[0] : group.find((key) => kebab(key) === key);
        for (const key of group) names.set(key, key === keeper ? name : make(key, true));
    }
    const owner = new Map<string, string>();
    const collisions: string[] = [];
    for (const [key, name] of names) {
        const other = owner.get(name);
        if (other === undefined) owner.set(name, key);
        else {
            const [first, second] = [other, key].sort();
            collisions.push(
                `'${first}' and '${second}' both give the ${what} '${name}'; rename one of them in the design`,
            );
        }
    }
    return { names, collisions };
}
