// Module references without a syntax tree: code-lexer.ts finds where `import`, `export` and
// `require` occur as code, and only the statement at each place is tokenised (TypeScript's scanner).
// That is many times faster than a parse, which matters when the whole workspace is indexed. It
// recognises the same forms as `findModuleReferences` in imports.ts, type-only ones included; a test
// holds them equal.
import ts from 'typescript';
import { findModuleKeywords } from './code-lexer';
import type { ModuleReference } from './imports';

// Set on first use: TypeScript loads only when a check needs it (see scripts/build.mjs).
let K: typeof ts.SyntaxKind;

interface Token {
  kind: ts.SyntaxKind;
  start: number;
  end: number;
  text: string;
}

/** Tokens from one place in the text on, scanned only as far as they are asked for. */
class TokenStream {
  private readonly tokens: Token[] = [];
  private done = false;

  constructor(private readonly scanner: ts.Scanner, text: string, start: number) {
    scanner.setText(text, start);
  }

  at(i: number): Token | undefined {
    while (!this.done && this.tokens.length <= i) {
      const kind = this.scanner.scan();
      if (kind === K.EndOfFileToken) {
        this.done = true;
        break;
      }
      const hasText = kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral || kind === K.Identifier;
      this.tokens.push({ kind, start: this.scanner.getTokenStart(), end: this.scanner.getTokenEnd(), text: hasText ? this.scanner.getTokenValue() : '' });
    }
    return this.tokens.at(i);
  }
}

let scanner: ts.Scanner | undefined;

export function scanModuleReferences(text: string): ModuleReference[] {
  K ??= ts.SyntaxKind;
  scanner ??= ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);
  const references: ModuleReference[] = [];
  const isString = (token: Token | undefined) => token?.kind === K.StringLiteral || token?.kind === K.NoSubstitutionTemplateLiteral;
  const add = (token: Token, kind: ModuleReference['kind'], typeOnly: boolean) =>
    references.push({ specifier: token.text, start: token.start, end: token.end, kind, typeOnly });
  let consumedUntil = 0;

  for (const hit of findModuleKeywords(text)) {
    if (hit.start < consumedUntil) continue; // inside a statement already read (`export import x = require(…)`)
    const tokens = new TokenStream(scanner, text, hit.start);
    const token = tokens.at(0)!;
    let last = 0;
    if (token.kind === K.ImportKeyword) {
      const next = tokens.at(1);
      if (next?.kind === K.OpenParenToken) {
        const argument = tokens.at(2);
        if (isString(argument) && (tokens.at(3)?.kind === K.CloseParenToken || tokens.at(3)?.kind === K.CommaToken)) {
          // `import("x").T` or `typeof import("x")` in a type is a type reference, not a load.
          const typeReference = hit.previous === 'typeof' || isImportType(tokens, 3);
          add(argument!, typeReference ? 'import' : 'dynamic-import', typeReference);
          last = 3;
        }
      } else if (next && next.kind !== K.DotToken) {
        last = importDeclaration(tokens, 0, add);
      }
    } else if (token.kind === K.ExportKeyword) {
      last = exportDeclaration(tokens, 0, add);
    } else if (isRequire(token) && tokens.at(1)?.kind === K.OpenParenToken) {
      const argument = tokens.at(2);
      if (isString(argument) && (tokens.at(3)?.kind === K.CloseParenToken || tokens.at(3)?.kind === K.CommaToken) && hit.previous !== 'function') {
        add(argument!, 'require', false);
        last = 3;
      }
    }
    consumedUntil = tokens.at(last)?.end ?? text.length;
  }
  return references;
}

/**
 * `import("x").A.B` used as a type: after the closing parenthesis comes a qualified name that is not
 * called (a dynamic import is followed by `.then(`, `;` or `)`).
 */
function isImportType(tokens: TokenStream, closeParen: number): boolean {
  if (tokens.at(closeParen)?.kind !== K.CloseParenToken) return false;
  let i = closeParen + 1;
  if (tokens.at(i)?.kind !== K.DotToken) return false;
  while (tokens.at(i)?.kind === K.DotToken && isName(tokens.at(i + 1))) i += 2;
  const after = tokens.at(i)?.kind;
  return after !== K.OpenParenToken && after !== K.QuestionDotToken && after !== K.DotToken && after !== K.NoSubstitutionTemplateLiteral && after !== K.TemplateHead;
}

type Add = (token: Token, kind: ModuleReference['kind'], typeOnly: boolean) => void;

