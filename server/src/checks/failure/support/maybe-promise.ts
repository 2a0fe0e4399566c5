// Two questions the promise inference (which answers "may this be a promise?") cannot: whether a value
// may also be something else (undefined, false, an error object), and whether an async function can
// reject at all. Both are read from what is written, without a type checker.
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call.
import ts from 'typescript';
import { isHandled } from './handled';
import type { PromiseInference } from './promise-inference';
import { someNode, syntaxNodes } from './syntax-nodes';
import { propertyNameText, returnExpressions } from './promise-inference';
import { findDeclaration, skipOuter } from './scope';
import { isLogCall } from '../handler-body';

export type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

/**
 * The function a call runs, when this file declares it: `f()` (a function declaration, or a variable
 * holding a function), `this.m()` / `this.#m()` (a method of the enclosing class), `(async () => …)()`.
 */
export function calledFunction(call: ts.CallExpression): FunctionWithBody | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isArrowFunction(callee) || ts.isFunctionExpression(callee)) return callee;
  if (ts.isIdentifier(callee)) {
    const declaration = findDeclaration(callee);
    if (!declaration) return undefined;
    if (ts.isFunctionDeclaration(declaration)) return declaration.body ? (declaration as FunctionWithBody) : undefined;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = skipOuter(declaration.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const member = thisMember(callee, callee.name.text);
    if (member && ts.isMethodDeclaration(member) && member.body) return member as FunctionWithBody;
  }
  return undefined;
}

/** The member `name` of the class whose method `node` sits in (arrow functions see through). */
function thisMember(node: ts.Node, name: string): ts.ClassElement | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current)) continue;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
    if (ts.isClassLike(current.parent) && (ts.isMethodDeclaration(current) || ts.isPropertyDeclaration(current) || ts.isConstructorDeclaration(current) || ts.isAccessor(current))) {
      return current.parent.members.find((member) => !!member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name) || ts.isStringLiteral(member.name)) && member.name.text === name);
    }
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/**
 * Whether a value the inference takes for a promise may, as written, be something else: a `let` or an
 * optional field that starts (or ends) as undefined (`if (this.connecting) return this.connecting`), a
 * function that returns a promise on one path and `false` or an error on another (`const r = validate();
 * if (r) { if (typeof r.then === 'function') … }`), `cond ? load() : undefined`. Testing such a value is
 * how code tells the cases apart, not a promise mistaken for its result.
 */
export function mayHoldNonPromise(expression: ts.Expression, inference: PromiseInference, depth = 0): boolean {
  if (depth > 6) return false;
  const node = skipOuter(expression);
  const surely = (value: ts.Expression) => inference.isPromise(value) && !mayHoldNonPromise(value, inference, depth + 1);
  if (ts.isConditionalExpression(node)) return !surely(node.whenTrue) || !surely(node.whenFalse);
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return true;
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return !surely(node.left) && !surely(node.right);
    if (op === ts.SyntaxKind.EqualsToken) return mayHoldNonPromise(node.right, inference, depth + 1);
    return false;
  }
  if (ts.isIdentifier(node)) {
    const declaration = findDeclaration(node);
    if (!declaration) return false;
    if (ts.isVariableDeclaration(declaration)) {
      if (declaration.type) return typeMayBeFalsy(declaration.type) || (isReassignable(declaration) && !declaration.initializer);
      if (isReassignable(declaration)) return true;
      return !!declaration.initializer && mayHoldNonPromise(declaration.initializer, inference, depth + 1);
    }
    if (ts.isParameter(declaration)) return !!declaration.questionToken || !!declaration.initializer || (!!declaration.type && typeMayBeFalsy(declaration.type));
    return false;
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const member = thisMember(node, node.name.text);
    if (!member || !ts.isPropertyDeclaration(member)) return false;
    if (member.questionToken) return true;
    if (member.type) return typeMayBeFalsy(member.type);
    // A field without a type or an initializer is set elsewhere, and is undefined until then.
    return !member.initializer || mayHoldNonPromise(member.initializer, inference, depth + 1);
  }
  if (ts.isCallExpression(node)) {
    const fn = calledFunction(node);
    return !!fn && returnsNonPromise(fn, inference, depth);
  }
  return false;
}

