// Options objects passed to calls: what an argument holds (nothing, a literal we can read, or something
// we cannot see into), whether it sets a key, and the edit that adds a property to it.
import ts from 'typescript';
import { findDeclaration, isConstDeclaration } from './scope';
import type { RawTextChange } from '../../../engine/types';

export type OptionsArgument =
  | { kind: 'absent' }
  /** `inline`: the literal is the argument itself (an edit can merge into it); otherwise a `const` it names. */
  | { kind: 'literal'; literal: ts.ObjectLiteralExpression; inline: boolean }
  /** A value we cannot read (a parameter, a call, a spread): it may well set the key. */
  | { kind: 'unknown' };

/** The options argument at `index`, seen through the `const opts = { … }` it names (looked up by scope). */
export function optionsArgument(call: ts.CallExpression | ts.NewExpression, index: number): OptionsArgument {
  const argument = index < 0 ? undefined : call.arguments?.[index];
  if (!argument) return { kind: 'absent' };
  const inner = skipWrappers(argument);
  if (ts.isObjectLiteralExpression(inner)) return { kind: 'literal', literal: inner, inline: true };
  if (ts.isIdentifier(inner)) {
    const literal = constObjectOf(inner);
    if (literal) return { kind: 'literal', literal, inline: false };
  }
  return { kind: 'unknown' };
}

export type PropertyState = 'set' | 'missing' | 'disabled' | 'unknown';

/**
 * Whether a literal sets one of `keys`: `disabled` when it sets it to a value that switches it off
 * (`0`, `null`, `undefined`, `false`), `unknown` when a spread may set it.
 */
export function propertyState(literal: ts.ObjectLiteralExpression, keys: readonly string[]): PropertyState {
  let spread = false;
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property)) {
      spread = true;
      continue;
    }
    const name = property.name && propertyName(property.name);
    if (!name || !keys.includes(name)) continue;
    if (ts.isPropertyAssignment(property) && isOffValue(property.initializer)) return 'disabled';
    return 'set';
  }
  return spread ? 'unknown' : 'missing';
}

/** The value of a key set in a literal, when it is a plain property. */
export function propertyValue(literal: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of literal.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === key) return property.initializer;
  }
  return undefined;
}

function isOffValue(expression: ts.Expression): boolean {
  const inner = skipWrappers(expression);
  if (ts.isNumericLiteral(inner)) return Number(inner.text.replace(/_/g, '')) === 0;
  if (inner.kind === ts.SyntaxKind.NullKeyword || inner.kind === ts.SyntaxKind.FalseKeyword) return true;
  return ts.isIdentifier(inner) && inner.text === 'undefined';
}

export function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

export function skipWrappers(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
  return inner;
}

/**
 * The object literal a `const` of this name holds, in the scope of the use. By scope rather than by name
 * across the file: a name's meaning then depends only on the declarations that are in view, which is
 * what lets the editor re-check only the statements an edit affects (engine/incremental.ts).
 */
function constObjectOf(identifier: ts.Identifier): ts.ObjectLiteralExpression | undefined {
  const declaration = findDeclaration(identifier);
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  if (!isConstDeclaration(declaration)) return undefined;
  const literal = skipWrappers(declaration.initializer);
  return ts.isObjectLiteralExpression(literal) ? literal : undefined;
}

/**
 * The edit that adds `property` (e.g. `timeout: 10_000`) to an object literal, keeping its layout: on
 * its own line with the indentation of the last property when the literal spans lines, inline otherwise.
 */
export function addPropertyEdit(literal: ts.ObjectLiteralExpression, property: string, tree: ts.SourceFile): RawTextChange {
  const text = tree.text;
  const properties = literal.properties;
  if (properties.length === 0) {
    const open = literal.getStart(tree) + 1;
    const empty = text.slice(open, literal.end - 1).trim() === '';
    return empty ? { start: open, end: literal.end - 1, newText: ` ${property} ` } : { start: open, end: open, newText: ` ${property},` };
  }
  const last = properties[properties.length - 1];
  const multiline = tree.getLineAndCharacterOfPosition(literal.getStart(tree)).line !== tree.getLineAndCharacterOfPosition(last.getStart(tree)).line;
  const indent = multiline ? lineIndent(text, last.getStart(tree)) : '';
  if (properties.hasTrailingComma) {
    const comma = text.indexOf(',', last.end) + 1;
    return { start: comma, end: comma, newText: multiline ? `\n${indent}${property},` : ` ${property},` };
  }
  return { start: last.end, end: last.end, newText: multiline ? `,\n${indent}${property}` : `, ${property}` };
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** `10000` → `10_000`: the separator keeps a timeout in milliseconds readable. */
export function formatMilliseconds(value: number): string {
  const digits = String(Math.round(value));
  return digits.length > 4 ? digits.replace(/\B(?=(\d{3})+$)/g, '_') : digits;
}
