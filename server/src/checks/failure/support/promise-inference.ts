// Which expressions are promises, without a type checker. A value is followed back to what it names
// (a declaration of this file, an import, a global) along a path of member reads, calls and `new`s, and
// the path is judged from what is written there: `async`, a `Promise<…>` annotation, a body that
// returns a promise, `new Promise`, the table of well-known promise APIs, or — for another file of the
// workspace — the lookup the caller passes in.
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call.
import ts from 'typescript';
import { requireCallOf } from './api-aliases';
import { isKnownGlobalPromise, isKnownModulePromise } from './promise-apis';
import { findDeclaration, findTypeParameter, hasModifier, isAsyncFunction, skipOuter } from './scope';

/** A step from a value: a member name, `()` for a call, `new` for a construction, `[]` for an element. */
export type Step = string;

/** The step to an element of an array or tuple (`xs[i]`, `xs[0]`): `[…, '[]']` is promise means "holds promises". */
export const ELEMENT: Step = '[]';

export type Base =
  | { kind: 'global'; name: string }
  | { kind: 'module'; specifier: string }
  | { kind: 'node'; node: ts.Node };

export interface Reference {
  base: Base;
  steps: Step[];
}

/** Answers for a module that is neither a known API nor local: another file of the workspace. `path` is a path key. */
export type ExternalLookup = (specifier: string, path: string) => boolean;

const CHAIN_METHODS = new Set(['then', 'catch', 'finally']);
/** Array methods whose result holds elements of the array they are called on (and, for `concat`, of their arguments). */
// (Not `sort`/`reverse`: in statement position they reorder an array that is awaited elsewhere.)
const ELEMENT_PRESERVING = new Set(['filter', 'slice', 'concat', 'toReversed', 'toSorted', 'toSpliced']);
/** Array methods whose result holds what their callback returns. */
const MAPPING_METHODS = new Set(['map', 'flatMap']);
const ARRAY_TYPES = new Set(['Array', 'ReadonlyArray']);
const MAX_DEPTH = 24;
/**
 * Evaluations one question may take. Depth alone does not bound the work: a function that returns its
 * own call on two paths (`function f() { f = g; try { return f(); } catch { f = h; return f(); } }`, a
 * lazy polyfill) doubles it at every level, 2^24 evaluations for one call. Far above what a real
 * question needs: the largest of effect@4.1.0's 45,000 takes 52.
 */
const MAX_EVALUATIONS = 10_000;
const NOT_THENABLE_GLOBALS = new Set(['cy', 'Cypress']);

/** `.get()` for [get, ()]: the key the API table and the workspace index use. */
export function pathKey(steps: readonly Step[]): string {
  let key = '';
  for (const step of steps) key += step === '()' ? '()' : `.${step}`;
  return key;
}

export class PromiseInference {
  private readonly returnCache = new Map<ts.Node, boolean>();
  /** By function and path below its call (`()[]`, `().then`): the answer, false while it is being worked out. */
  private readonly callPathCache = new Map<ts.Node, Map<string, boolean>>();
  private depth = 0;
  private evaluations = 0;

  constructor(private readonly external?: ExternalLookup) {}

  /** Whether evaluating `expression` gives a promise (or a thenable the table knows). */
  isPromise(expression: ts.Expression): boolean {
    return this.guard(() => this.isPromiseExpression(expression));
  }

  /**
   * Whether evaluating `expression` gives an array or tuple holding promises: `items.map(async …)`, a value
   * declared `Promise<T>[]`, `[Promise<A>, B]`, a call of a function declared to return one.
   */
  holdsPromises(expression: ts.Expression): boolean {
    return this.guard(() => this.evaluateExpression(expression, [ELEMENT]));
  }

  /** Whether evaluating `expression` gives an array of functions that give promises (`[async () => …]`, `Array<() => Promise<T>>`). */
  holdsPromiseFunctions(expression: ts.Expression): boolean {
    return this.guard(() => this.evaluateExpression(expression, [ELEMENT, '()']));
  }

  /** Whether calling this function (declaration or expression) gives a promise. */
  returnsPromise(fn: ts.Node): boolean {
    if (!ts.isFunctionLike(fn)) return false;
    const cached = this.returnCache.get(fn);
    if (cached !== undefined) return cached;
    this.returnCache.set(fn, false); // recursion: a function that returns its own call is judged by its other returns
    const result = this.guard(() => this.computeReturnsPromise(fn));
    this.returnCache.set(fn, result);
    return result;
  }

