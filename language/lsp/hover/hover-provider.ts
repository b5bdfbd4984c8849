// Hover: documentation for keywords (keyword-docs.ts), the meaning of a written quantity, and for a declared
// name or a reference to one, what it is with the numbers the rules use (the same estimators, the same
// formatting), plus where it is declared.
import { formatBytes, formatCount, formatDuration, formatPercent, formatUsd } from '../../../format/quantities.js';
import {
    AstUtils,
    CstUtils,
    GrammarAST,
    type AstNode,
    type CstNode,
    type LangiumDocument,
    type LeafCstNode,
} from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver-protocol';
import { isFailover, isGlobalDependencyClause, isLink, type Failover, type Link } from '../../generated/ast.js';
import type { MregionServices } from '../../mregion-module.js';
import { markdownText } from '../../semantics/escape.js';
import type { Model } from '../../semantics/model.js';
import { normalize, type UnitKind } from '../../semantics/units.js';
import { describeUnit, keywordMarkdown, keywordUsage, UNDOCUMENTED_PUNCTUATION } from '../keyword-docs.js';
import { slotOfQuantity } from '../quantity-kinds.js';
import { parseSuppressions } from '../../validation/config/suppressions.js';
import { isRuleCode, RULES } from '../../validation/rules/catalog.js';
import { factDocUri, ruleDocUri } from '../../validation/rules/docs-link.js';
import { linkFactCitations } from '../../semantics/facts/citation.js';
import { describeFailovers, failoversDeclaredAt } from './failover-hover.js';
import { describeGlobalService } from './global-dependency-hover.js';
import { describeCell } from './cell-hover.js';
import { describeScenario } from './scenario-hover.js';
import { describeTopology } from './topology-hover.js';
import { describeWorkload } from './workload-hover.js';
import { describeLink, describeRegion } from './region-hover.js';
import { describeService } from './service-hover.js';
import { describeStore } from './store-hover.js';

export class MregionHoverProvider implements HoverProvider {
    constructor(private readonly services: MregionServices) {}

    getHoverContent(document: LangiumDocument, params: HoverParams): Hover | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.services.parser.GrammarConfig.nameRegexp);
        if (!leaf || leaf.offset > offset || leaf.end < offset) return undefined;
        if (leaf.hidden) return suppressionHover(document, offset);
        const markdown = this.markdownFor(document, leaf);
        return markdown
            ? { contents: { kind: 'markdown', value: linkFactCitations(markdown, factDocUri) }, range: leaf.range }
            : undefined;
    }

    private markdownFor(document: LangiumDocument, leaf: LeafCstNode): string | undefined {
        const model = this.services.semantics.Models.modelFor(document).model;
        const declarations = this.services.references.References.findDeclarations(leaf);
        const target = declarations[0];
        if (target) {
            const isReference = target !== leaf.astNode;
            const parts: string[] = [];
            const owner = leaf.astNode;
            // The target name in a failover header: the failover's own breakdown comes first.
            if (isReference && isFailover(owner) && covers(owner.target?.$refNode, leaf))
                parts.push(this.failoverMarkdown(model, owner) ?? '');
            parts.push(describeDeclaration(model, target) ?? `**${target.$type.toLowerCase()} ${leaf.text}**`);
            if (isReference) parts.push(declaredAt(document, target));
            return parts.filter((p) => p !== '').join('\n\n---\n\n');
        }
        const owner = leaf.astNode;
        if (owner.$type === 'Quantity') return quantityMarkdown(owner, leaf.text);
        // A name of `global-dependency` (`global-accelerator` is a keyword elsewhere): the service it names.
        if (isGlobalDependencyClause(owner) && leaf.text !== 'global-dependency' && leaf.text !== ',')
            return describeGlobalService(leaf.text);
        if (GrammarAST.isKeyword(leaf.grammarSource)) {
            const usage = keywordUsage(leaf.text, owner.$type);
            const docs = usage ? keywordMarkdown(leaf.text, usage) : undefined;
            if (leaf.text === 'failover' && isFailover(owner))
                return [this.failoverMarkdown(model, owner), docs].filter(Boolean).join('\n\n---\n\n');
            if (leaf.text === 'link' && isLink(owner))
                return [linkMarkdown(model, owner), docs].filter(Boolean).join('\n\n---\n\n');
            return docs;
        }
        // A plain word inside a clause (a jurisdiction, a field, a percentile): explain the clause it belongs to.
        const keyword = keywordBefore(owner, leaf);
        const usage = keyword ? keywordUsage(keyword.text, owner.$type) : undefined;
        return keyword && usage ? keywordMarkdown(keyword.text, usage) : undefined;
    }

    private failoverMarkdown(model: Model, failover: Failover): string | undefined {
        const start = failover.$cstNode?.range.start;
        if (!start) return undefined;
        const uri = AstUtils.getDocument(failover).uri.toString();
        return describeFailovers(
            model,
            failover.target?.ref?.name ?? failover.target?.$refText ?? '?',
            failoversDeclaredAt(model, uri, start.line, start.character),
        );
    }
}