function isReassignable(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Const | ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing)) === 0;
}

/** A declared type that admits a falsy value: `T | undefined`, `| null`, `| false`, `| void`. */
function typeMayBeFalsy(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return typeMayBeFalsy(type.type);
  if (!ts.isUnionTypeNode(type)) return false;
  return type.types.some((member) => {
    if (member.kind === ts.SyntaxKind.UndefinedKeyword || member.kind === ts.SyntaxKind.VoidKeyword || member.kind === ts.SyntaxKind.BooleanKeyword) return true;
    if (ts.isLiteralTypeNode(member)) return member.literal.kind === ts.SyntaxKind.NullKeyword || member.literal.kind === ts.SyntaxKind.FalseKeyword;
    return typeMayBeFalsy(member);
  });
}

/** Whether a function of this file may return something other than a promise: a bare `return`, a falsy or non-promise value, or falling off its end. */
function returnsNonPromise(fn: FunctionWithBody, inference: PromiseInference, depth: number): boolean {
  if (ts.isFunctionLike(fn) && fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return false;
  if (fn.type) return typeMayBeFalsy(fn.type);
  if (!ts.isBlock(fn.body)) return !inference.isPromise(fn.body) || mayHoldNonPromise(fn.body, inference, depth + 1);
  if (bareReturn(fn.body) || mayFallOffEnd(fn.body)) return true;
  return returnExpressions(fn.body).some((value) => !inference.isPromise(value) || mayHoldNonPromise(value, inference, depth + 1));
}

function bareReturn(body: ts.Block): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && !node.expression) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

/** Whether control may reach the end of the block (its last statement is not a return or a throw). */
function mayFallOffEnd(body: ts.Block): boolean {
  const last = body.statements[body.statements.length - 1];
  return !last || !(ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

/**
 * Whether calling this async function gives a promise that cannot reject: every statement of its body is
 * a try whose catch (and finally) neither throws nor awaits what may reject, or work that cannot throw
 * (a plain assignment, a `return`, an `if` on a plain condition around such statements). Code that
 * starts one and leaves it is not dropping a failure: the function reports its own.
 */
/**
 * Whether the promise a call of this function gives cannot reject: an async function that catches its own
 * failures (cannotReject), or a plain function whose every promise it returns ends in a rejection handler
 * (`return region().then((r) => cb(null, r)).catch(cb)`; its other returns are not promises).
 */
export function promiseCannotReject(fn: FunctionWithBody, inference: PromiseInference, visiting = new Set<ts.Node>([fn])): boolean {
  if (isAsync(fn)) return cannotReject(fn, inference);
  if (ts.isFunctionLike(fn) && fn.asteriskToken) return false;
  const handled = (value: ts.Expression) => isHandled(value, inference) || isPlainResolve(value, inference) || callCannotReject(value, inference, visiting);
  if (!ts.isBlock(fn.body)) return handled(fn.body);
  const promises = returnExpressions(fn.body).filter((value) => inference.isPromise(value));
  return promises.length > 0 && promises.every(handled);
}

/**
 * A call of another function of this file whose promise cannot reject, passed on as it is
 * (`return _nextDoc(ctx, doc, cb)`, where `_nextDoc` returns `….then(onDoc, onError)`). `visiting`
 * holds the functions asked about already: one returning its own call is not judged by itself.
 */
function callCannotReject(value: ts.Expression, inference: PromiseInference, visiting: Set<ts.Node>): boolean {
  const node = skipOuter(value);
  if (!ts.isCallExpression(node)) return false;
  const callee = calledFunction(node);
  if (!callee || visiting.has(callee)) return false;
  visiting.add(callee);
  return promiseCannotReject(callee, inference, visiting);
}

/**
 * `Promise.resolve(value)` of a value that is not a promise, or `Promise.reject(error)`: a promise settled
 * when it is made. Returning one from a try block outruns no work, and a rejection made that way is
 * meant for the caller (the try's catch is for what the block awaits).
 */
export function isSettledPromise(expression: ts.Expression, inference: PromiseInference): boolean {
  if (isPlainResolve(expression, inference)) return true;
  const node = skipOuter(expression);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'reject') return false;
  const receiver = skipOuter(node.expression.expression);
  return ts.isIdentifier(receiver) && receiver.text === 'Promise' && !findDeclaration(receiver);
}

/** `Promise.resolve()`, `Promise.resolve(null)`: settled with a value that is not a promise, so it cannot reject. */
function isPlainResolve(expression: ts.Expression, inference: PromiseInference): boolean {
  const node = skipOuter(expression);
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'resolve') return false;
  const receiver = skipOuter(node.expression.expression);
  return ts.isIdentifier(receiver) && receiver.text === 'Promise' && !findDeclaration(receiver) && node.arguments.every((argument) => !mayThrow(argument) && !inference.isPromise(argument));
}

