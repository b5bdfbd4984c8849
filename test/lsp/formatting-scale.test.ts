// Formatting stays a loop over the file however many declarations line up: column widths are folded one by one,
// never spread into one call (a call takes about 120,000 arguments; a file of one-line regions can hold more).
import { describe, expect, it } from 'vitest';
import { formatText } from './format-helpers.js';

describe('formatting a file of many one-line declarations', () => {
    it('aligns the braces of 150,000 consecutive one-line regions without exceeding the call stack', async () => {
        const count = 150_000;
        const text = Array.from({ length: count }, (_, i) => `region r-${i} {  provider aws }`).join('\n');
        const formatted = await formatText(text);
        const lines = formatted!.trimEnd().split('\n');
        expect(lines).toHaveLength(count);
        // The widest name, r-149999, sets the column of every brace: one space after it.
        const brace = 'region r-149999 '.length;
        expect(lines.every((line) => line.indexOf('{') === brace)).toBe(true);
        expect(lines[0]).toBe(`region r-0${' '.repeat(brace - 'region r-0'.length)}{ provider aws }`);
    });
});
