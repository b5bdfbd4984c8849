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
            lenses.push({ range: line, command: { title: 'Export to CDK', command: Commands.exportCdk, arguments: [uri] } });
            lenses.push({ range: line, command: { title: 'Show topology', command: Commands.showTopology, arguments: [uri] } });
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

/** The first line of a declaration: where an editor shows the lens. */
function lineOf(range: Range): Range {
    return { start: range.start, end: { line: range.start.line, character: range.start.character } };
}
