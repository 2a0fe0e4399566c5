// The engine: one document in, findings out. Parses once, runs the enabled checks, applies severity,
// suppressions and config allow-lists. It never throws: a failing check is reported, not propagated.
import { performance } from 'node:perf_hooks';
import type * as ts from 'typescript';
import type { LoadedConfig, ShipshapeConfig } from './config/model';
import { fingerprint, secretDigest } from './fingerprint';
import { isIgnoredByConfig, matchesGlobs } from './ignore-rules';
import { cellNote, notebookScript, scriptOffsetOf } from './notebook';
import { isNotebookPath, isScriptLanguage, languageOf } from './language';
import { mergeStatementFindings, restrictTo, sameKey, statementFacts, statementsToRecheck, type IncrementalState, type StatementNames } from './incremental';
import { isProvisional, parseScript, reparseScript } from './parse-ts';
import { fileOnDisk, toRelativePosix } from './paths';
import { LineIndex } from './positions';
import { isRuleEnabled, resolveSeverity, ruleOptions } from './severity';
import { directiveCovers, findDirectives, foreignSecretMarkers, type SuppressionDirective } from './suppressions';
import type { WorkspaceIndex } from './workspace/index';
import { runProjectChecks } from './project/run';
import type { ProjectCheck } from './project/types';
import type { Check, Finding, FileSystemHost, Fix, RawFinding, RawFix, RuleMeta, SourceDocument } from './types';

export type SkipReason = 'ignored' | 'too-large' | 'binary' | 'minified';

/** Above this, even the secrets pass is skipped: nobody reviews a 20 MB file by hand. */
export const HARD_SIZE_LIMIT = 20 * 1024 * 1024;

export interface AnalysisInput {
  document: SourceDocument;
  config: LoadedConfig;
  host: FileSystemHost;
  /** Per-repository salt for secret fingerprints (see fingerprint.ts). */
  salt: string;
  /** A tree already parsed for this exact text (the server caches one per document version). */
  tree?: ts.SourceFile;
  /**
   * The tree of an earlier version of this document, reparsed incrementally if a check needs a tree.
   * It is consumed: once passed, the caller must not use it again (see reparseScript).
   */
  previousTree?: ts.SourceFile;
  /** The workspace index, for cross-file rules. */
  workspace?: WorkspaceIndex;
  /** Whether the workspace is trusted (default true: the CLI runs where its user chose to run it). */
  trusted?: boolean;
  /**
   * Return what the next analysis of this document needs to check only the statements an edit affects
   * (`AnalysisResult.state`: the language server, between keystrokes; see incremental.ts), and use the
   * `previous` state, returned with `previousTree`, if it was made in the same `epoch`. The caller
   * changes the epoch when something outside the document that checks read may have changed (a config,
   * a package.json). Like the tree, a state is consumed: pass each one once.
   */
  incremental?: { epoch: number; previous?: IncrementalState };
  /**
   * Whether the findings' fixes are wanted (default true). Only the editor offers them; a workspace run
   * (the CLI) says false, so a check may skip building a fix that costs work (a parse).
   */
  fixes?: boolean;
  /**
   * The text is what a commit added to the file (a history scan, history.ts), not the working tree's:
   * checks that skip files git ignores now (the secrets pass) must not, since git holds this content.
   */
  committed?: boolean;
  /** Set by the engine for a binary file some check reads (Check.readsBinary): only those checks run, on no text. */
  binary?: boolean;
}

/**
 * The text a binary file is analysed as when a check reads binary files of its name (a key store): a
 * NUL, which makes the engine run those checks alone, on no text (see Engine.readsBinary).
 */
export const BINARY_FILE_TEXT = '\u0000';

