// failure/async-callback: an async function (or one returning a promise) handed to a caller that
// ignores the promise — forEach, timers, event listeners, `new Promise(async …)`, Express 4 handlers,
// or a parameter this file declares as returning `void` — whose body does not handle its own rejections.
import * as path from 'node:path';
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call.
import ts from 'typescript';
import type { Check } from '../../engine/types';
import { dependencyMajor } from './support/dependency-version';
import { cannotReject } from './support/maybe-promise';
import { inferenceFor } from './support/inference-for';
import type { PromiseInference } from './support/promise-inference';
import { findDeclaration, GLOBAL_OBJECTS, skipOuter } from './support/scope';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';
import { coroutineCallbacks } from './python/coroutine-callbacks';
import { importedCoroutineLookup } from './python/coroutine-exports';

export const ASYNC_CALLBACK = 'failure/async-callback';

type Site = 'forEach' | 'timer' | 'listener' | 'executor' | 'express' | 'void-parameter' | 'void-spread' | 'void-context' | 'void-override' | 'predicate' | 'dom-handler' | 'effect';

const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'all', 'use', 'options', 'head', 'param']);
const PREDICATE_METHODS = new Set(['filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);

export const asyncCallback: Check = {
  meta: {
    id: ASYNC_CALLBACK,
    family: 'failure',
    title: 'Async callback whose promise is ignored',
    rationale:
      'Callers such as `forEach`, `setTimeout`, event emitters, Express 4 route handlers, React effects (`useEffect`) and the event handlers of JSX elements (`<button onClick>`) call the function and drop what it returns. When the function is async, its rejection has nowhere to go: Node reports an unhandled rejection and exits, an Express request hangs until it times out, the error of a click handler never reaches the user, an async effect never runs its cleanup, and `forEach` returns before any of the work is done. `new Promise(async …)` loses the error too: the outer promise never settles. In Python, a coroutine function (an `async def` of the file, a method of the same class, or one imported from another module) handed to a caller that calls it and drops the result — a thread\'s or process\'s `target`, a `Timer`, the event loop\'s `call_soon`/`call_later`/`run_in_executor`, an executor\'s `submit`, `add_done_callback`, `atexit.register`, `signal.signal`, `schedule…do` — never runs at all: calling it only makes the coroutine.',
    remedy:
      'Use a caller that awaits (`for … of` with `await`, `await Promise.all(items.map(…))`), or make the callback handle its own failure: wrap the whole body in try/catch that reports the error (in Express, `next(err)`). Express 5 forwards rejections itself.',
    defaultSeverity: 'warning',
    instruction: {
      text: 'No async callback whose promise is dropped.',
      recap: 'no ignored async callbacks',
    },
    languages: ['typescript', 'javascript', 'python'],
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
  statementLocal: true,
  run(context) {
    if (context.document.language === 'python') {
      for (const found of coroutineCallbacks(context.document.text, importedCoroutineLookup(context))) {
        context.report({
          ruleId: ASYNC_CALLBACK,
          start: found.start,
          end: found.end,
          message: `Coroutine function \`${found.callback}\` passed to \`${found.caller}\`, which calls it and drops what it returns: the coroutine is never awaited, so its body never runs (Python only warns that it "was never awaited"). ${found.otherThread ? 'Pass a sync function that runs it (`asyncio.run(…)` in the thread, or `asyncio.run_coroutine_threadsafe(…, loop)` onto a running loop).' : 'Pass a sync function that schedules it on the loop (`lambda: asyncio.create_task(…)`, keeping the task) or await it where it is needed.'}`,
        });
      }
      return;
    }
    const tree = context.tsTree();
    if (!tree) return;
    const inference = inferenceFor(context);
    let express5: boolean | undefined;
    const isExpress5 = () => (express5 ??= dependencyMajor(context.host, path.dirname(context.document.path), 'express') >= 5);
    // Only the kinds that can hold a callback.
    for (const node of nodesToCheck(tree, interesting())) {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        for (const { argument, site, caller } of callbackSites(node, inference)) {
          if (ts.isSpreadElement(argument)) {
            // `consume(...callbacks)`: an array of functions that give promises, spread where each should return `void`.
            if (inference.holdsPromiseFunctions(argument.expression)) context.report({ ruleId: ASYNC_CALLBACK, start: argument.getStart(tree), end: argument.end, message: messageFor(site, caller) });
            continue;
          }
          if (site === 'express' && isExpress5()) continue;
          // A predicate's or an effect's promise is wrong even when it never rejects: always truthy; no cleanup.
          if (!inference.callGivesPromise(argument) || (site !== 'predicate' && site !== 'effect' && handlesOwnRejections(argument, inference))) continue;
          const inner = skipOuter(argument);
          const start = inner.getStart(tree);
          const end = ts.isArrowFunction(inner) ? inner.equalsGreaterThanToken.end : ts.isFunctionExpression(inner) ? inner.body.getStart(tree) : inner.end;
          context.report({ ruleId: ASYNC_CALLBACK, start, end: trimEnd(tree.text, start, end), message: messageFor(site, caller) });
        }
      }
      for (const { value, caller, site = 'void-context' } of voidContexts(node)) {
        if (!isPromiseFunction(value, inference) || handlesOwnRejections(value, inference)) continue;
        const start = value.getStart(tree);
        const end = ts.isArrowFunction(value) ? value.equalsGreaterThanToken.end : (ts.isFunctionExpression(value) || ts.isMethodDeclaration(value)) && value.body ? value.body.getStart(tree) : value.end;
        context.report({ ruleId: ASYNC_CALLBACK, start, end: trimEnd(tree.text, start, end), message: messageFor(site, caller) });
      }
      if ((ts.isClassLike(node) || ts.isInterfaceDeclaration(node)) && node.heritageClauses) {
        for (const { member, base } of promiseOverridesOfVoid(node, inference)) {
          if (ts.isMethodDeclaration(member) && handlesOwnRejections(member, inference)) continue;
          const name = member.name!;
          context.report({ ruleId: ASYNC_CALLBACK, start: name.getStart(tree), end: name.end, message: messageFor('void-override', `${base}.${name.getText(tree)}`) });
        }
      }
    }
  },
};

type Member = ts.ClassElement | ts.TypeElement;

// Built on first use: TypeScript loads only when a check needs it (see scripts/build.mjs).
let interestingKinds: NodeKinds | undefined;
const interesting = () => (interestingKinds ??= kindsOf(
  ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.ReturnStatement, ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.JsxAttribute,
  ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.ClassExpression, ts.SyntaxKind.InterfaceDeclaration,
));

/** Members that give promises where a base class or interface of this file declares them returning `void`. */
function promiseOverridesOfVoid(node: ts.ClassLikeDeclaration | ts.InterfaceDeclaration, inference: PromiseInference): { member: Member; base: string }[] {
  const out: { member: Member; base: string }[] = [];
  const bases = (node.heritageClauses ?? []).flatMap((clause) => clause.types.map((t) => t.expression));
  if (bases.length === 0) return out;
  for (const member of node.members as ts.NodeArray<Member>) {
    const name = member.name && propertyName(member.name as ts.PropertyName);
    if (name === undefined || !memberGivesPromise(member, inference)) continue;
    const isStatic = hasStatic(member);
    for (const base of bases) {
      const found = voidMemberIn(base, name, isStatic, 0);
      if (found) {
        out.push({ member, base: found });
        break;
      }
    }
  }
  return out;
}

function hasStatic(member: Member): boolean {
  return ts.canHaveModifiers(member) && !!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
}

function memberGivesPromise(member: Member, inference: PromiseInference): boolean {
  if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) return inference.returnsPromise(member);
  if (ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) {
    if (member.type) return typeGivesPromise(member.type);
    return ts.isPropertyDeclaration(member) && !!member.initializer && inference.callGivesPromise(member.initializer);
  }
  return false;
}

function typeGivesPromise(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return typeGivesPromise(type.type);
  return ts.isFunctionTypeNode(type) && ts.isTypeReferenceNode(type.type) && ts.isIdentifier(type.type.typeName) && type.type.typeName.text === 'Promise';
}

/** `Base` when the class or interface `expression` names (in this file) declares `name` returning `void`. */
function voidMemberIn(expression: ts.Expression, name: string, isStatic: boolean, depth: number): string | undefined {
  if (depth > 5 || !ts.isIdentifier(expression)) return undefined;
  let declaration: ts.Node | undefined = findDeclaration(expression);
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isClassExpression(skipOuter(declaration.initializer))) declaration = skipOuter(declaration.initializer);
  if (declaration && ts.isTypeAliasDeclaration(declaration)) {
    const member = isStatic ? undefined : memberType(declaration.type, name);
    return member && returnsVoid(member) ? expression.text : undefined;
  }
  if (!declaration || !(ts.isClassLike(declaration) || ts.isInterfaceDeclaration(declaration))) return undefined;
  for (const member of declaration.members as ts.NodeArray<Member>) {
    if (!member.name || propertyName(member.name as ts.PropertyName) !== name || hasStatic(member) !== isStatic) continue;
    if ((ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) && member.type?.kind === ts.SyntaxKind.VoidKeyword) return expression.text;
    if ((ts.isPropertyDeclaration(member) || ts.isPropertySignature(member)) && member.type && returnsVoid(member.type)) return expression.text;
    if ((ts.isPropertyDeclaration(member)) && !member.type && member.initializer) {
      const init = skipOuter(member.initializer);
      if (ts.isArrowFunction(init) && init.type?.kind === ts.SyntaxKind.VoidKeyword) return expression.text;
    }
  }
  for (const clause of declaration.heritageClauses ?? []) {
    for (const type of clause.types) {
      const found = voidMemberIn(type.expression, name, isStatic, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** A function value (or method) that gives a promise when called. */
function isPromiseFunction(value: ts.Node, inference: PromiseInference): boolean {
  if (ts.isMethodDeclaration(value)) return inference.returnsPromise(value);
  return ts.isExpression(value) && inference.callGivesPromise(value);
}

/** Function values placed where this file declares a function returning `void`: typed variables, members, returns, JSX props. */
function voidContexts(node: ts.Node): { value: ts.Expression | ts.MethodDeclaration; caller: string; site?: Site }[] {
  const out: { value: ts.Expression | ts.MethodDeclaration; caller: string; site?: Site }[] = [];
  const objectAgainst = (literal: ts.Expression, type: ts.TypeNode) => {
    const object = skipOuter(literal);
    if (!ts.isObjectLiteralExpression(object)) return;
    for (const property of object.properties) {
      const name = property.name && propertyName(property.name);
      const member = name !== undefined ? memberType(type, name) : undefined;
      if (!member || !returnsVoid(member)) continue;
      if (ts.isPropertyAssignment(property)) out.push({ value: property.initializer, caller: name! });
      else if (ts.isShorthandPropertyAssignment(property)) out.push({ value: property.name, caller: name! });
      else if (ts.isMethodDeclaration(property)) out.push({ value: property, caller: name! });
    }
  };
  const against = (value: ts.Expression | undefined, type: ts.TypeNode | undefined, caller: string) => {
    if (!value || !type) return;
    if (returnsVoid(type)) out.push({ value, caller });
    else objectAgainst(value, type);
  };
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
    against(node.initializer, node.type, node.name.text);
    // `using x = { async [Symbol.dispose]() {} }`: a synchronous dispose ignores the promise.
    if ((node.parent.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.Using && node.initializer) {
      let object: ts.Node | undefined = skipOuter(node.initializer);
      if (ts.isIdentifier(object)) {
        const declaration = findDeclaration(object);
        object = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuter(declaration.initializer) : undefined;
      }
      if (object && ts.isObjectLiteralExpression(object)) {
        for (const property of object.properties) {
          if (ts.isMethodDeclaration(property) && ts.isComputedPropertyName(property.name) && property.name.expression.getText() === 'Symbol.dispose') out.push({ value: property, caller: '[Symbol.dispose]' });
        }
      }
    }
  }
  else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = skipOuter(node.left);
    if (ts.isIdentifier(target)) {
      const declaration = findDeclaration(target);
      if (declaration && ts.isVariableDeclaration(declaration)) against(node.right, declaration.type, target.text);
    } else if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) {
      const declaration = findDeclaration(target.expression);
      const type = declaration && ts.isVariableDeclaration(declaration) ? declaration.type : undefined;
      const member = type && memberType(type, target.name.text);
      if (member && returnsVoid(member)) out.push({ value: node.right, caller: target.name.text });
    }
  } else if (ts.isReturnStatement(node) && node.expression) {
    const fn = enclosingFunctionOf(node);
    const returnType = fn && (fn.type ?? contextualReturnType(fn));
    if (returnType) against(node.expression, returnType, 'the returned function');
  } else if (ts.isArrowFunction(node) && !ts.isBlock(node.body) && node.type) {
    against(node.body, node.type, 'the returned function');
  } else if (ts.isJsxAttribute(node) && node.initializer && ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isIdentifier(node.name)) {
    // `<button onClick={async () => …}>`: an element's event handlers return void (DOM and React alike).
    const tag = intrinsicTag(node.parent.parent);
    if (tag && EVENT_HANDLER.test(node.name.text)) {
      out.push({ value: node.initializer.expression, caller: `<${tag} ${node.name.text}>`, site: 'dom-handler' });
      return out;
    }
    const props = componentProps(node.parent.parent);
    const member = props && memberType(props, node.name.text);
    if (member && returnsVoid(member)) out.push({ value: node.initializer.expression, caller: node.name.text });
  }
  return out;
}

/** `onClick`, `onSubmit`…: the props React and the DOM call as event handlers. */
const EVENT_HANDLER = /^on[A-Z]/;

/** The tag of an intrinsic (lowercase: `div`, `button`, `form`) JSX element, or undefined for a component. */
function intrinsicTag(element: ts.Node): string | undefined {
  if (!ts.isJsxSelfClosingElement(element) && !ts.isJsxOpeningElement(element)) return undefined;
  return ts.isIdentifier(element.tagName) && /^[a-z]/.test(element.tagName.text) ? element.tagName.text : undefined;
}

/** The return type an arrow or function expression gets from the variable annotation it initialises. */
function contextualReturnType(fn: ts.SignatureDeclaration): ts.TypeNode | undefined {
  const holder = fn.parent;
  if (!holder || !ts.isVariableDeclaration(holder) || holder.initializer !== fn || !holder.type) return undefined;
  let type: ts.TypeNode = holder.type;
  for (let depth = 0; depth < 8 && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName); depth++) {
    const declaration = findDeclaration(type.typeName);
    if (!declaration || !ts.isTypeAliasDeclaration(declaration)) return undefined;
    type = declaration.type;
  }
  return functionTypeIn(type)?.type;
}

function enclosingFunctionOf(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current;
  return undefined;
}

/** The props type of a component declared in this file: the first parameter's annotation. */
function componentProps(element: ts.Node): ts.TypeNode | undefined {
  if (!ts.isJsxSelfClosingElement(element) && !ts.isJsxOpeningElement(element)) return undefined;
  if (!ts.isIdentifier(element.tagName)) return undefined;
  const declaration = findDeclaration(element.tagName);
  let fn: ts.SignatureDeclaration | undefined;
  if (declaration && ts.isFunctionDeclaration(declaration)) fn = declaration;
  else if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = skipOuter(declaration.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) fn = init;
  }
  return fn?.parameters[0]?.type;
}

