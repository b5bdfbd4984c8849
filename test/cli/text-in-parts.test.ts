// The text report is written in parts of whole lines: what reaches the terminal is the report joined at once.
import { describe, expect, it } from 'vitest';
import { formatText, textLines, writeInParts, type FileDiagnostics } from '../../cli/diagnostics.js';

const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 9 } });

function report(count: number): FileDiagnostics[] {
    return [
        {
            file: 'a.mregion',
            diagnostics: Array.from({ length: count }, (_, i) => ({
                code: 'no-backup',
                severity: i % 3 === 0 ? ('warning' as const) : ('info' as const),
                message: `store s-${i} keeps no backup — a corruption replicates`,
                range: range(i),
            })),
        },
    ];
}

/** What the CLI prints: each part followed by a line break. */
function printed(files: FileDiagnostics[], size: number): { text: string; parts: number } {
    let text = '';
    let parts = 0;
    writeInParts(
        textLines(files, false),
        (part) => {
            text += `${part}\n`;
            parts++;
        },
        size,
    );
    return { text, parts };
}

describe('the text report written in parts', () => {
    const cases = [
        { diagnostics: 0, size: 1000, parts: 1 },
        { diagnostics: 4, size: 5, parts: 1 },
        { diagnostics: 4, size: 2, parts: 3 },
        { diagnostics: 5, size: 3, parts: 2 },
        { diagnostics: 2500, size: 1000, parts: 3 },
    ];
    it.each(cases)(
        'prints $diagnostics diagnostics in $parts parts of $size lines, exactly the report joined at once',
        ({ diagnostics, size, parts }) => {
            const files = report(diagnostics);
            const result = printed(files, size);
            expect(result.text).toBe(`${formatText(files, false)}\n`);
            expect(result.parts).toBe(parts);
        },
    );

    it('ends with the counts line', () => {
        const lines = [...textLines(report(4), false)];
        expect(lines).toHaveLength(5);
        expect(lines.at(-1)).toBe('2 warnings, 2 info in 1 file');
    });
});