export interface AnalysisResult {
  /** Every finding, suppressed ones included (marked `suppressed`); adapters decide what to show. */
  findings: Finding[];
  skipped?: SkipReason;
  /** The parsed tree, if a check needed one, for the caller to reuse. */
  tree?: ts.SourceFile;
  /** With `incremental`: what the next analysis of this document, from `tree`, may reuse. */
  state?: IncrementalState;
  /** Checks that threw; the analysis of the other checks stands. */
  errors: { ruleId: string; message: string }[];
  /**
   * Set when only the secrets pass ran: the file is over the size limit or minified. Secrets are cheap
   * to find and worst to miss, so they are looked for anyway. `binary`: a binary file the secrets family
   * reports by its name (a key store), the rest of its checks skipped.
   */
  secretsOnly?: 'too-large' | 'minified' | 'binary';
  /**
   * The tree was built incrementally on a tree with syntax errors (parse-ts.ts isProvisional): the
   * findings may differ from a fresh parse's. Analyse the text again without `previousTree` once the
   * edits pause.
   */
  provisional?: true;
}

export const SUPPRESSION_REASON_RULE = 'shipshape/suppression-reason';
export const BUDGET_EXCEEDED_RULE = 'shipshape/budget-exceeded';
export const TOO_MANY_FINDINGS_RULE = 'shipshape/too-many-findings';
export const UNUSED_SUPPRESSION_RULE = 'shipshape/unused-suppression';

export class Engine {
  private readonly metaById = new Map<string, RuleMeta>();
  /** The enabled rules of each check, by config and language: asked for every check of every file. */
  private readonly activeRulesCache = new WeakMap<ShipshapeConfig, Map<string, RuleMeta[][]>>();

  constructor(
    readonly checks: readonly Check[],
    readonly projectChecks: readonly ProjectCheck[] = [],
  ) {
    for (const check of checks) for (const meta of rulesOf(check)) this.metaById.set(meta.id, meta);
    for (const check of projectChecks) this.metaById.set(check.meta.id, check.meta);
  }

  /** Project-level (readiness) findings for the project rooted at the config's folder. */
  analyzeProject(config: LoadedConfig, options: { allowGit: boolean }): { findings: Finding[]; errors: { ruleId: string; message: string }[] } {
    return runProjectChecks(this.projectChecks, { config, allowGit: options.allowGit });
  }

  /**
   * Whether every check that runs on this file under this config reads only ASCII patterns
   * (`Check.asciiPatterns`): then the CLI may analyse a non-ASCII file's bytes read as Latin-1, without
   * decoding UTF-8, and decode it only when that analysis finds something (see workspace/run.ts).
   */
  readsOnlyAscii(config: LoadedConfig, filePath: string): boolean {
    const active = this.activeRulesByCheck(config.config, languageOf(filePath));
    const ascii = this.checks.every((check, index) => active[index].length === 0 || (check.asciiPatterns?.(config.config) ?? false));
    // A notebook's cells are read as Python too (notebookCellFindings), by every check that applies to Python.
    return ascii && (!isNotebookPath(filePath) || this.readsOnlyAscii(config, `${filePath}.py`));
  }

  /** By check index, the rules of that check that apply to documents of this language and are enabled by the config. */
  private activeRulesByCheck(config: ShipshapeConfig, language: SourceDocument['language']): RuleMeta[][] {
    let byLanguage = this.activeRulesCache.get(config);
    if (!byLanguage) this.activeRulesCache.set(config, (byLanguage = new Map()));
    let active = byLanguage.get(language);
    if (!active) byLanguage.set(language, (active = this.checks.map((check) => rulesOf(check).filter((rule) => appliesTo(rule, language) && isRuleEnabled(rule, config)))));
    return active;
  }

  /** Whether some check reads a binary file with this path (Check.readsBinary): readers then pass it as BINARY_FILE_TEXT rather than skip it. */
  readsBinary(filePath: string): boolean {
    return this.checks.some((check) => check.readsBinary?.(filePath) ?? false);
  }

  ruleMeta(ruleId: string): RuleMeta | undefined {
    return this.metaById.get(ruleId);
  }

  get rules(): RuleMeta[] {
    return [...this.metaById.values()];
  }

