// The VS Code side of session tracking: feeds the tracker (session/tracker.ts, pure logic) with change
// events and Shipshape's diagnostics, shows its prompt and the status bar item, and hands the primer
// over (built by the server, PRIMER_COMMAND). Nothing leaves the machine.
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, PRIMER_COMMAND, type PrimerCommandArgs, type PrimerCommandResult } from '../../server/src/lsp/protocol';
import { readSessionSettings, type SessionSettings } from './settings';
import { promptMessage, SessionTracker, statusText, type ContentChange, type Signal, type TrackedFinding } from './session/tracker';

export const START_SESSION_COMMAND = 'shipshape.startNewAiSession';
export const COPY_PRIMER_COMMAND = 'shipshape.copyPrimer';
export const OPEN_PRIMER_COMMAND = 'shipshape.openPrimer';
/** For tests and troubleshooting: the tracker's state and the prompts shown (not in the palette). */
export const SESSION_STATE_COMMAND = 'shipshape.sessionState';

const ACTIONS = { copy: 'Copy Primer', open: 'Open Primer', mute: 'Not This Session', snooze: 'Snooze', dismiss: 'Dismiss' } as const;

export class SessionPrompts implements vscode.Disposable {
  private settings: SessionSettings = readSessionSettings();
  private readonly tracker: SessionTracker;
  private readonly item = vscode.window.createStatusBarItem('shipshape.session', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private markerWatchers: vscode.Disposable[] = [];
  /** Prompts shown this session, newest last (for the state command and tests). */
  private readonly shown: string[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.tracker = new SessionTracker(this.settings.thresholds, { label: (file) => vscode.workspace.asRelativePath(file, false) });
    this.item.name = 'Shipshape AI session';
    this.item.command = OPEN_PRIMER_COMMAND;
    this.disposables.push(
      this.item,
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)),
      vscode.languages.onDidChangeDiagnostics((event) => this.onDiagnostics(event.uris)),
      vscode.workspace.onDidCloseTextDocument((document) => this.tracker.forgetFile(document.uri.fsPath)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('shipshape.session')) this.reload();
      }),
      vscode.commands.registerCommand(START_SESSION_COMMAND, () => this.startNew()),
      vscode.commands.registerCommand(COPY_PRIMER_COMMAND, () => this.copyPrimer()),
      vscode.commands.registerCommand(OPEN_PRIMER_COMMAND, () => this.openPrimer()),
      vscode.commands.registerCommand(SESSION_STATE_COMMAND, () => ({ ...this.tracker.state(), shown: [...this.shown], status: this.item.text })),
    );
    this.watchMarker();
    this.render();
  }

  private reload(): void {
    this.settings = readSessionSettings();
    this.tracker.setThresholds(this.settings.thresholds);
    this.watchMarker();
    this.render();
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    if (!this.settings.enabled || event.document.uri.scheme !== 'file' || event.contentChanges.length === 0) return;
    // Undo and redo replay the user's own history; they are not new writing.
    if (event.reason === vscode.TextDocumentChangeReason.Undo || event.reason === vscode.TextDocumentChangeReason.Redo) return;
    const changes: ContentChange[] = event.contentChanges.map((c) => ({ startLine: c.range.start.line, endLine: c.range.end.line, rangeLength: c.rangeLength, text: c.text }));
    if (this.tracker.recordEdit(event.document.uri.fsPath, changes)) this.render();
    this.show(this.tracker.prompts());
  }

  private onDiagnostics(uris: readonly vscode.Uri[]): void {
    if (!this.settings.enabled) return;
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const prompts: Signal[] = [];
    for (const uri of uris) {
      // Only open files: a closed one loses its diagnostics without anything being fixed.
      if (uri.scheme !== 'file' || !open.has(uri.toString())) continue;
      const findings: TrackedFinding[] = vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code !== undefined)
        .map((d) => ({
          ruleId: String(typeof d.code === 'object' ? d.code.value : d.code),
          // vscode-languageclient keeps the LSP diagnostic's `data` on the diagnostic it creates.
          constraintKey: (d as vscode.Diagnostic & { data?: { constraintKey?: string } }).data?.constraintKey,
          message: d.message,
        }));
      prompts.push(...this.tracker.recordFindings(uri.fsPath, findings));
    }
    this.render();
    this.show(prompts);
  }

  private watchMarker(): void {
    for (const watcher of this.markerWatchers) watcher.dispose();
    this.markerWatchers = [];
    const marker = this.settings.markerFile.trim();
    if (!this.settings.enabled || !marker) return;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, marker));
      const touched = () => {
        this.show(this.tracker.recordMarker());
        this.render();
      };
      this.markerWatchers.push(watcher, watcher.onDidCreate(touched), watcher.onDidChange(touched));
    }
  }

  private render(): void {
    const state = this.tracker.state();
    if (!this.settings.enabled || (state.aiEdits === 0 && state.signals.length === 0 && state.compactions === 0)) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(state);
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = false;
    for (const signal of state.signals) tooltip.appendMarkdown(`- ${signal.evidence}\n`);
    tooltip.appendMarkdown(`${state.signals.length > 0 ? '\n' : ''}${state.summary}\n\nClick to open a primer for a fresh session.`);
    this.item.tooltip = tooltip;
    this.item.backgroundColor = state.signals.length > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** One notification for the first prompt due; any others are in the status bar tooltip. */
  private show(prompts: Signal[]): void {
    const signal = prompts[0];
    if (!signal) return;
    const message = promptMessage(signal);
    this.shown.push(message);
    this.output.info(`Session prompt (${signal.kind}): ${signal.evidence}`);
    void vscode.window.showInformationMessage(message, ACTIONS.copy, ACTIONS.open, ACTIONS.mute, ACTIONS.snooze, ACTIONS.dismiss).then(async (choice) => {
      if (choice === ACTIONS.copy) await this.copyPrimer();
      else if (choice === ACTIONS.open) await this.openPrimer();
      else if (choice === ACTIONS.mute) this.tracker.muteSession();
      else if (choice === ACTIONS.snooze) this.tracker.snooze(this.settings.snoozeMinutes * 60_000);
    });
  }

  private startNew(): void {
    this.tracker.reset();
    this.shown.length = 0;
    this.render();
    void vscode.window.showInformationMessage('Shipshape: new AI session started; counters reset.');
  }

  /** The primer from the server, for the active file's workspace folder and the files touched. */
  async primer(format = 'markdown'): Promise<PrimerCommandResult | undefined> {
    const state = this.tracker.state();
    const active = vscode.window.activeTextEditor?.document.uri;
    const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
    const args: PrimerCommandArgs = {
      folder: folder?.uri.toString(),
      format,
      files: this.tracker.filesTouched().map((file) => vscode.Uri.file(file).toString()),
      evidence: state.signals.map((s) => s.evidence),
    };
    try {
      return await vscode.commands.executeCommand<PrimerCommandResult>(PRIMER_COMMAND, args);
    } catch (error) {
      void vscode.window.showErrorMessage(`Shipshape: could not build the primer: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async copyPrimer(): Promise<string | undefined> {
    const result = await this.primer();
    if (!result) return undefined;
    try {
      await vscode.env.clipboard.writeText(result.text);
      void vscode.window.showInformationMessage('Shipshape: primer copied. Paste it into a fresh AI session (fill in the task first).');
    } catch (error) {
      void vscode.window.showWarningMessage(`Shipshape: could not copy the primer (${(error as Error).message}); use Open Primer instead.`);
    }
    return result.text;
  }

  private async openPrimer(): Promise<void> {
    const result = await this.primer();
    if (!result) return;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.text });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  dispose(): void {
    for (const watcher of this.markerWatchers) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
