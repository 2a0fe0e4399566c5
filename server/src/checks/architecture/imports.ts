// Module references of a TypeScript/JavaScript file: static imports, re-exports, dynamic `import()`
// and `require()`, each with the range of its specifier and whether it is type-only.
import * as path from 'node:path';
import ts from 'typescript';
import { parseScript } from '../../engine/parse-ts';
import { scanModuleReferences } from './scan-imports';

export interface ModuleReference {
  specifier: string;
  /** Offsets of the string literal, quotes included. */
  start: number;
  end: number;
  kind: 'import' | 'export' | 'dynamic-import' | 'require' | 'import-equals';
  /** `import type`, `export type`, an import whose every named binding is `type`, or `import("x").T` in a type. */
  typeOnly: boolean;
}

/** Files whose text may hold JSX: the token stream alone cannot tell JSX text from code there. */
const JSX_EXTENSIONS = new Set(['.tsx', '.jsx']);

/**
 * The references of a file, the same whoever asks (the server for an open file, the workspace index
 * for every file): a scanner pass, or the syntax tree for JSX files.
 */
export function extractModuleReferences(filePath: string, text: string, tree?: () => ts.SourceFile | undefined): ModuleReference[] {
  if (!JSX_EXTENSIONS.has(path.extname(filePath).toLowerCase())) return scanModuleReferences(text);
  return findModuleReferences(tree?.() ?? parseScript(filePath, text));
}

export function findModuleReferences(tree: ts.SourceFile): ModuleReference[] {
  const references: ModuleReference[] = [];
  const add = (literal: ts.Expression, kind: ModuleReference['kind'], typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(literal)) return;
    references.push({ specifier: literal.text, start: literal.getStart(tree), end: literal.getEnd(), kind, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, 'import', isTypeOnlyImport(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier, 'export', node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, 'import-equals', node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], 'dynamic-import', false);
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') add(node.arguments[0], 'require', false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, 'import', true);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return references;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import "x"` runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}
