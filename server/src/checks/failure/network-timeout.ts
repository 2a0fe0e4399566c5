// failure/network-timeout: an outbound call (HTTP client, database pool) that can wait forever because
// nothing bounds it: no timeout, no abort signal. TypeScript/JavaScript here; Python in network-python.ts.
import * as path from 'node:path';
import ts from 'typescript';
import type { Check, CheckContext, RawFix } from '../../engine/types';
import { importedApiResolver } from './api-exports';
import { apiAliases, type ApiAliases } from './support/api-aliases';
import { dependencyMajor } from './support/dependency-version';
import { formatSeconds, pythonNetworkTimeouts } from './support/network-python';
import { redisWithoutTimeouts } from './python/redis-timeouts';
import { addPropertyEdit, formatMilliseconds, optionsArgument, propertyState, type OptionsArgument } from './support/options-object';
import { findDeclaration } from './support/scope';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression));

const RULE_ID = 'failure/network-timeout';
const DEFAULT_TIMEOUT_MS = 10_000;

/** How one API takes its options and which keys bound it. */
interface ApiShape {
  /** Index of the options argument (or NO_OPTIONS), or a function of the call when it depends on the arguments; undefined: cannot tell. */
  options: number | ((call: ts.CallExpression | ts.NewExpression) => number | undefined);
  keys: readonly string[];
  what: string;
  /** `timeout` APIs time out by default: only switching it off is reported. */
  defaultsBounded?: boolean;
  fix?: 'signal' | 'timeout';
  /** Only as `new X(...)` (database pools). */
  constructs?: boolean;
  /** Instances are bounded where they are created: calls on the default instance only. */
  axiosDefault?: boolean;
}

/** The call takes no options object in this form. */
const NO_OPTIONS = -1;

const FETCH: ApiShape = { options: fetchOptions, keys: ['signal'], what: 'fetch', fix: 'signal' };
/** node-fetch 2's fetch, which also takes a `timeout` (version 3 dropped it: there only a signal bounds it). */
const NODE_FETCH_2: ApiShape = { ...FETCH, keys: ['signal', 'timeout'] };
const AXIOS_KEYS = ['timeout', 'signal', 'cancelToken'];
const axiosConfigFirst = (call: ts.CallExpression | ts.NewExpression) => (call.arguments?.[0] && ts.isObjectLiteralExpression(call.arguments[0]) ? 0 : 1);
const HTTP_OPTIONS = (call: ts.CallExpression | ts.NewExpression) => {
  const [first, second] = call.arguments ?? [];
  if (first && ts.isObjectLiteralExpression(first)) return 0;
  // `request(url, options, callback)`; with two arguments the second is usually the callback.
  if (call.arguments!.length > 2 || (second && ts.isObjectLiteralExpression(second))) return 1;
  if (second && ts.isIdentifier(second) && /opt|config|setting|param/i.test(second.text)) return 1;
  // `get(url, callback)`: no options object at all.
  return isUrlLike(first) ? NO_OPTIONS : undefined;
};

/** `got(url)`, `got(url, options)`, `got(options)`; a lone variable may be either, so it is left alone. */
function gotOptions(call: ts.CallExpression | ts.NewExpression): number | undefined {
  const [first, second] = call.arguments ?? [];
  if (first && ts.isObjectLiteralExpression(first)) return 0;
  return second || isUrlLike(first) ? 1 : undefined;
}

/**
 * `fetch(url)`, `fetch(url, init)`; `fetch(new Request(url, init))` and `fetch(request)` carry their own
 * signal, and a `data:` or `blob:` URL is read in memory, with no server to wait for.
 */
function fetchOptions(call: ts.CallExpression | ts.NewExpression): number | undefined {
  const first = call.arguments?.[0];
  const literalStart = first && (ts.isStringLiteralLike(first) ? first.text : ts.isTemplateExpression(first) ? first.head.text : undefined);
  if (literalStart !== undefined && /^(?:data|blob):/i.test(literalStart)) return undefined;
  if (first && !call.arguments![1]) {
    if (ts.isNewExpression(first) && ts.isIdentifier(first.expression) && first.expression.text === 'Request') return undefined;
    if (ts.isIdentifier(first) && /request$/i.test(first.text)) return undefined;
  }
  return 1;
}

