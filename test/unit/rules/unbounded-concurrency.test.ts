import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/unbounded-concurrency';

ruleTable(RULE, {
  valid: [
    'await Promise.all([loadUser(), loadOrders()]);',
    'await Promise.all([a, b].map(async (x) => load(x)));',
    'await Promise.all(req.body.ids.slice(0, 20).map(async (id) => load(id)));',
    'const limit = pLimit(8);\nawait Promise.all(req.body.ids.map((id) => limit(() => db.delete(id))));',
    'await Promise.all(req.body.ids.map(async (id) => limit(() => db.delete(id))));',
    // Not async: the callback does not start work (or the rule cannot tell).
    'await Promise.all(req.body.ids.map((id) => id.trim()));',
    // A collection of unknown origin is not reported.
    'await Promise.all(items.map(async (item) => send(item)));',
    'for (const chunk of chunks(rows, 50)) await Promise.all(chunk.map(async (r) => send(r)));',
    'const ids = req.body.ids.slice(0, 10);\nawait Promise.all(ids.map(async (id) => load(id)));',
    'await Promise.race(req.body.ids.map(async (id) => load(id)));',
    'await (Promise.race)(req.body.ids.map(async (id) => load(id)));',
    'await Promise[method](req.body.ids.map(async (id) => load(id)));',
  ],
  invalid: [
    {
      code: 'await Promise.all(req.body.ids.map(async (id) => {\n  await db.delete(id);\n}));',
      errors: [{ line: 1, column: 7, endColumn: 18, message: '`Promise.all` over `req.body.ids.map(async …)` starts one operation per item of a request body at once: a large input opens thousands of calls together, exhausting connections and rate limits. Limit concurrency (p-limit, or chunks of a fixed size).' }],
    },
    { code: 'const rows = await db.query(sql);\nawait Promise.allSettled(rows.map(async (row) => notify(row)));', errors: [{ line: 2, column: 7, message: /^`Promise\.allSettled` over `rows\.map\(async …\)` starts one operation per item of a query result at once/ }] },
    { code: 'const { rows } = await pool.query(sql);\nawait Promise.all(rows.map(async (row) => notify(row)));', errors: [{ line: 2, column: 7, message: /of a query result/ }] },
    { code: 'const users = await prisma.user.findMany();\nawait Promise.all(users.map(async function (u) { await mail(u); }));', errors: [{ line: 2, column: 7, message: /of a query result/ }] },
    { code: 'const lines = fs.readFileSync(file, "utf8").split("\\n");\nawait Promise.all(lines.map(async (l) => post(l)));', errors: [{ line: 2, column: 7, message: /of file contents/ }] },
    { code: 'async function notifyAll(users: User[]) {\n  await Promise.all(users.map(async (u) => send(u)));\n}', errors: [{ line: 2, column: 9, message: /of an array parameter/ }] },
    { code: 'async function send(id: string) { await post(id); }\nconst { ids } = req.query;\nawait Promise.all(ids.map(send));', errors: [{ line: 3, column: 7, message: /of request input/ }] },
    // However the combinator is spelled: parenthesised callee or receiver, or an element access.
    { code: 'async function f(items: string[]) {\n  await (Promise.all)(items.map(async (i) => send(i)));\n}', errors: [{ line: 2, column: 9, endColumn: 22, message: /^`Promise\.all` over `items\.map\(async …\)` starts one operation per item of an array parameter/ }] },
    { code: 'async function f(items: string[]) {\n  await (Promise).allSettled(items.map(async (i) => send(i)));\n}', errors: [{ line: 2, column: 9, message: /^`Promise\.allSettled` over/ }] },
    { code: 'async function f(items: string[]) {\n  await Promise["all"](items.map(async (i) => send(i)));\n}', errors: [{ line: 2, column: 9 }] },
    { code: 'const data = await res.json();\nawait Promise.all(data.items.filter(Boolean).map(async (i) => save(i)));', errors: [{ line: 2, column: 7, message: /of a network response/ }] },
  ],
});
