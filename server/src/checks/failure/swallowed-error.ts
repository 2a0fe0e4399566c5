// failure/swallowed-error: a catch block or rejection handler that has code in it and still drops the
// error (logs and carries on, returns a default, skips to the next item, or is an empty callback).
// An empty catch *block* is failure/empty-catch's; one construct never gets both.
import ts from 'typescript';
import type { Check, CheckContext } from '../../engine/types';
import { callbackFixes, catchClauseFixes } from './catch-fixes';
import { bindingName, calleeText, hasShipshapeTodo, judgeBlock, judgeCallback, throwFollows, type HandlerOptions, type HandlerVerdict } from './handler-body';
import { pythonHandlers } from './python/except-clauses';
import { enclosingFunction, findDeclaration, GLOBAL_OBJECTS, skipOuter } from './support/scope';
import { kindsOf, nodesToCheck, someNode, type NodeKinds } from './support/syntax-nodes';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.CatchClause, ts.SyntaxKind.CallExpression));

const RULE_ID = 'failure/swallowed-error';

export const swallowedError: Check = {
  meta: {
    id: RULE_ID,
    family: 'failure',
    title: 'Error caught and dropped',
    rationale:
      'A handler that only logs, returns a default or has an empty callback (`.catch(() => {})`, `.catch(() => null)`, `return { ok: true }` or `res.json({ items: [] })` after a log, `except Exception: log.warning(...)`) turns a failure into a success: the caller carries on with missing data, the request returns 200, and the log line is the only trace, usually at a level nobody alerts on. Linters that only ask "is there a handler?" push people to write exactly these handlers. Not reported: a parse-or-default helper around a built-in that signals invalid input only by throwing (`try { return new URL(s) } catch { return undefined }`, `decodeURIComponent`, `BigInt`, `new RegExp`, `atob`), on a value already in hand (assigned as well as returned; `URL` from the `url` module counts); the fallback is its answer, not a dropped failure. JSON.parse is not among them: any JSON value, null included, is a valid result. Nor is an empty handler on an operation that discards work (`reader.cancel().catch(() => {})`, `abort`, `kill`, `destroy`, `unlink` of a temp file): best-effort cleanup. `close` is not one: a failed close can lose buffered writes. Nor is a handler on a promise that the same function also awaits, returns or passes on (`traced.catch(noop); return traced;`): it only keeps that side branch from being an unhandled rejection, and the failure still reaches whoever takes the promise. Nor is best-effort cleanup inside a catch that then throws (`catch (err) { try { await tx.rollback() } catch (e) { log.warn(e) } throw err; }`): the first failure is the one the caller sees. Nor is a detail read for an error about to be thrown, in a branch of an `if` that ends by throwing with no `return`, `break` or `continue` before it (`if (!res.ok) { const body = await res.text().catch(() => \'\'); throw new ApiError(res.status, body); }`): the fallback only shortens that error\'s message.',
    remedy:
      'Rethrow with context (`throw new Error("loading settings failed", { cause: err })`, `raise RuntimeError(...) from err`), return or reject an explicit failure, or report it to something that alerts. If dropping it is truly correct, suppress the finding with the reason (`shipshape-ignore-next-line failure/swallowed-error -- why`): a comment inside the handler is not enough, the suppression is counted and reviewed. A `TODO(shipshape)` comment in the handler marks it as tracked.',
    defaultSeverity: 'warning',
    instruction: {
      text: 'No catch that logs and carries on.',
      recap: 'no swallowed errors',
    },
    languages: ['typescript', 'javascript', 'python'],
    fixable: true,
    options: {
      reporters: {
        description: 'Calls that report the error somewhere that alerts (e.g. `logger.error`, `reportError`), so a handler that calls them is not swallowing.',
        default: [],
      },
      allowLogIn: {
        description: 'Names of functions or methods where log-and-continue is the intended behaviour (e.g. a best-effort `flushMetrics`, a reporter).',
        default: [],
      },
      todoFix: {
        description: 'Also offer a quick fix that marks the handler with a `TODO(shipshape)` comment instead of rethrowing.',
        default: false,
      },
    },
    examples: {
      bad: [
        'try {\n  await save(order);\n} catch (err) {\n  console.error(err);\n}',
        'try {\n  return JSON.parse(text);\n} catch {\n  return null;\n}',
        'loadUser(id).catch(() => {});',
        'try:\n    save(order)\nexcept Exception as err:\n    logging.warning("save failed: %s", err)\n',
      ],
      good: [
        'try {\n  await save(order);\n} catch (err) {\n  throw new Error("saving order failed", { cause: err });\n}',
        'try {\n  await save(order);\n} catch (err) {\n  reportError(err);\n  res.status(500).end();\n}',
        'loadUser(id).catch((err) => next(err));',
      ],
    },
  },
  statementLocal: true,
  run(context) {
    if (context.document.language === 'python') {
      for (const handler of pythonHandlers(context.document.text)) {
        if (handler.verdict !== 'swallowed') continue;
        context.report({ ruleId: RULE_ID, start: handler.start, end: handler.end, message: pythonMessage(handler.how), fingerprintText: handler.fingerprintText, fixes: handler.fixes(todoFix(context)) });
      }
      return;
    }
    const tree = context.tsTree();
    const text = context.document.text;
    if (!tree || !/catch|then/.test(text)) return;
    const options = handlerOptions(context);
    const allowLogIn = stringList(context.options.allowLogIn);
    for (const node of nodesToCheck(tree, visited())) {
      if (ts.isCatchClause(node)) {
        const verdict = judgeBlock(node.block.statements, bindingName(node.variableDeclaration?.name), options, !!node.variableDeclaration);
        if (verdict.kind === 'swallowed' && !allowedHere(node, verdict, allowLogIn) && !isConversionProbe(node, verdict) && !throwFollows(node) && !hasShipshapeTodo(text, node.block.pos, node.block.end)) {
          const start = node.getStart(tree);
          const end = node.variableDeclaration ? node.block.getStart(tree) : start + 'catch'.length;
          const head = text.slice(start, end).trimEnd();
          context.report({
            ruleId: RULE_ID,
            start,
            end: start + head.length,
            message: catchMessage(verdict),
            fingerprintText: `${head} ${node.getText(tree).slice(0, 200)}`,
            fixes: catchClauseFixes(node, tree, todoFix(context)),
          });
        }
      } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const handler = method === 'catch' && node.arguments.length === 1 ? node.arguments[0] : method === 'then' && node.arguments.length === 2 ? node.arguments[1] : undefined;
        if (handler && !isNullish(handler)) {
          const verdict = judgeCallback(handler, options);
          if (verdict.kind === 'swallowed' && !allowedHere(node, verdict, allowLogIn) && !isDiscardCleanup(node, verdict) && !isSideBranch(node) && !throwFollows(node) && !hasShipshapeTodo(text, handler.pos, handler.end)) {
            const anchor = method === 'catch' ? node.expression.name : handler;
            const start = anchor.getStart(tree);
            const end = method === 'catch' ? anchor.end : headEnd(handler, tree);
            context.report({
              ruleId: RULE_ID,
              start,
              end,
              message: callbackMessage(method, verdict),
              fingerprintText: `${method} ${node.getText(tree).slice(0, 200)}`,
              fixes: callbackFixes(handler, node, tree, todoFix(context)),
            });
          }
        }
      }
    }
  },
};

