// The language status item: which shipshape.yml is in force for the active file, and how long the
// last analysis took. It turns to a warning when the config is broken or analysis was skipped.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

/** Analyses slower than this are flagged, so users can tell a slow rule from a stuck editor. */
const SLOW_ANALYSIS_MS = 500;

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscription: vscode.Disposable;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('shipshape.status', selector);
    this.item.name = 'Shipshape';
    this.item.text = 'Shipshape';
    this.item.detail = 'starting…';
    this.item.command = { title: 'Show Output', command: 'shipshape.showOutput' };
    this.subscription = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri ? this.byUri.get(uri) : undefined;
    if (!status) return;
    const config = status.configPath ? vscode.workspace.asRelativePath(status.configPath) : 'defaults (no shipshape.yml)';
    const time = new Date().toLocaleTimeString();
    if (status.skipped) {
      this.item.text = `Shipshape: skipped (${status.skipped})`;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
    } else if (status.configBroken) {
      this.item.text = `Shipshape: ${path.basename(status.configPath ?? '')} has errors`;
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
    } else {
      this.item.text = `Shipshape: ${status.findings} finding${status.findings === 1 ? '' : 's'}`;
      this.item.severity = status.durationMs > SLOW_ANALYSIS_MS ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    }
    this.item.detail = `${config}${status.configBroken ? ' (using last valid config)' : ''} · analysed at ${time} in ${status.durationMs} ms`;
  }

  dispose(): void {
    this.item.dispose();
    this.subscription.dispose();
  }
}
