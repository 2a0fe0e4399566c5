// Code actions and the server commands behind them: engine fixes (as workspace edits, or applied by
// the server when they carry a secret), suppress-with-reason, and add-to-baseline.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { readBaseline, writeBaseline } from '../engine/baseline';
import type { Engine, Finding } from '../engine/index';
import { LineIndex } from '../engine/positions';
import { suppressionEdit } from '../engine/suppression-edit';
import type { Fix, TextChange } from '../engine/types';
import { fixToWorkspaceEdit } from './convert';
import type { DocumentFile } from './document-file';
import { ADD_TO_BASELINE_COMMAND, APPLY_FIX_COMMAND, APPLY_SUPPRESSION_COMMAND, DIAGNOSTIC_SOURCE, SUPPRESS_WITH_REASON_COMMAND } from './protocol';

export interface FindingsSource {
  /** The current findings of an open document (analysing it if its cache is stale). */
  findingsFor(document: TextDocument): Finding[];
  /** Folder of the config in force for a file, and the salt its secret fingerprints use. */
  projectOf(filePath: string): { configDir: string; salt: string };
  /** The baseline changed on disk: re-read it and re-check open documents. */
  baselineChanged(): void;
  /** What an open document is analysed as (documentFile): a notebook cell's path is not a file on disk. */
  fileOf(document: TextDocument): DocumentFile | undefined;
}

export type CommandResult = { applied: boolean; reason?: string };

export class CodeActions {
  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly engine: Engine,
    private readonly source: FindingsSource,
  ) {}

  static readonly commands = [APPLY_SUPPRESSION_COMMAND, APPLY_FIX_COMMAND, ADD_TO_BASELINE_COMMAND];

  execute(command: string, args: unknown[]): Promise<CommandResult> | undefined {
    if (command === APPLY_SUPPRESSION_COMMAND) return this.applySuppression(args);
    if (command === APPLY_FIX_COMMAND) return this.applyFix(args);
    if (command === ADD_TO_BASELINE_COMMAND) return this.addToBaseline(args);
    return undefined;
  }

  actionsFor(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
    const actions: CodeAction[] = [];
    const document = this.documents.get(uri);
    const file = document && this.source.fileOf(document);
    if (!document || !file) return actions;
    const filePath = file.path;
    const findings = this.source.findingsFor(document);
    for (const diagnostic of diagnostics) {
      const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !ruleId || !this.engine.ruleMeta(ruleId)) continue;
      const finding = findFinding(findings, diagnostic);
      finding?.fixes?.forEach((fix, index) => {
        if (file.noFolder && writesFiles(fix, filePath)) return;
        actions.push(fixAction(fix, index, diagnostic, uri, document.version, finding.fingerprint, filePath));
      });
      if (ruleId.startsWith('shipshape/')) continue;
      const line = diagnostic.range.start.line;
      // Only offer the suppression where the edit is safe (probe with a placeholder reason).
      if (!('refused' in suppressionEdit(filePath, document.getText(), line, ruleId, 'probe'))) {
        const title = `Suppress ${ruleId} with a reason…`;
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SUPPRESS_WITH_REASON_COMMAND, arguments: [uri, line, ruleId] } });
      }
      if (finding && !file.noFolder) {
        const title = `Add to baseline (${ruleId})`;
        actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: ADD_TO_BASELINE_COMMAND, arguments: [uri, finding.fingerprint, ruleId] } });
      }
    }
    return actions;
  }

  private async applySuppression(args: unknown[]): Promise<CommandResult> {
    const [uri, line, ruleId, reason] = args;
    if (typeof uri !== 'string' || typeof line !== 'number' || typeof ruleId !== 'string' || typeof reason !== 'string') {
      return { applied: false, reason: 'expected arguments [uri, line, ruleId, reason]' };
    }
    const document = this.documents.get(uri);
    const filePath = document && this.source.fileOf(document)?.path;
    if (!document || !filePath) return { applied: false, reason: 'document is not open' };
    const edit = suppressionEdit(filePath, document.getText(), line, ruleId, reason);
    if ('refused' in edit) return { applied: false, reason: edit.refused };
    const position = document.positionAt(edit.offset);
    const result = await this.connection.workspace.applyEdit({
      label: `Suppress ${ruleId}`,
      edit: { changes: { [uri]: [{ range: { start: position, end: position }, newText: edit.text }] } },
    });
    return { applied: result.applied, reason: result.failureReason };
  }

  /**
   * A fix that carries a secret: the server writes the sensitive part (the value going to `.env`) to
   * disk itself, so it never appears in an LSP message, then applies the rest as a workspace edit.
   */
  private async applyFix(args: unknown[]): Promise<CommandResult> {
    const [uri, fingerprint, index, version] = args;
    if (typeof uri !== 'string' || typeof fingerprint !== 'string' || typeof index !== 'number') return { applied: false, reason: 'expected arguments [uri, fingerprint, index, version]' };
    const document = this.documents.get(uri);
    const file = document && this.source.fileOf(document);
    if (!document || !file) return { applied: false, reason: 'document is not open' };
    const filePath = file.path;
    if (typeof version === 'number' && version !== document.version) return { applied: false, reason: 'the document changed; ask for the fix again' };
    const fix = this.source.findingsFor(document).find((f) => f.fingerprint === fingerprint)?.fixes?.[index];
    if (!fix) return { applied: false, reason: 'that fix no longer applies' };
    if (file.noFolder && writesFiles(fix, filePath)) return { applied: false, reason: 'no folder is open to write its files in' };
    const onDisk: TextChange[] = [];
    const rest: TextChange[] = [];
    for (const change of fix.changes) {
      const open = change.path === filePath || this.documents.get(URI.file(change.path).toString());
      // An open file is changed through the editor (it may hold unsaved text); the closed ones the fix
      // touches (.env, .env.example, .gitignore) are written and saved here, together.
      (open ? rest : onDisk).push(change);
    }
    for (const [file, changes] of groupByFile(onDisk)) writeChanges(file, changes);
    const remaining: Fix = { ...fix, changes: rest, createFiles: fix.createFiles?.filter((file) => !onDisk.some((c) => c.path === file)) };
    if (rest.length === 0) return { applied: true };
    const result = await this.connection.workspace.applyEdit({ label: fix.title, edit: fixToWorkspaceEdit(remaining, uriFor(filePath, uri)) });
    return { applied: result.applied, reason: result.failureReason };
  }

  private async addToBaseline(args: unknown[]): Promise<CommandResult> {
    const [uri, fingerprint, ruleId] = args;
    if (typeof uri !== 'string' || typeof fingerprint !== 'string' || typeof ruleId !== 'string') return { applied: false, reason: 'expected arguments [uri, fingerprint, ruleId]' };
    const filePath = URI.parse(uri).fsPath;
    const { configDir, salt } = this.source.projectOf(filePath);
    const baseline = readBaseline(configDir) ?? { version: 1 as const, salt, findings: {} };
    const entry = (baseline.findings[fingerprint] ??= { ruleId, file: path.relative(configDir, filePath).split(path.sep).join('/'), count: 0 });
    entry.count++;
    writeBaseline(configDir, baseline);
    this.source.baselineChanged();
    return { applied: true };
  }
}

