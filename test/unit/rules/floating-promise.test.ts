import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { analyse, visible, type AnalyseOptions } from '../../helpers/engine';
import { ruleTable, type InvalidCase, type ValidCase } from '../../helpers/rule-tester';
import type { Finding } from '../../../server/src/engine/index';

const RULE = 'failure/floating-promise';
const tail =
  ' nothing awaits or handles it: if it rejects, the rejection is unhandled (Node exits on it; a browser only logs it), and the code below runs before it finishes. Await it or return it; for deliberate background work, write `void <call>.catch(<handler>)` with a handler that reports the error.';
const returns = (callee: string) => `\`${callee}(…)\` returns a promise and${tail}`;
const arrayTail =
  ' and nothing waits for them: if one rejects, the rejection is unhandled (Node exits on it; a browser only logs it), and the code below runs before they finish. Wrap the array in `await Promise.all(…)` (`Promise.allSettled(…)` when each may fail on its own), or use a loop with `await` when order or concurrency matters.';

/** A workspace where other files declare async functions, classes and wrappers. */
const LIB = {
  'src/orders.ts': 'export async function saveOrder(order: unknown) {}\nexport function render(): string { return ""; }\nexport const sendMail = async (to: string) => {};\nexport class Repo {\n  async save() {}\n  static async connect(): Promise<Repo> { return new Repo(); }\n  sync() {}\n}\nexport default async function main() {}\n',
  'src/http.ts': 'export { default as fetch } from "node-fetch";\nexport * from "./orders";\nexport { saveOrder as persist } from "./orders";\n',
  'src/wrapped.ts': 'import { saveOrder } from "./orders";\nexport function saveLater(o: unknown) { return saveOrder(o); }\n',
  'src/legacy.js': 'module.exports = { load: async () => 1, plain: () => 1 };\n',
  'src/db.ts': 'import { PrismaClient } from "@prisma/client";\nimport mongoose from "mongoose";\nexport const db = new PrismaClient();\nexport const User = mongoose.model("User", {});\n',
};
/** Other files' functions that report their own failures, or make a promise only without a callback. */
const SELF_HANDLING = {
  'src/jobs.ts': 'export async function drain() {\n  try {\n    await fetch("/x");\n  } catch (error) {\n    report(error);\n  }\n}\nexport async function flush() {\n  try { await fetch("/x"); } catch (error) { throw new Error("flush", { cause: error }); }\n}\nexport class Stream {\n  async close() {\n    try { await fetch("/x"); } catch (error) { report(error); }\n  }\n}\n',
  'src/pool.ts': 'export function end(callback?: (err?: Error) => void) {\n  if (callback === undefined) return new Promise((resolve) => end(resolve));\n  queue.push(callback);\n}\n',
  'src/index.ts': 'export * from "./jobs";\nexport { end as shutdown } from "./pool";\n',
  'src/legacy-jobs.js': 'module.exports = { drain: async () => { try { await fetch("/x"); } catch (e) { report(e); } } };\n',
  'src/isexe.js': 'module.exports = isexe;\nfunction isexe(path, options, cb) {\n  if (typeof options === "function") {\n    cb = options;\n    options = {};\n  }\n  if (!cb) return new Promise((resolve, reject) => isexe(path, options, (er, is) => (er ? reject(er) : resolve(is))));\n  core(path, options, cb);\n}\n',
};
function ws(code: string): ValidCase;
function ws(code: string, extra: Partial<InvalidCase> & { errors: InvalidCase['errors'] }): InvalidCase;
function ws(code: string, extra: Partial<InvalidCase> = {}): ValidCase | InvalidCase {
  return { code, files: LIB, workspace: true, ...extra };
}

