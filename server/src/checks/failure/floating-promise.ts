// failure/floating-promise: a promise used as a statement with nothing to await it or handle its
// rejection — including calls into async functions of other workspace files (through the index).
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call.
import ts from 'typescript';
import type { Check, CheckContext, RawFix } from '../../engine/types';
import { inferenceFor } from './support/inference-for';
import { exportedFunctionLookup, type ExportedFunction } from './support/workspace-lookup';
import type { PromiseInference } from './support/promise-inference';
import { enclosingFunction, isAsyncFunction, isIndirection, needsParens, skipOuter } from './support/scope';
import { isHandled } from './support/handled';
import { callsCallbackForm, calledFunction, mayHoldNonPromise, passesCallbackAt, passesErrorFirstCallback, promiseCannotReject } from './support/maybe-promise';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';
import { floatingCoroutines, type FloatingCoroutine } from './python/floating-coroutines';
import { importedCoroutineLookup } from './python/coroutine-exports';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.ExpressionStatement, ts.SyntaxKind.IfStatement, ts.SyntaxKind.WhileStatement, ts.SyntaxKind.DoStatement, ts.SyntaxKind.ForStatement, ts.SyntaxKind.ConditionalExpression, ts.SyntaxKind.SpreadAssignment));

export { isHandled };

export const FLOATING_PROMISE = 'failure/floating-promise';
export const DEFAULT_REJECTION_HANDLER = '(error) => queueMicrotask(() => { throw error; })';

export const floatingPromise: Check = {
  meta: {
    id: FLOATING_PROMISE,
    family: 'failure',
    title: 'Floating promise',
    rationale:
      'A promise that nobody awaits, returns or ends with a rejection handler fails silently: when it rejects, Node reports an unhandled rejection and (since Node 15) exits the process, a browser only logs it to the console where no one sees it, and the code after it runs before the work is done — a response is sent before the row is saved, a test passes before the assertion runs. Calls into async functions of other files are the usual culprits, because nothing at the call site says the function is async. A promise tested as a condition (always truthy) or spread into an object (which copies none of its result) is dropped the same way. So is an array of promises left as a statement (`items.map(async (item) => …);`, a value typed `Promise<T>[]` or a tuple holding one): the same failure once per item. Not reported: a condition on a value that may also be something else (a field or `let` set later, a function that returns a promise on one path and `false` on another), which the test tells apart; and a call of an async function whose whole body is a try/catch that reports the failure, or of a function whose every returned promise ends in a rejection handler, whose promise cannot reject; nor a call that passes a callback to a function that makes a promise only without one (`close(cb)` where `if (cb === undefined) return new Promise(…)`, or `once(...args)` where `if (args.length < 2) return new Promise(…)`) — in the same file or in another file of the workspace — or a library call given an error-first callback (`client.query(sql, (err, res) => …)`). In Python the same mistake is worse: a coroutine call without `await` (an `async def` of the same file, a method of the same class called on `self` or of a class of the file on one of its instances (`mailer = Mailer()`), `asyncio.sleep(…)`) only creates the coroutine, so its body never runs at all; and a task from `asyncio.create_task`, `ensure_future` or `gather` that nothing keeps can be garbage-collected before it finishes, its failure only logged; and `return fetch(url)` in an `async def` hands the caller the coroutine itself, which its `await` does not unwrap. Coroutine functions are read from the file itself and, for a name imported from another module of the workspace (`from app.mailer import send`, `from app import mailer`) into a file with async code of its own, from that module; a decorated `async def`, an async generator, or a name also defined without `async` is left out.',
    remedy:
      'Await the promise (or return it to the caller). If the work is meant to run in the background, end it with `.catch(handler)` that reports the failure and mark the statement with `void` so readers see the intent. For an array of promises, await `Promise.all(array)` (or `Promise.allSettled(array)` when each may fail on its own). In Python, `await` the coroutine, or keep the task (in a set of background tasks, discarded when done, or in an `asyncio.TaskGroup`) and handle its exception.',
    defaultSeverity: 'warning',
    instruction: {
      text: '`await`, return or `.catch` every promise (in try: `return await`).',
      recap: 'no floating promises',
    },
    languages: ['typescript', 'javascript', 'python'],
    options: {
      rejectionHandler: {
        description: 'The handler the quick fix puts in `void <call>.catch(<handler>)` outside async functions (e.g. `reportError`).',
        default: DEFAULT_REJECTION_HANDLER,
      },
    },
    fixable: true,
    examples: {
      bad: [
        'async function handle(req, res) {\n  saveOrder(req.body); // async, declared in ./orders\n  res.sendStatus(201);\n}',
        'import ax from "axios";\nax.post("/audit", entry);',
        'items.map(async (item) => upload(item));',
      ],
      good: [
        'async function handle(req, res) {\n  await saveOrder(req.body);\n  res.sendStatus(201);\n}',
        'void ax.post("/audit", entry).catch(reportError);',
        'await Promise.all(items.map(async (item) => upload(item)));',
      ],
    },
  },
  statementLocal: true,
  run(context) {
    if (context.document.language === 'python') {
      for (const floating of floatingCoroutines(context.document.text, importedCoroutineLookup(context))) reportCoroutine(floating, context);
      return;
    }
    const tree = context.tsTree();
    if (!tree) return;
    const inference = inferenceFor(context);
    const handler = typeof context.options.rejectionHandler === 'string' && context.options.rejectionHandler.trim() ? context.options.rejectionHandler.trim() : DEFAULT_REJECTION_HANDLER;
    const exported = exportedFunctionLookup(context);
    for (const node of nodesToCheck(tree, visited())) {
      switch (node.kind) {
        case ts.SyntaxKind.ExpressionStatement:
          checkStatement(node as ts.ExpressionStatement, tree, inference, exported, context, handler);
          break;
        case ts.SyntaxKind.IfStatement:
        case ts.SyntaxKind.WhileStatement:
        case ts.SyntaxKind.DoStatement:
        case ts.SyntaxKind.ForStatement:
        case ts.SyntaxKind.ConditionalExpression: {
          const condition = conditionOf(node);
          if (condition) checkCondition(condition, tree, inference, context);
          break;
        }
        case ts.SyntaxKind.SpreadAssignment:
          checkSpread(node as ts.SpreadAssignment, tree, inference, context);
      }
    }
  },
};

