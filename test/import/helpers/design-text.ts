// Reading an imported design's text in tests: the clauses of one declaration and the comment above it.
import { expect } from 'vitest';

/** The clauses of one declaration in formatted text: its lines between `head {` and `}`, spaces collapsed, comments dropped. */
export function block(text: string, head: string): string[] {
    const start = text.indexOf(`\n${head} {`);
    expect(start, `${head} is declared`).toBeGreaterThanOrEqual(0);
    const body = text.slice(text.indexOf('{', start) + 1, text.indexOf('\n}', start));
    return body
        .split('\n')
        .map((l) => l.trim().replace(/\s+/g, ' '))
        .filter((l) => l !== '' && !l.startsWith('//'))
        .map((l) => l.replace(/ \/\/.*$/, ''));
}

/** The comment lines right above a declaration. */
export function commentAbove(text: string, head: string): string {
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith(`${head} {`));
    const above: string[] = [];
    for (let i = at - 1; i >= 0 && lines[i]!.startsWith('//'); i--) above.unshift(lines[i]!);
    return above.join('\n');
}
