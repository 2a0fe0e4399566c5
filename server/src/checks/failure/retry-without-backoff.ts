// failure/retry-without-backoff: a loop that retries a remote call on failure with no delay, or with a
// constant delay and no cap on attempts.
import ts from 'typescript';
import type { Check } from '../../engine/types';
import { apiAliases, type ApiAliases } from './support/api-aliases';
import { unwrap } from './support/external-input';
import { inferenceFor } from './support/inference-for';
import { calledFunction } from './support/maybe-promise';
import type { PromiseInference } from './support/promise-inference';
import { kindsOf, nodesToCheck, someNode, type NodeKinds } from './support/syntax-nodes';
import { pythonRetryLoops } from './python/retry-loops';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.WhileStatement, ts.SyntaxKind.DoStatement, ts.SyntaxKind.ForStatement));

const RULE_ID = 'failure/retry-without-backoff';
/** Helpers that wait: `await sleep(ms)`, `await delay(ms)`, `await setTimeout(ms)` (timers/promises)… */
const WAIT_NAMES = /^(?:sleep|delay|wait|pause|timeout|setTimeout|backoff|waitFor|snooze)$/i;
const NETWORK_APIS = /^(?:fetch|axios|got|ky|undici|https?)(?:\.|$)/;
/**
 * Node modules whose calls stay on this machine: a loop that tries `fs.realpath(dir)` again with the
 * parent folder walks up a tree; it does not hammer a remote service. (child_process is not here: the
 * command it runs may call out.)
 */
const LOCAL_MODULES = new Set(['fs', 'fs/promises', 'path', 'os', 'crypto', 'zlib', 'stream', 'stream/promises', 'readline', 'readline/promises', 'util', 'worker_threads', 'v8', 'perf_hooks']);

export const retryWithoutBackoff: Check = {
  meta: {
    id: RULE_ID,
    family: 'failure',
    title: 'Retry loop without backoff',
    rationale:
      'A retry loop that tries again at once, or at a fixed pace forever, turns a dependency\'s bad minute into an outage: every client hammers the struggling service in lockstep (a retry storm), a tight loop burns CPU, and an endless loop never reports the failure to anyone. The rule looks at `for`/`while`/`do` loops (not `for…of` over a collection) whose body tries an awaited call or a network call (not a call of `fs`, `path`, `crypto` or another module that stays on this machine), exits on success (`return`/`break` in the `try`; an exit only behind a shutdown check on something the attempt did not compute, such as `if (this.closing) break`, makes a read or consumer loop, not a retry), and loops again from the `catch`. It reports a loop with no wait between attempts, and a loop with a constant wait whose attempts are not capped (`while (true)` with no counter check that throws, returns or breaks). A wait whose delay grows (`delay *= 2`, `2 ** attempt`, `Math.min(…)` of a counter) with a bounded number of attempts is fine, and so is a wait inside an awaited helper of the same file (`if (await onAttemptFailure(error)) continue;`), whose delay is not read from here. In Python: `while` loops and `for` loops over `range(…)` or `itertools.count()` whose `try` makes an awaited call or a call of requests, httpx, urllib, aiohttp, smtplib, socket, boto3 or a `session`/`client`, with `return`/`break` in the `try` (or its `else`) and an `except` that goes round again; waits are `time.sleep`, `asyncio.sleep` and the like. Not a retry: a loop that, after a failure, changes what every call in the `try` is given (`current = path.dirname(current)`, the next host): it asks for something else, not the same thing again.',
    remedy:
      'Cap the attempts and wait longer after each failure, with jitter: `for (let attempt = 0; attempt < 5; attempt++) { try { return await call(); } catch (err) { if (attempt === 4) throw err; await sleep(Math.min(200 * 2 ** attempt, 5_000) * (0.5 + Math.random())); } }`, or use a retry library (p-retry, async-retry) that does this. Retry only errors that can succeed on a second try (timeouts, 503, 429).',
    defaultSeverity: 'warning',
    instruction: {
      text: 'Retry with capped attempts and growing delays.',
      recap: 'retries back off and stop',
    },
    languages: ['typescript', 'javascript', 'python'],
    examples: {
      bad: [
        'while (true) {\n  try {\n    return await fetch(url, { signal });\n  } catch {\n    // try again\n  }\n}',
        'for (;;) {\n  try {\n    await publish(event);\n    break;\n  } catch (err) {\n    log(err);\n    await sleep(1000);\n  }\n}',
      ],
      good: ['for (let attempt = 0; attempt < 5; attempt++) {\n  try {\n    return await fetch(url, { signal });\n  } catch (err) {\n    if (attempt === 4) throw err;\n    await sleep(200 * 2 ** attempt);\n  }\n}'],
    },
  },
  statementLocal: true,
  run(context) {
    if (context.document.language === 'python') {
      for (const loop of pythonRetryLoops(context.document.text)) {
        context.report({ ruleId: RULE_ID, start: loop.start, end: loop.end, message: loop.verdict === 'no-delay' ? NO_DELAY : UNCAPPED, fingerprintText: loop.fingerprintText });
      }
      return;
    }
    const tree = context.tsTree();
    if (!tree || !/\b(?:while|for)\b/.test(context.document.text)) return;
    let aliases: ApiAliases | undefined;
    const isLocal = (call: ts.CallExpression) => isLocalCall(call, inferenceFor(context));
    for (const node of nodesToCheck(tree, visited())) {
      if (ts.isWhileStatement(node) || ts.isDoStatement(node) || ts.isForStatement(node)) {
        aliases ??= apiAliases(tree);
        const verdict = judgeLoop(node, aliases, isLocal);
        if (verdict) {
          const start = node.getStart(tree);
          context.report({
            ruleId: RULE_ID,
            start,
            end: start + (ts.isForStatement(node) ? 3 : ts.isDoStatement(node) ? 2 : 5),
            message: verdict === 'no-delay' ? NO_DELAY : UNCAPPED,
            fingerprintText: tree.text.slice(start, Math.min(node.end, start + 200)),
          });
        }
      }
    }
  },
};

