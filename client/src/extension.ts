// The VS Code client: starts the Shipshape language server and wires its commands, status and
// presentation settings. All analysis happens in the server's engine.
import * as vscode from 'vscode';
import {
  DocumentDiagnosticRequest,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_INFO_REQUEST, STATUS_NOTIFICATION, type ShipshapeInitOptions, type StatusParams } from '../../server/src/lsp/protocol';
import { registerSuppressCommand } from './commands';
import { registerWriteAiInstructions } from './ai-instructions';
import { SessionPrompts } from './session-prompt';
import { CrashRecovery } from './crash-recovery';
import { ReadinessCheck } from './readiness';
import { FocusMode } from './focus-mode';
import { readSettings } from './settings';
import { StatusItem } from './status';

// Every file on disk: secrets hide in any format. The server skips what it cannot or need not read.
// Also the cells of an open notebook (the .ipynb itself is not a text document then) and unsaved
// documents, where pasted keys and generated code land first (server/src/lsp/document-file.ts).
const DOCUMENT_SELECTOR = [{ scheme: 'file' }, { scheme: 'vscode-notebook-cell' }, { scheme: 'untitled' }];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Shipshape', { log: true });
  const status = new StatusItem(DOCUMENT_SELECTOR);
  const focusMode = new FocusMode(() => readSettings().focusMode, (uri) => refreshDiagnostics(uri));
  const readiness = new ReadinessCheck(() => client);
  const crashRecovery = new CrashRecovery(output);
  const session = new SessionPrompts(output);
  context.subscriptions.push(output, status, focusMode, readiness, registerSuppressCommand(), session, registerWriteAiInstructions());

  const start = async () => {
    client = createClient(context, output, focusMode, crashRecovery);
    context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.update(params)));
    await client.start();
  };
  const restart = async () => {
    const previous = client;
    client = undefined;
    await previous?.stop();
    await start();
    output.info('Server restarted.');
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('shipshape.restartServer', restart),
    vscode.commands.registerCommand('shipshape.showOutput', () => output.show(true)),
    // For tests and troubleshooting: the server's process id (not in the command palette).
    vscode.commands.registerCommand('shipshape.serverProcessId', async () => (await client?.sendRequest<{ pid: number }>(SERVER_INFO_REQUEST))?.pid),
    vscode.commands.registerCommand('shipshape.runReadinessCheck', async () => {
      const result = await readiness.run();
      if (result) await readiness.showReport();
      return result && { verdict: result.report.verdict, summary: result.report.summary, status: readiness.statusText };
    }),
    vscode.commands.registerCommand('shipshape.showReadinessReport', () => readiness.showReport()),
    vscode.commands.registerCommand('shipshape.clearReadinessResults', () => readiness.clear()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // `run` decides when the client pulls, which is fixed per client: start a new one. focusMode is read live.
      if (event.affectsConfiguration('shipshape.run')) await restart();
    }),
    // Trust unlocks git (for the fingerprint salt): restart so the server sees it.
    vscode.workspace.onDidGrantWorkspaceTrust(restart),
  );
  await start();
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, focusMode: FocusMode, crashRecovery: CrashRecovery): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const settings = readSettings();
  const initializationOptions: ShipshapeInitOptions = { run: settings.run, trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions,
    diagnosticPullOptions: { onChange: settings.run === 'onType', onSave: true },
    errorHandler: crashRecovery,
    middleware: {
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        const uri = document instanceof vscode.Uri ? document : document.uri;
        if (report && report.kind === 'full') return { ...report, items: focusMode.filter(uri, report.items) };
        return report;
      },
    },
  };
  return new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
}

/** Asks the client to pull diagnostics again (held-back findings are shown once the cursor leaves the line). */
function refreshDiagnostics(uri: vscode.Uri): void {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!client || !document) return;
  client.getFeature(DocumentDiagnosticRequest.method)?.getProvider(document)?.onDidChangeDiagnosticsEmitter.fire();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
