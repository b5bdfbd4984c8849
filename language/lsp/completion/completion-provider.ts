// Completion that offers only what is valid at the cursor: Langium's grammar follow sets, minus keywords that
// would only be names (a region called `dynamodb`), clauses already written in a single-valued block, names
// already listed or not applicable; plus known region codes of the provider, CRDT types fitting the store's
// shape, units after a number and a snippet for each block kind. Keywords carry their documentation.
import {
    AstUtils,
    CstUtils,
    GrammarAST,
    stream,
    type AstNode,
    type AstNodeDescription,
    type LangiumDocument,
    type ReferenceInfo,
    type Stream,
} from 'langium';
import {
    DefaultCompletionProvider,
    type CompletionAcceptor,
    type CompletionContext,
    type CompletionValueItem,
    type NextFeature,
} from 'langium/lsp';
import type {
    CancellationToken,
    CompletionItem,
    CompletionList,
    CompletionParams,
} from 'vscode-languageserver-protocol';
import { CompletionItemKind } from 'vscode-languageserver-protocol';
import {
    isCapacityClause,
    isCapacityEntry,
    isDocument,
    isFailover,
    isGlobalDependencyClause,
    isHoldsClause,
    isObjectiveClause,
    isPrimaryClause,
    isProviderClause,
    isRegion,
    isService,
    isStore,
    isWritesClause,
    type Region,
} from '../../generated/ast.js';
import type { MregionServices } from '../../mregion-module.js';
import type { CrdtType, Engine, Provider, Shape } from '../../semantics/model.js';
import { QUEUE_ENGINES } from '../../semantics/facts/messaging-and-objects.js';
import { CRDT_FITS } from '../../validation/rules/conflict-rules.js';
import { RULE_CODES, RULES } from '../../validation/rules/catalog.js';
import { describeDeclaration } from '../hover/hover-provider.js';
import { describeGlobalService } from '../hover/global-dependency-hover.js';
import { GLOBAL_SERVICE_NAMES, GLOBAL_SERVICES } from '../../semantics/facts/global-services.js';
import { keywordMarkdown, keywordUsage } from '../keyword-docs.js';
import { slotOfQuantity } from '../quantity-kinds.js';
import { providerForNewRegion, regionCodeCandidates, regionCodeItem } from './region-codes.js';
import { snippetItem } from './snippets.js';
import { unitItems } from './unit-completion.js';

/** Inside `// mregion-ignore a, b` before the colon, with the code being typed. */
const SUPPRESSION_CODES = /^\s*\/\/\s*mregion-ignore\s+(?:[\w-]+\s*,\s*)*([\w-]*)$/;