const NO_DELAY = 'Retry loop with no delay between attempts: when the remote side fails or is overloaded, this loop hits it again at once, turning a blip into a retry storm. Wait between attempts with exponential backoff and jitter, and cap the attempts.';
const UNCAPPED = 'Retry loop with a constant delay and no cap on attempts: if the dependency stays down, this retries forever at the same pace and the failure never surfaces. Cap the attempts (then rethrow) and grow the delay after each failure.';

type Loop = ts.WhileStatement | ts.DoStatement | ts.ForStatement;

function judgeLoop(loop: Loop, aliases: ApiAliases, isLocal: (call: ts.CallExpression) => boolean): 'no-delay' | 'uncapped' | undefined {
  if (!retryTry(loop.statement, aliases, isLocal) && !retriesOnStatus(loop, aliases)) return undefined;
  const waits = collectWaits(loop.statement);
  if (waits.length === 0) return 'no-delay';
  if (isCapped(loop)) return undefined;
  const changing = changingNames(loop);
  return waits.some((delay) => !delay || grows(delay, changing)) ? undefined : 'uncapped';
}

/**
 * The loop body's `try` that makes it a retry: it makes an awaited or network call, leaves the loop on
 * success (`return`/`break` in the try block), and its `catch` does not always leave the loop.
 */
function retryTry(body: ts.Statement, aliases: ApiAliases, isLocal: (call: ts.CallExpression) => boolean): ts.TryStatement | undefined {
  const statements = ts.isBlock(body) ? body.statements : [body];
  for (const statement of statements) {
    if (!ts.isTryStatement(statement) || !statement.catchClause) continue;
    if (!makesRemoteCall(statement.tryBlock, aliases, isLocal)) continue;
    if (!exitsLoop(statement.tryBlock)) continue;
    if (alwaysLeaves(statement.catchClause.block)) continue;
    if (movesOnAfterFailure(statement, statements.slice(statements.indexOf(statement) + 1), aliases, isLocal)) continue;
    return statement;
  }
  return undefined;
}