  analyze(input: AnalysisInput): AnalysisResult {
    const { document, config } = input;
    const relativePath = toRelativePosix(config.dir, document.path);
    // Ignore rules look at the file on disk: a notebook for its cells, none for an unsaved document.
    const onDisk = fileOnDisk(document);
    const diskPath = onDisk === null ? undefined : toRelativePosix(config.dir, onDisk);
    const errors: AnalysisResult['errors'] = [];
    if (diskPath !== undefined && isIgnoredByConfig(config.config, diskPath)) return { findings: [], skipped: 'ignored', errors };
    if (document.text.length > HARD_SIZE_LIMIT) return { findings: [], skipped: 'too-large', errors };
    if (document.text.includes('\u0000')) {
      if (input.binary || !this.readsBinary(document.path)) return { findings: [], skipped: 'binary', errors };
      return this.analyze({ ...input, document: { ...document, text: '', bytes: undefined }, binary: true, tree: undefined, previousTree: undefined, incremental: undefined });
    }
    const secretsOnly = input.binary ? 'binary' : document.text.length > config.config.limits.maxFileSizeKB * 1024 ? 'too-large' : isMinified(document.text) || MINIFIED_NAME.test(document.path) ? 'minified' : undefined;

    let tree = input.tree;
    const tsTree = () => {
      if (!tree && isScriptLanguage(document.language)) tree = input.previousTree ? reparseScript(input.previousTree, document.path, document.text) : parseScript(document.path, document.text);
      return tree;
    };

    // Statement-local checks on a keystroke: only the statements the edit may affect are checked (incremental.ts).
    const previousState = input.previousTree ? input.incremental?.previous : undefined;
    /** By check index, the rules that apply to this document and are enabled by its config. */
    const activeRules = this.activeRulesByCheck(config.config, document.language);
    const incremental = input.incremental && !secretsOnly && isScriptLanguage(document.language) && input.workspace !== undefined && this.checks.some((check, index) => check.statementLocal && activeRules[index].length > 0);
    const stateKey: unknown[] = [input.incremental?.epoch, config.config, input.workspace, input.workspace?.version, input.trusted ?? true];
    if (incremental) for (const check of this.checks) if (check.statementLocal && check.fileFacts) stateKey.push(check.fileFacts(document.text));
    const facts = new Map<ts.Statement, StatementNames>();
    const factsOf = (statement: ts.Statement) => {
      let known = facts.get(statement);
      if (!known) facts.set(statement, (known = statementFacts(statement)));
      return known;
    };
    let restricted: Set<ts.Statement> | undefined;
    let state: IncrementalState | undefined;
    if (incremental) {
      const parsed = tsTree()!;
      if (previousState && sameKey(previousState.key, stateKey)) restricted = statementsToRecheck(parsed, previousState, factsOf);
      restrictTo(parsed, restricted);
    }

    const raw: RawFinding[] = [];
    /** Findings of statement-local checks, by check index, when they are kept for the next analysis. */
    const local: RawFinding[][] = [];
    /** The rules that ran, as the lists they came in: a set of their ids is made only for a file with suppression directives (most have none). */
    const ran: RuleMeta[][] = [];
    const started = performance.now();
    const budget = config.config.limits.timeBudgetMs;
    const notRun: string[] = [];
    this.checks.forEach((check, checkIndex) => {
      const { meta } = check;
      // The budget is checked between rules: a file that takes too long stops, visibly, instead of running on.
      if (notRun.length > 0 || performance.now() - started > budget) {
        notRun.push(...activeRules[checkIndex].map((rule) => rule.id));
        return;
      }
      if (input.binary && !check.readsBinary?.(document.path)) return;
      const enabled = secretsOnly ? activeRules[checkIndex].filter((rule) => rule.family === 'secrets') : activeRules[checkIndex];
      if (enabled.length === 0) return;
      ran.push(enabled);
      const into = incremental && check.statementLocal ? (local[checkIndex] = []) : raw;
      try {
        check.run({
          document,
          relativePath,
          configDir: config.dir,
          config: config.config,
          host: input.host,
          workspace: input.workspace,
          trusted: input.trusted ?? true,
          limited: secretsOnly,
          fixes: input.fixes ?? true,
          committed: input.committed ?? false,
          tsTree,
          options: ruleOptions(meta, config.config),
          report: (finding) => into.push({ ...finding, ruleId: finding.ruleId || meta.id }),
        });
      } catch (error) {
        errors.push({ ruleId: meta.id, message: (error as Error)?.message ?? String(error) });
      }
    });
    if (incremental) {
      const parsed = tsTree()!;
      restrictTo(parsed, undefined);
      const merged = mergeStatementFindings(parsed, local, restricted, previousState, factsOf);
      // A finding outside the statements checked (a check that is not local after all): check everything.
      if (!merged) return this.analyze({ ...input, tree: parsed, previousTree: undefined, incremental: { epoch: input.incremental!.epoch } });
      raw.push(...merged.findings);
      if (errors.length === 0 && notRun.length === 0 && merged.statements) state = { key: stateKey, statements: merged.statements };
    }

    if (notRun.length > 0) {
      raw.push({
        ruleId: BUDGET_EXCEEDED_RULE,
        start: 0,
        end: 0,
        message: `Analysis stopped after ${Math.round(performance.now() - started)} ms (limits.timeBudgetMs is ${budget}): ${notRun.length} rule${notRun.length === 1 ? '' : 's'} did not run (${notRun.slice(0, 5).join(', ')}${notRun.length > 5 ? ', …' : ''}). Raise the budget or exclude the file with ignore: if it is generated.`,
      });
    }
    const cap = config.config.limits.maxFindingsPerFile;
    if (raw.length > cap) {
      const extra = raw.length - cap;
      raw.length = cap;
      raw.push({ ruleId: TOO_MANY_FINDINGS_RULE, start: 0, end: 0, message: `${extra} more finding${extra === 1 ? '' : 's'} in this file not shown (limits.maxFindingsPerFile is ${cap}). Fix these first, or run the CLI on this file for the full list with a higher limit.` });
    }
    const lines = new LineIndex(document.text);
    const findings = this.position(raw, input, relativePath, lines);
    this.applySuppressions(findings, input, relativePath, lines, ran);
    applyConfigAllowList(findings, config.config, diskPath);
    if (isNotebookPath(document.path) && document.language === 'json') findings.push(...this.notebookCellFindings(input, findings, lines, errors));
    findings.sort(compareFindings);
    return { findings, tree, errors, ...(state ? { state } : {}), ...(secretsOnly ? { secretsOnly } : {}), ...(tree && isProvisional(tree) ? { provisional: true as const } : {}) };
  }

