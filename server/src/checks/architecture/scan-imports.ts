// Module references from the token stream alone (no syntax tree): a scanner pass is several times
// faster than a parse, which matters when the whole workspace is indexed. It recognises the same
// forms as `findModuleReferences` in imports.ts, type-only ones included; a test holds them equal.
import * as ts from 'typescript';
import type { ModuleReference } from './imports';

const K = ts.SyntaxKind;

/** Tokens after which a `/` starts a regular expression rather than a division. */
const DIVISION_AFTER = new Set<ts.SyntaxKind>([
  K.Identifier, K.PrivateIdentifier, K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.NoSubstitutionTemplateLiteral,
  K.TemplateTail, K.RegularExpressionLiteral, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken,
  K.ThisKeyword, K.SuperKeyword, K.TrueKeyword, K.FalseKeyword, K.NullKeyword, K.PlusPlusToken, K.MinusMinusToken,
]);

interface Token {
  kind: ts.SyntaxKind;
  start: number;
  end: number;
  text: string;
}

export function scanModuleReferences(text: string): ModuleReference[] {
  const tokens = tokenize(text);
  const references: ModuleReference[] = [];
  const at = (i: number): Token | undefined => tokens[i];
  const isString = (token: Token | undefined) => token?.kind === K.StringLiteral || token?.kind === K.NoSubstitutionTemplateLiteral;
  const add = (token: Token, kind: ModuleReference['kind'], typeOnly: boolean) =>
    references.push({ specifier: token.text, start: token.start, end: token.end, kind, typeOnly });

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = at(i - 1)?.kind;
    if (previous === K.DotToken || previous === K.QuestionDotToken) continue; // obj.import / obj.require
    if (token.kind === K.ImportKeyword) {
      const next = at(i + 1);
      if (next?.kind === K.OpenParenToken) {
        const argument = at(i + 2);
        if (isString(argument) && (at(i + 3)?.kind === K.CloseParenToken || at(i + 3)?.kind === K.CommaToken)) {
          // `import("x").T` or `typeof import("x")` in a type is a type reference, not a load.
          const typeReference = previous === K.TypeOfKeyword || isImportType(tokens, i + 3);
          add(argument!, typeReference ? 'import' : 'dynamic-import', typeReference);
        }
      } else if (next && next.kind !== K.DotToken) {
        i = importDeclaration(tokens, i, add);
      }
    } else if (token.kind === K.ExportKeyword) {
      i = exportDeclaration(tokens, i, add);
    } else if (isRequire(token) && at(i + 1)?.kind === K.OpenParenToken) {
      const argument = at(i + 2);
      if (isString(argument) && (at(i + 3)?.kind === K.CloseParenToken || at(i + 3)?.kind === K.CommaToken) && previous !== K.FunctionKeyword) {
        add(argument!, 'require', false);
      }
    }
  }
  return references;
}

/**
 * `import("x").A.B` used as a type: after the closing parenthesis comes a qualified name that is not
 * called (a dynamic import is followed by `.then(`, `;` or `)`).
 */
function isImportType(tokens: Token[], closeParen: number): boolean {
  if (tokens[closeParen]?.kind !== K.CloseParenToken) return false;
  let i = closeParen + 1;
  if (tokens[i]?.kind !== K.DotToken) return false;
  while (tokens[i]?.kind === K.DotToken && isName(tokens[i + 1])) i += 2;
  const after = tokens[i]?.kind;
  return after !== K.OpenParenToken && after !== K.QuestionDotToken && after !== K.DotToken && after !== K.NoSubstitutionTemplateLiteral && after !== K.TemplateHead;
}

type Add = (token: Token, kind: ModuleReference['kind'], typeOnly: boolean) => void;