  /** Whether calling what `expression` names gives a promise: an async function, a method, an import… */
  callGivesPromise(expression: ts.Expression): boolean {
    const inner = skipOuter(expression);
    if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return this.returnsPromise(inner);
    const reference = this.referenceOf(inner);
    return !!reference && this.guard(() => this.evaluate(reference.base, [...reference.steps, '()']));
  }

  /** Whether `expression` names a function (for `.catch(handler)`): unknown names count as functions. */
  isFunctionValue(expression: ts.Expression): boolean {
    const inner = skipOuter(expression);
    if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return true;
    if (ts.isIdentifier(inner)) {
      if (inner.text === 'undefined') return false;
      const declaration = findDeclaration(inner);
      if (!declaration) return true;
      if (ts.isVariableDeclaration(declaration) || ts.isParameter(declaration)) {
        if (declaration.type) return containsFunctionType(declaration.type);
        if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
          const init = skipOuter(declaration.initializer);
          return !(ts.isLiteralExpression(init) || init.kind === ts.SyntaxKind.NullKeyword || ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init));
        }
      }
      return true;
    }
    if (ts.isPropertyAccessExpression(inner) || ts.isCallExpression(inner) || ts.isElementAccessExpression(inner) || ts.isConditionalExpression(inner) || ts.isBinaryExpression(inner)) return true;
    return false;
  }

  /** Whether the value at `steps` from `node` (a declaration or an expression) is a promise. */
  isPromiseAt(node: ts.Node, steps: Step[]): boolean {
    return this.guard(() => (steps.length === 0 && ts.isExpression(node) ? this.isPromiseExpression(node) : this.evaluateNode(node, steps)));
  }

  /**
   * The module and path key a value comes from, when it comes from an import or `require` of another
   * module: `loadUser()` of `import { loadUser } from "./users"` is (`./users`, `.loadUser()`).
   */
  moduleTarget(expression: ts.Expression): { specifier: string; key: string } | undefined {
    let reference = this.referenceOf(expression);
    for (let hops = 0; reference && hops < 8; hops++) {
      const { base, steps } = reference;
      if (base.kind === 'module') return { specifier: base.specifier, key: pathKey(steps) };
      if (base.kind !== 'node') return undefined;
      const node = base.node;
      if (ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportSpecifier(node)) {
        if (ts.isImportClause(node) ? node.isTypeOnly : ts.isImportSpecifier(node) ? node.isTypeOnly || node.parent.parent.isTypeOnly : node.parent.isTypeOnly) return undefined;
        const head = ts.isImportClause(node) ? ['default'] : ts.isImportSpecifier(node) ? [(node.propertyName ?? node.name).text] : [];
        return { specifier: moduleOf(node), key: pathKey([...head, ...steps]) };
      }
      if (ts.isBindingElement(node)) {
        const source = bindingSource(node);
        const inner = source && this.referenceOf(source.expression);
        reference = inner && { base: inner.base, steps: [...inner.steps, ...source.steps, ...steps] };
      } else if (ts.isVariableDeclaration(node) && node.initializer) {
        const inner = this.referenceOf(node.initializer);
        reference = inner && { base: inner.base, steps: [...inner.steps, ...steps] };
      } else if (ts.isClassLike(node) && steps[0] === 'new' && typeof steps[1] === 'string' && !declaresMember(node, steps[1])) {
        // `this.destroy(cb)` in `class Client extends DispatcherBase`, where the base class (another module's) declares it.
        const heritage = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
        const inner = heritage && this.referenceOf(heritage);
        reference = inner && { base: inner.base, steps: [...inner.steps, ...steps] };
      } else {
        return undefined;
      }
    }
    return undefined;
  }

  referenceOf(expression: ts.Expression): Reference | undefined {
    const node = skipOuter(expression);
    if (ts.isIdentifier(node)) {
      if (node.text === 'undefined') return undefined;
      const declaration = findDeclaration(node);
      return declaration ? { base: { kind: 'node', node: declaration }, steps: [] } : { base: { kind: 'global', name: node.text }, steps: [] };
    }
    if (node.kind === ts.SyntaxKind.ThisKeyword) return thisReference(node);
    if (ts.isPropertyAccessExpression(node)) return extend(this.referenceOf(node.expression), node.name.text);
    if (ts.isElementAccessExpression(node)) {
      const argument = skipOuter(node.argumentExpression);
      return extend(this.referenceOf(node.expression), ts.isStringLiteralLike(argument) ? argument.text : ELEMENT);
    }
    if (ts.isCallExpression(node)) {
      const callee = skipOuter(node.expression);
      const required = requireCallOf(node);
      if (required && !findDeclaration(required.expression as ts.Identifier)) {
        return { base: { kind: 'module', specifier: (required.arguments[0] as ts.StringLiteral).text }, steps: [] };
      }
      return extend(this.referenceOf(callee), '()');
    }
    if (ts.isNewExpression(node)) return extend(this.referenceOf(node.expression), 'new');
    if (ts.isTaggedTemplateExpression(node)) return extend(this.referenceOf(node.tag), '()');
    if (ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isClassExpression(node) || ts.isObjectLiteralExpression(node)) {
      return { base: { kind: 'node', node }, steps: [] };
    }
    return undefined;
  }

  private guard(run: () => boolean): boolean {
    if (this.depth === 0) this.evaluations = 0;
    if (this.depth > MAX_DEPTH || ++this.evaluations > MAX_EVALUATIONS) return false;
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
    }
  }

  private isPromiseExpression(expression: ts.Expression): boolean {
    const node = skipOuter(expression);
    if (ts.isAwaitExpression(node) || ts.isVoidExpression(node)) return false;
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      if (ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const') return this.isPromiseExpression(node.expression);
      return this.typeAt(node.type, []);
    }
    if (ts.isConditionalExpression(node)) return (!this.onlyIfThenable(node.condition) && this.isPromiseExpression(node.whenTrue)) || this.isPromiseExpression(node.whenFalse);
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.CommaToken) return this.isPromiseExpression(node.right);
      // `a && b` is `b` or a falsy `a`, and a promise is never falsy: only `b` can make it a promise.
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return this.isPromiseExpression(node.right);
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        return this.isPromiseExpression(node.left) || this.isPromiseExpression(node.right);
      }
      if (op === ts.SyntaxKind.EqualsToken) return this.isPromiseExpression(node.right);
      return false;
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
    if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node) || ts.isIdentifier(node)
      || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const reference = this.referenceOf(node);
      return !!reference && this.evaluate(reference.base, reference.steps);
    }
    return false;
  }

  private evaluate(base: Base, steps: Step[]): boolean {
    return this.guard(() => {
      const n = steps.length;
      // `.then(…)`, `.catch(…)`, `.finally(…)` are the promise protocol: whatever they are called on is a
      // promise (or a thenable used as one) — except Cypress chains, which look alike and are not.
      if (n >= 2 && steps[n - 1] === '()' && CHAIN_METHODS.has(steps[n - 2]) && !(base.kind === 'global' && NOT_THENABLE_GLOBALS.has(base.name)) && !ownThenable(base, steps.slice(0, -2))) return true;
      switch (base.kind) {
        case 'global':
          return isKnownGlobalPromise(`.${base.name}${pathKey(steps)}`);
        case 'module': {
          const key = pathKey(steps);
          return isKnownModulePromise(base.specifier, key) ?? this.external?.(base.specifier, key) ?? false;
        }
        case 'node':
          return this.evaluateNode(base.node, steps);
      }
    });
  }

  private evaluateExpression(expression: ts.Expression, steps: Step[]): boolean {
    const node = skipOuter(expression);
    if (steps.length === 0) return this.isPromiseExpression(node);
    if (steps[0] === ELEMENT) {
      const elements = this.elementsOf(node, steps.slice(1));
      if (elements !== undefined) return elements;
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) return this.evaluateNode(node, steps);
    if (ts.isObjectLiteralExpression(node)) {
      const [name, ...rest] = steps;
      for (const property of node.properties) {
        if (!property.name || propertyNameText(property.name) !== name) continue;
        if (ts.isPropertyAssignment(property)) return this.evaluateExpression(property.initializer, rest);
        if (ts.isShorthandPropertyAssignment(property)) return this.evaluateExpression(property.name, rest);
        if (ts.isMethodDeclaration(property)) return this.evaluateNode(property, rest);
      }
      return false;
    }
    if (ts.isConditionalExpression(node)) return (!this.onlyIfThenable(node.condition) && this.evaluateExpression(node.whenTrue, steps)) || this.evaluateExpression(node.whenFalse, steps);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return this.evaluateExpression(node.right, steps);
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
      return this.evaluateExpression(node.left, steps) || this.evaluateExpression(node.right, steps);
    }
    const reference = this.referenceOf(node);
    return !!reference && this.evaluate(reference.base, [...reference.steps, ...steps]);
  }

  /** Whether an element of this array-making expression, at `rest`, is a promise; undefined when the expression is not one the syntax shows. */
  private elementsOf(node: ts.Expression, rest: Step[]): boolean | undefined {
    if (ts.isArrayLiteralExpression(node)) {
      return node.elements.some((element) => ts.isSpreadElement(element) ? this.evaluateExpression(element.expression, [ELEMENT, ...rest]) : this.evaluateExpression(element, rest));
    }
    if (ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const') return this.evaluateExpression(node.expression, [ELEMENT, ...rest]);
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.arguments.some(ts.isSpreadElement)) return undefined;
    const receiver = node.expression.expression;
    const method = node.expression.name.text;
    // `items.map(async (item) => …)`: an element is what the callback returns.
    if (MAPPING_METHODS.has(method) && node.arguments.length > 0) {
      const callback = skipOuter(node.arguments[0]);
      if (rest.length === 0) return this.callGivesPromise(callback);
      return (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && this.evaluateNode(callback, ['()', ...rest]);
    }
    if (ELEMENT_PRESERVING.has(method)) {
      // `concat` also takes single values: `ps.concat(fetch(url))`.
      const added = method === 'concat' ? node.arguments : [];
      return this.evaluateExpression(receiver, [ELEMENT, ...rest]) || added.some((value) => this.evaluateExpression(value, [ELEMENT, ...rest]) || this.evaluateExpression(value, rest));
    }
    return undefined;
  }

  private evaluateNode(node: ts.Node, steps: Step[]): boolean {
    if (ts.isFunctionLike(node) && !ts.isTypeNode(node)) {
      if (steps[0] !== '()') return false;
      const rest = steps.slice(1);
      if (rest.length === 0) return this.returnsPromise(node);
      if (node.type) return this.typeAt(node.type, rest);
      // Worked out once per function and path, as returnsPromise is: a function returning its own call recurses.
      let byPath = this.callPathCache.get(node);
      if (!byPath) this.callPathCache.set(node, (byPath = new Map()));
      const key = pathKey(rest);
      const known = byPath.get(key);
      if (known !== undefined) return known;
      byPath.set(key, false);
      const body = (node as ts.FunctionLikeDeclaration).body;
      const result = ts.isArrowFunction(node) && !ts.isBlock(node.body)
        ? this.evaluateExpression(node.body, rest)
        : !!body && ts.isBlock(body) && returnExpressions(body).some((value) => this.evaluateExpression(value, rest));
      byPath.set(key, result);
      return result;
    }
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return this.evaluateClass(node, steps);
    if (ts.isVariableDeclaration(node)) {
      if (node.type && this.typeAt(node.type, steps)) return true;
      return !!node.initializer && this.evaluateExpression(node.initializer, steps);
    }
    if (ts.isParameter(node) || ts.isPropertySignature(node)) return !!node.type && this.typeAt(node.type, steps);
    if (ts.isBindingElement(node)) {
      const source = bindingSource(node);
      if (!source) return false;
      return this.evaluateExpression(source.expression, [...source.steps, ...steps]);
    }
    if (ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportSpecifier(node) || ts.isImportEqualsDeclaration(node)) return this.evaluateImport(node, steps, false);
    if (ts.isExpression(node)) return this.evaluateExpression(node, steps);
    return false;
  }

  /** What an import binding names; `typePosition` reads type-only imports too (`pool: Pool`). */
  private evaluateImport(node: ts.ImportClause | ts.NamespaceImport | ts.ImportSpecifier | ts.ImportEqualsDeclaration, steps: Step[], typePosition: boolean): boolean {
    if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      return ts.isExternalModuleReference(reference) && ts.isStringLiteralLike(reference.expression) && this.evaluate({ kind: 'module', specifier: reference.expression.text }, steps);
    }
    const typeOnly = ts.isImportClause(node) ? node.isTypeOnly : ts.isImportSpecifier(node) ? node.isTypeOnly || node.parent.parent.isTypeOnly : node.parent.isTypeOnly;
    if (typeOnly && !typePosition) return false;
    const module: Base = { kind: 'module', specifier: moduleOf(node) };
    if (ts.isImportClause(node)) return this.evaluate(module, ['default', ...steps]);
    if (ts.isNamespaceImport(node)) return this.evaluate(module, steps);
    return this.evaluate(module, [(node.propertyName ?? node.name).text, ...steps]);
  }

  private evaluateClass(node: ts.ClassLikeDeclaration, steps: Step[]): boolean {
    const instance = steps[0] === 'new';
    const rest = instance ? steps.slice(1) : steps;
    if (instance && rest.length === 0) return this.extendsPromise(node);
    if (rest.length === 0) return false;
    const [name, ...after] = rest;
    for (const member of node.members) {
      if (!member.name || propertyNameText(member.name) !== name) continue;
      if (hasModifier(member, ts.SyntaxKind.StaticKeyword) === instance) continue;
      if (ts.isMethodDeclaration(member)) return this.evaluateNode(member, after);
      if (ts.isPropertyDeclaration(member)) {
        if (member.type && this.typeAt(member.type, after)) return true;
        if (member.initializer) return this.evaluateExpression(member.initializer, after);
        if (!instance) return false;
        const assigned = constructorAssignment(node, name);
        return !!assigned && this.evaluateExpression(assigned, after);
      }
      return false;
    }
    if (instance) {
      const ctor = node.members.find(ts.isConstructorDeclaration);
      const parameter = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && p.type);
      if (parameter) return this.typeAt(parameter.type!, after);
      const assigned = constructorAssignment(node, name);
      if (assigned) return this.evaluateExpression(assigned, after);
    }
    const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base) return false;
    const reference = this.referenceOf(base);
    return !!reference && this.evaluate(reference.base, [...reference.steps, ...steps]);
  }

  private extendsPromise(node: ts.ClassLikeDeclaration): boolean {
    const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!base) return false;
    if (ts.isIdentifier(base) && base.text === 'Promise' && !findDeclaration(base)) return true;
    const reference = this.referenceOf(base);
    return !!reference && reference.base.kind === 'node' && reference.steps.length === 0
      && (ts.isClassDeclaration(reference.base.node) || ts.isClassExpression(reference.base.node)) && this.extendsPromise(reference.base.node);
  }

  /** Whether the value at `steps` from a value of this type is a promise. */
  private typeAt(type: ts.TypeNode, steps: Step[]): boolean {
    return this.guard(() => {
      if (ts.isParenthesizedTypeNode(type)) return this.typeAt(type.type, steps);
      if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some((member) => this.typeAt(member, steps));
      const [first, ...rest] = steps;
      if (ts.isFunctionTypeNode(type)) return first === '()' && this.typeAt(type.type, rest);
      if (ts.isConstructorTypeNode(type)) return first === 'new' && this.typeAt(type.type, rest);
      if (ts.isTypeLiteralNode(type)) return this.membersAt(type.members, steps);
      if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return this.typeAt(type.type, steps);
      if (ts.isArrayTypeNode(type)) return first === ELEMENT && this.typeAt(type.elementType, rest);
      if (ts.isTupleTypeNode(type)) return first === ELEMENT && type.elements.some((element) => this.tupleElementAt(element, rest));
      if (!ts.isTypeReferenceNode(type)) return false;
      const name = type.typeName;
      if (ts.isIdentifier(name)) {
        const parameter = findTypeParameter(name);
        if (parameter) return !!parameter.constraint && this.typeAt(parameter.constraint, steps);
        const declaration = findDeclaration(name);
        if (!declaration) {
          if (ARRAY_TYPES.has(name.text)) return first === ELEMENT && !!type.typeArguments?.length && this.typeAt(type.typeArguments[0], rest);
          return name.text === 'Promise' && steps.length === 0;
        }
        if (ts.isTypeAliasDeclaration(declaration)) return this.typeAt(declaration.type, steps);
        if (ts.isInterfaceDeclaration(declaration)) return this.membersAt(declaration.members, steps);
        if (ts.isClassDeclaration(declaration)) return this.evaluateClass(declaration, ['new', ...steps]);
        if (ts.isImportClause(declaration) || ts.isImportSpecifier(declaration) || ts.isNamespaceImport(declaration) || ts.isImportEqualsDeclaration(declaration)) {
          // An instance of an imported class: `pool: Pool` reads like `new Pool()`.
          return steps.length > 0 && this.evaluateImport(declaration, ['new', ...steps], true);
        }
        return false;
      }
      // `pg.Pool`: a member of a namespace import.
      const left = name.left;
      if (ts.isIdentifier(left)) {
        const declaration = findDeclaration(left);
        if (declaration && steps.length > 0 && (ts.isNamespaceImport(declaration) || ts.isImportEqualsDeclaration(declaration))) {
          return this.evaluateImport(declaration, [name.right.text, 'new', ...steps], true);
        }
      }
      return false;
    });
  }

  /** A tuple member (`A`, `name: A`, `A?`, `...A[]`) at `steps` from one of its elements. */
  private tupleElementAt(element: ts.TypeNode, steps: Step[]): boolean {
    if (ts.isNamedTupleMember(element)) return element.dotDotDotToken ? this.typeAt(element.type, [ELEMENT, ...steps]) : this.tupleElementAt(element.type, steps);
    if (ts.isRestTypeNode(element)) return this.typeAt(element.type, [ELEMENT, ...steps]);
    if (ts.isOptionalTypeNode(element)) return this.typeAt(element.type, steps);
    return this.typeAt(element, steps);
  }

  private membersAt(members: ts.NodeArray<ts.TypeElement>, steps: Step[]): boolean {
    const [first, ...rest] = steps;
    if (first === undefined) return false;
    if (first === '()') return members.some((m) => ts.isCallSignatureDeclaration(m) && !!m.type && this.typeAt(m.type, rest));
    for (const member of members) {
      if (!member.name || propertyNameText(member.name) !== first) continue;
      if (ts.isPropertySignature(member)) return !!member.type && this.typeAt(member.type, rest);
      if (ts.isMethodSignature(member)) return rest[0] === '()' && !!member.type && this.typeAt(member.type, rest.slice(1));
    }
    return false;
  }

  private computeReturnsPromise(fn: ts.SignatureDeclaration): boolean {
    if (isAsyncFunction(fn)) return true;
    if ((fn as ts.FunctionLikeDeclaration).asteriskToken) return false;
    if (fn.type) return this.typeAt(fn.type, []);
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (!body) return false;
    if (!ts.isBlock(body)) return this.isPromiseExpression(body);
    return returnExpressions(body).some((value) => this.isPromiseExpression(value) && !this.underThenableTest(value, body));
  }

  /**
   * Whether a condition tests a value that is not known to be a promise for being one: `res && res.then`,
   * `typeof res.then === 'function'`, `res instanceof Promise`, `isPromise(res)`. What it guards is a
   * promise only when that value was (`res && res.finally ? res.finally(end) : res` passes a callback's
   * result through): the guard says the value may as well not be one.
   */
  private onlyIfThenable(condition: ts.Expression): boolean {
    const tested = thenableTested(condition);
    return tested.length > 0 && tested.every((value) => !this.isPromiseExpression(value));
  }

  /** A returned value in the branch of an `if` that tests some other value for being a promise (see onlyIfThenable). */
  private underThenableTest(value: ts.Node, body: ts.Block): boolean {
    for (let child: ts.Node = value, current = value.parent; current && current !== body; child = current, current = current.parent) {
      if (ts.isIfStatement(current) && child === current.thenStatement && this.onlyIfThenable(current.expression)) return true;
    }
    return false;
  }
}