ruleTable(RULE, {
  valid: [
    'async function f() { await fetch("/x"); }',
    'async function f() { return fetch("/x"); }',
    'fetch("/x").catch((error) => report(error));',
    'fetch("/x").then((r) => r.json(), (error) => report(error));',
    'fetch("/x").catch(report).finally(() => done());',
    'void fetch("/x").catch(report);',
    'const p = fetch("/x");',
    'function sync() { return 1; }\nsync();',
    'console.log("x");',
    'async function f() { const run = async () => 1; await run(); }',
    'doSomethingUnknown();',
    'import * as fs from "fs";\nfs.readFile("a", () => {});',
    'const pending = [];\npending.push(fetch("/x"));',
    'items.forEach((item) => item);',
    'async function f() { if (await fetch("/x")) {} }',
    'cy.get("button").then((el) => el.click());',
    'class Later { then(cb: () => void): Later { return this; } }\nconst later = new Later();\nlater.then(() => {});',
    'frank().then(go, report);',
    'declare const ready: boolean;\nif (ready) {}',
    'cond && void fetch("/x");',
    'class A { async load() {} run() { return this.load(); } }',
    ws('import { render, Repo } from "./orders";\nrender();\nnew Repo().sync();'),
    ws('import { legacy } from "./missing";\nlegacy();'),
    { code: 'import { x } from "./y";\nx();', files: { 'src/y.ts': 'export function x() { return 1; }\n' } },
    // Spreads of values that are not promises, or of awaited ones.
    'const o = { ...defaults, ...options, ...load() };',
    'async function f() { return { ...(await fetch("/x")) }; }',
    'declare const c: boolean;\nasync function f() { return { ...(c && (await fetch("/x"))), ...(c ? {} : await fetch("/y")) }; }',
    // Arrays: of values that are not promises, or of promises that are awaited, returned, handled or voided.
    'declare const nums: number[];\nnums.map((n) => n * 2);',
    '[1, 2];',
    'declare const xs: number[];\n[1, ...xs];',
    'declare const t: [number, string];\nt;',
    'function f<T extends string[]>(a: T) { a; }',
    'declare const m: Map<string, Promise<void>>;\nm;',
    'declare const promiseArray: Array<Promise<unknown>>;\nvoid promiseArray;',
    'declare let x: unknown;\ndeclare const ps: Promise<void>[];\nx = ps;',
    'declare const ps: Promise<void>[];\nasync function f() { await Promise.all(ps); }',
    'declare const xs: string[];\nasync function f() { await Promise.all(xs.map(async (x) => x)); }',
    'declare const xs: string[];\nfunction f() { return Promise.all(xs.map(async (x) => x)); }',
    'declare const xs: string[];\nPromise.all(xs.map(async (x) => x)).catch(report);',
    // In-place reordering and pushing onto an array of promises that is awaited elsewhere.
    'declare const ps: Promise<void>[];\nps.sort();\nps.reverse();\nps.push(fetch("/x"));\nps.length;',
    // A value that may also be something else is tested to tell the cases apart: a function with a promise on one path only,
    // `x && typeof x.then === "function"` (a boolean), a field or `let` set later, `cond ? promise : undefined`.
    'function validate(x: unknown) {\n  if (x == null) return false;\n  return fetch("/x").then((r) => r.ok);\n}\nconst r = validate(1);\nif (r) {}',
    'function start(x: unknown) {\n  if (!x) return;\n  return fetch("/x");\n}\nconst p = start(1);\nif (!p) {}',
    'function check() { return fetch("/x"); }\nconst v = check();\nconst isAsync = (v && typeof v.then === "function") || false;\nif (isAsync) {}',
    'class Client {\n  private lock?: Promise<void>;\n  async connect() {\n    if (this.lock) return await this.lock;\n    this.lock = fetch("/x").then(() => {});\n  }\n}',
    'class Client {\n  lock;\n  connect() {\n    if (this.lock) return this.lock;\n    return (this.lock = fetch("/x"));\n  }\n}',
    'let ctx: Promise<void> | null = null;\nfunction on() { if (!ctx) ctx = fetch("/x").then(() => {}); }',
    'let ctx = fetch("/x");\nfunction reset() { if (ctx) ctx = fetch("/y"); }',
    'function f(ms?: number) {\n  const timeout = ms ? fetch("/t") : undefined;\n  return timeout ? 1 : 2;\n}',
    // An async function of this file that catches and reports its own failures gives a promise that cannot reject.
    'async function drain(r: { read(): Promise<void> }) {\n  try {\n    await r.read();\n  } catch (error) {\n    report(error);\n  }\n}\ndrain(reader);',
    '(async () => {\n  try {\n    for await (const chunk of body) await write(chunk);\n  } catch (error) {\n    fail(error);\n  }\n})();',
    'class Stream {\n  closed = false;\n  async close() {\n    this.closed = true;\n    try {\n      await fetch("/x");\n    } catch (error) {\n      report(error);\n    }\n  }\n  abort() { this.close(); }\n}',
    // A callback-or-promise function of this file called with a callback: it makes no promise then.
    'class Pool {\n  close(callback?: (err?: Error) => void) {\n    if (callback === undefined) {\n      return new Promise((resolve, reject) => {\n        this.close((err) => (err ? reject(err) : resolve(undefined)));\n      });\n    }\n    this.end(callback);\n  }\n  end(cb: Function) {}\n}',
    'function destroy(err, callback) {\n  if (typeof callback !== "function") return fetch("/x");\n  callback(err);\n}\ndestroy(null, () => {});',
    // The same with the arguments taken variadically (ably's EventEmitter.once): no promise once a function is among them,
    // in the class itself, a subclass, or an emitter held in a field.
    'class Emitter {\n  once(...args) {\n    const argCount = args.length;\n    if (argCount === 0 || (argCount === 1 && typeof args[0] !== "function")) {\n      return new Promise((resolve) => this.once(args[0], resolve));\n    }\n    this.listeners.push(args[args.length - 1]);\n  }\n}\nclass Connection extends Emitter {\n  connect() {\n    const onDetails = () => {};\n    this.once("details", onDetails);\n    this.once(() => {});\n  }\n}',
    'class Emitter {\n  once(...args) {\n    const argCount = args.length;\n    if (argCount === 0 || (argCount === 1 && typeof args[0] !== "function")) {\n      return new Promise((resolve) => this.once(args[0], resolve));\n    }\n    this.listeners.push(args[args.length - 1]);\n  }\n}\nclass Channel {\n  constructor() { this.attached = new Emitter(); }\n  attach() { this.attached.once("attached", () => {}); }\n}',
    'function on() {\n  if (arguments.length < 2) return fetch("/x");\n  listeners.push(arguments[1]);\n}\non("ready", () => {});',
    // A lazy polyfill that replaces itself and returns its own call on several paths: answered at once, not
    // once per path per level (3^24 evaluations before the inference remembered answers per function).
    'function bufferFrom(value) {\n  bufferFrom = modern;\n  try {\n    return bufferFrom(value);\n  } catch (e) {\n    if (old) return bufferFrom(value);\n    bufferFrom = legacy;\n    return bufferFrom(value);\n  }\n  function modern(v) { return Buffer.from(v); }\n  function legacy(v) { return new Buffer(v); }\n}\nbufferFrom("x");\n[bufferFrom("y")];',
    // Each question has a budget of evaluations: a chain of conditionals naming the one before on both arms
    // doubles the work at every link (2^24 before the budget, a minute; now a fraction of a second).
    `const a0 = load;\n${Array.from({ length: 29 }, (_, i) => `const a${i + 1} = c ? a${i} : a${i};`).join('\n')}\na29;\nif (a29) {}`,
    // The same, for functions of other files: from their summaries in the index, through re-exports, or summarised on demand.
    { code: 'import { drain, Stream } from "./jobs";\nimport { end } from "./pool";\ndrain();\nnew Stream().close();\nend(() => {});', files: SELF_HANDLING, workspace: true },
    { code: 'import { drain, shutdown } from "./index";\nimport * as jobs from "./jobs";\ndrain();\njobs.drain();\nshutdown((err) => log(err));', files: SELF_HANDLING, workspace: true },
    { code: 'const { drain } = require("./legacy-jobs");\ndrain();', filename: 'src/main.js', files: SELF_HANDLING, workspace: true },
    { code: 'import { drain } from "./jobs";\ndrain();', files: SELF_HANDLING },
    // The optional-options idiom: the callback may come in the options' place.
    { code: 'var isexe = require("./isexe");\nisexe("a", function (er, is) {});\nisexe("b", {}, (er) => {});', filename: 'src/main.js', files: SELF_HANDLING, workspace: true },
    'function stat(path, options, cb) {\n  if (typeof options === "function") {\n    cb = options;\n    options = {};\n  }\n  if (!cb) return new Promise((resolve) => stat(path, options, resolve));\n  core(path, options, cb);\n}\nstat("a", (er) => {});',
    'async function wrap(fn: Function, done: Function) {\n  if (fn.length === 1) {\n    try { fn(done); } catch (e) { done(e); }\n    return;\n  }\n  try { await fn(); done(); } catch (e) { done(e); }\n}\nwrap(a, b);',
  ],
  invalid: [
    { code: 'fetch("/x");', errors: [{ line: 1, column: 1, endLine: 1, endColumn: 12, message: returns('fetch') }] },
    { code: 'async function f() {\n  Promise.resolve(1);\n}', errors: [{ line: 2, column: 3, message: returns('Promise.resolve') }] },
    { code: 'fetch("/x").then((r) => r.json());', errors: [{ line: 1, column: 1, message: returns('fetch("/x").then') }] },
    // `.then`/`.finally` are the promise protocol, whatever they are called on.
    { code: 'frank().then(go);', errors: [{ line: 1, column: 1, message: returns('frank().then') }] },
    { code: 'job.finally(cleanup);', errors: [{ line: 1, column: 1 }] },
    { code: 'fetch("/x").catch();', errors: [{ line: 1, column: 1 }] },
    { code: 'fetch("/x").finally(() => done());', errors: [{ line: 1, column: 1 }] },
    { code: 'new Promise((resolve) => resolve(1));', errors: [{ line: 1, column: 1, message: returns('new Promise') }] },
    { code: 'async function save() {}\nsave();', errors: [{ line: 2, column: 1, message: returns('save') }] },
    { code: 'const save = async () => {};\nsave();', errors: [{ line: 2, column: 1 }] },
    { code: 'function load(): Promise<number> { return x; }\nload();', errors: [{ line: 2, column: 1 }] },
    { code: 'function load() { return fetch("/x"); }\nload();', errors: [{ line: 2, column: 1 }] },
    { code: '(async () => { await work(); })();', errors: [{ line: 1, column: 1 }] },
    { code: 'class Store { async save() {} run() { this.save(); } }', errors: [{ line: 1, column: 39, message: returns('this.save') }] },
    { code: 'class Store { async save() {} }\nconst s = new Store();\ns.save();', errors: [{ line: 3, column: 1 }] },
    { code: 'declare const p: Promise<void>;\np;', errors: [{ line: 2, column: 1, message: `\`p\` is a promise and${tail}` }] },
    { code: 'cond ? fetch("/a") : null;', errors: [{ line: 1, column: 1 }] },
    { code: 'ready && fetch("/a");', errors: [{ line: 1, column: 1 }] },
    // Arrays and tuples of promises left as a statement: the promises are dropped and their rejections unhandled.
    { code: 'items.map(async (item) => upload(item));', errors: [{ line: 1, column: 1, endColumn: 40, message: `\`items.map(…)\` makes one promise per item${arrayTail}` }] },
    { code: 'urls.map((url) => fetch(url));', errors: [{ line: 1, column: 1, message: /^`urls\.map\(…\)` makes one promise per item and nothing waits/ }] },
    { code: 'const pending = urls.map(async (u) => fetch(u));\npending;', errors: [{ line: 2, column: 1, message: `\`pending\` is an array of promises${arrayTail}` }] },
    { code: 'declare const a: Array<Promise<number>> | undefined;\na;', errors: [{ line: 2, column: 1, endColumn: 2, message: `\`a\` is an array of promises${arrayTail}` }] },
    { code: 'declare const ps: Promise<void>[];\nps;', errors: [{ line: 2, column: 1 }] },
    { code: 'declare const ps: ReadonlyArray<Promise<void>>;\nps;', errors: [{ line: 2, column: 1 }] },
    { code: 'declare const ps: readonly Promise<void>[];\nps.filter(Boolean);', errors: [{ line: 2, column: 1, message: /^`ps\.filter\(…\)` returns an array of promises and nothing waits/ }] },
    { code: 'function f<T extends Array<Promise<number>>>(a: T | undefined): void {\n  a;\n}', errors: [{ line: 2, column: 3 }] },
    { code: 'declare function cursed(): [Promise<number>, Promise<string>];\ncursed();', errors: [{ line: 2, column: 1, message: `\`cursed(…)\` returns an array of promises${arrayTail}` }] },
    { code: 'declare const t: Array<number> | [number, Promise<unknown>];\nt;', errors: [{ line: 2, column: 1 }] },
    { code: 'declare const t: [name: string, ...rest: Promise<void>[]];\nt;', errors: [{ line: 2, column: 1 }] },
    { code: 'function all() { return [fetch("/a"), fetch("/b")]; }\nall();', errors: [{ line: 2, column: 1 }] },
    { code: 'declare const ps: Promise<void>[];\n[1, ...ps];', errors: [{ line: 2, column: 1, message: `This array holds promises${arrayTail}` }] },
    { code: '[fetch("/a"), 1] as const;', errors: [{ line: 1, column: 1, message: `This array holds promises${arrayTail}` }] },
    // An element of an array of promises is a promise; of an array of arrays of promises, an array of promises.
    { code: 'declare const ps: Promise<void>[];\nps[0];', errors: [{ line: 2, column: 1, message: `\`ps[0]\` is a promise and${tail}` }] },
    { code: 'function _<T, S extends Array<T | Array<T | Promise<T>>>>(xs: S | undefined): void {\n  xs?.[0];\n}', errors: [{ line: 2, column: 3, message: /^`xs\?\.\[0\]` is an array of promises/ }] },
    // A promise tested as a condition is always truthy and its rejection unhandled.
    { code: 'if (fetch("/x")) {}', errors: [{ line: 1, column: 5, endColumn: 16, message: /^`fetch\(…\)` returns a promise, which is always truthy in a condition/ }] },
    { code: 'function f(ok: boolean, p: Promise<void>) {\n  while (ok && !p) {}\n}', errors: [{ line: 2, column: 17 }] },
    { code: 'const x = fetch("/x") ? 1 : 2;', errors: [{ line: 1, column: 11 }] },
    // A promise spread into an object copies none of its result, and its rejection is unhandled.
    { code: 'console.log({ ...Promise.resolve({ key: 42 }) });', errors: [{ line: 1, column: 18, endColumn: 46, message: '`Promise.resolve(…)` returns a promise that is spread into an object: a promise has no properties of its own, so the object gets none of the result, and nothing handles its rejection (Node exits on it; a browser only logs it). Await it first: `{ ...(await …) }`.' }] },
    { code: 'const getData = () => fetch("/x");\nconst o = { a: 1, ...getData() };', errors: [{ line: 2, column: 22, message: /^`getData\(…\)` returns a promise that is spread into an object/ }] },
    { code: 'declare const c: boolean;\nconst o = { ...(c && fetch("/x")), ...(c ? {} : fetch("/y")) };', errors: [{ line: 2, column: 22 }, { line: 2, column: 49 }] },
    // Well-known APIs, through aliases, destructuring, require and namespaces.
    { code: 'import ax from "axios";\nax.post("/audit", {});', errors: [{ line: 2, column: 1, message: returns('ax.post') }] },
    { code: 'import axios from "axios";\nconst { get } = axios;\nget("/x");', errors: [{ line: 3, column: 1 }] },
    { code: 'const axios = require("axios");\naxios("/x");', filename: 'src/a.js', errors: [{ line: 2, column: 1 }] },
    { code: 'import { readFile } from "node:fs/promises";\nreadFile("a");', errors: [{ line: 2, column: 1 }] },
    { code: 'import * as fs from "fs";\nfs.promises.writeFile("a", "b");', errors: [{ line: 2, column: 1 }] },
    { code: 'import { promises as fsp } from "fs";\nfsp.rm("a");', errors: [{ line: 2, column: 1 }] },
    { code: 'import { setTimeout as sleep } from "timers/promises";\nsleep(10);', errors: [{ line: 2, column: 1 }] },
    { code: 'import { Pool } from "pg";\nconst pool = new Pool();\npool.query("select 1");', errors: [{ line: 3, column: 1 }] },
    { code: 'import { Pool } from "pg";\nclass Repo {\n  constructor(private pool: Pool) {}\n  touch() { this.pool.query("select 1"); }\n}', errors: [{ line: 4, column: 13 }] },
    { code: 'import { createClient } from "redis";\nconst client = createClient();\nclient.set("k", "v");', errors: [{ line: 3, column: 1 }] },
    { code: 'import { PrismaClient } from "@prisma/client";\nconst prisma = new PrismaClient();\nprisma.user.deleteMany();', errors: [{ line: 3, column: 1 }] },
    // Other files of the workspace: async functions, classes, default exports, re-exports, wrappers, CommonJS.
    ws('import { saveOrder } from "./orders";\nsaveOrder({});', { errors: [{ line: 2, column: 1, message: returns('saveOrder') }] }),
    ws('import { sendMail, Repo } from "./orders";\nsendMail("a");\nnew Repo().save();\nRepo.connect();', { errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }, { line: 4, column: 1 }] }),
    ws('import main from "./orders";\nmain();', { errors: [{ line: 2, column: 1 }] }),
    ws('import { fetch, saveOrder, persist } from "./http";\nfetch("/x");\nsaveOrder(1);\npersist(2);', { errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }, { line: 4, column: 1 }] }),
    ws('import * as http from "./http";\nhttp.saveOrder(1);', { errors: [{ line: 2, column: 1 }] }),
    ws('import { saveLater } from "./wrapped";\nsaveLater(1);', { errors: [{ line: 2, column: 1 }] }),
    ws('const { load } = require("./legacy");\nload();', { filename: 'src/main.js', errors: [{ line: 2, column: 1 }] }),
    ws('import { db, User } from "./db";\ndb.user.create({});\nUser.findOne({});\ndb.$on("query", log);', { errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }] }),
    // Another file's function that can still reject, or called without its callback: still a promise dropped.
    { code: 'import { flush, end } from "./jobs";\nimport { end as close } from "./pool";\nflush();\nclose();', files: SELF_HANDLING, workspace: true, errors: [{ line: 3, column: 1 }, { line: 4, column: 1 }] },
    { code: 'import { shutdown } from "./index";\nshutdown();\nshutdown(handler);', files: SELF_HANDLING, workspace: true, errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }] },
    { code: 'var isexe = require("./isexe");\nisexe("a");\nisexe("b", {});', filename: 'src/main.js', files: SELF_HANDLING, workspace: true, errors: [{ line: 2, column: 1 }, { line: 3, column: 1 }] },
    // Without the workspace index (a lone file), the imported file is summarised on demand.
    { code: 'import { saveOrder } from "./orders";\nsaveOrder({});', files: LIB, errors: [{ line: 2, column: 1 }] },
    { code: 'const save = async () => {};\nsave();', filename: 'src/a.mjs', errors: [{ line: 2, column: 1 }] },
    { code: 'const App = () => { fetch("/x"); return <div />; };', filename: 'src/a.tsx', errors: [{ line: 1, column: 21 }] },
    // Still always truthy: a const holding an async call, a typed field set at construction.
    { code: 'async function load() { return 1; }\nconst p = load();\nif (p) {}', errors: [{ line: 3, column: 5 }] },
    { code: 'class A {\n  private ready: Promise<Response> = fetch("/x");\n  go() { if (this.ready) {} }\n}', errors: [{ line: 3, column: 14 }] },
    // An async function that can still reject: its catch rethrows or awaits, or a statement before the try may throw.
    { code: 'async function drain() {\n  try { await fetch("/x"); } catch (error) { throw new Error("drain", { cause: error }); }\n}\ndrain();', errors: [{ line: 4, column: 1 }] },
    { code: 'async function drain() {\n  check();\n  try { await fetch("/x"); } catch (error) { report(error); }\n}\ndrain();', errors: [{ line: 5, column: 1 }] },
    { code: 'async function drain() {\n  try { await fetch("/x"); } catch (error) { await report(error); }\n}\ndrain();', errors: [{ line: 4, column: 1 }] },
    // Without the callback, or when the promise is made whatever is passed: still a promise dropped.
    { code: 'function close(callback) {\n  if (callback === undefined) return fetch("/x");\n  callback();\n}\nclose();', errors: [{ line: 5, column: 1 }] },
    { code: 'function close(callback) {\n  if (ready) return fetch("/x");\n  callback();\n}\nclose(() => {});', errors: [{ line: 5, column: 1 }] },
    // A variadic callback-or-promise method called without a function, or one whose promise does not depend on the arguments.
    { code: 'class Emitter {\n  once(...args) {\n    const argCount = args.length;\n    if (argCount === 0 || (argCount === 1 && typeof args[0] !== "function")) {\n      return new Promise((resolve) => this.once(args[0], resolve));\n    }\n    this.listeners.push(args[args.length - 1]);\n  }\n}\nclass Connection extends Emitter {\n  connect() { this.once("details"); }\n}', errors: [{ line: 11, column: 15 }] },
    { code: 'class Emitter {\n  once(...args) {\n    if (args.length > 0) return fetch("/x");\n  }\n  go() { this.once("x", () => {}); }\n}', errors: [{ line: 5, column: 10 }] },
    { code: 'class Emitter {\n  once(...args) {\n    if (typeof args[1] !== "function") return fetch("/x");\n  }\n  go() { this.once(() => {}); }\n}', errors: [{ line: 5, column: 10 }] },
  ],
});

