// Which local names of a TypeScript/JavaScript file stand for a well-known API (`fetch`, `axios.get`,
// `https.request`, `pg.Pool`…), through imports, `require`, namespace imports, destructuring and plain
// re-assignment. Pure and syntactic: no type checker, one walk of the top-level statements.
import ts from 'typescript';
import { isIndirection } from './scope';

/** Canonical module names by package specifier (with or without `node:`). */
const MODULES: Record<string, string> = {
  axios: 'axios',
  http: 'http',
  https: 'https',
  got: 'got',
  ky: 'ky',
  undici: 'undici',
  pg: 'pg',
  'node-fetch': 'node-fetch',
  'cross-fetch': 'node-fetch',
  'isomorphic-fetch': 'node-fetch',
};

/**
 * Resolves an import of a module that is not a known package (a wrapper module of the workspace):
 * the canonical API name its export `name` stands for (`'*'` for the whole module), if any.
 */
export type ImportedApi = (specifier: string, name: string) => string | undefined;

export interface ApiAliases {
  /**
   * Local name (or `ns.member` for namespace imports of wrapper modules) → canonical API name:
   * a module (`axios`, `https`, `pg`) or a member (`axios.get`, `https.request`, `fetch`).
   */
  readonly names: ReadonlyMap<string, string>;
  /** A top-level declaration named `fetch` that is not the global one. */
  readonly shadowsFetch: boolean;
  /** The canonical API an expression names (`ax.get` → `axios.get`), if any. */
  resolve(expression: ts.Expression): string | undefined;
}

/** The canonical name of `name` exported by a known package, or undefined. */
export function canonicalExport(specifier: string, name: string): string | undefined {
  const key = specifier.replace(/^node:/, '');
  const module = Object.hasOwn(MODULES, key) ? MODULES[key] : undefined;
  if (!module) return undefined;
  if (module === 'node-fetch') return name === 'default' || name === '*' || name === 'fetch' ? 'fetch' : undefined;
  if (name === '*') return module;
  if (name === 'default') return module === 'http' || module === 'https' || module === 'axios' || module === 'got' || module === 'ky' || module === 'pg' ? module : undefined;
  if (module === 'undici' && name === 'fetch') return 'fetch';
  if (module === 'got' && name === 'got') return 'got';
  return `${module}.${name}`;
}

