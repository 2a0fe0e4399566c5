// The keys that enclose a value, read without parsing: brackets (JSON, JavaScript, Python, HCL) walked
// back to each enclosing `{` or `[` and the key before it, and YAML's less indented lines. Three uses:
// - values written as examples: an OpenAPI or JSON Schema `example`/`examples` object, a `sample` block of
//   a config file, a triple-quoted string assigned to `EXAMPLES` (the usage examples of Ansible's modules,
//   each a playbook with made-up passwords, live in one) or holding a doctest (`>>> session.fetch_token(…)`
//   and the dict it prints, in a docstring). The generic rule reads a credential's name only
//   (`password`), so it would report the `"password": "superSecure123"` of an API description's request
//   example. Provider formats are not asked: a real token pasted into an example still leaks;
// - the owner of a value named only `key`: ASP.NET's `"Jwt": { "Key": … }`, `stripe:\n  key: …`;
// - the name paired with a value named only `value`: a container's environment entry, `- name: DB_PASSWORD`
//   and `value: "…"` (Kubernetes, ECS task definitions, App Service settings).
import { nameWords } from './generic';

const EXAMPLE_WORDS = new Set(['example', 'examples', 'sample', 'samples']);
/** How far back to look for the enclosing keys, and how many levels up. */
const REACH = 4000;
const MAX_LEVELS = 8;

/** Whether a key's name says that what it holds is an example (`example`, `x-example`, `requestSamples`). */
function isExampleName(name: string): boolean {
  return nameWords(name).some((word) => EXAMPLE_WORDS.has(word));
}

/**
 * Whether the value at `valueStart` is inside an object or list held by an example key: braces and
 * brackets (JSON, JavaScript, Python, HCL) and, in YAML, indentation.
 */
export function insideExample(text: string, valueStart: number, yaml: boolean): boolean {
  return some(keysByBrackets(text, valueStart), isExampleName) || (yaml && (some(keysByIndentation(text, valueStart), isExampleName) || insideDocumentationBlock(text, valueStart))) || insideExampleString(text, valueStart);
}

/**
 * Whether the value is text of a YAML block scalar that documents something: an OpenAPI or JSON Schema
 * `description` (Docker Engine's API shows an X-Registry-Config header's JSON, with `"password":
 * "hunter2"`, in one), a `summary`, a `help`. A block scalar under any other key can be a whole config
 * file (a ConfigMap's `config.yaml: |`), whose values still count.
 */
function insideDocumentationBlock(text: string, valueStart: number): boolean {
  for (const line of linesByIndentation(text, valueStart)) {
    const header = BLOCK_SCALAR_HEADER.exec(line);
    if (header) return nameWords(header[1]).some((word) => DOCUMENTATION_WORDS.has(word));
  }
  return false;
}

const DOCUMENTATION_WORDS = new Set(['description', 'summary', 'help', 'doc', 'docs', 'documentation', 'usage']);
/** A YAML key whose value is a block scalar: `description: |`, `- summary: >-`, `help: |2 # comment`. */
const BLOCK_SCALAR_HEADER = /^\s*(?:-\s+)?["']?([\w$.-]+)["']?\s*:\s*[|>][+-]?\d?[+-]?\s*(?:#.*)?$/;

/** The key of the object that holds the value at `valueStart` (by indentation in YAML, else by brackets), if it has one. */
export function parentKey(text: string, valueStart: number, yaml: boolean): string | undefined {
  for (const key of yaml ? keysByIndentation(text, valueStart) : keysByBrackets(text, valueStart)) return key;
  return undefined;
}

function some(keys: Iterable<string>, test: (key: string) => boolean): boolean {
  for (const key of keys) if (test(key)) return true;
  return false;
}

/**
 * Whether the value is inside a triple-quoted string (Python, Kotlin, Scala, Groovy) assigned to an
 * example name, `EXAMPLES = r'''…'''`, or holding a doctest: a docstring's `>>>` session is
 * documentation. The file's triple quotes are paired from its start (such a string runs for hundreds of
 * lines), once per text.
 */
function insideExampleString(text: string, valueStart: number): boolean {
  const spans = exampleStrings(text);
  // The last string opening before the value: the value is inside it when it closes after.
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start < valueStart) low = middle + 1;
    else high = middle - 1;
  }
  return high >= 0 && valueStart < spans[high].end;
}

