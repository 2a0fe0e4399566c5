// failure/unguarded-parse of text gathered from a stream's 'data' events (the raw http.request / Node
// server idiom a recall survey of AI-style code found missed): `let buf = ''` appended in
// `res.on('data', …)` (a network response), `req.on('data', …)` (a request body), process.stdin, another
// stream; chunks pushed then joined or Buffer.concat-ed. Look-alikes stay clean: a parse in try/catch,
// a variable filled by something other than a 'data' listener, another event, a function nested inside
// the listener, a variable of another scope with the same name.
import { ruleTable } from '../../helpers/rule-tester';

const message = (source: string, outcome: string, tail = '') =>
  `\`JSON.parse\` of ${source} with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and ${outcome}. Parse inside try/catch and turn the failure into a clear error${tail}.`;
const FAILS = 'fails the whole request or message';

ruleTable('failure/unguarded-parse', {
  valid: [
    "https.get(url, (res) => {\n  let buf = '';\n  res.on('data', (c) => (buf += c));\n  res.on('end', () => {\n    try {\n      done(JSON.parse(buf));\n    } catch (err) {\n      fail(err);\n    }\n  });\n});",
    "function f(parts) {\n  let buf = '';\n  for (const p of parts) buf += p;\n  return JSON.parse(buf);\n}",
    "https.get(url, (res) => {\n  let buf = '';\n  res.on('header', (c) => (buf += c));\n  res.on('end', () => done(JSON.parse(buf)));\n});",
    "https.get(url, (res) => {\n  let buf = '';\n  res.on('data', (c) => { later(() => { buf += c; }); });\n  res.on('end', () => done(JSON.parse(buf)));\n});",
    "function a(res) {\n  let buf = '';\n  res.on('data', (c) => (buf += c));\n}\nfunction b() {\n  let buf = '{}';\n  return JSON.parse(buf);\n}",
  ],
  invalid: [
    {
      code: "https.request(url, (res) => {\n  let buf = '';\n  res.on('data', (c) => (buf += c));\n  res.on('end', () => resolve(JSON.parse(buf)));\n});",
      errors: [{ line: 4, column: 31, endColumn: 41, message: message('a network response', FAILS) }],
    },
    {
      code: "http.createServer((req, res) => {\n  let body = '';\n  req.on('data', (chunk) => {\n    body = body + chunk;\n  });\n  req.on('end', () => res.end(JSON.parse(body).name));\n});",
      errors: [{ line: 6, column: 31, endColumn: 41, message: message('a request body', FAILS, ' (a 400)') }],
    },
    {
      code: "const chunks = [];\nprocess.stdin.on('data', (c) => chunks.push(c));\nprocess.stdin.on('end', () => run(JSON.parse(Buffer.concat(chunks).toString())));",
      errors: [{ line: 3, column: 35, endColumn: 45, message: message('command-line input', 'crashes the process') }],
    },
    {
      code: "function read(socket) {\n  const parts = [];\n  socket.on('data', function (c) { parts.push(c); });\n  socket.on('end', () => handle(JSON.parse(parts.join(''))));\n}",
      errors: [{ line: 4, column: 33, endColumn: 43, message: message('streamed data', FAILS) }],
    },
  ],
});
