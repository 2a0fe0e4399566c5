// The readiness check in VS Code: a cancellable progress notification while the server reviews the
// workspace, results in their own diagnostics collection (kept until cleared), a Markdown report
// rendered in the preview, and a status bar item with the last verdict that reruns on click.
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { READINESS_REQUEST, type ReadinessParams, type ReadinessResult } from '../../server/src/lsp/protocol';

export const REPORT_URI = vscode.Uri.parse('shipshape-report:/Shipshape%20readiness.md');
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class ReadinessCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('shipshape-readiness');
  private readonly status = vscode.window.createStatusBarItem('shipshape.readiness', vscode.StatusBarAlignment.Left, 10);
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private markdown = '# Shipshape readiness\n\nRun **Shipshape: Run Readiness Check** to review the workspace.\n';
  /** The last result, for tests and other features. */
  last?: ReadinessResult;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.status.name = 'Shipshape readiness';
    this.status.text = '$(checklist) Readiness';
    this.status.tooltip = 'Run the Shipshape readiness check';
    this.status.command = 'shipshape.runReadinessCheck';
    this.status.show();
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(REPORT_URI.scheme, {
        onDidChange: this.changed.event,
        provideTextDocumentContent: () => this.markdown,
      }),
    );
  }

  async run(folder?: vscode.WorkspaceFolder): Promise<ReadinessResult | undefined> {
    const client = this.client();
    if (!client) throw new Error('The Shipshape server is not running.');
    const target = folder ?? vscode.workspace.workspaceFolders?.[0];
    if (!target) {
      void vscode.window.showWarningMessage('Open a folder to run the readiness check.');
      return undefined;
    }
    this.status.text = '$(sync~spin) Readiness…';
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Shipshape readiness check', cancellable: true },
        async (progress, token) => {
          const workDoneToken = randomUUID();
          let reported = 0;
          const subscription = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
            if (value.kind === 'begin' || value.kind === 'report') {
              const percentage = (value as WorkDoneProgressBegin | WorkDoneProgressReport).percentage ?? reported;
              progress.report({ message: value.message, increment: Math.max(0, percentage - reported) });
              reported = Math.max(reported, percentage);
            }
          });
          try {
            const params: ReadinessParams = { folder: target.uri.toString(), workDoneToken };
            return await client.sendRequest<ReadinessResult>(READINESS_REQUEST, params, token);
          } finally {
            subscription.dispose();
          }
        },
      );
      this.show(result);
      return result;
    } catch (error) {
      this.status.text = '$(checklist) Readiness';
      if (error instanceof vscode.CancellationError || /cancel/i.test(String((error as Error)?.message))) return undefined;
      void vscode.window.showErrorMessage(`Shipshape readiness check failed: ${(error as Error)?.message ?? error}`);
      return undefined;
    }
  }

  private show(result: ReadinessResult): void {
    this.last = result;
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const finding of result.report.findings) {
      if (finding.baselineState !== 'new') continue;
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1),
        finding.message,
        SEVERITY[finding.severity] ?? vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = 'shipshape readiness';
      diagnostic.code = finding.ruleId;
      const file = path.join(result.folder, finding.file);
      byFile.set(file, [...(byFile.get(file) ?? []), diagnostic]);
    }
    this.collection.clear();
    for (const [file, diagnostics] of byFile) this.collection.set(vscode.Uri.file(file), diagnostics);
    const failing = result.report.verdict.gates.filter((gate) => !gate.passed);
    this.status.text = result.report.verdict.passed ? '$(pass) Ready' : `$(error) ${failing.length} gate${failing.length === 1 ? '' : 's'} failing`;
    this.status.tooltip = new vscode.MarkdownString(
      [`**Shipshape readiness** (click to run again)`, '', ...result.report.verdict.gates.map((gate) => `${gate.passed ? '✓' : '✗'} ${gate.id}: ${gate.message}`)].join('\n\n'),
    );
    this.markdown = result.markdown;
    this.changed.fire(REPORT_URI);
  }

  async showReport(): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI);
  }

  get statusText(): string {
    return this.status.text;
  }

  clear(): void {
    this.collection.clear();
    this.last = undefined;
    this.status.text = '$(checklist) Readiness';
    this.status.tooltip = 'Run the Shipshape readiness check';
  }

  dispose(): void {
    this.collection.dispose();
    this.status.dispose();
    this.changed.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
