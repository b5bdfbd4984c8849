// Inlay hints: the estimate next to the declaration it follows from — the failover time after a failover's
// route, the per-write quorum latency after a sync or consensus store's replication, the RTT a link would
// have without its `rtt`. Same estimators and formatting as hover and the rules. `mregion.inlayHints.enabled`
// (default true) turns them off; a change of the setting asks the editor to refresh them.
import type { AstNode, LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import {
    InlayHintKind,
    type InlayHint,
    type InlayHintParams,
    type Position,
    type Range,
} from 'vscode-languageserver-protocol';
import * as ast from '../generated/ast.js';
import type { MregionServices } from '../mregion-module.js';
import {
    describeFailoverTime,
    estimateFailoverTime,
    estimateWriteLatency,
    failoverRangeLabel,
    latencyKindOf,
    writeLatencyAfterLeaderLoss,
    type FailoverTimeEstimate,
} from '../semantics/estimators/index.js';
import { estimateRtt } from '../semantics/latency.js';
import type { Model, StoreM } from '../semantics/model.js';
import { formatDuration } from '../../format/quantities.js';
import { failoversDeclaredAt } from './hover/failover-hover.js';
import { rttSource, rttText } from './hover/markdown.js';
import { linkFactCitations } from '../semantics/facts/citation.js';
import { factDocUri } from '../validation/rules/docs-link.js';

export const INLAY_HINTS_SETTING = { section: 'mregion', key: 'inlayHints' } as const;

export class MregionInlayHintProvider implements InlayHintProvider {
    private refreshSupported = false;

    constructor(private readonly services: MregionServices) {
        const shared = services.shared;
        shared.lsp.LanguageServer.onInitialize((params) => {
            this.refreshSupported = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
        });
        shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate((update) => {
            if (update.section === INLAY_HINTS_SETTING.section && this.refreshSupported)
                void shared.lsp.Connection?.languages.inlayHint.refresh();
        });
    }

    async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
        if (!(await this.enabled())) return [];
        const root = document.parseResult.value;
        if (!ast.isDocument(root)) return [];
        const model = this.services.semantics.Models.modelFor(document).model;
        const hints: InlayHint[] = [];
        for (const element of root.elements) {
            if (!element.$cstNode || !overlaps(element.$cstNode.range, params.range)) continue;
            if (ast.isFailover(element)) hints.push(...failoverHint(document, model, element));
            else if (ast.isStore(element)) hints.push(...storeHint(model, element));
            else if (ast.isLink(element)) hints.push(...linkHint(model, element));
        }
        return hints;
    }

    private async enabled(): Promise<boolean> {
        const value: unknown = await this.services.shared.workspace.ConfigurationProvider.getConfiguration(
            INLAY_HINTS_SETTING.section,
            INLAY_HINTS_SETTING.key,
        );
        return !(typeof value === 'object' && value !== null && (value as { enabled?: unknown }).enabled === false);
    }
}

function failoverHint(document: LangiumDocument, model: Model, failover: ast.Failover): InlayHint[] {
    const start = failover.$cstNode!.range.start;
    const instances = failoversDeclaredAt(model, document.uri.toString(), start.line, start.character);
    if (instances.length === 0) return [];
    const anchor = failover.clauses.find(ast.isRouteClause) ?? failover.clauses.find(ast.isDetectClause);
    const position = endOf(anchor) ?? endOfProperty(failover, 'target');
    if (!position) return [];
    const estimates = instances.map((f) => ({ cell: f.cell, estimate: estimateFailoverTime(model, f) }));
    // "26–36 s failover, typical 31 s": the range, then its typical end (the worst is the range's top).
    const short = (e: FailoverTimeEstimate) => {
        const span = failoverRangeLabel(e);
        return span.includes('–') ? `${span}, typical ${formatDuration(e.range.typicalMs)}` : span;
    };
    const labels = [...new Set(estimates.map((e) => short(e.estimate)))];
    const [first] = estimates;
    const [only] = labels;
    const label =
        labels.length === 1 && first && only
            ? `${failoverRangeLabel(first.estimate)} failover${only.includes(', typical') ? only.slice(only.indexOf(',')) : ''}`
            : `${estimates.map((e) => `${short(e.estimate)} (${e.cell})`).join(' · ')} failover`;
    const tooltip = estimates
        .map((e) => `${e.cell ? `cell ${e.cell}: ` : ''}${describeFailoverTime(e.estimate)}`)
        .join('\n\n');
    return [hint(position, label, tooltip)];
}

