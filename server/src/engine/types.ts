// The engine's vocabulary. Nothing here knows about LSP, VS Code or the command line.
import type * as ts from 'typescript';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Rule families. `shipshape` holds the engine's own findings (suppression misuse, config problems). */
export type Family = 'failure' | 'secrets' | 'architecture' | 'readiness' | 'shipshape';

/** Languages the engine tells apart; everything else is `text` (still scanned for secrets). */
export type LanguageKind = 'typescript' | 'javascript' | 'python' | 'yaml' | 'json' | 'text';

/** Static description of a rule; docs pages are generated from it. */
export interface RuleMeta {
  id: string;
  family: Family;
  title: string;
  /** Why it matters in production, one paragraph (rendered in the docs page). */
  rationale: string;
  /** What to do about it. */
  remedy: string;
  defaultSeverity: Severity;
  /** Languages the rule looks at; `*` = every text file. */
  languages: LanguageKind[] | '*';
  /** Code that must be flagged and code that must not, shown in the docs. */
  examples: { bad: string[]; good: string[] };
  /** Options the rule accepts in `rules: { id: { options } }`, documented in its page. */
  options?: Record<string, { description: string; default: unknown }>;
  fixable?: boolean;
  /** How to accept one occurrence, for a rule whose findings have no line for a suppression comment (a binary file's). */
  acceptedBy?: string;
  /**
   * The rule as an instruction to a coding assistant, for the primer (`shipshape primer`): `text` is one
   * imperative sentence, `recap` a few words for the closing one-line summary. Rules without it get
   * one derived from `title` and `remedy`. Rules with the same `text` are listed once.
   */
  instruction?: { text: string; recap: string };
}

/** What a check reports, in offsets; the engine turns it into a positioned Finding. */
export interface RawFinding {
  ruleId: string;
  /** UTF-16 offsets into the document text; `end` is exclusive. */
  start: number;
  end: number;
  message: string;
  /**
   * The text the fingerprint is computed from, when it is not the offending range itself.
   * For secrets the engine never uses the raw text: see `secretValue`.
   */
  fingerprintText?: string;
  /** For secrets: the secret value, hashed with the repository salt for the fingerprint and then dropped. */
  secretValue?: string;
  /** Severity chosen by the check (e.g. an architecture constraint's own `severity`), below `rules` in precedence. */
  severityOverride?: SeveritySetting;
  /** A key that says which configured constraint was broken (architecture), used by sessions and the primer. */
  constraintKey?: string;
  /** Quick fixes, offered as code actions. Each must leave code that parses and removes the finding. */
  fixes?: RawFix[];
}

/** A replacement in offsets; `path` defaults to the analysed document. */
export interface RawTextChange {
  path?: string;
  start: number;
  end: number;
  newText: string;
  /**
   * The new text holds a secret (the value moved to `.env`). Such a change never travels in an LSP
   * message, where traces could log it: the server writes it to disk itself.
   */
  sensitive?: boolean;
}

export interface RawFix {
  title: string;
  /** The fix an editor may apply on "fix all" / auto-fix. */
  preferred?: boolean;
  changes: RawTextChange[];
  /** Files the fix creates (before its changes apply); their changes then start at offset 0. */
  createFiles?: string[];
}

