// failure/empty-catch: a catch block with no statements but empty ones (comments alone do not handle an error), and
// in Python a broad `except` whose body is only `pass`/`...`. A handler with code that still drops the
// error is failure/swallowed-error's.
import ts from 'typescript';
import type { Check } from '../../engine/types';
import { catchClauseFixes } from './catch-fixes';
import { hasShipshapeTodo, throwFollows } from './handler-body';
import { pythonHandlers } from './python/except-clauses';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.CatchClause));

const CATCH_CLAUSE = /(?<![.\w$])catch\s*[({/]/;

export const emptyCatch: Check = {
  meta: {
    id: 'failure/empty-catch',
    family: 'failure',
    title: 'Empty catch block',
    rationale:
      'An empty catch block swallows the error: the operation failed, nothing is logged, nothing is retried, and the code after it runs as if it had succeeded. In production this turns a clear failure into corrupt state or a silent outage that nobody can trace. Not reported: a try followed at once by a throw (`try { return require("pg") } catch {} throw new Error("install pg")`), best-effort cleanup inside a catch that then throws (`catch (err) { try { await tx.rollback() } catch {} throw err; }`), and a detail read in a branch that ends by throwing (`if (!res.ok) { let body; try { body = JSON.parse(text) } catch {} throw new ApiError(res.status, body); }`): the failure the caller sees is not swallowed. A probe that is meant to fail silently (`try { ctx = c.executionCtx } catch {}`) is still an empty catch: say why with a suppression, so readers know it is deliberate.',
    remedy:
      'Handle the error (recover, retry, return an explicit failure), rethrow it with context (`throw new Error("loading settings", { cause: err })`), or, if ignoring it is truly correct, suppress the finding with the reason.',
    defaultSeverity: 'warning',
    languages: ['typescript', 'javascript', 'python'],
    fixable: true,
    options: {
      todoFix: {
        description: 'Also offer a quick fix that marks the block with a `TODO(shipshape)` comment instead of rethrowing (a block holding that comment is not reported).',
        default: false,
      },
    },
    instruction: {
      text: 'No empty catch: rethrow with `{ cause }`.',
      recap: 'no empty catch',
    },
    examples: {
      bad: ['try {\n  await save(order);\n} catch (err) {\n}', 'try {\n  cleanup();\n} catch {\n  // ignore\n}', 'try:\n    cleanup()\nexcept Exception:\n    pass\n'],
      good: ['try {\n  await save(order);\n} catch (err) {\n  throw new Error("saving order failed", { cause: err });\n}'],
    },
  },
  statementLocal: true,
  run(context) {
    const todoFix = context.options.todoFix === true;
    if (context.document.language === 'python') {
      for (const handler of pythonHandlers(context.document.text)) {
        if (handler.verdict !== 'empty') continue;
        context.report({
          ruleId: 'failure/empty-catch',
          start: handler.start,
          end: handler.end,
          message:
            'Broad except whose body is only `pass`: every error, including bugs, is swallowed, so this failure will vanish silently in production. Handle it, re-raise it with context (`raise ... from err`), catch a narrower exception, or suppress with the reason it is safe to ignore.',
          fingerprintText: handler.fingerprintText,
          fixes: handler.fixes(todoFix),
        });
      }
      return;
    }
    // Text first: a file without a catch clause needs no parse (the tree is built lazily). A clause is
    // the keyword, not after `.` (`promise.catch(`), then `(`, `{` or a comment.
    if (!CATCH_CLAUSE.test(context.document.text)) return;
    const tree = context.tsTree();
    if (!tree) return;
    for (const node of nodesToCheck(tree, visited())) {
      // Empty: no statements, or only empty ones (`catch (e) { ; }`).
      if (ts.isCatchClause(node) && node.block.statements.every(ts.isEmptyStatement) && !throwFollows(node) && !hasShipshapeTodo(tree.text, node.block.pos, node.block.end)) {
        const start = node.getStart(tree);
        // The clause head: `catch` and its binding, e.g. `catch (err)`.
        const end = node.variableDeclaration ? node.block.getStart(tree) : start + 'catch'.length;
        const head = tree.text.slice(start, end).trimEnd();
        context.report({
          ruleId: 'failure/empty-catch',
          start,
          end: start + head.length,
          message:
            'Empty catch block: the error is swallowed, so this failure will vanish silently in production. Handle it, rethrow it with context (`{ cause: err }`), or suppress with the reason it is safe to ignore.',
          // Fingerprint on the guarded code, so two empty catches in one file stay distinct.
          fingerprintText: `${head} ${node.parent.getText(tree).slice(0, 200)}`,
          fixes: catchClauseFixes(node, tree, todoFix),
        });
      }
    }
  },
};
