// failure/network-timeout for Python (tree-sitter): `requests` calls and `requests.Session` calls without
// `timeout=`, `urllib.request.urlopen` and the standard library's socket clients (smtplib, http.client,
// ftplib, socket.create_connection) without a timeout, and `httpx` calls or clients with `timeout=None`
// (httpx times out after 5 s by default).
import { nodesOfType, withSyntaxTree, type SyntaxNode } from '../../../engine/grammar/index';
import type { CheckContext } from '../../../engine/types';
import { pythonImports } from '../python/imports';

const RULE_ID = 'failure/network-timeout';
const METHODS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'request']);
const HTTPX_METHODS = new Set([...METHODS, 'stream']);
const URLOPEN = 'urllib.request.urlopen';
/**
 * Standard-library clients that connect with the socket default timeout when given none (forever,
 * unless `socket.setdefaulttimeout` is called), and the position of their timeout argument (-1: keyword
 * only). Their timeout is set where they are made: later calls on them take none.
 */
const SOCKET_DEFAULT_APIS: ReadonlyMap<string, number> = new Map([
  [URLOPEN, 2],
  ['smtplib.SMTP', 3],
  ['smtplib.SMTP_SSL', -1],
  ['http.client.HTTPConnection', 2],
  ['http.client.HTTPSConnection', -1],
  ['ftplib.FTP', 4],
  ['ftplib.FTP_TLS', -1],
  ['socket.create_connection', 1],
]);
const SOCKET_DEFAULT_MODULES = new Set(['urllib.request', 'smtplib', 'http.client', 'ftplib', 'socket']);
/**
 * aiohttp's session and one-off request: without `timeout=` they give up only after 5 minutes in total
 * (as Node's fetch does). A file that sets timeouts per request (`session.get(url, timeout=…)`) is left
 * alone: the session's own default then rarely applies.
 */
const AIOHTTP_APIS = new Set(['aiohttp.ClientSession', 'aiohttp.request']);

/** Local name or attribute path (`s`, `self.session`) → canonical (`requests`, `requests.get`, `requests.Session()`). */
type Aliases = Map<string, string>;

// A file that drives HTTP through a mock (responses, requests-mock, respx, pytest-httpx, httpretty) or
// replays recordings (vcrpy, betamax) sends nothing to a server, so its calls cannot hang on one.
const MOCKED_TRANSPORT = /^[ \t]*(?:import|from)[ \t]+(?:responses|requests_mock|respx|pytest_httpx|httpretty|vcr|betamax)\b|\brequests_mock\b|@responses\.activate\b|\bhttpx_mock\b/m;