/** The declared type of member `name` of a type written in this file (literal, interface, alias, intersection, Record). */
function memberType(type: ts.TypeNode, name: string, depth = 0): ts.TypeNode | undefined {
  if (depth > 8) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return memberType(type.type, name, depth + 1);
  if (ts.isIntersectionTypeNode(type) || ts.isUnionTypeNode(type)) {
    for (const part of type.types) {
      const found = memberType(part, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const fromMembers = (members: ts.NodeArray<ts.TypeElement>) => {
    for (const member of members) {
      if (!member.name || propertyName(member.name) !== name) continue;
      if (ts.isPropertySignature(member)) return member.type;
      if (ts.isMethodSignature(member)) return member.type ? ts.factory.createFunctionTypeNode(undefined, [], member.type) : undefined;
    }
    return undefined;
  };
  if (ts.isTypeLiteralNode(type)) return fromMembers(type.members);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  if (type.typeName.text === 'Record' && type.typeArguments?.length === 2) return type.typeArguments[1];
  const declaration = findDeclaration(type.typeName);
  if (declaration && ts.isTypeAliasDeclaration(declaration)) return memberType(declaration.type, name, depth + 1);
  if (declaration && ts.isInterfaceDeclaration(declaration)) return fromMembers(declaration.members);
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

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
    return voidParameterSites(callee, args, node.typeArguments);
  }
  const hook = args[0] ? effectHookName(callee) : undefined;
  if (hook) return [{ argument: args[0]!, site: 'effect', caller: hook }];
  if (ts.isIdentifier(callee)) {
    if (TIMERS.has(callee.text) && !findDeclaration(callee) && args[0]) return [{ argument: args[0], site: 'timer', caller: callee.text }];
    return voidParameterSites(callee, args, node.typeArguments);
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const name = callee.name.text;
    const receiver = skipOuter(callee.expression);
    if (TIMERS.has(name) && ts.isIdentifier(receiver) && GLOBAL_OBJECTS.has(receiver.text) && args[0]) return [{ argument: args[0], site: 'timer', caller: name }];
    if (name === 'nextTick' && ts.isIdentifier(receiver) && receiver.text === 'process' && args[0]) return [{ argument: args[0], site: 'timer', caller: 'process.nextTick' }];
    if (name === 'forEach' && args[0]) return [{ argument: args[0], site: 'forEach', caller: 'forEach' }];
    if (PREDICATE_METHODS.has(name) && args[0]) return [{ argument: args[0], site: 'predicate', caller: name }];
    if (LISTENER_METHODS.has(name) && args.length >= 2 && !isOwnStaticMethod(receiver, name)) return functionArgs().slice(1).map((argument) => ({ argument, site: 'listener' as const, caller: `.${name}(…)` }));
    if (ROUTE_METHODS.has(name) && isExpressApp(receiver, inference)) return functionArgs().map((argument) => ({ argument, site: 'express' as const, caller: `.${name}(…)` }));
  }
  return [];
}

/**
 * `Composer.on(filter, middleware)` where this file's `class Composer` declares a static `on`: the
 * class's own method (telegraf builds middleware with it), not an event emitter's listener registration.
 */
function isOwnStaticMethod(receiver: ts.Expression, name: string): boolean {
  if (!ts.isIdentifier(receiver)) return false;
  const declaration = findDeclaration(receiver);
  return !!declaration && ts.isClassDeclaration(declaration) && declaration.members.some((member) => ts.isMethodDeclaration(member) && !!member.name && propertyName(member.name) === name && !!ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword));
}

/** Arguments passed where this file's own declarations of the callee say the callback returns `void` (in every overload that takes it). */
function voidParameterSites(callee: ts.Expression, args: readonly ts.Expression[], typeArguments?: ts.NodeArray<ts.TypeNode>): CallbackSite[] {
  if (!ts.isIdentifier(callee)) return [];
  const signatures = signaturesOf(callee);
  if (signatures.length === 0) return [];
  const sites: CallbackSite[] = [];
  args.forEach((argument, index) => {
    const types = signatures.map((signature) => parameterType(signature, index, typeArguments)).filter((t): t is ts.TypeNode => !!t);
    if (types.some((t) => returnsVoid(t)) && !types.some(acceptsPromise)) sites.push({ argument, site: ts.isSpreadElement(argument) ? 'void-spread' : 'void-parameter', caller: callee.text });
  });
  return sites;
}

/** The signatures a call of this name can use: overloads, a typed variable, merged interfaces' call signatures, a constructor. */
function signaturesOf(callee: ts.Identifier): ts.SignatureDeclaration[] {
  const declaration = findDeclaration(callee);
  if (!declaration) return [];
  const siblings: readonly ts.Statement[] = (ts.isSourceFile(declaration.parent) || ts.isBlock(declaration.parent) || ts.isModuleBlock(declaration.parent)) ? declaration.parent.statements : [];
  if (ts.isFunctionDeclaration(declaration)) {
    const all = siblings.filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === callee.text);
    const overloads = all.filter((f) => !f.body);
    return overloads.length > 0 ? overloads : all.length > 0 ? all : [declaration];
  }
  if (ts.isClassDeclaration(declaration)) return declaration.members.filter(ts.isConstructorDeclaration);
  if (!ts.isVariableDeclaration(declaration)) return [];
  if (declaration.type) {
    const typed = functionTypeIn(declaration.type);
    if (typed) return [typed];
    const type = declaration.type;
    if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
      const name = type.typeName.text;
      const interfaceScope = findDeclaration(type.typeName)?.parent;
      const statements: readonly ts.Statement[] = interfaceScope && (ts.isSourceFile(interfaceScope) || ts.isBlock(interfaceScope) || ts.isModuleBlock(interfaceScope)) ? interfaceScope.statements : [];
      return statements.filter((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name && !s.typeParameters)
        .flatMap((i) => i.members.filter(ts.isCallSignatureDeclaration));
    }
    return [];
  }
  const init = declaration.initializer && skipOuter(declaration.initializer);
  return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? [init] : [];
}

