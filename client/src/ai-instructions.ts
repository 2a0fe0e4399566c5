// `Shipshape: Write AI Instructions`: writes the primer's block into the instruction file the user
// picks, between its markers (text outside them is never touched), after a diff preview.
import * as vscode from 'vscode';
import { PRIMER_COMMAND, type PrimerCommandArgs, type PrimerCommandResult } from '../../server/src/lsp/protocol';

export const WRITE_AI_INSTRUCTIONS_COMMAND = 'shipshape.writeAiInstructions';

const TARGETS: { label: string; description: string; format: string }[] = [
  { label: 'AGENTS.md', description: 'Codex, Jules, Amp, Cursor and other agents', format: 'agents' },
  { label: '.github/copilot-instructions.md', description: 'GitHub Copilot', format: 'copilot' },
  { label: '.cursor/rules/shipshape.mdc', description: 'Cursor (always applied)', format: 'cursor' },
  { label: 'CLAUDE.md', description: 'Claude Code', format: 'claude' },
];

const PREVIEW_SCHEME = 'shipshape-preview';

export function registerWriteAiInstructions(): vscode.Disposable {
  const previews = new Map<string, string>();
  const provider = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '' });
  const command = vscode.commands.registerCommand(WRITE_AI_INSTRUCTIONS_COMMAND, async (format?: string, options?: { skipConfirm?: boolean }) => {
    const folder = await pickFolder();
    if (!folder) return undefined;
    const target = format ? TARGETS.find((t) => t.format === format) : await vscode.window.showQuickPick(TARGETS, { title: 'Write the project constraints into which instruction file?' });
    if (!target) return undefined;
    const build = async () => {
      const args: PrimerCommandArgs = { folder: folder.uri.toString(), format: target.format };
      return vscode.commands.executeCommand<PrimerCommandResult>(PRIMER_COMMAND, args);
    };
    let result: PrimerCommandResult;
    try {
      result = await build();
    } catch (error) {
      void vscode.window.showErrorMessage(`Shipshape: ${(error as Error).message}`);
      return undefined;
    }
    if (!result?.file) return undefined;
    const fileUri = vscode.Uri.parse(result.file.uri);
    const current = result.file.exists ? new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri)) : undefined;
    if (current === result.file.newText) {
      void vscode.window.showInformationMessage(`Shipshape: ${target.label} is up to date.`);
      return { written: false, uri: result.file.uri };
    }
    const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/new/${target.label}` });
    const left = result.file.exists ? fileUri : vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/missing/${target.label}` });
    previews.set(right.toString(), result.file.newText);
    previews.set(left.toString(), '');
    await vscode.commands.executeCommand('vscode.diff', left, right, `${target.label} ↔ with the Shipshape block`, { preview: true });
    if (!options?.skipConfirm) {
      const choice = await vscode.window.showInformationMessage(
        `Write the Shipshape block in ${target.label}?`,
        { modal: true, detail: result.file.exists ? 'Only the text between the shipshape markers changes.' : 'The file does not exist yet and will be created.' },
        'Write',
      );
      if (choice !== 'Write') return { written: false, uri: result.file.uri };
    }
    await vscode.workspace.fs.writeFile(fileUri, new TextEncoder().encode(result.file.newText));
    void vscode.window.showInformationMessage(`Shipshape: wrote the project constraints in ${target.label}.`);
    return { written: true, uri: result.file.uri };
  });
  return vscode.Disposable.from(provider, command);
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder’s instruction file?' });
}