/**
 * `for (;;) { try { return await realpath(current) } catch {} current = path.dirname(current) }`: after a
 * failure the loop changes what every call in the try is given, so the next attempt asks for something
 * else (walks up a tree, fails over to the next host); it does not repeat the request that failed.
 */
function movesOnAfterFailure(attempt: ts.TryStatement, after: readonly ts.Statement[], aliases: ApiAliases, isLocal: (call: ts.CallExpression) => boolean): boolean {
  const changed = new Set<string>();
  for (const node of [attempt.catchClause!.block, ...after]) collectAssigned(node, changed, { intoFunctions: false });
  if (changed.size === 0) return false;
  // A value the try works out from one of them is new as well (`const resolved = join(await realpath(current), …)`).
  const derived = new Set(changed);
  const derive = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && readsAny(node.initializer, derived)) derived.add(node.name.text);
    ts.forEachChild(node, derive);
  };
  derive(attempt.tryBlock);
  const calls = remoteCalls(attempt.tryBlock, aliases, isLocal);
  return calls.length > 0 && calls.every((call) => call.arguments.some((argument) => readsAny(argument, derived)));
}

/** Names a node assigns (`x = …`, `x += …`, `x++`), into `names`; inside nested functions too, or not. */
function collectAssigned(node: ts.Node, names: Set<string>, options: { intoFunctions: boolean }): void {
  if (!options.intoFunctions && ts.isFunctionLike(node)) return;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(node.left)) names.add(node.left.text);
  if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) && ts.isIdentifier(node.operand)) names.add(node.operand.text);
  ts.forEachChild(node, (child) => collectAssigned(child, names, options));
}

/**
 * `while (!res.ok) res = await fetch(url);`, `do { res = await axios.get(url) } while (res.status !== 200)`:
 * the loop condition reads a variable the body assigns from a network call.
 */
function retriesOnStatus(loop: Loop, aliases: ApiAliases): boolean {
  const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
  if (!condition) return false;
  const assigned = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left) && isNetworkCall(node.right, aliases)) assigned.add(node.left.text);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isNetworkCall(node.initializer, aliases)) assigned.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(loop.statement);
  if (assigned.size === 0) return false;
  let reads = false;
  const read = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && assigned.has(node.text)) reads = true;
    else ts.forEachChild(node, read);
  };
  read(condition);
  return reads;
}

function isNetworkCall(expression: ts.Expression, aliases: ApiAliases): boolean {
  let inner = unwrap(expression);
  if (ts.isAwaitExpression(inner)) inner = unwrap(inner.expression);
  return ts.isCallExpression(inner) && NETWORK_APIS.test(aliases.resolve(inner.expression) ?? '');
}

/** Whether the block makes a remote call (see remoteCalls). */
function makesRemoteCall(block: ts.Block, aliases: ApiAliases, isLocal: (call: ts.CallExpression) => boolean): boolean {
  return remoteCalls(block, aliases, isLocal).length > 0;
}

/** The block's awaited calls (but those to a local module: see LOCAL_MODULES) and network calls, outside nested functions. */
function remoteCalls(block: ts.Block, aliases: ApiAliases, isLocal: (call: ts.CallExpression) => boolean): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    const awaited = ts.isAwaitExpression(node) ? unwrap(node.expression) : undefined;
    if (awaited && ts.isCallExpression(awaited) && !isLocal(awaited)) calls.push(awaited);
    else if (ts.isCallExpression(node) && NETWORK_APIS.test(aliases.resolve(node.expression) ?? '')) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(block);
  return calls;
}

/** A call of a local module's API, through imports, `require` and aliases (`fsp.stat`, `fs.promises.realpath`). */
function isLocalCall(call: ts.CallExpression, inference: PromiseInference): boolean {
  const specifier = inference.moduleTarget(call)?.specifier;
  return specifier !== undefined && LOCAL_MODULES.has(specifier.replace(/^node:/, ''));
}

/** A `return` or `break` (of this loop) somewhere in the block, not inside a nested function or loop. */
function exitsLoop(block: ts.Block): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if ((ts.isReturnStatement(node) || (ts.isBreakStatement(node) && !node.label && !insideNestedBreakable(node, block))) && !onlyOnOutsideFlag(node, block)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(block);
  return found;
}

