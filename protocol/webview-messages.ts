// The messages between the extension and its two webview pages, declared once: the extension (client/views/)
// posts the `To…View` messages and reads what a page sends with `readViewMessage`; the pages (webview/) post the
// `From…View` messages through a typed postMessage and type what they receive. A change here fails the type check
// of whichever side no longer matches. What a page sends is untrusted input, so the extension checks its shape.
import type { TopologyGraph, TopologyLocation } from './index.js';

/** Where a declaration is written (zero-based positions): what a row, box or timeline entry links back to. */
export type SourceLocation = TopologyLocation;

/** Where each store, service, region, cell and failover is declared, by the id the report names it with. */
export type Declarations = Readonly<Record<string, SourceLocation>>;

/** The run the simulation page shows: "Run again" runs it again (a seed sweep with as many seeds). */
export interface SimulationSource {
    readonly uri: string;
    readonly scenario: string;
    readonly seeds?: number;
    /** Set when the seed came from the `mregion.simulation.seed` setting, which overrides the scenario's own. */
    readonly seedFromSetting?: boolean;
}

/** Extension → simulation page: a report (a run or a seed sweep, as JSON) to show. */
export interface ToSimulationView {
    readonly type: 'report';
    readonly source: SimulationSource;
    readonly report: unknown;
    readonly declarations: Declarations;
}

/** Extension → topology page: the graph of a document, or why it could not be built. */
export type ToTopologyView =
    | { readonly type: 'graph'; readonly graph: TopologyGraph }
    | { readonly type: 'error'; readonly uri: string; readonly message: string };

/** Page → extension: the page has loaded and can take a message. */
export interface ReadyMessage {
    readonly type: 'ready';
}

/** Page → extension: open this declaration in the editor. */
export interface RevealMessage {
    readonly type: 'reveal';
    readonly location: SourceLocation;
}

/** Page → extension, after drawing: the visible text and named counts of what was drawn (the end-to-end suite
 * reads them through the extension's API). */
export interface RenderedMessage {
    readonly type: 'rendered';
    readonly text: string;
    readonly counts: Readonly<Record<string, number>>;
}

/** Simulation page → extension: run the shown scenario again. */
export interface RerunMessage {
    readonly type: 'rerun';
}

export const RUN_FORMATS = ['markdown', 'json'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

/** Simulation page → extension: save the shown run as a file. */
export interface ExportMessage {
    readonly type: 'export';
    readonly format: RunFormat;
}

export type FromTopologyView = ReadyMessage | RevealMessage | RenderedMessage;
export type FromSimulationView = FromTopologyView | RerunMessage | ExportMessage;
/** Any message a page sends. */
export type FromView = FromSimulationView;

/** How a page posts: `Out` is the messages its extension side reads, so a page cannot post anything else. */
export interface Poster<Out extends FromView> {
    postMessage(message: Out): void;
}

/** A message from a page with the shape its type promises, or undefined (a wrong shape is dropped, not trusted). */
export function readViewMessage(message: unknown): FromView | undefined {
    if (!isObject(message)) return undefined;
    switch (message.type) {
        case 'ready':
        case 'rerun':
            return { type: message.type };
        case 'reveal': {
            const location = readLocation(message.location);
            return location && { type: 'reveal', location };
        }
        case 'rendered': {
            if (typeof message.text !== 'string' || !isObject(message.counts)) return undefined;
            const counts: Record<string, number> = {};
            for (const [k, v] of Object.entries(message.counts)) if (typeof v === 'number') counts[k] = v;
            return { type: 'rendered', text: message.text, counts };
        }
        case 'export': {
            const format = RUN_FORMATS.find((f) => f === message.format);
            return format && { type: 'export', format };
        }
        default:
            return undefined;
    }
}

function readLocation(value: unknown): SourceLocation | undefined {
    if (!isObject(value) || typeof value.uri !== 'string' || !isObject(value.range)) return undefined;
    const start = readPosition(value.range.start);
    const end = readPosition(value.range.end);
    return start && end ? { uri: value.uri, range: { start, end } } : undefined;
}

function readPosition(value: unknown): { line: number; character: number } | undefined {
    if (!isObject(value) || !isIndex(value.line) || !isIndex(value.character)) return undefined;
    return { line: value.line, character: value.character };
}

function isIndex(value: unknown): value is number {
    return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}