/** `import …` at `i`; returns the index of the last token consumed. */
function importDeclaration(tokens: TokenStream, i: number, add: Add): number {
  let j = i + 1;
  const first = tokens.at(j);
  if (!first) return i;
  if (first.kind === K.StringLiteral) {
    add(first, 'import', false);
    return j;
  }
  let typeOnly = false;
  // `import type X …` vs `import type from "x"` / `import type, { a } from "x"` (a default named `type`).
  if (first.kind === K.TypeKeyword && tokens.at(j + 1) && tokens.at(j + 1)!.kind !== K.CommaToken && !(isFrom(tokens.at(j + 1)) && tokens.at(j + 2)?.kind === K.StringLiteral)) {
    typeOnly = true;
    j++;
  }
  // import X = require("x")
  if (isName(tokens.at(j)) && tokens.at(j + 1)?.kind === K.EqualsToken) {
    if (!isRequireCall(tokens, j + 2)) return j;
    add(tokens.at(j + 4)!, 'import-equals', typeOnly);
    return j + 5;
  }
  let sawRuntimeBinding = false;
  let sawNamed = false;
  let allNamedTypeOnly = true;
  for (let token = tokens.at(j); token; token = tokens.at(++j)) {
    if (isFrom(token) && tokens.at(j + 1)?.kind === K.StringLiteral && (j > i + 1)) {
      const namedOnlyTypes = sawNamed && allNamedTypeOnly && !sawRuntimeBinding;
      add(tokens.at(j + 1)!, 'import', typeOnly || namedOnlyTypes);
      return j + 1;
    }
    if (token.kind === K.OpenBraceToken) {
      const close = namedElements(tokens, j, (elementTypeOnly) => {
        sawNamed = true;
        if (!elementTypeOnly) allNamedTypeOnly = false;
      });
      if (close < 0) return j;
      j = close;
    } else if (token.kind === K.AsteriskToken || isName(token)) {
      sawRuntimeBinding = true; // a default or namespace binding
      if (token.kind === K.AsteriskToken) j += 2; // `* as ns`
    } else if (token.kind !== K.CommaToken) {
      return j - 1; // not an import declaration after all
    }
  }
  return j;
}

/** `export …` at `i`; returns the index of the last token consumed. */
function exportDeclaration(tokens: TokenStream, i: number, add: Add): number {
  let j = i + 1;
  let typeOnly = false;
  if (tokens.at(j)?.kind === K.TypeKeyword && (tokens.at(j + 1)?.kind === K.OpenBraceToken || tokens.at(j + 1)?.kind === K.AsteriskToken)) {
    typeOnly = true;
    j++;
  }
  const token = tokens.at(j);
  if (!token) return i;
  if (token.kind === K.ImportKeyword && isName(tokens.at(j + 1)) && tokens.at(j + 2)?.kind === K.EqualsToken) {
    if (!isRequireCall(tokens, j + 3)) return j;
    add(tokens.at(j + 5)!, 'import-equals', false);
    return j + 6;
  }
  if (token.kind === K.AsteriskToken) {
    let k = j + 1;
    if (tokens.at(k)?.kind === K.AsKeyword) k += 2;
    if (isFrom(tokens.at(k)) && tokens.at(k + 1)?.kind === K.StringLiteral) {
      add(tokens.at(k + 1)!, 'export', typeOnly);
      return k + 1;
    }
    return j;
  }
  if (token.kind === K.OpenBraceToken) {
    let count = 0;
    let typeOnlyCount = 0;
    const close = namedElements(tokens, j, (elementTypeOnly) => {
      count++;
      if (elementTypeOnly) typeOnlyCount++;
    });
    if (close < 0) return j;
    if (isFrom(tokens.at(close + 1)) && tokens.at(close + 2)?.kind === K.StringLiteral) {
      add(tokens.at(close + 2)!, 'export', typeOnly || (count > 0 && typeOnlyCount === count));
      return close + 2;
    }
    return close;
  }
  return j - 1;
}

/** Walks `{ a, type B, c as d }` from the `{` at `open`; returns the index of `}`, or -1. */
function namedElements(tokens: TokenStream, open: number, element: (typeOnly: boolean) => void): number {
  let current: Token[] = [];
  const flush = () => {
    if (current.length === 0) return;
    // `type X` and `type X as Y` are type-only; `type`, `type as X` import a binding named `type`.
    const typeOnly = current[0].kind === K.TypeKeyword && current.length >= 2 && !(current[1].kind === K.AsKeyword && current.length === 3);
    element(typeOnly);
    current = [];
  };
  for (let j = open + 1, token = tokens.at(j); token; token = tokens.at(++j)) {
    const kind = token.kind;
    if (kind === K.CloseBraceToken) {
      flush();
      return j;
    }
    if (kind === K.CommaToken) flush();
    else if (isName(token) || kind === K.StringLiteral) current.push(token);
    else return -1;
  }
  return -1;
}

function isRequireCall(tokens: TokenStream, j: number): boolean {
  return isRequire(tokens.at(j)) && tokens.at(j + 1)?.kind === K.OpenParenToken && tokens.at(j + 2)?.kind === K.StringLiteral && tokens.at(j + 3)?.kind === K.CloseParenToken;
}

function isRequire(token: Token | undefined): boolean {
  return token?.kind === K.RequireKeyword || (token?.kind === K.Identifier && token.text === 'require');
}

function isFrom(token: Token | undefined): boolean {
  return token?.kind === K.FromKeyword;
}

function isName(token: Token | undefined): boolean {
  return !!token && (token.kind === K.Identifier || (token.kind >= K.FirstKeyword && token.kind <= K.LastKeyword));
}

