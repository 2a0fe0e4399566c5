// Presentation settings (`shipshape.*`). Nothing here changes findings: that lives in shipshape.yml,
// so the editor and the CLI always agree.
import * as vscode from 'vscode';
import { thresholdsFrom, type SessionThresholds } from './session/settings';

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

/** `shipshape.session.*`: the context-reset prompts. */
export interface SessionSettings {
  enabled: boolean;
  thresholds: SessionThresholds;
  /** Workspace-relative path agent hooks touch on compaction; empty = off. */
  markerFile: string;
  snoozeMinutes: number;
}

export function readSessionSettings(): SessionSettings {
  const config = vscode.workspace.getConfiguration('shipshape.session');
  const snooze = config.get<number>('snoozeMinutes');
  return {
    enabled: config.get<boolean>('enabled') ?? true,
    thresholds: thresholdsFrom({
      aiEditMinLines: config.get('aiEditMinLines'),
      aiEditMinChars: config.get('aiEditMinChars'),
      regressions: config.get('regressions'),
      repeatedConstraintFiles: config.get('repeatedConstraintFiles'),
      rateMin: config.get('findingsPerAiEdit'),
      thrashRewrites: config.get('thrashRewrites'),
      fixSettleMs: seconds(config.get('fixSettleSeconds')),
    }),
    markerFile: config.get<string>('markerFile') ?? '',
    snoozeMinutes: typeof snooze === 'number' && snooze > 0 ? snooze : 60,
  };
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' ? value * 1000 : undefined;
}
