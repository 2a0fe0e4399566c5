// A real LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to it.
// Tests wait on messages (a publish, a refresh request), never on fixed sleeps.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type FileEvent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  /** The workspace folder; undefined: an editor window with no folder open. */
  rootPath: string | undefined;
  pull: boolean;
  initializationOptions?: unknown;
}

type Waiter<T> = { match: (value: T) => boolean; resolve: (value: T) => void };

/** Servers started by tests and not yet exited: the root hook (test/helpers/root-hooks.ts) stops any left at the end. */
export const runningServers = new Set<ChildProcess>();

export class TestLspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly documents = new Map<string, TextDocument>();
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly stderr: string[] = [];
  refreshCount = 0;
  private publishWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private refreshWaiters: (() => void)[] = [];
  private exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    runningServers.add(this.process);
    this.process.once('exit', () => runningServers.delete(this.process));
    this.process.stderr!.on('data', (chunk) => this.stderr.push(String(chunk)));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.publishWaiters = this.publishWaiters.filter((w) => (w.match(params) ? (w.resolve(params), false) : true));
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshCount++;
      const waiters = this.refreshWaiters;
      this.refreshWaiters = [];
      waiters.forEach((resolve) => resolve());
    });
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) this.applyEdits(uri, edits);
      for (const change of params.edit.documentChanges ?? []) {
        if ('kind' in change && change.kind === 'create') {
          const file = URI.parse(change.uri).fsPath;
          if (!fs.existsSync(file)) fs.writeFileSync(file, '');
        } else if ('textDocument' in change) {
          this.applyEdits(change.textDocument.uri, change.edits as TextEdit[]);
        }
      }
      return { applied: true };
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('shipshape/status', () => undefined);
    this.connection.listen();
  }

  async initialize(options: ClientOptions): Promise<unknown> {
    const capabilities: ClientCapabilities = {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, applyEdit: true, ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}) },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        publishDiagnostics: { relatedInformation: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    const rootUri = options.rootPath === undefined ? null : URI.file(options.rootPath).toString();
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri === null ? null : [{ uri: rootUri, name: path.basename(options.rootPath!) }],
      capabilities,
      initializationOptions: options.initializationOptions ?? {},
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  uri(filePath: string): string {
    return URI.file(filePath).toString();
  }

  async open(filePath: string, text = fs.readFileSync(filePath, 'utf8'), languageId = 'typescript'): Promise<string> {
    return this.openUri(this.uri(filePath), text, languageId);
  }

  /** Opens a document by URI: a notebook cell (`vscode-notebook-cell:`), an unsaved document (`untitled:`). */
  async openUri(uri: string, text: string, languageId: string): Promise<string> {
    this.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, text: string): Promise<void> {
    const previous = this.documents.get(uri)!;
    const next = TextDocument.create(uri, previous.languageId, previous.version + 1, text);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ text }],
    });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  waitForPublish(match: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (const params of this.published.values()) if (match(params)) return Promise.resolve(params);
    return new Promise((resolve) => this.publishWaiters.push({ match, resolve }));
  }

  /** Waits for the next publish that matches (ignoring what was already published). */
  nextPublish(match: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.publishWaiters.push({ match, resolve }));
  }

  /** The diagnostics of a file on disk, opened first if this client has not opened it yet (language from its extension). */
  async pullFile(filePath: string): Promise<Diagnostic[]> {
    const uri = this.uri(filePath);
    if (!this.documents.has(uri)) await this.open(filePath, fs.readFileSync(filePath, 'utf8'), filePath.endsWith('.py') ? 'python' : 'typescript');
    return this.pull(uri);
  }

  /**
   * Pulls a file until `done` holds. A re-check caused by another file (the background index, an
   * importer's export changing) arrives as a diagnostics refresh, awaited between pulls; it is armed
   * before each pull, so one that comes during the pull is not missed.
   */
  async pullUntil(filePath: string, done: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      const refreshed = this.nextRefresh();
      const diagnostics = await this.pullFile(filePath);
      if (done(diagnostics)) return diagnostics;
      await refreshed;
    }
  }

  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  /** Like an editor: open documents change in memory, closed files on disk. */
  private applyEdits(uri: string, edits: TextEdit[]): void {
    const document = this.documents.get(uri);
    if (!document) {
      const file = URI.parse(uri).fsPath;
      const onDisk = TextDocument.create(uri, 'plaintext', 0, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
      fs.writeFileSync(file, TextDocument.applyEdits(onDisk, edits));
      return;
    }
    void this.change(uri, TextDocument.applyEdits(document, edits));
  }

  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.process.kill();
  }
}

export function copyFolder(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** A family's diagnostics as `line:column rule` (1-based), for comparing what the server published. */
export function familyCodes(diagnostics: readonly { code?: unknown; range: { start: { line: number; character: number } } }[], family: string): string[] {
  return diagnostics.filter((d) => String(d.code).startsWith(`${family}/`)).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}
