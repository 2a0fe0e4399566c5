// failure/unbounded-concurrency over collections a recall survey of AI-style code found missed: rows from a
// database helper imported and called bare (`await query<Order>(sql)`, the usual `db.ts` export), and a
// directory listing (`await readdir(dir)`, `readdirSync`); and a callback that returns a promise without
// being `async` (`ids.map((id) => load(id))`). Look-alikes stay clean: other bare query words, an unawaited
// `query`, a listing that goes through a limiter or is sliced, a callback whose value is not a promise.
import { ruleTable } from '../../helpers/rule-tester';

const message = (collection: string, source: string, map = 'map(async …)') =>
  `\`Promise.all\` over \`${collection}.${map}\` starts one operation per item of ${source} at once: a large input opens thousands of calls together, exhausting connections and rate limits. Limit concurrency (p-limit, or chunks of a fixed size).`;

ruleTable('failure/unbounded-concurrency', {
  valid: [
    'import { all } from "./db";\nasync function f() {\n  const orders = await all(sql);\n  await Promise.all(orders.map(async (o) => send(o)));\n}',
    'import { query } from "./db";\nfunction f() {\n  const orders = query(sql);\n  return Promise.all(orders.map(async (o) => send(o)));\n}',
    'import { readdir } from "node:fs/promises";\nasync function f(dir) {\n  const files = await readdir(dir);\n  await Promise.all(files.map((f) => limit(() => load(f))));\n}',
    'import { readdir } from "node:fs/promises";\nasync function f(dir) {\n  const files = await readdir(dir);\n  await Promise.all(files.slice(0, 10).map(async (f) => load(f)));\n}',
    'async function load(id: string) { return id; }\nexport async function f(ids: string[]) {\n  return Promise.all(ids.map((id) => id.trim()));\n}',
    'async function load(id: string) { return id; }\nconst limit = async <T,>(fn: () => Promise<T>) => fn();\nexport async function f(ids: string[]) {\n  return Promise.all(ids.map((id) => limit(() => load(id))));\n}',
    'function load(id: string) { return id; }\nexport async function f(ids: string[]) {\n  return Promise.all(ids.map((id) => load(id)));\n}',
  ],
  invalid: [
    {
      code: 'async function load(id: string) { return id; }\nexport async function f(ids: string[]) {\n  return Promise.all(ids.map((id) => load(id)));\n}',
      errors: [{ line: 3, column: 10, endColumn: 21, message: message('ids', 'an array parameter', 'map(…)') }],
    },
    {
      code: 'export async function f(ids: string[]) {\n  return Promise.all(ids.map(function (id) {\n    return fetch(`/items/${id}`, { signal: AbortSignal.timeout(5000) });\n  }));\n}',
      errors: [{ line: 2, column: 10, endColumn: 21, message: message('ids', 'an array parameter', 'map(…)') }],
    },
    {
      code: 'import { query } from "./db";\nasync function f() {\n  const orders = await query<Order>("select * from orders");\n  await Promise.all(orders.map(async (o) => send(o)));\n}',
      errors: [{ line: 4, column: 9, endColumn: 20, message: message('orders', 'a query result') }],
    },
    {
      code: 'import { readdir } from "node:fs/promises";\nasync function f(dir) {\n  const files = await readdir(dir);\n  await Promise.all(files.map(async (f) => load(f)));\n}',
      errors: [{ line: 4, column: 9, endColumn: 20, message: message('files', 'a directory listing') }],
    },
    {
      code: 'import fs from "node:fs";\nconst all = await Promise.allSettled(fs.readdirSync(dir).map(async (f) => load(f)));',
      errors: [{ line: 2, column: 19, message: /^`Promise\.allSettled` over `fs\.readdirSync\(dir\)\.map\(async …\)` starts one operation per item of a directory listing at once/ }],
    },
  ],
});
