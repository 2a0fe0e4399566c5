// failure/return-without-await: `return somePromise()` inside a try block (or a catch block that has a
// finally) of an async function. The function returns before the promise settles, so its rejection
// never reaches that catch, and the finally runs while the work is still going on.
import ts from 'typescript';
import type { Check, RawFix } from '../../engine/types';
import { inferenceFor } from './support/inference-for';
import { isSettledPromise } from './support/maybe-promise';
import { enclosingFunction, findDeclaration, isAsyncFunction, isConstDeclaration, needsParens, skipOuter } from './support/scope';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.ReturnStatement));

const RULE_ID = 'failure/return-without-await';

export const returnWithoutAwait: Check = {
  meta: {
    id: RULE_ID,
    family: 'failure',
    title: 'Promise returned from a try block without await',
    rationale:
      'In an async function, `return fetchOrder(id)` inside `try` hands the promise to the caller and leaves the try block at once. If the promise rejects, it rejects in the caller: the `catch` written right around it never runs, so its fallback, its logging or its error translation silently does nothing. A `finally` is no better: it runs before the work is done, releasing a lock or closing a connection the operation is still using. The code reads as guarded and is not; tests that only exercise success never show it. Not reported: a `const` promise already awaited by an earlier statement of the same block (`await done; return done;`), which has settled, and a promise settled where it is made (`return Promise.resolve()`, `return Promise.reject(new NotFound())`: a rejection made on purpose for the caller).',
    remedy:
      'Write `return await fetchOrder(id)` inside try (and inside a catch that has a finally), so the rejection is caught there and the finally waits for the work. Outside try, a plain `return` of the promise is fine.',
    defaultSeverity: 'warning',
    instruction: {
      // Shared with failure/floating-promise: rules with the same text are one line of the primer.
      text: '`await`, return or `.catch` every promise (in try: `return await`).',
      recap: 'no floating promises',
    },
    languages: ['typescript', 'javascript'],
    examples: {
      bad: [
        'async function load(id) {\n  try {\n    return fetchOrder(id);\n  } catch (error) {\n    return fallbackOrder(id);\n  }\n}',
        'async function withLock(run) {\n  const lock = await acquire();\n  try {\n    return run();\n  } finally {\n    lock.release();\n  }\n}',
      ],
      good: [
        'async function load(id) {\n  try {\n    return await fetchOrder(id);\n  } catch (error) {\n    return fallbackOrder(id);\n  }\n}',
        'async function load(id) {\n  return fetchOrder(id);\n}',
      ],
    },
  },
  statementLocal: true,
  run(context) {
    const text = context.document.text;
    // Text first: without a `try` there is nothing to report, and no need to parse.
    if (!/\btry\b/.test(text) || !/\breturn\b/.test(text)) return;
    const tree = context.tsTree();
    if (!tree) return;
    const inference = inferenceFor(context);
    for (const node of nodesToCheck(tree, visited())) {
      if (!ts.isReturnStatement(node) || !node.expression) continue;
      const returned = node.expression;
      if (ts.isAwaitExpression(skipOuter(returned))) continue;
      const guard = guardingTry(node);
      if (!guard) continue;
      const fn = enclosingFunction(node);
      if (!fn || !isAsyncFunction(fn)) continue;
      if (!inference.isPromise(returned) || awaitedBefore(node, returned) || isSettledPromise(returned, inference)) continue;
      const start = returned.getStart(tree);
      context.report({
        ruleId: RULE_ID,
        start,
        end: returned.end,
        message:
          guard === 'catch'
            ? 'Promise returned from a try block without `await`: if it rejects, the rejection skips this `catch` and reaches the caller instead, so the handling written here never runs. Write `return await …`.'
            : 'Promise returned from a block with a `finally`, without `await`: the `finally` runs at once, while the work is still going on (a lock released or a connection closed too early), and a rejection skips any `catch` here. Write `return await …`.',
        fixes: [awaitFix(returned, tree)],
      });
    }
  },
};

/**
 * What makes a bare `return` of a promise wrong here: a `catch` it would skip (the return is in a try
 * block with a catch clause), or a `finally` that would not wait (in a try block or a catch block of a
 * statement with a finally). Only up to the enclosing function.
 */
function guardingTry(node: ts.Node): 'catch' | 'finally' | undefined {
  for (let child = node, parent = node.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    if (!ts.isTryStatement(parent)) continue;
    if (child === parent.tryBlock) return parent.catchClause ? 'catch' : 'finally';
    if (child === parent.catchClause && parent.finallyBlock) return 'finally';
  }
  return undefined;
}

/**
 * `await done; return done;`: a const promise already awaited by an earlier statement of the same block
 * has settled: returning it neither skips the catch (a rejection was thrown at the await) nor outruns the finally.
 */
function awaitedBefore(statement: ts.ReturnStatement, returned: ts.Expression): boolean {
  const name = skipOuter(returned);
  if (!ts.isIdentifier(name) || !ts.isBlock(statement.parent)) return false;
  const declaration = findDeclaration(name);
  if (!declaration || !ts.isVariableDeclaration(declaration) || !isConstDeclaration(declaration)) return false;
  const statements = statement.parent.statements;
  return statements.slice(0, statements.indexOf(statement)).some((earlier) => {
    if (!ts.isExpressionStatement(earlier)) return false;
    const expression = skipOuter(earlier.expression);
    if (!ts.isAwaitExpression(expression)) return false;
    const awaited = skipOuter(expression.expression);
    return ts.isIdentifier(awaited) && findDeclaration(awaited) === declaration;
  });
}

/** `await ` before the expression, in parentheses when it is not a primary one (`await (a ? b() : c())`). */
function awaitFix(returned: ts.Expression, tree: ts.SourceFile): RawFix {
  const start = returned.getStart(tree);
  return {
    title: 'Await the promise before returning it (return await)',
    preferred: true,
    changes: needsParens(returned) ? [{ start, end: start, newText: 'await (' }, { start: returned.end, end: returned.end, newText: ')' }] : [{ start, end: start, newText: 'await ' }],
  };
}
