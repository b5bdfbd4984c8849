// Edits to the bundled examples for property tests of re-parsing and re-validation: random keystrokes and
// deletions (which mostly leave syntax errors), and the edits a user makes to a valid design.
import { readdirSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { applyChange } from '../robustness/fuzz/cases.js';

const examplesDir = new URL('../../examples/', import.meta.url);
export const exampleNames: readonly string[] = readdirSync(examplesDir)
    .filter((f) => f.endsWith('.mregion'))
    .sort();
export const examples: readonly string[] = exampleNames.map((f) => readFileSync(new URL(f, examplesDir), 'utf8'));

/** Where each top-level declaration starts (keyword at the start of a line), and the end of the text. */
const declarationStarts = (text: string): number[] =>
    [...text.matchAll(/^(region|link|cell|store|service|failover|workload|scenario) /gm)]
        .map((m) => m.index)
        .concat(text.length);
export const designEdits = fc.record({
    kind: fc.constantFrom(
        'raw',
        'digit',
        'line-break',
        'comment',
        'duplicate-declaration',
        'delete-declaration',
        'rename-declaration',
        'copy-above',
    ),
    example: fc.integer({ min: 0, max: examples.length - 1 }),
    at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    remove: fc.nat({ max: 40 }),
    insert: fc.constantFrom(
        '',
        ' ',
        '\n',
        '\r\n',
        'x',
        '1',
        's',
        '}',
        '{',
        '// c\n',
        '/*',
        '*/',
        '"',
        'region zz { provider aws }\n',
        '\nstore s { engine dynamodb }\n',
        'ttl 5s ',
    ),
});
export type DesignEdit = typeof designEdits extends fc.Arbitrary<infer E> ? E : never;

/** Random keystrokes and deletions (mostly leaving syntax errors), and edits a user makes to a valid design. */
export function applyEdit(text: string, { kind, at, remove, insert }: DesignEdit): string {
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(at * items.length)];
    switch (kind) {
        case 'raw':
            return applyChange(text, { at, remove, insert });
        case 'digit': {
            const digit = pick([...text.matchAll(/[0-9]/g)].map((m) => m.index));
            return digit === undefined
                ? text
                : text.slice(0, digit) + String((Number(text[digit]) + 1 + remove) % 10) + text.slice(digit + 1);
        }
        case 'line-break':
        case 'comment': {
            const end = pick([...text.matchAll(/\n/g)].map((m) => m.index));
            return end === undefined
                ? text
                : text.slice(0, end) + (kind === 'comment' ? '  // note' : '\n') + text.slice(end);
        }
        case 'duplicate-declaration':
        case 'delete-declaration':
        case 'rename-declaration': {
            const starts = declarationStarts(text);
            const i = Math.floor(at * (starts.length - 1));
            if (starts.length < 2) return text;
            const [from, to] = [starts[i]!, starts[i + 1]!];
            const renamed = text.slice(from, to).replace(/^(\S+ )(\S+)/, '$1$2-copy');
            if (kind === 'delete-declaration') return text.slice(0, from) + text.slice(to);
            // Renaming leaves the references to the old name unresolved; the next rename may give it to another one.
            if (kind === 'rename-declaration') return text.slice(0, from) + renamed + text.slice(to);
            return text.slice(0, to) + renamed + text.slice(to);
        }
        case 'copy-above': {
            // A second region of the same name above the first takes its references (regions are what most
            // references name). It goes above the declaration before, so the original is not touched by the edit.
            const starts = declarationStarts(text);
            const regions = starts
                .slice(1, -1)
                .map((start, k) => ({ above: starts[k]!, start, end: starts[k + 2]! }))
                .filter(({ start }) => text.startsWith('region ', start));
            const chosen = pick(regions);
            return chosen
                ? `${text.slice(0, chosen.above)}${text.slice(chosen.start, chosen.end).trimEnd()}\n\n${text.slice(chosen.above)}`
                : text;
        }
    }
}
