// Focus mode: findings on the line being typed are held back until the cursor leaves that line, so
// half-written code is not underlined while the user is still writing it (as markdownlint does).
import * as vscode from 'vscode';

export class FocusMode implements vscode.Disposable {
  /** The line being typed, per document URI. */
  private readonly typing = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly enabled: () => boolean,
    /** Called when held-back findings should be shown again (re-pull diagnostics). */
    private readonly release: (uri: vscode.Uri) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => {
        const editor = vscode.window.activeTextEditor;
        if (!this.enabled() || !editor || editor.document !== event.document || event.contentChanges.length === 0) return;
        this.typing.set(event.document.uri.toString(), editor.selection.active.line);
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        const key = event.textEditor.document.uri.toString();
        const line = this.typing.get(key);
        if (line !== undefined && event.selections[0]?.active.line !== line) {
          this.typing.delete(key);
          this.release(event.textEditor.document.uri);
        }
      }),
    );
  }

  /** Drops diagnostics on the line being typed in this document. */
  filter(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const line = this.typing.get(uri.toString());
    if (line === undefined || !this.enabled()) return diagnostics;
    return diagnostics.filter((d) => d.range.start.line > line || d.range.end.line < line);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
