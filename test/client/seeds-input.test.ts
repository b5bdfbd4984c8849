// The number of seeds typed in the editor's input box: accepted exactly when the server would accept it.
import { describe, expect, it } from 'vitest';
import { seedsInputProblem } from '../../client/commands/seeds-input.js';

describe('the number of seeds typed in the editor', () => {
    it.each([
        { text: '1', problem: undefined },
        { text: '20', problem: undefined },
        { text: ' 10000 ', problem: undefined },
        { text: '0', problem: 'The number of seeds must be a whole number from 1 to 10,000, got 0.' },
        { text: '10001', problem: 'The number of seeds must be a whole number from 1 to 10,000, got 10001.' },
        { text: '', problem: 'Type a whole number of seeds from 1 to 10,000.' },
        { text: '2.5', problem: 'Type a whole number of seeds from 1 to 10,000.' },
        { text: '-4', problem: 'Type a whole number of seeds from 1 to 10,000.' },
        { text: 'twenty', problem: 'Type a whole number of seeds from 1 to 10,000.' },
        { text: '1e3', problem: 'Type a whole number of seeds from 1 to 10,000.' },
    ])("'$text' → $problem", ({ text, problem }) => {
        expect(seedsInputProblem(text)).toBe(problem);
    });
});
