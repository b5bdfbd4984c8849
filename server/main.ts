// The language server: Langium's server over the connection VS Code (IPC) or another editor (stdio) opens.
import '../language/polyfill/object-group-by.cjs';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createMregionServices } from '../language/mregion-module.js';
import { RegularFileSystem } from '../language/workspace/file-system.js';
import { registerDeployedHandlers } from './deployed-handler.js';
import { registerExportCdkHandler } from './export-handler.js';
import { collectGarbageWhenIdle } from './idle-collection.js';
import { registerSimulationHost } from './simulation-host.js';
import { registerTopologyHandler } from './topology-handler.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Mregion } = createMregionServices({ connection, ...RegularFileSystem });
registerTopologyHandler(connection, shared, Mregion);
registerExportCdkHandler(connection, shared, Mregion);
registerDeployedHandlers(connection, shared, Mregion);
registerSimulationHost(connection, shared, Mregion);
collectGarbageWhenIdle(shared);
startLanguageServer(shared);