function handlerOptions(context: CheckContext): HandlerOptions {
  return { reporters: stringList(context.options.reporters) };
}

function todoFix(context: CheckContext): boolean {
  return context.options.todoFix === true;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isNullish(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
}

/** `() =>` / `(err) =>` / `function (err)`: the head of a handler, or the whole of a reference. */
function headEnd(handler: ts.Expression, tree: ts.SourceFile): number {
  if (ts.isArrowFunction(handler)) return handler.equalsGreaterThanToken.end;
  if (ts.isFunctionExpression(handler)) return handler.body.getStart(tree);
  return handler.end;
}

/**
 * Built-ins that report invalid input only by throwing: there is no other way to ask "is this a URL?",
 * "is this percent-encoding valid?". A catch that returns a fallback for them answers that question; it
 * drops no failure. JSON.parse is not one: any JSON value, null included, is a valid result, so a
 * fallback cannot be told from data (and it usually parses something read from outside).
 */
const THROWING_CONVERSIONS = new Set(['URL', 'decodeURIComponent', 'decodeURI', 'encodeURIComponent', 'encodeURI', 'atob', 'btoa', 'BigInt', 'RegExp', 'TextDecoder']);

/**
 * `try { return new URL(s) } catch { return undefined }`: a try of one or two statements around such a
 * conversion of a value already in hand (no call or await in its arguments, so no I/O is being
 * swallowed), whose catch returns a fallback. Parse-or-default helpers are written this way on purpose
 * (9 of the 50 failure findings on effect@4.1.0 were these). Empty and log-only catches are
 * still reported, and so is a fallback around anything else.
 */
function isConversionProbe(clause: ts.CatchClause, verdict: HandlerVerdict): boolean {
  if (verdict.kind !== 'swallowed' || verdict.how !== 'default' || !ts.isTryStatement(clause.parent)) return false;
  const statements = clause.parent.tryBlock.statements;
  if (statements.length === 0) return false;
  let conversion = false;
  let other = false;
  const visit = (node: ts.Node): void => {
    if (other || ts.isFunctionLike(node)) return;
    if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) {
      other = true;
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const args = node.arguments ?? [];
      if (name && THROWING_CONVERSIONS.has(name) && !args.some(containsCall)) conversion = true;
      // `new URL(s).hostname.slice(1, -1)`: the check runs on the converted value, which is read first.
      else if (isStringMethodCall(node)) visit((node.expression as ts.PropertyAccessExpression).expression);
      else other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  // One or two statements; more only when each is a conversion (`a = new URL(x); b = new URL(y, a)`).
  let converting = 0;
  for (const statement of statements) {
    const before: boolean = conversion;
    conversion = false;
    visit(statement);
    if (conversion) converting++;
    conversion ||= before;
  }
  return conversion && !other && (statements.length <= 2 || converting === statements.length);
}

function calleeName(expression: ts.Expression): string | undefined {
  // A local `URL` or `atob` (an import, a parameter) is some other function: its failures are unknown,
  // unless it is the same built-in taken from Node's module (`const { URL } = require('url')`).
  if (ts.isIdentifier(expression)) {
    const declaration = findDeclaration(expression);
    if (!declaration) return expression.text;
    return builtinFromModule(declaration) === expression.text ? expression.text : undefined;
  }
  // `globalThis.URL`, `window.decodeURIComponent`
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && GLOBAL_OBJECTS.has(expression.expression.text)) return expression.name.text;
  return undefined;
}

/** Node modules that export the same built-ins as globals: `url` (URL), `util` (TextDecoder), `buffer` (atob, btoa). */
const BUILTIN_MODULES: Record<string, readonly string[]> = { url: ['URL'], util: ['TextDecoder'], buffer: ['atob', 'btoa'] };

/**
 * The built-in a declaration binds when it takes it from Node's own module under the same name:
 * `import { URL } from 'node:url'`, `const { URL } = require('url')`, `const URL = require('url').URL`.
 */
function builtinFromModule(declaration: ts.Node): string | undefined {
  const exported = (specifier: string, name: string) => {
    const module = specifier.replace(/^node:/, '');
    return Object.hasOwn(BUILTIN_MODULES, module) && BUILTIN_MODULES[module].includes(name) ? name : undefined;
  };
  if (ts.isImportSpecifier(declaration)) {
    const from = declaration.parent.parent.parent.moduleSpecifier;
    return ts.isStringLiteral(from) ? exported(from.text, (declaration.propertyName ?? declaration.name).text) : undefined;
  }
  if (ts.isBindingElement(declaration) && ts.isIdentifier(declaration.name)) {
    const holder = declaration.parent.parent;
    const key = declaration.propertyName ?? declaration.name;
    const specifier = ts.isVariableDeclaration(holder) && holder.initializer ? requiredModule(holder.initializer) : undefined;
    return specifier && ts.isIdentifier(key) && key.text === declaration.name.text ? exported(specifier, key.text) : undefined;
  }
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer && ts.isPropertyAccessExpression(declaration.initializer)) {
    const specifier = requiredModule(declaration.initializer.expression);
    return specifier && declaration.initializer.name.text === declaration.name.text ? exported(specifier, declaration.name.text) : undefined;
  }
  return undefined;
}

