// Objectives (RTO, RPO, availability, write-latency percentile, monthly cost) and percentile names.
import type { AstNode } from 'langium';
import type * as ast from '../../generated/ast.js';
import type { ObjectiveM } from '../model.js';
import { ProblemCodes } from '../problem-codes.js';
import { isComplete } from './complete.js';
import type { BuildContext } from './context.js';

/** `p99` → 0.99, `p999` → 0.999, `p50` → 0.5; anything else is a problem at `property`. */
export function readPercentile(
    ctx: BuildContext,
    node: AstNode,
    property: string,
    text: string | undefined,
): number | undefined {
    if (text === undefined) {
        ctx.missing(node, `write-latency needs a percentile, e.g. 'write-latency p99 150ms'`, ctx.range(node));
        return undefined;
    }
    const digits = /^p([0-9]{2,})$/.exec(text)?.[1];
    if (!digits || digits === '00' || /^0/.test(digits)) {
        ctx.report(
            ProblemCodes.ValueOutOfRange,
            'error',
            `'${text}' is not a percentile: write p50, p90, p95, p99 or p999`,
            node,
            property,
        );
        return undefined;
    }
    return Number(`0.${digits}`);
}

export function buildObjective(ctx: BuildContext, clause: ast.ObjectiveClause | undefined): ObjectiveM | undefined {
    if (!clause) return undefined;
    const seen = new Map<string, ast.ObjectiveTerm>();
    let rtoMs: number | undefined;
    let rpoMs: number | undefined;
    let availability: number | undefined;
    let writeLatency: ObjectiveM['writeLatency'];
    let costUsdPerMonth: number | undefined;
    const props: Record<string, AstNode> = {};
    for (const term of clause.terms.filter(isComplete)) {
        const first = seen.get(term.metric);
        if (first) {
            ctx.report(
                ProblemCodes.DuplicateClause,
                'error',
                `objective '${term.metric}' is already set at line ${ctx.range(first).start.line + 1}; keep one`,
                term,
                'metric',
            );
            continue;
        }
        seen.set(term.metric, term);
        switch (term.metric) {
            case 'rto':
                rtoMs = ctx.quantity(term.value, 'duration', { what: 'RTO objective', min: 0 });
                props.rto = term;
                break;
            case 'rpo':
                rpoMs = ctx.quantity(term.value, 'duration', { what: 'RPO objective', min: 0 });
                props.rpo = term;
                break;
            case 'availability':
                availability = ctx.quantity(term.value, 'percent', { what: 'availability objective', min: 0, max: 1 });
                props.availability = term;
                break;
            case 'cost':
                costUsdPerMonth = ctx.quantity(term.value, 'money', { what: 'cost objective', min: 0 });
                props.cost = term;
                break;
            case 'write-latency': {
                const percentile = readPercentile(ctx, term, 'percentile', term.percentile);
                const ms = ctx.quantity(term.value, 'duration', {
                    what: 'write-latency objective',
                    min: 0,
                    above: true,
                });
                if (percentile !== undefined && ms !== undefined) writeLatency = { percentile, ms };
                props.writeLatency = term;
                break;
            }
        }
    }
    return { rtoMs, rpoMs, availability, writeLatency, costUsdPerMonth, source: ctx.source(clause, props) };
}
