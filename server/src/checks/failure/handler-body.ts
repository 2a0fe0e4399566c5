// What an error handler (a catch block, a `.catch(fn)` or `.then(_, fn)` rejection handler) does with
// the error: handles it, or drops it. Shared by `failure/empty-catch` and `failure/swallowed-error`.
//
// A handler drops the error when every statement in it is one of: a log call, a `return` of a default
// (nothing, null, undefined, a literal, an empty array or object, a record of constants such as
// `{ ok: true }` or `{ items: [] }`, a variable other than the error), a success response with such a
// body (`res.json({ ok: true })`), `continue`/`break`, or an empty statement. Anything else (a throw, a call that is not logging, an
// assignment, a condition, a use of the error other than as a log argument) counts as handling: the
// rule prefers to miss a swallow over flagging real handling.
import ts from 'typescript';
import { someNode } from './support/syntax-nodes';

/** Method names that log, on a receiver that is a logger (`console`, `logger`, `this.log`…). */
const LOG_METHODS = new Set(['log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'dir', 'exception', 'critical']);
const LOGGER_RECEIVER = /^(console|log|logs|logger|_?logger|.*Logger|.*Log|winston|pino|bunyan|debug|signale)$/i;
/** Free functions that log. */
const LOG_FUNCTIONS = new Set(['log', 'logError', 'logWarning', 'logWarn', 'debug', 'warn', 'trace']);

export type HandlerVerdict =
  | { kind: 'empty' }
  | { kind: 'handled' }
  | { kind: 'swallowed'; how: 'empty-callback' | 'log-only' | 'default' | 'skip' };

export interface HandlerOptions {
  /** Calls (`reportError`, `logger.error`) that count as reporting the error, not as logging it. */
  reporters: string[];
}

/** The error binding of a handler, when it is a plain identifier. */
export function bindingName(declaration: ts.BindingName | undefined): string | undefined {
  return declaration && ts.isIdentifier(declaration) ? declaration.text : undefined;
}

/** Verdict on a catch clause's block. */
export function judgeBlock(statements: readonly ts.Statement[], errorName: string | undefined, options: HandlerOptions, hasBinding: boolean): HandlerVerdict {
  if (statements.length === 0) return { kind: 'empty' };
  let sawLog = false;
  let sawReturn = false;
  let sawSkip = false;
  for (const statement of statements) {
    if (ts.isEmptyStatement(statement)) continue;
    if (ts.isContinueStatement(statement) || ts.isBreakStatement(statement)) {
      sawSkip = true;
      continue;
    }
    if (ts.isReturnStatement(statement)) {
      if (!statement.expression || isDefaultValue(statement.expression, errorName)) {
        sawReturn = true;
        continue;
      }
      return { kind: 'handled' };
    }
    if (ts.isExpressionStatement(statement) && isLogCall(statement.expression, errorName, options)) {
      sawLog = true;
      continue;
    }
    if (ts.isExpressionStatement(statement) && isDefaultResponse(statement.expression)) {
      sawReturn = true;
      continue;
    }
    return { kind: 'handled' };
  }
  // A destructured binding (`catch ({ message })`) already reads the error: count it as used.
  if (hasBinding && errorName === undefined) return { kind: 'handled' };
  if (sawLog) return { kind: 'swallowed', how: 'log-only' };
  if (sawReturn) return { kind: 'swallowed', how: 'default' };
  if (sawSkip) return { kind: 'swallowed', how: 'skip' };
  return { kind: 'empty' }; // only empty statements
}

/** Verdict on a function passed as a rejection handler (`.catch(fn)`, `.then(ok, fn)`). */
export function judgeCallback(handler: ts.Expression, options: HandlerOptions): HandlerVerdict {
  if (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) {
    if (handler.parameters.length > 1) return { kind: 'handled' };
    const parameter = handler.parameters[0];
    const errorName = bindingName(parameter?.name);
    if (parameter && errorName === undefined) return { kind: 'handled' }; // destructured: reads the error
    if (ts.isBlock(handler.body)) {
      if (handler.body.statements.length === 0) return { kind: 'swallowed', how: 'empty-callback' };
      const verdict = judgeBlock(handler.body.statements, errorName, options, false);
      return verdict.kind === 'empty' ? { kind: 'swallowed', how: 'empty-callback' } : verdict;
    }
    if (isLogCall(handler.body, errorName, options)) return { kind: 'swallowed', how: 'log-only' };
    if (isDefaultValue(handler.body, errorName)) return { kind: 'swallowed', how: 'default' };
    return { kind: 'handled' };
  }
  // `.catch(console.error)`, `.catch(noop)`: a logger or a no-op passed by reference.
  if (isLoggerReference(handler, options)) return { kind: 'swallowed', how: 'log-only' };
  if ((ts.isIdentifier(handler) && /^noop$/i.test(handler.text)) || (ts.isPropertyAccessExpression(handler) && /^noop$/i.test(handler.name.text))) {
    return { kind: 'swallowed', how: 'empty-callback' };
  }
  return { kind: 'handled' };
}

/** `console.error(...)`, `logger.warn(...)`, `log(...)` whose arguments use the error only as a value to print. */
export function isLogCall(expression: ts.Expression, errorName: string | undefined, options: HandlerOptions): boolean {
  const call = ts.isAwaitExpression(expression) ? expression.expression : expression;
  if (!ts.isCallExpression(call) || !isLoggerReference(call.expression, options)) return false;
  return call.arguments.every((argument) => !usesErrorBeyondPrinting(argument, errorName));
}

function isLoggerReference(callee: ts.Expression, options: HandlerOptions): boolean {
  const text = calleeText(callee);
  if (text !== undefined && options.reporters.includes(text)) return false;
  if (ts.isIdentifier(callee)) return LOG_FUNCTIONS.has(callee.text);
  if (ts.isPropertyAccessExpression(callee) && LOG_METHODS.has(callee.name.text)) {
    const receiver = callee.expression;
    const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : undefined;
    return name !== undefined && LOGGER_RECEIVER.test(name);
  }
  return false;
}

/** `a.b.c` for a callee, when it is a plain dotted name. */
export function calleeText(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (callee.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(callee)) {
    const left = calleeText(callee.expression);
    return left === undefined ? undefined : `${left}.${callee.name.text}`;
  }
  return undefined;
}

/**
 * A log argument may mention the error (`err`, `err.message`, `` `failed: ${err}` ``, `String(err)`);
 * anything that passes it on (`report(err)`, `{ cause: err }` into a call) counts as handling.
 */
function usesErrorBeyondPrinting(node: ts.Node, errorName: string | undefined): boolean {
  if (errorName === undefined) return false;
  let passedOn = false;
  const visit = (child: ts.Node): void => {
    if (passedOn) return;
    if (ts.isCallExpression(child) && !isStringConversion(child) && child.arguments.some((a) => mentions(a, errorName))) passedOn = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return passedOn;
}

function isStringConversion(call: ts.CallExpression): boolean {
  const text = calleeText(call.expression);
  return text === 'String' || text === 'JSON.stringify' || (text?.endsWith('.toString') ?? false) || text === 'util.inspect' || text === 'inspect';
}

export function mentions(node: ts.Node, name: string): boolean {
  if (ts.isIdentifier(node)) return node.text === name;
  let found = false;
  node.forEachChild((child) => {
    if (!found && mentions(child, name)) found = true;
  });
  return found;
}

/**
 * A value returned in place of the result: nothing, null, undefined, an empty array/object/string,
 * a number, or a variable that is not the error. `true`/`false` are deliberate answers (an `isValid`
 * that returns false when parsing throws) and are not defaults.
 */
export function isDefaultValue(expression: ts.Expression, errorName: string | undefined): boolean {
  const e = skipParentheses(expression);
  switch (e.kind) {
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return true;
    case ts.SyntaxKind.Identifier:
      return (e as ts.Identifier).text !== errorName;
    case ts.SyntaxKind.ArrayLiteralExpression:
      return (e as ts.ArrayLiteralExpression).elements.length === 0;
    case ts.SyntaxKind.ObjectLiteralExpression:
      return isConstantRecord(e as ts.ObjectLiteralExpression);
    case ts.SyntaxKind.VoidExpression:
      return ts.isLiteralExpression((e as ts.VoidExpression).expression);
    case ts.SyntaxKind.CallExpression:
      return isDefaultResponse(e);
    default:
      return false;
  }
}

// Words that make a record or a response body say that something failed.
const FAILURE_WORD = /err|fail|invalid|unavailable|denied|refused|time[ds]?.?out|unknown|wrong|problem|unable|cannot|could.?not|degraded/i;
// Keys under which `true` claims success (`{ ok: true }`); any other boolean is a deliberate answer.
const SUCCESS_KEY = /^(?:ok|success|succeeded|done|saved|sent|healthy)$/i;

/**
 * `{}`, or a record of constants standing in for the result (`{ balance: 0, items: [] }`, `{ ok: true }`):
 * every property a plain name with a constant value; no word of failure in a key or a value, no status
 * of 400 or more, no sentence (a message for a person), `true` only under a word of success, no `false`.
 */
function isConstantRecord(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.every((property) => {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return false;
    const key = property.name.text;
    if (FAILURE_WORD.test(key)) return false;
    const value = skipParentheses(property.initializer);
    if (value.kind === ts.SyntaxKind.TrueKeyword) return SUCCESS_KEY.test(key);
    if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return !FAILURE_WORD.test(value.text) && !/\s/.test(value.text);
    if (ts.isNumericLiteral(value)) return !(/status|code/i.test(key) && Number(value.text) >= 400);
    if (ts.isArrayLiteralExpression(value)) return value.elements.length === 0;
    if (ts.isObjectLiteralExpression(value)) return isConstantRecord(value);
    return value.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(value) && value.text === 'undefined');
  });
}

/** A response body that stands in for data: a record of constants, an empty array, a one-word string ('ok'). */
function isDefaultBody(body: ts.Expression): boolean {
  if (ts.isStringLiteralLike(body)) return !FAILURE_WORD.test(body.text) && !/\s/.test(body.text);
  return ts.isObjectLiteralExpression(body) ? isConstantRecord(body) : ts.isArrayLiteralExpression(body) && body.elements.length === 0;
}

/**
 * A success response whose body is a default: `res.json({ ok: true })`, `res.status(200).send([])`,
 * `NextResponse.json({ items: [] })` (no status of 400 or more in its init).
 */
function isDefaultResponse(expression: ts.Expression): boolean {
  const call = skipParentheses(ts.isAwaitExpression(expression) ? expression.expression : expression);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const method = call.expression.name.text;
  const body = call.arguments[0];
  if ((method !== 'json' && method !== 'send') || !body || !isDefaultBody(skipParentheses(body))) return false;
  const receiver = skipParentheses(call.expression.expression);
  if (ts.isIdentifier(receiver) && /^(?:NextResponse|Response)$/.test(receiver.text)) {
    const init = call.arguments[1] && skipParentheses(call.arguments[1]);
    return !init || (ts.isObjectLiteralExpression(init) && isConstantRecord(init));
  }
  if (call.arguments.length !== 1) return false;
  if (ts.isIdentifier(receiver)) return /^(?:res|resp|response|reply)$/.test(receiver.text);
  // `res.status(200).json(…)`
  if (ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'status') {
    const target = skipParentheses(receiver.expression.expression);
    const code = receiver.arguments[0];
    return ts.isIdentifier(target) && /^(?:res|resp|response|reply)$/.test(target.text) && !!code && ts.isNumericLiteral(code) && Number(code.text) < 400;
  }
  return false;
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

/** A statement that may leave the block before its end: a `return`, `break` or `continue` in it (outside nested functions). */
function leavesEarly(statement: ts.Statement): boolean {
  return someNode(statement, (node) => ts.isReturnStatement(node) || ts.isBreakOrContinueStatement(node), (node) => ts.isFunctionLike(node) || ts.isClassLike(node));
}

/** A `TODO(shipshape)` comment inside the handler marks a swallow the team has decided to track. */
export function hasShipshapeTodo(text: string, start: number, end: number): boolean {
  return text.slice(start, end).includes('TODO(shipshape)');
}

/**
 * Whether a failure caught at `node` (a catch clause or a rejection handler) is not the one that decides
 * what happens next, because a throw follows anyway:
 * - `try { return require('pg') } catch {} throw new Error('install pg')`: the try is followed at once by
 *   a throw, so the code after it does not run as if it had succeeded;
 * - `catch (err) { try { await tx.discard() } catch {} throw err; }`: best-effort cleanup inside a catch
 *   that then rethrows, where the first failure is the one the caller sees;
 * - `if (!res.ok) { const body = await res.text().catch(() => ''); throw new ApiError(res.status, body); }`:
 *   a detail read for an error about to be thrown, in a branch of an `if` that ends by throwing with
 *   nothing in between that returns, breaks or continues: the fallback only leaves that error's message
 *   shorter.
 * Only in the same function: a throw in an outer function says nothing about this one.
 */
export function throwFollows(node: ts.Node): boolean {
  const tryStatement = ts.isCatchClause(node) ? node.parent : undefined;
  if (tryStatement && ts.isTryStatement(tryStatement) && !tryStatement.finallyBlock && ts.isBlock(tryStatement.parent)) {
    const siblings = tryStatement.parent.statements;
    const next = siblings[siblings.indexOf(tryStatement) + 1];
    if (next && ts.isThrowStatement(next)) return true;
  }
  // The statement holding `node` directly inside an enclosing catch block, and a throw after it there;
  // or inside a branch of an `if` that ends by throwing (a try whose finally runs first is not covered).
  const errorBranch = !(ts.isCatchClause(node) && ts.isTryStatement(node.parent) && node.parent.finallyBlock);
  let child: ts.Node = ts.isCatchClause(node) ? node.parent : node;
  for (let current = child.parent; current; child = current, current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassLike(current) || ts.isSourceFile(current)) return false;
    if (ts.isBlock(current)) {
      const statements = current.statements;
      const at = statements.indexOf(child as ts.Statement);
      const after = at >= 0 ? statements.slice(at + 1) : [];
      if (ts.isCatchClause(current.parent) && after.some(ts.isThrowStatement)) return true;
      if (errorBranch && ts.isIfStatement(current.parent) && after.length > 0 && ts.isThrowStatement(after[after.length - 1]) && !after.some(leavesEarly)) return true;
    }
  }
  return false;
}
