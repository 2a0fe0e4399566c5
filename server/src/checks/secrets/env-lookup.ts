// The edit that puts a language's environment lookup where a hardcoded secret's literal was, for the
// "Move to environment variable" fix (env-fix.ts). It is offered only where the result is well-formed
// code or config that reads the same value at run time:
// - not where only a constant may stand (an import path, a type, an enum member, a Kotlin `const val`,
//   a C# `const` or attribute, a PHP property default or parameter default, a Go `const`);
// - where the secret is a part of a literal (a URL's `?apiKey=…`), in TypeScript, JavaScript and Python
//   only, by interpolation into a template or an f-string (which a plain string becomes when it reads
//   the same as one); elsewhere not where the literal is not the whole value (an implicitly joined
//   string, a tagged template, a Python f-string's braces);
// - not where the language reads the source text differently from the value the scanner saw (escape
//   sequences, interpolation), since .env must receive the value byte for byte.
import * as path from 'node:path';
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call (scripts/build.mjs).
import ts from 'typescript';
import type { CheckContext, RawTextChange } from '../../engine/types';

export function environmentLookup(context: CheckContext, start: number, end: number, name: string): RawTextChange[] | undefined {
  const { document } = context;
  switch (document.language) {
    case 'typescript':
    case 'javascript':
      return scriptLookup(context, start, end, name);
    case 'python':
      return pythonLookup(document.text, start, end, name);
    case 'yaml':
      return yamlLookup(document.path, document.text, start, end, name);
    case 'json':
      return mcpConfigLookup(document.path, document.text, start, end, name);
    case 'text': {
      const base = path.basename(document.path).toLowerCase();
      if (SPRING_PROPERTIES.test(base)) return document.text.slice(start, end).includes('\\') ? undefined : [{ start, end, newText: `\${${name}}` }];
      // npm expands `${NAME}` in .npmrc values from the environment (npm's config docs).
      if (base === '.npmrc') return [{ start, end, newText: `\${${name}}` }];
      const language = LEXICAL_LOOKUPS.find((lookup) => lookup.extensions.includes(path.extname(base)));
      return language && lexicalLookup(language, document.text, start, end, name);
    }
    default:
      return undefined;
  }
}

/** What the fix's title calls the place the value moves to. */
export function lookupKind(filePath: string): string {
  return GITHUB_WORKFLOW.test(filePath.replace(/\\/g, '/')) ? 'GitHub Actions secret' : 'environment variable';
}

/**
 * A workflow reads its secrets from the repository's settings, and `${NAME}` there is passed on as
 * text; `GITHUB_` starts no secret name a repository may define (GitHub reserves it).
 */
export function workflowSecretName(name: string): string {
  return name.replace(/^GITHUB_/, 'GH_');
}

// ── TypeScript and JavaScript: from the syntax tree ───────────────────────────────────────────────

function scriptLookup(context: CheckContext, start: number, end: number, name: string): RawTextChange[] | undefined {
  const text = context.document.text;
  if (text.slice(start, end).includes('\\')) return undefined; // an escape: the value at run time differs from the text
  const tree = context.tsTree();
  if (!tree || tree.isDeclarationFile) return undefined;
  const lookup = scriptEnvironmentRead(text, name);
  const literal = literalSpanning(tree, start - 1, end + 1);
  if (!literal) return lookupInsideLiteral(tree, text, start, end, lookup);
  const parent = literal.parent;
  // `<a apiKey="…">`: an attribute takes an expression in braces.
  if (ts.isJsxAttribute(parent)) return [{ start: start - 1, end: end + 1, newText: `{${lookup}}` }];
  if (!standsForAValue(literal)) return undefined;
  return [{ start: start - 1, end: end + 1, newText: lookup }];
}

/**
 * The lookup for a secret that is a part of a literal (a URL's `?apiKey=…`, a connection string's
 * password): interpolated where it was, `${process.env.NAME}`. A template takes it as it is; a quoted
 * string becomes a template holding the same text, when nothing in it reads differently in one (a
 * backslash, a backquote, `${`). Not in a tagged template, whose tag sees its parts.
 */
