// Summarizer for the workspace index: which exports of a file give promises (async functions and
// methods, functions annotated or written to return promises, consts of async arrows, the default
// export, CommonJS `module.exports`, the async methods of exported instances of the file's classes and
// of class members holding one), so `failure/floating-promise` knows a call into another file
// returns a promise without a type checker. Plain data; computed from one file's syntax only.
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call.
import ts from 'typescript';
import type { Summarizer } from '../../engine/workspace/index';
import { callbackParameters, promiseCannotReject, type FunctionWithBody } from './support/maybe-promise';
import { pathKey, PromiseInference, propertyNameText, type Step } from './support/promise-inference';
import { findDeclaration, hasModifier, skipOuter } from './support/scope';

export const ASYNC_EXPORTS_FACT = 'failure/async-exports';

export interface AsyncExportsFact {
  /** Path keys from the module's exports whose value is a promise: `.load()`, `.default()`, `.Store.new.save()`. */
  promise: string[];
  /** `[key, specifier, path]`: `key` is a promise when `path` of module `specifier` is (a wrapper around an import). */
  deps: [string, string, string][];
  /** `[name, specifier, path]`: export `name` is `path` of module `specifier`; name `*` for `export *`. */
  reexports: [string, string, string][];
  /** Keys of `promise` whose promise cannot reject: async functions whose body catches and reports its own failures, plain functions whose returned promises are all handled (see promiseCannotReject). */
  safe?: string[];
  /** `[key, index]`: the function at `key` makes its promise only when argument `index` (a callback) is absent (see callbackParameters). */
  callbackForm?: [string, number][];
}

const MAX_DEPS = 64;

export const asyncExportsSummarizer: Summarizer<AsyncExportsFact> = {
  key: ASYNC_EXPORTS_FACT,
  languages: ['typescript', 'javascript'],
  usedBy: ['failure/floating-promise', 'failure/async-callback'],
  summarize: (_document, tree) => {
    const sourceFile = tree();
    return sourceFile ? summarizeAsyncExports(sourceFile) : { promise: [], deps: [], reexports: [] };
  },
};

interface Candidate {
  key: string;
  node: ts.Node;
  steps: Step[];
}

export function summarizeAsyncExports(sourceFile: ts.SourceFile): AsyncExportsFact {
  const fact: AsyncExportsFact = { promise: [], deps: [], reexports: [] };
  let recorded: [string, string][] = [];
  const inference = new PromiseInference((specifier, path) => {
    recorded.push([specifier, path]);
    return false;
  });
  const candidates: Candidate[] = [];
  const exported = (name: string, node: ts.Node) => {
    candidates.push(...enumerate([name], node, 0));
    // `export const db = new PrismaClient()`, `export const User = mongoose.model(…)`: a value made by a
    // module is that module's path, so `db.user.findMany()` in another file is judged by the module.
    // `export default db` names the declaration of `db`.
    const declared = ts.isIdentifier(node) ? findDeclaration(node) : undefined;
    const origin = name ? moduleOrigin(declared ?? node, inference) : undefined;
    if (origin) fact.reexports.push([name, origin.specifier, origin.path]);
  };

  for (const statement of sourceFile.statements) {
    const isExported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && isExported) {
      if (isDefault) exported('default', statement);
      else if (statement.name) exported(statement.name.text, statement);
    } else if (ts.isVariableStatement(statement) && isExported) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) exported(declaration.name.text, declaration);
        else for (const element of declaration.name.elements) if (ts.isBindingElement(element) && ts.isIdentifier(element.name)) exported(element.name.text, element);
      }
    } else if (ts.isExportAssignment(statement)) {
      exported(statement.isExportEquals ? '' : 'default', statement.expression);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const from = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (from !== undefined) {
        if (!clause) fact.reexports.push(['*', from, '']);
        else if (ts.isNamespaceExport(clause)) fact.reexports.push([clause.name.text, from, '']);
        else for (const element of clause.elements) fact.reexports.push([element.name.text, from, `.${(element.propertyName ?? element.name).text}`]);
      } else if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          const local = element.propertyName ?? element.name;
          const declaration = ts.isIdentifier(local) ? findDeclaration(local) : undefined;
          if (declaration) exported(element.name.text, declaration);
        }
      }
    } else if (ts.isExpressionStatement(statement)) {
      commonJsExport(statement.expression, exported);
    }
  }

  for (const candidate of candidates) {
    recorded = [];
    if (inference.isPromiseAt(candidate.node, candidate.steps)) {
      if (fact.promise.includes(candidate.key)) continue;
      fact.promise.push(candidate.key);
      // What floating-promise forgives a call of this file's own functions, it forgives a call from another file.
      const fn = functionAt(candidate.node, candidate.steps);
      if (fn && promiseCannotReject(fn, inference)) (fact.safe ??= []).push(candidate.key);
      else if (fn) for (const index of callbackParameters(fn, inference)) (fact.callbackForm ??= []).push([candidate.key, index]);
    } else {
      for (const [specifier, path] of recorded) if (fact.deps.length < MAX_DEPS) fact.deps.push([candidate.key, specifier, path]);
    }
  }
  return fact;
}