/** The declared type of argument `index` in a signature, with explicit type arguments put in for its type parameters. */
function parameterType(signature: ts.SignatureDeclaration, index: number, typeArguments?: ts.NodeArray<ts.TypeNode>): ts.TypeNode | undefined {
  const parameters = signature.parameters;
  const parameter = parameters[Math.min(index, parameters.length - 1)];
  if (!parameter?.type || (index >= parameters.length && !parameter.dotDotDotToken)) return undefined;
  let type = parameter.dotDotDotToken ? elementType(parameter.type, index - parameters.indexOf(parameter)) : parameter.type;
  const substitute = (t: ts.TypeNode | undefined): ts.TypeNode | undefined => {
    if (!t || !typeArguments || !signature.typeParameters) return t;
    if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
      const position = signature.typeParameters.findIndex((p) => p.name.text === (t.typeName as ts.Identifier).text);
      if (position >= 0) return typeArguments[position];
    }
    if (ts.isParenthesizedTypeNode(t)) return substitute(t.type);
    if (ts.isUnionTypeNode(t)) {
      const parts = t.types.map(substitute).filter((p): p is ts.TypeNode => !!p);
      const fn = parts.find((p) => returnsVoid(p));
      return fn ?? t;
    }
    return t;
  };
  type = substitute(type);
  return type;
}

