// The language server: adapts LSP to the engine. Pull diagnostics (LSP 3.17) when the client supports
// them, pushed diagnostics otherwise; config problems are pushed on the shipshape.yml they belong to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { performance } from 'node:perf_hooks';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Worker } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import { documentFile } from './document-file';
import { cellContext, findingsInCell, notebookOf, withContext } from './notebook-context';
import type { ReadinessReport } from '../engine/readiness/run';
import { formatReadinessMarkdown } from '../engine/report/readiness-format';
import type * as ts from 'typescript';
import { applyBaseline, readBaseline, type Baseline } from '../engine/baseline';
import { ruleDocLink } from '../engine/docs';
import { DiskHost } from '../engine/host';
import type { IncrementalState } from '../engine/incremental';
import {
  CONFIG_FILE_NAME,
  createConfigStore,
  createEngine,
  createWorkspaceIndex,
  languageOf,
  preparePythonImports,
  type ConfigStore,
  type Engine,
  type Finding,
  type WorkspaceIndex,
} from '../engine/index';
import { collectFiles, readSourceFile } from '../engine/workspace/files';
import { repositorySalt } from '../engine/salt';
import { resetSecretsGitIgnoreCache } from '../checks/secrets/git-ignored';
import { CodeActions } from './code-actions';
import { primerCommand } from './primer-command';
import { architectureHover } from './finding-actions';
import { configProblemToDiagnostic, findingToDiagnostic } from './convert';
import {
  PRIMER_COMMAND,
  READINESS_REQUEST,
  SERVER_INFO_REQUEST,
  type PrimerCommandResult,
  type ReadinessParams,
  type ReadinessResult,
  STATUS_NOTIFICATION,
  type ShipshapeInitOptions,
  type StatusParams,
} from './protocol';

/**
 * A full garbage collection on request. Indexing parses every file of the workspace and drops each
 * tree at once, but V8 lets that garbage pile up while allocation is fast: the server's memory peaked
 * during indexing, well above what it holds after. Collecting once per slice of 50 files keeps the peak
 * near the live size. Undefined where the runtime refuses the flag.
 */
const collectGarbage = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

/** A document this long is collected after (see diagnosticsFor): about 6,000 lines of code. */
const LARGE_DOCUMENT_CHARS = 256 * 1024;

/**
 * How long typing must pause before an edited file settles: a provisional analysis is redone from a
 * fresh parse, and the file's facts reach the workspace index.
 */
const INDEX_UPDATE_DELAY_MS = 150;

interface CachedAnalysis {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
  /** The findings behind the diagnostics, for their fixes. */
  findings: Finding[];
  tree?: ts.SourceFile;
  /** What the next keystroke's analysis may carry over (engine/incremental.ts); consumed with the tree. */
  state?: IncrementalState;
  /** The tree was built on a broken one (engine AnalysisResult.provisional): redone when typing pauses. */
  provisional?: boolean;
  /** A notebook cell's: the other cells' imports analysed with it (notebook-context.ts). */
  context?: string;
}

