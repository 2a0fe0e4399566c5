// failure/async-callback for Python (tree-sitter): a coroutine function handed to a caller that calls it
// and drops what it returns — a thread's or process's `target`, a timer, the event loop's `call_soon`/
// `call_later`/`call_at`/`run_in_executor`/`add_signal_handler`, an executor's `submit`/`map`, a
// future's `add_done_callback`, `atexit.register`, `signal.signal`, `schedule.every(…).do(…)`. Calling a
// coroutine function only makes the coroutine: nobody awaits it, so its body never runs. Also a lambda
// that only calls one (`lambda: refresh()`). Which functions are coroutine functions: see floating-coroutines.ts.
import type { SyntaxNode } from '../../../engine/grammar/index';
import { nodesOfType, withSyntaxTree } from '../../../engine/grammar/index';
import { coroutineScope, isCoroutineFunction, type CoroutineScope, type ImportedCoroutine } from './floating-coroutines';

export interface CoroutineCallback {
  /** The argument, in UTF-16 offsets. */
  start: number;
  end: number;
  /** How the code names the coroutine function, and the caller (`threading.Thread(target=…)`). */
  callback: string;
  caller: string;
  /** The caller runs it on another thread (a thread, process, timer, executor), where no event loop runs. */
  otherThread: boolean;
}

interface Sink {
  /** The called function's name, or its last part after a dot (`*.call_soon`). */
  callee: RegExp;
  /** Where the callback goes: a positional index, a keyword, or both. */
  position?: number;
  keyword?: string;
  otherThread: boolean;
  /** How the message names the caller. */
  label: string;
}

const SINKS: Sink[] = [
  { callee: /^(?:threading\.|multiprocessing\.)?(?:Thread|Process)$/, keyword: 'target', otherThread: true, label: '(target=…)' },
  { callee: /^(?:threading\.)?Timer$/, position: 1, keyword: 'function', otherThread: true, label: '(…, callback)' },
  { callee: /\.(?:call_soon|call_soon_threadsafe)$/, position: 0, otherThread: false, label: '(callback)' },
  { callee: /\.(?:call_later|call_at|add_signal_handler)$/, position: 1, otherThread: false, label: '(…, callback)' },
  { callee: /\.run_in_executor$/, position: 1, otherThread: true, label: '(executor, callback)' },
  { callee: /\.(?:submit|map)$/, position: 0, keyword: 'fn', otherThread: true, label: '(callback)' },
  { callee: /\.add_done_callback$/, position: 0, otherThread: false, label: '(callback)' },
  { callee: /^atexit\.register$/, position: 0, otherThread: false, label: '(callback)' },
  { callee: /^signal\.signal$/, position: 1, otherThread: false, label: '(signal, handler)' },
  { callee: /^schedule\.every\([^)]*\)(?:\.\w+)*\.do$/, position: 0, otherThread: false, label: '(job)' },
];

export function coroutineCallbacks(text: string, imported?: ImportedCoroutine): CoroutineCallback[] {
  // As for floating coroutines, a file with no async code of its own is not parsed.
  if (!text.includes('async') && !text.includes('await')) return [];
  return (
    withSyntaxTree('python', text, (root) => {
      const scope = coroutineScope(root, imported);
      const found: CoroutineCallback[] = [];
      for (const call of nodesOfType(root, 'call')) {
        const callee = call?.childForFieldName('function')?.text;
        const args = call?.childForFieldName('arguments');
        if (!call || !callee || !args) continue;
        const sink = SINKS.find((candidate) => candidate.callee.test(callee));
        if (!sink) continue;
        const argument = argumentAt(args, sink);
        if (!argument || !callsCoroutine(argument, scope)) continue;
        found.push({ start: argument.startIndex, end: argument.endIndex, callback: argument.text, caller: `${callee}${sink.label}`, otherThread: sink.otherThread });
      }
      return found;
    }) ?? []
  );
}

function argumentAt(args: SyntaxNode, sink: Sink): SyntaxNode | undefined {
  const children = args.namedChildren.filter((child): child is SyntaxNode => !!child && child.type !== 'comment');
  if (sink.keyword) {
    const named = children.find((child) => child.type === 'keyword_argument' && child.childForFieldName('name')?.text === sink.keyword);
    if (named) return named.childForFieldName('value') ?? undefined;
  }
  if (sink.position === undefined) return undefined;
  return children.filter((child) => child.type !== 'keyword_argument' && child.type !== 'list_splat' && child.type !== 'dictionary_splat')[sink.position];
}

/** A coroutine function, or a lambda whose body only calls one (`lambda: refresh()`). */
function callsCoroutine(argument: SyntaxNode, scope: CoroutineScope): boolean {
  if (argument.type === 'lambda') {
    const body = argument.childForFieldName('body');
    const fn = body?.type === 'call' ? body.childForFieldName('function') : undefined;
    return !!fn && isCoroutineFunction(fn, scope);
  }
  return isCoroutineFunction(argument, scope);
}