function isAsync(fn: FunctionWithBody): boolean {
  return !!fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
}

export function cannotReject(fn: FunctionWithBody, inference: PromiseInference): boolean {
  if (!ts.isBlock(fn.body)) return isHandled(fn.body, inference);
  const statements = fn.body.statements;
  const seen = { logs: false };
  if (statements.length === 0 || !statements.every((statement) => statementCannotReject(statement, inference, seen))) return false;
  // Log lines count as tracing around work a try guards (`debug('stopping'); try { … } catch …`), not as the work itself.
  return !seen.logs || statements.some(ts.isTryStatement);
}

/**
 * A try whose catch (and finally) cannot reject; a value ending in a rejection handler, or a bare `return`;
 * a plain assignment (`this.timer = null`) or an `if` on a plain condition around such statements. A
 * returned value that is not handled (`return 3`) is not one: the function is judged as the async function it is.
 */
function statementCannotReject(statement: ts.Statement, inference: PromiseInference, seen: { logs: boolean }): boolean {
  if (ts.isTryStatement(statement)) {
    return !!statement.catchClause && !mayReject(statement.catchClause.block, inference) && (!statement.finallyBlock || !mayReject(statement.finallyBlock, inference));
  }
  if (ts.isBlock(statement)) return statement.statements.every((inner) => statementCannotReject(inner, inference, seen));
  if (ts.isIfStatement(statement)) {
    return !mayThrow(statement.expression) && statementCannotReject(statement.thenStatement, inference, seen) && (!statement.elseStatement || statementCannotReject(statement.elseStatement, inference, seen));
  }
  if (ts.isExpressionStatement(statement) || ts.isReturnStatement(statement)) {
    const value = statement.expression && skipOuter(statement.expression);
    if (!value) return true;
    const awaited = ts.isAwaitExpression(value) || ts.isVoidExpression(value) ? value.expression : value;
    if (isHandled(awaited, inference) || isTimerPromise(awaited)) return true;
    if (isSettleCall(value)) return true;
    if (!ts.isExpressionStatement(statement)) return false;
    if (isPlainLogCall(value)) return (seen.logs = true);
    return isPlainAssignment(value) || isProcessExit(value);
  }
  return false;
}

/**
 * `resolve(value)` / `reject(new Error(…))` with the functions a promise executor was given: they never
 * throw. The arguments must not run code that may (`resolve(JSON.parse(text))` may), a new error aside.
 */
function isSettleCall(expression: ts.Expression): boolean {
  if (!ts.isCallExpression(expression) || !ts.isIdentifier(expression.expression)) return false;
  const declaration = findDeclaration(expression.expression);
  return !!declaration && ts.isParameter(declaration) && isExecutorParameter(declaration) && expression.arguments.every((argument) => !mayThrow(argument) || isNewError(argument));
}

function isNewError(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /Error$/.test(node.expression.text) && (node.arguments ?? []).every((argument) => !mayThrow(argument));
}

/** `debug('closing')`, `console.error(\`failed: ${err}\`)`: a log call whose arguments run no code of their own. */
function isPlainLogCall(expression: ts.Expression): boolean {
  return ts.isCallExpression(expression) && isLogCall(expression, undefined, { reporters: [] }) && expression.arguments.every((argument) => !mayThrow(argument));
}

