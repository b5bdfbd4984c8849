// Where a large design's memory goes, phase by phase: the file is loaded as `mregion check` loads it (the CLI's
// services and file system), and after each build phase the heap is collected and measured, and the objects the
// document keeps are counted by kind (tokens, CST leaves and composites, AST nodes, references, cached ranges,
// diagnostics). With `--snapshot FILE` a heap snapshot is written after validation and summed up by object kind
// (self size; take it on a 1 MB design: the snapshot of a 10 MB one does not fit in memory to be read back).
// With `--times`, nothing is collected or counted: each row gives the phase's wall time instead, as `mregion check`
// spends it (garbage collection included, where it falls).
// Usage: node bench/robustness/measure.mjs census FILE [--snapshot /tmp/x.heapsnapshot] [--times]
import '../../language/polyfill/object-group-by.cjs';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { AstUtils, DocumentState, isReference, URI, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { isCompositeCstNode } from 'langium';
import { createMregionServices } from '../../language/mregion-module.js';
import { MregionLexer } from '../../language/parser/lexer.js';
import { RegularFileSystem } from '../../language/workspace/file-system.js';

const args = process.argv.slice(2);
const input = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--snapshot');
const snapshotAt = args.includes('--snapshot') ? args[args.indexOf('--snapshot') + 1] : undefined;
if (input === undefined) {
    process.stderr.write('usage: node bench/robustness/measure.mjs census FILE [--snapshot OUT.heapsnapshot]\n');
    process.exit(2);
}
const file: string = input;
const timesOnly = args.includes('--times');
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) {
    process.stderr.write('run with --expose-gc (measure.mjs does)\n');
    process.exit(2);
}

const MB = 2 ** 20;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
function retained(): number {
    collect!();
    collect!();
    return process.memoryUsage().heapUsed;
}

const rows: string[] = [];
let lastTime = performance.now();
let last = timesOnly ? 0 : retained();
const base = last;
function row(phase: string, counts = '') {
    if (timesOnly) {
        const time = performance.now();
        rows.push(`| ${phase} | ${((time - lastTime) / 1000).toFixed(2)} s | ${mb(process.memoryUsage().rss)} |`);
        lastTime = time;
        return;
    }
    const now = retained();
    rows.push(`| ${phase} | ${mb(now - base)} | ${mb(now - last)} | ${mb(process.memoryUsage().rss)} | ${counts} |`);
    last = now;
}

/** Counts what the document keeps: CST leaves and composites, their child lists, cached ranges, AST nodes. */
function census(document: LangiumDocument): string {
    let leaves = 0;
    let hidden = 0;
    let composites = 0;
    let children = 0;
    const pending: CstNode[] = [document.parseResult.value.$cstNode!];
    while (pending.length > 0) {
        const node = pending.pop()!;
        if (isCompositeCstNode(node)) {
            composites++;
            children += node.content.length;
            for (const child of node.content) pending.push(child);
        } else {
            leaves++;
            if (node.hidden) hidden++;
        }
    }
    let nodes = 0;
    let references = 0;
    for (const node of AstUtils.streamAst(document.parseResult.value)) {
        nodes++;
        for (const value of Object.values(node as AstNode))
            if (isReference(value)) references++;
            else if (Array.isArray(value)) for (const item of value) if (isReference(item)) references++;
    }
    return `${leaves.toLocaleString('en-US')} leaves (${hidden.toLocaleString('en-US')} hidden), ${composites.toLocaleString('en-US')} composites (${children.toLocaleString('en-US')} children), ${nodes.toLocaleString('en-US')} AST nodes, ${references.toLocaleString('en-US')} references`;
}

