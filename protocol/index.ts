// Custom requests between the VS Code client and the language server, and the commands code lenses invoke.
// Plain names and types only: both client/ and server/ import this, and it imports nothing.

/** Commands the client implements; code lenses and quick fixes invoke them with these arguments. */
export const Commands = {
    /** args: [uri: string, scenario?: string, seeds?: number (a seed sweep of that many runs)] */
    runSimulation: 'mregion.runSimulation',
    /** args: [uri: string] */
    exportCdk: 'mregion.exportCdk',
    /** args: [uri: string] */
    showTopology: 'mregion.showTopology',
    /** args: [code?: string] */
    openRuleDocumentation: 'mregion.openRuleDocumentation',
    /** args: [input?: Uri | string (a template, a cdk.out folder or Terraform JSON; else the user picks one)] */
    importDeployed: 'mregion.importDeployed',
    /** args: [uri?: string (the design; else the active one), against?: Uri | string (else the user picks one)] */
    compareDeployed: 'mregion.compareDeployed',
} as const;

export const Requests = {
    /** Scenarios of a document: ListScenariosParams → ScenarioSummary[] */
    listScenarios: 'mregion/listScenarios',
    /** Runs one scenario off the server's main thread: SimulateParams → the simulation report (JSON) */
    simulate: 'mregion/simulate',
    /** Runs one scenario with N seeds on one worker per core: SimulateSeedsParams → the seed sweep's report (JSON) */
    simulateSeeds: 'mregion/simulateSeeds',
    /** What would stop `simulate` for a document: DocumentParams → SimulationBlockers */
    simulationBlockers: 'mregion/simulationBlockers',
    /** Generates a CDK app in memory: ExportCdkParams → ExportCdkResult (the client writes the files) */
    exportCdk: 'mregion/exportCdk',
    /** The topology graph of a document for the topology view: TopologyParams → TopologyGraph */
    topology: 'mregion/topology',
    /** A first design from deployed templates or Terraform JSON: ImportDeployedParams → ImportDeployedResult (the client writes it) */
    importDeployed: 'mregion/importDeployed',
    /** Where a design and deployed templates or Terraform JSON part ways: DriftParams → DriftResult */
    drift: 'mregion/drift',
} as const;

export interface ImportDeployedParams {
    /** A local path: a CloudFormation template, a cdk.out folder, or `terraform show -json` output. */
    readonly path: string;
    /** The region of a lone template (and of Terraform resources nothing else places). */
    readonly region?: string;
}

export interface ImportDeployedResult {
    /** The formatted design; it parses and links. */
    readonly text: string;
    readonly topology?: string;
    /** What was imported, what was not, and warnings: one line each. */
    readonly summary: readonly string[];
}

export interface DriftParams extends DocumentParams {
    /** A local path, as for ImportDeployedParams. */
    readonly against: string;
    readonly region?: string;
}

export interface DriftResult {
    readonly findings: readonly {
        readonly code: string;
        readonly message: string;
        /** Zero-based, at the design's clause a user would change. */
        readonly range: {
            readonly start: { readonly line: number; readonly character: number };
            readonly end: { readonly line: number; readonly character: number };
        };
    }[];
}

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

export interface SimulateSeedsParams extends SimulateParams {
    /** How many seeds, 1 to 10,000; the first is `seed` (else the scenario's), the others derive from it. */
    readonly seeds: number;
}

/**
 * Errors that leave a design incomplete (syntax, unknown names, missing or malformed values) in the document or
 * the files it imports: the server refuses to simulate it while there are any. Design-rule findings are not
 * listed, even as errors: a simulation runs despite them and shows what they cost.
 */
export interface SimulationBlockers {
    readonly errors: readonly { readonly uri: string; readonly line: number; readonly message: string }[];
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
    /** Set when two model names give one AWS name even with a hash suffix (also in `errors`); --force cannot help. */
    readonly nameCollisions?: readonly string[];
}

export type TopologyParams = DocumentParams;

// ---- Topology view -------------------------------------------------------------------------------

export type TopologySeverity = 'error' | 'warning' | 'info' | 'hint';

/** Where a graph element is declared, so the view can reveal it (zero-based, end-exclusive). */
export interface TopologyLocation {
    readonly uri: string;
    readonly range: {
        readonly start: { readonly line: number; readonly character: number };
        readonly end: { readonly line: number; readonly character: number };
    };
}

/** The worst diagnostic on a declaration and the messages behind it (for the tooltip). */
export interface TopologyDiagnostics {
    readonly severity?: TopologySeverity;
    readonly messages: readonly string[];
}

export interface TopologyRegion extends TopologyDiagnostics {
    readonly name: string;
    readonly provider?: string;
    readonly jurisdiction?: string;
    readonly location: TopologyLocation;
}

export interface TopologyCell extends TopologyDiagnostics {
    readonly name: string;
    readonly regions: readonly string[];
    readonly residency?: string;
    readonly location: TopologyLocation;
}

/** One deployment of a store or service in one region: the boxes drawn inside a region group. */
export interface TopologyNode extends TopologyDiagnostics {
    /** `<kind>:<instance id>|<region>` — unique in the graph. */
    readonly id: string;
    readonly kind: 'store' | 'service';
    /** Instance id (`name` or `name@cell`). */
    readonly instance: string;
    readonly name: string;
    readonly cell?: string;
    readonly region: string;
    /** Engine for stores, posture for services. */
    readonly detail?: string;
    /** This region takes the writes (single-writer stores) or the traffic (non-active-active services). */
    readonly primary: boolean;
    readonly location: TopologyLocation;
}

export interface TopologyEdge extends TopologyDiagnostics {
    readonly id: string;
    readonly kind: 'replication' | 'failover' | 'uses';
    readonly source: string;
    readonly target: string;
    readonly label: string;
    /** Replication in both directions (multi-writer or consensus). */
    readonly bidirectional: boolean;
    readonly location: TopologyLocation;
}

export interface TopologyGraph {
    readonly uri: string;
    readonly name?: string;
    readonly regions: readonly TopologyRegion[];
    readonly cells: readonly TopologyCell[];
    readonly nodes: readonly TopologyNode[];
    readonly edges: readonly TopologyEdge[];
    /** Diagnostics of the whole document, by severity. */
    readonly counts: { readonly error: number; readonly warning: number; readonly info: number; readonly hint: number };
}
