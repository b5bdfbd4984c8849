// What the simulation view shows, independent of the report's wire format: adapt.ts maps the report here.
import type { Location } from '../common/location.js';

export interface ExpectationRow {
    readonly text: string;
    readonly passed: boolean;
    readonly measured?: string;
    readonly location?: Location;
}

export interface RegionSeries {
    readonly region: string;
    /** Points in (minutes since the scenario started, value in the chart's unit). */
    readonly points: readonly { readonly x: number; readonly y: number | null }[];
    /** Lines of one region share a color (e.g. its p50 and p99); by default each line has its own. */
    readonly colorIndex?: number;
    readonly dashed?: boolean;
}

/**
 * A line chart over scenario time, or a bar chart for a report that gives a number per region only (write
 * latency before schema 1.1). `stepped`: each point holds its value until the next one (per-interval values).
 */
export type ChartModel = {
    readonly id: 'availability' | 'replication-lag' | 'write-latency';
    readonly title: string;
    readonly unit: string;
} & (
    | { readonly kind: 'time'; readonly series: readonly RegionSeries[]; readonly stepped?: boolean }
    | { readonly kind: 'bars'; readonly categories: readonly string[]; readonly series: readonly { readonly label: string; readonly values: readonly (number | null)[] }[] }
);

export interface TimelineRow {
    readonly atMs: number;
    readonly kind: string;
    readonly text: string;
    readonly location?: Location;
}

export interface WritesRow {
    readonly target: string;
    readonly cells: readonly { readonly label: string; readonly value: string }[];
    readonly location?: Location;
}

export interface CostRow {
    readonly label: string;
    readonly value: string;
    readonly location?: Location;
}

export interface SimulationViewModel {
    readonly scenario: string;
    readonly facts: readonly { readonly label: string; readonly value: string }[];
    readonly expectations: readonly ExpectationRow[];
    readonly charts: readonly ChartModel[];
    readonly timeline: readonly TimelineRow[];
    readonly writes: readonly WritesRow[];
    readonly cost: readonly CostRow[];
    readonly notes: readonly string[];
}
