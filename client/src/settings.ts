// Presentation settings (`shipshape.*`). Nothing here changes findings: that lives in shipshape.yml,
// so the editor and the CLI always agree.
import * as vscode from 'vscode';

export interface PresentationSettings {
  run: 'onType' | 'onSave';
  focusMode: boolean;
}

export function readSettings(scope?: vscode.ConfigurationScope): PresentationSettings {
  const config = vscode.workspace.getConfiguration('shipshape', scope);
  return {
    run: config.get<string>('run') === 'onSave' ? 'onSave' : 'onType',
    focusMode: config.get<boolean>('focusMode') ?? false,
  };
}