/** Python: a coroutine created and dropped (await it), or a task nobody keeps (keep it). */
function reportCoroutine(floating: FloatingCoroutine, context: CheckContext): void {
  const call = `\`${floating.callee}(…)\``;
  context.report({
    ruleId: FLOATING_PROMISE,
    start: floating.start,
    end: floating.end,
    message: floating.kind === 'returned'
      ? `${call} returns a coroutine from an \`async def\` without awaiting it: the caller's \`await\` gives back the coroutine, not its result (Python does not unwrap it as JavaScript unwraps a returned promise), so the work never runs and the caller gets the wrong value. Write \`return await …\`.`
      : floating.kind === 'coroutine'
      ? `${call} makes a coroutine and nothing awaits it: its body never runs (Python only warns that the coroutine "was never awaited"), so the work silently does not happen. Await it, or run it in the background with \`asyncio.create_task(…)\` and keep the task.`
      : `${call} starts a task and nothing keeps it: the event loop holds tasks only weakly, so it can be garbage-collected before it finishes, and if it fails its error is only logged ("Task exception was never retrieved"). Keep a reference (add it to a set and discard it when done) and handle its exception, or run it in an \`asyncio.TaskGroup\`.`,
    fixes: floating.kind !== 'task' && floating.inAsyncFunction ? [{ title: 'Await the coroutine', preferred: true, changes: [{ start: floating.start, end: floating.start, newText: 'await ' }] }] : undefined,
  });
}

type Floating = { leaf: ts.Expression; kind: 'promise' | 'array' };
type ExportedFunctions = (specifier: string, key: string) => ExportedFunction | undefined;

function checkStatement(statement: ts.ExpressionStatement, tree: ts.SourceFile, inference: PromiseInference, exported: ExportedFunctions, context: CheckContext, handler: string): void {
  const floating: Floating[] = [];
  for (const leaf of discardedValues(statement.expression)) {
    const kind = floatingKind(leaf, inference, exported);
    if (kind) floating.push({ leaf, kind });
  }
  if (floating.length === 0) return;
  const expression = statement.expression;
  const start = expression.getStart(tree);
  const first = floating[0];
  context.report({
    ruleId: FLOATING_PROMISE,
    start,
    end: expression.end,
    message: messageFor(first, tree),
    fixes: fixesFor(statement, floating, tree, handler),
  });
}

/** The expression an `if`, loop or `?:` tests for truthiness. */
function conditionOf(node: ts.Node): ts.Expression | undefined {
  if (ts.isIfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)) return node.expression;
  if (ts.isForStatement(node)) return node.condition;
  if (ts.isConditionalExpression(node)) return node.condition;
  return undefined;
}