/** `import …` at `i`; returns the index of the last token consumed. */
function importDeclaration(tokens: Token[], i: number, add: Add): number {
  let j = i + 1;
  const first = tokens[j];
  if (!first) return i;
  if (first.kind === K.StringLiteral) {
    add(first, 'import', false);
    return j;
  }
  let typeOnly = false;
  // `import type X …` vs `import type from "x"` / `import type, { a } from "x"` (a default named `type`).
  if (first.kind === K.TypeKeyword && tokens[j + 1] && tokens[j + 1].kind !== K.CommaToken && !(isFrom(tokens[j + 1]) && tokens[j + 2]?.kind === K.StringLiteral)) {
    typeOnly = true;
    j++;
  }
  // import X = require("x")
  if (isName(tokens[j]) && tokens[j + 1]?.kind === K.EqualsToken) {
    if (!isRequireCall(tokens, j + 2)) return j;
    add(tokens[j + 4], 'import-equals', typeOnly);
    return j + 5;
  }
  let sawRuntimeBinding = false;
  let sawNamed = false;
  let allNamedTypeOnly = true;
  for (; j < tokens.length; j++) {
    const token = tokens[j];
    if (isFrom(token) && tokens[j + 1]?.kind === K.StringLiteral && (j > i + 1)) {
      const namedOnlyTypes = sawNamed && allNamedTypeOnly && !sawRuntimeBinding;
      add(tokens[j + 1], 'import', typeOnly || namedOnlyTypes);
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
function exportDeclaration(tokens: Token[], i: number, add: Add): number {
  let j = i + 1;
  let typeOnly = false;
  if (tokens[j]?.kind === K.TypeKeyword && (tokens[j + 1]?.kind === K.OpenBraceToken || tokens[j + 1]?.kind === K.AsteriskToken)) {
    typeOnly = true;
    j++;
  }
  const token = tokens[j];
  if (!token) return i;
  if (token.kind === K.ImportKeyword && isName(tokens[j + 1]) && tokens[j + 2]?.kind === K.EqualsToken) {
    if (!isRequireCall(tokens, j + 3)) return j;
    add(tokens[j + 5], 'import-equals', false);
    return j + 6;
  }
  if (token.kind === K.AsteriskToken) {
    let k = j + 1;
    if (tokens[k]?.kind === K.AsKeyword) k += 2;
    if (isFrom(tokens[k]) && tokens[k + 1]?.kind === K.StringLiteral) {
      add(tokens[k + 1], 'export', typeOnly);
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
    if (isFrom(tokens[close + 1]) && tokens[close + 2]?.kind === K.StringLiteral) {
      add(tokens[close + 2], 'export', typeOnly || (count > 0 && typeOnlyCount === count));
      return close + 2;
    }
    return close;
  }
  return j - 1;
}

/** Walks `{ a, type B, c as d }` from the `{` at `open`; returns the index of `}`, or -1. */
function namedElements(tokens: Token[], open: number, element: (typeOnly: boolean) => void): number {
  let current: Token[] = [];
  const flush = () => {
    if (current.length === 0) return;
    // `type X` and `type X as Y` are type-only; `type`, `type as X` import a binding named `type`.
    const typeOnly = current[0].kind === K.TypeKeyword && current.length >= 2 && !(current[1].kind === K.AsKeyword && current.length === 3);
    element(typeOnly);
    current = [];
  };
  for (let j = open + 1; j < tokens.length; j++) {
    const kind = tokens[j].kind;
    if (kind === K.CloseBraceToken) {
      flush();
      return j;
    }
    if (kind === K.CommaToken) flush();
    else if (isName(tokens[j]) || kind === K.StringLiteral) current.push(tokens[j]);
    else return -1;
  }
  return -1;
}

function isRequireCall(tokens: Token[], j: number): boolean {
  return isRequire(tokens[j]) && tokens[j + 1]?.kind === K.OpenParenToken && tokens[j + 2]?.kind === K.StringLiteral && tokens[j + 3]?.kind === K.CloseParenToken;
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

/** The significant tokens of the text, with template literals and regular expressions rescanned. */
function tokenize(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const tokens: Token[] = [];
  const templateDepths: number[] = [];
  let braceDepth = 0;
  let previous: ts.SyntaxKind | undefined;
  for (;;) {
    let kind = scanner.scan();
    if (kind === K.EndOfFileToken) break;
    if (kind === K.OpenBraceToken) braceDepth++;
    else if (kind === K.CloseBraceToken) {
      if (templateDepths.length > 0 && templateDepths[templateDepths.length - 1] === braceDepth) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === K.TemplateTail) templateDepths.pop();
      } else braceDepth--;
    } else if (kind === K.TemplateHead) templateDepths.push(braceDepth);
    else if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && (previous === undefined || !DIVISION_AFTER.has(previous))) {
      kind = scanner.reScanSlashToken();
    }
    // Keywords used as identifiers (`type`, `from`, `as`…) keep their keyword kind; `isName` accepts both.
    const start = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    const isLiteral = kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral;
    tokens.push({ kind, start, end, text: isLiteral ? scanner.getTokenValue() : kind === K.Identifier ? scanner.getTokenValue() : '' });
    previous = kind;
  }
  return tokens;
}
