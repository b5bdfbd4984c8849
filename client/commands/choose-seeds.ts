// "Run once" or "Run N seeds": asked when a person runs the command from the palette or a menu (a code lens,
// "Run again" and other callers pass their choice). N is typed in an input box that refuses what the server
// would refuse, before anything runs.
import { window, type QuickPickItem } from 'vscode';
import { seedsInputProblem } from './seeds-input.js';

/** 1 to 10,000 seeds, undefined for a single run, or 'cancelled' when the person dismissed a question. */
export type SeedsChoice = number | undefined | 'cancelled';

export async function chooseSeeds(scenario: string, seed: number | undefined): Promise<SeedsChoice> {
    const once = {
        label: '$(play) Run once',
        description: seed === undefined ? "with the scenario's seed" : `with seed ${seed}`,
        seeds: false,
    };
    const sweep = {
        label: '$(graph) Run N seeds…',
        description: 'min / p50 / p95 / max of RTO, RPO, lost writes, availability, with the worst seed',
        seeds: true,
    };
    const picked = await window.showQuickPick<QuickPickItem & { seeds: boolean }>([once, sweep], {
        title: `Simulate ${scenario}`,
        placeHolder: 'One run, or a distribution over seeds',
    });
    if (!picked) return 'cancelled';
    if (!picked.seeds) return undefined;
    const typed = await window.showInputBox({
        title: `Simulate ${scenario} with N seeds`,
        prompt: 'How many seeds (1 to 10,000)? They run on one worker per core.',
        value: '20',
        validateInput: (text) => seedsInputProblem(text),
    });
    return typed === undefined ? 'cancelled' : Number(typed.trim());
}
