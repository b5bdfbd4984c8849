// A fuzz case of the workspace layer: a folder of files as a user's disk may hold them — designs (from the design
// arbitraries) importing each other in chains, cycles, diamonds and self-imports, imports of missing files, folders,
// non-.mregion files, absolute paths and `..` escapes; every file kind (empty, symlinks to files and folders,
// dangling symlinks, symlink cycles, FIFOs, a folder named x.mregion); sizes up to a bound; encodings (UTF-8 with a
// BOM, UTF-16 LE/BE with a BOM, invalid UTF-8, NUL bytes) and line endings; and `.mregion.json` files of random
// content, kind and size in the workspace and above it. `materialize` writes a case into a folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { designArbitrary } from './design-arbitrary.js';

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'utf16be-bom' | 'invalid-utf8' | 'nul-bytes';
/** How a file is grown to its size: one long comment line, a block comment, a long string, blank lines, or the design repeated. */
export type Padding = 'line-comment' | 'block-comment' | 'string' | 'blank-lines' | 'repeat';

/** Paths are relative to the case folder; the workspace the CLI and the server open is its `ws/` subfolder. */
export type Entry =
    | {
          readonly kind: 'file';
          readonly path: string;
          readonly text: string;
          readonly encoding: Encoding;
          readonly eol: string;
          readonly pad?: { readonly how: Padding; readonly bytes: number };
      }
    | { readonly kind: 'bytes'; readonly path: string; readonly bytes: readonly number[] }
    | { readonly kind: 'symlink'; readonly path: string; readonly target: string }
    | { readonly kind: 'fifo'; readonly path: string }
    | { readonly kind: 'folder'; readonly path: string };

export interface WorkspaceCase {
    readonly origin: string;
    readonly entries: readonly Entry[];
    /** The file `mregion simulate` and `export-cdk` are given, and the server opens and edits (relative to the case folder). */
    readonly main: string;
    /** Other files the server opens, as an editor with several tabs. */
    readonly opened: readonly string[];
}

export const WORKSPACE = 'ws';
/** Where the design files live; `ws/main.mregion` is always a regular design so every command has something to do. */
const DESIGN_PATHS = ['ws/a.mregion', 'ws/b.mregion', 'ws/sub/c.mregion', 'ws/deep/x/y/d.mregion', 'outside.mregion'];
const ALL_DESIGNS = ['ws/main.mregion', ...DESIGN_PATHS];
/** Replaced by the case folder's absolute path when written, so absolute imports point into the case. */
export const CASE_FOLDER = '${CASE}';

/** Import paths relative to a file in `ws/`: other designs, itself, and everything an import should refuse. */
function importTargets(from: string): fc.Arbitrary<string> {
    const rel = (to: string) => path.posix.relative(path.posix.dirname(from), to) || '.';
    return fc.oneof(
        { arbitrary: fc.constantFrom(...ALL_DESIGNS).map(rel), weight: 6 },
        { arbitrary: fc.constant(path.posix.basename(from)), weight: 1 },
        {
            arbitrary: fc
                .constantFrom(
                    'missing.mregion',
                    'sub',
                    'sub/',
                    'notes.txt',
                    'x.mregion',
                    'link.mregion',
                    'dangling.mregion',
                    'loop-a.mregion',
                    'fifo.mregion',
                    'dir-link.mregion',
                    '../../../../../../etc/passwd',
                    '../../../../../../etc/hostname.mregion',
                    `${CASE_FOLDER}/ws/a.mregion`,
                    `${CASE_FOLDER}/outside.mregion`,
                    'file:///etc/passwd',
                    'http://example.com/x.mregion',
                    '',
                    ' ',
                    '.',
                    '..',
                    'a.mregion\u0000b',
                    '%2e%2e/a.mregion',
                    'C:\\\\x.mregion',
                    'ü.mregion',
                    '\u{1F600}.mregion',
                )
                .map((p) => (p.startsWith('..') ? rel(`ws/${p}`) : p)),
            weight: 3,
        },
    );
}

const encoding: fc.Arbitrary<Encoding> = fc.oneof(
    { arbitrary: fc.constant<Encoding>('utf8'), weight: 10 },
    {
        arbitrary: fc.constantFrom<Encoding>('utf8-bom', 'utf16le-bom', 'utf16be-bom', 'invalid-utf8', 'nul-bytes'),
        weight: 5,
    },
);

