// The names a module exports, following `export * from` chains: what the "import from the public
// entry" quick fix needs to know before it rewrites an import. Parsed on demand (only when there is
// a deep import to fix), never kept.
import ts from 'typescript';
import { parseScript } from '../../engine/parse-ts';
import type { ModuleResolver } from './module-resolver';

const MAX_DEPTH = 12;

export function exportedNames(file: string, resolver: ModuleResolver, seen = new Set<string>(), depth = 0): Set<string> {
  const names = new Set<string>();
  if (seen.has(file) || depth > MAX_DEPTH) return names;
  seen.add(file);
  const text = resolver.host.readFile(file);
  if (text === undefined) return names;
  const tree = parseScript(file, text);
  for (const statement of tree.statements) {
    if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (!statement.exportClause) {
        // `export * from "x"` re-exports every name of x except its default.
        const target = from !== undefined ? resolver.resolve(file, from) : undefined;
        if (target?.kind === 'file') for (const name of exportedNames(target.path, resolver, seen, depth + 1)) if (name !== 'default') names.add(name);
      } else if (ts.isNamespaceExport(statement.exportClause)) {
        names.add(statement.exportClause.name.text);
      } else {
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      }
    } else if (ts.isExportAssignment(statement)) {
      if (!statement.isExportEquals) names.add('default');
    } else if (hasExportModifier(statement)) {
      if (hasDefaultModifier(statement)) names.add('default');
      else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) addBindingNames(declaration.name, names);
      } else {
        const name = (statement as ts.DeclarationStatement).name;
        if (name && ts.isIdentifier(name)) names.add(name.text);
      }
    }
  }
  return names;
}

function hasExportModifier(node: ts.Statement): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDefaultModifier(node: ts.Statement): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

function addBindingNames(name: ts.BindingName, names: Set<string>): void {
  if (ts.isIdentifier(name)) names.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBindingNames(element.name, names);
}

/**
 * The names an import or re-export statement takes from its module, or undefined when it takes the
 * whole module (a namespace import, `export *`, a side-effect import, `require`).
 */
export function importedNames(tree: ts.SourceFile, specifierStart: number): string[] | undefined {
  for (const statement of tree.statements) {
    if (ts.isImportDeclaration(statement) && statement.moduleSpecifier.getStart(tree) === specifierStart) {
      const clause = statement.importClause;
      if (!clause) return undefined;
      const names: string[] = [];
      if (clause.name) names.push('default');
      if (clause.namedBindings) {
        if (ts.isNamespaceImport(clause.namedBindings)) return undefined;
        for (const element of clause.namedBindings.elements) names.push((element.propertyName ?? element.name).text);
      }
      return names;
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier?.getStart(tree) === specifierStart) {
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) return undefined;
      return statement.exportClause.elements.map((element) => (element.propertyName ?? element.name).text);
    }
  }
  return undefined;
}
