// A fast pass over JavaScript/TypeScript text that skips comments, strings, templates and regular
// expressions and reports where the words `import`, `export` and `require` occur as code. Only those
// few places are then tokenised properly (scan-imports.ts), so indexing a workspace costs a quick
// character loop per file rather than a full tokenisation.

export interface KeywordHit {
  start: number;
  /** The significant token before it: a word, `.`, `...`, or another punctuation character. */
  previous: string;
}

const enum Char {
  Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32, Quote = 39, DoubleQuote = 34, Backtick = 96,
  Slash = 47, Star = 42, Backslash = 92, Dollar = 36, OpenBrace = 123, CloseBrace = 125, OpenBracket = 91,
  CloseBracket = 93, CloseParen = 41, Dot = 46, Hash = 35, Bang = 33,
}

/** Words after which an expression (and so a regular expression) may start. */
const BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends',
]);

const MAX_WORD = 10; // the longest word either set holds (`instanceof`)
const TEMPLATE = 1;
const BRACE = 0;

export function findModuleKeywords(text: string): KeywordHit[] {
  const hits: KeywordHit[] = [];
  const length = text.length;
  const stack: number[] = [];
  let i = text.charCodeAt(0) === Char.Hash && text.charCodeAt(1) === Char.Bang ? lineEnd(text, 0) : 0;
  let regexAllowed = true;
  let previous = '';
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === Char.Space || c === Char.LineFeed || c === Char.Tab || c === Char.CarriageReturn) {
      i++;
    } else if (c === Char.Slash) {
      const next = text.charCodeAt(i + 1);
      if (next === Char.Slash) i = lineEnd(text, i + 2);
      else if (next === Char.Star) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? length : close + 2;
      } else if (regexAllowed) {
        i = skipRegex(text, i);
        regexAllowed = false;
        previous = '/re/';
      } else {
        i++;
        regexAllowed = true;
        previous = '/';
      }
    } else if (c === Char.Quote || c === Char.DoubleQuote) {
      i = skipString(text, i, c);
      regexAllowed = false;
      previous = '"';
    } else if (c === Char.Backtick) {
      i = skipTemplate(text, i + 1, stack);
      regexAllowed = stack[stack.length - 1] === TEMPLATE && text.charCodeAt(i - 1) === Char.OpenBrace;
      previous = regexAllowed ? '${' : '`';
    } else if (c === Char.OpenBrace) {
      stack.push(BRACE);
      i++;
      regexAllowed = true;
      previous = '{';
    } else if (c === Char.CloseBrace) {
      if (stack.pop() === TEMPLATE) {
        i = skipTemplate(text, i + 1, stack);
        regexAllowed = stack[stack.length - 1] === TEMPLATE && text.charCodeAt(i - 1) === Char.OpenBrace;
        previous = regexAllowed ? '${' : '`';
      } else {
        i++;
        regexAllowed = false;
        previous = '}';
      }
    } else if (isIdentifierStart(c)) {
      const start = i;
      i++;
      while (i < length && isIdentifierPart(text.charCodeAt(i))) i++;
      // Only short lowercase words matter here; slicing every identifier would cost more than the scan.
      const first = text.charCodeAt(start);
      const word = i - start <= MAX_WORD && first >= 97 && first <= 122 ? text.slice(start, i) : 'x';
      if ((word === 'import' || word === 'export' || word === 'require') && previous !== '.') hits.push({ start, previous });
      regexAllowed = BEFORE_EXPRESSION.has(word);
      previous = word;
    } else if (c >= 48 && c <= 57) {
      i++;
      while (i < length && (isIdentifierPart(text.charCodeAt(i)) || text.charCodeAt(i) === Char.Dot)) i++;
      regexAllowed = false;
      previous = '0';
    } else {
      i++;
      regexAllowed = c !== Char.CloseParen && c !== Char.CloseBracket;
      previous = c === Char.Dot && text.charCodeAt(i - 2) === Char.Dot && text.charCodeAt(i - 3) === Char.Dot ? '...' : String.fromCharCode(c);
    }
  }
  return hits;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

function skipString(text: string, start: number, quote: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === Char.Backslash) j++;
    else if (c === Char.LineFeed || c === Char.CarriageReturn) return j; // unterminated: the string ends with the line
  }
  return text.length;
}

/** From inside a template: to after its closing backtick, or after a `${` (then pushed on the stack). */
function skipTemplate(text: string, from: number, stack: number[]): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === Char.Backtick) return j + 1;
    if (c === Char.Backslash) j++;
    else if (c === Char.Dollar && text.charCodeAt(j + 1) === Char.OpenBrace) {
      stack.push(TEMPLATE);
      return j + 2;
    }
  }
  return text.length;
}

function skipRegex(text: string, start: number): number {
  let inClass = false;
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === Char.Backslash) j++;
    else if (c === Char.LineFeed || c === Char.CarriageReturn) return j; // not a regular expression after all
    else if (c === Char.OpenBracket) inClass = true;
    else if (c === Char.CloseBracket) inClass = false;
    else if (c === Char.Slash && !inClass) {
      j++;
      while (j < text.length && isIdentifierPart(text.charCodeAt(j))) j++; // flags
      return j;
    }
  }
  return text.length;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === Char.Dollar || c === 95 || c > 127;
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || (c >= 48 && c <= 57);
}
