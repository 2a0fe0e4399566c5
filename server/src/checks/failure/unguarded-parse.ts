// failure/unguarded-parse: `JSON.parse` of external input (a request body, file or network contents,
// the command line, the environment, message data) that no try/catch or rejection handler guards.
import ts from 'typescript';
import type { Check } from '../../engine/types';
import { TEST_FILE } from '../../engine/project/evidence';
import { externalSource, unwrap } from './support/external-input';
import { kindsOf, nodesToCheck, type NodeKinds } from './support/syntax-nodes';
import { pythonUnguardedParses } from './python/unguarded-parse';

// The node kinds this rule looks at (see support/syntax-nodes.ts).
let visitedKinds: NodeKinds | undefined;
const visited = () => (visitedKinds ??= kindsOf(ts.SyntaxKind.CallExpression));

const RULE_ID = 'failure/unguarded-parse';
/** Array methods that call their callback synchronously: a try around them guards the callback. */
const SYNC_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort', 'from']);

export const unguardedParse: Check = {
  meta: {
    id: RULE_ID,
    family: 'failure',
    title: 'JSON.parse of external input without error handling',
    rationale:
      '`JSON.parse` throws a `SyntaxError` on anything that is not valid JSON, and external input is not valid JSON sooner or later: a truncated upload, an HTML error page from a proxy, an empty body, a hand-edited file, a message from an older producer. Outside a try/catch that exception ends the request with a 500 (or an unhandled rejection), or crashes a worker that then drops the message it was processing. The rule reports only input it can see is external (request bodies and parameters, `readFile`/`readFileSync` contents, `await res.text()`, `process.argv`, `process.env`, message `data`, `localStorage`, text gathered from the `data` events of a stream), followed through local variables; a parse lexically inside a `try` with a `catch`, or in a `.then` callback whose chain has a rejection handler, is guarded. In Python the same holds for `json.loads` (and `json.load` of a file or stream, and simplejson, ujson, orjson): request bodies and parameters (Flask, Django, Starlette, a Lambda event\'s `body`), file contents, responses, the environment, the command line, standard input and queue or socket messages, outside a `try` with an `except`; a module\'s own data file (a path built from `__file__`, `importlib.resources`) is not external. Test files (`*.test.*`, `*.spec.*`, `test_*.py`, `*_test.py`, and files under `test/`, `tests/`, `spec/`, `__tests__/`) are not checked: there a parse that throws fails the test, which is what a test is for.',
    remedy:
      'Parse inside try/catch and turn the failure into a clear, handled outcome: a 400 for a request body, a named configuration error for a file, a dead-letter for a message. A schema validator (zod `safeParse`, ajv) after the parse also protects against valid JSON of the wrong shape.',
    defaultSeverity: 'warning',
    instruction: {
      text: '`JSON.parse` input only inside try/catch.',
      recap: 'JSON.parse of input inside try/catch',
    },
    languages: ['typescript', 'javascript', 'python'],
    examples: {
      bad: ['app.post("/orders", (req, res) => {\n  const order = JSON.parse(req.body);\n});', 'const config = JSON.parse(fs.readFileSync(path, "utf8"));', 'const data = JSON.parse(await res.text());'],
      good: [
        'let order;\ntry {\n  order = JSON.parse(req.body);\n} catch {\n  return res.status(400).send("body is not JSON");\n}',
        'const copy = JSON.parse(JSON.stringify(value));',
        'const table = JSON.parse(\'{"a": 1}\');',
        '// a file the module ships beside itself: only a broken install changes it\nconst pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));',
      ],
    },
  },
  statementLocal: true,
  run(context) {
    if (TEST_FILE.test(context.relativePath)) return;
    if (context.document.language === 'python') {
      for (const parse of pythonUnguardedParses(context.document.text)) {
        context.report({
          ruleId: RULE_ID,
          start: parse.start,
          end: parse.end,
          message: `\`${parse.api}\` of ${parse.source} with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) raises a ValueError (JSONDecodeError) here and ${crashes(parse.source) ? 'stops the program' : 'fails the whole request or message'}. Parse inside try/except and turn the failure into a clear error${parse.source === 'a request body' || parse.source === 'request input' ? ' (a 400)' : ''}.`,
          fingerprintText: parse.fingerprintText,
        });
      }
      return;
    }
    const tree = context.tsTree();
    if (!tree || !context.document.text.includes('JSON.parse')) return;
    for (const node of nodesToCheck(tree, visited())) {
      if (ts.isCallExpression(node) && isJsonParse(node.expression) && node.arguments[0]) {
        const source = externalSource(node.arguments[0]);
        if (source && !isGuarded(node)) {
          const start = node.getStart(tree);
          context.report({
            ruleId: RULE_ID,
            start,
            end: node.expression.getEnd(),
            message: `\`JSON.parse\` of ${source} with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and ${source === 'file contents' || source === 'an environment variable' || source === 'command-line input' ? 'crashes the process' : 'fails the whole request or message'}. Parse inside try/catch and turn the failure into a clear error${source === 'a request body' || source === 'request input' ? ' (a 400)' : ''}.`,
            fingerprintText: tree.text.slice(start, Math.min(node.end, start + 160)),
          });
        }
      }
    }
  },
};

