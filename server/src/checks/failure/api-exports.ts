// Cross-file aliases of well-known APIs: a wrapper module that re-exports `fetch` or `axios.get` under
// another name (`export { fetch as httpFetch }`, `export const get = axios.get`) is summarised once in
// the workspace index, so a call through the wrapper in another file is still seen as the API itself.
import * as path from 'node:path';
import ts from 'typescript';
import type { CheckContext } from '../../engine/types';
import type { Summarizer } from '../../engine/workspace/index';
import { resolverFor } from '../architecture/module-resolver';
import { isRelativeSpecifier } from '../architecture/resolve';
import { apiAliases, canonicalExport, type ImportedApi } from './support/api-aliases';

export const API_EXPORTS_FACT = 'failure/api-exports';

/**
 * Export name → canonical API (`fetch`, `axios.get`) or a forward to another module of the workspace
 * (`@./net#httpFetch`); `*` lists the modules re-exported wholesale (`export * from './net'`).
 */
export interface ApiExportsFact {
  exports: Record<string, string>;
  star: string[];
}

const MAY_ALIAS =
  /['"](?:node:)?(?:axios|https?|got|ky|undici|pg|node-fetch|cross-fetch|isomorphic-fetch)['"]|export\s*(?:\*|\{[^}]*\}\s*from)|export\s*\{[^}]*\bfetch\b|export\s+(?:default\s+)?(?:const\s+\w+\s*=\s*)?(?:globalThis\.)?fetch\b|exports\b[^=\n]*=[^;\n]*\bfetch\b/;

/** Forwards relative imports as `@specifier#name`; they are followed when the fact is used. */
const forward: ImportedApi = (specifier, name) => (isLocalSpecifier(specifier) ? `@${specifier}#${name}` : undefined);

export const apiExportsSummarizer: Summarizer<ApiExportsFact | undefined> = {
  key: API_EXPORTS_FACT,
  languages: ['typescript', 'javascript'],
  usedBy: ['failure/network-timeout'],
  summarize(document, tree) {
    // Cheap gate, so the index parses only modules that can alias an API or forward one.
    if (!MAY_ALIAS.test(document.text)) return undefined;
    const source = tree();
    return source ? summarizeApiExports(source) : undefined;
  },
};

export function summarizeApiExports(source: ts.SourceFile): ApiExportsFact | undefined {
  const aliases = apiAliases(source, forward);
  const exports: Record<string, string> = {};
  const star: string[] = [];
  const record = (name: string, canonical: string | undefined) => {
    if (canonical && !canonical.startsWith('module:')) exports[name] = canonical;
  };
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (!statement.exportClause) {
        if (specifier && isLocalSpecifier(specifier)) star.push(specifier);
        continue;
      }
      if (!ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) {
        if (element.isTypeOnly) continue;
        const local = (element.propertyName ?? element.name).text;
        const canonical = specifier
          ? (canonicalExport(specifier, local) ?? forward(specifier, local))
          : aliases.resolve(element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName : (element.name as ts.Identifier));
        record(element.name.text, canonical);
      }
    } else if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) record(declaration.name.text, aliases.names.get(declaration.name.text));
      }
    } else if (ts.isExportAssignment(statement)) {
      record('default', aliases.resolve(statement.expression));
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      recordCommonJs(statement.expression.left, statement.expression.right, aliases.resolve, record);
    }
  }
  return Object.keys(exports).length > 0 || star.length > 0 ? { exports, star } : undefined;
}

/** `module.exports = { get: axios.get }`, `module.exports.get = …`, `exports.get = …`. */
function recordCommonJs(left: ts.Expression, right: ts.Expression, resolve: (e: ts.Expression) => string | undefined, record: (name: string, canonical: string | undefined) => void): void {
  const text = left.getText();
  if (text === 'module.exports') {
    if (ts.isObjectLiteralExpression(right)) {
      for (const property of right.properties) {
        if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) record(property.name.text, resolve(property.initializer));
        else if (ts.isShorthandPropertyAssignment(property)) record(property.name.text, resolve(property.name));
      }
    } else {
      record('default', resolve(right));
    }
    return;
  }
  const member = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(text);
  if (member) record(member[1], resolve(right));
}

/** Relative paths and anything that is not a known package (tsconfig aliases, workspace packages). */
function isLocalSpecifier(specifier: string): boolean {
  return isRelativeSpecifier(specifier) || specifier.startsWith('#') || specifier.startsWith('@/') || specifier.startsWith('~/') || canonicalExport(specifier, '*') === undefined;
}

/**
 * For a check: resolves `import { x } from './wrapper'` to the API `x` aliases, following forwards and
 * `export *` a few modules deep. Undefined without a workspace index (a lone file).
 */
export function importedApiResolver(context: CheckContext): ImportedApi | undefined {
  const workspace = context.workspace;
  if (!workspace) return undefined;
  const resolver = resolverFor(context.host);
  const lookup = (fromFile: string, specifier: string, name: string, depth: number): string | undefined => {
    if (depth > 4) return undefined;
    const resolution = resolver.resolve(fromFile, specifier);
    if (resolution.kind !== 'file' || path.resolve(resolution.path) === path.resolve(fromFile)) return undefined;
    const fact = workspace.facts<ApiExportsFact>(resolution.path, API_EXPORTS_FACT);
    if (!fact) return undefined;
    // Own keys only: `import { toString } from './utils'` must not find Object.prototype.toString.
    const value = Object.hasOwn(fact.exports, name) ? fact.exports[name] : undefined;
    if (value) {
      if (!value.startsWith('@')) return value;
      const hash = value.lastIndexOf('#');
      return lookup(resolution.path, value.slice(1, hash), value.slice(hash + 1), depth + 1);
    }
    if (name === 'default') return undefined;
    for (const next of fact.star) {
      const found = lookup(resolution.path, next, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return (specifier, name) => (name === '*' ? undefined : lookup(context.document.path, specifier, name, 0));
}
