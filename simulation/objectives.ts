// The `objective` terms declared on services and stores, judged on the run exactly as the matching `expect`
// clause would be: rto, rpo and write-latency at most the objective, availability at least it. Only owners a
// workload of the scenario reaches are judged (anything else would be "not measured" noise); the cost
// objective is the checker's (egress-cost): a run measures nothing about it.
import { itemAt } from '../language/util/item-at.js';
import type { ExpectationM, Metric, ObjectiveM, Source } from '../language/semantics/model.js';
import { listing } from '../language/semantics/units.js';
import { clauseOf } from './clause.js';
import { formatValue, judge, type Measurement, type Wording } from './expectations.js';
import type { PlanStructure } from './plan.js';
import { percentileName } from './percentile.js';
import type { ClauseRef, ObjectiveResult } from './report.js';
import { propRange } from '../language/semantics/source-props.js';

export interface ObjectiveOwner {
    readonly kind: 'service' | 'store';
    readonly name: string;
    readonly objective: ObjectiveM;
}

type Term = {
    readonly metric: Metric;
    readonly prop: 'rto' | 'rpo' | 'availability' | 'writeLatency';
    readonly op: ExpectationM['op'];
    readonly value: number;
    readonly percentile?: number;
};

/** The judged terms of one objective, in the order the docs list them. */
export function termsOf(o: ObjectiveM): Term[] {
    const terms: Term[] = [];
    if (o.rtoMs !== undefined) terms.push({ metric: 'rto', prop: 'rto', op: '<=', value: o.rtoMs });
    if (o.rpoMs !== undefined) terms.push({ metric: 'rpo', prop: 'rpo', op: '<=', value: o.rpoMs });
    if (o.availability !== undefined)
        terms.push({ metric: 'availability', prop: 'availability', op: '>=', value: o.availability });
    if (o.writeLatency !== undefined)
        terms.push({
            metric: 'write-latency',
            prop: 'writeLatency',
            op: '<=',
            value: o.writeLatency.ms,
            percentile: o.writeLatency.percentile,
        });
    return terms;
}

/** Each declared owner once (a per-cell declaration's instances share one objective), in declaration order. */
export function objectiveOwners(plan: PlanStructure): ObjectiveOwner[] {
    const seen = new Set<string>();
    const owners: ObjectiveOwner[] = [];
    const add = (kind: 'service' | 'store', name: string, objective: ObjectiveM | undefined) => {
        if (objective === undefined || termsOf(objective).length === 0 || seen.has(`${kind}:${name}`)) return;
        seen.add(`${kind}:${name}`);
        owners.push({ kind, name, objective });
    };
    for (const s of plan.services) add('service', s.name, s.model.objective);
    for (const s of plan.stores) add('store', s.name, s.model.objective);
    return owners;
}

/** The objective term as people read it: `rto 5 m`, `write-latency p99 150 ms`, `availability 99.99%`. */
export function objectiveText(term: Term): string {
    const percentile = term.percentile !== undefined ? ` ${percentileName(term.percentile)}` : '';
    return `objective ${term.metric}${percentile} ${formatValue(term.metric, term.value)}`;
}

/** One objective term of a reached owner, as the `expect` clause it is judged as, with where it is written. */
export interface ObjectiveClause {
    readonly owner: ObjectiveOwner;
    readonly clause: ExpectationM;
    readonly ref: ClauseRef;
}

/**
 * The terms of every owner a workload of the scenario reaches (its user groups load the service, or read or
 * write the store), and a note naming the owners left out. Structural: every seed of a sweep has the same list.
 */
export function objectiveClauses(plan: PlanStructure): { clauses: ObjectiveClause[]; note?: string } {
    const reached = (owner: ObjectiveOwner) =>
        plan.groups.some((g) =>
            owner.kind === 'service'
                ? g.kind === 'service' && g.targetName === owner.name
                : [...g.writes, ...g.readsFrom].some((st) => itemAt(plan.stores, st, 'store').name === owner.name),
        );
    const clauses: ObjectiveClause[] = [];
    const skipped: string[] = [];
    for (const owner of objectiveOwners(plan)) {
        if (!reached(owner)) {
            skipped.push(`${owner.kind} ${owner.name}`);
            continue;
        }
        const source: Source = owner.objective.source;
        for (const term of termsOf(owner.objective)) {
            const clause: ExpectationM = {
                metric: term.metric,
                op: term.op,
                value: term.value,
                text: objectiveText(term),
                source,
                target: { kind: owner.kind, name: owner.name },
                ...(term.percentile !== undefined ? { percentile: term.percentile } : {}),
            };
            clauses.push({ owner, clause, ref: clauseOf(source, propRange(source, term.prop) ?? source.range) });
        }
    }
    const note =
        skipped.length === 0
            ? undefined
            : `objectives of ${listing(skipped)} are not judged: no workload of this scenario reaches ${skipped.length === 1 ? 'it' : 'them'}`;
    return { clauses, ...(note ? { note } : {}) };
}

/** How an objective is worded in messages: "orders: objective rto 5 m met: …". */
export function objectiveWording(o: ObjectiveClause): Wording {
    return { text: o.clause.text, subject: `${o.owner.name}: `, verbs: ['met', 'missed'] };
}

/** Judges each objective term on one run; `measure` is the run's measurement of an `expect` clause. */
export function judgeObjectives(
    clauses: readonly ObjectiveClause[],
    measure: (e: ExpectationM) => Measurement,
): ObjectiveResult[] {
    return clauses.map((o) => {
        const { line: _line, ...result } = judge(o.clause, measure(o.clause), objectiveWording(o));
        return { ...result, owner: o.owner.name, ownerKind: o.owner.kind, clause: o.ref };
    });
}