export function pythonNetworkTimeouts(context: CheckContext, timeoutMs: number): void {
  const text = context.document.text;
  if (!/requests|httpx|urlopen|smtplib|ftplib|http\.client|from\s+http\s+import|create_connection|aiohttp/.test(text) || MOCKED_TRANSPORT.test(text)) return;
  // `socket.setdefaulttimeout(…)` bounds every urlopen (and SMTP, HTTPConnection…) that passes no timeout of its own.
  const socketDefault = /\bsetdefaulttimeout\s*\(/.test(text);
  const findings = withSyntaxTree('python', text, (root) => {
    const aliases = importAliases(root);
    if (aliases.size === 0) return [];
    const reports: { node: SyntaxNode; args: SyntaxNode; api: string; disabled: boolean }[] = [];
    // Sessions with a mounted adapter may set a timeout there (a TimeoutHTTPAdapter): leave their calls alone.
    const mountsAdapter = /\.mount\s*\(/.test(text);
    // In document order (pre-order, as the tree holds them): an instance is recorded before the calls after it.
    for (const node of nodesOfType(root, ['assignment', 'as_pattern', 'call'])) {
      if (!node) continue;
      if (node.type === 'assignment') recordInstance(node.childForFieldName('left'), node.childForFieldName('right'), aliases);
      if (node.type === 'as_pattern') recordInstance(node.childForFieldName('alias')?.namedChildren[0] ?? null, node.namedChildren[0], aliases);
      if (node.type === 'call') {
        const api = canonical(node.childForFieldName('function'), aliases);
        const args = node.childForFieldName('arguments');
        if (api && args?.type === 'argument_list') {
          const verdict = SOCKET_DEFAULT_APIS.has(api) && socketDefault ? undefined : judge(api, args, mountsAdapter, text);
          if (verdict) reports.push({ node, args, api, disabled: verdict === 'disabled' });
        }
      }
    }
    return reports.map(({ node, args, api, disabled }) => {
      const fn = node.childForFieldName('function')!;
      const last = args.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment').pop();
      const seconds = formatSeconds(timeoutMs);
      const at = last ? last.endIndex : args.startIndex + 1;
      return {
        start: fn.startIndex,
        end: fn.endIndex,
        api,
        disabled,
        fingerprint: `${api} ${text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 160))}`,
        fix: disabled ? undefined : fixFor(api, last ? ', ' : '', at, seconds, aliases),
      };
    });
  });
  for (const finding of findings ?? []) {
    context.report({
      ruleId: RULE_ID,
      start: finding.start,
      end: finding.end,
      message: SOCKET_DEFAULT_APIS.has(finding.api)
        ? socketDefaultMessage(finding.api, finding.disabled)
        : AIOHTTP_APIS.has(finding.api)
        ? finding.disabled
          ? `\`${finding.api}\` with its timeout switched off: a stalled server holds this request (and its task) forever. Pass \`timeout=aiohttp.ClientTimeout(total=…)\` with a bound (seconds).`
          : `\`${finding.api}\` without \`timeout=\`: aiohttp gives up only after 5 minutes in total by default, so a stalled server holds this request (and its task) that long. Pass \`timeout=aiohttp.ClientTimeout(total=…)\` (seconds) and handle \`asyncio.TimeoutError\`.`
        : finding.api.startsWith('httpx')
        ? `\`${finding.api}\` with \`timeout=None\`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite \`timeout=\` (seconds).`
        : finding.disabled
          ? `\`${finding.api}\` with \`timeout=None\`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass a finite \`timeout=\` (seconds).`
          : `\`${finding.api}\` without \`timeout=\`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass \`timeout=\` (seconds) and handle \`requests.Timeout\`.`,
      fingerprintText: finding.fingerprint,
      ...(finding.fix ? { fixes: [{ title: finding.fix.title, preferred: true, changes: [{ start: finding.fix.start, end: finding.fix.end, newText: finding.fix.newText }] }] } : {}),
    });
  }
}

/** The add-timeout edit: `timeout=10`, or for aiohttp `timeout=aiohttp.ClientTimeout(total=10)` when the module is imported by a name. */
function fixFor(api: string, separator: string, at: number, seconds: string, aliases: Aliases): { start: number; end: number; newText: string; title: string } | undefined {
  if (api.startsWith('requests') || SOCKET_DEFAULT_APIS.has(api)) return { start: at, end: at, newText: `${separator}timeout=${seconds}`, title: `Add timeout=${seconds}` };
  if (!AIOHTTP_APIS.has(api)) return undefined;
  const module = [...aliases].find(([, canonical]) => canonical === 'aiohttp')?.[0];
  return module ? { start: at, end: at, newText: `${separator}timeout=${module}.ClientTimeout(total=${seconds})`, title: `Add timeout=${module}.ClientTimeout(total=${seconds})` } : undefined;
}

/** The message for a standard-library client that takes the socket default timeout. */
function socketDefaultMessage(api: string, disabled: boolean): string {
  const name = api === URLOPEN ? 'urlopen' : api;
  const what = api === URLOPEN ? 'this request (and its worker)' : api === 'socket.create_connection' ? 'this connection (and its worker)' : 'every call on this client (and its worker)';
  if (disabled) return `\`${name}\` with \`timeout=None\`: a stalled server hangs ${what} forever. Pass a finite \`timeout=\` (seconds).`;
  const errors = api === URLOPEN ? '`TimeoutError`/`URLError`' : '`TimeoutError`';
  return `\`${name}\` without a timeout: it waits as long as the socket default, forever unless \`socket.setdefaulttimeout\` is set, so a stalled server hangs ${what}. Pass \`timeout=\` (seconds) and handle ${errors}.`;
}

/** `'missing'` / `'disabled'` when the call should be reported, undefined when it is bounded (or unknowable). */
function judge(api: string, args: SyntaxNode, mountsAdapter: boolean, text: string): 'missing' | 'disabled' | undefined {
  const httpx = api.startsWith('httpx');
  let timeout: SyntaxNode | undefined;
  for (const argument of args.namedChildren) {
    if (!argument) continue;
    // `**kwargs` may carry a timeout.
    if (argument.type === 'dictionary_splat') return undefined;
    if (argument.type === 'keyword_argument' && argument.childForFieldName('name')?.text === 'timeout') timeout = argument.childForFieldName('value') ?? undefined;
  }
  // `aiohttp.ClientTimeout()` with no bound at all switches the 5-minute default off.
  if (timeout && AIOHTTP_APIS.has(api) && timeout.type === 'call' && /^(?:\w+\.)?ClientTimeout$/.test(timeout.childForFieldName('function')?.text ?? '') && timeout.childForFieldName('arguments')?.namedChildren.filter((a) => a && a.type !== 'comment').length === 0) return 'disabled';
  if (timeout) return timeout.type === 'none' ? 'disabled' : undefined;
  if (AIOHTTP_APIS.has(api)) return /\btimeout\s*=|ClientTimeout\s*\(/.test(text) ? undefined : 'missing';
  // urlopen(url, data, timeout), SMTP(host, port, local_hostname, timeout): the timeout may be positional.
  const position = SOCKET_DEFAULT_APIS.get(api);
  if (position !== undefined) {
    const positional = args.namedChildren.filter((a) => !!a && a.type !== 'comment' && a.type !== 'keyword_argument');
    // `*args` may carry it.
    if (positional.some((a) => a?.type === 'list_splat')) return undefined;
    return position >= 0 && positional.length > position ? (positional[position]?.type === 'none' ? 'disabled' : undefined) : 'missing';
  }
  if (httpx) return undefined;
  if (api.startsWith('requests.Session()') && mountsAdapter) return undefined;
  return 'missing';
}

/** What a call's function names: `requests.get`, `r.get` (aliased), `get` (imported), `s.get` on a session. */
function canonical(fn: SyntaxNode | null, aliases: Aliases): string | undefined {
  if (!fn) return undefined;
  if (fn.type === 'identifier') return asCall(aliases.get(fn.text));
  if (fn.type !== 'attribute') return undefined;
  const method = fn.childForFieldName('attribute')?.text;
  const object = fn.childForFieldName('object');
  if (!method || !object) return undefined;
  const base = object.type === 'call' ? instanceOf(object, aliases) : (aliases.get(object.text) ?? undefined);
  if (!base) return undefined;
  if (base === 'requests' || base === 'httpx') return asCall(`${base}.${method}`);
  if (SOCKET_DEFAULT_APIS.has(`${base}.${method}`) || AIOHTTP_APIS.has(`${base}.${method}`)) return `${base}.${method}`;
  if (base === 'requests.Session()' && METHODS.has(method)) return `${base}.${method}`;
  if ((base === 'httpx.Client()' || base === 'httpx.AsyncClient()') && HTTPX_METHODS.has(method)) return `${base}.${method}`;
  return undefined;
}

/** Module functions that make a request (or build an httpx client, judged on its own `timeout=`). */
function asCall(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (SOCKET_DEFAULT_APIS.has(name) || AIOHTTP_APIS.has(name)) return name;
  const [module, member] = name.split('.');
  if (module === 'requests' && member && METHODS.has(member)) return name;
  if (module === 'httpx' && member && (HTTPX_METHODS.has(member) || member === 'Client' || member === 'AsyncClient')) return name;
  return undefined;
}

/** `requests.Session()` / `httpx.Client(...)` as an instance name. */
function instanceOf(call: SyntaxNode, aliases: Aliases): string | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  const name = fn.type === 'identifier' ? aliases.get(fn.text) : fn.type === 'attribute' ? `${aliases.get(fn.childForFieldName('object')?.text ?? '') ?? ''}.${fn.childForFieldName('attribute')?.text}` : undefined;
  if (name === 'requests.Session' || name === 'requests.session') return 'requests.Session()';
  if (name === 'httpx.Client' || name === 'httpx.AsyncClient') return `${name}()`;
  return undefined;
}

function recordInstance(target: SyntaxNode | null, value: SyntaxNode | null | undefined, aliases: Aliases): void {
  if (!target || !value || value.type !== 'call') return;
  if (target.type !== 'identifier' && target.type !== 'attribute') return;
  const instance = instanceOf(value, aliases);
  if (instance) aliases.set(target.text, instance);
}

/** Imports anywhere in the module (also under `try:` and inside functions), by local name. */
function importAliases(root: SyntaxNode): Aliases {
  const aliases: Aliases = new Map();
  for (const { module, name, local } of pythonImports(root)) {
    if (!name) {
      if (module === 'requests' || module === 'httpx' || module === 'aiohttp' || SOCKET_DEFAULT_MODULES.has(module)) aliases.set(local, module);
      // `import urllib` alone: the code names `urllib.request` in full.
      if (module === 'urllib' && local === 'urllib') aliases.set('urllib.request', 'urllib.request');
    } else if (module === 'urllib' || module === 'urllib.request') {
      // `from urllib import request` / `from urllib.request import urlopen`
      if (`${module}.${name}` === 'urllib.request') aliases.set(local, 'urllib.request');
      if (`${module}.${name}` === URLOPEN) aliases.set(local, URLOPEN);
    } else if (module === 'http' && name === 'client') {
      aliases.set(local, 'http.client');
    } else if (SOCKET_DEFAULT_APIS.has(`${module}.${name}`) || AIOHTTP_APIS.has(`${module}.${name}`)) {
      // `from smtplib import SMTP`, `from http.client import HTTPSConnection`
      aliases.set(local, `${module}.${name}`);
    } else if (module === 'requests' || module === 'httpx' || module === 'requests.api' || module === 'requests.sessions') {
      aliases.set(local, `${module.startsWith('requests') ? 'requests' : 'httpx'}.${name}`);
    }
  }
  return aliases;
}

/** A timeout in milliseconds as the seconds Python clients take (`10`, `2.5`). */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return Number.isInteger(seconds) ? String(seconds) : String(Math.round(seconds * 1000) / 1000);
}
