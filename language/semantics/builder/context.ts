// Shared state of one model build: the problem list and the helpers that read values from the AST with
// precise ranges. Never throws: every malformed value becomes a problem and `undefined`.
import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import type { Quantity } from '../../generated/ast.js';
import type { Problem, Range, Severity, Source } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import { ClauseKinds, type Guard } from './clause-kinds.js';
import { isComplete } from './complete.js';
import { NodeSource, rangeOf } from './node-source.js';
import { propertyNode, propertyNodes } from './property-nodes.js';
import { normalize, type UnitKind } from '../units.js';

export interface Bounds {
    readonly min?: number;
    /** When true, the value must be strictly above `min`. */
    readonly above?: boolean;
    readonly max?: number;
    readonly integer?: boolean;
    /** Shown in messages: "TTL", "quorum", … */
    readonly what: string;
}

export class BuildContext {
    readonly problems: Problem[] = [];

    /** @param remember whether declarations' results are kept for the next build (declaration-memo.ts) */
    constructor(readonly remember = true) {}
    private readonly reported = new WeakMap<object, Set<string>>();

    /** Runs `report` once per (declaration, tag): per-cell instances share their declaration's problems. */
    once(declaration: object, tag: string, report: () => void): void {
        let tags = this.reported.get(declaration);
        if (!tags) this.reported.set(declaration, (tags = new Set()));
        if (tags.has(tag)) return;
        tags.add(tag);
        report();
    }

    uriOf(node: AstNode): string {
        try {
            return AstUtils.getDocument(node).uri.toString();
        } catch {
            return '';
        }
    }

    range(node: AstNode | undefined): Range {
        return rangeOf(node);
    }

    propRange(node: AstNode, property: string): Range {
        const cst = propertyNode(node.$cstNode, property);
        return cst?.range ?? this.range(node);
    }

    /** Range of the index-th value of a list property (e.g. the 2nd region of `regions a, b`). */
    propRangeAt(node: AstNode, property: string, index: number): Range {
        const cst = propertyNodes(node.$cstNode, property, index + 1)[index];
        return cst?.range ?? this.range(node);
    }

    /** From the first to the last value of a list property (e.g. all origins of `from a 50%, b 50%`). */
    listRange(node: AstNode, property: string): Range {
        const nodes = propertyNodes(node.$cstNode, property);
        const [first, last] = [nodes[0], nodes.at(-1)];
        if (!first || !last) return this.range(node);
        return { start: first.range.start, end: last.range.end };
    }

    keywordRange(node: AstNode, keyword: string): Range {
        const cst = node.$cstNode ? GrammarUtils.findNodeForKeyword(node.$cstNode, keyword) : undefined;
        return cst?.range ?? this.range(node);
    }

    /** Where `node` was declared: its ranges (the declaration's, its name's, each property's) are read when asked. */
    source(node: AstNode, props: Readonly<Record<string, AstNode | Range | undefined>> = {}): Source {
        return new NodeSource(this.uriOf(node), node, props);
    }

    report(
        code: string,
        severity: Severity,
        message: string,
        node: AstNode,
        where?: string | Range,
        data?: Record<string, unknown>,
    ): void {
        const range =
            where === undefined ? this.range(node) : typeof where === 'string' ? this.propRange(node, where) : where;
        this.problems.push({ code, severity, message, uri: this.uriOf(node), range, ...(data ? { data } : {}) });
    }

    /** Reads a quantity as `kind`, normalized to base units, checking its bounds. */
    quantity(q: Quantity | undefined, kind: UnitKind, bounds: Bounds): number | undefined {
        if (!q || typeof q.text !== 'string') return undefined;
        const result = normalize(q.text, kind);
        if (!result.ok) {
            const code =
                result.reason === 'missing-unit'
                    ? ProblemCodes.MissingUnit
                    : result.reason === 'not-integer' || result.reason === 'too-large'
                      ? ProblemCodes.ValueOutOfRange
                      : ProblemCodes.WrongUnit;
            this.report(
                code,
                'error',
                `${bounds.what}: ${result.message}`,
                q,
                undefined,
                result.suggestion ? { replacement: result.suggestion } : undefined,
            );
            return undefined;
        }
        const value = result.value;
        const shown = q.text;
        if (bounds.integer && !Number.isInteger(value)) {
            this.report(
                ProblemCodes.ValueOutOfRange,
                'error',
                `${bounds.what} must be a whole number, got ${shown}`,
                q,
            );
            return undefined;
        }
        if (bounds.min !== undefined && (bounds.above ? value <= bounds.min : value < bounds.min)) {
            this.report(
                ProblemCodes.ValueOutOfRange,
                'error',
                `${bounds.what} must be ${bounds.above ? 'greater than' : 'at least'} ${describeBound(bounds.min, kind)}, got ${shown}`,
                q,
            );
            return undefined;
        }
        if (bounds.max !== undefined && value > bounds.max) {
            this.report(
                ProblemCodes.ValueOutOfRange,
                'error',
                `${bounds.what} must be at most ${describeBound(bounds.max, kind)}, got ${shown}`,
                q,
            );
            return undefined;
        }
        return value;
    }

    /** The last declaration's clauses by kind: the builders ask for each kind of one declaration in a row. */
    private kinds: ClauseKinds | undefined;

    private clausesOf<T extends AstNode>(clauses: readonly AstNode[], is: Guard<T>): readonly T[] {
        if (this.kinds?.clauses !== clauses) this.kinds = new ClauseKinds(clauses);
        return this.kinds.of(is);
    }

    /** The first clause of a type; every further one is a duplicate-clause error at its keyword. */
    single<T extends AstNode>(clauses: readonly AstNode[], is: Guard<T>, keyword: string): T | undefined {
        let first: T | undefined;
        const ofKind = this.clausesOf(clauses, is);
        // Indexed: an iterator per call was most of what building a large design's model allocated here.
        for (let i = 0; i < ofKind.length; i++) {
            const clause = ofKind[i];
            if (clause === undefined || !isComplete(clause)) continue;
            if (first === undefined) {
                first = clause;
                continue;
            }
            this.report(
                ProblemCodes.DuplicateClause,
                'error',
                `'${keyword}' is already declared at line ${this.range(first).start.line + 1}; keep one`,
                clause,
                this.keywordRange(clause, keyword),
            );
        }
        return first;
    }

    /** Every complete clause of a type (repeatable clauses: invariants, actions, faults, expectations). */
    all<T extends AstNode>(clauses: readonly AstNode[], is: Guard<T>): T[] {
        return this.clausesOf(clauses, is).filter(isComplete);
    }

    missing(node: AstNode, message: string, where?: string | Range): void {
        this.report(
            ProblemCodes.MissingProperty,
            'error',
            message,
            node,
            where ?? ('name' in node ? 'name' : undefined),
        );
    }
}

function describeBound(value: number, kind: UnitKind): string {
    switch (kind) {
        case 'percent':
            return `${value * 100}%`;
        case 'duration':
            return value === 0 ? '0' : `${value} ms`;
        default:
            return String(value);
    }
}