async function main(): Promise<LangiumDocument> {
    const services = createMregionServices(RegularFileSystem).Mregion;
    const uri = URI.file(path.resolve(file));
    const text = readFileSync(uri.fsPath, 'utf8');
    row('the text', `${statSync(uri.fsPath).size.toLocaleString('en-US')} bytes`);

    // The tokens alone, as the parser gets them (packed, `language/parser/packed-tokens.ts`, when the fast lexer
    // takes the vocabulary); measured inside a function so that they are dropped when it returns.
    if (!timesOnly) {
        const lexer = services.parser.Lexer;
        const measureTokens = () => {
            const packed = lexer instanceof MregionLexer ? lexer.tokenizePacked(text) : undefined;
            const lexed = packed?.result ?? lexer.tokenize(text);
            const count = packed ? packed.tokens.length : lexed.tokens.length;
            row(
                packed ? 'tokens (packed, as the parser reads them)' : 'tokens (lexer result, held)',
                `${count.toLocaleString('en-US')} tokens, ${lexed.hidden.length.toLocaleString('en-US')} hidden` +
                    // Typed arrays are outside the heap this table measures.
                    (packed
                        ? `; array buffers, the packed tokens among them: ${mb(process.memoryUsage().arrayBuffers)}`
                        : ''),
            );
        };
        measureTokens();
        row('tokens dropped');
    }

    const builder = services.shared.workspace.DocumentBuilder;
    builder.onBuildPhase(DocumentState.Parsed, ([document]) =>
        row('parsed', document && !timesOnly ? census(document) : ''),
    );
    builder.onBuildPhase(DocumentState.IndexedContent, () => row('indexed'));
    builder.onBuildPhase(DocumentState.ComputedScopes, () => row('scopes computed'));
    builder.onBuildPhase(DocumentState.Linked, () => row('linked'));
    builder.onBuildPhase(DocumentState.IndexedReferences, ([document]) => {
        row('references indexed');
        // The model is built once and cached; building it here separates it from the rules and diagnostics.
        if (document) services.semantics.Models.modelFor(document);
        row('model built');
    });
    builder.onBuildPhase(DocumentState.Validated, ([document]) =>
        row('validated', `${(document?.diagnostics?.length ?? 0).toLocaleString('en-US')} diagnostics`),
    );
    services.semantics.Models.rememberDeclarations = false;
    const started = performance.now();
    const document = await services.shared.workspace.LangiumDocuments.getOrCreateDocument(uri);
    await builder.build([document], { validation: true });
    const seconds = (performance.now() - started) / 1000;
    if (!timesOnly) row('after the build', census(document));

    process.stdout.write(
        [
            `${path.basename(file)}: built in ${seconds.toFixed(2)} s ${timesOnly ? '(phase times)' : '(with a full collection after each phase)'}`,
            '',
            ...(timesOnly
                ? ['| phase ending | wall time | RSS |', '|---|---|---|']
                : ['| after | heap retained | delta | RSS | what is kept |', '|---|---|---|---|---|']),
            ...rows,
            '',
        ].join('\n'),
    );

    if (snapshotAt) {
        writeHeapSnapshot(snapshotAt);
        process.stdout.write(summarizeSnapshot(snapshotAt));
    }
    return document;
}

// The document is returned so that it is alive when the snapshot is taken.
void main().then((document) => document.uri);

/** Self size by object kind (constructor name for objects, the type for arrays, strings, code …). */
function summarizeSnapshot(snapshotFile: string): string {
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as {
        snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
        nodes: number[];
        strings: string[];
    };
    const fields = snapshot.snapshot.meta.node_fields;
    const types = snapshot.snapshot.meta.node_types[0];
    const width = fields.length;
    const typeAt = fields.indexOf('type');
    const nameAt = fields.indexOf('name');
    const sizeAt = fields.indexOf('self_size');
    const kinds = new Map<string, { count: number; bytes: number }>();
    for (let i = 0; i < snapshot.nodes.length; i += width) {
        const type = types[snapshot.nodes[i + typeAt]!]!;
        const name = snapshot.strings[snapshot.nodes[i + nameAt]!]!;
        const kind = type === 'object' || type === 'closure' ? `${type} ${name}` : type;
        const entry = kinds.get(kind) ?? { count: 0, bytes: 0 };
        entry.count++;
        entry.bytes += snapshot.nodes[i + sizeAt]!;
        kinds.set(kind, entry);
    }
    const top = [...kinds].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 30);
    return [
        '',
        `Heap snapshot after validation, self size by kind (top 30):`,
        '',
        '| kind | objects | self size | bytes each |',
        '|---|---|---|---|',
        ...top.map(
            ([kind, { count, bytes }]) =>
                `| ${kind} | ${count.toLocaleString('en-US')} | ${mb(bytes)} | ${Math.round(bytes / count)} |`,
        ),
        '',
    ].join('\n');
}
