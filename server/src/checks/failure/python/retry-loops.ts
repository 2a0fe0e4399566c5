// failure/retry-without-backoff for Python (tree-sitter): a `while` loop, or a `for` over `range(…)`
// (a count of attempts, not a collection), whose body tries a remote call (an awaited call, or a call of
// requests, httpx, urllib, aiohttp, smtplib or socket), leaves the loop on success (`return`/`break` in
// the `try` or its `else`) and goes round again from an `except` that does not raise, return or break.
// Reported: no wait between attempts; or a constant wait (`time.sleep(2)`) when nothing caps the attempts.
// A wait whose delay grows (`2 ** attempt`, `delay *= 2`, `min(…, attempt * …)`) with capped attempts is fine.
import type { SyntaxNode } from '../../../engine/grammar/index';
import { nodesOfType, withSyntaxTree } from '../../../engine/grammar/index';
import { pythonImports } from './imports';

export interface PythonRetryLoop {
  verdict: 'no-delay' | 'uncapped';
  /** The `while`/`for` keyword, in UTF-16 offsets. */
  start: number;
  end: number;
  fingerprintText: string;
}

/** Modules whose calls go over the network. */
const NETWORK_MODULES = /^(?:requests|httpx|urllib\.request|urllib3|aiohttp|smtplib|socket|http\.client|ftplib|grpc|boto3|botocore)$/;
/** Names that conventionally hold a client or session: `session.get(…)`, `self.client.post(…)`. */
const CLIENT_NAMES = /(?:^|\.)(?:_?session|_?client|_?http|_?conn|_?connection|requests|httpx)$/i;
const WAIT_CALLS = /^(?:time\.sleep|sleep|asyncio\.sleep|gevent\.sleep|eventlet\.sleep|trio\.sleep|anyio\.sleep)$/;
/** Other calls that wait for something before the next attempt (`wait_for_write(sock, timeout)`, `select.select(…)`, `backoff()`): their delay is not read from here. */
const OTHER_WAITS = /(?:^|\.)(?:wait\w*|select|poll|backoff\w*|delay)$/i;

export function pythonRetryLoops(text: string): PythonRetryLoop[] {
  if (!/\b(?:while|for)\b/.test(text) || !text.includes('except')) return [];
  return (
    withSyntaxTree('python', text, (root) => {
      const modules = importedModules(root);
      const found: PythonRetryLoop[] = [];
      for (const loop of nodesOfType(root, ['while_statement', 'for_statement'])) {
        if (!loop || (loop.type === 'for_statement' && !overRange(loop))) continue;
        const verdict = judge(loop, modules);
        if (verdict) found.push({ verdict, start: loop.startIndex, end: loop.startIndex + (loop.type === 'for_statement' ? 3 : 5), fingerprintText: text.slice(loop.startIndex, Math.min(loop.endIndex, loop.startIndex + 200)) });
      }
      return found;
    }) ?? []
  );
}

function judge(loop: SyntaxNode, modules: Map<string, string>): PythonRetryLoop['verdict'] | undefined {
  const body = loop.childForFieldName('body');
  if (!body || !body.namedChildren.some((statement) => !!statement && statement.type === 'try_statement' && isRetryTry(statement, modules))) return undefined;
  const waits = waitsIn(body);
  if (waits.length === 0) return 'no-delay';
  if (isCapped(loop)) return undefined;
  const changing = namesAssignedIn(body, loop);
  return waits.some((delay) => !delay || grows(delay, changing)) ? undefined : 'uncapped';
}

/** A `try` that makes a remote call, leaves the loop when it succeeds, and lets some failure go round again. */
function isRetryTry(statement: SyntaxNode, modules: Map<string, string>): boolean {
  const tryBody = statement.childForFieldName('body');
  if (!tryBody || !makesRemoteCall(tryBody, modules)) return false;
  const elseClause = statement.namedChildren.find((child) => child?.type === 'else_clause');
  if (!exitsLoop(tryBody) && !(elseClause && exitsLoop(elseClause))) return false;
  const handlers = statement.namedChildren.filter((child): child is SyntaxNode => !!child && child.type === 'except_clause');
  return handlers.some((handler) => !alwaysLeaves(handler));
}

function makesRemoteCall(block: SyntaxNode, modules: Map<string, string>): boolean {
  return descendants(block, ['await', 'call']).some((node) => {
    if (node.type === 'await') return node.namedChildren[0]?.type === 'call';
    const fn = node.childForFieldName('function');
    if (!fn) return false;
    if (fn.type === 'identifier') return NETWORK_MODULES.test(modules.get(fn.text)?.replace(/\.[^.]+$/, '') ?? '') || /^urlopen$/.test(modules.get(fn.text)?.split('.').pop() ?? '');
    if (fn.type !== 'attribute') return false;
    const object = fn.childForFieldName('object')?.text ?? '';
    const root = object.split('.')[0];
    return NETWORK_MODULES.test(modules.get(object) ?? modules.get(root) ?? '') || CLIENT_NAMES.test(object);
  });
}

