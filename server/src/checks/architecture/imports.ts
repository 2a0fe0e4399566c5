// Extracts module references from a TypeScript/JavaScript tree: static imports, re-exports,
// dynamic `import()` and `require()`, each with the range of its specifier.
import * as ts from 'typescript';

export interface ModuleReference {
  specifier: string;
  /** Offsets of the string literal, quotes included. */
  start: number;
  end: number;
  kind: 'import' | 'export' | 'dynamic-import' | 'require' | 'import-equals';
  /** `import type`, `export type`, or an import whose every named binding is `type`. */
  typeOnly: boolean;
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