/** A promise tested as a condition: always truthy, its result never read and its rejection never handled. */
function checkCondition(condition: ts.Expression, tree: ts.SourceFile, inference: PromiseInference, context: CheckContext): void {
  for (const leaf of testedValues(condition)) {
    // A value that may also be undefined or an error (a lazily set field, a function with a promise on
    // one path only) is tested to tell the cases apart: not always truthy.
    if (ts.isAwaitExpression(leaf) || isHandled(leaf, inference) || !inference.isPromise(leaf) || mayHoldNonPromise(leaf, inference)) continue;
    context.report({
      ruleId: FLOATING_PROMISE,
      start: leaf.getStart(tree),
      end: leaf.end,
      message: `${describe(leaf, tree).replace(/ and$/, ',')} which is always truthy in a condition: the test never sees its result and nothing handles its rejection (Node exits on it; a browser only logs it). Await it first: \`if (await …)\`.`,
    });
  }
}

/** A promise spread into an object literal: it has no own properties, so nothing is copied, and its rejection is never handled. */
function checkSpread(spread: ts.SpreadAssignment, tree: ts.SourceFile, inference: PromiseInference, context: CheckContext): void {
  for (const leaf of spreadValues(spread.expression)) {
    if (ts.isAwaitExpression(leaf) || isHandled(leaf, inference) || !inference.isPromise(leaf)) continue;
    context.report({
      ruleId: FLOATING_PROMISE,
      start: leaf.getStart(tree),
      end: leaf.end,
      message: `${describe(leaf, tree).replace(/ and$/, ' that is')} spread into an object: a promise has no properties of its own, so the object gets none of the result, and nothing handles its rejection (Node exits on it; a browser only logs it). Await it first: \`{ ...(await …) }\`.`,
    });
  }
}

/** The values a spread may copy from: both arms of `?:`, both sides of `&&`, `||`, `??`. */
function spreadValues(expression: ts.Expression): ts.Expression[] {
  const node = skipOuter(expression);
  if (ts.isConditionalExpression(node)) return [...spreadValues(node.whenTrue), ...spreadValues(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    return [...spreadValues(node.left), ...spreadValues(node.right)];
  }
  return [node];
}

function testedValues(expression: ts.Expression): ts.Expression[] {
  const node = skipOuter(expression);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return testedValues(node.operand);
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    return [...testedValues(node.left), ...testedValues(node.right)];
  }
  return [node];
}

/** The values a statement computes and drops: both arms of `?:`, every operand of `,`, `&&`, `||`, `??`. */
function discardedValues(expression: ts.Expression): ts.Expression[] {
  let node = skipOuter(expression);
  if (ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'const') node = skipOuter(node.expression);
  if (ts.isConditionalExpression(node)) return [...discardedValues(node.whenTrue), ...discardedValues(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.CommaToken || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...discardedValues(node.left), ...discardedValues(node.right)];
    }
  }
  return [node];
}

function floatingKind(leaf: ts.Expression, inference: PromiseInference, exported: ExportedFunctions): Floating['kind'] | undefined {
  if (ts.isVoidExpression(leaf) || ts.isAwaitExpression(leaf) || ts.isBinaryExpression(leaf) || ts.isYieldExpression(leaf)) return undefined;
  if (ts.isArrayLiteralExpression(leaf)) {
    const floats = (element: ts.Expression) => ts.isSpreadElement(element) ? inference.holdsPromises(element.expression) : !isHandled(element, inference) && inference.isPromise(element);
    return leaf.elements.some(floats) ? 'array' : undefined;
  }
  if (isHandled(leaf, inference) || isSelfHandling(leaf, inference, exported)) return undefined;
  if (inference.isPromise(leaf)) return 'promise';
  // `items.map(async …)`, a `Promise<T>[]` or a tuple with a promise in it: promises nobody waits for.
  if (inference.holdsPromises(leaf)) return 'array';
  return undefined;
}

/**
 * A call of an async function whose body catches and reports its own failures (its promise cannot
 * reject), or of a callback-or-promise function with a callback passed (no promise): a function of
 * this file, or one another file of the workspace exports (from its summary in the index).
 */
function isSelfHandling(leaf: ts.Expression, inference: PromiseInference, exported: ExportedFunctions): boolean {
  const node = skipOuter(leaf);
  if (!ts.isCallExpression(node)) return false;
  const fn = calledFunction(node);
  // A call given an error-first callback (`client.query(sql, (err, res) => …)`) reports to it — unless the
  // function of this file is async: its own promise rejects when its body throws before calling back.
  if (fn) return promiseCannotReject(fn, inference) || callsCallbackForm(node, inference) || (!isAsyncFunction(fn) && passesErrorFirstCallback(node));
  if (passesErrorFirstCallback(node) || callsCallbackForm(node, inference)) return true;
  const target = inference.moduleTarget(node);
  const found = target && exported(target.specifier, target.key);
  return !!found && (found.safe || passesCallbackAt(node, found.callbackParameters));
}