/**
 * `if (this.closing) break;`, `if (isAborted(params)) break;` in the try: an exit guarded by a condition
 * on nothing the try computed is a shutdown check, not the way out on success (`return await call()`,
 * `if (res.ok) return res`). A loop whose only exits are such checks reads or polls; it does not retry.
 */
function onlyOnOutsideFlag(exit: ts.Node, block: ts.Block): boolean {
  const computed = namesComputedIn(block);
  for (let child: ts.Node = exit, current = exit.parent; current && current !== block; child = current, current = current.parent) {
    if (ts.isIfStatement(current) && child !== current.expression && !readsComputed(current.expression, computed)) return true;
  }
  return false;
}

/** The names the try block declares or assigns to. */
function namesComputedIn(block: ts.Block): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isVariableDeclaration(node)) addBindingNames(node.name, names);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(node.left)) names.add(node.left.text);
    ts.forEachChild(node, visit);
  };
  visit(block);
  return names;
}

function addBindingNames(name: ts.BindingName, names: Set<string>): void {
  if (ts.isIdentifier(name)) names.add(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBindingNames(element.name, names);
}

/** Whether a condition depends on the attempt: it reads a name the try computed, or calls or awaits something (other than a state check like `isAborted(…)`). */
function readsComputed(condition: ts.Expression, computed: Set<string>): boolean {
  return someNode(condition, (node) => (ts.isIdentifier(node) && computed.has(node.text)) || ts.isAwaitExpression(node) || (ts.isCallExpression(node) && !isFlagCall(node)));
}

/** `isAborted(params)`, `signal.aborted`-style checks: a predicate on state the attempt did not produce. */
function isFlagCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /^is(?:Aborted|Closed|Closing|Cancel+ed|Stopped|Destroyed|Shutting|Ended)/.test(name);
}

function insideNestedBreakable(node: ts.Node, until: ts.Node): boolean {
  for (let current = node.parent; current && current !== until; current = current.parent) {
    if (ts.isIterationStatement(current, false) || ts.isSwitchStatement(current)) return true;
  }
  return false;
}

/** The block's last statement leaves unconditionally (`throw`, `return`, `break`). */
function alwaysLeaves(block: ts.Block): boolean {
  const last = block.statements[block.statements.length - 1];
  return !!last && (ts.isThrowStatement(last) || ts.isReturnStatement(last) || ts.isBreakStatement(last));
}

/**
 * The delay expressions of the waits in the loop body (undefined when a wait has no readable delay). An
 * awaited helper of the same file that waits (`if (await onAttemptFailure(…))` holding the backoff) is a
 * wait too, its delay unreadable from here.
 */
