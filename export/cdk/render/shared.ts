// Pieces every generated TypeScript file uses: import lists, durations, comments that point back to the
// design, and per-cell scopes with their tags.
import { type CodeWriter, IdentifierScope, tsString } from '../code.js';
import { tagValue } from '../names.js';
import type { CellRef, SourceRef } from '../plan/types.js';

export const TAG_TOPOLOGY = 'mregion:topology';
export const TAG_CELL = 'mregion:cell';
export const TAG_RESIDENCY = 'mregion:residency';

/** Collects imports while a file is written, then prints them in a stable order. */
export class Imports {
    private readonly named = new Map<string, { names: Set<string>; typeOnly: Set<string> }>();
    private readonly namespaces = new Map<string, string>();

    add(module: string, ...names: string[]): this {
        const entry = this.entry(module);
        for (const n of names) entry.names.add(n);
        return this;
    }

    addType(module: string, ...names: string[]): this {
        const entry = this.entry(module);
        for (const n of names) entry.typeOnly.add(n);
        return this;
    }

    namespace(module: string, alias: string): this {
        this.namespaces.set(module, alias);
        return this;
    }

    private entry(module: string): { names: Set<string>; typeOnly: Set<string> } {
        let entry = this.named.get(module);
        if (!entry) {
            entry = { names: new Set(), typeOnly: new Set() };
            this.named.set(module, entry);
        }
        return entry;
    }

    write(w: CodeWriter): void {
        const modules = [...new Set([...this.named.keys(), ...this.namespaces.keys()])].sort(compareModules);
        for (const module of modules) {
            const alias = this.namespaces.get(module);
            if (alias !== undefined) w.line(`import * as ${alias} from ${tsString(module)};`);
            const entry = this.named.get(module);
            if (!entry) continue;
            const values = [...entry.names].sort();
            const types = [...entry.typeOnly]
                .filter((t) => !entry.names.has(t))
                .sort()
                .map((t) => `type ${t}`);
            const all = [...values, ...types];
            if (all.length > 0) w.line(`import { ${all.join(', ')} } from ${tsString(module)};`);
        }
    }
}

/** Packages first, then relative paths; alphabetical within each group. */
function compareModules(a: string, b: string): number {
    const ra = a.startsWith('.') ? 1 : 0;
    const rb = b.startsWith('.') ? 1 : 0;
    return ra - rb || a.localeCompare(b);
}

/** `Duration.minutes(5)` reads better than `Duration.seconds(300)`. */
export function durationCode(seconds: number): string {
    if (seconds > 0 && seconds % 3600 === 0) return `Duration.hours(${seconds / 3600})`;
    if (seconds > 0 && seconds % 60 === 0) return `Duration.minutes(${seconds / 60})`;
    return `Duration.seconds(${seconds})`;
}

export function at(source: SourceRef): string {
    return `${source.file}:${source.line}`;
}

/** A public field of a generated stack: what other stacks and the user's own code reach a resource by. */
export interface StackField {
    readonly name: string;
    readonly type: string;
    readonly doc: string;
}

/** Members every Stack already has; a field must not shadow one. */
const STACK_MEMBERS = [
    'node',
    'account',
    'region',
    'partition',
    'environment',
    'tags',
    'stackName',
    'stackId',
    'templateOptions',
    'templateFile',
    'artifactId',
    'nested',
    'nestedStackParent',
    'nestedStackResource',
    'availabilityZones',
    'dependencies',
    'terminationProtection',
    'urlSuffix',
    'notificationArns',
    'synthesizer',
    'bundlingRequired',
    'vpc',
];

/** Construct ids, variable names and public fields for one generated class. */
export class Naming {
    readonly locals = new IdentifierScope('camel', [
        'zone',
        'props',
        'scope',
        'id',
        'stack',
        'app',
        'account',
        'recoveryCluster',
    ]);
    private readonly fieldNames = new IdentifierScope('camel', STACK_MEMBERS);
    readonly fields: StackField[] = [];
    private readonly ids = new Map<string, IdentifierScope>();

    /** Declares a public readonly field for the item's resource and returns how the constructor assigns it. */
    field(
        item: {
            readonly name: string;
            readonly title: string;
            readonly cell?: { readonly name: string };
            readonly source: SourceRef;
        },
        kind: string,
        type: string,
    ): string {
        const name = this.fieldNames.get(`${item.name}${item.cell ? ` ${item.cell.name}` : ''}`, kind);
        this.fields.push({ name, type, doc: `${item.title} (${at(item.source)})` });
        return `this.${name}`;
    }

    /** A construct id unique among the children of `parent` (a variable name or `this`). */
    constructId(parent: string, name: string, suffix = ''): string {
        let scope = this.ids.get(parent);
        if (!scope) {
            scope = new IdentifierScope('pascal', ['Zone', 'RecoveryCluster', 'ExistingVpc'], 'hash');
            this.ids.set(parent, scope);
        }
        return scope.get(name, suffix);
    }
}

/**
 * Resources of one cell live under a construct tagged with the cell and its residency; the variable is
 * created the first time the cell appears in the file. Returns the scope to create resources in.
 */
export function cellScope(
    w: CodeWriter,
    naming: Naming,
    imports: Imports,
    created: Map<string, string>,
    cell: CellRef | undefined,
): string {
    if (cell === undefined) return 'this';
    const known = created.get(cell.name);
    if (known !== undefined) return known;
    const variable = naming.locals.get(`${cell.name} cell`);
    created.set(cell.name, variable);
    imports.add('constructs', 'Construct').add('aws-cdk-lib', 'Tags');
    w.blank();
    w.comment(
        `cell ${cell.name}${cell.source ? ` (${at(cell.source)})` : ''}${cell.residency !== undefined ? `: data stays in ${cell.residency}` : ''}`,
    );
    w.line(`const ${variable} = new Construct(this, ${tsString(naming.constructId('this', `cell ${cell.name}`))});`);
    w.line(`Tags.of(${variable}).add(${tsString(TAG_CELL)}, ${tsString(tagValue(cell.name))});`);
    if (cell.residency !== undefined)
        w.line(`Tags.of(${variable}).add(${tsString(TAG_RESIDENCY)}, ${tsString(tagValue(cell.residency))});`);
    return variable;
}

export const GENERATED_NOTE =
    'Generated by `mregion export-cdk`; edit freely, but re-exporting replaces the files listed in .mregion-export.json only with --overwrite.';
