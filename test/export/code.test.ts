// The code-building helpers the exporter relies on for safety: string literals, comments, identifiers and the
// AWS names derived from model names, checked on arbitrary input.
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import {
    CodeWriter,
    commentText,
    identifierFor,
    IdentifierScope,
    isValidIdentifier,
    tsString,
    words,
} from '../../export/cdk/code.js';
import {
    bucketNamePrefix,
    contextKeyPart,
    dnsLabel,
    fileStem,
    globalClusterIdentifier,
    packageName,
    resourceName,
    stackName,
    tagValue,
} from '../../export/cdk/names.js';

/** Every UTF-16 code unit, lone surrogates included: model strings need not be well-formed. */
const anyString = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
    fc.constantFrom(
        '',
        "'",
        '\\',
        '${x}',
        '`',
        '*/',
        '\n',
        '\r\n',
        '\u2028',
        '\u2029',
        '\u202e',
        '\ufeff',
        '../../etc',
        'é\u0301',
        '\ud800',
        '\udc00x',
        "'); process.exit(1); ('",
    ),
);

function syntaxErrors(source: string): string[] {
    const file = ts.createSourceFile('probe.ts', source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('string literals', () => {
    test('any string becomes a TypeScript literal that parses and evaluates back to the same string', () => {
        fc.assert(
            fc.property(anyString, (value) => {
                const literal = tsString(value);
                expect(syntaxErrors(`const v = ${literal};`)).toEqual([]);
                expect(new Function(`return ${literal};`)()).toBe(value);
            }),
            { numRuns: 2000 },
        );
    });

    test('a literal stays on one line and shows no direction-changing or invisible characters raw', () => {
        fc.assert(
            fc.property(anyString, (value) => {
                const literal = tsString(value);
                expect(literal).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/);
            }),
        );
    });

    test.each([
        { value: "it's", literal: "'it\\'s'" },
        { value: 'a\\b', literal: "'a\\\\b'" },
        { value: '${x}', literal: "'${x}'" },
        { value: 'São Paulo', literal: "'São Paulo'" },
        { value: 'line\nbreak', literal: "'line\\nbreak'" },
    ])('writes $value readably as $literal', ({ value, literal }) => {
        expect(tsString(value)).toBe(literal);
    });
});

describe('comments', () => {
    test('any text fits in a line comment without ending it or starting code', () => {
        fc.assert(
            fc.property(anyString, (value) => {
                const source = `// ${commentText(value)}\nconst marker = 1;\n/* ${commentText(value)} */\nconst other = 2;\n`;
                expect(syntaxErrors(source)).toEqual([]);
                const file = ts.createSourceFile('probe.ts', source, ts.ScriptTarget.ES2022, true);
                expect(file.statements).toHaveLength(2);
            }),
            { numRuns: 1000 },
        );
    });

    test('wrapped comments keep every word and never exceed the width by more than one word', () => {
        const w = new CodeWriter();
        const text =
            'store sessions (cell eu) (fintech.mregion:29): multi-region eventual consistency (MREC), replication lag 1 s';
        w.commentWrapped(text, 40);
        const lines = w.toString().trimEnd().split('\n');
        expect(lines.every((l) => l.startsWith('// '))).toBe(true);
        expect(lines.map((l) => l.slice(3)).join(' ')).toBe(text);
    });
});

describe('identifiers', () => {
    test('distinct names get valid, distinct identifiers, and the same name always the same one', () => {
        fc.assert(
            fc.property(
                fc.uniqueArray(anyString, { maxLength: 30 }),
                fc.constantFrom('pascal', 'camel') as fc.Arbitrary<'pascal' | 'camel'>,
                (names, style) => {
                    const scope = new IdentifierScope(style, ['zone', 'Stack']);
                    const ids = names.map((n) => scope.get(n));
                    for (const id of ids) expect(isValidIdentifier(id), id).toBe(true);
                    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
                    expect(ids.map((i) => i.toLowerCase())).not.toContain('zone');
                    expect(names.map((n) => scope.get(n))).toEqual(ids);
                },
            ),
            { numRuns: 500 },
        );
    });

    test.each([
        { name: 'us-east-1', suffix: 'Stack', style: 'pascal', id: 'UsEast1Stack' },
        { name: 'sessions@eu', suffix: '', style: 'camel', id: 'sessionsEu' },
        { name: 'orders-db', suffix: 'resiliency policy', style: 'pascal', id: 'OrdersDbResiliencyPolicy' },
        { name: 'delete', suffix: '', style: 'camel', id: 'delete_' },
        { name: '1st', suffix: '', style: 'camel', id: 'n1st' },
    ] as const)('names $name as $id', ({ name, suffix, style, id }) => {
        expect(new IdentifierScope(style).get(name, suffix)).toBe(id);
    });
});

describe('identifiers never take a reserved word', () => {
    // ECMAScript 2022 §12.7.2 ReservedWord: never an identifier.
    const ES_RESERVED = [
        'await',
        'break',
        'case',
        'catch',
        'class',
        'const',
        'continue',
        'debugger',
        'default',
        'delete',
        'do',
        'else',
        'enum',
        'export',
        'extends',
        'false',
        'finally',
        'for',
        'function',
        'if',
        'import',
        'in',
        'instanceof',
        'new',
        'null',
        'return',
        'super',
        'switch',
        'this',
        'throw',
        'true',
        'try',
        'typeof',
        'var',
        'void',
        'while',
        'with',
        'yield',
    ];
    // Reserved in strict mode code (§13.1.1), which every generated module is, and names strict code cannot bind.
    const STRICT = [
        'implements',
        'interface',
        'let',
        'package',
        'private',
        'protected',
        'public',
        'static',
        'arguments',
        'eval',
    ];
    // TypeScript's type and contextual keywords: valid names, kept out so generated code never reads as a type
    // or a declaration modifier (`const string`, `let type`).
    const TYPESCRIPT = [
        'any',
        'as',
        'async',
        'asserts',
        'boolean',
        'constructor',
        'declare',
        'from',
        'get',
        'infer',
        'is',
        'keyof',
        'module',
        'namespace',
        'never',
        'number',
        'object',
        'of',
        'readonly',
        'require',
        'set',
        'string',
        'symbol',
        'type',
        'undefined',
        'unknown',
    ];

    test.each([...ES_RESERVED, ...STRICT, ...TYPESCRIPT])(
        "'%s' gets a trailing underscore and is not a valid identifier",
        (word) => {
            expect(identifierFor(word, 'camel')).toBe(`${word}_`);
            expect(isValidIdentifier(word)).toBe(false);
        },
    );

    test.each(ES_RESERVED.filter((w) => w !== 'await' && w !== 'yield'))(
        "'%s' would not parse as a variable name, so the underscore is needed",
        (word) => {
            expect(syntaxErrors(`const ${word} = 1;`)).not.toEqual([]);
            expect(syntaxErrors(`const ${word}_ = 1;`)).toEqual([]);
        },
    );
});

describe('AWS names from model names', () => {
    test('stack names, file stems, DNS labels and package names keep to the characters each place accepts', () => {
        fc.assert(
            fc.property(anyString, anyString, (topology, part) => {
                expect(stackName(topology, part)).toMatch(/^[A-Za-z][A-Za-z0-9-]{0,127}$/);
                const stem = fileStem(part);
                expect(stem).toMatch(/^[a-z0-9][a-z0-9-]*$/);
                expect(stem.length).toBeLessThanOrEqual(60);
                expect(dnsLabel(part)).toMatch(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/);
                expect(packageName(topology)).toMatch(/^[a-z0-9][a-z0-9-]*-cdk$/);
            }),
            { numRuns: 1000 },
        );
    });

    test("Aurora, S3 and Resilience Hub names follow their services' patterns", () => {
        fc.assert(
            fc.property(anyString, anyString, (topology, store) => {
                const id = globalClusterIdentifier(topology, store);
                expect(id).toMatch(/^[a-z](?:[a-z0-9]|-(?!-))*$/);
                expect(id.length).toBeLessThanOrEqual(63);
                expect(id.endsWith('-')).toBe(false);
                // The generated code appends `-<region>-<account>`: the longest region id is 14 characters.
                const bucket = `${bucketNamePrefix(topology, store)}-ap-southeast-4-123456789012`;
                expect(bucket).toMatch(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/);
                expect(bucket.length).toBeLessThanOrEqual(63);
                expect(resourceName([topology, store], 60)).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{1,59}$/);
            }),
            { numRuns: 1000 },
        );
    });

    test('tag values keep only what AWS accepts in tags', () => {
        fc.assert(
            fc.property(anyString, (value) => {
                const tag = tagValue(value);
                expect(tag).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u);
                expect([...tag].length).toBeLessThanOrEqual(256);
            }),
        );
        expect(tagValue('eu')).toBe('eu');
        expect(tagValue('EU/US payments')).toBe('EU/US payments');
    });

    test('distinct model ids give distinct context keys, and readable ids stay readable', () => {
        fc.assert(
            fc.property(anyString, anyString, (a, b) => {
                fc.pre(a !== b);
                expect(contextKeyPart(a)).not.toBe(contextKeyPart(b));
            }),
            { numRuns: 2000 },
        );
        expect(contextKeyPart('payments@eu')).toBe('payments@eu');
        expect(contextKeyPart('us-east-1')).toBe('us-east-1');
    });
});

