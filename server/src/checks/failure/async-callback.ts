// failure/async-callback: an async function (or one returning a promise) handed to a caller that
// ignores the promise — forEach, timers, event listeners, `new Promise(async …)`, Express 4 handlers,
// or a parameter this file declares as returning `void` — whose body does not handle its own rejections.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { Check, FileSystemHost } from '../../engine/types';
import { isHandled } from './floating-promise';
import { inferenceFor } from './support/inference-for';
import type { PromiseInference } from './support/promise-inference';
import { findDeclaration, skipOuter } from './support/scope';

export const ASYNC_CALLBACK = 'failure/async-callback';

type Site = 'forEach' | 'timer' | 'listener' | 'executor' | 'express' | 'void-parameter';

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'all', 'use', 'options', 'head', 'param']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

export const asyncCallback: Check = {
  meta: {
    id: ASYNC_CALLBACK,
    family: 'failure',
    title: 'Async callback whose promise is ignored',
    rationale:
      'Callers such as `forEach`, `setTimeout`, event emitters and Express 4 route handlers call the function and drop what it returns. When the function is async, its rejection has nowhere to go: Node reports an unhandled rejection and exits, an Express request hangs until it times out, and `forEach` returns before any of the work is done. `new Promise(async …)` loses the error too: the outer promise never settles.',
    remedy:
      'Use a caller that awaits (`for … of` with `await`, `await Promise.all(items.map(…))`), or make the callback handle its own failure: wrap the whole body in try/catch that reports the error (in Express, `next(err)`). Express 5 forwards rejections itself.',
    defaultSeverity: 'warning',
    instruction: {
      text: 'Do not pass async functions where the caller ignores the promise (`forEach`, timers, event handlers, `new Promise(async …)`) unless the body catches every rejection.',
      recap: 'no async callbacks whose rejections vanish',
    },
    languages: ['typescript', 'javascript'],
    examples: {
      bad: [
        'orders.forEach(async (order) => {\n  await charge(order);\n});',
        'emitter.on("job", async (job) => {\n  await run(job);\n});',
        'new Promise(async (resolve) => {\n  resolve(await load());\n});',
      ],
      good: [
        'for (const order of orders) {\n  await charge(order);\n}',
        'emitter.on("job", async (job) => {\n  try {\n    await run(job);\n  } catch (error) {\n    log.error({ error, job }, "job failed");\n  }\n});',
      ],
    },
  },
  run(context) {
    const tree = context.tsTree();
    if (!tree) return;
    const inference = inferenceFor(context);
    let express5: boolean | undefined;
    const isExpress5 = () => (express5 ??= expressMajor(context.host, path.dirname(context.document.path)) >= 5);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        for (const { argument, site, caller } of callbackSites(node, inference)) {
          if (site === 'express' && isExpress5()) continue;
          if (!inference.callGivesPromise(argument) || handlesOwnRejections(argument, inference)) continue;
          const inner = skipOuter(argument);
          const start = inner.getStart(tree);
          const end = ts.isArrowFunction(inner) ? inner.equalsGreaterThanToken.end : ts.isFunctionExpression(inner) ? inner.body.getStart(tree) : inner.end;
          context.report({ ruleId: ASYNC_CALLBACK, start, end: trimEnd(tree.text, start, end), message: messageFor(site, caller) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  },
};

interface CallbackSite {
  argument: ts.Expression;
  site: Site;
  /** How the caller is named in the message. */
  caller: string;
}

function callbackSites(node: ts.CallExpression | ts.NewExpression, inference: PromiseInference): CallbackSite[] {
  const args = node.arguments ?? ts.factory.createNodeArray<ts.Expression>();
  const callee = skipOuter(node.expression);
  const functionArgs = () => args.filter((a) => !ts.isSpreadElement(a));
  if (ts.isNewExpression(node)) {
    if (ts.isIdentifier(callee) && callee.text === 'Promise' && !findDeclaration(callee) && args[0]) return [{ argument: args[0], site: 'executor', caller: 'new Promise' }];
    return voidParameterSites(callee, args);
  }
  if (ts.isIdentifier(callee)) {
    if (TIMERS.has(callee.text) && !findDeclaration(callee) && args[0]) return [{ argument: args[0], site: 'timer', caller: callee.text }];
    return voidParameterSites(callee, args);
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    const receiver = skipOuter(callee.expression);
    if (TIMERS.has(name) && ts.isIdentifier(receiver) && GLOBAL_OBJECTS.has(receiver.text) && args[0]) return [{ argument: args[0], site: 'timer', caller: name }];
    if (name === 'nextTick' && ts.isIdentifier(receiver) && receiver.text === 'process' && args[0]) return [{ argument: args[0], site: 'timer', caller: 'process.nextTick' }];
    if (name === 'forEach' && args[0]) return [{ argument: args[0], site: 'forEach', caller: 'forEach' }];
    if (LISTENER_METHODS.has(name) && args.length >= 2) return functionArgs().slice(1).map((argument) => ({ argument, site: 'listener' as const, caller: `.${name}(…)` }));
    if (ROUTE_METHODS.has(name) && isExpressApp(receiver, inference)) return functionArgs().map((argument) => ({ argument, site: 'express' as const, caller: `.${name}(…)` }));
  }
  return [];
}

/** Arguments passed where this file's own declaration of the callee says the callback returns `void`. */
function voidParameterSites(callee: ts.Expression, args: readonly ts.Expression[]): CallbackSite[] {
  if (!ts.isIdentifier(callee)) return [];
  const declaration = findDeclaration(callee);
  let parameters: readonly ts.ParameterDeclaration[] | undefined;
  if (declaration && ts.isFunctionDeclaration(declaration)) parameters = declaration.parameters;
  else if (declaration && ts.isClassDeclaration(declaration)) parameters = declaration.members.find(ts.isConstructorDeclaration)?.parameters;
  else if (declaration && ts.isVariableDeclaration(declaration)) {
    const init = declaration.initializer && skipOuter(declaration.initializer);
    if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) parameters = init.parameters;
    else if (declaration.type && ts.isFunctionTypeNode(declaration.type)) parameters = declaration.type.parameters;
  }
  if (!parameters) return [];
  const sites: CallbackSite[] = [];
  args.forEach((argument, index) => {
    const parameter = parameters![Math.min(index, parameters!.length - 1)];
    if (!parameter?.type || ts.isSpreadElement(argument)) return;
    if (index >= parameters!.length && !parameter.dotDotDotToken) return;
    const type = parameter.dotDotDotToken ? elementType(parameter.type) : parameter.type;
    if (type && returnsVoid(type)) sites.push({ argument, site: 'void-parameter', caller: callee.text });
  });
  return sites;
}

function elementType(type: ts.TypeNode): ts.TypeNode | undefined {
  if (ts.isArrayTypeNode(type)) return type.elementType;
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Array') return type.typeArguments?.[0];
  return undefined;
}

/** A function type whose return is `void` (alone or in a union with other void-returning functions). */
function returnsVoid(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return returnsVoid(type.type);
  if (ts.isFunctionTypeNode(type)) return type.type.kind === ts.SyntaxKind.VoidKeyword;
  if (ts.isUnionTypeNode(type)) {
    const functions = type.types.filter((t) => ts.isFunctionTypeNode(t) || ts.isParenthesizedTypeNode(t));
    return functions.length > 0 && functions.every(returnsVoid);
  }
  return false;
}

/** `app`/`router` made by `express()`, `express.Router()` or `Router()` from express. */
function isExpressApp(receiver: ts.Expression, inference: PromiseInference): boolean {
  const reference = inference.referenceOf(receiver);
  if (!reference || reference.base.kind !== 'node') return false;
  const declaration = reference.base.node;
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer || reference.steps.length > 0) return false;
  const made = inference.referenceOf(declaration.initializer);
  if (!made || made.base.kind !== 'node') return false;
  const origin = made.base.node;
  const fromExpress = (ts.isImportClause(origin) || ts.isImportSpecifier(origin) || ts.isNamespaceImport(origin)) ? moduleSpecifierOf(origin) === 'express'
    : ts.isVariableDeclaration(origin) && !!origin.initializer && isRequireOf(origin.initializer, 'express');
  return fromExpress && made.steps[made.steps.length - 1] === '()';
}

function moduleSpecifierOf(node: ts.Node): string | undefined {
  let current: ts.Node | undefined = node;
  while (current && !ts.isImportDeclaration(current)) current = current.parent;
  return current && ts.isStringLiteralLike(current.moduleSpecifier) ? current.moduleSpecifier.text : undefined;
}

function isRequireOf(expression: ts.Expression, name: string): boolean {
  const node = skipOuter(expression);
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && ts.isStringLiteralLike(node.arguments[0] ?? node) && (node.arguments[0] as ts.StringLiteral).text === name;
}

/** The whole body in try/catch whose catch does not rethrow, or every statement ending in `.catch(handler)`. */
function handlesOwnRejections(argument: ts.Expression, inference: PromiseInference): boolean {
  let fn: ts.Node | undefined = skipOuter(argument);
  if (ts.isIdentifier(fn)) {
    const declaration = findDeclaration(fn);
    fn = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuter(declaration.initializer) : declaration;
  }
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn)) || !fn.body) return false;
  if (!ts.isBlock(fn.body)) return isHandled(fn.body, inference);
  const statements = fn.body.statements;
  return statements.length > 0 && statements.every((statement) => {
    if (ts.isTryStatement(statement)) return !!statement.catchClause && !mayReject(statement.catchClause.block, inference) && (!statement.finallyBlock || !mayReject(statement.finallyBlock, inference));
    if (ts.isExpressionStatement(statement) || ts.isReturnStatement(statement)) {
      const value = statement.expression && skipOuter(statement.expression);
      if (!value) return true;
      const awaited = ts.isAwaitExpression(value) || ts.isVoidExpression(value) ? value.expression : value;
      return isHandled(awaited, inference);
    }
    return false;
  });
}