/** A parameter type that takes a promise-returning function (`() => Promise<void>`, `() => unknown`). */
function acceptsPromise(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return acceptsPromise(type.type);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.some(acceptsPromise);
  if (ts.isFunctionTypeNode(type)) {
    const result = type.type;
    return result.kind === ts.SyntaxKind.UnknownKeyword || result.kind === ts.SyntaxKind.AnyKeyword
      || (ts.isTypeReferenceNode(result) && ts.isIdentifier(result.typeName) && (result.typeName.text === 'Promise' || result.typeName.text === 'PromiseLike'))
      || (ts.isUnionTypeNode(result) && result.types.some((t) => ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text === 'Promise'));
  }
  return false;
}

/** The function type in `F`, `(F)` or `F | null | undefined`. */
function functionTypeIn(type: ts.TypeNode): ts.FunctionTypeNode | undefined {
  if (ts.isFunctionTypeNode(type)) return type;
  if (ts.isParenthesizedTypeNode(type)) return functionTypeIn(type.type);
  if (ts.isUnionTypeNode(type)) {
    const functions = type.types.map(functionTypeIn).filter((t): t is ts.FunctionTypeNode => !!t);
    return functions.length === 1 ? functions[0] : undefined;
  }
  return undefined;
}

/** The type of the `position`-th argument gathered by a rest parameter of this type. */
function elementType(type: ts.TypeNode, position: number): ts.TypeNode | undefined {
  if (ts.isTupleTypeNode(type)) {
    const element = type.elements[position];
    return element && (ts.isNamedTupleMember(element) ? element.type : element);
  }
  if (ts.isArrayTypeNode(type)) return type.elementType;
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Array') return type.typeArguments?.[0];
  return undefined;
}