  /**
   * A notebook's code cells, analysed as one Python script (notebook.ts), whatever the size of the JSON
   * around them (outputs, images): their findings but the secrets ones (the pass over the JSON finds
   * those), placed where their code is in the notebook. Without fixes: they would edit the script.
   */
  private notebookCellFindings(input: AnalysisInput, jsonFindings: Finding[], lines: LineIndex, errors: AnalysisResult['errors']): Finding[] {
    // Nothing more to find in the cells when only the secrets family is on (a secrets scan in CI).
    const checksCells = this.activeRulesByCheck(input.config.config, 'python').some((rules) => rules.some((rule) => rule.family !== 'secrets'));
    if (!checksCells && jsonFindings.length === 0) return [];
    const script = notebookScript(input.document.text);
    if (!script) return [];
    // The secrets found in the JSON say which cell they are in, when they are in a cell's code.
    for (const finding of jsonFindings) {
      const at = scriptOffsetOf(script, lines.lineStart(finding.line) + finding.column - 1);
      if (at !== undefined) finding.message = `${finding.message} ${cellNote(script, at)}`;
    }
    if (!checksCells) return [];
    const { document } = input;
    const result = this.analyze({
      ...input,
      document: { path: `${document.path}.py`, text: script.text, language: 'python', diskFile: fileOnDisk(document) },
      tree: undefined,
      previousTree: undefined,
      incremental: undefined,
    });
    errors.push(...result.errors);
    const scriptLines = new LineIndex(script.text);
    const offsetOf = (line: number, column: number) => Math.min(scriptLines.lineStart(line) + column - 1, script.text.length);
    return result.findings
      .filter((finding) => finding.family !== 'secrets')
      .map(({ fixes: _fixes, ...finding }) => {
        const start = lines.position(script.jsonOffsets[offsetOf(finding.line, finding.column)]);
        const end = lines.position(script.jsonOffsets[offsetOf(finding.endLine, finding.endColumn)]);
        // Where a reader of the notebook finds it: the JSON's line numbers mean nothing in Jupyter.
        return { ...finding, message: `${finding.message} ${cellNote(script, offsetOf(finding.line, finding.column))}`, file: document.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
      });
  }

  private position(raw: RawFinding[], input: AnalysisInput, relativePath: string, lines: LineIndex): Finding[] {
    const findings: Finding[] = [];
    for (const item of raw) {
      const meta = this.metaById.get(item.ruleId);
      if (!meta) continue;
      const severity = resolveSeverity(meta, input.config.config, item.severityOverride);
      if (severity === 'off') continue;
      const start = lines.position(item.start);
      const end = lines.position(Math.max(item.end, item.start));
      const offending = item.secretValue !== undefined
        ? secretDigest(input.salt, item.secretValue)
        : (item.fingerprintText ?? input.document.text.slice(item.start, item.end));
      findings.push({
        ruleId: meta.id,
        family: meta.family,
        severity,
        file: input.document.path,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        message: item.message,
        fingerprint: fingerprint(meta.id, relativePath, offending),
        ...(item.constraintKey ? { constraintKey: item.constraintKey } : {}),
        ...(item.fixes?.length ? { fixes: item.fixes.map((fix) => positionFix(fix, input, lines)) } : {}),
      });
    }
    return findings;
  }

  private applySuppressions(findings: Finding[], input: AnalysisInput, relativePath: string, lines: LineIndex, ran: readonly RuleMeta[][]): void {
    // Looked for only in a file with secret findings: a search of every file cost 2.5% of a secrets-only run.
    if (findings.some((finding) => finding.family === 'secrets' && !finding.suppressed)) applyForeignSecretMarkers(findings, foreignSecretMarkers(input.document.text, lines));
    const directives = findDirectives(input.document.text, lines);
    if (directives.length === 0) return;
    const ranRules = new Set(ran.flatMap((rules) => rules.map((rule) => rule.id)));
    const used = new Set<SuppressionDirective>();
    for (const finding of findings) {
      const directive = directives.find((d) => directiveCovers(d, finding.ruleId, finding.line));
      if (!directive) continue;
      used.add(directive);
      finding.suppressed = { kind: 'inline', reason: directive.reason };
    }
    const meta: RawFinding[] = [];
    for (const directive of directives) {
      if (!directive.reason) {
        meta.push({
          ruleId: SUPPRESSION_REASON_RULE,
          start: directive.start,
          end: directive.end,
          message: `This suppression gives no reason. Add one after \`--\` (e.g. \`shipshape-ignore-next-line ${directive.ruleIds[0] ?? '<ruleId>'} -- why this is safe\`) so reviewers can judge it.`,
        });
      }
      const checkable = directive.ruleIds.filter((id) => id.endsWith('/*') ? [...ranRules].some((r) => r.startsWith(id.slice(0, -1))) : ranRules.has(id));
      const unknown = directive.ruleIds.filter((id) => !id.endsWith('/*') && !this.metaById.has(id));
      if (unknown.length > 0) {
        meta.push({ ruleId: UNUSED_SUPPRESSION_RULE, start: directive.start, end: directive.end, message: `Unknown rule ${unknown.map((id) => `'${id}'`).join(', ')} in this suppression: it suppresses nothing.` });
      } else if (!used.has(directive) && checkable.length > 0) {
        meta.push({
          ruleId: UNUSED_SUPPRESSION_RULE,
          start: directive.start,
          end: directive.end,
          message: `This suppression of ${directive.ruleIds.join(', ')} no longer suppresses anything. Remove it so it cannot hide a future problem.`,
          fixes: removeDirectiveLine(input.document.text, lines, directive),
        });
      }
    }
    findings.push(...this.position(meta, input, relativePath, lines));
  }
}

/** Secret findings on lines another scanner's marker exempts (suppressions.ts, foreignSecretMarkers). */
function applyForeignSecretMarkers(findings: Finding[], covered: ReadonlyMap<number, string>): void {
  if (covered.size === 0) return;
  for (const finding of findings) {
    const marker = finding.family === 'secrets' && !finding.suppressed ? covered.get(finding.line) : undefined;
    if (marker) finding.suppressed = { kind: 'inline', reason: `marked \`${marker}\` for another secret scanner` };
  }
}

/** Removing a stale directive is offered only when its line holds nothing else (no code is ever deleted). */
function removeDirectiveLine(text: string, lines: LineIndex, directive: SuppressionDirective): RawFix[] | undefined {
  const start = lines.lineStart(directive.line);
  const end = directive.line < lines.lineCount ? lines.lineStart(directive.line + 1) : text.length;
  const lineText = text.slice(start, end);
  if (!/^\s*(\/\/|#|--|;|%|\/\*|<!--)\s*shipshape-ignore-[^\n]*$/.test(lineText.trimEnd())) return undefined;
  if (/\/\*|<!--/.test(lineText) && !/(\*\/|-->)\s*$/.test(lineText.trimEnd())) return undefined; // a block comment going on
  return [{ title: 'Remove the unused suppression', changes: [{ start, end, newText: '' }] }];
}

/** Offsets to positions, in the analysed document or in the other file a change targets. */
function positionFix(fix: RawFix, input: AnalysisInput, lines: LineIndex): Fix {
  const otherFiles = new Map<string, LineIndex>();
  const indexFor = (filePath: string): LineIndex => {
    if (filePath === input.document.path) return lines;
    let index = otherFiles.get(filePath);
    if (!index) otherFiles.set(filePath, (index = new LineIndex(fix.createFiles?.includes(filePath) ? '' : (input.host.readFile(filePath) ?? ''))));
    return index;
  };
  return {
    title: fix.title,
    ...(fix.preferred ? { preferred: true } : {}),
    ...(fix.createFiles?.length ? { createFiles: fix.createFiles } : {}),
    changes: fix.changes.map((change) => {
      const filePath = change.path ?? input.document.path;
      const index = indexFor(filePath);
      const start = index.position(change.start);
      const end = index.position(change.end);
      return { path: filePath, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, newText: change.newText, ...(change.sensitive ? { sensitive: true } : {}) };
    }),
  };
}

/** A file a minifier wrote, by the name build tools give it (`app.min.js`, `jquery-3.7.1.min.js`, `vendor-min.js`), whatever its size. */
const MINIFIED_NAME = /[.-]min\.[cm]?[jt]s$/i;

/** Generated or minified code: long lines, few of them. Only the secrets pass reads it. */
export function isMinified(text: string): boolean {
  if (text.length < 4096) return false;
  // Minified means over 300 characters per line on average: past that many lines, it cannot be, and
  // an ordinary file is decided after reading a small part of it.
  const maxLines = text.length / 300;
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (++lines >= maxLines) return false;
    longest = Math.max(longest, i - start);
    start = i + 1;
  }
  longest = Math.max(longest, text.length - start);
  return longest > 2000 && text.length / lines > 300;
}

function rulesOf(check: Check): RuleMeta[] {
  return check.alsoReports ? [check.meta, ...check.alsoReports] : [check.meta];
}

function appliesTo(meta: RuleMeta, language: SourceDocument['language']): boolean {
  return meta.languages === '*' || meta.languages.includes(language);
}

/** `secrets.allow` in shipshape.yml: paths (gitignore-style globs) and fingerprints that are known not to be secrets. */
function applyConfigAllowList(findings: Finding[], config: ShipshapeConfig, relativePath: string | undefined): void {
  const allow = config.secrets?.allow;
  if (!allow) return;
  const fingerprints = new Set(allow.fingerprints ?? []);
  const pathAllowed = relativePath !== undefined && matchesGlobs(allow.paths ?? [], relativePath);
  for (const finding of findings) {
    if (finding.suppressed || finding.family !== 'secrets') continue;
    if (pathAllowed) finding.suppressed = { kind: 'config', reason: 'secrets.allow.paths' };
    else if (fingerprints.has(finding.fingerprint)) finding.suppressed = { kind: 'config', reason: 'secrets.allow.fingerprints' };
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  // A history scan's findings of one file are grouped by commit (each has its own line numbers).
  const commitA = a.commit ?? '';
  const commitB = b.commit ?? '';
  return a.file < b.file ? -1 : a.file > b.file ? 1 : commitA < commitB ? -1 : commitA > commitB ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