/** The function a candidate's path calls, when this file writes it: `f()`, `Class.new.m()`, `Class.m()`, `api.m()`. */
function functionAt(node: ts.Node, steps: Step[]): FunctionWithBody | undefined {
  if (steps[steps.length - 1] !== '()') return undefined;
  let target: ts.Node | undefined = node;
  if (ts.isVariableDeclaration(target)) target = target.initializer && skipOuter(target.initializer);
  if (!target) return undefined;
  const withBody = (candidate: ts.Node | undefined) => (candidate && ts.isFunctionLike(candidate) && (candidate as ts.FunctionLikeDeclaration).body ? (candidate as FunctionWithBody) : undefined);
  const valueOf = (member: ts.Node) => (ts.isPropertyAssignment(member) || ts.isPropertyDeclaration(member)) && member.initializer ? skipOuter(member.initializer) : member;
  if (steps.length === 1) return withBody(target);
  if (ts.isClassLike(target)) {
    const instance = steps[0] === 'new';
    const name = instance ? steps[1] : steps[0];
    if (steps.length !== (instance ? 3 : 2)) return undefined;
    const member = target.members.find((m) => !!m.name && propertyNameText(m.name) === name && hasModifier(m, ts.SyntaxKind.StaticKeyword) !== instance);
    return member && withBody(valueOf(member));
  }
  if (ts.isObjectLiteralExpression(target) && steps.length === 2) {
    const property = target.properties.find((p) => !!p.name && propertyNameText(p.name) === steps[0]);
    return property && withBody(valueOf(property));
  }
  return undefined;
}

/** The module and path a declaration's value comes from, when it comes from an import or `require`. */
function moduleOrigin(node: ts.Node, inference: PromiseInference): { specifier: string; path: string } | undefined {
  let reference;
  if (ts.isVariableDeclaration(node) && node.initializer && !isStructured(node.initializer)) reference = inference.referenceOf(node.initializer);
  else if (ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node)) reference = { base: { kind: 'node' as const, node }, steps: [] as Step[] };
  for (let hops = 0; reference && hops < 8; hops++) {
    const base = reference.base;
    if (base.kind === 'module') return { specifier: base.specifier, path: pathKey(reference.steps) };
    if (base.kind !== 'node') return undefined;
    const declaration = base.node;
    const specifier = importSpecifierOf(declaration);
    if (specifier !== undefined) {
      const head = ts.isImportClause(declaration) ? ['default'] : ts.isImportSpecifier(declaration) ? [(declaration.propertyName ?? declaration.name).text] : [];
      return { specifier, path: pathKey([...head, ...reference.steps]) };
    }
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && !isStructured(declaration.initializer)) {
      const inner = inference.referenceOf(declaration.initializer);
      reference = inner && { base: inner.base, steps: [...inner.steps, ...reference.steps] };
    } else {
      return undefined;
    }
  }
  return undefined;
}

function importSpecifierOf(node: ts.Node): string | undefined {
  if (!(ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node))) return undefined;
  let current: ts.Node | undefined = node;
  while (current && !ts.isImportDeclaration(current)) current = current.parent;
  return current && ts.isStringLiteralLike(current.moduleSpecifier) ? current.moduleSpecifier.text : undefined;
}

/** `module.exports = x`, `module.exports.name = x`, `exports.name = x`. */
function commonJsExport(expression: ts.Expression, exported: (name: string, node: ts.Node) => void): void {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const target = expression.left;
  const isModuleExports = (node: ts.Expression) => ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
  if (isModuleExports(target)) exported('', expression.right);
  else if (ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || (ts.isIdentifier(target.expression) && target.expression.text === 'exports'))) {
    exported(target.name.text, expression.right);
  }
}

