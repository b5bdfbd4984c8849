// Langium's parser, minus wastes of memory and time that add up on large designs:
// - Chevrotain keeps the last input's token vector after parsing (one object per token, about 14 MB for a 50k-line
//   design), although the CST copies what it needs from each token;
// - the AST's lists (clauses, region lists, …) are filled one push at a time, which gives each a backing store of
//   17 slots however few items it holds (about 4 MB for a 50k-line design); each list is copied to its exact size;
// - Langium then walks the tree once more to link each node to its container, with an `Object.entries` array per
//   node and one per property (the most garbage of the whole parse after the tokens); one walk here does both,
//   and finds each top-level declaration's references for the linker, which walked the tree for them once more.
//   `parse` is Langium 4.4's, with that walk in place of `linkContentToContainer` (test/language/parser-robustness
//   checks the links equal Langium's, and the references those a fresh walk finds).
// Its tokens are packed in typed arrays (`packed-tokens.ts`) and made into offset-only token objects as Chevrotain
// reads them (`packed-token-input.ts`); the tokens of syntax errors get their lines and columns after the parse, for
// the diagnostics. It builds the CST with `MregionCstNodeBuilder` (no argument spreads, no composite for one
// token) and each AST node with its type's constructor (`ast-node-constructors.ts`), bounds error recovery
// (`recovery.ts`: no rescan of the rest of the file per error, at most 500 errors), and never throws: should parsing
// fail on some text all the same, the document gets an empty tree and one syntax error saying so.
import {
    createParser,
    DatatypeSymbol,
    isMultiReference,
    isReference,
    LangiumParser,
    type AstNode,
    type LangiumCoreServices,
    type ParseResult,
    type ParserOptions,
    type ReferenceInfo,
} from 'langium';
import type { IToken } from 'chevrotain';
import { parserInternals, setAstNode } from '../langium/internals.js';
import { astNodeConstructor } from './ast-node-constructors.js';
import { MregionCstNodeBuilder } from './cst-node-builder.js';
import { MregionLexer } from './lexer.js';
import { PackedTokenInput } from './packed-token-input.js';
import { boundRecovery } from './recovery.js';
import { isTextToken, TextLines } from './token-positions.js';
import { rememberReferencesBelow } from '../util/subtree-references.js';

export class MregionParser extends LangiumParser {
    private readonly resetRecovery: () => void;
    private readonly packedInput: PackedTokenInput;

    constructor(services: LangiumCoreServices) {
        super(services);
        const state = parserInternals<MregionCstNodeBuilder>(this);
        state.nodeBuilder = new MregionCstNodeBuilder();
        // Langium's check of a consumed token, without the end offset our tokens do not carry (`lexer.ts`).
        state.isValidToken = isTextToken;
        // A rule call's result is assigned with the node that stands for it in the tree: a one-token composite
        // becomes a leaf here (`cst-node-builder.ts`), and a reference keeps that leaf as its `$refNode`.
        const assignSubrule = state.performSubruleAssignment.bind(this);
        state.performSubruleAssignment = (result, feature, cstNode) =>
            assignSubrule(result, feature, state.nodeBuilder.standIn(cstNode, result));
        // Langium's rule method, with each AST node made by its type's constructor (`ast-node-constructors.ts`);
        // read by `createParser`, which runs after this constructor.
        state.startImplementation = (type, infixName, implementation) => {
            const Node = typeof type === 'string' && infixName === undefined ? astNodeConstructor(type) : undefined;
            return (args) => {
                if (state.isRecording() || type === undefined) {
                    implementation(args);
                    return undefined;
                }
                const node: { $type: string | symbol; value?: string; $infixName?: string } = Node
                    ? new Node()
                    : { $type: type };
                state.stack.push(node);
                if (type === DatatypeSymbol) node.value = '';
                else if (infixName !== undefined) node.$infixName = infixName;
                implementation(args);
                return state.construct();
            };
        };
        this.resetRecovery = boundRecovery(this.wrapper);
        this.packedInput = new PackedTokenInput(this.wrapper);
    }

    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const state = parserInternals<MregionCstNodeBuilder>(this);
        try {
            state.nodeBuilder.buildRootNode(input);
            const lines = new TextLines(input);
            const packed = this.lexer instanceof MregionLexer ? this.lexer.tokenizePacked(input, lines) : undefined;
            // Without packed tokens (a vocabulary the fast lexer does not take), the parser reads a token vector.
            const lexerResult =
                packed?.result ??
                (this.lexer instanceof MregionLexer
                    ? this.lexer.tokenizeForParser(input, lines)
                    : this.lexer.tokenize(input));
            state.lexerResult = lexerResult;
            if (packed) this.packedInput.read(packed.tokens);
            else this.wrapper.input = lexerResult.tokens;
            const ruleMethod = options.rule ? this.allRules.get(options.rule) : this.mainRule;
            if (!ruleMethod)
                throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
            const value = state.doParse(ruleMethod) as T;
            state.nodeBuilder.addHiddenNodes(lexerResult.hidden);
            this.unorderedGroups.clear();
            state.lexerResult = undefined;
            linkAndCompact(value);
            const parserErrors = this.wrapper.errors;
            for (const error of parserErrors) {
                lines.complete(error.token);
                const { previousToken } = error as { previousToken?: IToken };
                if (previousToken) lines.complete(previousToken);
            }
            return { value, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report, parserErrors };
        } catch (error) {
            state.stack.length = 0;
            state.lexerResult = undefined;
            this.unorderedGroups.clear();
            return unparsed<T>(input, error);
        } finally {
            this.resetRecovery();
            this.packedInput.clear();
        }
    }
}

