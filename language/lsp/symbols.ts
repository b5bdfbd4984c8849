// Outline and workspace symbols. The outline groups declarations by kind (Regions, Stores, Services, …) and
// gives each a detail a reviewer scans for (provider and jurisdiction, engine and replication, the estimated
// failover time); scenarios list their faults and expectations, failovers their actions.
import { GrammarUtils, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import { DefaultNodeKindProvider, DefaultWorkspaceSymbolProvider, type DocumentSymbolProvider } from 'langium/lsp';
import {
    CompletionItemKind,
    SymbolKind,
    type DocumentSymbol,
    type Range,
    type WorkspaceSymbol,
} from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { MregionServices } from '../mregion-module.js';
import { describeFailoverTime, estimateFailoverTime } from '../semantics/estimators/index.js';
import type { Model } from '../semantics/model.js';
import { formatCount, formatDuration } from '../../format/quantities.js';
import { failoversDeclaredAt } from './hover/failover-hover.js';

/** One symbol kind per declaration kind, shared by the outline, workspace symbols and completion. */
export const SYMBOL_KINDS: Readonly<Record<string, SymbolKind>> = {
    Topology: SymbolKind.Package,
    Import: SymbolKind.File,
    Region: SymbolKind.Namespace,
    Link: SymbolKind.Operator,
    Cell: SymbolKind.Struct,
    Store: SymbolKind.Object,
    Service: SymbolKind.Class,
    Failover: SymbolKind.Event,
    Workload: SymbolKind.Constant,
    Scenario: SymbolKind.Function,
};

const COMPLETION_KINDS: Readonly<Record<string, CompletionItemKind>> = {
    Topology: CompletionItemKind.Module,
    Region: CompletionItemKind.Module,
    Cell: CompletionItemKind.Struct,
    Store: CompletionItemKind.Variable,
    Service: CompletionItemKind.Class,
    Workload: CompletionItemKind.Constant,
    Scenario: CompletionItemKind.Function,
};

const GROUPS: readonly { readonly type: string; readonly title: string }[] = [
    { type: 'Import', title: 'Imports' },
    { type: 'Region', title: 'Regions' },
    { type: 'Link', title: 'Links' },
    { type: 'Cell', title: 'Cells' },
    { type: 'Store', title: 'Stores' },
    { type: 'Service', title: 'Services' },
    { type: 'Failover', title: 'Failovers' },
    { type: 'Workload', title: 'Workloads' },
    { type: 'Scenario', title: 'Scenarios' },
];

export class MregionDocumentSymbolProvider implements DocumentSymbolProvider {
    constructor(private readonly services: MregionServices) {}

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return [];
        const model = this.services.semantics.Models.modelFor(document).model;
        const symbols: DocumentSymbol[] = [];
        if (root.topology?.$cstNode && typeof root.topology.name === 'string') {
            symbols.push(
                symbol(
                    root.topology.name,
                    SymbolKind.Package,
                    root.topology,
                    root.topology.description?.replace(/^"|"$/g, ''),
                ),
            );
        }
        const declarations: AstNode[] = [...root.imports, ...root.elements];
        for (const group of GROUPS) {
            const members = declarations
                .filter((d) => d.$type === group.type && d.$cstNode)
                .map((d) => this.declarationSymbol(document, model, d))
                .filter((s): s is DocumentSymbol => s !== undefined);
            const [first] = members;
            if (!first) continue;
            symbols.push({
                name: group.title,
                detail: String(members.length),
                kind: SymbolKind.Package,
                range: span(
                    first.range,
                    members.map((m) => m.range),
                ),
                selectionRange: first.selectionRange,
                children: members,
            });
        }
        return symbols;
    }

    private declarationSymbol(document: LangiumDocument, model: Model, node: AstNode): DocumentSymbol | undefined {
        const kind = SYMBOL_KINDS[node.$type] ?? SymbolKind.Object;
        if (ast.isImport(node)) return symbol(node.path?.replace(/^"|"$/g, '') ?? 'import', kind, node);
        if (ast.isLink(node)) {
            const rtt = model.links.find((l) => l.source.range.start.line === node.$cstNode!.range.start.line)?.rttMs;
            return symbol(
                `${node.from?.$refText ?? '?'} <-> ${node.to?.$refText ?? '?'}`,
                kind,
                node,
                rtt !== undefined ? `rtt ${formatDuration(rtt)}` : undefined,
            );
        }
        if (ast.isFailover(node)) {
            const start = node.$cstNode!.range.start;
            const instances = failoversDeclaredAt(model, document.uri.toString(), start.line, start.character);
            const detail = instances[0]
                ? describeFailoverTime(estimateFailoverTime(model, instances[0])).replace(/ \(.*$/, '')
                : undefined;
            const children = node.clauses.filter(ast.isActionClause).map((a) => symbol(text(a), SymbolKind.Method, a));
            return { ...symbol(`failover ${node.target?.$refText ?? '?'}`, kind, node, detail, 'target'), children };
        }
        const name = (node as AstNode & { name?: unknown }).name;
        if (typeof name !== 'string') return undefined;
        const result = symbol(name, kind, node, detailOf(model, node, name));
        if (ast.isScenario(node)) {
            result.children = node.clauses
                .filter((c) => ast.isFault(c) || ast.isExpectation(c))
                .map((c) => symbol(text(c), ast.isFault(c) ? SymbolKind.Event : SymbolKind.Boolean, c));
        }
        return result;
    }
}

function detailOf(model: Model, node: AstNode, name: string): string | undefined {
    switch (node.$type) {
        case 'Region': {
            const r = model.regions.get(name);
            return r ? [r.provider, r.jurisdiction].filter(Boolean).join(' · ') : undefined;
        }
        case 'Cell': {
            const c = model.cells.get(name);
            return c
                ? [c.residency, `${c.regions.length} region${c.regions.length === 1 ? '' : 's'}`]
                      .filter(Boolean)
                      .join(' · ')
                : undefined;
        }
        case 'Store': {
            const s = model.stores.get(model.instances.get(name)?.[0] ?? '');
            return s
                ? [s.engine, s.replication.mode, s.consistency.level, s.cell ? 'per cell' : undefined]
                      .filter(Boolean)
                      .join(' · ')
                : undefined;
        }
        case 'Service': {
            const s = model.services.get(model.instances.get(name)?.[0] ?? '');
            return s
                ? [s.posture, s.cell ? 'per cell' : `${s.regions.length} region${s.regions.length === 1 ? '' : 's'}`]
                      .filter(Boolean)
                      .join(' · ')
                : undefined;
        }
        case 'Workload': {
            const w = model.workloads.get(name);
            return w ? `${formatCount(w.writesPerS)} writes/s · ${formatCount(w.readsPerS)} reads/s` : undefined;
        }
        case 'Scenario': {
            const s = model.scenarios.get(name);
            if (!s) return undefined;
            return [
                s.durationMs !== undefined ? formatDuration(s.durationMs) : undefined,
                `${s.faults.length} fault${s.faults.length === 1 ? '' : 's'}`,
                `${s.expectations.length} expectation${s.expectations.length === 1 ? '' : 's'}`,
            ]
                .filter(Boolean)
                .join(' · ');
        }
        default:
            return undefined;
    }
}

function symbol(name: string, kind: SymbolKind, node: AstNode, detail?: string, nameProperty = 'name'): DocumentSymbol {
    const range = node.$cstNode!.range;
    const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, nameProperty);
    return {
        name: name === '' ? '?' : name,
        kind,
        range,
        selectionRange: nameNode?.range ?? range,
        ...(detail ? { detail } : {}),
    };
}

/** A clause as written, on one line. */
function text(node: AstNode): string {
    return (node.$cstNode?.text ?? '')
        .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .trim();
}

/** The range from the earliest start to the latest end of `first` and `ranges`. */
function span(first: Range, ranges: readonly Range[]): Range {
    const before = (a: Range['start'], b: Range['start']) =>
        a.line < b.line || (a.line === b.line && a.character < b.character);
    let { start, end } = first;
    for (const r of ranges) {
        if (before(r.start, start)) start = r.start;
        if (before(end, r.end)) end = r.end;
    }
    return { start, end };
}

export class MregionNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}

/** Workspace symbols name the file each declaration is in, since several designs may declare `us-east-1`. */
export class MregionWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    override getWorkspaceSymbol(description: AstNodeDescription): WorkspaceSymbol | undefined {
        const symbol = super.getWorkspaceSymbol(description);
        if (!symbol) return undefined;
        return {
            ...symbol,
            containerName: `${description.type.toLowerCase()} in ${description.documentUri.path.split('/').pop()}`,
        };
    }
}
