// A fuzz case of the LSP protocol: two documents opened (generated designs), then a random sequence of what a client
// — or a broken one — may send: every request the server offers and the custom mregion ones, at random, out-of-range,
// negative and fractional positions and ranges, on wrong URIs (unopened, other schemes, malformed); incremental
// edits with ranges past the end; $/cancelRequest at random moments and for random ids;
// window/workDoneProgress/cancel with random tokens; didClose then requests; params with fields missing or of the
// wrong type. It ends by giving the first document a known text (an example), whose diagnostics must then equal
// a fresh check of that text.
import fc from 'fast-check';
import { Requests } from '../../../protocol/index.js';
import type { Example } from './cases.js';
import { designArbitrary } from './design-arbitrary.js';

export const DOCS = ['file:///fuzz-lsp/doc-0.mregion', 'file:///fuzz-lsp/doc-1.mregion'] as const;

export type Op =
    /** A request; `cancel` sends $/cancelRequest for it after that many further operations (0: at once). */
    | {
          readonly op: 'request';
          readonly method: string;
          readonly params: unknown;
          readonly malformed: boolean;
          readonly cancel?: number;
          readonly workDoneToken?: string;
      }
    | {
          readonly op: 'change';
          readonly doc: number;
          readonly changes: readonly { readonly range?: unknown; readonly text: string }[];
      }
    | { readonly op: 'cancel-id'; readonly id: unknown }
    | { readonly op: 'progress-cancel'; readonly token: unknown }
    | { readonly op: 'close'; readonly doc: number }
    | { readonly op: 'open'; readonly doc: number; readonly text: string };

export interface LspCase {
    readonly origin: string;
    readonly texts: readonly [string, string];
    readonly ops: readonly Op[];
    /** The text the first document is given at the end, and checked against a fresh validation. */
    readonly known: Example;
}

const number = fc.oneof(
    { arbitrary: fc.nat({ max: 80 }), weight: 8 },
    { arbitrary: fc.constantFrom(-1, -1000, 0.5, 2.75, 1e6, 2 ** 31, 2 ** 53, -0), weight: 2 },
);
const position = fc.record({ line: number, character: number });
const range = fc.record({ start: position, end: position });
const uri = fc.oneof(
    { arbitrary: fc.constantFrom(...DOCS), weight: 10 },
    {
        arbitrary: fc.constantFrom(
            'file:///fuzz-lsp/unopened.mregion',
            'untitled:Untitled-1',
            'http://example.com/a.mregion',
            'not a uri',
            '',
            'file:///fuzz-lsp/',
            'file:///%',
            'file:///fuzz-lsp/doc-0.mregion#x?y',
            'FILE:///FUZZ-LSP/DOC-0.MREGION',
            'vscode-notebook-cell:/x#1',
        ),
        weight: 2,
    },
);
const textDocument = uri.map((u) => ({ uri: u }));
const atPosition = fc.record({ textDocument, position });
const formatting = fc.record({ tabSize: fc.oneof(fc.nat({ max: 8 }), fc.constant(-1)), insertSpaces: fc.boolean() });
const name = fc.constantFrom('renamed', 'x', '', 'a b', '123', 'région', 'us-east-1', '{', '\u0000');

/** Well-formed params (valid in shape, not necessarily in value) of each request. */
const REQUESTS: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
    'textDocument/hover': atPosition,
    'textDocument/definition': atPosition,
    'textDocument/documentHighlight': atPosition,
    'textDocument/completion': atPosition,
    'textDocument/signatureHelp': atPosition,
    'textDocument/prepareRename': atPosition,
    'textDocument/references': fc.record({
        textDocument,
        position,
        context: fc.record({ includeDeclaration: fc.boolean() }),
    }),
    'textDocument/rename': fc.record({ textDocument, position, newName: name }),
    'textDocument/documentSymbol': fc.record({ textDocument }),
    'textDocument/formatting': fc.record({ textDocument, options: formatting }),
    'textDocument/rangeFormatting': fc.record({ textDocument, range, options: formatting }),
    'textDocument/onTypeFormatting': fc.record({
        textDocument,
        position,
        ch: fc.constantFrom('}', '\n', ';', 'x'),
        options: formatting,
    }),
    'textDocument/codeAction': fc.record({
        textDocument,
        range,
        context: fc.record({
            diagnostics: fc.constant([]),
            only: fc.option(fc.constantFrom(['quickfix'], ['source.fixAll'], ['refactor'])),
        }),
    }),
    'textDocument/codeLens': fc.record({ textDocument }),
    'textDocument/inlayHint': fc.record({ textDocument, range }),
    'textDocument/semanticTokens/full': fc.record({ textDocument }),
    'textDocument/semanticTokens/range': fc.record({ textDocument, range }),
    'textDocument/semanticTokens/full/delta': fc.record({
        textDocument,
        previousResultId: fc.constantFrom('1', '0', 'x'),
    }),
    'textDocument/foldingRange': fc.record({ textDocument }),
    'workspace/symbol': fc.record({ query: fc.constantFrom('', 'us', 'api', '\u0000') }),
    [Requests.listScenarios]: textDocument,
    [Requests.simulationBlockers]: textDocument,
    [Requests.topology]: textDocument,
    [Requests.exportCdk]: fc.record(
        { uri, account: fc.option(fc.constantFrom('123456789012', 'x', '')), force: fc.option(fc.boolean()) },
        { requiredKeys: ['uri'] },
    ),
    [Requests.simulate]: fc.record(
        {
            uri,
            scenario: fc.constantFrom('lose-east', 'split', 'drill-1', 'quiet', 'nope', ''),
            seed: fc.option(fc.oneof(fc.integer(), fc.constantFrom(-1, 0.5, 2 ** 60))),
            eventBudget: fc.option(
                fc.oneof(fc.constantFrom(1, 0, -5, 0.5, 1e12), fc.integer({ min: 1_000, max: 200_000 })),
            ),
        },
        { requiredKeys: ['uri', 'scenario'] },
    ),
};

