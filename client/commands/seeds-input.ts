// The number of seeds typed in the editor, checked as the server checks it (no vscode here: unit-tested).
import { seedCountProblem } from '../../simulation/sweep-seeds.js';

/** Why the text is not a number of seeds (shown under the input box), or undefined when it is one. */
export function seedsInputProblem(text: string): string | undefined {
    const trimmed = text.trim();
    if (!/^[0-9]+$/.test(trimmed)) return 'Type a whole number of seeds from 1 to 10,000.';
    const problem = seedCountProblem(Number(trimmed));
    return problem === undefined ? undefined : `${problem.charAt(0).toUpperCase()}${problem.slice(1)}.`;
}