function crashes(source: string): boolean {
  return source === 'file contents' || source === 'an environment variable' || source === 'command-line input' || source === 'standard input';
}

function isJsonParse(callee: ts.Expression): boolean {
  const inner = unwrap(callee);
  if (!ts.isPropertyAccessExpression(inner) || inner.name.text !== 'parse') return false;
  const object = unwrap(inner.expression);
  if (ts.isIdentifier(object)) return object.text === 'JSON';
  return ts.isPropertyAccessExpression(object) && object.name.text === 'JSON' && /^(?:globalThis|window|self)$/.test(object.expression.getText());
}

/**
 * Lexically inside a `try` block that has a `catch`; crossing only functions that run right away
 * (synchronous array callbacks, IIFEs), or a `.then` callback whose chain handles rejections.
 */
function isGuarded(call: ts.Node): boolean {
  let child: ts.Node = call;
  for (let node = call.parent; node; child = node, node = node.parent) {
    if (ts.isTryStatement(node) && node.tryBlock === child && node.catchClause) return true;
    if (ts.isFunctionLike(node)) {
      const use = node.parent;
      if (ts.isCallExpression(use) && use.arguments.includes(node as unknown as ts.Expression)) {
        const callee = unwrap(use.expression);
        const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        if (method === 'then' || method === 'catch') return chainHandlesRejection(use) || isGuarded(use);
        if (method && SYNC_CALLBACK_METHODS.has(method)) continue;
        // A promise executor runs synchronously, and a throw there rejects the promise: guarded if that rejection is.
        if (ts.isNewExpression(use)) continue;
        return false;
      }
      // An immediately invoked function runs where it stands.
      if (ts.isParenthesizedExpression(use) && ts.isCallExpression(use.parent) && use.parent.expression === use) continue;
      return false;
    }
  }
  return false;
}

/** `p.then(cb).catch(h)`, `p.then(cb).then(_, h)`: a later link of the chain handles rejections. */
function chainHandlesRejection(call: ts.CallExpression): boolean {
  let current: ts.CallExpression = call;
  for (let first = true; ; first = false) {
    const callee = unwrap(current.expression);
    // The link holding the callback does not see its throw (not even `.then(cb, onRejected)`): only later links count.
    if (!first && ts.isPropertyAccessExpression(callee)) {
      if (callee.name.text === 'catch' && current.arguments.length > 0) return true;
      if (callee.name.text === 'then' && current.arguments.length > 1) return true;
    }
    const access = current.parent;
    if (!ts.isPropertyAccessExpression(access) || !ts.isCallExpression(access.parent) || access.parent.expression !== access) return false;
    current = access.parent;
  }
}