function findFinding(findings: Finding[], diagnostic: Diagnostic): Finding | undefined {
  const fingerprint = (diagnostic.data as { fingerprint?: string } | undefined)?.fingerprint;
  return findings.find((f) => f.fingerprint === fingerprint && f.line === diagnostic.range.start.line + 1 && f.column === diagnostic.range.start.character + 1);
}

/** A fix without secrets travels as a workspace edit; one with a secret as a command the server runs. */
function fixAction(fix: Fix, index: number, diagnostic: Diagnostic, uri: string, version: number, fingerprint: string, filePath: string): CodeAction {
  const base = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred };
  if (!fix.changes.some((change) => change.sensitive)) return { ...base, edit: fixToWorkspaceEdit(fix, uriFor(filePath, uri)) };
  return { ...base, command: { title: fix.title, command: APPLY_FIX_COMMAND, arguments: [uri, fingerprint, index, version] } };
}

/** Whether a fix changes or creates files besides the document (the env fix's `.env`, `.gitignore`). */
function writesFiles(fix: Fix, documentPath: string): boolean {
  return fix.changes.some((change) => change.path !== documentPath) || (fix.createFiles?.length ?? 0) > 0;
}

/** The URI of a changed file: the document's own for the path it is analysed as (a notebook cell's is not a file). */
function uriFor(documentPath: string, documentUri: string): (filePath: string) => string {
  return (filePath) => (filePath === documentPath ? documentUri : URI.file(filePath).toString());
}

function groupByFile(changes: TextChange[]): Map<string, TextChange[]> {
  const byFile = new Map<string, TextChange[]>();
  for (const change of changes) byFile.set(change.path, [...(byFile.get(change.path) ?? []), change]);
  return byFile;
}

/** Applies positioned changes to a file on disk (created if missing), last change first. */
function writeChanges(file: string, changes: TextChange[]): void {
  let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const lines = new LineIndex(text);
  const offset = (line: number, column: number) => lines.lineStart(line) + column - 1;
  const ordered = [...changes].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column));
  for (const change of ordered) text = text.slice(0, offset(change.line, change.column)) + change.newText + text.slice(offset(change.endLine, change.endColumn));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