function isPlainAssignment(expression: ts.Expression): boolean {
  return ts.isBinaryExpression(expression) && expression.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && expression.operatorToken.kind <= ts.SyntaxKind.LastAssignment && !mayThrow(expression);
}

/**
 * `new Promise((resolve) => setTimeout(resolve, ms))`, `new Promise((r) => setImmediate(() => r()))`: a
 * wait, which only ever resolves (the timer's arguments run no code that may throw).
 */
function isTimerPromise(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'Promise' || findDeclaration(node.expression)) return false;
  const executor = node.arguments?.[0] && skipOuter(node.arguments[0]);
  if (!executor || !(ts.isArrowFunction(executor) || ts.isFunctionExpression(executor))) return false;
  const parameter = executor.parameters[0];
  if (!parameter || !ts.isIdentifier(parameter.name)) return false;
  const resolve = parameter.name.text;
  const timer = soleExpression(executor);
  if (!timer || !ts.isCallExpression(timer) || !ts.isIdentifier(timer.expression) || !TIMERS.has(timer.expression.text) || findDeclaration(timer.expression)) return false;
  const [callback, ...rest] = timer.arguments;
  return !!callback && callsOnly(callback, resolve) && rest.every((argument) => !mayThrow(argument));
}

const TIMERS = new Set(['setTimeout', 'setImmediate']);

/** `resolve`, or `() => resolve()` / `() => { resolve(); }` with nothing else. */
function callsOnly(callback: ts.Expression, resolve: string): boolean {
  const node = skipOuter(callback);
  if (ts.isIdentifier(node)) return node.text === resolve;
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  const call = soleExpression(node);
  return !!call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === resolve && call.arguments.every((argument) => !mayThrow(argument));
}

/** What a function does when that is one expression: an arrow's expression body, or a block's only expression statement. */
function soleExpression(fn: ts.ArrowFunction | ts.FunctionExpression): ts.Expression | undefined {
  if (!ts.isBlock(fn.body)) return skipOuter(fn.body);
  const [only, ...rest] = fn.body.statements;
  return only && rest.length === 0 && ts.isExpressionStatement(only) ? skipOuter(only.expression) : undefined;
}

/** `process.exit(0)`: the process ends there; nothing after it runs, nothing rejects. */
function isProcessExit(expression: ts.Expression): boolean {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression) || expression.expression.name.text !== 'exit') return false;
  const receiver = skipOuter(expression.expression.expression);
  return ts.isIdentifier(receiver) && receiver.text === 'process' && !findDeclaration(receiver) && expression.arguments.every((argument) => !mayThrow(argument));
}

/** A throw, or an await of something not handled, outside nested functions. */
export function mayReject(block: ts.Block, inference: PromiseInference): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isThrowStatement(node) || (ts.isAwaitExpression(node) && !isHandled(node.expression, inference) && !isTimerPromise(node.expression))) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}

/** Whether evaluating an expression runs code that may throw: a call, `new`, `await`, a tagged template, `delete`, `throw`. */
export function mayThrow(expression: ts.Node): boolean {
  return someNode(
    expression,
    (node) => ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isAwaitExpression(node) || ts.isTaggedTemplateExpression(node) || ts.isDeleteExpression(node) || ts.isYieldExpression(node),
    (node) => ts.isFunctionLike(node) || ts.isClassLike(node),
  );
}


/**
 * `this.close((err) => …)` where `close(callback)` makes a promise only when no callback is passed
 * (`if (callback === undefined) return new Promise(…)`): a callback-or-promise API called the callback
 * way gives no promise to drop.
 */
export function callsCallbackForm(call: ts.CallExpression, inference: PromiseInference): boolean {
  const fn = calledFunction(call);
  if (fn) return passesCallbackAt(call, callbackParameters(fn, inference));
  // `this.once('ready', onReady)` in a subclass, `this.emitter.once(…)` on a field: a method the file
  // declares, found by its name, when every method of that name is a callback-or-promise one.
  const callee = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !call.arguments.some((argument) => isFunctionArgument(argument))) return false;
  const methods = methodsNamed(call.getSourceFile(), callee.name.text);
  return methods.length > 0 && methods.every((method) => passesCallbackAt(call, callbackParameters(method, inference)));
}

