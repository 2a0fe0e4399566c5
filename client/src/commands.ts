// Client-side commands. `suppressWithReason` needs the user (an input box), so it lives here and hands
// the edit itself to the server's APPLY_SUPPRESSION_COMMAND, which computes it in the engine.
import * as vscode from 'vscode';
import { APPLY_SUPPRESSION_COMMAND, SUPPRESS_WITH_REASON_COMMAND } from '../../server/src/lsp/protocol';

export function registerSuppressCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(SUPPRESS_WITH_REASON_COMMAND, async (uri: string, line: number, ruleId: string, reason?: string) => {
    const given = typeof reason === 'string' && reason.trim() ? reason : await vscode.window.showInputBox({
      title: `Suppress ${ruleId}`,
      prompt: 'Why is this safe? The reason is written next to the suppression for reviewers.',
      placeHolder: 'e.g. the cache is optional; a miss is fine',
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : 'A suppression needs a reason.'),
    });
    if (!given) return undefined;
    const result = (await vscode.commands.executeCommand(APPLY_SUPPRESSION_COMMAND, uri, line, ruleId, given)) as
      | { applied: boolean; reason?: string }
      | undefined;
    if (result && !result.applied) void vscode.window.showWarningMessage(`Shipshape could not add the suppression: ${result.reason ?? 'unknown reason'}`);
    return result;
  });
}
