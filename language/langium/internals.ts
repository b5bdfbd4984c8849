// Every read or write of Langium's private state goes through this module, so an upgrade that renames or
// reshapes a field breaks in one place (and test/language/langium-internals.test.ts says which). Checked against
// the Langium version below; the test fails when the installed one differs, as a reminder to re-check each use.
//
// Why each is needed:
// - parser: the parser's node builder, rule stack and lexer result, which MregionParser replaces or resets
//   (language/parser/parser.ts: a CST builder without argument spreads, recovery after a parse that threw), its
//   check of a consumed token, which MregionParser replaces for tokens read by offset only, its assignment of a
//   rule call's result, which gets the leaf the builder puts in place of a one-token composite, and the making of a
//   rule's method, whose new AST node MregionParser makes with a constructor per type;
// - CST: the builder's stack of open nodes, which takes our compact nodes (language/parser/cst-node-builder.ts,
//   compact-cst.ts); a composite's child list, filled without spreads; the root's text and cached range, which the
//   declaration splice replaces (language/parser/declaration-splice.ts);
// - references: the resolution a reference holds, which the incremental linker keeps or forgets
//   (language/scoping/linker.ts).
import type { IToken } from 'chevrotain';
import type { AstNode, CstNode, CstNodeBuilder, CompositeCstNode, LangiumParser, Reference } from 'langium';

/** The Langium release every accessor below was read against (node_modules/langium/lib). */
export const LANGIUM_CHECKED_VERSION = '4.4.0';

// ---- parser ---------------------------------------------------------------------------------------------------

/** The private parser state that `LangiumParser.parse` sets up and a parse that threw can leave behind. */
export interface ParserInternals<Builder> {
    nodeBuilder: Builder;
    stack: unknown[];
    lexerResult: unknown;
    doParse(rule: unknown): AstNode;
    /** Whether a consumed token becomes a leaf (Langium 4.4 requires an end offset, which our tokens lack). */
    isValidToken(token: IToken): boolean;
    /** Assigns a rule call's result, with the CST node it was read from (a reference keeps that node). */
    performSubruleAssignment(result: unknown, feature: unknown, cstNode: CstNode): void;
    /** Makes a rule's method: it pushes the rule's new node, runs the rule, and closes the node. */
    startImplementation(
        type: string | symbol | undefined,
        infixName: string | undefined,
        implementation: (args: unknown) => void,
    ): (args: unknown) => unknown;
    isRecording(): boolean;
    construct(): unknown;
}

export function parserInternals<Builder>(parser: LangiumParser): ParserInternals<Builder> {
    return parser as unknown as ParserInternals<Builder>;
}

// ---- CST ------------------------------------------------------------------------------------------------------

/** The CST builder's stack of open composite nodes, which a builder that makes its own composites pushes to. */
export function builderStack(builder: CstNodeBuilder): CstNode[] {
    return (builder as unknown as { nodeStack: CstNode[] }).nodeStack;
}

interface CompositeInternals {
    content: CstNode[];
    container?: CompositeCstNode;
    _rangeCache: unknown;
}

/** Drops the range Langium's root node cached, so it is computed again from its (moved) children. */
export function forgetCachedRange(composite: CstNode): void {
    (composite as unknown as CompositeInternals)._rangeCache = undefined;
}

/** Gives a root node the text it now stands for (`fullText` reads it). */
export function setRootText(root: CstNode, text: string): void {
    (root as unknown as { _text: string })._text = text;
}

/** A composite's child list, which Langium types read-only but which its own builder fills in place. */
export function contentOf(composite: CstNode): CstNode[] {
    return (composite as unknown as CompositeInternals).content;
}

export function setContent(composite: CstNode, content: CstNode[]): void {
    (composite as unknown as CompositeInternals).content = content;
}

export function setContainer(node: CstNode, container: CompositeCstNode): void {
    (node as unknown as { container?: CompositeCstNode }).container = container;
}

/** Links a root CST node to the AST node it stands for. */
export function setAstNode(root: CstNode, node: AstNode): void {
    (root as unknown as { astNode: AstNode }).astNode = node;
}

// ---- references -----------------------------------------------------------------------------------------------

/** The fields of Langium's reference implementations that hold a resolution (single and multi references). */
interface Resolution {
    _ref?: unknown;
    _nodeDescription?: unknown;
    _items?: unknown;
    _linkingError?: unknown;
}

/** What a single reference resolved to (an AST node, a linking error, or nothing yet), without resolving it. */
export function resolvedTarget(reference: Reference | object): unknown {
    return (reference as Resolution)._ref;
}

/** What Langium's `unlink` does to one reference, so that the linker resolves it again. */
export function forgetResolution(reference: Reference | object): void {
    const r = reference as Resolution;
    if ('_ref' in r) {
        r._ref = undefined;
        delete r._nodeDescription;
    } else if ('_items' in r) {
        r._items = undefined;
        delete r._linkingError;
    }
}
