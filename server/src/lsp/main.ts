// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ShipshapeServer } from './server';

const connection = createConnection(ProposedFeatures.all);
new ShipshapeServer(connection).listen();