/** The paths worth recording under an export: calling it, its methods, its instances' methods. */
function enumerate(prefix: string[], node: ts.Node, depth: number): Candidate[] {
  const at = (steps: Step[], target: ts.Node, relative: Step[]): Candidate => ({ key: pathKey(steps.filter((s) => s !== '')), node: target, steps: relative });
  if (depth > 2) return [];
  if (ts.isVariableDeclaration(node)) {
    if (node.initializer && isStructured(node.initializer)) return enumerate(prefix, node.initializer, depth);
    // `const db = new Db()`: the methods of the instance, `db.query()`.
    const made = instancePaths(node.initializer && localClassMade(node.initializer), 0).map((steps) => at([...prefix, ...steps], node, steps));
    return [at(prefix, node, []), at([...prefix, '()'], node, ['()']), ...made];
  }
  if (ts.isNewExpression(node)) {
    // `export default new Db()`.
    const made = instancePaths(localClassMade(node), 0).map((steps) => at([...prefix, ...steps], node, steps));
    return [at(prefix, node, []), ...made];
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return enumerate(prefix, node.expression, depth);
  if (ts.isFunctionLike(node)) return [at([...prefix, '()'], node, ['()'])];
  if (ts.isClassLike(node)) {
    const out: Candidate[] = [];
    for (const member of node.members) {
      const name = member.name && propertyNameText(member.name);
      if (!name || !(ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member))) continue;
      const relative = hasModifier(member, ts.SyntaxKind.StaticKeyword) ? [name, '()'] : ['new', name, '()'];
      out.push(at([...prefix, ...relative], node, relative));
      // `new Client().db.query()`: a member holding an instance of a class of this file.
      if (ts.isPropertyDeclaration(member)) {
        for (const steps of instancePaths(memberClass(member), 1)) {
          const nested = [...relative.slice(0, -1), ...steps];
          out.push(at([...prefix, ...nested], node, nested));
        }
      }
    }
    return out;
  }
  if (ts.isObjectLiteralExpression(node)) {
    const out: Candidate[] = [];
    for (const property of node.properties) {
      const name = property.name && propertyNameText(property.name);
      if (!name) continue;
      out.push(at([...prefix, name], node, [name]), at([...prefix, name, '()'], node, [name, '()']));
    }
    return out;
  }
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node);
    if (declaration && (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration) || ts.isVariableDeclaration(declaration))) return enumerate(prefix, declaration, depth + 1);
  }
  return [at(prefix, node, []), at([...prefix, '()'], node, ['()'])];
}

const MAX_INSTANCE_DEPTH = 2;

/** The member paths of an instance of `node` (a class of this file) worth recording: `[query, ()]`, `[db, query, ()]`. */
function instancePaths(node: ts.ClassLikeDeclaration | undefined, depth: number): Step[][] {
  if (!node || depth > MAX_INSTANCE_DEPTH) return [];
  const out: Step[][] = [];
  for (const member of node.members) {
    const name = member.name && propertyNameText(member.name);
    if (!name || hasModifier(member, ts.SyntaxKind.StaticKeyword) || !(ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member))) continue;
    out.push([name, '()']);
    if (ts.isPropertyDeclaration(member)) for (const steps of instancePaths(memberClass(member), depth + 1)) out.push([name, ...steps]);
  }
  return out;
}

/** The class of this file a property holds an instance of: `db = new Db()` or `db: Db`. */
function memberClass(member: ts.PropertyDeclaration): ts.ClassLikeDeclaration | undefined {
  if (member.initializer) return localClassMade(member.initializer);
  const type = member.type;
  if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const declaration = findDeclaration(type.typeName);
    return declaration && ts.isClassDeclaration(declaration) ? declaration : undefined;
  }
  return undefined;
}

/** The class of this file that `new X(…)` makes. */
function localClassMade(expression: ts.Expression): ts.ClassLikeDeclaration | undefined {
  const node = ts.isParenthesizedExpression(expression) ? expression.expression : expression;
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const declaration = findDeclaration(node.expression);
  return declaration && ts.isClassDeclaration(declaration) ? declaration : undefined;
}

function isStructured(node: ts.Expression): boolean {
  const inner = ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) ? node.expression : node;
  return ts.isFunctionLike(inner) || ts.isClassLike(inner) || ts.isObjectLiteralExpression(inner);
}
