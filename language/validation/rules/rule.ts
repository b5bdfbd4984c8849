// What a design rule is: a check over the semantic model that reports findings. Rules never see the AST.
import type { Model, Range, Severity } from '../../semantics/model.js';
import type { RuleCode } from './catalog.js';
import type { LazyFixes } from './fix.js';
import type { Judge } from '../../semantics/estimators/range.js';

export interface Related {
    readonly uri: string;
    readonly range: Range;
    readonly message: string;
}

export interface Finding {
    readonly uri: string;
    /** The property that is wrong (from `Source.props`), not the whole block. */
    readonly range: Range;
    /** States the consequence with the numbers behind it. */
    readonly message: string;
    /** Only for rules with two levels (e.g. an error when an invariant is at stake); else the catalog default. */
    readonly severity?: Severity;
    /** The cell of the per-cell instance that produced it; instances of one declaration are merged. */
    readonly cell?: string;
    /**
     * What the finding is about (e.g. the store name), the same for every per-cell instance of one
     * declaration: findings with the same code, place and key are one diagnostic.
     */
    readonly key?: string;
    /** Its quick fixes, worked out when a code action asks (fix.ts). */
    readonly fixes?: LazyFixes;
    readonly related?: readonly Related[];
}

export interface RuleContext {
    readonly model: Model;
    /** Which end of an estimate's range to compare with an objective (messages say which was judged). */
    readonly judge: Judge;
    report(finding: Finding): void;
}

export interface Rule {
    readonly code: RuleCode;
    check(context: RuleContext): void;
}