const SHAPES: Record<string, ApiShape> = {
  fetch: FETCH,
  axios: { options: axiosConfigFirst, keys: AXIOS_KEYS, what: 'axios', fix: 'timeout', axiosDefault: true },
  'axios.request': { options: 0, keys: AXIOS_KEYS, what: 'axios.request', fix: 'timeout', axiosDefault: true },
  'axios.create': { options: 0, keys: AXIOS_KEYS, what: 'axios.create', fix: 'timeout' },
  'http.request': { options: HTTP_OPTIONS, keys: ['timeout', 'signal'], what: 'http.request' },
  'http.get': { options: HTTP_OPTIONS, keys: ['timeout', 'signal'], what: 'http.get' },
  'https.request': { options: HTTP_OPTIONS, keys: ['timeout', 'signal'], what: 'https.request' },
  'https.get': { options: HTTP_OPTIONS, keys: ['timeout', 'signal'], what: 'https.get' },
  got: { options: gotOptions, keys: ['timeout', 'signal'], what: 'got' },
  // An instance (`got.extend({ prefixUrl })`) is judged where it is made, as axios.create is.
  'got.extend': { options: 0, keys: ['timeout', 'signal'], what: 'got.extend' },
  ky: { options: 1, keys: ['timeout'], what: 'ky', defaultsBounded: true },
  'ky.create': { options: 0, keys: ['timeout'], what: 'ky.create', defaultsBounded: true },
  'ky.extend': { options: 0, keys: ['timeout'], what: 'ky.extend', defaultsBounded: true },
  'undici.request': { options: 1, keys: ['headersTimeout', 'bodyTimeout', 'signal'], what: 'undici.request' },
  'undici.stream': { options: 1, keys: ['headersTimeout', 'bodyTimeout', 'signal'], what: 'undici.stream' },
  'pg.Pool': { options: 0, keys: ['connectionTimeoutMillis', 'statement_timeout', 'query_timeout'], what: 'pg Pool', constructs: true },
  'pg.Client': { options: 0, keys: ['connectionTimeoutMillis', 'statement_timeout', 'query_timeout'], what: 'pg Client', constructs: true },
};
for (const method of ['get', 'delete', 'head', 'options']) SHAPES[`axios.${method}`] = { options: 1, keys: AXIOS_KEYS, what: `axios.${method}`, fix: 'timeout', axiosDefault: true };
for (const method of ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']) SHAPES[`axios.${method}`] = { options: 2, keys: AXIOS_KEYS, what: `axios.${method}`, fix: 'timeout', axiosDefault: true };
for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head', 'stream']) SHAPES[`got.${method}`] = { ...SHAPES.got, what: `got.${method}` };
for (const method of ['get', 'post', 'put', 'patch', 'delete', 'head']) SHAPES[`ky.${method}`] = { ...SHAPES.ky, what: `ky.${method}` };

/** Words that say an API is mentioned at all: files without any skip the walk. */
const MENTIONS = /fetch|axios|https?|got|ky|undici|Pool|Client/;

export const networkTimeout: Check = {
  meta: {
    id: RULE_ID,
    family: 'failure',
    title: 'Outbound call without a timeout',
    rationale:
      'A network or database call with no timeout waits as long as the other side lets it. When a dependency stalls (a hung upstream, a dropped packet, a saturated database) every request that reaches the call hangs with it, holding a socket, memory and often a connection-pool slot, until the service runs out of them and fails as a whole. Node\'s `fetch` gives up only after 5 minutes without headers, axios, got, `http.request`, and in Python `requests`, `urllib.request.urlopen` and the standard library\'s other socket clients (`smtplib.SMTP`, `http.client.HTTPConnection`, `ftplib.FTP`, `socket.create_connection`, all judged where they are made; unless `socket.setdefaulttimeout` is called) never do, and a `pg` pool waits forever for a free connection by default. aiohttp gives up only after 5 minutes in total, as Node\'s fetch does, so an `aiohttp.ClientSession` or `aiohttp.request` made without `timeout=` is reported where made (unless the file sets timeouts per request); ky (10 s) and httpx (5 s) time out by default, so for them only switching the timeout off (`timeout: false`, `timeout=None`) is reported; redis clients (ioredis, node-redis), mysql2 and the MongoDB driver bound their connects by default and are not reported. An axios instance is judged where it is created (`axios.create` without `timeout`), not on every call through it; `axios.defaults.timeout = …` in the file covers the default instance, and `api.defaults.timeout = …` the instance kept as `api`. Calls whose options come from a value the rule cannot read (a parameter, a spread) are not reported, nor are Python files whose HTTP goes to a mock or a recording (responses, requests-mock, respx, pytest-httpx, httpretty, vcrpy, betamax): nothing there reaches a server. Python\'s redis client (redis-py) has no timeout by default either: a `Redis`, `StrictRedis`, `from_url` or connection pool (also under `redis.asyncio`) made without `socket_timeout`, or with `socket_timeout=None`, is reported; one given a `connection_pool=` takes the pool\'s settings.',
    remedy:
      'Bound the call: `fetch(url, { signal: AbortSignal.timeout(10_000) })`, `axios.create({ timeout: 10_000 })`, `got(url, { timeout: { request: 10_000 } })`, `https.get(url, { timeout: 10_000 })` plus a `timeout` handler that destroys the request, `undici.request(url, { headersTimeout, bodyTimeout })`, `new Pool({ connectionTimeoutMillis, statement_timeout })`, `requests.get(url, timeout=10)`. Then handle the timeout error where the call is made (retry with backoff, fail fast, return a clear error).',
    defaultSeverity: 'warning',
    instruction: {
      text: 'Give every network call a timeout.',
      recap: 'timeouts on network calls',
    },
    languages: ['typescript', 'javascript', 'python'],
    fixable: true,
    options: {
      timeoutMs: { description: 'Timeout the quick fixes insert, in milliseconds (seconds for Python: `timeoutMs / 1000`).', default: DEFAULT_TIMEOUT_MS },
    },
    examples: {
      bad: [
        'const res = await fetch(`${API}/orders`);',
        'import ax from "axios";\nconst { data } = await ax.get(url);',
        'import axios from "axios";\nconst client = axios.create({ baseURL: API });',
        'import { Pool } from "pg";\nconst pool = new Pool({ connectionString });',
        'import requests\nrequests.get(url)',
      ],
      good: [
        'const res = await fetch(`${API}/orders`, { signal: AbortSignal.timeout(10_000) });',
        'import axios from "axios";\nconst { data } = await axios.get(url, { timeout: 10_000 });',
        'import axios from "axios";\nconst client = axios.create({ baseURL: API, timeout: 10_000 });',
        'import { Pool } from "pg";\nconst pool = new Pool({ connectionString, connectionTimeoutMillis: 5_000, statement_timeout: 30_000 });',
        'import requests\nrequests.get(url, timeout=10)',
        'import httpx\nhttpx.get(url)  # httpx times out after 5 s by default',
      ],
    },
  },
  statementLocal: true,
  // Read from the whole text, not by name (checkScript, setsTimeoutLater): the editor re-checks every
  // statement when they change.
  fileFacts: textWideFacts,
  run(context) {
    const timeoutMs = timeoutOption(context.options.timeoutMs);
    if (context.document.language === 'python') {
      pythonNetworkTimeouts(context, timeoutMs);
      const seconds = formatSeconds(timeoutMs);
      for (const found of redisWithoutTimeouts(context.document.text)) {
        context.report({
          ruleId: RULE_ID,
          start: found.start,
          end: found.end,
          message: found.disabled
            ? `\`${found.api}\` with \`socket_timeout=None\`: a stalled Redis server blocks every command on this connection forever. Pass a finite \`socket_timeout=\` (seconds).`
            : `\`${found.api}\` without \`socket_timeout=\`: redis-py has no timeout by default, so when the server stalls (a failover, a paused host) every command blocks its worker forever. Pass \`socket_timeout=\` and \`socket_connect_timeout=\` (seconds), and handle \`redis.TimeoutError\`.`,
          fingerprintText: found.fingerprintText,
          ...(found.disabled ? {} : { fixes: [{ title: `Add socket_timeout=${seconds}`, preferred: true, changes: [{ start: found.insertAt, end: found.insertAt, newText: `${found.afterArgument ? ', ' : ''}socket_timeout=${seconds}` }] }] }),
        });
      }
      return;
    }
    const tree = context.tsTree();
    // Without a mention of an API, only an import from a wrapper module of the workspace can bring one in.
    if (!tree || !(MENTIONS.test(context.document.text) || (context.workspace && /\bimport\b|\brequire\s*\(/.test(context.document.text)))) return;
    checkScript(context, tree, timeoutMs);
  },
};

/** `axios.defaults.timeout = …`, `req.setTimeout(…)`, `req.on('timeout', …)` anywhere in the text. */
const TEXT_WIDE_FACTS = /\.defaults\.timeout\s*=|\.\s*(?:setTimeout\s*\(|on\s*\(\s*['"]timeout['"])/g;

function textWideFacts(text: string): string {
  const facts: string[] = [];
  for (const match of text.matchAll(TEXT_WIDE_FACTS)) {
    // The receiver's name, read backwards from the dot: a regex starting at every word is far slower.
    let end = match.index;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    let start = end;
    while (start > 0 && /[\w$]/.test(text[start - 1]!)) start--;
    facts.push(text.slice(start, end) + match[0].replace(/\s+/g, ''));
  }
  return facts.sort().join('\n');
}

/** The names whose `.defaults.timeout` the text sets (`api` for `api.defaults.timeout = …` and `this.api.defaults.timeout = …`). */
function defaultsTimeoutReceivers(text: string): Set<string> {
  const names = new Set<string>();
  for (const fact of textWideFacts(text).split('\n')) if (fact.endsWith('.defaults.timeout=')) names.add(fact.slice(0, -'.defaults.timeout='.length));
  return names;
}

/** The name a created instance is kept under: `const api = axios.create()`, `this.api = …`, `api = …`. */
function instanceName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node) {
    const target = parent.left;
    if (ts.isIdentifier(target)) return target.text;
    if (ts.isPropertyAccessExpression(target)) return target.name.text;
  }
  if (ts.isPropertyDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

function timeoutOption(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

function checkScript(context: CheckContext, tree: ts.SourceFile, timeoutMs: number): void {
  const aliases = apiAliases(tree, importedApiResolver(context));
  // `api.defaults.timeout = 5000` after `const api = axios.create()` (as axios's docs set an instance's);
  // any such assignment in the file also covers the default instance, as it did before instances were told apart.
  const instancesBounded = defaultsTimeoutReceivers(tree.text);
  const axiosDefaultsBounded = instancesBounded.size > 0;
  // `fetch` imported from node-fetch is node-fetch's; version 2 (or a version the project does not say) takes `timeout`.
  const fetchShape = NODE_FETCH_IMPORT.test(tree.text) && dependencyMajor(context.host, path.dirname(context.document.path), 'node-fetch') < 3 ? NODE_FETCH_2 : FETCH;
  for (const node of nodesToCheck(tree, visited())) {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const api = aliases.resolve(node.expression);
      if (api === 'fetch' && isLocalFetch(node.expression, aliases)) continue;
      const shape = api === 'fetch' ? fetchShape : api ? SHAPES[api] : undefined;
      if (shape && !!shape.constructs === ts.isNewExpression(node) && !(shape.axiosDefault && axiosDefaultsBounded)) {
        if (shape.what === 'axios.create' && instancesBounded.has(instanceName(node) ?? '')) continue;
        checkCall(context, tree, node, shape, timeoutMs);
      }
    }
  }
}

/**
 * A `fetch` declared in the function around the call, not imported: a parameter or a binding of the
 * code's own (`for (const { scheme, fetch } of schemes)` in webpack wraps `http.get`), whose options
 * are its own. (Imports and requires of a fetch API are aliases, and a top-level declaration already
 * shadows the global: see apiAliases.)
 */
function isLocalFetch(callee: ts.Expression, aliases: ApiAliases): boolean {
  return ts.isIdentifier(callee) && callee.text === 'fetch' && !aliases.names.has('fetch') && findDeclaration(callee) !== undefined;
}

const NODE_FETCH_IMPORT = /\bfrom\s*['"]node-fetch['"]|\brequire\s*\(\s*['"]node-fetch['"]\s*\)/;

function checkCall(context: CheckContext, tree: ts.SourceFile, call: ts.CallExpression | ts.NewExpression, shape: ApiShape, timeoutMs: number): void {
  const index = typeof shape.options === 'number' ? shape.options : shape.options(call);
  if (index === undefined) return;
  const options = optionsArgument(call, index);
  if (options.kind === 'unknown') return;
  // A request whose timeout is set on the request object (`req.setTimeout(…)`, a 'timeout' listener).
  if (shape.what.startsWith('http') && setsTimeoutLater(call, tree)) return;
  const state = options.kind === 'absent' ? 'missing' : propertyState(options.literal, shape.keys);
  if (state === 'set' || state === 'unknown') return;
  if (shape.defaultsBounded && !(state === 'disabled' && options.kind === 'literal' && timeoutIsFalse(options.literal))) return;
  const start = call.getStart(tree);
  const end = call.expression.getEnd();
  context.report({
    ruleId: RULE_ID,
    start,
    end,
    message: messageFor(shape, state === 'disabled'),
    fingerprintText: `${shape.what} ${tree.text.slice(start, Math.min(call.end, start + 160))}`,
    ...(state === 'missing' ? fixesFor(shape, call, options, tree, timeoutMs) : {}),
  });
}

function timeoutIsFalse(literal: ts.ObjectLiteralExpression): boolean {
  return literal.properties.some((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'timeout' && p.initializer.kind === ts.SyntaxKind.FalseKeyword);
}

function messageFor(shape: ApiShape, disabled: boolean): string {
  const off = disabled ? ' (its timeout is switched off)' : '';
  switch (shape.what) {
    case 'fetch':
      return `\`fetch\` without an abort signal${off}: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass \`signal: AbortSignal.timeout(ms)\` and handle the abort.`;
    case 'axios.create':
      return `axios instance created without \`timeout\`${off}: axios never times out by default, so every call through this instance hangs as long as the server does. Add \`timeout\` (ms) to its config.`;
    case 'pg Pool':
    case 'pg Client':
      return `${shape.what} created without \`connectionTimeoutMillis\` or \`statement_timeout\`${off}: by default it waits forever for a connection and for a query, so a stalled database hangs every request. Set \`connectionTimeoutMillis\` and \`statement_timeout\` (or \`query_timeout\`).`;
    case 'got.extend':
      return `got instance created without a timeout${off}: got never times out by default, so every request through this instance hangs as long as the server does. Add \`timeout: { request: ms }\` to its options.`;
    case 'undici.request':
    case 'undici.stream':
      return `\`${shape.what}\` without \`headersTimeout\`/\`bodyTimeout\` or a signal${off}: it waits 5 minutes for a stalled server by default. Set the timeouts you can afford and handle the timeout error.`;
    default:
      if (shape.defaultsBounded) return `\`${shape.what}\` with its timeout switched off: a stalled server now hangs this request forever. Keep a finite \`timeout\` (ms).`;
      if (shape.what.startsWith('http')) return `\`${shape.what}\` without a timeout${off}: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass \`timeout\` (ms) and destroy the request on its 'timeout' event, or pass an abort \`signal\`.`;
      if (shape.what.startsWith('got')) return `\`${shape.what}\` without a timeout${off}: got never times out by default, so a stalled server hangs this request forever. Pass \`timeout: { request: ms }\`.`;
      return `\`${shape.what}\` without a timeout${off}: axios never times out by default, so a stalled server hangs this request forever. Pass \`timeout\` (ms), or create an instance with one.`;
  }
}

function fixesFor(shape: ApiShape, call: ts.CallExpression | ts.NewExpression, options: OptionsArgument, tree: ts.SourceFile, timeoutMs: number): { fixes?: RawFix[] } {
  if (!shape.fix) return {};
  const ms = formatMilliseconds(timeoutMs);
  const property = shape.fix === 'signal' ? `signal: AbortSignal.timeout(${ms})` : `timeout: ${ms}`;
  const title = shape.fix === 'signal' ? `Add an abort signal: AbortSignal.timeout(${ms})` : `Add timeout: ${ms}`;
  if (options.kind === 'literal') {
    // A literal declared elsewhere may be shared by other calls: no fix rather than a surprising one.
    return options.inline ? { fixes: [{ title, preferred: true, changes: [addPropertyEdit(options.literal, property, tree)] }] } : {};
  }
  const args = call.arguments ?? ts.factory.createNodeArray();
  const index = typeof shape.options === 'number' ? shape.options : shape.options(call)!;
  if (args.length > index) return {};
  if (args.length === 0) {
    // `axios.create()` / `new X()`: the options become the only argument.
    if (!call.arguments) return {};
    return { fixes: [{ title, preferred: true, changes: [{ start: args.pos, end: args.pos, newText: `{ ${property} }` }] }] };
  }
  // Fill skipped positional arguments (`axios.post(url)` has no data) with `undefined`.
  const filler = ', undefined'.repeat(index - args.length);
  const lastEnd = args[args.length - 1].end;
  return { fixes: [{ title, preferred: true, changes: [{ start: lastEnd, end: lastEnd, newText: `${filler}, { ${property} }` }] }] };
}

/** `https.get(…).on('timeout', …)`, or `const req = https.request(…)` then `req.setTimeout(…)` / `req.on('timeout', …)`. */
function setsTimeoutLater(call: ts.CallExpression | ts.NewExpression, tree: ts.SourceFile): boolean {
  let node: ts.Expression = call;
  while (ts.isPropertyAccessExpression(node.parent) && ts.isCallExpression(node.parent.parent) && node.parent.parent.expression === node.parent) {
    const name = node.parent.name.text;
    const first = node.parent.parent.arguments[0];
    if (name === 'setTimeout' || ((name === 'on' || name === 'once') && first && ts.isStringLiteralLike(first) && first.text === 'timeout')) return true;
    node = node.parent.parent;
  }
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    const name = parent.name.text.replace(/\$/g, '\\$');
    // Within the declaration's own block: `req` is a common name, and another function's
    // `req.on('timeout', …)` does not bound this request.
    const scope = declarationScope(parent);
    return new RegExp(`\\b${name}\\s*\\.\\s*(?:setTimeout\\s*\\(|on\\s*\\(\\s*['"]timeout['"])`).test(tree.text.slice(scope.pos, scope.end));
  }
  return false;
}

/** The block, case clause or file a declaration belongs to. */
function declarationScope(declaration: ts.VariableDeclaration): ts.Node {
  let node: ts.Node = declaration;
  while (node.parent && !ts.isBlock(node.parent) && !ts.isSourceFile(node.parent) && !ts.isCaseOrDefaultClause(node.parent) && !ts.isModuleBlock(node.parent)) node = node.parent;
  return node.parent ?? node;
}

function isUrlLike(node: ts.Expression | undefined): boolean {
  if (!node) return false;
  if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') return true;
  return ts.isIdentifier(node) && /url|uri|href|endpoint|link/i.test(node.text);
}
