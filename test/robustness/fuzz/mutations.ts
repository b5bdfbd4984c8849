// Mutations of real designs (the examples): what a user does to a file while typing, pasting and refactoring,
// and what a hostile or broken file contains. Each mutation is data (an operation and where), so a failing case
// shrinks to the fewest, simplest operations and prints as a readable list.
import fc from 'fast-check';
import { extremeDigits } from './quantities.js';

export type Mutation =
    | { readonly op: 'delete-token'; readonly at: number }
    | { readonly op: 'swap-tokens'; readonly at: number; readonly with: number }
    | { readonly op: 'duplicate-token'; readonly at: number }
    | { readonly op: 'duplicate-lines'; readonly at: number; readonly count: number }
    | { readonly op: 'delete-lines'; readonly at: number; readonly count: number }
    | { readonly op: 'truncate'; readonly at: number }
    | { readonly op: 'insert-text'; readonly at: number; readonly text: string }
    | { readonly op: 'insert-keyword'; readonly at: number; readonly keyword: string }
    | { readonly op: 'extreme-number'; readonly at: number; readonly digits: string; readonly keepUnit: boolean }
    | { readonly op: 'wrong-unit'; readonly at: number; readonly unit: string }
    | { readonly op: 'rename'; readonly at: number; readonly to: number }
    | { readonly op: 'tame-rates' }
    | { readonly op: 'line-endings'; readonly eol: '\r\n' | '\r' };

// One token per match: comments, strings, quantities, names, `<->`, whitespace, or any other single code point.
const TOKEN =
    /\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\r\n])*"|-?\$?[0-9][0-9_]*(?:\.[0-9]+)?(?:%|[a-zA-Z]+)?(?:\/[a-zA-Z]+)?|[a-zA-Z_][a-zA-Z0-9_]*(?:-[a-zA-Z0-9_]+)*|<->|\s+|[\s\S]/gu;
const QUANTITY = /^-?\$?[0-9]/;
const NAME = /^[a-zA-Z_]/;
const UNITS = ['ms', 's', 'm', 'h', 'd', '%', 'KB', 'GB', 'TB', '/s', '/h', '/GB', '/month', 'x', ''];

export function tokenize(text: string): string[] {
    return text.match(TOKEN) ?? [];
}

/** Index of the `n`-th token (mod their count) among those that match `keep`, or -1. */
function nth(tokens: readonly string[], n: number, keep: (t: string) => boolean): number {
    const indices: number[] = [];
    tokens.forEach((t, i) => {
        if (keep(t)) indices.push(i);
    });
    return indices.length === 0 ? -1 : indices[n % indices.length]!;
}

const significant = (t: string) => !/^\s+$/.test(t);