/** A function written in place, or a name that surely holds one (see namesFunction). */
function isFunctionArgument(argument: ts.Expression): boolean {
  const node = skipOuter(argument);
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node) || (ts.isIdentifier(node) && namesFunction(node));
}

// A single slot: the lookup is rare (a member call given a function that the inference takes for a
// promise), and a WeakMap from trees to their nodes would keep both alive until a full collection.
let methodsOfTree: { tree: ts.SourceFile; byName: Map<string, FunctionWithBody[]> } | undefined;

/** The methods with a body that classes and object literals of the file declare under this name. */
function methodsNamed(tree: ts.SourceFile, name: string): FunctionWithBody[] {
  if (methodsOfTree?.tree !== tree) {
    const byName = new Map<string, FunctionWithBody[]>();
    for (const node of syntaxNodes(tree)) {
      if (!ts.isMethodDeclaration(node) || !node.body) continue;
      const key = propertyNameText(node.name);
      if (key === undefined) continue;
      const list = byName.get(key) ?? [];
      list.push(node as FunctionWithBody);
      byName.set(key, list);
    }
    methodsOfTree = { tree, byName };
  }
  return methodsOfTree.byName.get(name) ?? [];
}

/**
 * Whether the call passes a function at one of these argument positions: written in place (`() => …`,
 * `function () {…}`), or named where the name surely holds one (see namesFunction).
 */
export function passesCallbackAt(call: ts.CallExpression, indexes: readonly number[]): boolean {
  return indexes.some((index) => !!call.arguments[index] && isFunctionArgument(call.arguments[index]));
}

/** `err`, `error`, `e`, `_err`, and camel-case names ending in one (`fileErr`, `readError`). */
const ERROR_PARAMETER = /^_?(err|error|er|e|ex|exc)$/i;
const CAMEL_ERROR_PARAMETER = /[a-z0-9](Err|Error)$/;

/**
 * `client.query(sql, (err, res) => …)`: the last argument is a function written in place whose first
 * parameter takes an error — Node's error-first callback, which the called function reports its failure
 * to. Libraries with both styles (pg, mysql, mongodb, redis) give no promise when called this way.
 */
export function passesErrorFirstCallback(call: ts.CallExpression): boolean {
  const last = call.arguments[call.arguments.length - 1];
  const callback = last && skipOuter(last);
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return false;
  const first = callback.parameters[0];
  return !!first && ts.isIdentifier(first.name) && (ERROR_PARAMETER.test(first.name.text) || CAMEL_ERROR_PARAMETER.test(first.name.text));
}

/**
 * A name that surely holds a function: a function declaration, a const initialised with a function, or
 * the `resolve`/`reject` parameter of a promise executor (`new Promise((resolve) => this.close(resolve))`).
 */
function namesFunction(name: ts.Identifier): boolean {
  const declaration = findDeclaration(name);
  if (!declaration) return false;
  if (ts.isFunctionDeclaration(declaration)) return true;
  if (ts.isVariableDeclaration(declaration)) {
    const init = declaration.initializer && skipOuter(declaration.initializer);
    return !isReassignable(declaration) && !!init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init));
  }
  return ts.isParameter(declaration) && isExecutorParameter(declaration);
}

/** A parameter of the function passed to `new Promise(…)` (or a promise class held elsewhere: `new this._Promise(…)`). */
function isExecutorParameter(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.indexOf(parameter) > 1) return false;
  const creation = fn.parent;
  if (!creation || !ts.isNewExpression(creation) || creation.arguments?.[0] !== fn) return false;
  const callee = skipOuter(creation.expression);
  const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /Promise$/.test(calleeName);
}

/**
 * The parameters of a function (not async, no declared return type) whose absence is the only way it
 * returns a promise; with the optional-options idiom (`if (typeof options === 'function') { cb = options;
 * options = {} }`), the earlier parameter that takes the callback's place counts too.
 */