function lookupInsideLiteral(tree: ts.SourceFile, text: string, start: number, end: number, lookup: string): RawTextChange[] | undefined {
  const literal = literalHolding(tree, start, end);
  if (!literal) return undefined;
  if (!ts.isStringLiteral(literal)) {
    // A template expression, not a template literal type's part (`type T = \`…${string}\``), where only types go.
    const template = ts.isNoSubstitutionTemplateLiteral(literal) ? literal : literal.parent.kind === ts.SyntaxKind.TemplateSpan ? literal.parent.parent : literal.parent;
    if (!(ts.isNoSubstitutionTemplateLiteral(template) || ts.isTemplateExpression(template)) || !standsForAValue(template)) return undefined;
    return [{ start, end, newText: `\${${lookup}}` }];
  }
  const from = literal.getStart(tree);
  const source = text.slice(from, literal.end);
  // An unterminated literal (`"sk_…';` as typed) runs to the line's end: the user has not finished it.
  if (source.length < 2 || source[source.length - 1] !== source[0] || /[\\`]|\$\{/.test(source) || !standsForAValue(literal)) return undefined;
  const template = `\`${text.slice(from + 1, start)}\${${lookup}}${text.slice(end, literal.end - 1)}\``;
  return [{ start: from, end: literal.end, newText: ts.isJsxAttribute(literal.parent) ? `{${template}}` : template }];
}

/** The innermost string literal or template part whose text holds [from, to) inside its delimiters. */
function literalHolding(tree: ts.SourceFile, from: number, to: number): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode | undefined {
  let found: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.end < to || node.pos > from) return;
    const kind = node.kind;
    if (kind === ts.SyntaxKind.StringLiteral || kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle || kind === ts.SyntaxKind.TemplateTail) {
      // Inside the delimiters: a quote or backquote, `${` after a part, `}` before one.
      const open = node.getStart(tree) + 1;
      const close = node.end - (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
      if (open <= from && to <= close) found = node as ts.StringLiteral;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/**
 * How this file reads its environment, so the lookup is one its runtime has: `import.meta.env.NAME` in
 * code that reads its environment that way and never through `process` (Vite's and Astro's modules, where
 * `process` may not exist at all in the browser), Deno's `Deno.env.get("NAME")`, else `process.env.NAME`.
 */
function scriptEnvironmentRead(text: string, name: string): string {
  if (text.includes('process.env')) return `process.env.${name}`;
  if (text.includes('import.meta.env')) return `import.meta.env.${name}`;
  if (text.includes('Deno.env.get(')) return `Deno.env.get(${JSON.stringify(name)})`;
  return `process.env.${name}`;
}

/** The string literal or plain template whose text, quotes included, is exactly [from, to). */
function literalSpanning(tree: ts.SourceFile, from: number, to: number): ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined {
  let found: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.pos > from || node.end < to) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.getStart(tree) === from && node.end === to) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/**
 * Whether the literal is an expression whose value a lookup can give: not a name (a property, method,
 * enum member or module name), a module specifier, a type, an enum's value, a tagged template's text,
 * `as const`, or in an ambient declaration (`declare`), where only literals may stand.
 */
function standsForAValue(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): boolean {
  const parent = literal.parent;
  if ((parent as { name?: ts.Node }).name === literal || (parent as { propertyName?: ts.Node }).propertyName === literal) return false;
  if (
    ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isLiteralTypeNode(parent)
    || ts.isEnumMember(parent) || ts.isTaggedTemplateExpression(parent) || ts.isImportAttribute(parent) || ts.isModuleDeclaration(parent)
  ) {
    return false;
  }
  if ((ts.isAsExpression(parent) || ts.isTypeAssertionExpression(parent)) && ts.isTypeReferenceNode(parent.type) && ts.isIdentifier(parent.type.typeName) && parent.type.typeName.text === 'const') return false;
  for (let node: ts.Node | undefined = parent; node; node = node.parent) {
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return false;
  }
  return true;
}

// ── Python: read from the tokens around the literal ───────────────────────────────────────────────

function pythonLookup(text: string, start: number, end: number, name: string): RawTextChange[] | undefined {
  const quote = text[start - 1];
  if ((quote !== '"' && quote !== "'") || text[end] !== quote) return pythonLookupInsideLiteral(text, start, end, name);
  const run = (at: number, step: number) => {
    let count = 0;
    while (count < 3 && text[at + count * step] === quote) count++;
    return count;
  };
  const before = run(start - 1, -1);
  const after = run(end, 1);
  const triple = before === 3 && after === 3;
  if (!triple && (before !== 1 || after < 1)) return undefined;
  const open = start - (triple ? 3 : 1);
  const close = end + (triple ? 3 : 1);
  const prefix = /[A-Za-z]{0,2}$/.exec(text.slice(Math.max(0, open - 2), open))![0].toLowerCase();
  if (/\w/.test(text[open - prefix.length - 1] ?? '')) return undefined;
  const value = text.slice(start, end);
  // Bytes are not a str; an f-string's braces are code; outside a raw string a backslash starts an escape.
  if (prefix.includes('b') || (prefix.includes('f') && /[{}]/.test(value)) || (!prefix.includes('r') && value.includes('\\'))) return undefined;
  // `"abc" "sk_…"`: literals side by side are one string, and the lookup would stand in for only a part.
  const previous = /\S?\s*$/.exec(text.slice(Math.max(0, open - prefix.length - 200), open - prefix.length))![0].trim();
  const next = /^\s*[A-Za-z]{0,2}["']?/.exec(text.slice(close, close + 200))![0].trim();
  if (previous === '"' || previous === "'" || /["']$/.test(next)) return undefined;
  return withOsImported(text, [{ start: open - prefix.length, end: close, newText: `os.environ["${name}"]` }]);
}

/** `changes`, and `import os` first when the module does not import it. */
function withOsImported(text: string, changes: RawTextChange[]): RawTextChange[] {
  if (!/^[ \t]*(?:import[ \t]+(?:[\w, ]+,[ \t]*)?os\b|from[ \t]+os[ \t]+import[ \t]+environ)/m.test(text)) {
    const shebang = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
    changes.unshift({ start: shebang, end: shebang, newText: 'import os\n' });
  }
  return changes;
}

/**
 * A secret that is a part of a one-line literal (a URL's `?apiKey=…`): read into it by an f-string,
 * `{os.environ['NAME']}` with the other quote (Python before 3.12 allows no other). A plain string becomes an
 * f-string when no brace in it would turn into an expression; not bytes, nor an f-string whose braces
 * touch the value.
 */
function pythonLookupInsideLiteral(text: string, start: number, end: number, name: string): RawTextChange[] | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const literal = pythonLiteralOnLine(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd), start - lineStart, end - lineStart);
  if (!literal) return undefined;
  const prefix = literal.prefix.toLowerCase();
  const body = text.slice(lineStart + literal.open + 1, lineStart + literal.close);
  const value = text.slice(start, end);
  // `u` takes no `f` beside it (`uf"…"` is not Python).
  if (prefix.includes('b') || prefix.includes('u') || /[{}\\]/.test(value) || (!prefix.includes('f') && /[{}]/.test(body))) return undefined;
  const other = literal.quote === '"' ? "'" : '"';
  const changes: RawTextChange[] = [{ start, end, newText: `{os.environ[${other}${name}${other}]}` }];
  if (!prefix.includes('f')) changes.unshift({ start: lineStart + literal.open, end: lineStart + literal.open, newText: 'f' });
  return withOsImported(text, changes);
}

/**
 * The Python string literal of a line that holds [from, to) between its quotes, with its prefix. A
 * comment, a triple-quoted literal or a quote right after a word (not a literal's prefix) ends the search:
 * the line is not read past them.
 */
function pythonLiteralOnLine(line: string, from: number, to: number): { open: number; close: number; quote: string; prefix: string } | undefined {
  const prefixAt = (i: number) => /[A-Za-z]{0,2}$/.exec(line.slice(Math.max(0, i - 2), i))![0];
  const unreadable = (i: number) => {
    const c = line[i];
    if (c === '#') return true;
    if (c !== '"' && c !== "'") return false;
    return line.startsWith(c.repeat(3), i) || /\w/.test(line[i - prefixAt(i).length - 1] ?? '');
  };
  const literal = literalOnLine(line, from, to, `"'`, unreadable);
  return literal && { ...literal, quote: line[literal.open], prefix: prefixAt(literal.open) };
}

// ── YAML: Compose, Spring and other configs interpolate `${NAME}`; a GitHub workflow reads `secrets` ─

const GITHUB_WORKFLOW = /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

/** A Kubernetes object: `apiVersion` and `kind` at the top level of a YAML document. */
const KUBERNETES_MANIFEST = /^apiVersion:[ \t]*\S[^\n]*\n(?:[^\n]*\n){0,40}?kind:[ \t]*[A-Z]\w*|^kind:[ \t]*[A-Z]\w*[ \t]*\r?\n(?:[^\n]*\n){0,40}?apiVersion:/m;

function yamlLookup(filePath: string, text: string, start: number, end: number, name: string): RawTextChange[] | undefined {
  // In a double-quoted scalar a backslash starts an escape.
  if (text[start - 1] === '"' && text.slice(start, end).includes('\\')) return undefined;
  if (GITHUB_WORKFLOW.test(filePath.replace(/\\/g, '/'))) return [{ start, end, newText: `\${{ secrets.${workflowSecretName(name)} }}` }];
  // Kubernetes reads a manifest as written (it expands only `$(VAR)`, from the container's own
  // environment): `${NAME}` would reach the container as that text. The secret belongs in a Secret,
  // referenced by `valueFrom.secretKeyRef`, which no text edit here can make.
  if (KUBERNETES_MANIFEST.test(text)) return undefined;
  return [{ start, end, newText: `\${${name}}` }];
}

/**
 * An MCP client's config, where AI tools' tokens get pasted: the client expands environment variables
 * inside its strings (a server's command, args, env, url and headers), VS Code and Cursor as
 * `${env:NAME}` (.vscode/mcp.json, .cursor/mcp.json), Claude Code as `${NAME}` (a project's .mcp.json).
 * The secret may be part of a string (`"--api-key=…"`); it must hold no escape, so that .env gets its
 * value as written. Other JSON has no lookup.
 */
function mcpConfigLookup(filePath: string, text: string, start: number, end: number, name: string): RawTextChange[] | undefined {
  const normalized = filePath.replace(/\\/g, '/');
  const lookup = VSCODE_OR_CURSOR_MCP.test(normalized) ? `\${env:${name}}` : CLAUDE_CODE_MCP.test(normalized) ? `\${${name}}` : undefined;
  if (lookup === undefined || !insideJsonString(text, start, end)) return undefined;
  return [{ start, end, newText: lookup }];
}

const VSCODE_OR_CURSOR_MCP = /(?:^|\/)\.(?:vscode|cursor)\/mcp\.json$/;
const CLAUDE_CODE_MCP = /(?:^|\/)\.mcp\.json$/;

/** Whether [start, end) lies inside one JSON string on its line, with no quote or escape in it. */
function insideJsonString(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (value.includes('"') || value.includes('\\') || value.includes('\n')) return false;
  let inString = false;
  for (let i = text.lastIndexOf('\n', start - 1) + 1; i < start; i++) {
    if (text[i] === '\\' && inString) i++;
    else if (text[i] === '"') inString = !inString;
  }
  const close = text.indexOf('"', end);
  return inString && close >= 0 && !text.slice(end, close).includes('\n');
}

/** Spring Boot's own config files, which resolve `${NAME}` from the environment. */
const SPRING_PROPERTIES = /^(?:application|bootstrap)(?:-[\w.-]+)?\.properties$/;

// ── Other languages: from the text around the literal ─────────────────────────────────────────────

interface LexicalLookup {
  extensions: string[];
  /** The quotes a plain string literal may use. */
  quotes: string;
  /** Letters before the opening quote that belong to the literal and keep it a plain string (C#'s verbatim `@`). */
  prefix?: RegExp;
  lookup(name: string): string;
  /** Whether the language reads this literal's text as something else than its characters (escapes, interpolation). */
  interprets(value: string, quote: string, prefix: string): boolean;
  /** Where only a constant may stand: tested on the code from the statement's start (after `;`, `{` or `}`) to the literal. */
  constantOnly?: RegExp[];
  /** Tested on the code from the line's start to the literal. */
  constantOnLine?: RegExp;
  /** Whether the file can use the lookup as it is (Go's `os` must be imported). */
  usable?(text: string, at: number): boolean;
  /** The language has heredocs (`<<~EOS`, PHP's `<<<EOS`), whose quotes are their text. */
  heredocs?: boolean;
}

/** Inside an annotation's or attribute's arguments: `@Value("…")`, `[Obsolete("…")]`. */
const ANNOTATION_ARGUMENTS = /@[\w.:]+\s*\((?:[^()]|\([^()]*\))*$/;
const ATTRIBUTE_ARGUMENTS = /\[\s*[\w.]+\s*\((?:[^()]|\([^()]*\))*$/;
const CASE_LABEL = /\bcase\s+$/;
/** Inside a method's parameter list, as a default: `void Connect(string password = "…")`. */
const PARAMETER_DEFAULT = /\((?:[^()]*,)?\s*(?:(?:ref|in|out|params|this)\s+)?[\w.<>[\]?]+\s+\w+\s*=\s*$/;
const BACKSLASH = (value: string) => value.includes('\\');

const LEXICAL_LOOKUPS: LexicalLookup[] = [
  {
    extensions: ['.go'],
    quotes: '"',
    lookup: (name) => `os.Getenv("${name}")`,
    interprets: BACKSLASH,
    constantOnLine: /\bconst\b/,
    usable: (text, at) => /^[ \t]*"os"[ \t]*$|import[ \t]+"os"/m.test(text) && !insideGoConstBlock(text, at),
  },
  {
    extensions: ['.java', '.scala'],
    quotes: '"',
    lookup: (name) => `System.getenv("${name}")`,
    interprets: BACKSLASH,
    constantOnly: [ANNOTATION_ARGUMENTS, CASE_LABEL],
  },
  {
    extensions: ['.kt', '.kts', '.groovy', '.gradle'],
    quotes: `"'`,
    lookup: (name) => `System.getenv("${name}")`,
    // `$name` and `${…}` interpolate in double-quoted strings (Kotlin has no single-quoted strings: a char).
    interprets: (value, quote) => BACKSLASH(value) || (quote === '"' && value.includes('$')),
    constantOnly: [ANNOTATION_ARGUMENTS],
    constantOnLine: /\bconst\s+val\b/,
  },
  {
    extensions: ['.cs'],
    quotes: '"',
    prefix: /@$/,
    lookup: (name) => `System.Environment.GetEnvironmentVariable("${name}")`,
    interprets: (value, _quote, prefix) => (prefix === '@' ? value.includes('"') : BACKSLASH(value)),
    constantOnly: [ATTRIBUTE_ARGUMENTS, CASE_LABEL, PARAMETER_DEFAULT],
    constantOnLine: /\bconst\b/,
  },
  {
    extensions: ['.rb', '.rake'],
    quotes: `"'`,
    // ENV.fetch raises when the variable is missing, instead of going on with nil.
    lookup: (name) => `ENV.fetch("${name}")`,
    interprets: (value, quote) => BACKSLASH(value) || (quote === '"' && /#[{@$]/.test(value)),
    heredocs: true,
  },
  {
    extensions: ['.php'],
    quotes: `"'`,
    lookup: (name) => `getenv('${name}')`,
    interprets: (value, quote) => BACKSLASH(value) || (quote === '"' && /[$]/.test(value)),
    heredocs: true,
    // Class constants, property and parameter defaults, static variables: constant expressions only.
    constantOnly: [/\bconst\b/, /^\s*(?:#\[[^\]]*\]\s*)*(?:(?:public|protected|private|var|readonly|static|final)\s+)+/, /\bfunction\b[^{;]*\([^)]*$/, /\bstatic\s+\$\w+\s*=/, /\bcase\s+$/],
  },
];

function lexicalLookup(language: LexicalLookup, text: string, start: number, end: number, name: string): RawTextChange[] | undefined {
  const quote = text[start - 1];
  if (!quote || !language.quotes.includes(quote) || text[end] !== quote) return lexicalLookupInsideLiteral(language, text, start, end, name);
  // Not a triple-quoted string (Kotlin, Groovy, Scala) nor an empty one beside it.
  if (text[start - 2] === quote || text[end + 1] === quote) return undefined;
  const prefix = language.prefix?.exec(text.slice(Math.max(0, start - 3), start - 1))?.[0] ?? '';
  const open = start - 1 - prefix.length;
  if (anotherKindOfLiteral(text, open) || (language.heredocs && insideHeredoc(text, open)) || language.interprets(text.slice(start, end), quote, prefix) || !lookupMayStand(language, text, open)) return undefined;
  return [{ start: open, end: end + 1, newText: language.lookup(name) }];
}

/**
 * A letter or `$` right before the quote makes another kind of literal (C#'s `$"…"`, Scala's `s"…"`); `:"…"`
 * is a Ruby symbol. And quotes inside a text block (`"""…"""`: Java, Kotlin, Groovy, Scala, C#) or a Go raw
 * string (a backquote) are its text, not a literal of their own: an odd number of them before this one.
 */
function anotherKindOfLiteral(text: string, open: number): boolean {
  const before = text[open - 1] ?? '';
  if (/[\w$@]/.test(before) || (before === ':' && !/\w/.test(text[open - 2] ?? ''))) return true;
  const preceding = text.slice(0, open);
  return (preceding.split('"""').length - 1) % 2 === 1 || (preceding.split('`').length - 1) % 2 === 1;
}

/** A heredoc's opening: Ruby's `<<~EOS`, `<<-EOS`, `<<EOS` (maybe quoted), PHP's `<<<EOS`, `<<<'EOS'`. */
const HEREDOC_OPENING = /<<(?:<[ \t]*|[~-]?)(["'`]?)([A-Za-z_]\w{0,60})\1/g;

/** Whether `at` is in the body of a heredoc: the last one opened before it, on an earlier line, has not met its terminator yet. */
function insideHeredoc(text: string, at: number): boolean {
  const preceding = text.slice(Math.max(0, at - 20000), at);
  let last: RegExpExecArray | undefined;
  for (const match of preceding.matchAll(HEREDOC_OPENING)) last = match;
  if (!last) return false;
  const body = preceding.indexOf('\n', last.index + last[0].length);
  if (body < 0) return false;
  return !new RegExp(`^[ \\t]*${last[2]}\\b`, 'm').test(preceding.slice(body + 1));
}

/** Whether an expression may stand where a literal opens at `open`: not where only a constant may, and the file can use the lookup. */
function lookupMayStand(language: LexicalLookup, text: string, open: number): boolean {
  // The statement so far; a declaration's start is never far from its value (the patterns run on at most 2,000 characters).
  const statement = text.slice(Math.max(text.lastIndexOf(';', open), text.lastIndexOf('{', open), text.lastIndexOf('}', open), open - 2000) + 1, open);
  if (language.constantOnly?.some((pattern) => pattern.test(statement))) return false;
  if (language.constantOnLine?.test(text.slice(text.lastIndexOf('\n', open - 1) + 1, open))) return false;
  return !language.usable || language.usable(text, open);
}

/**
 * A secret that is a part of a plain one-line string (a URL's `?apiKey=…`): the string split around the
 * lookup and joined again, in brackets so that what follows applies to the whole (`("…" + System.getenv("…") +
 * "…").getBytes()`); PHP joins with `.`. Not in a string the language reads differently (escapes,
 * interpolation), a triple-quoted or prefixed one, or where only a constant may stand.
 */
function lexicalLookupInsideLiteral(language: LexicalLookup, text: string, start: number, end: number, name: string): RawTextChange[] | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const literal = literalOnLine(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd), start - lineStart, end - lineStart, language.quotes);
  if (!literal) return undefined;
  const open = lineStart + literal.open;
  const close = lineStart + literal.close;
  const quote = text[open];
  if (text[open - 1] === quote || text[close + 1] === quote || anotherKindOfLiteral(text, open) || (language.heredocs && insideHeredoc(text, open))) return undefined;
  if (language.interprets(text.slice(open + 1, close), quote, '') || !lookupMayStand(language, text, open)) return undefined;
  const head = text.slice(open + 1, start);
  const tail = text.slice(end, close);
  const parts = [...(head ? [quote + head + quote] : []), language.lookup(name), ...(tail ? [quote + tail + quote] : [])];
  return [{ start: open, end: close + 1, newText: `(${parts.join(language.extensions.includes('.php') ? ' . ' : ' + ')})` }];
}

/**
 * The literal of a line, quoted with one of `quotes`, that holds [from, to) between its quotes (backslash
 * escapes skipped); undefined when it is not found, or when `unreadable` says at a character before it
 * that the line cannot be read past there (Python's comments and triple quotes).
 */
function literalOnLine(line: string, from: number, to: number, quotes: string, unreadable?: (at: number) => boolean): { open: number; close: number } | undefined {
  for (let i = 0; i < line.length; i++) {
    if (unreadable?.(i)) return undefined;
    if (!quotes.includes(line[i])) continue;
    let close = i + 1;
    while (close < line.length && line[close] !== line[i]) close += line[close] === '\\' ? 2 : 1;
    if (close >= line.length) return undefined;
    if (i < from && to <= close) return { open: i, close };
    i = close;
  }
  return undefined;
}

/** `const (\n  key = "…"\n)`: the last `const (` before `at` has not been closed. */
function insideGoConstBlock(text: string, at: number): boolean {
  const opening = /\bconst\s*\(/g;
  let last = -1;
  for (let match = opening.exec(text); match && match.index < at; match = opening.exec(text)) last = match.index + match[0].length;
  return last >= 0 && !text.slice(last, at).includes(')');
}