const THENABLE_TESTS = /^is(Promise|PromiseLike|Thenable)$/i;

/** The values a condition tests for being a promise (see onlyIfThenable); none when it tests something else. */
function thenableTested(condition: ts.Expression): ts.Expression[] {
  const node = skipOuter(condition);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...thenableTested(node.left), ...thenableTested(node.right)];
  // `res.then`, `res?.finally`
  if (ts.isPropertyAccessExpression(node) && CHAIN_METHODS.has(node.name.text)) return [node.expression];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.InstanceOfKeyword && ts.isIdentifier(node.right) && node.right.text === 'Promise') return [node.left];
    // `typeof res.then === 'function'`
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) {
      for (const [a, b] of [[node.left, node.right], [node.right, node.left]] as const) {
        const typeOf = skipOuter(a);
        if (ts.isTypeOfExpression(typeOf) && ts.isStringLiteral(skipOuter(b)) && (skipOuter(b) as ts.StringLiteral).text === 'function') {
          const operand = skipOuter(typeOf.expression);
          if (ts.isPropertyAccessExpression(operand) && CHAIN_METHODS.has(operand.name.text)) return [operand.expression];
        }
      }
    }
  }
  if (ts.isCallExpression(node) && node.arguments.length === 1) {
    const callee = skipOuter(node.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (THENABLE_TESTS.test(name)) return [node.arguments[0]];
  }
  return [];
}