function collectWaits(body: ts.Node, depth = 0, seen = new Set<ts.Node>()): (ts.Expression | undefined)[] {
  const waits: (ts.Expression | undefined)[] = [];
  const visit = (node: ts.Node): void => {
    if (node !== body && ts.isFunctionLike(node) && !isPromiseExecutor(node)) return;
    if (ts.isAwaitExpression(node)) {
      const awaited = unwrap(node.expression);
      if (ts.isCallExpression(awaited) && isWaitCall(awaited)) waits.push(lastNumberArgument(awaited));
      else if (ts.isNewExpression(awaited) && isPromiseOfTimeout(awaited)) waits.push(timeoutDelay(awaited));
      else if (ts.isCallExpression(awaited) && depth < 2) {
        const helper = calledFunction(awaited);
        if (helper && !seen.has(helper)) {
          seen.add(helper);
          if (collectWaits(helper.body, depth + 1, seen).length > 0) waits.push(undefined);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return waits;
}

function isPromiseExecutor(node: ts.Node): boolean {
  return ts.isNewExpression(node.parent) && ts.isIdentifier(node.parent.expression) && node.parent.expression.text === 'Promise';
}

function isWaitCall(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return WAIT_NAMES.test(name);
}

function lastNumberArgument(call: ts.CallExpression): ts.Expression | undefined {
  // `setTimeout(ms)` from timers/promises and `sleep(ms)` take the delay first; `wait(ms, value)` too.
  return call.arguments[0];
}

/** `new Promise((resolve) => setTimeout(resolve, ms))` */
function isPromiseOfTimeout(expression: ts.NewExpression): boolean {
  return ts.isIdentifier(expression.expression) && expression.expression.text === 'Promise' && /\bsetTimeout\s*\(/.test(expression.getText());
}

function timeoutDelay(expression: ts.NewExpression): ts.Expression | undefined {
  let delay: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (delay) return;
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'setTimeout') delay = node.arguments[1];
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return delay;
}

/**
 * Attempts are capped when the loop has a real condition (`attempt < 5`), or when a check in the loop
 * compares something and then throws, returns or breaks (`if (++attempts > 5) throw err`).
 */
function isCapped(loop: Loop): boolean {
  const condition = ts.isForStatement(loop) ? loop.condition : loop.expression;
  // A condition caps attempts when it reads a counter (`attempt < 5`), not just a success flag (`!res.ok`).
  if (condition && !isAlwaysTrue(condition) && hasComparison(condition) && readsAny(condition, counters(loop))) return true;
  let capped = false;
  const visit = (node: ts.Node): void => {
    if (capped || ts.isFunctionLike(node)) return;
    if (ts.isIfStatement(node) && hasComparison(node.expression) && leaves(node.thenStatement)) capped = true;
    else ts.forEachChild(node, visit);
  };
  visit(loop.statement);
  return capped;
}

/** Names counted up or down in the loop (`attempt++`, `tries += 1`, the `for` incrementor). */
function counters(loop: Loop): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) && ts.isIdentifier(node.operand)) names.add(node.operand.text);
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken || node.operatorToken.kind === ts.SyntaxKind.MinusEqualsToken) && ts.isIdentifier(node.left)) names.add(node.left.text);
    ts.forEachChild(node, visit);
  };
  visit(loop.statement);
  if (ts.isForStatement(loop) && loop.incrementor) visit(loop.incrementor);
  // `while (attempt++ < 5)`: the counter moves in the condition itself.
  visit(ts.isForStatement(loop) ? (loop.condition ?? loop.statement) : loop.expression);
  return names;
}

function readsAny(expression: ts.Expression, names: Set<string>): boolean {
  return someNode(expression, (node) => ts.isIdentifier(node) && names.has(node.text));
}

// Stryker disable all: equivalent — isCapped asks this only together with hasComparison, and a condition that is `true`, a non-zero number or `!0` never holds a comparison, so its answer never changes the verdict
function isAlwaysTrue(condition: ts.Expression): boolean {
  const inner = unwrap(condition);
  return inner.kind === ts.SyntaxKind.TrueKeyword || (ts.isNumericLiteral(inner) && inner.text !== '0') || (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(inner.operand) && inner.operand.text === '0');
}
// Stryker restore all

function hasComparison(expression: ts.Expression): boolean {
  return someNode(expression, (node) => ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.LessThanToken && node.operatorToken.kind <= ts.SyntaxKind.ExclamationEqualsEqualsToken);
}

function leaves(statement: ts.Statement): boolean {
  if (ts.isThrowStatement(statement) || ts.isReturnStatement(statement) || ts.isBreakStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.some((s) => ts.isThrowStatement(s) || ts.isReturnStatement(s) || ts.isBreakStatement(s));
}

/** Names assigned or updated in the loop (and the `for` incrementor): a delay built on one of them grows. */
function changingNames(loop: Loop): Set<string> {
  const names = new Set<string>();
  collectAssigned(loop.statement, names, { intoFunctions: true });
  if (ts.isForStatement(loop) && loop.incrementor) collectAssigned(loop.incrementor, names, { intoFunctions: true });
  return names;
}

/** Whether a delay depends on something that changes between attempts (or is computed by a call). */
function grows(delay: ts.Expression, changing: Set<string>): boolean {
  return someNode(delay, (node) => (ts.isIdentifier(node) && changing.has(node.text)) || (ts.isCallExpression(node) && !(ts.isPropertyAccessExpression(node.expression) && node.expression.getText() === 'Math.random')));
}
