// What `activate` returns to other extensions: read-only probes of the two views and of the messages shown,
// used by the end-to-end suite to check what a person would see (the UI driver checks the same on screen).
import type { Event } from 'vscode';
import type { Notice } from './notices.js';
import type { ViewProbe } from './views/render-probe.js';

export interface MregionApi {
    readonly simulationView: ViewProbe;
    readonly topologyView: ViewProbe;
    /** Fires with every message a command shows the user (refusals, failures, results). */
    readonly onDidNotify: Event<Notice>;
    /** Fires with each progress report a running simulation shows in its (cancellable) notification. */
    readonly onDidReportSimulationProgress: Event<SimulationProgress>;
}

export interface SimulationProgress {
    readonly uri: string;
    readonly scenario: string;
    /** Share of the scenario's simulated time done, 0–100. */
    readonly percentage: number;
    readonly message?: string;
}

export type { Notice } from './notices.js';
export type { RenderedView, ViewProbe } from './views/render-probe.js';