/** A throw, or an await of something not handled, outside nested functions. */
function mayReject(block: ts.Block, inference: PromiseInference): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isThrowStatement(node) || (ts.isAwaitExpression(node) && !isHandled(node.expression, inference))) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function messageFor(site: Site, caller: string): string {
  switch (site) {
    case 'forEach':
      return 'Async callback passed to `forEach`, which ignores the promise it returns: `forEach` returns before the work is done and a rejection becomes an unhandled rejection (Node exits). Use `for … of` with `await`, or `await Promise.all(items.map(…))`.';
    case 'timer':
      return `Async callback passed to \`${caller}\`, which ignores the promise it returns: a rejection becomes an unhandled rejection and Node exits. Wrap the whole body in try/catch that reports the error.`;
    case 'listener':
      return `Async listener passed to \`${caller}\`: the emitter ignores the promise it returns, so a rejection becomes an unhandled rejection and Node exits. Wrap the whole body in try/catch that reports the error.`;
    case 'executor':
      return 'Async executor in `new Promise(async …)`: if it throws, the error is lost and the promise never settles, so callers hang. Make the executor synchronous, or drop the wrapper and use the async function directly.';
    case 'express':
      return `Async route handler passed to \`${caller}\`: Express 4 ignores the promise it returns, so a rejection leaves the request hanging and becomes an unhandled rejection. Wrap the body in try/catch and call \`next(err)\`, or move to Express 5, which forwards rejections.`;
    case 'void-parameter':
      return `Async callback passed to \`${caller}\`, whose parameter returns \`void\`: the promise is ignored, so a rejection becomes an unhandled rejection and nothing waits for the work. Pass a synchronous function, or handle the error inside with try/catch.`;
  }
}

/** The major version of express the nearest package.json asks for (0 when none or unreadable). */
export function expressMajor(host: FileSystemHost, dir: string): number {
  for (let current = dir; ; current = path.dirname(current)) {
    const file = path.join(current, 'package.json');
    const text = host.fileExists(file) ? host.readFile(file) : undefined;
    if (text !== undefined) {
      try {
        const data = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
        const range = data.dependencies?.express ?? data.devDependencies?.express ?? data.peerDependencies?.express;
        if (range !== undefined) return Number(/(\d+)/.exec(range)?.[1] ?? 0);
      } catch {
        return 0;
      }
    }
    if (path.dirname(current) === current) return 0;
  }
}