/** Params a broken client may send: missing, of the wrong type, or with fields of the wrong type. */
const malformed: fc.Arbitrary<unknown> = fc.constantFrom(
    undefined,
    null,
    {},
    [],
    42,
    'x',
    { textDocument: {} },
    { textDocument: { uri: 5 } },
    { textDocument: { uri: DOCS[0] }, position: 'a' },
    { textDocument: { uri: DOCS[0] }, position: { line: '1', character: null } },
    { textDocument: { uri: DOCS[0] }, range: { start: 1 } },
    { uri: DOCS[0], scenario: 7 },
    { uri: [DOCS[0]] },
    { textDocument: { uri: DOCS[0] }, options: null },
);

const request: fc.Arbitrary<Op> = fc.constantFrom(...Object.keys(REQUESTS)).chain((method) =>
    fc
        .record({
            malformed: fc.nat({ max: 5 }).map((n) => n === 0),
            wellFormed: REQUESTS[method]!,
            bad: malformed,
            cancel: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.nat({ max: 4 }), weight: 1 }),
            workDoneToken:
                method === Requests.simulate
                    ? fc.option(fc.constantFrom('tok-1', 'tok-2'), { freq: 2 })
                    : fc.constant(null),
        })
        .map((r): Op => ({
            op: 'request',
            method,
            malformed: r.malformed,
            params: r.malformed ? r.bad : r.wellFormed,
            ...(r.cancel === null ? {} : { cancel: r.cancel }),
            ...(r.workDoneToken === null ? {} : { workDoneToken: r.workDoneToken }),
        })),
);

const editText = fc.constantFrom(
    '',
    'x',
    '\n',
    '\r\n',
    '}',
    '{',
    '"',
    '/*',
    'region zz { provider aws }\n',
    '\u{1F600}',
    '\uD800',
    'é́',
    'store',
);
const change: fc.Arbitrary<Op> = fc
    .record({
        doc: fc.nat({ max: 1 }),
        changes: fc.array(
            fc
                .record({ range: fc.option(range, { freq: 6 }), text: editText })
                .map((c) => (c.range === null ? { text: c.text } : c)),
            { minLength: 1, maxLength: 3 },
        ),
    })
    .map((c): Op => ({ op: 'change', ...c }));

export function lspCase(examples: readonly Example[]): fc.Arbitrary<LspCase> {
    const op: fc.Arbitrary<Op> = fc.oneof(
        { arbitrary: request, weight: 12 },
        { arbitrary: change, weight: 4 },
        {
            arbitrary: fc
                .oneof(fc.nat({ max: 40 }), fc.constantFrom(-1, 'x', null, 1e9))
                .map((id): Op => ({ op: 'cancel-id', id })),
            weight: 1,
        },
        {
            arbitrary: fc
                .constantFrom<unknown>('tok-1', 'tok-2', 'nope', 7, null)
                .map((token): Op => ({ op: 'progress-cancel', token })),
            weight: 1,
        },
        { arbitrary: fc.nat({ max: 1 }).map((doc): Op => ({ op: 'close', doc })), weight: 1 },
        {
            arbitrary: fc
                .tuple(fc.nat({ max: 1 }), designArbitrary)
                .map(([doc, d]): Op => ({ op: 'open', doc, text: d.main })),
            weight: 1,
        },
    );
    return fc
        .record({
            texts: fc.tuple(
                designArbitrary.map((d) => d.main),
                designArbitrary.map((d) => d.main),
            ),
            ops: fc.array(op, { minLength: 1, maxLength: 40 }),
            known: fc.constantFrom(...examples),
        })
        .map(({ texts, ops, known }) => ({
            origin: `lsp: ${ops.length} operations (${describeOps(ops)}); then ${known.name}`,
            texts,
            ops,
            known,
        }));
}

export function describeOps(ops: readonly Op[]): string {
    return ops
        .map((o) =>
            o.op === 'request'
                ? `${o.method.replace(/^textDocument\//, '')}${o.malformed ? '(malformed)' : ''}${o.cancel !== undefined ? '+cancel' : ''}`
                : o.op,
        )
        .join(' ');
}