/** `return` or `break` in the block, outside nested loops and functions. */
function exitsLoop(block: SyntaxNode): boolean {
  return descendants(block, ['return_statement', 'break_statement'], isLoopOrFunction).length > 0;
}

/** An except clause whose last statement raises, returns or breaks: the loop does not go round from it. */
function alwaysLeaves(handler: SyntaxNode): boolean {
  const block = handler.namedChildren.find((child) => child?.type === 'block');
  const last = block?.namedChildren.filter((child) => !!child && child.type !== 'comment').pop();
  return !!last && (last.type === 'raise_statement' || last.type === 'return_statement' || last.type === 'break_statement');
}

/** The delay of each wait in the loop body (outside nested functions): a sleep's argument, or null when it cannot be read. */
function waitsIn(body: SyntaxNode): (SyntaxNode | null)[] {
  const waits: (SyntaxNode | null)[] = [];
  for (const node of descendants(body, ['call'], (node) => node.type === 'function_definition' || node.type === 'lambda')) {
    const fn = node.childForFieldName('function')?.text ?? '';
    if (WAIT_CALLS.test(fn)) waits.push(node.childForFieldName('arguments')?.namedChildren.find((child) => !!child && child.type !== 'comment') ?? null);
    else if (OTHER_WAITS.test(fn)) waits.push(null);
  }
  return waits;
}

/** `for attempt in range(5)`, `while attempt < 5`, or a check in the body that raises, returns or breaks on a counter. */
function isCapped(loop: SyntaxNode): boolean {
  if (loop.type === 'for_statement' && loop.childForFieldName('right')?.childForFieldName('function')?.text === 'range') return true;
  const condition = loop.childForFieldName('condition');
  if (condition && condition.type === 'comparison_operator') return true;
  const body = loop.childForFieldName('body');
  return !!body && descendants(body, ['if_statement'], (node) => node.type === 'function_definition' || node.type === 'lambda').some((node) => {
    const test = node.childForFieldName('condition');
    const consequence = node.childForFieldName('consequence');
    if (!test || test.type !== 'comparison_operator' || !consequence) return false;
    const last = consequence.namedChildren.filter((child) => !!child && child.type !== 'comment').pop();
    return !!last && (last.type === 'raise_statement' || last.type === 'return_statement' || last.type === 'break_statement');
  });
}

/** Names the loop changes on each round: assigned or augmented in its body, and a `for` loop's target. */
function namesAssignedIn(body: SyntaxNode, loop: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const target = loop.type === 'for_statement' ? loop.childForFieldName('left')?.text : undefined;
  if (target) names.add(target);
  for (const node of descendants(body, ['assignment', 'augmented_assignment'])) {
    const left = node.childForFieldName('left');
    if (left) names.add(left.text);
  }
  return names;
}

/** A delay that uses a name the loop changes (`2 ** attempt`, `delay` after `delay *= 2`), or a random jitter. */
function grows(delay: SyntaxNode, changing: Set<string>): boolean {
  return changing.has(delay.text) || descendants(delay, ['identifier', 'attribute']).some((node) => changing.has(node.text)) || /\brandom\b/.test(delay.text);
}

function overRange(loop: SyntaxNode): boolean {
  const right = loop.childForFieldName('right');
  return right?.type === 'call' && /^(?:range|itertools\.count|count)$/.test(right.childForFieldName('function')?.text ?? '');
}

/** Local name → module: `import requests`, `import urllib.request as ur`, `from requests import get` (get → requests.get). */
function importedModules(root: SyntaxNode): Map<string, string> {
  const modules = new Map<string, string>();
  for (const imported of pythonImports(root)) modules.set(imported.local, imported.name ? `${imported.module}.${imported.name}` : imported.module);
  return modules;
}

function isLoopOrFunction(node: SyntaxNode): boolean {
  return node.type === 'while_statement' || node.type === 'for_statement' || node.type === 'function_definition' || node.type === 'lambda' || node.type === 'class_definition';
}

/** The nodes of these types under `node`, except those inside a node `stop` accepts (a nested loop or function). */
function descendants(node: SyntaxNode, types: string[], stop?: (node: SyntaxNode) => boolean): SyntaxNode[] {
  return node.descendantsOfType(types).filter((found): found is SyntaxNode => {
    if (!found) return false;
    if (!stop) return true;
    for (let current = found.parent; current && current.id !== node.id; current = current.parent) if (stop(current)) return false;
    return true;
  });
}
