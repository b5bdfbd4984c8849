// Typed access to the `mregion.*` settings the client itself uses (the server reads `mregion.rules` and
// `mregion.inlayHints` through the language client's configuration sync).
import { workspace, type Uri } from 'vscode';

export interface SimulationSettings {
    readonly seed?: number;
    readonly eventBudget?: number;
}

export interface ExportSettings {
    readonly account?: string;
    /** Relative to the file's workspace folder, or absolute; absent: ask with a folder picker. */
    readonly outputFolder?: string;
}

export function simulationSettings(scope: Uri): SimulationSettings {
    const config = workspace.getConfiguration('mregion.simulation', scope);
    return { seed: positiveInteger(config.get('seed'), 0), eventBudget: positiveInteger(config.get('eventBudget'), 1) };
}

export function exportSettings(scope: Uri): ExportSettings {
    const config = workspace.getConfiguration('mregion.export', scope);
    return { account: nonEmpty(config.get('account')), outputFolder: nonEmpty(config.get('outputFolder')) };
}

function positiveInteger(value: unknown, min: number): number | undefined {
    return typeof value === 'number' && Number.isInteger(value) && value >= min ? value : undefined;
}

function nonEmpty(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
