// Code lenses: "▶ Simulate" above each scenario, "Export to CDK" and "Show topology" above the topology.
// They name commands the VS Code client implements (protocol/index.ts); the server registers none of them,
// so in another editor the lens still shows and running it reports an unknown command, nothing breaks.
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver-protocol';
import { Commands } from '../../protocol/index.js';
import { isDocument } from '../generated/ast.js';

export class MregionCodeLensProvider implements CodeLensProvider {
    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const root = document.parseResult.value;
        if (!isDocument(root)) return [];
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        const anchor = root.topology?.$cstNode?.range ?? root.elements[0]?.$cstNode?.range;
        if (anchor) {
            const line = lineOf(anchor);
            lenses.push({ range: line, command: exportLens(document, uri) });
            lenses.push({
                range: line,
                command: { title: 'Show topology', command: Commands.showTopology, arguments: [uri] },
            });
        }
        for (const scenario of root.elements) {
            if (scenario.$type !== 'Scenario' || typeof scenario.name !== 'string' || !scenario.$cstNode) continue;
            lenses.push({
                range: lineOf(scenario.$cstNode.range),
                command: { title: '▶ Simulate', command: Commands.runSimulation, arguments: [uri, scenario.name] },
            });
        }
        return lenses;
    }
}

/**
 * The export refuses a design with errors (it would generate code for a design the checker rejects), so on such a
 * file the lens says why and opens the Problems panel instead of offering a command that can only refuse.
 */
function exportLens(document: LangiumDocument, uri: string): CodeLens['command'] & object {
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).length;
    if (errors === 0) return { title: 'Export to CDK', command: Commands.exportCdk, arguments: [uri] };
    return {
        title: `Export to CDK: fix ${errors === 1 ? 'the error' : `the ${errors} errors`} first`,
        command: 'workbench.actions.view.problems',
    };
}

/** The first line of a declaration: where an editor shows the lens. */
function lineOf(range: Range): Range {
    return { start: range.start, end: { line: range.start.line, character: range.start.character } };
}
