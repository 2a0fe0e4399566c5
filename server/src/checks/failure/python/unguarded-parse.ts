// failure/unguarded-parse for Python (tree-sitter): `json.loads` of external input, or `json.load` of a
// file or stream, outside any `try` with an `except`. External means seen to be: a request body or
// parameter (Flask, Django, Starlette, a Lambda event's "body"), file contents, a network response, the
// environment, the command line, standard input, a queue message or socket message — followed through
// assignments in the same function. A module's own data file (a path built from `__file__`,
// `importlib.resources`, `pkgutil.get_data`) ships with the code and is not external.
import type { SyntaxNode } from '../../../engine/grammar/index';
import { nodesOfType, withSyntaxTree } from '../../../engine/grammar/index';
import { binding } from './bindings';
import { pythonImports } from './imports';

export interface PythonUnguardedParse {
  /** The function called (`json.loads`), in UTF-16 offsets. */
  start: number;
  end: number;
  api: string;
  source: PythonSource;
  fingerprintText: string;
}

export type PythonSource = 'a request body' | 'request input' | 'file contents' | 'a network response' | 'an environment variable' | 'command-line input' | 'standard input' | 'message data';

/** Modules with a `json`-like `loads`/`load`. */
const JSON_MODULES = new Set(['json', 'simplejson', 'ujson', 'orjson', 'rapidjson']);
const REQUEST = /^(?:self\.)?(?:request|req)$/;
const RESPONSE = /^(?:resp|response|res|r|reply|http_response|\w+_(?:resp|response))$/;
const MESSAGE = /^(?:msg|message|record|rec|m|payload|delivery)$/;
/** Flask, Django, Starlette request parameters: `request.args["filter"]`. */
const REQUEST_INPUT = /^(?:self\.)?(?:request|req)\.(?:args|form|values|GET|POST|query_params|path_params|headers|cookies|params)$/;
const OWN_DATA = /__file__|importlib\.resources|\bfiles\(|pkgutil\.get_data|pkg_resources/;

export function pythonUnguardedParses(text: string): PythonUnguardedParse[] {
  if (!/json/.test(text)) return [];
  return (
    withSyntaxTree('python', text, (root) => {
      const names = jsonNames(root);
      if (names.modules.size === 0 && names.functions.size === 0) return [];
      const found: PythonUnguardedParse[] = [];
      for (const call of nodesOfType(root, 'call')) {
        const fn = call?.childForFieldName('function');
        if (!call || !fn) continue;
        const api = jsonApi(fn, names);
        const argument = call.childForFieldName('arguments')?.namedChildren.find((child) => !!child && child.type !== 'keyword_argument' && child.type !== 'comment');
        if (!api || !argument) continue;
        const source = api.endsWith('.load') ? streamSource(argument, call) : textSource(argument, call, 0);
        if (!source || guarded(call)) continue;
        found.push({ start: fn.startIndex, end: fn.endIndex, api, source, fingerprintText: text.slice(call.startIndex, Math.min(call.endIndex, call.startIndex + 160)) });
      }
      return found;
    }) ?? []
  );
}

interface JsonNames {
  /** Local names of the json modules (`json`, `j` after `import json as j`), to the module. */
  modules: Map<string, string>;
  /** `from json import loads as parse`: parse → json.loads. */
  functions: Map<string, string>;
}

function jsonNames(root: SyntaxNode): JsonNames {
  const names: JsonNames = { modules: new Map(), functions: new Map() };
  for (const imported of pythonImports(root)) {
    if (!JSON_MODULES.has(imported.module)) continue;
    if (!imported.name) names.modules.set(imported.local, imported.module);
    else if (imported.name === 'loads' || imported.name === 'load') names.functions.set(imported.local, `${imported.module}.${imported.name}`);
  }
  return names;
}

function jsonApi(fn: SyntaxNode, names: JsonNames): string | undefined {
  if (fn.type === 'identifier') return names.functions.get(fn.text);
  if (fn.type !== 'attribute') return undefined;
  const module = names.modules.get(fn.childForFieldName('object')?.text ?? '');
  const member = fn.childForFieldName('attribute')?.text;
  return module && (member === 'loads' || member === 'load') ? `${module}.${member}` : undefined;
}

/** What `json.load` reads: a file opened here, standard input, a response's raw stream. */
function streamSource(argument: SyntaxNode, at: SyntaxNode): PythonSource | undefined {
  const value = unwrap(argument);
  if (value.type === 'call' && isOpen(value)) return OWN_DATA.test(value.text) ? undefined : 'file contents';
  if (value.text === 'sys.stdin') return 'standard input';
  if (value.type === 'call' && /(?:^|\.)urlopen$/.test(value.childForFieldName('function')?.text ?? '')) return 'a network response';
  if (value.type === 'identifier') {
    const bound = binding(value.text, at);
    if (bound && bound.type === 'call' && isOpen(bound)) return OWN_DATA.test(bound.text) ? undefined : 'file contents';
    if (bound && bound.type === 'call' && /(?:^|\.)urlopen$/.test(bound.childForFieldName('function')?.text ?? '')) return 'a network response';
  }
  return undefined;
}

/** Where the text `json.loads` parses comes from, if it can be seen. */
function textSource(argument: SyntaxNode, at: SyntaxNode, depth: number): PythonSource | undefined {
  if (depth > 3) return undefined;
  const value = unwrap(argument);
  const code = value.text;
  if (OWN_DATA.test(code)) return undefined;
  switch (value.type) {
    case 'identifier': {
      const bound = binding(value.text, at);
      return bound ? textSource(bound, bound, depth + 1) : undefined;
    }
    case 'attribute': {
      const object = value.childForFieldName('object')?.text ?? '';
      const member = value.childForFieldName('attribute')?.text ?? '';
      if (REQUEST.test(object) && (member === 'body' || member === 'data')) return 'a request body';
      if (RESPONSE.test(object) && (member === 'text' || member === 'content')) return 'a network response';
      if (MESSAGE.test(object) && (member === 'value' || member === 'data' || member === 'body')) return 'message data';
      return undefined;
    }
    case 'subscript': {
      const object = value.childForFieldName('value')?.text ?? '';
      const key = value.childForFieldName('subscript')?.text.replace(/['"]/g, '') ?? '';
      if (/^(?:event|evt)$/.test(object) && key === 'body') return 'a request body';
      if (REQUEST_INPUT.test(object)) return 'request input';
      if (/^(?:os\.)?environ$/.test(object)) return 'an environment variable';
      if (object === 'sys.argv') return 'command-line input';
      if (MESSAGE.test(object) && /^(?:body|Body|data|value|Message)$/.test(key)) return 'message data';
      return undefined;
    }
    case 'call': {
      const fn = value.childForFieldName('function')?.text ?? '';
      const method = fn.slice(fn.lastIndexOf('.') + 1);
      const receiver = value.childForFieldName('function')?.childForFieldName('object') ?? null;
      if (/^(?:os\.)?getenv$/.test(fn) || /^(?:os\.)?environ\.get$/.test(fn)) return 'an environment variable';
      if (fn === 'input' || fn === 'sys.stdin.read') return 'standard input';
      if (/^(?:self\.)?(?:request|req)\.(?:get_data|body|stream\.read)$/.test(fn)) return 'a request body';
      if (/^(?:event|evt)\.get$/.test(fn) && /^\(\s*['"]body['"]/.test(value.childForFieldName('arguments')?.text ?? '')) return 'a request body';
      if (/(?:^|\.)urlopen$/.test(fn)) return 'a network response';
      if (/^(?:websocket|ws|socket|sock)\.(?:recv|receive_text|receive_bytes|receive)$/.test(fn)) return 'message data';
      if (method === 'read_text' || method === 'read_bytes') return 'file contents';
      if (method === 'read' && receiver) {
        if (receiver.type === 'call' && isOpen(receiver)) return 'file contents';
        if (receiver.type === 'call' && /(?:^|\.)urlopen$/.test(receiver.childForFieldName('function')?.text ?? '')) return 'a network response';
        if (receiver.type === 'identifier') {
          const bound = binding(receiver.text, value);
          if (bound?.type === 'call' && isOpen(bound)) return OWN_DATA.test(bound.text) ? undefined : 'file contents';
          if (bound?.type === 'call' && /(?:^|\.)urlopen$/.test(bound.childForFieldName('function')?.text ?? '')) return 'a network response';
          if (RESPONSE.test(receiver.text)) return 'a network response';
        }
      }
      // aiohttp: `await resp.text()`.
      if (method === 'text' && receiver && RESPONSE.test(receiver.text)) return 'a network response';
      // `value.decode()`, `str(value)`, `value.strip()` pass the input through.
      if (/^(?:decode|strip|lstrip|rstrip)$/.test(method) && receiver) return textSource(receiver, at, depth + 1);
      if (fn === 'str' || fn === 'bytes') {
        const inner = value.childForFieldName('arguments')?.namedChildren[0];
        return inner ? textSource(inner, at, depth + 1) : undefined;
      }
      return undefined;
    }
    case 'boolean_operator': {
      // `body or "{}"`: the input when there is one.
      const left = value.childForFieldName('left');
      return left ? textSource(left, at, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** Through `await`, parentheses. */
function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while ((current.type === 'await' || current.type === 'parenthesized_expression') && current.namedChildren[0]) current = current.namedChildren[0];
  return current;
}

function isOpen(call: SyntaxNode): boolean {
  return /^(?:open|io\.open|codecs\.open|gzip\.open|builtins\.open)$/.test(call.childForFieldName('function')?.text ?? '');
}

/** Lexically inside the body of a `try` that has an `except`, within the same function. */
function guarded(call: SyntaxNode): boolean {
  let child: SyntaxNode = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    if (node.type === 'function_definition' || node.type === 'lambda' || node.type === 'class_definition') return false;
    if (node.type === 'try_statement' && node.childForFieldName('body')?.id === child.id && node.namedChildren.some((c) => c?.type === 'except_clause' || c?.type === 'except_group_clause')) return true;
  }
  return false;
}