/** A function type whose return is `void` (alone or in a union with other void-returning functions). */
function returnsVoid(type: ts.TypeNode, depth = 0): boolean {
  if (depth > 8) return false;
  if (ts.isParenthesizedTypeNode(type)) return returnsVoid(type.type, depth + 1);
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const declaration = findDeclaration(type.typeName);
    return !!declaration && ts.isTypeAliasDeclaration(declaration) && returnsVoid(declaration.type, depth + 1);
  }
  if (ts.isFunctionTypeNode(type)) return type.type.kind === ts.SyntaxKind.VoidKeyword;
  if (ts.isUnionTypeNode(type)) {
    const functions = type.types.filter((t) => ts.isFunctionTypeNode(t) || ts.isParenthesizedTypeNode(t) || ts.isTypeReferenceNode(t));
    return functions.length > 0 && functions.every((t) => returnsVoid(t, depth + 1));
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

const EFFECT_HOOKS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);
const REACT_MODULES = new Set(['react', 'preact/hooks', 'preact/compat']);

/** `useEffect` imported from React or Preact (renamed or not), or `React.useEffect` on its default or namespace import or the global. */
function effectHookName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) {
    const declaration = findDeclaration(callee);
    if (!declaration || !ts.isImportSpecifier(declaration) || !REACT_MODULES.has(moduleSpecifierOf(declaration) ?? '')) return undefined;
    const imported = (declaration.propertyName ?? declaration.name).text;
    return EFFECT_HOOKS.has(imported) ? imported : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) || !EFFECT_HOOKS.has(callee.name.text) || !ts.isIdentifier(callee.expression)) return undefined;
  const declaration = findDeclaration(callee.expression);
  const fromReact = declaration
    ? (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration)) && REACT_MODULES.has(moduleSpecifierOf(declaration) ?? '')
    : callee.expression.text === 'React';
  return fromReact ? `${callee.expression.text}.${callee.name.text}` : undefined;
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