/** An instance of a class of this file that declares its own `then`: judged by that method, not by convention. */
function ownThenable(base: Base, steps: Step[]): boolean {
  if (base.kind !== 'node') return false;
  const declaresThen = (node: ts.Node) => ts.isClassLike(node) && node.members.some((m) => !!m.name && propertyNameText(m.name) === 'then');
  if (steps.length === 1 && steps[0] === 'new') return declaresThen(base.node);
  if (steps.length > 0 || !ts.isVariableDeclaration(base.node) || !base.node.initializer) return false;
  const init = skipOuter(base.node.initializer);
  if (!ts.isNewExpression(init) || !ts.isIdentifier(init.expression)) return false;
  const declaration = findDeclaration(init.expression);
  return !!declaration && declaresThen(declaration);
}

function extend(reference: Reference | undefined, step: Step): Reference | undefined {
  return reference && { base: reference.base, steps: [...reference.steps, step] };
}

/** `this` in a class member: the class (static members) or an instance of it. */
function thisReference(node: ts.Node): Reference | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
    if ((ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isConstructorDeclaration(current) || ts.isAccessor(current)) && ts.isClassLike(current.parent)) {
      const isStatic = hasModifier(current, ts.SyntaxKind.StaticKeyword);
      return { base: { kind: 'node', node: current.parent }, steps: isStatic ? [] : ['new'] };
    }
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/** Whether the class itself declares a member (or assigns a field in its constructor) by this name. */
function declaresMember(node: ts.ClassLikeDeclaration, name: string): boolean {
  return node.members.some((member) => !!member.name && propertyNameText(member.name) === name) || !!constructorAssignment(node, name);
}