/** Over a rule code of `// mregion-ignore <code>: reason`: what the rule checks, with its documentation page. */
function suppressionHover(document: LangiumDocument, offset: number): Hover | undefined {
    const position = document.textDocument.positionAt(offset);
    const line = document.textDocument.getText({
        start: { line: position.line, character: 0 },
        end: { line: position.line + 1, character: 0 },
    });
    const [suppression] = parseSuppressions(line.replace(/\r?\n$/, ''), { at: () => undefined });
    const code = suppression?.codes.find(
        (c) => c.range.start.character <= position.character && c.range.end.character >= position.character,
    );
    if (!code) return undefined;
    const range = {
        start: { line: position.line, character: code.range.start.character },
        end: { line: position.line, character: code.range.end.character },
    };
    if (!isRuleCode(code.code))
        return {
            contents: {
                kind: 'markdown',
                value: `**${code.code}** is not a design rule: a suppression must name one of the rule codes.`,
            },
            range,
        };
    const rule = RULES[code.code];
    const value = `**${rule.code}** — ${rule.title} (${rule.severity} by default)\n\n${rule.description}\n\nFix: ${rule.fix}\n\n[Documentation](${ruleDocUri(rule.code)})`;
    return { contents: { kind: 'markdown', value }, range };
}

/** The last keyword of `owner` written before `leaf`. */
function keywordBefore(owner: AstNode, leaf: LeafCstNode): LeafCstNode | undefined {
    if (!owner.$cstNode) return undefined;
    let found: LeafCstNode | undefined;
    for (const candidate of CstUtils.flattenCst(owner.$cstNode)) {
        if (candidate.offset >= leaf.offset) break;
        if (
            !candidate.hidden &&
            GrammarAST.isKeyword(candidate.grammarSource) &&
            candidate.astNode === owner &&
            !UNDOCUMENTED_PUNCTUATION.has(candidate.text)
        )
            found = candidate;
    }
    return found;
}

function covers(node: CstNode | undefined, leaf: LeafCstNode): boolean {
    return node !== undefined && node.offset <= leaf.offset && node.end >= leaf.end;
}

/** What a declaration is, with its numbers; undefined for kinds without a description. */
export function describeDeclaration(model: Model, node: AstNode): string | undefined {
    const name = (node as AstNode & { name?: unknown }).name;
    if (typeof name !== 'string') return undefined;
    switch (node.$type) {
        case 'Region':
            return describeRegion(model, name);
        case 'Store':
            return describeStore(model, name);
        case 'Service':
            return describeService(model, name);
        case 'Cell':
            return describeCell(model, name);
        case 'Workload':
            return describeWorkload(model, name);
        case 'Scenario':
            return describeScenario(model, name);
        case 'Topology':
            return describeTopology(model);
        default:
            return undefined;
    }
}

function linkMarkdown(model: Model, link: Link): string | undefined {
    const a = link.from?.ref?.name;
    const b = link.to?.ref?.name;
    const declared = model.links.find((l) => (l.a === a && l.b === b) || (l.a === b && l.b === a));
    return declared ? describeLink(model, declared) : undefined;
}

function declaredAt(document: LangiumDocument, target: AstNode): string {
    const targetDocument = AstUtils.getDocument(target);
    const line = (target.$cstNode?.range.start.line ?? 0) + 1;
    if (targetDocument.uri.toString() === document.uri.toString()) return `Declared at line ${line}.`;
    // The file name is free text: shown escaped, and linked by its URI with the characters that end a link encoded.
    const file = markdownText(targetDocument.uri.path.split('/').pop() ?? '');
    const href = targetDocument.uri
        .toString()
        .replace(/[()<>\s`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `Declared in [${file}](${href}#L${line}) at line ${line}.`;
}

function quantityMarkdown(quantity: AstNode, text: string): string | undefined {
    const slot = slotOfQuantity(quantity);
    if (!slot) return undefined;
    const result = normalize(text, slot.kind);
    if (!result.ok) return `**${text}** — ${slot.what}: ${result.message}`;
    return `**${text}** — ${slot.what}: ${readable(result.value, slot.kind)}\n\nValue: ${describeUnit(slot.kind)}`;
}

function readable(value: number, kind: UnitKind): string {
    switch (kind) {
        case 'duration':
            return value >= 1_000 ? `${formatDuration(value)} (${formatCount(value)} ms)` : formatDuration(value);
        case 'rate':
            return `${formatCount(value)} per second (${formatCount(value * 86_400)} per day)`;
        case 'percent':
            return `${formatPercent(value, 4)} (fraction ${value})`;
        case 'size':
            return `${formatBytes(value)} (${formatCount(value)} bytes)`;
        case 'price':
            return `${formatUsd(value)} per GB`;
        case 'money':
            return `${formatUsd(value)} per month`;
        case 'number':
            return String(value);
        default:
            return formatCount(value);
    }
}
