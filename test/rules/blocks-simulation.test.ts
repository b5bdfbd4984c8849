import { describe, expect, it } from 'vitest';
import { ProblemCodes } from '../../language/semantics/problem-codes.js';
import { blocksSimulation, CheckerCodes, RULES } from '../../language/validation/rules/catalog.js';

// The server, the CLI and the fuzz run refuse to simulate on exactly the errors this says block.
describe('which errors keep a design from being simulated', () => {
    it.each(Object.values(ProblemCodes))('a model error (%s) blocks a run: the model is incomplete', (code) => {
        expect(blocksSimulation(code)).toBe(true);
    });
    it.each(Object.keys(RULES))('a design-rule finding (%s) does not block: the run shows what it costs', (code) => {
        expect(blocksSimulation(code)).toBe(false);
    });
    it.each(Object.values(CheckerCodes))('a note about the checker itself (%s) does not block', (code) => {
        expect(blocksSimulation(code)).toBe(false);
    });
    it.each(['linking-error', 'parsing-error', 'lexing-error'])(
        'a Langium syntax or reference error (%s) blocks a run',
        (code) => {
            expect(blocksSimulation(code)).toBe(true);
        },
    );
});