/** The aliases of known APIs in a file. */
export function apiAliases(tree: ts.SourceFile, imported?: ImportedApi): ApiAliases {
  const names = new Map<string, string>();
  let shadowsFetch = false;
  const fromModule = (specifier: string, name: string): string | undefined => canonicalExport(specifier, name) ?? imported?.(specifier, name);

  const bind = (binding: ts.BindingName, canonical: string | undefined): void => {
    if (!canonical) return;
    if (ts.isIdentifier(binding)) {
      names.set(binding.text, canonical);
      return;
    }
    if (ts.isObjectBindingPattern(binding)) {
      for (const element of binding.elements) {
        if (element.dotDotDotToken) continue;
        const key = element.propertyName ?? element.name;
        const member = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
        if (!member) continue;
        if (canonical.startsWith('module:')) bind(element.name, imported?.(canonical.slice('module:'.length), member));
        else bind(element.name, member === 'default' ? canonical : memberOf(canonical, member));
      }
    }
  };

  const visitStatement = (statement: ts.Statement): void => {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause && !statement.importClause.isTypeOnly) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name) bind(clause.name, fromModule(specifier, 'default'));
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) {
        const whole = fromModule(specifier, '*');
        if (whole) names.set(bindings.name.text, whole);
        // A wrapper's export names are looked up on use (`net.httpFetch`), see `resolveName`.
        else if (imported) names.set(bindings.name.text, `module:${specifier}`);
      } else if (bindings) {
        for (const element of bindings.elements) {
          if (element.isTypeOnly) continue;
          bind(element.name, fromModule(specifier, (element.propertyName ?? element.name).text));
        }
      }
      return;
    }
    if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      bind(statement.name, fromModule(statement.moduleReference.expression.text, '*'));
      return;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === 'fetch' && !declaration.initializer) shadowsFetch = true;
        if (declaration.initializer) bind(declaration.name, resolveValue(declaration.initializer));
      }
    }
  };

  /** What an initializer stands for: `require('axios')`, `axios`, `axios.get`, `require('https').get`. */
  const resolveValue = (expression: ts.Expression): string | undefined => {
    const inner = skipParens(expression);
    const required = requireCallOf(inner);
    if (required) {
      const specifier = (required.arguments[0] as ts.StringLiteral).text;
      return fromModule(specifier, '*') ?? (imported ? `module:${specifier}` : undefined);
    }
    // `await import('axios')` and `(await import('axios')).default`
    if (ts.isAwaitExpression(inner)) return resolveValue(inner.expression);
    if (ts.isCallExpression(inner) && inner.expression.kind === ts.SyntaxKind.ImportKeyword && inner.arguments.length === 1 && ts.isStringLiteralLike(inner.arguments[0])) {
      return fromModule(inner.arguments[0].text, '*');
    }
    return resolveName(inner);
  };

  const resolveName = (expression: ts.Expression): string | undefined => {
    const inner = skipParens(expression);
    if (ts.isIdentifier(inner)) return names.get(inner.text) ?? (inner.text === 'fetch' && !shadowsFetch ? 'fetch' : undefined);
    if (ts.isPropertyAccessExpression(inner)) {
      const target = skipParens(inner.expression);
      if (ts.isIdentifier(target) && (target.text === 'globalThis' || target.text === 'window' || target.text === 'self') && inner.name.text === 'fetch') return 'fetch';
      const required = requireCallOf(target);
      if (required) return fromModule((required.arguments[0] as ts.StringLiteral).text, inner.name.text);
      const base = resolveName(target);
      if (!base) return undefined;
      if (base.startsWith('module:')) return imported?.(base.slice('module:'.length), inner.name.text);
      if (inner.name.text === 'default' && !base.includes('.')) return base;
      return memberOf(base, inner.name.text);
    }
    return undefined;
  };

  for (const statement of tree.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === 'fetch') shadowsFetch = true;
  }
  for (const statement of tree.statements) visitStatement(statement);
  return { names, shadowsFetch, resolve: resolveName };
}

/** `axios` + `get` → `axios.get`; members of a member (`axios.get.call`) are not APIs. */
function memberOf(canonical: string, member: string): string | undefined {
  if (canonical === 'fetch') return undefined;
  if (canonical.includes('.')) return undefined;
  if (canonical === 'undici' && member === 'fetch') return 'fetch';
  return `${canonical}.${member}`;
}

export function isRequireCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1 && ts.isStringLiteralLike(node.arguments[0]);
}

/**
 * The helpers compilers wrap a `require` in to read a CommonJS module as an ES one: tsc's
 * `__importDefault` / `__importStar` (also as `tslib_1.__importDefault`), Babel's
 * `_interopRequireDefault` / `_interopRequireWildcard`, esbuild's `__toESM`. Each gives the module with
 * its `default` (the module itself when it has none), so `axios_1.default.get` is `axios.get`.
 */
const INTEROP_HELPERS = new Set(['__importDefault', '__importStar', '_interopRequireDefault', '_interopRequireWildcard', '__toESM', '__toESM2', 'interopRequireDefault', 'interopRequireWildcard']);

/** The `require(…)` call of `require(x)` or of an interop helper's `__importDefault(require(x))`. */
export function requireCallOf(node: ts.Node): ts.CallExpression | undefined {
  if (isRequireCall(node)) return node;
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return undefined;
  const callee = skipParens(node.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  if (!INTEROP_HELPERS.has(name)) return undefined;
  const inner = skipParens(node.arguments[0]);
  return isRequireCall(inner) ? inner : undefined;
}

export function skipParens(expression: ts.Expression): ts.Expression {
  let inner = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
    else if (isIndirection(inner)) inner = inner.right;
    else return inner;
  }
}