export function applyMutation(text: string, m: Mutation): string {
    const tokens = tokenize(text);
    switch (m.op) {
        case 'delete-token': {
            const i = nth(tokens, m.at, significant);
            if (i >= 0) tokens.splice(i, 1);
            return tokens.join('');
        }
        case 'swap-tokens': {
            const i = nth(tokens, m.at, significant);
            const j = nth(tokens, m.with, significant);
            if (i >= 0 && j >= 0) [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
            return tokens.join('');
        }
        case 'duplicate-token': {
            const i = nth(tokens, m.at, significant);
            if (i >= 0) tokens.splice(i + 1, 0, ' ', tokens[i]!);
            return tokens.join('');
        }
        case 'duplicate-lines':
        case 'delete-lines': {
            const lines = text.split('\n');
            const start = m.at % (lines.length + 1);
            const span = lines.slice(start, start + m.count);
            if (m.op === 'duplicate-lines') lines.splice(start, 0, ...span);
            else lines.splice(start, m.count);
            return lines.join('\n');
        }
        case 'truncate':
            return text.slice(0, m.at % (text.length + 1));
        case 'insert-text':
        case 'insert-keyword': {
            const at = m.at % (tokens.length + 1);
            tokens.splice(at, 0, m.op === 'insert-text' ? m.text : ` ${m.keyword} `);
            return tokens.join('');
        }
        case 'extreme-number':
        case 'wrong-unit': {
            const i = nth(tokens, m.at, (t) => QUANTITY.test(t));
            if (i < 0) return text;
            const [, sign = '', digits = '', unit = ''] =
                /^(-?\$?)([0-9][0-9_]*(?:\.[0-9]+)?)(.*)$/.exec(tokens[i]!) ?? [];
            tokens[i] =
                m.op === 'extreme-number' ? `${sign}${m.digits}${m.keepUnit ? unit : ''}` : `${sign}${digits}${m.unit}`;
            return tokens.join('');
        }
        case 'rename': {
            const i = nth(tokens, m.at, (t) => NAME.test(t));
            const j = nth(tokens, m.to, (t) => NAME.test(t));
            if (i >= 0 && j >= 0) tokens[i] = tokens[j]!;
            return tokens.join('');
        }
        case 'tame-rates':
            // Rates a hundredth and hours turned into minutes, so the examples' scenarios fit a small event budget.
            return tokens
                .map((t) => {
                    const rateMatch = /^([0-9][0-9_]*)\/s$/.exec(t);
                    if (rateMatch) return `${Math.max(1, Math.round(Number(rateMatch[1]!.replace(/_/g, '')) / 100))}/s`;
                    return /^[0-9]+h$/.test(t) ? t.replace('h', 'm') : t;
                })
                .join('');
        case 'line-endings':
            return text.replace(/\r?\n/g, m.eol);
    }
}

export function applyMutations(text: string, mutations: readonly Mutation[]): string {
    return mutations.reduce(applyMutation, text);
}

/** Text a user might paste or type by accident: any unicode, control characters, a BOM, braces, half a token. */
const insertedText: fc.Arbitrary<string> = fc.oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
    fc.constantFrom(
        '{',
        '}',
        '{ }',
        '"',
        '/*',
        '*/',
        '//',
        ',',
        '<->',
        '\u0000',
        '\ufeff',
        '\u2028',
        '\t',
        '\r',
        '\n\n',
        'é\u0301',
        '😀',
        '\ud800',
        'region',
        'store s {',
        'per cell',
        '-',
        '$',
        '%',
        '60s',
        '1e9',
        '0x10',
        'NaN',
        'Infinity',
    ),
);

export function mutationArbitrary(keywords: readonly string[]): fc.Arbitrary<Mutation> {
    const at = fc.nat(10_000);
    return fc.oneof(
        { arbitrary: at.map((a) => ({ op: 'delete-token' as const, at: a })), weight: 3 },
        { arbitrary: fc.tuple(at, at).map(([a, b]) => ({ op: 'swap-tokens' as const, at: a, with: b })), weight: 2 },
        { arbitrary: at.map((a) => ({ op: 'duplicate-token' as const, at: a })), weight: 2 },
        {
            arbitrary: fc
                .tuple(at, fc.integer({ min: 1, max: 12 }))
                .map(([a, count]) => ({ op: 'duplicate-lines' as const, at: a, count })),
            weight: 2,
        },
        {
            arbitrary: fc
                .tuple(at, fc.integer({ min: 1, max: 6 }))
                .map(([a, count]) => ({ op: 'delete-lines' as const, at: a, count })),
            weight: 2,
        },
        { arbitrary: fc.nat(100_000).map((a) => ({ op: 'truncate' as const, at: a })), weight: 1 },
        {
            arbitrary: fc.tuple(at, insertedText).map(([a, text]) => ({ op: 'insert-text' as const, at: a, text })),
            weight: 3,
        },
        {
            arbitrary: fc
                .tuple(at, fc.constantFrom(...keywords))
                .map(([a, keyword]) => ({ op: 'insert-keyword' as const, at: a, keyword })),
            weight: 2,
        },
        {
            arbitrary: fc
                .tuple(at, extremeDigits, fc.boolean())
                .map(([a, digits, keepUnit]) => ({ op: 'extreme-number' as const, at: a, digits, keepUnit })),
            weight: 2,
        },
        {
            arbitrary: fc
                .tuple(at, fc.constantFrom(...UNITS))
                .map(([a, unit]) => ({ op: 'wrong-unit' as const, at: a, unit })),
            weight: 2,
        },
        { arbitrary: fc.tuple(at, at).map(([a, b]) => ({ op: 'rename' as const, at: a, to: b })), weight: 2 },
        { arbitrary: fc.constant({ op: 'tame-rates' as const }), weight: 3 },
        {
            arbitrary: fc
                .constantFrom('\r\n' as const, '\r' as const)
                .map((eol) => ({ op: 'line-endings' as const, eol })),
            weight: 1,
        },
    );
}

export function describeMutation(m: Mutation): string {
    const { op, ...rest } = m;
    return `${op}${Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : ''}`;
}
