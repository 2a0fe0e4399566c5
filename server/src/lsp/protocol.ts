// Messages and options shared by the VS Code client and the server (the client imports this file),
// so neither side parses the other's raw settings.

/** `initializationOptions` the client sends. */
export interface ShipshapeInitOptions {
  /** `onType` analyses every change; `onSave` only saved content (push clients; pull clients decide themselves). */
  run?: 'onType' | 'onSave';
  /** Whether the workspace is trusted: git (for the fingerprint salt) is only read when it is. */
  trusted?: boolean;
}

/** Server -> client after each analysis, for the language status item. */
export const STATUS_NOTIFICATION = 'shipshape/status';
export interface StatusParams {
  uri: string;
  /** Absolute path of the shipshape.yml in force, or undefined for defaults. */
  configPath?: string;
  /** True when that config is broken and the last good one is in use. */
  configBroken: boolean;
  durationMs: number;
  findings: number;
  /** Why the file was not analysed (ignored, too-large, binary), if it was not. */
  skipped?: string;
}

/** Client command shown on quick fixes: asks for a reason, then runs APPLY_SUPPRESSION_COMMAND. */
export const SUPPRESS_WITH_REASON_COMMAND = 'shipshape.suppressWithReason';
/** Server command: arguments [uri, line (0-based), ruleId, reason]; inserts the directive above the line. */
export const APPLY_SUPPRESSION_COMMAND = 'shipshape.applySuppression';

export const DIAGNOSTIC_SOURCE = 'shipshape';

/** Client -> server: review the workspace (all files, project checks, gates). */
export const READINESS_REQUEST = 'shipshape/readiness';
export interface ReadinessParams {
  /** Workspace folder to review (file URI); the first folder when absent. */
  folder?: string;
  /** Client-created token for `$/progress` (WorkDoneProgress), so the client shows a cancellable notification. */
  workDoneToken?: string | number;
}
export interface ReadinessResult {
  /** Absolute path of the folder reviewed: report paths are relative to it. */
  folder: string;
  /** The same report `shipshape readiness --format json` prints. */
  report: import('../engine/readiness/run').ReadinessReport;
  /** The report as Markdown, links pointing at file URIs. */
  markdown: string;
}

/** Server command: arguments [uri, fingerprint, fixIndex, documentVersion]; applies a fix that carries a secret. */
export const APPLY_FIX_COMMAND = 'shipshape.applyFix';
/** Server command: arguments [uri, fingerprint, ruleId]; records the finding in .shipshape/baseline.json. */
export const ADD_TO_BASELINE_COMMAND = 'shipshape.addToBaseline';

/** Client -> server: `{ pid }` of the server process (troubleshooting, and the crash-recovery test). */
export const SERVER_INFO_REQUEST = 'shipshape/serverInfo';

/**
 * Server command (the client's `Shipshape: Copy/Open Primer` and `Write AI Instructions` call it; the
 * name differs from every client command): arguments [PrimerCommandArgs]; returns PrimerCommandResult.
 */
export const PRIMER_COMMAND = 'shipshape.server.primer';
export interface PrimerCommandArgs {
  /** Workspace folder (file URI); the first folder when absent. */
  folder?: string;
  /** `markdown` (default) or an instruction-file format: agents, copilot, cursor, claude. */
  format?: string;
  /** Files the session touched (file URIs): listed, with their open findings. */
  files?: string[];
  /** One sentence each: what the session tracker saw. */
  evidence?: string[];
  task?: string;
  decisions?: string[];
}
export interface PrimerCommandResult {
  format: string;
  /** The primer (markdown) or the marked block (instruction formats). */
  text: string;
  /** Instruction formats: the file the block belongs in, and the whole file with the block written in. */
  file?: { uri: string; exists: boolean; newText: string };
}
