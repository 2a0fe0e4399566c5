// Values written as examples: an OpenAPI or JSON Schema `example`/`examples` object, a `sample` block of
// a config file. The generic rule reads a credential's name only (`password`), so it would report the
// `"password": "superSecure123"` of an API description's request example; these functions read the keys
// that enclose the value. Provider formats are not asked: a real token pasted into an example still leaks.
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
  return insideExampleBraces(text, valueStart) || (yaml && insideExampleIndentation(text, valueStart));
}

/** Walks back over balanced brackets to each enclosing `{` or `[`, and reads the key before it. */
function insideExampleBraces(text: string, valueStart: number): boolean {
  let depth = 0;
  let levels = 0;
  const stop = Math.max(0, valueStart - REACH);
  for (let i = valueStart - 1; i >= stop; i--) {
    const code = text.charCodeAt(i);
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth++;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth > 0) {
        depth--;
        continue;
      }
      const key = KEY_BEFORE_OPENING.exec(text.slice(Math.max(0, i - 100), i));
      if (key && isExampleName(key[1])) return true;
      if (++levels >= MAX_LEVELS) return false;
    }
  }
  return false;
}

/** Walks up the YAML lines that are less indented than the value's, reading each one's key. */
function insideExampleIndentation(text: string, valueStart: number): boolean {
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
    const key = YAML_KEY.exec(line);
    if (key && isExampleName(key[1])) return true;
  }
  return false;
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