/** The slowest write of a sync or consensus store: the round trip every write pays. */
function storeHint(model: Model, store: ast.Store): InlayHint[] {
    const instances = (model.instances.get(store.name) ?? [])
        .map((id) => model.stores.get(id))
        .filter((s): s is StoreM => s !== undefined);
    // The stores whose writes wait for other regions, as write-latency-budget counts them.
    const coordinated = instances.filter(
        (s) =>
            s.replication.mode === 'sync' ||
            s.replication.mode === 'consensus' ||
            (s.engine === 'cosmosdb' && s.consistency.level === 'strong' && s.regions.length > 1),
    );
    if (coordinated.length === 0) return [];
    const anchor =
        store.clauses.find(ast.isReplicationClause) ??
        store.clauses.find(ast.isConsistencyClause) ??
        store.clauses.find(ast.isEngineClause);
    const position = endOf(anchor);
    if (!position) return [];
    const worst = coordinated
        .map((s) => {
            const all = s.regions.map((r) => estimateWriteLatency(model, s, r));
            const slowest = all.reduce<(typeof all)[number] | undefined>(
                (a, b) => (a === undefined || (b.ms ?? -1) > (a.ms ?? -1) ? b : a),
                undefined,
            );
            return slowest && { cell: s.cell, latency: slowest };
        })
        .filter((w) => w !== undefined);
    const [first] = worst;
    if (!first) return [];
    const what = WAIT_WORD[first.latency.kind];
    // A p99 bound reads "≤"; a figure over mean RTTs is typical, and says so (the links' p99 is not sourced).
    const kind = latencyKindOf(first.latency);
    const text = (ms: number | undefined) =>
        ms === undefined ? 'unknown' : `${kind === 'p99 bound' ? '≤' : '≈'} ${formatDuration(ms)}`;
    const suffix = kind === 'none' ? '' : ` (${kind})`;
    const label =
        worst.length === 1 || new Set(worst.map((w) => w.latency.ms)).size === 1
            ? `${text(first.latency.ms)} ${what} write${suffix}`
            : `${worst.map((w) => `${text(w.latency.ms)} (${w.cell})`).join(' · ')} ${what} write${suffix}`;
    const tooltip = worst
        .map((w) => {
            const range = w.latency.range;
            const why =
                range === undefined
                    ? ''
                    : range.worstMs === undefined
                      ? `; typical: ${range.why.typical}; no worst end: ${range.why.worst}`
                      : range.worstMs > 0
                        ? `; ${range.why.worst}`
                        : '';
            const store = coordinated.find((s) => s.cell === w.cell)!;
            const moved = writeLatencyAfterLeaderLoss(model, store, w.latency.from);
            const leader =
                moved?.ms !== undefined
                    ? `\n\nIf ${moved.failed} (the leader's region) fails, the leader moves to ${moved.leader}: ≈ ${formatDuration(moved.ms)} (${moved.formula})`
                    : '';
            return `${w.cell ? `cell ${w.cell}: ` : ''}from ${w.latency.from}: ${w.latency.formula}${why}${leader}`;
        })
        .join('\n\n');
    return [hint(position, label, tooltip)];
}

const WAIT_WORD: Readonly<Record<string, string>> = {
    quorum: 'quorum',
    sync: 'sync',
    'cosmos-strong': 'strong',
    local: 'local',
};

function linkHint(model: Model, link: ast.Link): InlayHint[] {
    if (link.clauses.some(ast.isRttClause)) return [];
    const a = link.from?.ref?.name;
    const b = link.to?.ref?.name;
    const position = endOfProperty(link, 'to');
    if (a === undefined || b === undefined || !position || a === b) return [];
    // The RTT the design would use without this link.
    const rtt = estimateRtt(model.regions.get(a), model.regions.get(b), undefined, a, b);
    return [hint(position, `rtt ${rttText(rtt)}`, rttSource(rtt))];
}

function hint(position: Position, label: string, tooltip: string): InlayHint {
    return {
        position,
        label,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: { kind: 'markdown', value: linkFactCitations(tooltip, factDocUri) },
    };
}

function endOf(node: AstNode | undefined): Position | undefined {
    return node?.$cstNode?.range.end;
}

function endOfProperty(node: AstNode, property: string): Position | undefined {
    const ref = (node as AstNode & Record<string, { $refNode?: { range: Range } } | undefined>)[property];
    return ref?.$refNode?.range.end;
}

function overlaps(a: Range, b: Range): boolean {
    return !(a.end.line < b.start.line || a.start.line > b.end.line);
}
