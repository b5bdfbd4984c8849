// Two runs side by side (before and after an edit, or two scenarios): each objective's verdict and each number
// of the run, now and then, with the rows that changed marked.
import type { SimulationViewModel } from './view-model.js';

export interface ComparedRow {
    readonly label: string;
    readonly now: string;
    readonly before: string;
    readonly changed: boolean;
}

export function compareRuns(now: SimulationViewModel, before: SimulationViewModel): ComparedRow[] {
    const rows: ComparedRow[] = [];
    const add = (label: string, a: string | undefined, b: string | undefined) =>
        rows.push({ label, now: a ?? '—', before: b ?? '—', changed: (a ?? '—') !== (b ?? '—') });
    const objective = (view: SimulationViewModel, name: string) => {
        const o = view.verdict.objectives.find((v) => v.objective === name);
        return o ? `${o.met ? '✔' : '✘'} ${o.detail}` : undefined;
    };
    const objectives = [...new Set([...now.verdict.objectives, ...before.verdict.objectives].map((o) => o.objective))];
    for (const name of objectives) add(name, objective(now, name), objective(before, name));
    const facts = [...new Set([...now.facts, ...before.facts].map((f) => f.label))];
    for (const label of facts)
        add(label, now.facts.find((f) => f.label === label)?.value, before.facts.find((f) => f.label === label)?.value);
    return rows;
}