/** A positioned replacement (1-based lines/columns, UTF-16, end exclusive) in any file. */
export interface TextChange {
  path: string;
  sensitive?: boolean;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

export interface Fix {
  title: string;
  preferred?: boolean;
  changes: TextChange[];
  createFiles?: string[];
}

/** A positioned finding: lines and columns 1-based, columns in UTF-16 code units, end exclusive. */
export interface Finding {
  ruleId: string;
  family: Family;
  severity: Severity;
  /** Absolute path of the file (adapters relativise it for output). */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
  constraintKey?: string;
  fixes?: Fix[];
  /** Set when a suppression comment or the baseline covers the finding. */
  suppressed?: { kind: 'inline' | 'baseline' | 'config'; reason?: string };
  /** A history scan's finding: the commit that added it (line and column are in that commit's version of the file). */
  commit?: string;
}

export interface SourceDocument {
  /** Absolute file path: for a text that is not a file of its own (diskFile), one named for its language (`nb.ipynb.py`). */
  path: string;
  text: string;
  language: LanguageKind;
  /**
   * The file on disk the text belongs to, when it is not `path` itself: a notebook cell's notebook; null
   * for an unsaved document. Ignore rules (`ignore`, .gitignore) and `secrets.allow` paths are matched on
   * it, and an unsaved document is never ignored.
   */
  diskFile?: string | null;
  /**
   * The bytes `text` was read from, when it was read from disk: its UTF-8, or, for a Latin-1 view of
   * them (latin1View), the bytes the view was made from, which it changes only where they are not ASCII.
   * The secrets pass looks for its ASCII keywords in them rather than encoding the text. Valid only
   * during the analysis (the reader reuses its buffer); a document made from this one does not carry them.
   */
  bytes?: Uint8Array;
}

/** How checks reach the file system; the server overlays open documents on top of the disk. */
export interface FileSystemHost {
  fileExists(path: string): boolean;
  readFile(path: string): string | undefined;
  /** Bumped when files may have appeared or vanished, so caches built on `fileExists` are dropped. */
  readonly version?: number;
}

/** Everything a check may look at for one file. */
export interface CheckContext {
  document: SourceDocument;
  /** Path relative to the config folder, forward slashes. */
  relativePath: string;
  /** Folder of the `shipshape.yml` in force (or the analysis root when there is none). */
  configDir: string;
  config: import('./config/model').ShipshapeConfig;
  host: FileSystemHost;
  /** The parsed TypeScript/JavaScript tree, parsed once per document version and shared by all checks. */
  tsTree(): ts.SourceFile | undefined;
  /**
   * Whether the workspace is trusted. Untrusted, anything the workspace defines that could cost more
   * than declarative matching (custom regexes) waits for trust.
   */
  trusted: boolean;
  /** Summaries of every workspace file, for cross-file rules; undefined when analysing a lone file. */
  workspace?: import('./workspace/index').WorkspaceIndex;
  /** Set when only the secrets pass runs (the file is over the size limit, or minified; or binary, with no text: see Check.readsBinary). */
  limited?: 'too-large' | 'minified' | 'binary';
  /** Whether fixes are wanted: false in a workspace run (the CLI shows none), where a costly one need not be built. */
  fixes: boolean;
  /** The text is content a commit added (a history scan), which git holds even if it ignores the file now. */
  committed?: boolean;
  /** Options for this rule from `rules: { id: { options } }`. */
  options: Record<string, unknown>;
  report(finding: RawFinding): void;
}

export interface Check {
  meta: RuleMeta;
  /**
   * Further rules this check reports, when one pass finds several kinds of problem (the secrets
   * scanner reports one rule per provider). The check runs when any of its rules is enabled.
   */
  alsoReports?: RuleMeta[];
  /**
   * The check's findings on a top-level statement depend only on that statement and on declarations it
   * reaches by name, and it visits the tree through the statements the engine asks for
   * (`statementsToCheck`, engine/incremental.ts): on a keystroke only the affected statements run again.
   */
  statementLocal?: boolean;
  /**
   * For a statement-local check that also reads the text as a whole (a regex over the file): those
   * facts, as a string. When it changes between two analyses, every statement is checked again.
   */
  fileFacts?(text: string): string;
  /**
   * Whether, under this config, the check looks only for ASCII patterns and treats every other character
   * as an opaque non-word, non-blank character: then whenever it finds something in a UTF-8 text, it also
   * finds something in that text's bytes read as Latin-1 (each non-ASCII byte one such character). The
   * CLI scans non-ASCII files that way when every check allows it, and decodes the UTF-8 (which costs
   * more than the scan) only for a file where something is found, to analyse it again exactly.
   */
  asciiPatterns?(config: import('./config/model').ShipshapeConfig): boolean;
  /**
   * Whether this check looks at a binary file with this path (a key store the secrets family reports by
   * its name): the engine then runs it, alone, with the document's text empty, where it skips every
   * other binary file.
   */
  readsBinary?(filePath: string): boolean;
  run(context: CheckContext): void;
}