describe('failure/floating-promise quick fixes', () => {
  function findingsOf(code: string, options: AnalyseOptions): Finding[] {
    return visible(analyse(code, options)).filter((f) => f.ruleId === RULE);
  }

  function apply(code: string, finding: Finding, fixIndex: number): string {
    const lines = code.split('\n');
    const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
    const changes = [...finding.fixes![fixIndex].changes].sort((a, b) => offset(b.line, b.column) - offset(a.line, a.column));
    let out = code;
    for (const change of changes) out = out.slice(0, offset(change.line, change.column)) + change.newText + out.slice(offset(change.endLine, change.endColumn));
    return out;
  }

  function parses(code: string, filename: string): void {
    const file = ts.createSourceFile(filename, code, ts.ScriptTarget.Latest, true, filename.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
    assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], code);
  }

  const cases: { name: string; code: string; fix: number; title: RegExp; expected: string; options?: AnalyseOptions }[] = [
    { name: 'awaits inside an async function', code: 'async function f() {\n  fetch("/x");\n}', fix: 0, title: /^Await the promise$/, expected: 'async function f() {\n  await fetch("/x");\n}' },
    {
      name: 'handles rejections outside async functions',
      code: 'function f() {\n  fetch("/x");\n}',
      fix: 0,
      title: /^Handle rejections/,
      expected: 'function f() {\n  void fetch("/x").catch((error) => queueMicrotask(() => { throw error; }));\n}',
    },
    {
      name: 'uses the configured rejection handler',
      code: 'import { report } from "./report";\nfetch("/x");',
      fix: 0,
      title: /^Handle rejections: void ….catch\(report\)$/,
      expected: 'import { report } from "./report";\nvoid fetch("/x").catch(report);',
      options: { config: 'rules:\n  failure/floating-promise:\n    severity: warning\n    options:\n      rejectionHandler: report\n' },
    },
    { name: 'offers the void fix in async functions too', code: 'async function f() {\n  new Promise((r) => r(1));\n}', fix: 1, title: /^Handle rejections/, expected: 'async function f() {\n  void new Promise((r) => r(1)).catch((error) => queueMicrotask(() => { throw error; }));\n}' },
    { name: 'fixes each promise of a conditional statement', code: 'async function f(c: boolean) {\n  c ? fetch("/a") : fetch("/b");\n}', fix: 0, title: /^Await/, expected: 'async function f(c: boolean) {\n  c ? await fetch("/a") : await fetch("/b");\n}' },
    { name: 'parenthesises a type assertion', code: 'declare const x: unknown;\nx as Promise<void>;', fix: 0, title: /^Handle/, expected: 'declare const x: unknown;\nvoid (x as Promise<void>).catch((error) => queueMicrotask(() => { throw error; }));' },
    { name: 'awaits an async IIFE', code: 'async function f() {\n  (async () => 1)();\n}', fix: 0, title: /^Await/, expected: 'async function f() {\n  await (async () => 1)();\n}' },
    {
      name: 'awaits Promise.all over a map in an async function',
      code: 'async function f(items: string[]) {\n  items.map(async (item) => upload(item));\n}',
      fix: 0,
      title: /^Await Promise\.all\(…\)$/,
      expected: 'async function f(items: string[]) {\n  await Promise.all(items.map(async (item) => upload(item)));\n}',
    },
    {
      name: 'catches Promise.all over an array of promises outside async functions',
      code: 'declare const ps: Promise<void>[];\nps;',
      fix: 0,
      title: /^Handle rejections: void Promise\.all\(…\)\.catch\(/,
      expected: 'declare const ps: Promise<void>[];\nvoid Promise.all(ps).catch((error) => queueMicrotask(() => { throw error; }));',
    },
    {
      name: 'uses the configured rejection handler for an array of promises',
      code: 'urls.map((u) => fetch(u));',
      fix: 0,
      title: /^Handle rejections: void Promise\.all\(…\)\.catch\(report\)$/,
      expected: 'void Promise.all(urls.map((u) => fetch(u))).catch(report);',
      options: { config: 'rules:\n  failure/floating-promise:\n    severity: warning\n    options:\n      rejectionHandler: report\n' },
    },
    { name: 'keeps `as const` inside Promise.all', code: 'async function f() {\n  [fetch("/a"), fetch("/b")] as const;\n}', fix: 0, title: /^Await/, expected: 'async function f() {\n  await Promise.all([fetch("/a"), fetch("/b")] as const);\n}' },
    {
      name: 'awaits a promise and an array of promises in one statement',
      code: 'async function f(c: boolean, xs: string[]) {\n  c ? fetch("/a") : xs.map(async (x) => x);\n}',
      fix: 0,
      title: /^Await the promises$/,
      expected: 'async function f(c: boolean, xs: string[]) {\n  c ? await fetch("/a") : await Promise.all(xs.map(async (x) => x));\n}',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const options = testCase.options ?? {};
      const [finding] = findingsOf(testCase.code, options);
      assert.ok(finding?.fixes, 'a finding with fixes');
      assert.match(finding.fixes![testCase.fix].title, testCase.title);
      const fixed = apply(testCase.code, finding, testCase.fix);
      assert.equal(fixed, testCase.expected);
      parses(fixed, 'file.ts');
      assert.deepEqual(findingsOf(fixed, options), []);
    });
  }

  it('prefers await in async functions and the handler elsewhere', () => {
    const [inAsync] = findingsOf('async function f() { fetch("/x"); }', {});
    assert.deepEqual(inAsync.fixes!.map((f) => !!f.preferred), [true, false]);
    const [outside] = findingsOf('fetch("/x");', {});
    assert.deepEqual(outside.fixes!.map((f) => !!f.preferred), [true]);
  });
});