/** `require('url')`: the module it names. */
function requiredModule(expression: ts.Expression): string | undefined {
  return ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'require' && expression.arguments.length === 1 && ts.isStringLiteral(expression.arguments[0])
    ? expression.arguments[0].text
    : undefined;
}

function containsCall(node: ts.Node): boolean {
  if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isAwaitExpression(node)) return true;
  return ts.forEachChild(node, (child) => (containsCall(child) ? true : undefined)) ?? false;
}

/** `pointer.startsWith("/")`, `/~1/.test(s)`: checks on the converted value, not work that can fail. */
function isStringMethodCall(node: ts.CallExpression | ts.NewExpression): boolean {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && STRING_CHECKS.has(node.expression.name.text) && !(node.arguments ?? []).some(containsCall);
}

const STRING_CHECKS = new Set(['startsWith', 'endsWith', 'includes', 'test', 'trim', 'toLowerCase', 'toUpperCase', 'slice', 'substring', 'split', 'indexOf']);

/**
 * Operations that throw work away (cancel a read, abort a request, kill a child, delete a temp file):
 * when they fail there is nothing left to lose or retry, so `reader.cancel().catch(() => {})` is
 * best-effort cleanup, not a dropped failure. `close` is not one of them: a failed close can mean
 * buffered writes never reached the disk.
 */