function messageFor(floating: Floating, tree: ts.SourceFile): string {
  if (floating.kind === 'array') {
    return `${describeArray(floating.leaf, tree)} and nothing waits for them: if one rejects, the rejection is unhandled (Node exits on it; a browser only logs it), and the code below runs before they finish. Wrap the array in \`await Promise.all(…)\` (\`Promise.allSettled(…)\` when each may fail on its own), or use a loop with \`await\` when order or concurrency matters.`;
  }
  const subject = describe(floating.leaf, tree);
  return `${subject} nothing awaits or handles it: if it rejects, the rejection is unhandled (Node exits on it; a browser only logs it), and the code below runs before it finishes. Await it or return it; for deliberate background work, write \`void <call>.catch(<handler>)\` with a handler that reports the error.`;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text).replace(/\s+/g, ' ');

/** The subject of the message for an array of promises: who makes or holds them. */
function describeArray(leaf: ts.Expression, tree: ts.SourceFile): string {
  const node = skipOuter(leaf);
  if (ts.isArrayLiteralExpression(node)) return 'This array holds promises';
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['map', 'flatMap'].includes(node.expression.name.text)) {
    return `\`${short(node.expression.getText(tree))}(…)\` makes one promise per item`;
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = calleeText(node, tree);
    return `\`${short(ts.isNewExpression(node) ? `new ${callee}` : callee)}(…)\` returns an array of promises`;
  }
  return `\`${short(node.getText(tree))}\` is an array of promises`;
}

function describe(leaf: ts.Expression, tree: ts.SourceFile): string {
  const node = skipOuter(leaf);
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = calleeText(node, tree);
    return `\`${short(ts.isNewExpression(node) ? `new ${callee}` : callee)}(…)\` returns a promise and`;
  }
  if (ts.isTaggedTemplateExpression(node)) return `\`${short(node.tag.getText(tree))}\`…\` returns a promise and`;
  return `\`${short(node.getText(tree))}\` is a promise and`;
}

/**
 * Await each floating value in an async function, else end it with the rejection handler. A promise is
 * awaited or caught as it is; an array of promises goes through `Promise.all(…)` first.
 */
function fixesFor(statement: ts.ExpressionStatement, floating: Floating[], tree: ts.SourceFile, handler: string): RawFix[] {
  const fixes: RawFix[] = [];
  const fn = enclosingFunction(statement);
  const arrays = floating.some((f) => f.kind === 'array');
  const promises = floating.some((f) => f.kind === 'promise');
  const what = arrays && promises ? 'the promises' : arrays ? 'Promise.all(…)' : 'the promise';
  const target = (f: Floating) => (f.kind === 'array' ? constWrapped(f.leaf) : f.leaf);
  const range = (f: Floating) => ({ start: target(f).getStart(tree), end: target(f).end });
  // The text `await`/`.catch` applies to: the promise itself, or `Promise.all(<array>)`.
  const operand = (f: Floating) => {
    const text = target(f).getText(tree);
    if (f.kind === 'array') return `Promise.all(${text})`;
    return needsParens(f.leaf) ? `(${text})` : text;
  };
  if (fn && isAsyncFunction(fn)) {
    fixes.push({
      title: `Await ${what}`,
      preferred: true,
      changes: floating.map((f) => ({ ...range(f), newText: `await ${operand(f)}` })),
    });
  }
  fixes.push({
    title: `Handle rejections: void ${arrays && !promises ? 'Promise.all(…)' : '…'}.catch(${handler.length > 40 ? 'handler' : handler})`,
    ...(fixes.length === 0 ? { preferred: true } : {}),
    changes: floating.map((f) => ({ ...range(f), newText: `void ${operand(f)}.catch(${handler})` })),
  });
  return fixes;
}

/** `[p, q] as const` as written: the array literal with its `as const` (and parentheses), so `Promise.all` takes the tuple. */
function constWrapped(leaf: ts.Expression): ts.Expression {
  let node: ts.Expression = leaf;
  while (ts.isParenthesizedExpression(node.parent) || (ts.isAsExpression(node.parent) && ts.isTypeReferenceNode(node.parent.type) && node.parent.type.typeName.getText() === 'const')) node = node.parent;
  return node;
}


/** The callee as the message shows it: `promises_1.readFile` for compiled code's `(0, promises_1.readFile)`. */
function calleeText(node: ts.CallExpression | ts.NewExpression, tree: ts.SourceFile): string {
  const callee = node.expression;
  return (ts.isParenthesizedExpression(callee) && isIndirection(callee.expression) ? callee.expression.right : callee).getText(tree);
}