/** The whole body in try/catch whose catch does not rethrow, or every statement ending in `.catch(handler)` or unable to throw. */
function handlesOwnRejections(argument: ts.Expression | ts.MethodDeclaration, inference: PromiseInference): boolean {
  let fn: ts.Node | undefined = ts.isMethodDeclaration(argument) ? argument : skipOuter(argument);
  if (ts.isIdentifier(fn)) {
    const declaration = findDeclaration(fn);
    fn = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuter(declaration.initializer) : declaration;
  }
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) || !fn.body) return false;
  return cannotReject(fn as ts.FunctionLikeDeclaration & { body: ts.ConciseBody }, inference);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function messageFor(site: Site, caller: string): string {
  switch (site) {
    case 'forEach':
      return 'Async callback passed to `forEach`, which ignores the promise it returns: `forEach` returns before the work is done and a rejection becomes an unhandled rejection (Node exits on it; a browser only logs it). Use `for … of` with `await`, or `await Promise.all(items.map(…))`.';
    case 'timer':
      return `Async callback passed to \`${caller}\`, which ignores the promise it returns: a rejection becomes an unhandled rejection (Node exits on it; a browser only logs it). Wrap the whole body in try/catch that reports the error.`;
    case 'listener':
      return `Async listener passed to \`${caller}\`: the emitter ignores the promise it returns, so a rejection becomes an unhandled rejection (Node exits on it; a browser only logs it). Wrap the whole body in try/catch that reports the error.`;
    case 'executor':
      return 'Async executor in `new Promise(async …)`: if it throws, the error is lost and the promise never settles, so callers hang. Make the executor synchronous, or drop the wrapper and use the async function directly.';
    case 'express':
      return `Async route handler passed to \`${caller}\`: Express 4 ignores the promise it returns, so a rejection leaves the request hanging and becomes an unhandled rejection. Wrap the body in try/catch and call \`next(err)\`, or move to Express 5, which forwards rejections.`;
    case 'predicate':
      return `Async callback passed to \`${caller}\`, which tests what it returns: a promise is always truthy, so every item passes and a rejection is never handled. Compute the results first (\`await Promise.all(…)\`), then \`${caller}\` on them synchronously.`;
    case 'void-context':
      return `Async function used as \`${caller}\`, which is declared to return \`void\`: whoever calls it ignores the promise, so a rejection becomes an unhandled rejection and nothing waits for the work. Declare it as returning a promise so callers await it, or handle the error inside with try/catch.`;
    case 'effect':
      return `Async function passed to \`${caller}\`: React expects an effect to return nothing or a cleanup function, so the promise is dropped: a rejection is unhandled, nothing waits for the work, and a cleanup it resolves to never runs (subscriptions and timers leak). Define an async function inside the effect, call it, and handle its errors there.`;
    case 'dom-handler':
      return `Async event handler passed as \`${caller}\`: the browser and React ignore the promise a handler returns, so if it rejects the error is lost (an unhandled rejection in the console) and the user sees nothing. Catch errors inside the handler and show or report them.`;
    case 'void-override':
      return `This member returns a promise but overrides \`${caller}\`, declared to return \`void\`: code calling it through that type ignores the promise, so a rejection becomes an unhandled rejection and nothing waits for the work. Declare the base as returning a promise, or handle the error inside.`;
    case 'void-spread':
      return `Async functions spread into \`${caller}\`, whose parameters return \`void\`: their promises are ignored, so a rejection becomes an unhandled rejection and nothing waits for the work. Pass synchronous functions, or handle the errors inside with try/catch.`;
    case 'void-parameter':
      return `Async callback passed to \`${caller}\`, whose parameter returns \`void\`: the promise is ignored, so a rejection becomes an unhandled rejection and nothing waits for the work. Pass a synchronous function, or handle the error inside with try/catch.`;
  }
}
