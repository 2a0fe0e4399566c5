// Broad Python `except` clauses (`except:`, `except Exception:`, `except BaseException:`, or a tuple
// holding one of them) and what their body does with the error: nothing (`pass`/`...`: empty-catch),
// only log, return a default or `continue` (swallowed-error), or handle it. Narrow excepts
// (`except KeyError: pass`) name the failure they expect and are left alone.
import type { Node } from '@vscode/tree-sitter-wasm';
import type { RawFix, RawTextChange } from '../../../engine/types';
import { TODO_TEXT } from '../catch-fixes';
import { nodesOfType, withSyntaxTree } from '../../../engine/grammar/index';

export interface PythonHandler {
  verdict: 'empty' | 'swallowed' | 'handled';
  how: 'log-only' | 'default' | 'skip' | 'empty';
  /** The clause head, `except Exception as err`, in UTF-16 offsets. */
  start: number;
  end: number;
  fingerprintText: string;
  fixes(todoFix: boolean): RawFix[];
}

const BROAD = new Set(['Exception', 'BaseException', 'builtins.Exception', 'builtins.BaseException']);
const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log']);
const LOGGER = /^(logging|log|logger|_?log|_?logger|LOG|LOGGER|.*_logger|.*_log)$/;
const STRINGIFY = new Set(['str', 'repr', 'format', 'type']);
const FAILURE_WORDS = new Set(['error', 'err', 'fail', 'failure', 'failed', 'fatal', 'abort', 'aborted']);

// Both rules read the same clauses: the last text's result is kept so the file is parsed once.
let cached: { text: string; handlers: PythonHandler[] } | undefined;

export function pythonHandlers(text: string): PythonHandler[] {
  if (!text.includes('except')) return [];
  if (cached?.text === text) return cached.handlers;
  const handlers = withSyntaxTree('python', text, (root) => {
    const found: PythonHandler[] = [];
    for (const clause of nodesOfType(root, 'except_clause')) {
      const handler = clause && judge(clause, text);
      if (handler) found.push(handler);
    }
    return found;
  });
  if (!handlers) return [];
  cached = { text, handlers };
  return handlers;
}

function judge(clause: Node, text: string): PythonHandler | undefined {
  const value = clause.childForFieldName('value');
  let type: Node | null = value;
  let alias: string | undefined;
  if (value?.type === 'as_pattern') {
    type = value.namedChildren[0];
    alias = value.childForFieldName('alias')?.namedChildren[0]?.text ?? undefined;
  }
  if (type && !isBroad(type)) return undefined;
  const block = clause.namedChildren.find((c) => c?.type === 'block');
  if (!block) return undefined;
  const statements = block.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  let sawLog = false;
  let sawReturn = false;
  let sawSkip = false;
  let handled = false;
  for (const statement of statements) {
    if (statement.type === 'pass_statement' || (statement.type === 'expression_statement' && statement.namedChildren[0]?.type === 'ellipsis')) continue;
    if (statement.type === 'continue_statement' || statement.type === 'break_statement') sawSkip = true;
    else if (statement.type === 'return_statement' && isDefault(statement.namedChildren[0] ?? undefined, alias)) sawReturn = true;
    else if (statement.type === 'expression_statement' && isLogCall(statement.namedChildren[0] ?? undefined, alias)) sawLog = true;
    else handled = true;
  }
  const headStart = clause.startIndex;
  const headEnd = value ? value.endIndex : headStart + 'except'.length;
  const blockEnd = block.endIndex;
  const lineEnd = text.indexOf('\n', blockEnd);
  if (text.slice(headStart, lineEnd < 0 ? text.length : lineEnd).includes('TODO(shipshape)')) return undefined;
  const verdict = handled ? 'handled' : sawLog || sawReturn || sawSkip ? 'swallowed' : 'empty';
  const how = sawLog ? 'log-only' : sawReturn ? 'default' : sawSkip ? 'skip' : 'empty';
  const context = contextFor(clause.parent);
  const insertion = insertionFor(statements, block, clause, text);
  const hasAs = value?.type === 'as_pattern';
  // Offsets are read now: the tree is deleted before the fixes are built.
  const valueEnd = value?.endIndex;
  return {
    verdict,
    how,
    start: headStart,
    end: headEnd,
    fingerprintText: text.slice(headStart, Math.min(blockEnd, headStart + 200)),
    fixes(todoFix) {
      const fixes: RawFix[] = [];
      if (!hasAs || alias) {
        const name = alias ?? (/(?<![.\w])error\b/.test(text.slice(headStart, blockEnd)) ? 'cause' : 'error');
        const changes: RawTextChange[] = [];
        if (!hasAs) changes.push(valueEnd !== undefined ? { start: valueEnd, end: valueEnd, newText: ` as ${name}` } : { start: headEnd, end: headEnd, newText: ` BaseException as ${name}` });
        changes.push(insertion(`raise RuntimeError(${JSON.stringify(context)}) from ${name}`));
        fixes.push({ title: 'Re-raise the error with its cause', preferred: true, changes });
      }
      if (todoFix) {
        const end = text.indexOf('\n', headStart);
        const at = end < 0 ? text.length : end;
        fixes.push({ title: 'Mark with a TODO(shipshape) comment', changes: [{ start: at, end: at, newText: `  # ${TODO_TEXT}` }] });
      }
      return fixes;
    },
  };
}

function isBroad(type: Node): boolean {
  if (type.type === 'tuple' || type.type === 'parenthesized_expression') return type.namedChildren.some((c) => !!c && isBroad(c));
  return BROAD.has(type.text);
}