export class ShipshapeServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly engine: Engine = createEngine();
  private readonly configs: ConfigStore;
  private readonly host: DiskHost;
  private readonly analyses = new Map<string, CachedAnalysis>();
  /** What each open Python notebook cell gives the others (cellContext), to tell when it changes (cellImportsChanged). */
  private readonly cellImports = new Map<string, string>();
  /** Pending index updates of edited documents, by URI (see scheduleIndexUpdate). */
  private readonly indexUpdates = new Map<string, NodeJS.Timeout>();
  private readonly workspace: WorkspaceIndex = createWorkspaceIndex();
  private readonly salts = new Map<string, string>();
  private readonly baselines = new Map<string, Baseline | undefined>();
  /** Config files whose problems are currently pushed (so they can be cleared). */
  private readonly pushedConfigs = new Set<string>();
  /** Config files whose problems have been published at least once. */
  private readonly announcedConfigs = new Set<string>();
  /** Bumped whenever config or baseline changes: every cached analysis is then stale. */
  private generation = 0;
  private workspaceRoots: string[] = [];
  private pullMode = false;
  private refreshSupport = false;
  private options: ShipshapeInitOptions = {};

  constructor(private readonly connection: Connection) {
    const openText = (filePath: string) => this.documents.get(URI.file(filePath).toString())?.getText();
    this.host = new DiskHost({ get: openText });
    this.configs = createConfigStore({ readText: (p) => openText(p) ?? readIfExists(p) }, this.engine);
    this.codeActions = new CodeActions(connection, this.documents, this.engine, {
      findingsFor: (document) => {
        this.diagnosticsFor(document); // refreshes the cache when it is stale
        return this.analyses.get(document.uri)?.findings ?? [];
      },
      projectOf: (filePath) => {
        const dir = this.configs.configFor(filePath, this.rootOf(filePath)).dir;
        return { configDir: dir, salt: this.saltFor(dir) };
      },
      baselineChanged: () => {
        this.baselines.clear();
        this.invalidateAll();
      },
      fileOf: (document) => documentFile(document.uri, document.languageId, this.workspaceRoots),
    });
  }

  private readonly codeActions: CodeActions;

  listen(): void {
    const { connection, documents } = this;
    connection.onInitialize(async (params) => {
      await preparePythonImports(); // Python import analysis needs its WebAssembly parser
      return this.initialize(params);
    });
    connection.onInitialized(() => this.initialized());
    connection.onShutdown(() => this.analyses.clear());

    documents.onDidChangeContent(({ document }) => {
      if (isConfigUri(document.uri)) this.configChanged(uriToPath(document.uri));
      else if (!this.pullMode && this.options.run !== 'onSave') this.pushDiagnostics(document);
      this.cellImportsChanged(document);
    });
    documents.onDidSave(({ document }) => {
      if (!this.pullMode && this.options.run === 'onSave') this.pushDiagnostics(document);
    });
    // Opening also fires onDidChangeContent, which pushes in onType mode.
    documents.onDidOpen(({ document }) => {
      if (isConfigUri(document.uri)) this.publishConfigProblems(uriToPath(document.uri));
      else if (!this.pullMode && this.options.run === 'onSave') this.pushDiagnostics(document);
    });
    documents.onDidClose(({ document }) => {
      this.cancelIndexUpdate(document.uri);
      this.analyses.delete(document.uri);
      // A closed cell's imports leave the other cells' context.
      const notebook = notebookOf(document.uri);
      if (this.cellImports.get(document.uri) && notebook) this.recheckNotebook(notebook, document.uri);
      this.cellImports.delete(document.uri);
      if (isConfigUri(document.uri)) {
        this.configChanged(uriToPath(document.uri));
      } else if (!this.pullMode) {
        connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      }
    });

    connection.languages.diagnostics.on((params) => {
      const document = this.documents.get(params.textDocument.uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: document ? this.diagnosticsFor(document) : [] };
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      let relevant = false;
      for (const change of changes) {
        const filePath = uriToPath(change.uri);
        if (path.basename(filePath) === CONFIG_FILE_NAME) {
          this.configs.invalidate(filePath);
          if (change.type === FileChangeType.Deleted) this.clearConfigProblems(filePath);
          relevant = true;
        } else if (path.basename(filePath) === '.gitignore') {
          resetSecretsGitIgnoreCache();
        } else if (RESOLUTION_FILES.test(path.basename(filePath))) {
          // tsconfig paths, package.json imports/exports/workspaces: every resolution may change.
          this.host.invalidate();
          relevant = true;
        } else if (filePath.endsWith(path.join('.shipshape', 'baseline.json'))) {
          this.baselines.clear();
          this.salts.clear();
          relevant = true;
        } else {
          if (change.type !== FileChangeType.Changed) this.host.invalidate(); // files appeared or vanished: resolution may change
          relevant = this.updateIndexFromDisk(filePath, change.type) || change.type !== FileChangeType.Changed || relevant;
        }
      }
      if (relevant) this.invalidateAll();
    });
    connection.onCodeAction((params) => {
      this.flushIndexUpdates();
      return this.codeActions.actionsFor(params.textDocument.uri, params.context.diagnostics);
    });
    connection.onRequest(READINESS_REQUEST, (params: ReadinessParams, token) => this.readiness(params, token));
    connection.onExecuteCommand((params) => {
      if (params.command === PRIMER_COMMAND) return this.primer(params.arguments?.[0]);
      return this.codeActions.execute(params.command, params.arguments ?? []);
    });
    connection.onHover((params) => {
      this.flushIndexUpdates();
      return this.hover(params);
    });
    connection.onRequest(SERVER_INFO_REQUEST, () => ({ pid: process.pid }));

    documents.listen(connection);
    connection.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.options = (params.initializationOptions ?? {}) as ShipshapeInitOptions;
    this.pullMode = !!params.capabilities.textDocument?.diagnostic;
    this.refreshSupport = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    this.workspaceRoots = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri));
    if (this.workspaceRoots.length === 0 && params.rootUri) this.workspaceRoots = [uriToPath(params.rootUri)];
    this.watchFilesSupported = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    this.workspaceFoldersSupported = !!params.capabilities.workspace?.workspaceFolders;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...(this.pullMode ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        executeCommandProvider: { commands: [...CodeActions.commands, PRIMER_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'shipshape', version: '0.1.0' },
    };
  }

  private watchFilesSupported = false;
  private workspaceFoldersSupported = false;

  private initialized(): void {
    if (this.watchFilesSupported) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: `**/${CONFIG_FILE_NAME}` },
          { globPattern: '**/.shipshape/baseline.json' },
          { globPattern: '**/.gitignore' },
          { globPattern: '**/{tsconfig*.json,jsconfig.json,package.json,pnpm-workspace.yaml}', kind: WatchKind.Change },
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
          { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py}', kind: WatchKind.Change },
        ],
      });
    }
    if (this.workspaceFoldersSupported) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        this.workspaceRoots = this.workspaceRoots.filter((root) => !removed.has(root)).concat(event.added.map((f) => uriToPath(f.uri)));
        this.invalidateAll();
      });
    }
    if (this.workspace.enabled) void this.indexWorkspace();
    // A broken config at a workspace root is reported even before any file is opened.
    for (const root of this.workspaceRoots) {
      const candidate = path.join(root, CONFIG_FILE_NAME);
      if (fs.existsSync(candidate)) this.publishConfigProblems(candidate);
    }
  }

  /** A Python cell's context: the imports and coroutine functions of its notebook's other open Python cells (notebook-context.ts); '' for other documents. */
  private notebookContext(document: TextDocument): string {
    const notebook = document.languageId === 'python' ? notebookOf(document.uri) : undefined;
    if (!notebook) return '';
    const imports: string[] = [];
    for (const other of this.documents.all()) {
      if (other.uri !== document.uri && other.languageId === 'python' && notebookOf(other.uri) === notebook) {
        const found = cellContext(other.getText());
        if (found) imports.push(found);
      }
    }
    return imports.join('\n');
  }

  /** A cell's imports or coroutine functions changed: the other cells of its notebook read them (notebookContext), so they are checked again. */
  private cellImportsChanged(document: TextDocument): void {
    const notebook = document.languageId === 'python' ? notebookOf(document.uri) : undefined;
    if (!notebook) return;
    const imports = cellContext(document.getText());
    if ((this.cellImports.get(document.uri) ?? '') === imports) return;
    this.cellImports.set(document.uri, imports);
    this.recheckNotebook(notebook, document.uri);
  }

  private recheckNotebook(notebook: string, changedCell: string): void {
    if (this.pullMode) {
      if (this.refreshSupport) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const other of this.documents.all()) if (other.uri !== changedCell && notebookOf(other.uri) === notebook) this.pushDiagnostics(other);
  }

  /** Diagnostics of one open document: cached per version and config generation. */
  private diagnosticsFor(document: TextDocument): Diagnostic[] {
    const context = this.notebookContext(document);
    let cached = this.analyses.get(document.uri);
    // Another cell's imports changed: its tree and state were built with the old ones.
    if (cached && cached.context !== context) cached = undefined;
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached.diagnostics;
    const file = documentFile(document.uri, document.languageId, this.workspaceRoots);
    if (!file) return [];
    const filePath = file.path;
    const cellText = document.getText();
    // Another file was edited a moment ago: its facts reach the index before this file is judged by them.
    this.flushIndexUpdates(document.uri);
    const started = performance.now();
    const loaded = this.configs.configFor(filePath, this.rootOf(filePath));
    const isConfig = loaded.path === filePath;
    if (loaded.path && !this.announcedConfigs.has(loaded.path)) {
      this.announcedConfigs.add(loaded.path);
      if (!isConfig) this.publishConfigProblems(loaded.path);
    }
    const result = this.engine.analyze({
      document: { path: filePath, text: withContext(cellText, context), language: file.language, diskFile: file.diskFile },
      config: loaded,
      host: this.host,
      salt: this.saltFor(loaded.dir),
      tree: cached?.version === document.version ? cached.tree : undefined,
      // A keystroke reparses only the edited span; the old tree is consumed, and replaced in the cache below.
      previousTree: cached && cached.version !== document.version ? cached.tree : undefined,
      workspace: this.workspace,
      trusted: this.options.trusted !== false,
      // Between keystrokes only the statements an edit affects are checked again.
      incremental: { epoch: this.generation, previous: cached && cached.version !== document.version ? cached.state : undefined },
    });
    applyBaseline(result.findings, this.baselineFor(loaded.dir));
    for (const error of result.errors) this.connection.console.error(`Rule ${error.ruleId} failed on ${filePath}: ${error.message}`);
    const bundleDir = __dirname;
    const unsuppressed = result.findings.filter((f: Finding) => !f.suppressed);
    const findings = context ? findingsInCell(unsuppressed, filePath, cellText) : unsuppressed;
    const diagnostics = findings.map((f) => findingToDiagnostic(f, ruleDocLink(f.ruleId, bundleDir)));
    if (isConfig && this.pullMode) diagnostics.push(...loaded.problems.map(configProblemToDiagnostic));
    this.analyses.set(document.uri, { version: document.version, generation: this.generation, diagnostics, findings, tree: result.tree, state: result.state, provisional: result.provisional, context });
    // A large file's first analysis (it was just opened) parses it in full and leaves that much garbage
    // again: collect it now rather than let the heap grow by it (the same reasoning as indexWorkspace).
    if (!cached && document.getText().length > LARGE_DOCUMENT_CHARS) collectGarbage?.();
    if (this.workspace.enabled || result.provisional) this.scheduleIndexUpdate(document.uri);
    const status: StatusParams = {
      uri: document.uri,
      configPath: loaded.path,
      configBroken: loaded.path ? this.configs.isBroken(loaded.path) : false,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      findings: diagnostics.length,
      skipped: result.skipped ?? (result.secretsOnly ? `${result.secretsOnly}: secrets only` : undefined),
    };
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
    return diagnostics;
  }

  private pushDiagnostics(document: TextDocument): void {
    if (isConfigUri(document.uri)) {
      const problems = this.configs.load(uriToPath(document.uri)).problems.map(configProblemToDiagnostic);
      void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [...this.diagnosticsFor(document), ...problems] });
      this.pushedConfigs.add(uriToPath(document.uri));
      return;
    }
    void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: this.diagnosticsFor(document) });
  }

  private configChanged(configPath: string): void {
    this.configs.invalidate(configPath);
    this.publishConfigProblems(configPath);
    this.invalidateAll();
  }

  /**
   * Pushes a config file's problems. In pull mode an open config reports them through pull instead
   * (one collection per file in the editor), so the pushed set is cleared then.
   */
  private publishConfigProblems(configPath: string): void {
    const uri = URI.file(configPath).toString();
    const open = this.documents.get(uri);
    if (this.pullMode && open) {
      this.clearConfigProblems(configPath);
      return;
    }
    if (!this.pullMode && open) {
      this.pushDiagnostics(open);
      return;
    }
    const problems = this.configs.load(configPath).problems;
    if (problems.length === 0 && !this.pushedConfigs.has(configPath)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: problems.map(configProblemToDiagnostic) });
    if (problems.length > 0) this.pushedConfigs.add(configPath);
    else this.pushedConfigs.delete(configPath);
  }

  private clearConfigProblems(configPath: string): void {
    if (!this.pushedConfigs.delete(configPath)) return;
    void this.connection.sendDiagnostics({ uri: URI.file(configPath).toString(), diagnostics: [] });
  }

  /** Config or baseline changed: re-analyse everything open. */
  private invalidateAll(): void {
    this.generation++;
    for (const configPath of this.configs.knownConfigPaths()) this.publishConfigProblems(configPath);
    if (this.pullMode) {
      if (this.refreshSupport) void this.connection.languages.diagnostics.refresh();
    } else {
      for (const document of this.documents.all()) this.pushDiagnostics(document);
    }
  }

  /**
   * The edited file's facts for the workspace index (its async exports, its imports) are summarised once
   * typing pauses, not on every keystroke: they matter to other files, which can wait a moment, while the
   * keystroke's own diagnostics cannot (a tenth of a keystroke's time in the editor benchmark). The same
   * pause redoes a provisional analysis from a fresh parse first (updateIndexFor, analyseAfresh), so the
   * index never learns the facts of a tree the incremental parser may have got wrong.
   */
  private scheduleIndexUpdate(uri: string): void {
    clearTimeout(this.indexUpdates.get(uri));
    this.indexUpdates.set(uri, setTimeout(() => this.updateIndexFor(uri), INDEX_UPDATE_DELAY_MS));
  }

  /** Runs the pending index updates now (all, or all but one document's): a request about other files needs them. */
  private flushIndexUpdates(exceptUri?: string): void {
    for (const uri of [...this.indexUpdates.keys()]) if (uri !== exceptUri) this.updateIndexFor(uri);
  }

  private cancelIndexUpdate(uri: string): void {
    clearTimeout(this.indexUpdates.get(uri));
    this.indexUpdates.delete(uri);
  }

  private updateIndexFor(uri: string): void {
    this.cancelIndexUpdate(uri);
    const document = this.documents.get(uri);
    let cached = this.analyses.get(uri);
    // The cached tree is the latest analysis's, not yet consumed by a reparse; a newer version reschedules.
    if (!document || !cached || cached.version !== document.version) return;
    if (cached.provisional) cached = this.analyseAfresh(document, cached);
    const file = documentFile(uri, document.languageId, this.workspaceRoots);
    if (!cached || !this.workspace.enabled || !file?.indexed) return;
    // This file's cross-file facts changed (an export became async…): other open files may be affected.
    if (this.workspace.update({ path: file.path, text: document.getText(), language: file.language }, cached.tree)) this.invalidateOthers();
  }

  /**
   * Redoes a provisional analysis from a fresh parse (its tree was built on a broken one and may be
   * wrong: parse-ts.ts reparseScript) and gives the editor the new diagnostics if they differ. Runs once
   * typing pauses, so keystrokes keep the incremental parser's speed.
   */
  private analyseAfresh(document: TextDocument, provisional: CachedAnalysis): CachedAnalysis | undefined {
    this.analyses.delete(document.uri);
    const diagnostics = this.diagnosticsFor(document);
    this.cancelIndexUpdate(document.uri); // scheduled again by diagnosticsFor; the caller goes on with it now
    if (JSON.stringify(diagnostics) !== JSON.stringify(provisional.diagnostics)) {
      if (!this.pullMode) this.pushDiagnostics(document);
      else if (this.refreshSupport) void this.connection.languages.diagnostics.refresh();
    }
    return this.analyses.get(document.uri);
  }

  /** Another file's facts changed: every other open document must be analysed again. */
  private invalidateOthers(): void {
    this.generation++;
    if (this.pullMode) {
      if (this.refreshSupport) void this.connection.languages.diagnostics.refresh();
    } else {
      setImmediate(() => {
        for (const document of this.documents.all()) this.pushDiagnostics(document);
      });
    }
  }

  /** Builds the workspace index in the background, in small slices, with progress in the editor. */
  private async indexWorkspace(): Promise<void> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Shipshape: indexing workspace', 0, undefined, false);
    try {
      const files = collectFiles(this.workspaceRoots).files.filter((file) => this.workspace.wants(languageOf(file)));
      for (let i = 0; i < files.length; i++) {
        if (!this.documents.get(URI.file(files[i]).toString())) this.updateIndexFromDisk(files[i], FileChangeType.Created);
        if (i % 50 === 49) {
          progress.report(Math.round((100 * i) / files.length), `${i + 1}/${files.length} files`);
          collectGarbage?.();
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    } finally {
      progress.done();
    }
    this.invalidateAll();
  }

  /** Keeps the index in step with files changed on disk (open documents are indexed from the editor). */
  private updateIndexFromDisk(filePath: string, type: FileChangeType): boolean {
    const language = languageOf(filePath);
    if (!this.workspace.wants(language) || this.documents.get(URI.file(filePath).toString())) return false;
    if (type === FileChangeType.Deleted) {
      this.workspace.remove(filePath);
      return true;
    }
    const read = readSourceFile(filePath, 1024 * 1024);
    return 'text' in read && this.workspace.update({ path: filePath, text: read.text, language });
  }

  /** Hover on an architecture finding: the broken constraint and what this file may import. */
  private hover(params: HoverParams): Hover | null {
    const document = this.documents.get(params.textDocument.uri);
    if (!document) return null;
    this.diagnosticsFor(document);
    const filePath = documentFile(document.uri, document.languageId, this.workspaceRoots)?.path;
    if (!filePath) return null;
    return architectureHover(this.analyses.get(document.uri)?.findings ?? [], params.position, this.configs.configFor(filePath, this.rootOf(filePath)));
  }

  /** Reviews a workspace folder in a worker thread, reporting progress; cancellation stops the worker. */
  private readiness(params: ReadinessParams, token: CancellationToken): Promise<ReadinessResult> {
    const folder = params.folder ? uriToPath(params.folder) : this.workspaceRoots[0];
    if (!folder) return Promise.reject(new ResponseError(ErrorCodes.InvalidParams, 'No workspace folder to review.'));
    const progress = params.workDoneToken !== undefined ? this.connection.window.attachWorkDoneProgress(params.workDoneToken) : undefined;
    progress?.begin('Shipshape readiness check', 0, 'listing files…', true);
    const worker = new Worker(path.join(__dirname, 'readiness-worker.js'), { workerData: { folder, allowGit: this.options.trusted !== false } });
    return new Promise<ReadinessResult>((resolve, reject) => {
      const finish = () => {
        progress?.done();
        void worker.terminate();
      };
      token.onCancellationRequested(() => {
        finish();
        reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'Readiness check cancelled.'));
      });
      worker.on('message', (message: { type: string; done?: number; total?: number; message?: string; report?: ReadinessReport }) => {
        if (message.type === 'progress' && message.total) {
          progress?.report(Math.round((100 * message.done!) / message.total), `${message.done} of ${message.total} files`);
        } else if (message.type === 'warn') {
          this.connection.console.warn(message.message!);
        } else if (message.type === 'error') {
          finish();
          reject(new ResponseError(ErrorCodes.InternalError, message.message!));
        } else if (message.type === 'done') {
          finish();
          const report = message.report!;
          // Markdown previews refuse file: links; a path starting with / is resolved from the workspace folder.
          const link = (file: string, line: number) => `[${file}:${line}](/${file.split('/').map(encodeURIComponent).join('/')}#L${line})`;
          resolve({ folder, report, markdown: formatReadinessMarkdown(report, link) });
        }
      });
      worker.on('error', (error) => {
        finish();
        reject(new ResponseError(ErrorCodes.InternalError, `Readiness check failed: ${error.message}`));
      });
    });
  }

  /** The primer for a fresh AI session, from the config in force and the findings held for the files touched. */
  private primer(args: unknown): PrimerCommandResult {
    return primerCommand(args, {
      engine: this.engine,
      roots: this.workspaceRoots,
      configFor: (folder) => this.configs.configFor(path.join(folder, '.shipshape-probe'), this.rootOf(path.join(folder, '.shipshape-probe')) ?? folder),
      findingsOf: (filePath) => {
        const document = this.documents.all().find((d) => d.uri.startsWith('file:') && uriToPath(d.uri) === filePath);
        if (!document) return undefined;
        this.diagnosticsFor(document); // refreshes the cache when it is stale
        return this.analyses.get(document.uri)?.findings;
      },
    });
  }

  /** The workspace folder containing a file: config lookup stops there. */
  private rootOf(filePath: string): string | undefined {
    let best: string | undefined;
    for (const root of this.workspaceRoots) {
      const relative = path.relative(root, filePath);
      if (!relative.startsWith('..') && !path.isAbsolute(relative) && (!best || root.length > best.length)) best = root;
    }
    return best;
  }

  private saltFor(dir: string): string {
    let salt = this.salts.get(dir);
    if (salt === undefined) this.salts.set(dir, (salt = repositorySalt(dir, { allowGit: this.options.trusted !== false })));
    return salt;
  }

  private baselineFor(dir: string): Baseline | undefined {
    if (!this.baselines.has(dir)) this.baselines.set(dir, readBaseline(dir));
    return this.baselines.get(dir);
  }
}

const RESOLUTION_FILES = /^(tsconfig.*\.json|jsconfig\.json|package\.json|pnpm-workspace\.yaml)$/;

function uriToPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

function isConfigUri(uri: string): boolean {
  return uri.startsWith('file:') && path.basename(uriToPath(uri)) === CONFIG_FILE_NAME;
}

function readIfExists(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}
