// failure/network-timeout for Python's redis client (redis-py, tree-sitter): a client or connection pool
// made without `socket_timeout`. redis-py's default is no timeout at all, so when the server stalls (a
// failover, a full network buffer, a paused VM) every command blocks its worker forever. Covered:
// `redis.Redis(…)`, `StrictRedis`, `from_url(…)` (unless the URL literal carries `socket_timeout=`),
// `ConnectionPool`/`BlockingConnectionPool`, the same under `redis.asyncio`, and `socket_timeout=None`.
// A client given a `connection_pool=` takes its settings from the pool; `**kwargs` may carry a timeout.
import type { SyntaxNode } from '../../../engine/grammar/index';
import { nodesOfType, withSyntaxTree } from '../../../engine/grammar/index';
import { pythonImports } from './imports';

export interface RedisWithoutTimeout {
  /** The constructor or factory called, in UTF-16 offsets. */
  start: number;
  end: number;
  api: string;
  disabled: boolean;
  /** Where `socket_timeout=…` goes: after the last argument, or inside empty parentheses. */
  insertAt: number;
  afterArgument: boolean;
  fingerprintText: string;
}

const FACTORIES = /^redis(?:\.asyncio)?\.(?:(?:Strict)?Redis|(?:Blocking)?ConnectionPool)(?:\.from_url)?$|^redis(?:\.asyncio)?\.from_url$/;

export function redisWithoutTimeouts(text: string): RedisWithoutTimeout[] {
  if (!text.includes('redis')) return [];
  return (
    withSyntaxTree('python', text, (root) => {
      const names = redisNames(root);
      if (names.size === 0) return [];
      const found: RedisWithoutTimeout[] = [];
      for (const call of nodesOfType(root, 'call')) {
        const fn = call?.childForFieldName('function');
        const args = call?.childForFieldName('arguments');
        if (!call || !fn || args?.type !== 'argument_list') continue;
        const api = canonical(fn.text, names);
        if (!api || !FACTORIES.test(api)) continue;
        const verdict = judge(api, args);
        if (!verdict) continue;
        const children = args.namedChildren.filter((child): child is SyntaxNode => !!child && child.type !== 'comment');
        const last = children[children.length - 1];
        found.push({
          start: fn.startIndex,
          end: fn.endIndex,
          api,
          disabled: verdict === 'disabled',
          insertAt: last ? last.endIndex : args.startIndex + 1,
          afterArgument: !!last,
          fingerprintText: text.slice(call.startIndex, Math.min(call.endIndex, call.startIndex + 160)),
        });
      }
      return found;
    }) ?? []
  );
}

function judge(api: string, args: SyntaxNode): 'missing' | 'disabled' | undefined {
  let url: SyntaxNode | undefined;
  for (const argument of args.namedChildren) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'dictionary_splat' || argument.type === 'list_splat') return undefined;
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value');
      if (name === 'socket_timeout') return value?.type === 'none' ? 'disabled' : undefined;
      if (name === 'connection_pool') return undefined;
      if (name === 'url') url = value ?? undefined;
    } else {
      url ??= argument;
    }
  }
  // `redis://host:6379/0?socket_timeout=5`: the URL sets it.
  if (api.endsWith('from_url') && url && /socket_timeout=/.test(url.text)) return undefined;
  return 'missing';
}

/** Local name → canonical module path: `import redis`, `import redis.asyncio as aioredis`, `from redis import Redis`, `from redis.asyncio import from_url`. */
function redisNames(root: SyntaxNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const imported of pythonImports(root)) {
    if (!imported.name && /^redis(?:\.asyncio)?$/.test(imported.module)) names.set(imported.local, imported.module);
    if (imported.name && /^redis(?:\.asyncio|\.client)?$/.test(imported.module)) names.set(imported.local, `${imported.module.replace(/\.client$/, '')}.${imported.name}`);
  }
  return names;
}

/** `aioredis.Redis` → `redis.asyncio.Redis`; `Redis.from_url` → `redis.Redis.from_url`. */
function canonical(callee: string, names: Map<string, string>): string | undefined {
  const dot = callee.indexOf('.');
  const head = dot < 0 ? callee : callee.slice(0, dot);
  const base = names.get(head);
  if (!base) {
    // `import redis.asyncio` binds `redis`; the code names `redis.asyncio.Redis` in full.
    const full = [...names.values()].find((value) => callee.startsWith(`${value}.`));
    return full ? callee : undefined;
  }
  return dot < 0 ? base : `${base}${callee.slice(dot)}`;
}