/** Mostly small; sometimes large, up to `maxBytes`. */
function size(maxBytes: number): fc.Arbitrary<{ how: Padding; bytes: number } | undefined> {
    return fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 12 },
        {
            arbitrary: fc.record({
                how: fc.constantFrom<Padding>('line-comment', 'block-comment', 'string', 'blank-lines', 'repeat'),
                bytes: fc.oneof(
                    fc.integer({ min: 1, max: 64 * 1024 }),
                    fc.integer({ min: 64 * 1024, max: Math.max(64 * 1024, maxBytes) }),
                ),
            }),
            weight: 3,
        },
    );
}

function designFile(file: string, maxBytes: number): fc.Arbitrary<Entry> {
    return fc
        .record({
            design: designArbitrary,
            imports: fc.array(importTargets(file), { maxLength: 3 }),
            encoding,
            eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
            pad: size(maxBytes),
        })
        .map(({ design, imports, encoding: enc, eol, pad }) => ({
            kind: 'file' as const,
            path: file,
            encoding: enc,
            eol,
            ...(pad ? { pad } : {}),
            text: `${imports.map((p) => `import ${JSON.stringify(p)}\n`).join('')}${design.main}`,
        }));
}

/** Every other kind a path can be; the paths are the names imports above point at. */
const specialEntries: fc.Arbitrary<Entry[]> = fc.subarray<Entry>([
    { kind: 'bytes', path: 'ws/empty.mregion', bytes: [] },
    { kind: 'bytes', path: 'ws/notes.txt', bytes: [...Buffer.from('not a design\n')] },
    { kind: 'symlink', path: 'ws/link.mregion', target: 'a.mregion' },
    { kind: 'symlink', path: 'ws/dangling.mregion', target: 'nowhere.mregion' },
    { kind: 'symlink', path: 'ws/loop-a.mregion', target: 'loop-b.mregion' },
    { kind: 'symlink', path: 'ws/loop-b.mregion', target: 'loop-a.mregion' },
    { kind: 'symlink', path: 'ws/self.mregion', target: 'self.mregion' },
    { kind: 'symlink', path: 'ws/dir-link.mregion', target: 'sub' },
    { kind: 'symlink', path: 'ws/up', target: '..' },
    { kind: 'symlink', path: 'ws/null.mregion', target: '/dev/null' },
    { kind: 'fifo', path: 'ws/fifo.mregion' },
    { kind: 'folder', path: 'ws/x.mregion' },
    { kind: 'folder', path: 'ws/sub' },
]);

/** `.mregion.json` in the workspace, in a subfolder or above the workspace: JSON or not, any kind, any size. */
function configEntry(maxBytes: number): fc.Arbitrary<Entry> {
    const where = fc.constantFrom('.mregion.json', 'ws/.mregion.json', 'ws/sub/.mregion.json');
    const text = fc.oneof(
        fc.constantFrom(
            '{ "rules": { "dns-ttl-too-long": "error", "failover-never-rehearsed": "off" } }',
            '{ "rules": { "no-such-rule": "loud" } }',
            '{ "rules": [] }',
            '[]',
            'null',
            '{',
            '',
            '{ "rules": { "dns-ttl-too-long": 7 } }',
            '\uFEFF{ "rules": {} }',
        ),
        fc.json(),
        fc.string({ unit: 'binary', maxLength: 200 }),
    );
    return fc.oneof(
        {
            arbitrary: fc
                .tuple(where, text, encoding)
                .map(([p, t, enc]): Entry => ({ kind: 'file', path: p, text: t, encoding: enc, eol: '\n' })),
            weight: 5,
        },
        {
            arbitrary: fc.tuple(where, fc.integer({ min: 1, max: Math.max(1, maxBytes) })).map(([p, bytes]): Entry => ({
                kind: 'file',
                path: p,
                text: '{ "rules": {} }',
                encoding: 'utf8',
                eol: '\n',
                pad: { how: 'string', bytes },
            })),
            weight: 1,
        },
        { arbitrary: where.map((p): Entry => ({ kind: 'fifo', path: p })), weight: 1 },
        { arbitrary: where.map((p): Entry => ({ kind: 'folder', path: p })), weight: 1 },
        { arbitrary: where.map((p): Entry => ({ kind: 'symlink', path: p, target: '.mregion.json' })), weight: 1 },
        { arbitrary: where.map((p): Entry => ({ kind: 'symlink', path: p, target: 'nowhere.json' })), weight: 1 },
    );
}