export function callbackParameters(fn: FunctionWithBody, inference: PromiseInference): number[] {
  if (fn.type || !ts.isBlock(fn.body) || fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) return [];
  const body = fn.body;
  const promiseReturns = returnExpressions(body).filter((value) => inference.isPromise(value));
  if (promiseReturns.length === 0) return [];
  const names = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
  const indexes: number[] = [];
  names.forEach((name, index) => {
    if (name === undefined || fn.parameters[index].dotDotDotToken || !promiseReturns.every((value) => onlyWithout(value, name, body))) return;
    indexes.push(index);
    for (const alias of callbackAliases(body, name)) {
      const at = names.indexOf(alias);
      if (at >= 0 && !indexes.includes(at)) indexes.push(at);
    }
  });
  for (const at of variadicCallbackPositions(fn, body, promiseReturns)) if (!indexes.includes(at)) indexes.push(at);
  return indexes;
}

/** How many arguments past a rest parameter's start variadicCallbackPositions tries. */
const VARIADIC_POSITIONS = 4;

/**
 * Where a function taking its arguments as a rest parameter (`once(...args)`) or through `arguments`
 * makes its promise only without a function among them: `if (args.length === 0 || args.length === 1 &&
 * typeof args[0] !== 'function') return new Promise(…)`. A position counts when, for every argument
 * count that reaches it (up to four past the rest parameter), with a function there and nothing known
 * of the other arguments, the conditions around each returned promise rule it out.
 */
function variadicCallbackPositions(fn: FunctionWithBody, body: ts.Block, promiseReturns: readonly ts.Expression[]): number[] {
  const last = fn.parameters[fn.parameters.length - 1];
  const rest = last?.dotDotDotToken && ts.isIdentifier(last.name) ? { name: last.name.text, start: fn.parameters.length - 1 } : !ts.isArrowFunction(fn) && fn.parameters.length === 0 && mentionsArguments(body) ? { name: 'arguments', start: 0 } : undefined;
  if (!rest) return [];
  const lengthAliases = lengthAliasesOf(body, rest.name);
  const positions: number[] = [];
  for (let at = rest.start; at < rest.start + VARIADIC_POSITIONS; at++) {
    let ruledOut = true;
    for (let count = at + 1; ruledOut && count <= rest.start + VARIADIC_POSITIONS; count++) {
      const shape: CallShape = { rest: rest.name, restStart: rest.start, count, functionAt: at, lengthAliases };
      ruledOut = promiseReturns.every((value) => unreachableFor(value, body, shape));
    }
    if (ruledOut) positions.push(at);
  }
  return positions;
}

/** A call's arguments as far as the conditions of a variadic function can tell: how many, and where a function is. */
interface CallShape {
  rest: string;
  restStart: number;
  /** All the arguments, the ones before the rest parameter included. */
  count: number;
  functionAt: number;
  /** Constants the body sets to the rest parameter's length (`const argCount = args.length`). */
  lengthAliases: ReadonlySet<string>;
}

function mentionsArguments(body: ts.Block): boolean {
  return someNode(body, (node) => ts.isIdentifier(node) && node.text === 'arguments', (node) => ts.isFunctionLike(node) && !ts.isArrowFunction(node));
}

/** `const argCount = args.length` among the body's first statements. */
function lengthAliasesOf(body: ts.Block, rest: string): Set<string> {
  const aliases = new Set<string>();
  for (const statement of body.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer && skipOuter(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && init && ts.isPropertyAccessExpression(init) && init.name.text === 'length' && isNamed(init.expression, rest)) aliases.add(declaration.name.text);
    }
  }
  return aliases;
}

/** Whether, for calls of this shape, the conditions on the way from the body to `node` keep it from running (an `if` it is under, or an earlier `if` that returns or throws). */
function unreachableFor(node: ts.Node, body: ts.Block, shape: CallShape): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (ts.isIfStatement(current)) {
      const holds = conditionFor(current.expression, shape);
      if (child === current.thenStatement && holds === false) return true;
      if (child === current.elseStatement && holds === true) return true;
    }
    if (ts.isBlock(current)) {
      const at = current.statements.indexOf(child as ts.Statement);
      for (const earlier of current.statements.slice(0, Math.max(at, 0))) {
        if (ts.isIfStatement(earlier) && !earlier.elseStatement && exits(earlier.thenStatement) && conditionFor(earlier.expression, shape) === true) return true;
      }
    }
    if (current === body) return false;
  }
  return false;
}