function isLogCall(node: Node | undefined, alias: string | undefined): boolean {
  if (node?.type !== 'call') return false;
  const fn = node.childForFieldName('function');
  let logs = false;
  if (fn?.type === 'identifier') logs = fn.text === 'print';
  else if (fn?.type === 'attribute') {
    const object = fn.childForFieldName('object');
    const receiver = object?.type === 'attribute' ? object.childForFieldName('attribute')?.text : object?.text;
    logs = LOG_METHODS.has(fn.childForFieldName('attribute')?.text ?? '') && !!receiver && LOGGER.test(receiver);
  }
  if (!logs || alias === undefined) return logs;
  // The error may be printed (`err`, `str(err)`, an f-string), not passed on to another call.
  let passedOn = false;
  const visit = (child: Node): void => {
    if (passedOn) return;
    if (child.type === 'call') {
      const name = child.childForFieldName('function')?.text ?? '';
      if (!STRINGIFY.has(name) && child.childForFieldName('arguments')?.namedChildren.some((a) => !!a && mentions(a, alias))) passedOn = true;
    }
    for (const c of child.namedChildren) if (c) visit(c);
  };
  for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) if (argument) visit(argument);
  return !passedOn;
}

function mentions(node: Node, name: string): boolean {
  if (node.type === 'identifier') return node.text === name;
  return node.namedChildren.some((c) => !!c && mentions(c, name));
}

/**
 * Nothing, None, a literal, an empty collection, a dict of constants standing in for the result
 * (`{"balance": 0}`, `{"ok": True}`), or a name other than the error or a failure status. True/False are
 * answers, not defaults.
 */
function isDefault(node: Node | undefined, alias: string | undefined): boolean {
  if (!node) return true;
  switch (node.type) {
    case 'none':
    case 'integer':
    case 'float':
    case 'string':
      return true;
    case 'dictionary':
      return isConstantRecord(node);
    case 'list':
    case 'tuple':
    case 'set':
      return node.namedChildren.length === 0;
    case 'identifier':
      // `return UNKNOWN_ERROR`, `return EXIT_FAILURE`: a status that tells the caller it failed.
      return node.text !== alias && !namesAFailure(node.text);
    default:
      return false;
  }
}

// Words that make a dict say that something failed; keys under which True claims success.
const FAILURE_WORD = /err|fail|invalid|unavailable|denied|refused|time[ds]?.?out|unknown|wrong|problem|unable|cannot|could.?not|degraded/i;
const SUCCESS_KEY = /^(?:ok|success|succeeded|done|saved|sent|healthy)$/i;

/**
 * `{}`, or a dict of constants (`{"balance": 0, "items": []}`, `{"ok": True}`): string keys and constant
 * values; no word of failure in a key or a value, no status of 400 or more, no sentence, True only under
 * a word of success, no False. The same test as the TypeScript side's (handler-body.ts).
 */
function isConstantRecord(dictionary: Node): boolean {
  return dictionary.namedChildren.every((pair) => {
    if (!pair || pair.type === 'comment') return true;
    if (pair.type !== 'pair') return false;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (key?.type !== 'string' || !value) return false;
    const name = stringText(key);
    if (name === undefined || FAILURE_WORD.test(name)) return false;
    switch (value.type) {
      case 'true':
        return SUCCESS_KEY.test(name);
      case 'string': {
        const text = stringText(value);
        return text !== undefined && !FAILURE_WORD.test(text) && !/\s/.test(text);
      }
      case 'integer':
      case 'float':
        return !(/status|code/i.test(name) && Number(value.text) >= 400);
      case 'none':
        return true;
      case 'list':
      case 'tuple':
        return value.namedChildren.length === 0;
      case 'dictionary':
        return isConstantRecord(value);
      default:
        return false;
    }
  });
}

/** A plain string literal's text (no interpolation), or undefined. */
function stringText(node: Node): string | undefined {
  if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
  return node.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
}

/** `UNKNOWN_ERROR`, `EXIT_FAILURE`, `exitFailure`: a name whose words say it stands for a failure. */
function namesAFailure(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split('_');
  return words.some((word) => FAILURE_WORDS.has(word));
}

function contextFor(tryStatement: Node | null): string {
  const body = tryStatement?.childForFieldName('body');
  const call = body && firstCall(body);
  const name = call?.childForFieldName('function')?.text;
  return name && /^[\w.]+$/.test(name) ? `${name.split('.').slice(-2).join('.')} failed` : 'operation failed';
}

function firstCall(node: Node): Node | undefined {
  if (node.type === 'call') return node;
  for (const child of node.namedChildren) {
    const found = child && firstCall(child);
    if (found) return found;
  }
  return undefined;
}

/** Where a new statement goes: before the first return/continue/break, else after the last statement; on the clause's line when the body is. */
function insertionFor(statements: Node[], block: Node, clause: Node, text: string): (statement: string) => RawTextChange {
  const inline = block.startPosition.row === clause.startPosition.row;
  const exit = statements.find((s) => s.type === 'return_statement' || s.type === 'continue_statement' || s.type === 'break_statement');
  const first = statements[0] ?? block;
  const lineStart = text.lastIndexOf('\n', first.startIndex - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const exitStart = exit?.startIndex;
  const lastEnd = (statements[statements.length - 1] ?? block).endIndex;
  return (statement) => {
    if (exitStart !== undefined) return { start: exitStart, end: exitStart, newText: inline ? `${statement}; ` : `${statement}\n${indent}` };
    return { start: lastEnd, end: lastEnd, newText: inline ? `; ${statement}` : `\n${indent}${statement}` };
  };
}