/** A word being typed that ends with '-' (`eu-`, `any-region-`), at the cursor. */
const DASHED_WORD = /(?<![\w-])[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*-$/;

/** Clauses a block may contain more than once; every other clause is single (a repeat is an error). */
const REPEATABLE_CLAUSES: ReadonlySet<string> = new Set(['InvariantClause', 'ActionClause', 'Fault', 'Expectation']);
/** Rules that open a top-level declaration: they get a snippet beside their keyword. */
const BLOCK_RULES: ReadonlySet<string> = new Set([
    'Region',
    'Link',
    'Cell',
    'Store',
    'Service',
    'Failover',
    'Workload',
    'Scenario',
]);

export class MregionCompletionProvider extends DefaultCompletionProvider {
    constructor(private readonly mregion: MregionServices) {
        super(mregion);
    }

    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        cancelToken?: CancellationToken,
    ): Promise<CompletionList | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        const units = this.unitCompletion(document, offset);
        if (units) return { isIncomplete: false, items: units };
        const codes = ruleCodeCompletion(document, params.position);
        if (codes) return { isIncomplete: false, items: codes };
        if (insideComment(document, offset)) return { isIncomplete: false, items: [] };
        const dashed = await this.dashedWordCompletion(document, params, offset, cancelToken);
        if (dashed) return dashed;
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * `eu-` or `any-` is not a token yet (a name or keyword cannot end with '-'), so the list would vanish while
     * the user types `eu-west-1`: complete at the start of the word and keep what continues it.
     */
    private async dashedWordCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        offset: number,
        cancelToken?: CancellationToken,
    ): Promise<CompletionList | undefined> {
        const before = document.textDocument.getText().slice(Math.max(0, offset - 200), offset);
        const typed = DASHED_WORD.exec(before)?.[0];
        if (!typed) return undefined;
        const start = document.textDocument.positionAt(offset - typed.length);
        const list = await super.getCompletion(document, { ...params, position: start }, cancelToken);
        const range = { start, end: params.position };
        const items = (list?.items ?? [])
            .filter((i) => i.label.startsWith(typed) && i.insertTextFormat !== 2)
            .map((i) => ({ ...i, textEdit: { range, newText: i.textEdit?.newText ?? i.insertText ?? i.label } }));
        return { isIncomplete: true, items };
    }

    /** Units when the cursor is inside or right after the number of a quantity. */
    private unitCompletion(document: LangiumDocument, offset: number): CompletionItem[] | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root || offset === 0) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset - 1);
        if (!leaf || leaf.hidden || leaf.astNode.$type !== 'Quantity' || leaf.offset >= offset) return undefined;
        const slot = slotOfQuantity(leaf.astNode);
        if (!slot || slot.kind === 'count' || slot.kind === 'number') return undefined;
        const typed = document.textDocument.getText().slice(leaf.offset, offset);
        return unitItems(typed, slot, leaf.range);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor) {
        // A provider-global service (the one `services` that is no reference): the names the facts know, not the
        // value words a name may be. The follow set reaches it once as the ID rule and once per value word.
        if (next.property === 'services' && !GrammarAST.isCrossReference(next.feature))
            return GrammarAST.isRuleCall(next.feature) ? this.globalServices(context, acceptor) : undefined;
        if (next.property === 'name') {
            // Declaring a name: the grammar's value words are valid names, but offering them would be noise.
            if (GrammarAST.isRuleCall(next.feature) && isRegion(context.node))
                this.regionCodes(context, context.node, acceptor);
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    private globalServices(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const clause = AstUtils.getContainerOfType(context.node, isGlobalDependencyClause);
        const service = clause ? undefined : declarationOf(context.node);
        const written =
            clause?.services ?? (isService(service) ? service.clauses.find(isGlobalDependencyClause)?.services : []);
        const typed = context.document.textDocument.getText().slice(context.tokenOffset, context.offset);
        const listed = new Set((written ?? []).filter((n) => n !== typed));
        GLOBAL_SERVICE_NAMES.filter((n) => !listed.has(n)).forEach((name, i) =>
            acceptor(context, {
                label: name,
                kind: CompletionItemKind.EnumMember,
                detail: GLOBAL_SERVICES[name].home.value
                    ? `homed in ${GLOBAL_SERVICES[name].home.value}`
                    : 'global data plane, not homed',
                documentation: { kind: 'markdown', value: describeGlobalService(name) },
                sortText: `0${String(i).padStart(2, '0')}`,
            }),
        );
    }

    private regionCodes(context: CompletionContext, region: Region, acceptor: CompletionAcceptor): void {
        const model = this.mregion.semantics.Models.modelFor(context.document).model;
        const declared = region.clauses.find(isProviderClause)?.provider as Provider | undefined;
        const editing = typeof region.name === 'string' ? region.name : undefined;
        const provider = providerForNewRegion(model, declared, editing);
        regionCodeCandidates(model, provider, editing).forEach((r, i) => acceptor(context, regionCodeItem(r, i)));
    }

    protected override completionForKeyword(
        context: CompletionContext,
        keyword: GrammarAST.Keyword,
        acceptor: CompletionAcceptor,
    ) {
        if (!this.filterKeyword(context, keyword)) return;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (rule && opensClause(rule, keyword) && this.clauseTaken(context, rule.name)) return;
        if (rule?.name === 'CrdtType' && !this.fitsShape(context, keyword.value as CrdtType)) return;
        if (rule?.name === 'StoreFeature' && keyword.value === 'turbo-replication' && !this.isEngine(context, 'gcs'))
            return;
        if (rule?.name === 'ObjectiveTerm' && this.metricTaken(context, keyword.value)) return;
        const usage = keywordUsage(keyword.value, rule && !GrammarAST.isParserRule(rule) ? undefined : rule?.name);
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Keyword,
            detail: usage ? firstSentence(usage.summary) : 'Keyword',
            documentation: usage ? { kind: 'markdown', value: keywordMarkdown(keyword.value, usage) } : undefined,
            sortText: '1',
        });
        if (rule && BLOCK_RULES.has(rule.name) && opensClause(rule, keyword)) {
            const snippet = snippetItem(keyword.value);
            if (snippet) acceptor(context, snippet);
        }
    }

    /** True when the enclosing block already has a single-valued clause of this type (other than the one being edited). */
    private clauseTaken(context: CompletionContext, clauseType: string): boolean {
        if (REPEATABLE_CLAUSES.has(clauseType)) return false;
        const declaration = declarationOf(context.node);
        if (!declaration) return false;
        if (clauseType === 'RegionsClause' && (declaration as AstNode & { perCell?: boolean }).perCell) return true;
        const clauses = (declaration as AstNode & { clauses?: AstNode[] }).clauses ?? [];
        // Only Cassandra has a per-request consistency level: offered once the engine says cassandra.
        if (clauseType === 'ConsistencyLevelClause') {
            const engine = clauses.find((c): c is AstNode & { engine?: string } => c.$type === 'EngineClause');
            if (engine?.engine !== 'cassandra') return true;
        }
        // Only queues and streams have consumers: offered once the engine is one of them.
        if (clauseType === 'ConsumersClause') {
            const engine = clauses.find((c): c is AstNode & { engine?: string } => c.$type === 'EngineClause');
            if (engine?.engine === undefined || !QUEUE_ENGINES.has(engine.engine as Engine)) return true;
        }
        // Only caches sit in front of a store: offered once the engine is redis or memcached.
        if (clauseType === 'CachesClause') {
            const engine = clauses.find((c): c is AstNode & { engine?: string } => c.$type === 'EngineClause');
            if (engine?.engine !== 'redis' && engine?.engine !== 'memcached') return true;
        }
        // MirrorMaker 2's checkpoint interval: Kafka only.
        if (clauseType === 'CheckpointClause') {
            const engine = clauses.find((c): c is AstNode & { engine?: string } => c.$type === 'EngineClause');
            if (engine?.engine !== 'kafka') return true;
        }
        return clauses.some((c) => c.$type === clauseType && !contains(c, context.offset));
    }

    /** An objective names each metric once. */
    private metricTaken(context: CompletionContext, metric: string): boolean {
        const clause = AstUtils.getContainerOfType(context.node, isObjectiveClause);
        return clause?.terms.some((t) => t.metric === metric && !contains(t, context.offset)) ?? false;
    }

    /** Turbo replication exists on Cloud Storage buckets only; offered once the engine says gcs (or says nothing yet). */
    private isEngine(context: CompletionContext, engine: Engine): boolean {
        const store = declarationOf(context.node);
        if (!isStore(store)) return true;
        const declared = store.clauses.find((c) => c.$type === 'EngineClause') as
            (AstNode & { engine?: string }) | undefined;
        return declared?.engine === undefined || declared.engine === engine;
    }

    private fitsShape(context: CompletionContext, crdt: CrdtType): boolean {
        const store = declarationOf(context.node);
        if (!isStore(store)) return true;
        const shape = store.clauses.find(isHoldsClause)?.shape as Shape | undefined;
        return shape === undefined || CRDT_FITS[crdt].includes(shape);
    }

    protected override getReferenceCandidates(
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): Stream<AstNodeDescription> {
        const listed = new Set<string>();
        const value = (refInfo.container as AstNode & Record<string, unknown>)[refInfo.property];
        if (Array.isArray(value)) {
            for (const ref of value as { $refText?: string; $refNode?: { offset: number; end: number } }[]) {
                const here =
                    ref.$refNode && ref.$refNode.offset <= context.offset && ref.$refNode.end >= context.offset;
                if (!here && ref.$refText) listed.add(ref.$refText);
            }
        }
        const self = declarationOf(refInfo.container);
        const allowed = this.allowedRegions(refInfo, context);
        let candidates: Stream<AstNodeDescription>;
        try {
            candidates = super.getReferenceCandidates(refInfo, context);
        } catch {
            // In broken text the completion parser can guess a reference where the grammar has none: offer no names.
            return stream([]);
        }
        return candidates.filter(
            (d) => !listed.has(d.name) && d.node !== self && (allowed === undefined || allowed.has(d.name)),
        );
    }

    /**
     * Regions that must be among a declaration's own: a failover's `from`/`to` (its target's regions), a store's
     * `writes primary`, a service's `primary` and its `capacity` entries (the declaration's regions).
     */
    private allowedRegions(refInfo: ReferenceInfo, context: CompletionContext): ReadonlySet<string> | undefined {
        const container = refInfo.container;
        let owner: string | undefined;
        if (isFailover(container) && (refInfo.property === 'from' || refInfo.property === 'to'))
            owner = container.target?.ref?.name;
        else if (
            (isWritesClause(container) && refInfo.property === 'primary') ||
            (isPrimaryClause(container) && refInfo.property === 'region') ||
            (isCapacityEntry(container) && refInfo.property === 'region')
        ) {
            owner = (declarationOf(container) as (AstNode & { name?: string }) | undefined)?.name;
        }
        if (owner === undefined) return undefined;
        const model = this.mregion.semantics.Models.modelFor(context.document).model;
        const ids = model.instances.get(owner) ?? [];
        const regions = ids.flatMap((id) => (model.stores.get(id) ?? model.services.get(id))?.regions ?? []);
        if (regions.length === 0) return undefined;
        // A capacity entry names each region once.
        const taken =
            isCapacityEntry(container) && isCapacityClause(container.$container)
                ? container.$container.entries.filter((e) => e !== container).map((e) => e.region?.$refText)
                : [];
        return new Set(regions.filter((r) => !taken.includes(r)));
    }

    protected override createReferenceCompletionItem(
        nodeDescription: AstNodeDescription,
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = nodeDescription.node;
        if (!node) return item;
        const model = this.mregion.semantics.Models.modelFor(context.document).model;
        const markdown = describeDeclaration(model, node);
        const region = isRegion(node) ? model.regions.get(nodeDescription.name) : undefined;
        return {
            ...item,
            detail: region
                ? [region.provider, region.jurisdiction].filter(Boolean).join(' · ')
                : node.$type.toLowerCase(),
            documentation: markdown ? { kind: 'markdown', value: markdown } : item.documentation,
        };
    }
}