export function workspaceCase(maxBytes: number): fc.Arbitrary<WorkspaceCase> {
    return fc
        .record({
            main: designFile('ws/main.mregion', maxBytes),
            designs: fc.subarray(DESIGN_PATHS).chain((paths) => fc.tuple(...paths.map((p) => designFile(p, maxBytes)))),
            special: specialEntries,
            configs: fc.array(configEntry(maxBytes), { maxLength: 2 }),
            opened: fc.subarray(
                [
                    'ws/a.mregion',
                    'ws/link.mregion',
                    'ws/empty.mregion',
                    'ws/fifo.mregion',
                    'ws/x.mregion',
                    'ws/missing.mregion',
                ],
                { maxLength: 2 },
            ),
        })
        .map(({ main, designs, special, configs, opened }) => {
            // One entry per path: the first wins (a design beats a special kind of the same name).
            const byPath = new Map<string, Entry>();
            for (const e of [main, ...designs, ...special, ...configs]) if (!byPath.has(e.path)) byPath.set(e.path, e);
            const entries = [...byPath.values()];
            return { origin: `workspace: ${entries.map(describeEntry).join(', ')}`, entries, main: main.path, opened };
        });
}

export function describeEntry(e: Entry): string {
    switch (e.kind) {
        case 'file':
            return `${e.path} (${e.encoding}${e.eol === '\n' ? '' : `, ${JSON.stringify(e.eol)}`}${e.pad ? `, ${e.pad.how} to ${e.pad.bytes} bytes` : ''})`;
        case 'bytes':
            return `${e.path} (${e.bytes.length} bytes)`;
        case 'symlink':
            return `${e.path} -> ${e.target}`;
        case 'fifo':
            return `${e.path} (FIFO)`;
        case 'folder':
            return `${e.path}/`;
    }
}

/** The text grown to about `bytes` UTF-8 bytes in the chosen way (the result stays a design plus filler). */
export function padded(text: string, pad: { how: Padding; bytes: number }, eol: string): string {
    const missing = Math.max(0, pad.bytes - Buffer.byteLength(text));
    switch (pad.how) {
        case 'line-comment':
            return `${text}${eol}// ${'x'.repeat(missing)}${eol}`;
        case 'block-comment':
            return `${text}${eol}/* ${`${'y'.repeat(99)}${eol}`.repeat(Math.ceil(missing / 100))} */${eol}`;
        case 'string':
            return text.startsWith('{')
                ? `{ "pad": "${'z'.repeat(missing)}", ${text.slice(1)}`
                : `topology Padded "${'z'.repeat(missing)}"${eol}${text}`;
        case 'blank-lines':
            return text + eol.repeat(Math.ceil(missing / eol.length));
        case 'repeat':
            return text.length === 0
                ? text
                : text.repeat(Math.max(1, Math.ceil(pad.bytes / Math.max(1, Buffer.byteLength(text)))));
    }
}

export function encode(text: string, enc: Encoding): Buffer {
    switch (enc) {
        case 'utf8':
            return Buffer.from(text, 'utf8');
        case 'utf8-bom':
            return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
        case 'utf16le-bom':
            return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        case 'utf16be-bom':
            return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
        case 'invalid-utf8':
            return spliceEvery(
                Buffer.from(text, 'utf8'),
                Buffer.from([0xc3, 0x28, 0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
            );
        case 'nul-bytes':
            return spliceEvery(Buffer.from(text, 'utf8'), Buffer.from([0x00]));
    }
}

/** `junk` inserted at the start, the middle and the end of `bytes`. */
function spliceEvery(bytes: Buffer, junk: Buffer): Buffer {
    const middle = Math.floor(bytes.length / 2);
    return Buffer.concat([junk, bytes.subarray(0, middle), junk, bytes.subarray(middle), junk]);
}

export function fileBytes(e: Extract<Entry, { kind: 'file' }>): Buffer {
    const text = e.text.replace(/\r\n|\r|\n/g, e.eol);
    return encode(e.pad ? padded(text, e.pad, e.eol) : text, e.encoding);
}

/** Writes the case into `folder` (which must exist and be empty). */
export function materialize(c: WorkspaceCase, folder: string): void {
    mkdirSync(path.join(folder, WORKSPACE), { recursive: true });
    for (const e of c.entries) {
        const target = path.join(folder, e.path);
        mkdirSync(path.dirname(target), { recursive: true });
        switch (e.kind) {
            case 'file': {
                const absolute = { ...e, text: e.text.replaceAll(CASE_FOLDER, folder) };
                writeFileSync(target, fileBytes(absolute));
                break;
            }
            case 'bytes':
                writeFileSync(target, Buffer.from(e.bytes));
                break;
            case 'symlink':
                symlinkSync(e.target, target);
                break;
            case 'fifo':
                execFileSync('mkfifo', [target]);
                break;
            case 'folder':
                mkdirSync(target, { recursive: true });
                break;
        }
    }
}