const DISCARD_OPERATIONS = new Set(['cancel', 'abort', 'kill', 'terminate', 'destroy', 'unsubscribe', 'unlink', 'rm', 'rmdir', 'removeListener']);

function isDiscardCleanup(call: ts.CallExpression, verdict: HandlerVerdict): boolean {
  if (verdict.kind !== 'swallowed' || (verdict.how !== 'empty-callback' && verdict.how !== 'default')) return false;
  const receiver = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  if (!receiver || !ts.isCallExpression(receiver)) return false;
  const operation = operationName(receiver.expression);
  return operation !== undefined && DISCARD_OPERATIONS.has(operation);
}

/**
 * The operation a call runs: `fs.unlink` in `fs.unlink(p)`, and through a promisify of it,
 * `promisify(fs.unlink)(p)` / `util.promisify(fs.unlink)(p)`.
 */
function operationName(callee: ts.Expression): string | undefined {
  const node = skipOuter(callee);
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isCallExpression(node) && node.arguments.length === 1 && /^(util\.)?promisify$/.test(calleeText(node.expression) ?? '')) {
    const inner = skipOuter(node.arguments[0]);
    return ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
  }
  return undefined;
}

/**
 * `traced.catch(noop); return traced;`, `p.catch(() => null); … await Promise.race([p, timeout])`: a handler
 * on a promise that the same function also awaits, returns or passes on only keeps the branch it makes
 * from becoming an unhandled rejection. The failure itself still reaches whoever takes the promise.
 */
function isSideBranch(call: ts.CallExpression): boolean {
  const receiver = ts.isPropertyAccessExpression(call.expression) ? skipOuter(call.expression.expression) : undefined;
  if (receiver && isThisField(receiver)) return fieldHandedOn(receiver);
  if (!receiver || !ts.isIdentifier(receiver)) return false;
  const declaration = findDeclaration(receiver);
  if (!declaration || !(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration))) return false;
  // Where the name lives: `const p = start(); onCancel(() => { p.catch(() => {}); p.cancel(); }); return p;`.
  // A module-level name is looked for only in the function holding the handler: the rule checks statement
  // by statement, and a use in another top-level statement would not bring this one to be checked again.
  const scope = ts.isParameter(declaration) ? declaration.parent : enclosingFunction(declaration) ?? enclosingFunction(call);
  if (!scope) return false;
  return someNode(scope, (node) => ts.isIdentifier(node) && node !== receiver && node.text === receiver.text && node !== declaration.name && takesPromise(node) && findDeclaration(node) === declaration);
}

