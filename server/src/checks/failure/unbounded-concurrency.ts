// failure/unbounded-concurrency: `Promise.all(items.map(async …))` where `items` is as large as an input,
// a query result or a file makes it: every item starts at once.
import ts from 'typescript';
import type { Check } from '../../engine/types';
import { declarationOf, externalSource, unwrap, type ExternalSource } from './support/external-input';
import { inferenceFor } from './support/inference-for';
import { returnExpressions, type PromiseInference } from './support/promise-inference';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';
import { unboundedGathers } from './python/unbounded-gather';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.CallExpression));

const RULE_ID = 'failure/unbounded-concurrency';
const COMBINATORS = new Set(['all', 'allSettled']);
/** A callback that already goes through a limiter (`limit(() => …)`, a semaphore, a queue). */
const LIMITED = /\blimit\w*\s*\(|\blimiter\b|\bsemaphore\b|\.acquire\s*\(|\bqueue\.add\s*\(|\bthrottle\w*\s*\(|\bbottleneck\b|\.schedule\s*\(/i;

export const unboundedConcurrency: Check = {
  meta: {
    id: RULE_ID,
    family: 'failure',
    title: 'Unbounded concurrency over an input-sized collection',
    rationale:
      '`Promise.all(items.map(async (item) => …))` starts one operation per item, all at once. With ten items in the test that is fine; in production `items` is whatever the request, the query or the file holds, and ten thousand concurrent calls exhaust the connection pool and file descriptors, trip the downstream rate limit, spike memory, and, because `Promise.all` rejects on the first failure while the rest keep running, leave partial work nobody awaits. The rule reports only collections it can see are unbounded (request input, file or network contents, a directory listing, an awaited query such as `db.query`/`findMany` or a bare `query(…)` helper, a parameter typed as an array); a callback counts when it is async or returns a promise (`ids.map((id) => load(id))`); literal arrays, `.slice(0, n)` and callbacks that go through a limiter are fine. In Python: `asyncio.gather(*[fetch(u) for u in urls])` (a generator, `map(fetch, urls)`, or a list of tasks built first; also `asyncio.wait` and `as_completed`) over request data, a query result, file lines, a directory listing or a parameter annotated as a list, unless the coroutine goes through a semaphore or limiter.',
    remedy:
      'Limit concurrency: `const limit = pLimit(8); await Promise.all(items.map((item) => limit(() => send(item))));`, or process in chunks (`for (const chunk of chunks(items, 50)) await Promise.all(chunk.map(send));`), or a bounded queue. Cap the input size at the edge too.',
    defaultSeverity: 'warning',
    instruction: {
      text: 'Limit concurrency over input-sized lists.',
      recap: 'bounded concurrency',
    },
    languages: ['typescript', 'javascript', 'python'],
    examples: {
      bad: ['await Promise.all(req.body.ids.map(async (id) => {\n  await db.delete(id);\n}));', 'const rows = await db.query(sql);\nawait Promise.all(rows.map(async (row) => notify(row)));'],
      good: ['const limit = pLimit(8);\nawait Promise.all(req.body.ids.map((id) => limit(() => db.delete(id))));', 'await Promise.all([loadUser(), loadOrders()]);', 'await Promise.all(ids.slice(0, 20).map(async (id) => load(id)));'],
    },
  },
  statementLocal: true,
  run(context) {
    if (context.document.language === 'python') {
      for (const found of unboundedGathers(context.document.text)) {
        context.report({
          ruleId: RULE_ID,
          start: found.start,
          end: found.end,
          message: `\`${found.combinator}\` over one coroutine per item of \`${found.collection.length > 40 ? found.collection.slice(0, 37) + '…' : found.collection}\` (${found.source}) runs them all at once: a large input opens thousands of calls together, exhausting connections and rate limits. Limit concurrency (an \`asyncio.Semaphore\` around each call, or batches of a fixed size).`,
          fingerprintText: found.fingerprintText,
        });
      }
      return;
    }
    const tree = context.tsTree();
    if (!tree || !context.document.text.includes('Promise')) return;
    const inference = inferenceFor(context);
    for (const node of nodesToCheck(tree, visited())) {
      const combinator = ts.isCallExpression(node) ? promiseCombinator(node.expression) : undefined;
      if (combinator && ts.isCallExpression(node) && node.arguments.length === 1) {
        const mapped = unwrap(node.arguments[0]);
        if (ts.isCallExpression(mapped)) {
          const finding = check(mapped, inference);
          if (finding) {
            const start = node.getStart(tree);
            context.report({
              ruleId: RULE_ID,
              start,
              end: node.expression.getEnd(),
              message: `\`Promise.${combinator}\` over \`${finding.collection}.map(${finding.async ? 'async ' : ''}…)\` starts one operation per item of ${finding.source} at once: a large input opens thousands of calls together, exhausting connections and rate limits. Limit concurrency (p-limit, or chunks of a fixed size).`,
              fingerprintText: tree.text.slice(start, Math.min(node.end, start + 160)),
            });
          }
        }
      }
    }
  },
};

/** `all`/`allSettled` for `Promise.all`, `(Promise.all)`, `(Promise).all`, `Promise["all"]`. */
function promiseCombinator(callee: ts.Expression): string | undefined {
  const inner = unwrap(callee);
  const name = ts.isPropertyAccessExpression(inner) ? inner.name.text
    : ts.isElementAccessExpression(inner) && ts.isStringLiteralLike(inner.argumentExpression) ? inner.argumentExpression.text : undefined;
  if (name === undefined || !COMBINATORS.has(name)) return undefined;
  const receiver = unwrap((inner as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  return ts.isIdentifier(receiver) && receiver.text === 'Promise' ? name : undefined;
}

/** `X.map(cb)` with an async `cb` over an unbounded `X`: the collection's text and where it comes from. */
function check(call: ts.CallExpression, inference: PromiseInference): { collection: string; source: ExternalSource; async: boolean } | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'map' || !call.arguments[0]) return undefined;
  const callback = unwrap(call.arguments[0]);
  const async = isAsyncCallback(callback);
  if (!async && !returnsPromise(callback, inference)) return undefined;
  const collection = unwrap(callee.expression);
  if (isBounded(collection)) return undefined;
  const source = externalSource(collection, { queries: true, arrayParameters: true });
  if (!source) return undefined;
  const text = collection.getText();
  return { collection: text.length > 40 ? text.slice(0, 37) + '…' : text, source, async };
}

/** `(id) => load(id)` where `load` gives a promise: the same fan-out as an async callback, written without `async`. */
function returnsPromise(callback: ts.Expression, inference: PromiseInference): boolean {
  if (!ts.isArrowFunction(callback) && !ts.isFunctionExpression(callback)) return false;
  if (LIMITED.test(callback.body.getText())) return false;
  return ts.isBlock(callback.body) ? returnExpressions(callback.body).some((value) => inference.isPromise(value)) : inference.isPromise(callback.body);
}

function isAsyncCallback(callback: ts.Expression): boolean {
  const inner = unwrap(callback);
  if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) {
    if (LIMITED.test(inner.body.getText())) return false;
    return !!inner.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
  }
  if (ts.isIdentifier(inner)) {
    // `items.map(send)` where `send` is an async function of this file.
    const declaration = declarationOf(inner) ?? functionDeclarationOf(inner);
    if (!declaration) return false;
    if (ts.isFunctionDeclaration(declaration)) return !!declaration.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) return isAsyncCallback(declaration.initializer);
  }
  return false;
}

/** Function declarations are hoisted: looked up by name in the enclosing blocks. */
function functionDeclarationOf(identifier: ts.Identifier): ts.FunctionDeclaration | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === identifier.text) return statement;
    }
  }
  return undefined;
}

/** Literal arrays, `.slice(0, n)`, and anything chunked or capped before the map. */
function isBounded(collection: ts.Expression): boolean {
  if (ts.isArrayLiteralExpression(collection)) return !collection.elements.some(ts.isSpreadElement);
  if (ts.isCallExpression(collection)) {
    const callee = unwrap(collection.expression);
    if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'slice' || callee.name.text === 'splice') && collection.arguments.length === 2) return true;
  }
  return false;
}
