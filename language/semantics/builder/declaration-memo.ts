// Rebuilding every declaration's model on every edit was the largest part of an edit's latency on large designs,
// although an edit touches one declaration: the parser keeps the AST nodes of the declarations an edit did not
// touch (language/parser/declaration-splice.ts). This memo keeps, per declaration node, what building it produced
// (its model objects and its problems) and what that depended on, and hands the same result back while nothing it
// depended on changed:
// - the declaration itself: the same AST node is the same text; it must also start at the same position, since
//   the result holds ranges (an edit above it that adds a line rebuilds it);
// - what its references resolve to (a deleted or renamed target, or a new declaration that takes the name);
// - every answer it got from the rest of the model (the cells, instance ids, the deployables a name stands for, a
//   region), recorded as it asked and compared by identity: a rebuilt store is a new object, so whatever asked for
//   it is rebuilt too.
// A reused result is exactly what a rebuild would produce; the incremental-update tests compare the diagnostics
// after edit sequences with a fresh validation. A build that nothing will follow (the CLI's) records nothing:
// recording every answer was most of the model's build time there, for no later reuse.
import type { AstNode, Reference } from 'langium';
import { referencesBelow } from '../../util/subtree-references.js';
import type { CellM, Deployable, Problem, RegionM } from '../model.js';
import type { BuildContext } from './context.js';

/** What a declaration's build may ask of the rest of the model. Every answer must be a function of the arguments. */
export interface ModelQueries {
    /** The cells of the design, in declaration order. */
    cells(): readonly CellM[];
    /** Instance ids of a store/service name as seen from a cell (or from outside any cell). */
    instanceIds(name: string, cell: string | undefined): readonly string[];
    /** The built stores and services a name stands for, as seen from a cell (or from outside any cell). */
    deployables(name: string, cell: string | undefined): readonly Deployable[];
    region(name: string): RegionM | undefined;
}

type QueryName = keyof ModelQueries;

interface Asked {
    readonly query: QueryName;
    readonly name?: string;
    readonly cell?: string;
    readonly answer: unknown;
}

interface Entry {
    readonly line: number;
    readonly character: number;
    /** What each reference of `referencesBelow(declaration)` resolved to. */
    readonly targets: readonly (AstNode | undefined)[];
    readonly asked: readonly Asked[];
    readonly problems: readonly Problem[];
    readonly value: unknown;
}

const NONE: readonly never[] = [];
const entries = new WeakMap<AstNode, Entry>();

/**
 * Runs `build` for a declaration, or returns what it returned last time if nothing it depended on changed. The
 * problems it reports go to `ctx` either way, in the order a rebuild would report them.
 */
export function memoized<T>(
    ctx: BuildContext,
    declaration: AstNode,
    queries: ModelQueries,
    build: (queries: ModelQueries) => T,
): T {
    if (!ctx.remember) return build(queries);
    const start = declaration.$cstNode?.range.start;
    const previous = entries.get(declaration);
    if (previous && start && isCurrent(declaration, previous, start.line, start.character, queries)) {
        for (const problem of previous.problems) ctx.problems.push(problem);
        return previous.value as T;
    }
    const asked: Asked[] = [];
    const firstProblem = ctx.problems.length;
    const value = build(recording(queries, asked));
    if (start) {
        entries.set(declaration, {
            line: start.line,
            character: start.character,
            targets: targetsOf(declaration),
            asked: asked.length === 0 ? NONE : asked,
            problems: ctx.problems.length === firstProblem ? NONE : ctx.problems.slice(firstProblem),
            value,
        });
    }
    return value;
}

function isCurrent(
    declaration: AstNode,
    entry: Entry,
    line: number,
    character: number,
    queries: ModelQueries,
): boolean {
    if (entry.line !== line || entry.character !== character) return false;
    const references = referencesBelow(declaration);
    for (const [i, info] of references.entries())
        if ((info.reference as Reference).ref !== entry.targets[i]) return false;
    for (const { query, name, cell, answer } of entry.asked) {
        if (!sameAnswer(answer, ask(queries, query, name, cell))) return false;
    }
    return true;
}

function recording(queries: ModelQueries, asked: Asked[]): ModelQueries {
    const record = (query: QueryName, name?: string, cell?: string): unknown => {
        const answer = ask(queries, query, name, cell);
        asked.push({ query, name, cell, answer });
        return answer;
    };
    return {
        cells: () => record('cells') as readonly CellM[],
        instanceIds: (name, cell) => record('instanceIds', name, cell) as readonly string[],
        deployables: (name, cell) => record('deployables', name, cell) as readonly Deployable[],
        region: (name) => record('region', name) as RegionM | undefined,
    };
}

function ask(queries: ModelQueries, query: QueryName, name: string | undefined, cell: string | undefined): unknown {
    switch (query) {
        case 'cells':
            return queries.cells();
        case 'instanceIds':
            return queries.instanceIds(name!, cell);
        case 'deployables':
            return queries.deployables(name!, cell);
        case 'region':
            return queries.region(name!);
    }
}

/** Lists are answered afresh on every question, so they are the same answer when their items are. */
function sameAnswer(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}

function targetsOf(declaration: AstNode): (AstNode | undefined)[] {
    return referencesBelow(declaration).map((info) => (info.reference as Reference).ref);
}
