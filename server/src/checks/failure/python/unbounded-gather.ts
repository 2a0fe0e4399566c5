// failure/unbounded-concurrency for Python (tree-sitter): `asyncio.gather` (or `asyncio.wait`,
// `asyncio.as_completed`) over one coroutine or task per item of a collection the input sizes — a
// request's data, a query result, file contents, a directory listing, a parameter annotated as a list —
// with nothing limiting how many run at once. The coroutines are written in place
// (`*[fetch(u) for u in urls]`, `*(…)`, `*map(fetch, urls)`) or gathered in a list first
// (`tasks = [asyncio.create_task(fetch(u)) for u in urls]`). A coroutine that goes through a semaphore
// or limiter (in its own body, for a function of this file, or around the call) is limited.
import type { SyntaxNode } from '../../../engine/grammar/index';
import { nodesOfType, withSyntaxTree } from '../../../engine/grammar/index';
import { binding } from './bindings';

export interface UnboundedGather {
  /** The combinator called, in UTF-16 offsets. */
  start: number;
  end: number;
  combinator: string;
  collection: string;
  source: string;
  fingerprintText: string;
}

const COMBINATOR = /^(?:asyncio\.)?(?:gather|wait|as_completed)$/;
const LIMITED = /\bsemaphore\b|\bsem\b|\blimit\w*|\bthrottl\w*|\bbounded\w*|\.acquire\s*\(|\bqueue\b|\bpool\b/i;
const QUERY = /(?:^|\.)(?:fetch|fetchall|fetchmany|fetch_all|all|scalars|execute|find|find_all|query|select|list_\w+|scan)$/;

export function unboundedGathers(text: string): UnboundedGather[] {
  if (!/\b(?:gather|wait|as_completed)\b/.test(text)) return [];
  return (
    withSyntaxTree('python', text, (root) => {
      const found: UnboundedGather[] = [];
      const limitedFunctions = limitedCoroutines(root);
      for (const call of nodesOfType(root, 'call')) {
        const fn = call?.childForFieldName('function');
        if (!call || !fn || !COMBINATOR.test(fn.text)) continue;
        const args = call.childForFieldName('arguments')?.namedChildren.filter((child): child is SyntaxNode => !!child && child.type !== 'comment' && child.type !== 'keyword_argument') ?? [];
        // gather(*coros); wait(coros) and as_completed(coros) take the collection itself.
        const spread = args.length === 1 && args[0].type === 'list_splat' ? args[0].namedChildren[0] : fn.text.endsWith('gather') ? undefined : args[0];
        if (!spread) continue;
        const made = oneCoroutinePerItem(spread, call);
        if (!made || isLimited(made.element, limitedFunctions)) continue;
        const source = unboundedSource(made.collection, call);
        if (!source) continue;
        found.push({ start: fn.startIndex, end: fn.endIndex, combinator: fn.text, collection: made.collection.text, source, fingerprintText: text.slice(call.startIndex, Math.min(call.endIndex, call.startIndex + 160)) });
      }
      return found;
    }) ?? []
  );
}

/** `[f(x) for x in xs]`, `(f(x) for x in xs)`, `map(f, xs)`, or a name bound to one of these: the element made and the collection. */
function oneCoroutinePerItem(node: SyntaxNode, at: SyntaxNode): { element: SyntaxNode; collection: SyntaxNode } | undefined {
  if (node.type === 'identifier') {
    const bound = binding(node.text, at);
    return bound && bound.type !== 'identifier' ? oneCoroutinePerItem(bound, at) : undefined;
  }
  if (node.type === 'list_comprehension' || node.type === 'generator_expression') {
    const element = node.childForFieldName('body');
    const clause = node.namedChildren.find((child) => child?.type === 'for_in_clause');
    const collection = clause?.childForFieldName('right');
    // More than one `for` multiplies the items; an `if` filters them: either way the input sizes it.
    return element && collection && element.type === 'call' ? { element, collection } : undefined;
  }
  if (node.type === 'call' && node.childForFieldName('function')?.text === 'map') {
    const [fn, collection] = node.childForFieldName('arguments')?.namedChildren.filter((child): child is SyntaxNode => !!child && child.type !== 'comment') ?? [];
    return fn && collection ? { element: fn, collection } : undefined;
  }
  return undefined;
}

/** The element goes through a limiter: a wrapper around the call (`bounded(fetch(u))`), or a coroutine function of this file that uses one. */
function isLimited(element: SyntaxNode, limitedFunctions: Set<string>): boolean {
  if (LIMITED.test(element.text.replace(/\(.*$/s, ''))) return true;
  const calls = element.type === 'call' ? [element, ...element.descendantsOfType('call').filter((c): c is SyntaxNode => !!c)] : [];
  const names = calls.map((call) => call.childForFieldName('function')?.text ?? '').concat(element.type === 'call' ? [] : [element.text]);
  return names.some((name) => LIMITED.test(name) || limitedFunctions.has(name.replace(/^self\./, '')));
}

/** Functions of this file whose body goes through a semaphore or limiter. */
function limitedCoroutines(root: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const definition of nodesOfType(root, 'function_definition')) {
    const name = definition?.childForFieldName('name')?.text;
    const body = definition?.childForFieldName('body');
    if (name && body && LIMITED.test(body.text)) names.add(name);
  }
  return names;
}

/** Where the collection comes from, when the input sizes it. */
function unboundedSource(collection: SyntaxNode, at: SyntaxNode, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  const value = collection.type === 'await' && collection.namedChildren[0] ? collection.namedChildren[0] : collection;
  if (value.type === 'identifier') {
    const parameter = annotatedListParameter(value.text, at);
    if (parameter) return 'a list parameter';
    const bound = binding(value.text, at);
    return bound ? unboundedSource(bound, bound, depth + 1) : undefined;
  }
  const code = value.text;
  if (/^(?:self\.)?(?:request|req)\b/.test(code) || /^(?:body|payload|data)\[/.test(code)) return 'request input';
  if (value.type === 'call') {
    const fn = value.childForFieldName('function')?.text ?? '';
    if (/^(?:os\.listdir|os\.scandir|glob\.glob|glob\.iglob)$/.test(fn) || /\.(?:iterdir|glob|rglob)$/.test(fn)) return 'a directory listing';
    if (/\.(?:readlines|splitlines)$/.test(fn)) return 'file contents';
    if (/^(?:json\.load|json\.loads)$/.test(fn)) return 'parsed input';
    if (QUERY.test(fn) && /\b(?:db|conn|connection|cursor|cur|session|pool|client|repo|repository|collection|table|objects)\b/.test(fn)) return 'a query result';
    if (/\.(?:json)$/.test(fn) && /^(?:self\.)?(?:request|req)\b/.test(fn)) return 'request input';
  }
  // `urls[:20]`: a slice bounds it.
  if (value.type === 'subscript' && value.childForFieldName('subscript')?.type === 'slice') return undefined;
  if (value.type === 'subscript' || value.type === 'attribute') {
    const object = value.type === 'subscript' ? value.childForFieldName('value') : value.childForFieldName('object');
    return object ? unboundedSource(object, at, depth + 1) : undefined;
  }
  return undefined;
}

/** `urls: list[str]`, `ids: List[int]`, `items: Sequence[Item]`, `rows: Iterable[Row]` among the enclosing function's parameters. */
function annotatedListParameter(name: string, at: SyntaxNode): boolean {
  for (let node = at.parent; node; node = node.parent) {
    if (node.type !== 'function_definition') continue;
    const parameters = node.childForFieldName('parameters')?.namedChildren ?? [];
    return parameters.some((parameter) => parameter?.type === 'typed_parameter' && parameter.namedChildren[0]?.text === name && /^(?:list|List|Sequence|Iterable|Collection|set|Set|tuple\[.*\.\.\.\])\b/.test(parameter.childForFieldName('type')?.text ?? ''));
  }
  return false;
}
