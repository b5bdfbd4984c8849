// What the simulation view shows, independent of the report's wire format: adapt.ts maps the report here.
import type { SourceLocation } from '../../protocol/webview-messages.js';
import type { Verdict } from './verdict.js';

export interface ExpectationRow {
    readonly text: string;
    readonly passed: boolean;
    readonly measured?: string;
    readonly location?: SourceLocation;
}

export interface RegionSeries {
    readonly region: string;
    /** The small multiple the line is drawn in (its region or link); lines of one group share a panel. */
    readonly group: string;
    /** What tells the line apart inside its panel (e.g. "p99"); the legend's entry. */
    readonly style: string;
    /** Points in (time since the scenario started in the chart's time unit, value in the chart's unit). */
    readonly points: readonly { readonly x: number; readonly y: number | null }[];
    /** Lines of one region share a color (e.g. its p50 and p99); by default each line has its own. */
    readonly colorIndex?: number;
    readonly dashed?: boolean;
    /** Drawn with point markers, so it stays visible where it lies on another line. */
    readonly markers?: boolean;
}

/** The time axis's unit, chosen by the run's duration (a 10-hour run in hours, not 600 minutes). */
export interface TimeAxis {
    readonly unit: 'h' | 'min' | 's';
    readonly ms: number;
    readonly label: string;
    /** The scenario's end in this unit: every chart's axis ends there. */
    readonly end: number;
}

/**
 * A line chart over scenario time, or a bar chart for a report that gives a number per region only (write
 * latency before schema 1.1). `stepped`: each point holds its value until the next one (per-interval values).
 */
export type ChartModel = {
    readonly id: 'availability' | 'replication-lag' | 'write-latency';
    readonly title: string;
    readonly unit: string;
    /** Set when the chart has nothing to show: the sentence shown instead of it. */
    readonly empty?: string;
} & (
    | {
          readonly kind: 'time';
          readonly series: readonly RegionSeries[];
          readonly stepped?: boolean;
          readonly time: TimeAxis;
      }
    | {
          readonly kind: 'bars';
          readonly categories: readonly string[];
          readonly series: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
      }
);

export interface TimelineRow {
    readonly atMs: number;
    readonly kind: string;
    readonly text: string;
    readonly location?: SourceLocation;
}

export interface WritesRow {
    readonly target: string;
    readonly cells: readonly { readonly label: string; readonly value: string }[];
    readonly location?: SourceLocation;
}

export interface CostRow {
    readonly label: string;
    readonly value: string;
    readonly location?: SourceLocation;
}

export interface SimulationViewModel {
    readonly scenario: string;
    readonly verdict: Verdict;
    readonly facts: readonly { readonly label: string; readonly value: string }[];
    readonly expectations: readonly ExpectationRow[];
    readonly charts: readonly ChartModel[];
    readonly timeline: readonly TimelineRow[];
    readonly writes: readonly WritesRow[];
    readonly cost: readonly CostRow[];
    readonly notes: readonly string[];
}