/** The last text's example strings: a file with many values to judge is paired once, not once per value. */
let exampleStringsOf: { text: string; spans: Array<{ start: number; end: number }> } | undefined;

/** The triple-quoted strings of `text` assigned to an example name, in order (an unclosed one runs to the end). */
function exampleStrings(text: string): Array<{ start: number; end: number }> {
  if (exampleStringsOf?.text === text) return exampleStringsOf.spans;
  const spans: Array<{ start: number; end: number }> = [];
  // The next `"""` and the next `'''`, each searched for again only once passed (a file with only one
  // kind would otherwise be searched to its end for the other at every quote).
  let double = text.indexOf('"""');
  let single = text.indexOf("'''");
  let open: { at: number; quote: string } | undefined;
  for (;;) {
    const at = double < 0 ? single : single < 0 ? double : Math.min(double, single);
    if (at < 0) break;
    const quote = at === double ? '"""' : "'''";
    // The other kind of quotes inside a string is its text; a pair opens or closes a string.
    const pairs = !open || open.quote === quote;
    if (pairs && !open) open = { at, quote };
    else if (pairs && open) {
      if (isExampleString(text, open.at) || holdsDoctest(text, open.at + 3, at)) spans.push({ start: open.at, end: at });
      open = undefined;
    }
    const next = pairs ? at + 3 : at + 1;
    if (at === double) double = text.indexOf('"""', next);
    else single = text.indexOf("'''", next);
  }
  if (open && isExampleString(text, open.at)) spans.push({ start: open.at, end: text.length });
  exampleStringsOf = { text, spans };
  return spans;
}

/** Whether the text between `start` and `end` has a line of an interactive session: `>>> `. */
function holdsDoctest(text: string, start: number, end: number): boolean {
  return /^[ \t]*>>> /m.test(text.slice(start, end));
}

/** Whether the string opening at `at` is assigned to an example name (`EXAMPLES = r'''`). */
function isExampleString(text: string, at: number): boolean {
  const name = NAME_BEFORE_STRING.exec(text.slice(Math.max(0, at - 100), at));
  return !!name && isExampleName(name[1]);
}

/** `EXAMPLES = r`, `val example = ` before a string's opening quotes (Python's string prefixes allowed). */
const NAME_BEFORE_STRING = /([A-Za-z_][\w]*)\s*(?::\s*[\w.]+\s*)?=\s*[rRuUbBfF]{0,2}$/;

/** Walks back over balanced brackets to each enclosing `{` or `[`, and yields the key before it (none for a bracket without one). */
function* keysByBrackets(text: string, valueStart: number): Generator<string> {
  let levels = 0;
  for (const opening of enclosingOpenings(text, valueStart, REACH)) {
    const key = KEY_BEFORE_OPENING.exec(text.slice(Math.max(0, opening - 100), opening));
    if (key) yield key[1];
    if (++levels >= MAX_LEVELS) return;
  }
}

/** Where each `{` or `[` that encloses `valueStart` opens, innermost first, within `reach` characters back. */
function* enclosingOpenings(text: string, valueStart: number, reach: number): Generator<number> {
  let depth = 0;
  const stop = Math.max(0, valueStart - reach);
  for (let i = valueStart - 1; i >= stop; i--) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth++;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth > 0) depth--;
      else yield i;
    }
  }
}

/** Walks up the YAML lines that are less indented than the value's, yielding each one's key. */
function* keysByIndentation(text: string, valueStart: number): Generator<string> {
  for (const line of linesByIndentation(text, valueStart)) {
    const key = YAML_KEY.exec(line);
    if (key) yield key[1];
  }
}

/** The lines above the value's that are less indented than every line between (its YAML parents), nearest first, comments skipped. */
function* linesByIndentation(text: string, valueStart: number): Generator<string> {
  const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
  let indent = indentationAt(text, lineStart);
  let end = lineStart - 1;
  const stop = Math.max(0, valueStart - REACH);
  while (indent > 0 && end > stop) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const lineIndent = indentationAt(line, 0);
    if (lineIndent >= indent || lineIndent === line.length || line[lineIndent] === '#') continue;
    indent = lineIndent;
    yield line;
  }
}

function indentationAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - lineStart;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** `"example": {`, `example = [`, `examples: [`: the key just before an opening bracket. */
const KEY_BEFORE_OPENING = /["']?([\w$.-]+)["']?\s*(?::|=>?)\s*$/;
/** A YAML mapping key, maybe a list item's: `examples:`, `- sample:`, `"x-example":`. */
const YAML_KEY = /^\s*(?:-\s+)?["']?([\w$.-]+)["']?\s*:/;

/** How far a record's `name` may be from its `value`: an environment entry is a few lines. */
const PAIR_REACH = 600;
const PAIR_LINES = 12;
/**
 * A record's `name` field with its value: `name: DB_PASSWORD`, `"name": "API_TOKEN"`, `name = "X"`; or
 * its `key`, which names the `value` of a key/value record (a Postman collection's headers and variables,
 * AWS tags: `{ "key": "x-api-key", "value": "…" }`).
 */
const NAME_FIELD = /^["']?(?:[Nn]ame|[Kk]ey)["']?\s*[:=]\s*["']?([A-Za-z_][\w.-]{0,100})["']?\s*,?\s*$/;

/**
 * The `name` of the record holding a value named only `value`: a sibling field of the same list item
 * (YAML: the same key column, up to the item's `- `) or of the same braces (JSON, HCL, code).
 */
export function pairedName(text: string, valueStart: number, yaml: boolean): string | undefined {
  return yaml ? pairedNameByIndentation(text, valueStart) : pairedNameByBraces(text, valueStart);
}

function pairedNameByIndentation(text: string, valueStart: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
  const column = keyColumn(text, lineStart);
  // Up to the line that starts the item (unless the value's own line does), then down to the next item
  // or the end of the record.
  let start = lineStart;
  const startsItem = text.startsWith('- ', lineStart + indentationAt(text, lineStart));
  for (let n = 0; n < PAIR_LINES && start > 0 && !startsItem; n++) {
    start = text.lastIndexOf('\n', start - 2) + 1;
    const found = siblingName(text, start, column);
    if (found === null) break;
    if (found.name) return found.name;
    if (found.itemStart) break;
  }
  let next = text.indexOf('\n', valueStart);
  for (let n = 0; n < PAIR_LINES && next >= 0; n++) {
    const found = siblingName(text, next + 1, column);
    if (found === null || found.itemStart) break;
    if (found.name) return found.name;
    next = text.indexOf('\n', next + 1);
  }
  return undefined;
}

/** A line as a sibling of a key at `column`: null when it is not one (less or more indented), with its name if it is a `name` field. */
function siblingName(text: string, lineStart: number, column: number): { name?: string; itemStart: boolean } | null {
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
  if (!line.trim()) return { itemStart: false };
  if (keyColumn(text, lineStart) !== column) return null;
  const indent = indentationAt(line, 0);
  const itemStart = line.startsWith('- ', indent);
  const name = NAME_FIELD.exec(line.slice(itemStart ? indent + 2 : indent).trim())?.[1];
  return { name, itemStart };
}

/** Where a YAML line's key starts: after its indentation and a list item's `- `. */
function keyColumn(text: string, lineStart: number): number {
  let column = indentationAt(text, lineStart);
  while (text.startsWith('- ', lineStart + column)) column += 2 + indentationAt(text, lineStart + column + 2);
  return column;
}

function pairedNameByBraces(text: string, valueStart: number): string | undefined {
  // The enclosing braces: back to the innermost unmatched `{` (a record, not a list), on to its `}`.
  const open = enclosingOpenings(text, valueStart, PAIR_REACH).next().value;
  if (open === undefined || text.charCodeAt(open) !== OPEN_BRACE) return undefined;
  // The record's fields at its own level, split at its commas and line ends (nested records skipped).
  let field = '';
  let depth = 0;
  for (let i = open + 1; i < Math.min(text.length, open + 2 * PAIR_REACH); i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
    else if (c === '}' || c === ']') break;
    else if (depth === 0 && (c === ',' || c === '\n')) {
      const name = NAME_FIELD.exec(field.trim())?.[1];
      if (name) return name;
      field = '';
      continue;
    }
    if (depth === 0) field += c;
  }
  return NAME_FIELD.exec(field.trim())?.[1];
}