/** `this.name = value` in the constructor. */
function constructorAssignment(node: ts.ClassLikeDeclaration, name: string): ts.Expression | undefined {
  const ctor = node.members.find(ts.isConstructorDeclaration);
  for (const statement of ctor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expression = statement.expression;
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isPropertyAccessExpression(expression.left) && expression.left.expression.kind === ts.SyntaxKind.ThisKeyword && expression.left.name.text === name) {
      return expression.right;
    }
  }
  return undefined;
}

/** The expression a destructured name is read from, and the member path inside it. */
function bindingSource(element: ts.BindingElement): { expression: ts.Expression; steps: Step[] } | undefined {
  const pattern = element.parent;
  if (!ts.isObjectBindingPattern(pattern)) return undefined;
  const key = element.propertyName ? propertyNameText(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
  if (key === undefined) return undefined;
  const holder = pattern.parent;
  if (ts.isVariableDeclaration(holder)) return holder.initializer ? { expression: holder.initializer, steps: [key] } : undefined;
  if (ts.isBindingElement(holder)) {
    const outer = bindingSource(holder);
    return outer && { expression: outer.expression, steps: [...outer.steps, key] };
  }
  return undefined;
}

function moduleOf(node: ts.Node): string {
  let current: ts.Node | undefined = node;
  while (current && !ts.isImportDeclaration(current)) current = current.parent;
  return current && ts.isStringLiteralLike(current.moduleSpecifier) ? current.moduleSpecifier.text : '';
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

/** The values a function body returns (nested functions excluded). */
export function returnExpressions(body: ts.Block): ts.Expression[] {
  const values: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) values.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return values;
}

/** Whether a value of this type is surely callable (a union with `undefined` or `string` is not). */
function containsFunctionType(type: ts.TypeNode): boolean {
  if (ts.isFunctionTypeNode(type)) return true;
  if (ts.isParenthesizedTypeNode(type)) return containsFunctionType(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.every(containsFunctionType);
  if (ts.isTypeReferenceNode(type)) return true;
  return false;
}