/** An empty document for a text the parser failed on, with the failure as a syntax error on its first line. */
function unparsed<T extends AstNode>(input: string, error: unknown): ParseResult<T> {
    const root = new MregionCstNodeBuilder().buildRootNode(input);
    const document = { $type: 'Document', imports: [], elements: [], $cstNode: root } as unknown as T;
    setAstNode(root, document);
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const firstLine = /^[^\r\n]*/.exec(input)![0].length;
    return {
        value: document,
        lexerErrors: [
            {
                offset: 0,
                line: 1,
                column: 1,
                length: firstLine,
                message: `this file could not be parsed (${reason}): split it into smaller files, and please report this as a bug`,
            },
        ],
        lexerReport: { diagnostics: [] },
        parserErrors: [],
    };
}

/** An AST node's links to its container, which Langium's types make read-only. */
interface Contained {
    $container: AstNode;
    $containerProperty: string;
    $containerIndex?: number;
}

/**
 * Links every node of the tree to its container, as Langium's `linkContentToContainer` does, copies every list to
 * an array of its exact length, and keeps the references below each top-level declaration for the linker
 * (`rememberReferencesBelow`: the order `referencesBelow` would find them in, which its test compares); the
 * parser's own nodes only, so no cycles.
 */
function linkAndCompact(root: AstNode): void {
    const tops: AstNode[] = [];
    linkOwn(root, tops, undefined);
    const pending: AstNode[] = [];
    const children: AstNode[] = [];
    for (const top of tops) {
        const references: ReferenceInfo[] = [];
        pending.push(top);
        while (pending.length > 0) {
            children.length = 0;
            linkOwn(pending.pop()!, children, references);
            // Pre-order, properties in order: the first child is taken next.
            for (const child of children.reverse()) pending.push(child);
        }
        rememberReferencesBelow(top, references);
    }
}

/**
 * Links the child nodes of `container` to it, copies its lists to their exact length, appends its child nodes to
 * `children` and, when given `references`, its own references to them.
 */
function linkOwn(container: AstNode, children: AstNode[], references: ReferenceInfo[] | undefined): void {
    const node = container as unknown as Record<string, unknown>;
    // for-in, not Object.keys: no array per node (an AST node is a plain object, nothing enumerable inherited).
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = node[property];
        if (Array.isArray(value)) {
            const exact = value.slice();
            node[property] = exact;
            for (let index = 0; index < exact.length; index++) {
                const item: unknown = exact[index];
                if (isNode(item)) {
                    const child = item as Contained;
                    child.$container = container;
                    child.$containerProperty = property;
                    child.$containerIndex = index;
                    children.push(item);
                } else if (references && (isReference(item) || isMultiReference(item)))
                    references.push({ reference: item, container, property, index });
            }
        } else if (isNode(value)) {
            const child = value as Contained;
            child.$container = container;
            child.$containerProperty = property;
            children.push(value);
        } else if (references && (isReference(value) || isMultiReference(value))) {
            references.push({ reference: value, container, property });
        }
    }
}

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

export function createMregionParser(services: LangiumCoreServices): LangiumParser {
    const parser = new MregionParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