/** `this.loading` (or `this.#loading`). */
function isThisField(node: ts.Expression): node is ts.PropertyAccessExpression {
  return ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword;
}

/**
 * `this.loading = Promise.all([next, this.loading]); this.loading.catch(() => {});` with another method
 * awaiting `this.loading`: the field is read elsewhere in the class and handed on (awaited, returned,
 * passed, or copied into a variable or field), so the failure reaches that reader.
 */
function fieldHandedOn(receiver: ts.PropertyAccessExpression): boolean {
  const name = receiver.name.text;
  let owner: ts.Node | undefined = receiver.parent;
  while (owner && !ts.isClassLike(owner)) owner = owner.parent;
  if (!owner) return false;
  return someNode(owner, (node) => node !== receiver && isThisField(node as ts.Expression) && (node as ts.PropertyAccessExpression).name.text === name && (takesPromise(node as ts.Expression) || isCopied(node as ts.Expression)));
}

/** The value of this expression is copied: the initializer of a variable, or the right side of an assignment. */
function isCopied(use: ts.Expression): boolean {
  const parent = use.parent;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === use;
  return ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === use;
}

/** Whether this use of a name hands its value on: awaited, returned, yielded, passed as an argument or put in an array. */
function takesPromise(use: ts.Expression): boolean {
  let node: ts.Node = use;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isAwaitExpression(parent) || ts.isReturnStatement(parent) || ts.isYieldExpression(parent) || ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent)) return true;
  if (ts.isArrowFunction(parent) && parent.body === node) return true;
  return ts.isCallExpression(parent) && parent.arguments.some((argument) => argument === node);
}

/** Log-and-continue inside a function the config names (`allowLogIn`) is intended. */
function allowedHere(node: ts.Node, verdict: HandlerVerdict, allowLogIn: string[]): boolean {
  if (verdict.kind !== 'swallowed' || verdict.how !== 'log-only' || allowLogIn.length === 0) return false;
  for (let current = node.parent; current; current = current.parent) {
    const name = functionName(current);
    if (name && allowLogIn.includes(name)) return true;
  }
  return false;
}

function functionName(node: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name && ts.isIdentifier(node.name)) return node.name.text;
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) return node.parent.name.text;
  return undefined;
}

const WHAT_TO_DO = 'Rethrow it with context (`{ cause: err }`), return an explicit failure, or report it; suppress with a reason if dropping it is correct.';

function catchMessage(verdict: HandlerVerdict & { kind: 'swallowed' }): string {
  switch (verdict.how) {
    case 'log-only':
      return `This catch only logs the error and carries on: callers see success while the operation failed, and in production the log line is the only trace. ${WHAT_TO_DO}`;
    case 'default':
      return `This catch returns a default value in place of the error: callers cannot tell a failure from an empty result, so in production bad data flows on silently. ${WHAT_TO_DO}`;
    default:
      return `This catch skips to the next item without a trace of the error: in production items vanish silently. ${WHAT_TO_DO}`;
  }
}

function callbackMessage(method: string, verdict: HandlerVerdict & { kind: 'swallowed' }): string {
  const where = method === 'catch' ? 'This `.catch` handler' : 'This rejection handler';
  switch (verdict.how) {
    case 'empty-callback':
      return `${where} is empty: the rejection is swallowed and the chain resolves as if it had succeeded, so in production the failure vanishes. ${WHAT_TO_DO}`;
    case 'log-only':
      return `${where} only logs the rejection and resolves the chain as if it had succeeded: callers carry on with missing data. ${WHAT_TO_DO}`;
    default:
      return `${where} turns the rejection into a default value: callers cannot tell a failure from an empty result. ${WHAT_TO_DO}`;
  }
}

function pythonMessage(how: string): string {
  const what = how === 'default' ? 'returns a default value in place of the error' : how === 'skip' ? 'skips to the next item without a trace of the error' : 'only logs the error and carries on';
  return `This broad except ${what}: callers see success while the operation failed, and in production the failure is invisible. Re-raise with context (\`raise RuntimeError(...) from err\`), catch a narrower exception, or suppress with a reason.`;
}
