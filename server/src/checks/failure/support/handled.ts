// Whether a promise expression ends in a rejection handler.
// A default import: bundled, `import * as ts` turns every `ts.` access into a getter call.
import ts from 'typescript';
import type { PromiseInference } from './promise-inference';
import { skipOuter } from './scope';

/** `.catch(handler)`, `.then(onFulfilled, onRejected)`, and `.finally(…)` after either. */
export function isHandled(expression: ts.Expression, inference: PromiseInference): boolean {
  const node = skipOuter(expression);
  if (!ts.isCallExpression(node) || !(ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression))) return false;
  const name = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isStringLiteralLike(node.expression.argumentExpression) ? node.expression.argumentExpression.text : '';
  const args = node.arguments;
  if (args.some(ts.isSpreadElement)) return false;
  if (name === 'catch') return args.length >= 1 && inference.isFunctionValue(args[0]);
  if (name === 'then') return args.length >= 2 && inference.isFunctionValue(args[1]);
  if (name === 'finally') return isHandled(node.expression.expression, inference);
  return false;
}
