// The clauses no template states, as the importer asks the user to fill them in.
import type { Todo } from '../design.js';

export const HOLDS_TODO: Todo = {
    clause: 'holds <shared|per-user|per-tenant|reference> <rows|counter|set|register|document|sequence|blob>',
    why: 'what the data is and who writes it: the template does not say',
};

export const SERVICE_TODOS: readonly Todo[] = [
    { clause: 'uses <stores>', why: 'the stores this service reads and writes' },
    { clause: 'capacity <share> per region', why: 'the share of the peak load each region can carry' },
    {
        clause: 'objective rto <time> rpo <time>',
        why: 'the recovery objectives (no Resilience Hub policy was imported)',
    },
];

export const ACTIONS_TODO: Todo = {
    clause: 'action <promote|shift-traffic|…>',
    why: 'the steps of the failover runbook besides what the routing does',
};

/** The lag of an engine mregion's reference documents no default for: the design must state it. */
export function replicaLagTodo(what: string): Todo {
    return {
        clause: 'replication async lag <time>',
        why: `the replica lag of ${what} is not in the template and mregion has no documented default: write what you measure`,
    };
}
