// Custom requests between the VS Code client and the language server, and the commands code lenses invoke.
// Plain names and types only: both client/ and server/ import this, and it imports nothing.

/** Commands the client implements; code lenses and quick fixes invoke them with these arguments. */
export const Commands = {
    /** args: [uri: string, scenario?: string] */
    runSimulation: 'mregion.runSimulation',
    /** args: [uri: string] */
    exportCdk: 'mregion.exportCdk',
    /** args: [uri: string] */
    showTopology: 'mregion.showTopology',
    /** args: [code?: string] */
    openRuleDocumentation: 'mregion.openRuleDocumentation',
} as const;

export const Requests = {
    /** Scenarios of a document: ListScenariosParams → ScenarioSummary[] */
    listScenarios: 'mregion/listScenarios',
    /** Runs one scenario off the server's main thread: SimulateParams → the simulation report (JSON) */
    simulate: 'mregion/simulate',
    /** Generates a CDK app in memory: ExportCdkParams → ExportCdkResult (the client writes the files) */
    exportCdk: 'mregion/exportCdk',
    /** The topology graph of a document for the topology view: TopologyParams → TopologyGraph */
    topology: 'mregion/topology',
} as const;

export interface DocumentParams {
    readonly uri: string;
}

export type ListScenariosParams = DocumentParams;

export interface ScenarioSummary {
    readonly name: string;
    /** Zero-based line of the scenario's declaration. */
    readonly line: number;
}

export interface SimulateParams extends DocumentParams {
    readonly scenario: string;
    readonly seed?: number;
    readonly eventBudget?: number;
}

export interface ExportCdkParams extends DocumentParams {
    readonly account?: string;
    /** Export even though the design has errors. */
    readonly force?: boolean;
}

export interface GeneratedFile {
    /** Relative, forward-slash path inside the output folder (never absolute, never `..`). */
    readonly path: string;
    readonly content: string;
}

export interface ExportCdkResult {
    readonly files: readonly GeneratedFile[];
    /** Declarations that have no AWS equivalent, with the reason. */
    readonly notGenerated: readonly { readonly name: string; readonly reason: string }[];
    /** Why nothing was generated (errors in the design), when `files` is empty. */
    readonly errors: readonly string[];
}

export type TopologyParams = DocumentParams;