type ShapeValue = { number: number } | { text: string } | { argument: number } | undefined;

/** The value of a condition for calls of this shape: true, false, or undefined when it depends on what is not known. */
function conditionFor(condition: ts.Expression, shape: CallShape): boolean | undefined {
  const node = skipOuter(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = conditionFor(node.operand, shape);
    return inner === undefined ? undefined : !inner;
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      const left = conditionFor(node.left, shape);
      const right = conditionFor(node.right, shape);
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return left === false || right === false ? false : left === true && right === true ? true : undefined;
      return left === true || right === true ? true : left === false && right === false ? false : undefined;
    }
    return compare(op, valueFor(node.left, shape), valueFor(node.right, shape));
  }
  // An argument itself as the condition: absent is falsy, a function truthy.
  const value = valueFor(node, shape);
  if (value && 'argument' in value) return value.argument >= shape.count ? false : value.argument === shape.functionAt ? true : undefined;
  return undefined;
}

function compare(op: ts.SyntaxKind, left: ShapeValue, right: ShapeValue): boolean | undefined {
  const known = (value: ShapeValue) => (value && 'number' in value ? value.number : value && 'text' in value ? value.text : undefined);
  const a = known(left);
  const b = known(right);
  if (a === undefined || b === undefined) return undefined;
  switch (op) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsToken:
      return a === b;
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
      return a !== b;
    case ts.SyntaxKind.LessThanToken:
      return a < b;
    case ts.SyntaxKind.LessThanEqualsToken:
      return a <= b;
    case ts.SyntaxKind.GreaterThanToken:
      return a > b;
    case ts.SyntaxKind.GreaterThanEqualsToken:
      return a >= b;
    default:
      return undefined;
  }
}

/** A number or text the shape fixes (`args.length`, `typeof args[1]`, a literal), or which argument an expression reads. */
function valueFor(expression: ts.Expression, shape: CallShape): ShapeValue {
  const node = skipOuter(expression);
  if (ts.isNumericLiteral(node)) return { number: Number(node.text) };
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { text: node.text };
  if (ts.isIdentifier(node) && shape.lengthAliases.has(node.text)) return { number: shape.count - shape.restStart };
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'length' && isNamed(node.expression, shape.rest)) return { number: shape.count - shape.restStart };
  if (ts.isElementAccessExpression(node) && isNamed(node.expression, shape.rest)) {
    const index = skipOuter(node.argumentExpression);
    return ts.isNumericLiteral(index) ? { argument: shape.restStart + Number(index.text) } : undefined;
  }
  if (ts.isTypeOfExpression(node)) {
    const of = valueFor(node.expression, shape);
    if (!of || !('argument' in of)) return undefined;
    return of.argument >= shape.count ? { text: 'undefined' } : of.argument === shape.functionAt ? { text: 'function' } : undefined;
  }
  return undefined;
}

/** Parameters that `callback` takes the value of when they hold a function: `if (typeof options === 'function') { callback = options; … }`, at the top of the body. */
function callbackAliases(body: ts.Block, callback: string): string[] {
  const aliases: string[] = [];
  for (const statement of body.statements) {
    if (!ts.isIfStatement(statement)) continue;
    const test = typeOfTest(statement.expression);
    if (!test || test.negated || test.text !== 'function') continue;
    const tested = test.name;
    const block = statement.thenStatement;
    const inner = ts.isBlock(block) ? block.statements : [block];
    const assigns = inner.some((s) => ts.isExpressionStatement(s) && ts.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isIdentifier(s.expression.left) && s.expression.left.text === callback && ts.isIdentifier(skipOuter(s.expression.right)) && (skipOuter(s.expression.right) as ts.Identifier).text === tested);
    if (assigns) aliases.push(tested);
  }
  return aliases;
}