describe('exact escapes, comments, identifiers and layout', () => {
    test.each([
        // Lone surrogates at each edge of both ranges are escaped (written raw they would become U+FFFD in a UTF-8 file);
        // a well-formed pair stays as it is.
        { what: 'a lone high surrogate at the start of its range', value: '\ud800', literal: "'\\ud800'" },
        { what: 'a lone high surrogate at the end of its range', value: '\udbff', literal: "'\\udbff'" },
        { what: 'a lone low surrogate at the start of its range', value: '\udc00', literal: "'\\udc00'" },
        { what: 'a lone low surrogate at the end of its range', value: '\udfff', literal: "'\\udfff'" },
        { what: 'a high surrogate followed by a non-surrogate', value: '\udbffx', literal: "'\\udbffx'" },
        { what: 'a surrogate pair', value: '\ud83d\ude00', literal: "'\ud83d\ude00'" },
        { what: 'a pair at the edges of both ranges', value: '\udbff\udfff', literal: "'\udbff\udfff'" },
        { what: 'a pair at the start of both ranges', value: '\ud800\udc00', literal: "'\ud800\udc00'" },
        {
            what: 'a high surrogate followed by a character above the low range',
            value: '\ud800\ue000',
            literal: "'\\ud800\ue000'",
        },
        // One character from each range of invisible or direction-changing characters.
        ...[
            '\u0000',
            '\u001f',
            '\u007f',
            '\u009f',
            '\u00ad',
            '\u061c',
            '\u180e',
            '\u200b',
            '\u200f',
            '\u2028',
            '\u202e',
            '\u2060',
            '\u206f',
            '\ufeff',
            '\ufff9',
            '\ufffb',
        ].map((c) => ({
            what: `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
            value: c,
            literal: `'\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}'`,
        })),
        { what: 'the short escapes', value: '\b\f\v\t\r\n', literal: "'\\b\\f\\v\\t\\r\\n'" },
        {
            what: 'characters next to the escaped ranges',
            value: ' ~\u00a0\u00ae\u200a\u2010\u202f\ufff8\ufffc',
            literal: "' ~\u00a0\u00ae\u200a\u2010\u202f\ufff8\ufffc'",
        },
    ])('writes $what as $literal', ({ value, literal }) => {
        expect(tsString(value)).toBe(literal);
    });

    test.each([
        { value: 'a\r\nb', comment: 'a b' },
        { value: 'a\rb\nc', comment: 'a b c' },
        { value: 'a\u2028b\u2029c\u0085d', comment: 'a b c d' },
        { value: 'x */ y', comment: 'x *\u2215 y' },
        { value: 'a\tb', comment: 'a b' },
        { value: 'a\u200bb\u202ec\u0000', comment: 'abc' },
        { value: '  padded  ', comment: 'padded' },
    ])('comments $value as $comment', ({ value, comment }) => {
        expect(commentText(value)).toBe(comment);
    });

    test.each([
        { name: 'São Paulo', style: 'pascal', id: 'SaoPaulo' },
        { name: 'ordersTable', style: 'pascal', id: 'OrdersTable' },
        { name: 'OrdersTable', style: 'camel', id: 'ordersTable' },
        { name: 'ordersTable v2', style: 'camel', id: 'ordersTableV2' },
        { name: '', style: 'camel', id: 'unnamed' },
        { name: '@@@', style: 'pascal', id: 'Unnamed' },
        { name: '1st', style: 'pascal', id: 'N1st' },
        { name: 'a'.repeat(70), style: 'camel', id: 'a'.repeat(64) },
        { name: 'a'.repeat(64), style: 'camel', id: 'a'.repeat(64) },
    ] as const)('makes $name a $style identifier $id', ({ name, style, id }) => {
        expect(identifierFor(name, style)).toBe(id);
    });

    test.each([
        { name: 'ordersTable', words: ['orders', 'Table'] },
        { name: 'us-east-1', words: ['us', 'east', '1'] },
        { name: '--a--b--', words: ['a', 'b'] },
    ])('splits $name into the words $words', ({ name, words: expected }) => {
        expect(words(name)).toEqual(expected);
    });

    test.each(['a-b', '1a', 'a b', ''])("'%s' is not a valid identifier", (id) => {
        expect(isValidIdentifier(id)).toBe(false);
    });

    test('numbers a repeated identifier from 2, case-insensitively, and keeps reserved names out', () => {
        const scope = new IdentifierScope('pascal', ['ZONE']);
        expect([scope.get('zone'), scope.get('a b'), scope.get('A-B'), scope.get('a_b'), scope.get('a b')]).toEqual([
            'Zone2',
            'AB',
            'AB2',
            'AB3',
            'AB',
        ]);
        expect([scope.get('x', 'Stack'), scope.get('x Stack'), scope.get('x', 'Stack')]).toEqual([
            'XStack',
            'XStack2',
            'XStack',
        ]);
    });

    test('writes indented blocks, one blank line at most, none after an opening line, and a final newline', () => {
        const w = new CodeWriter('  ');
        w.blank()
            .line('a')
            .blank()
            .blank()
            .block('if (x) {', (b) =>
                b
                    .blank()
                    .line('b')
                    .indented((c) => c.line('c'))
                    .line(),
            )
            .line('[')
            .blank();
        w.append('  raw\n').line('').line('').line('end').line('');
        expect(w.toString()).toBe('a\n\nif (x) {\n  b\n    c\n\n}\n[\n  raw\n\nend\n');
    });

    test('indents by four spaces unless told, and adds a blank line after a line that only holds a bracket inside', () => {
        const w = new CodeWriter();
        w.block('a {', (b) => b.line('f({ x });').blank().line('y'));
        expect(w.toString()).toBe('a {\n    f({ x });\n\n    y\n}\n');
    });

    test.each([
        { text: 'aaa   bbb', width: 110, out: '// aaa bbb\n' },
        { text: 'abcdefghij klm', width: 5, out: '// abcdefghij\n// klm\n' },
        { text: '   ', width: 110, out: '\n' },
    ])('wraps $text at width $width without empty comment lines', ({ text, width, out }) => {
        expect(new CodeWriter().commentWrapped(text, width).toString()).toBe(out);
    });

    test.each([
        // 'aaa bbb' is 7 characters: it fits a width of 7, not of 6.
        { width: 7, lines: ['// aaa bbb', '// ccc'] },
        { width: 6, lines: ['// aaa', '// bbb', '// ccc'] },
    ])('wraps comments at width $width only when a word would go past it', ({ width, lines }) => {
        expect(new CodeWriter().commentWrapped('aaa bbb ccc', width).toString()).toBe(`${lines.join('\n')}\n`);
    });
});