function insideComment(document: LangiumDocument, offset: number): boolean {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && offset > 0 ? CstUtils.findLeafNodeAtOffset(root, offset - 1) : undefined;
    if (!leaf?.hidden || offset <= leaf.offset) return false;
    return leaf.text.startsWith('//') ? offset <= leaf.end : offset < leaf.end;
}

/** Rule codes after `// mregion-ignore` (and after each comma before the reason's colon). */
function ruleCodeCompletion(
    document: LangiumDocument,
    position: { line: number; character: number },
): CompletionItem[] | undefined {
    const before = document.textDocument.getText({ start: { line: position.line, character: 0 }, end: position });
    const match = SUPPRESSION_CODES.exec(before);
    if (!match) return undefined;
    const typed = match[1] ?? '';
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return RULE_CODES.filter((code) => code.startsWith(typed)).map((code) => ({
        label: code,
        kind: CompletionItemKind.EnumMember,
        detail: RULES[code].title,
        documentation: RULES[code].description,
        textEdit: { range, newText: code },
    }));
}

function opensClause(rule: GrammarAST.ParserRule, keyword: GrammarAST.Keyword): boolean {
    const first = GrammarAST.isGroup(rule.definition) ? rule.definition.elements[0] : rule.definition;
    return first === keyword;
}

/** The top-level declaration (a direct child of the document) containing `node`. */
function declarationOf(node: AstNode | undefined): AstNode | undefined {
    let current = node;
    while (current && current.$container && !isDocument(current.$container)) current = current.$container;
    return current && current.$container ? current : undefined;
}

function contains(node: AstNode, offset: number): boolean {
    const cst = node.$cstNode;
    return cst !== undefined && cst.offset <= offset && cst.end >= offset;
}

function firstSentence(text: string): string {
    const plain = text.replace(/`/g, '');
    const end = plain.search(/[.:](\s|$)/);
    return end > 0 ? plain.slice(0, end) : plain;
}
