// Building TypeScript source text safely. Every string that comes from the model reaches generated code
// through `tsString` (a literal), `commentText` (a line comment) or an `IdentifierScope` (a name), so a
// design can never inject code, break a comment or collide two names.

import { stableHash } from './hash.js';

/** Characters escaped in string literals besides quotes and backslashes: line terminators, control characters,
 *  invisible or direction-changing format characters (they make source read differently than it runs). */
const NEEDS_ESCAPE =
    /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
    '\\': '\\\\',
    "'": "\\'",
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
    '\v': '\\v',
};

function hex4(code: number): string {
    return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A single-quoted TypeScript string literal that evaluates to exactly `value` (lone surrogates included). */
export function tsString(value: string): string {
    let out = "'";
    for (let i = 0; i < value.length; i++) {
        const ch = value.charAt(i);
        const code = value.charCodeAt(i);
        const short = SHORT_ESCAPES[ch];
        if (short !== undefined) {
            out += short;
        } else if (code >= 0xd800 && code <= 0xdbff) {
            const next = value.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                out += ch + value.charAt(i + 1);
                i++;
            } else {
                out += hex4(code);
            }
        } else if (code >= 0xdc00 && code <= 0xdfff) {
            out += hex4(code);
        } else if (NEEDS_ESCAPE.test(ch)) {
            out += hex4(code);
        } else {
            out += ch;
        }
    }
    return `${out}'`;
}

/** Text safe inside a `//` comment or a `/* … *\/` block: one line, no comment terminator, no invisible controls. */
export function commentText(value: string): string {
    return value
        .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ')
        .replace(/\*\//g, '*\u2215')
        .replace(new RegExp(NEEDS_ESCAPE.source, 'g'), (c) => (c === '\t' ? ' ' : ''))
        .trim();
}

const RESERVED = new Set([
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
    'as',
    'implements',
    'interface',
    'let',
    'package',
    'private',
    'protected',
    'public',
    'static',
    'yield',
    'any',
    'boolean',
    'constructor',
    'declare',
    'get',
    'module',
    'require',
    'number',
    'set',
    'string',
    'symbol',
    'type',
    'from',
    'of',
    'await',
    'async',
    'undefined',
    'arguments',
    'eval',
    'unknown',
    'never',
    'object',
    'keyof',
    'readonly',
    'infer',
    'is',
    'asserts',
    'namespace',
]);

/** ASCII words of `name`: `sessions@eu` → [sessions, eu]; `us-east-1` → [us, east, 1]; camelCase splits too. */
export function words(name: string): string[] {
    return name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w.length > 0);
}

export type IdentifierStyle = 'pascal' | 'camel';

/** A readable identifier for `name` in the given style (not yet unique; see IdentifierScope). */
export function identifierFor(name: string, style: IdentifierStyle, fallback = 'unnamed'): string {
    const parts = words(name);
    const list = parts.length > 0 ? parts : words(fallback);
    let id = list
        .map((w, i) =>
            i === 0 && style === 'camel'
                ? w.charAt(0).toLowerCase() + w.slice(1)
                : w.charAt(0).toUpperCase() + w.slice(1),
        )
        .join('');
    if (/^[0-9]/.test(id)) id = `${style === 'pascal' ? 'N' : 'n'}${id}`;
    if (id.length > 64) id = id.slice(0, 64);
    if (RESERVED.has(id)) id = `${id}_`;
    return id;
}

export function isValidIdentifier(id: string): boolean {
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(id) && !RESERVED.has(id);
}

/**
 * Hands out identifiers that are valid and distinct within one scope (a file, a class, a construct's
 * children): the same name always gets the same identifier, and different names never share one.
 */
export class IdentifierScope {
    private readonly byName = new Map<string, string>();
    private readonly taken = new Set<string>();

    /**
     * `hash`: a name whose readable form is taken gets its stable hash appended (construct ids become logical
     * ids, which must not change when another declaration is added before it); `counter`: 2, 3, … (variables).
     */
    constructor(
        private readonly style: IdentifierStyle,
        reserved: Iterable<string> = [],
        private readonly disambiguate: 'counter' | 'hash' = 'counter',
    ) {
        for (const r of reserved) this.taken.add(r.toLowerCase());
    }

    /** `suffix` is appended to the readable form (e.g. `Stack`) before uniqueness is ensured. */
    get(name: string, suffix = ''): string {
        const key = `${name}\u0000${suffix}`;
        const known = this.byName.get(key);
        if (known !== undefined) return known;
        const base = identifierFor(`${name} ${suffix}`, this.style);
        let id =
            this.disambiguate === 'hash' && this.taken.has(base.toLowerCase())
                ? `${base}${stableHash(key).toUpperCase()}`
                : base;
        // Case-insensitive uniqueness keeps file names derived from identifiers distinct on any file system.
        for (let n = 2; this.taken.has(id.toLowerCase()); n++) id = `${base}${n}`;
        this.taken.add(id.toLowerCase());
        this.byName.set(key, id);
        return id;
    }
}

/** Indented source text, one line at a time. */
export class CodeWriter {
    private readonly lines: string[] = [];
    private depth = 0;

    constructor(private readonly indentUnit = '    ') {}

    line(text = ''): this {
        this.lines.push(text === '' ? '' : this.indentUnit.repeat(this.depth) + text);
        return this;
    }

    /** Adds a blank line unless the previous line is blank or opens a block. */
    blank(): this {
        const last = this.lines[this.lines.length - 1];
        if (last !== undefined && last !== '' && !/[{[(]$/.test(last)) this.lines.push('');
        return this;
    }

    comment(text: string): this {
        return this.line(`// ${commentText(text)}`);
    }

    /** Wraps a long comment into lines of about `width` characters. */
    commentWrapped(text: string, width = 110): this {
        const clean = commentText(text);
        let current = '';
        for (const word of clean.split(/\s+/)) {
            if (current.length > 0 && current.length + word.length + 1 > width) {
                this.comment(current);
                current = word;
            } else {
                current = current.length > 0 ? `${current} ${word}` : word;
            }
        }
        if (current.length > 0) this.comment(current);
        return this;
    }

    /** `open` + indented body + `close`; `open` usually ends with `{` or `(`. */
    block(open: string, body: (w: this) => void, close = '}'): this {
        this.line(open);
        this.depth++;
        body(this);
        this.depth--;
        return this.line(close);
    }

    /** Appends lines that are already indented (e.g. another writer's output). */
    append(text: string): this {
        for (const line of text.split('\n')) this.lines.push(line);
        return this;
    }

    indented(body: (w: this) => void): this {
        this.depth++;
        body(this);
        this.depth--;
        return this;
    }

    toString(): string {
        return `${this.lines
            .join('\n')
            .replace(/\n{3,}/g, '\n\n')
            .trimEnd()}\n`;
    }
}