/** `typeof name <op> 'text'`, either way round, with `===`, `==`, `!==` or `!=`: the name, the text, and whether the test is a negation. */
function typeOfTest(condition: ts.Expression): { name: string; text: string; negated: boolean } | undefined {
  const node = skipOuter(condition);
  if (!ts.isBinaryExpression(node)) return undefined;
  const op = node.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  for (const [a, b] of [[node.left, node.right], [node.right, node.left]] as const) {
    const typeOf = skipOuter(a);
    const literal = skipOuter(b);
    const operand = ts.isTypeOfExpression(typeOf) ? skipOuter(typeOf.expression) : undefined;
    if (operand && ts.isIdentifier(operand) && ts.isStringLiteral(literal)) return { name: operand.text, text: literal.text, negated: !equal };
  }
  return undefined;
}

/** Whether `node` (a returned value) runs only in the branch of an `if` that tests the parameter `name` for absence. */
function onlyWithout(node: ts.Node, name: string, body: ts.Block): boolean {
  let child: ts.Node = node;
  for (let current = node.parent; current && current !== body; child = current, current = current.parent) {
    if (ts.isIfStatement(current) && child === current.thenStatement && testsAbsence(current.expression, name)) return true;
    if (ts.isIfStatement(current) && child === current.elseStatement && testsPresence(current.expression, name)) return true;
  }
  // After an early exit when it is given: `if (callback) { this._connect(callback); return } return new Promise(…)`.
  const at = body.statements.indexOf(child as ts.Statement);
  return body.statements.slice(0, Math.max(at, 0)).some((statement) => ts.isIfStatement(statement) && !statement.elseStatement && testsPresence(statement.expression, name) && exits(statement.thenStatement));
}

/** `cb`, `cb !== undefined`, `cb != null`, `typeof cb === 'function'`: the parameter `name` is given. */
function testsPresence(condition: ts.Expression, name: string): boolean {
  const node = skipOuter(condition);
  if (isNamed(node, name)) return true;
  if (!ts.isBinaryExpression(node)) return false;
  const typeTest = typeOfTest(node);
  if (typeTest) return typeTest.name === name && (typeTest.negated ? typeTest.text === 'undefined' : typeTest.text === 'function');
  return comparedToNullish(node, name, 'unequal');
}

/** A statement (or block) whose last statement returns or throws. */
function exits(statement: ts.Statement): boolean {
  const last = ts.isBlock(statement) ? statement.statements[statement.statements.length - 1] : statement;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
}

/** `!cb`, `cb === undefined`, `cb == null`, `typeof cb !== 'function'`, `typeof cb === 'undefined'`. */
function testsAbsence(condition: ts.Expression, name: string): boolean {
  const node = skipOuter(condition);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return isNamed(node.operand, name);
  if (!ts.isBinaryExpression(node)) return false;
  const typeTest = typeOfTest(node);
  if (typeTest) return typeTest.name === name && (typeTest.negated ? typeTest.text === 'function' : typeTest.text === 'undefined');
  return comparedToNullish(node, name, 'equal');
}

/** The identifier `name`, maybe in parentheses or a type assertion. */
function isNamed(expression: ts.Expression, name: string): boolean {
  const node = skipOuter(expression);
  return ts.isIdentifier(node) && node.text === name;
}

/** `name === null`, `undefined == name`, `name !== void 0`…: `name` compared (equal or unequal, strictly or not) with a nullish value. */
function comparedToNullish(node: ts.BinaryExpression, name: string, comparison: 'equal' | 'unequal'): boolean {
  const op = node.operatorToken.kind;
  const matches = comparison === 'equal' ? op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken : op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
  return matches && ((isNamed(node.left, name) && isNullish(node.right)) || (isNamed(node.right, name) && isNullish(node.left)));
}

/** `null`, `undefined` or `void 0` (how compilers and bundlers write undefined). */
function isNullish(expression: ts.Expression): boolean {
  const node = skipOuter(expression);
  if (node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined')) return true;
  return ts.isVoidExpression(node) && ts.isNumericLiteral(skipOuter(node.expression));
}
