// Quick fixes for a catch block or rejection handler that drops the error: rethrow it with its cause
// (`throw new Error("<context>", { cause: err })`), or, when the rule option `todoFix` is set, mark it
// with a `TODO(shipshape)` comment. No fix deletes user code: the throw goes in before the handler's
// `return`/`continue`/`break`, or at its end.
import * as ts from 'typescript';
import type { RawFix, RawTextChange } from '../../engine/types';
import { bindingName, calleeText, mentions } from './handler-body';

export const TODO_TEXT = 'TODO(shipshape): decide how to handle this error (rethrow, recover or report it)';

/** `"saving order failed"`-style context for the new Error, from the guarded code. */
export function contextFor(guarded: ts.Node | undefined, near: ts.Node): string {
  const call = guarded && firstCall(guarded);
  const name = call ? calleeText(call.expression) : undefined;
  if (name) return `${name.split('.').slice(-2).join('.')} failed`;
  for (let node: ts.Node | undefined = near; node; node = node.parent) {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && ts.isIdentifier(node.name)) return `${node.name.text} failed`;
  }
  return 'operation failed';
}

function firstCall(node: ts.Node): ts.CallExpression | undefined {
  let found: ts.CallExpression | undefined;
  const visit = (child: ts.Node): void => {
    if (found || ts.isFunctionLike(child)) return;
    if (ts.isCallExpression(child)) {
      // The innermost call of a chain (`load(id).then(…)` → `load`).
      let inner: ts.CallExpression = child;
      while (ts.isPropertyAccessExpression(inner.expression) && ts.isCallExpression(inner.expression.expression)) inner = inner.expression.expression;
      found = inner;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function throwText(context: string, name: string): string {
  return `throw new Error(${JSON.stringify(context)}, { cause: ${name} });`;
}

/** A name for a new error binding that does not collide with one used in the handler. */
function freshName(scope: ts.Node): string {
  return mentions(scope, 'error') ? 'cause' : 'error';
}

/** Where a statement goes in a block: before its first top-level return/continue/break, else at its end. */
function insertIntoBlock(block: ts.Block, tree: ts.SourceFile, statement: string): RawTextChange {
  const text = tree.text;
  const exit = block.statements.find((s) => ts.isReturnStatement(s) || ts.isContinueStatement(s) || ts.isBreakStatement(s));
  if (exit) {
    const start = exit.getStart(tree);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = text.slice(lineStart, start);
    return { start, end: start, newText: /^\s*$/.test(before) ? `${statement}\n${before}` : `${statement} ` };
  }
  const open = block.getStart(tree) + 1;
  const close = block.end - 1;
  const inside = text.slice(open, close);
  const at = open + inside.trimEnd().length;
  if (!inside.includes('\n')) return { start: at, end: at, newText: ` ${statement}${text[at] === '}' ? ' ' : ''}` };
  return { start: at, end: at, newText: `\n${statementIndent(block, tree)}${statement}` };
}

function statementIndent(block: ts.Block, tree: ts.SourceFile): string {
  const first = block.statements[0];
  if (first) return indentOf(tree.text, first.getStart(tree));
  return indentOf(tree.text, block.getStart(tree)) + '  ';
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Rethrow-with-cause and (opt-in) TODO fixes for a catch clause. Undefined binding patterns get no rethrow. */
export function catchClauseFixes(clause: ts.CatchClause, tree: ts.SourceFile, todoFix: boolean): RawFix[] {
  const fixes: RawFix[] = [];
  const declaration = clause.variableDeclaration;
  const existing = bindingName(declaration?.name);
  if (!declaration || existing) {
    const name = existing ?? freshName(clause.block);
    const changes: RawTextChange[] = [];
    if (!declaration) {
      const at = clause.getStart(tree) + 'catch'.length;
      changes.push({ start: at, end: at, newText: ` (${name})` });
    }
    changes.push(insertIntoBlock(clause.block, tree, throwText(contextFor(clause.parent.tryBlock, clause), name)));
    fixes.push({ title: 'Rethrow the error with its cause', preferred: true, changes });
  }
  if (todoFix) {
    const open = clause.block.getStart(tree) + 1;
    fixes.push({ title: 'Mark with a TODO(shipshape) comment', changes: [{ start: open, end: open, newText: ` /* ${TODO_TEXT} */` }] });
  }
  return fixes;
}

/** Fixes for a rejection handler passed to `.catch(fn)` or `.then(ok, fn)`. */
export function callbackFixes(handler: ts.Expression, call: ts.CallExpression, tree: ts.SourceFile, todoFix: boolean): RawFix[] {
  const fixes: RawFix[] = [];
  const receiver = ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : undefined;
  const context = contextFor(receiver, call);
  const rethrow = rethrowCallback(handler, tree, context);
  if (rethrow) fixes.push({ title: 'Rethrow the error with its cause', preferred: true, changes: rethrow });
  if (todoFix) {
    const start = handler.getStart(tree);
    fixes.push({ title: 'Mark with a TODO(shipshape) comment', changes: [{ start, end: start, newText: `/* ${TODO_TEXT} */ ` }] });
  }
  return fixes;
}

function rethrowCallback(handler: ts.Expression, tree: ts.SourceFile, context: string): RawTextChange[] | undefined {
  const text = tree.text;
  if (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) {
    const parameter = handler.parameters[0];
    if (parameter && !ts.isIdentifier(parameter.name)) return undefined;
    const name = parameter ? (parameter.name as ts.Identifier).text : freshName(handler.body);
    const changes: RawTextChange[] = [];
    if (!parameter) {
      const open = text.indexOf('(', handler.getStart(tree));
      if (open < 0 || open > handler.body.getStart(tree)) return undefined;
      changes.push({ start: open + 1, end: open + 1, newText: name });
    }
    const statement = throwText(context, name);
    if (ts.isBlock(handler.body)) {
      changes.push(insertIntoBlock(handler.body, tree, statement));
    } else {
      // An expression body becomes a block; the expression is kept (a log call runs first, a default
      // value stays as the return after the throw).
      const body = handler.body;
      const original = text.slice(body.getStart(tree), body.end);
      const keep = ts.isCallExpression(body) || ts.isAwaitExpression(body) ? `{ ${original}; ${statement} }` : `{ ${statement} return ${original}; }`;
      changes.push({ start: body.getStart(tree), end: body.end, newText: keep });
    }
    return changes;
  }
  const logger = calleeText(handler);
  if (logger && !/noop$/i.test(logger)) {
    return [{ start: handler.getStart(tree), end: handler.end, newText: `(error) => { ${logger}(error); ${throwText(context, 'error')} }` }];
  }
  return undefined;
}
