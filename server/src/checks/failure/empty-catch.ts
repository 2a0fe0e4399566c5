// failure/empty-catch: a catch block with no statements (comments alone do not handle an error).
import * as ts from 'typescript';
import type { Check } from '../../engine/types';

const CATCH_CLAUSE = /(?<![.\w$])catch\s*[({/]/;

export const emptyCatch: Check = {
  meta: {
    id: 'failure/empty-catch',
    family: 'failure',
    title: 'Empty catch block',
    rationale:
      'An empty catch block swallows the error: the operation failed, nothing is logged, nothing is retried, and the code after it runs as if it had succeeded. In production this turns a clear failure into corrupt state or a silent outage that nobody can trace.',
    remedy:
      'Handle the error (recover, retry, return an explicit failure), rethrow it with context (`throw new Error("loading settings", { cause: err })`), or, if ignoring it is truly correct, suppress the finding with the reason.',
    defaultSeverity: 'warning',
    languages: ['typescript', 'javascript'],
    examples: {
      bad: ['try {\n  await save(order);\n} catch (err) {\n}', 'try {\n  cleanup();\n} catch {\n  // ignore\n}'],
      good: ['try {\n  await save(order);\n} catch (err) {\n  throw new Error("saving order failed", { cause: err });\n}'],
    },
  },
  run(context) {
    // Text first: a file without a catch clause needs no parse (the tree is built lazily). A clause is
    // the keyword, not after `.` (`promise.catch(`), then `(`, `{` or a comment.
    if (!CATCH_CLAUSE.test(context.document.text)) return;
    const tree = context.tsTree();
    if (!tree) return;
    const visit = (node: ts.Node): void => {
      if (ts.isCatchClause(node) && node.block.statements.length === 0) {
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
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  },
};
