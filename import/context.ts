// The state the resource importers share: the stacks, the names handed out, which resources became part of a
// declaration (the rest are listed as not imported) and the warnings for the user.
import { designName, NameRegistry } from './names.js';
import type { DeployedStack, Located } from './template.js';
import { referencedId } from './values.js';

export class ImportContext {
    readonly names = new NameRegistry();
    readonly warnings: string[] = [];
    private readonly consumed = new Set<string>();

    /** `topology` is the exporter's mregion:topology tag: names it prefixed to resource names are taken off again. */
    constructor(
        readonly stacks: readonly DeployedStack[],
        private readonly topology?: string,
    ) {}

    /** A free design name for what a template calls `raw` (`orders-aurora-orders-db` → `orders-db` in OrdersAurora). */
    name(raw: string): string {
        return this.names.claim(designName(this.withoutTopology(raw)));
    }

    /** `raw` without the topology's name in front, when something is left. */
    withoutTopology(raw: string): string {
        const kebab = designName(raw);
        const prefix = this.topology === undefined ? undefined : `${designName(this.topology)}-`;
        return prefix !== undefined && kebab.startsWith(prefix) && kebab.length > prefix.length
            ? kebab.slice(prefix.length)
            : kebab;
    }

    /** Marks resources as expressed by a declaration (or deliberately folded into one). */
    consume(...located: readonly Located[]): void {
        for (const l of located) this.consumed.add(key(l.stack.name, l.logicalId));
    }

    isConsumed(stack: string, logicalId: string): boolean {
        return this.consumed.has(key(stack, logicalId));
    }

    /** The resource a `Ref`/`GetAtt` in `stack` points to. */
    resolve(stack: DeployedStack, logicalId: string | undefined): Located | undefined {
        const resource = logicalId === undefined ? undefined : stack.resources.get(logicalId);
        if (resource) return { stack, logicalId: logicalId!, resource };
        // Terraform addresses are unique in the whole input, and a resource may name one in another region.
        if (logicalId === undefined || stack.kind !== 'terraform') return undefined;
        for (const other of this.stacks) {
            const found = other.kind === 'terraform' ? other.resources.get(logicalId) : undefined;
            if (found) return { stack: other, logicalId, resource: found };
        }
        return undefined;
    }

    /** The resource a property of `from` refers to (`Ref`, `Fn::GetAtt`). */
    points(from: Located, value: unknown): Located | undefined {
        return this.resolve(from.stack, referencedId(value));
    }

    /** True when a property of `from` refers to `to`. */
    refersTo(from: Located, value: unknown, to: Located): boolean {
        const target = this.points(from, value);
        return target !== undefined && target.stack === to.stack && target.logicalId === to.logicalId;
    }
}

/** Two resources that may belong together: in one CloudFormation stack, or anywhere in one Terraform input. */
export function sameScope(a: DeployedStack, b: DeployedStack): boolean {
    return a === b || (a.kind === 'terraform' && b.kind === 'terraform');
}

function key(stack: string, logicalId: string): string {
    return `${stack}\u0000${logicalId}`;
}
