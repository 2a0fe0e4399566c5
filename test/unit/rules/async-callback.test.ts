import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/async-callback';
const FOR_EACH =
  'Async callback passed to `forEach`, which ignores the promise it returns: `forEach` returns before the work is done and a rejection becomes an unhandled rejection (Node exits on it; a browser only logs it). Use `for … of` with `await`, or `await Promise.all(items.map(…))`.';
const EXPRESS_APP = 'import express from "express";\nconst app = express();\n';

ruleTable(RULE, {
  valid: [
    'items.forEach((item) => console.log(item));',
    'for (const item of items) { await save(item); }',
    'await Promise.all(items.map(async (item) => save(item)));',
    'setTimeout(() => tick(), 10);',
    'new Promise((resolve) => resolve(1));',
    'emitter.on("job", async (job) => {\n  try {\n    await run(job);\n  } catch (error) {\n    log(error);\n  }\n});',
    'emitter.on("job", async (job) => run(job).catch(log));',
    'emitter.on("job", async (job) => {\n  await run(job).catch(log);\n});',
    'setInterval(async () => {\n  try { await poll(); } catch (e) { report(e); } finally { done(); }\n}, 1000);',
    'const setTimeout = (f: () => Promise<void>) => f();\nsetTimeout(async () => {});',
    // Statements that cannot throw (plain assignments, an `if` on a plain condition) around the try do not let it reject.
    'setTimeout(async () => {\n  timer = null;\n  if (closing) {\n    reconnecting = false;\n    return;\n  }\n  try {\n    await reconnect();\n  } catch (error) {\n    reconnecting = false;\n    schedule(error);\n  }\n}, delay);',
    // Koa and unknown routers await their handlers.
    'import Koa from "koa";\nconst app = new Koa();\napp.use(async (ctx, next) => { await next(); });',
    'router.get("/", async (req, res) => { res.send(await load()); });',
    // Express 5 forwards rejections to the error handler.
    { code: `${EXPRESS_APP}app.get("/", async (req, res) => { res.send(await load()); });`, files: { 'package.json': '{"dependencies":{"express":"^5.1.0"}}' } },
    'function run(cb: () => Promise<void>) {}\nrun(async () => {});',
    'declare function consume(cb: () => unknown): void;\nconsume(async () => {});',
    'const ok = items.filter((item) => item.ready);',
    'const f: () => Promise<void> = async () => {};',
    'type O = { f: () => Promise<void> };\nconst o: O = { f: async () => {} };',
    'class Base { run(): void {} }\nclass Child extends Base { static async run(): Promise<void> {} }',
    'interface It { (name: string, cb: () => Promise<void>): void; (name: string, cb: () => void): void }\ndeclare const it: It;\nit("x", async () => {});',
    'async function f() { await using c = { async [Symbol.asyncDispose]() {} }; }',
    // An element's handler that handles its own errors; a component's prop we know nothing of; not a handler.
    { code: 'const b = <button onClick={async () => {\n  try { await save(); } catch (error) { show(error); }\n}} />;', filename: 'src/a.tsx' },
    { code: 'const b = <Button onClick={async () => { await save(); }} />;', filename: 'src/a.tsx' },
    { code: 'const b = <div ref={async () => { await save(); }} />;', filename: 'src/a.tsx' },
    { code: 'const b = <button onClick={() => setOpen(true)} />;', filename: 'src/a.tsx' },
    // An effect that starts async work and handles it; a hook of the same name that is not React's.
    'import { useEffect } from "react";\nuseEffect(() => {\n  load().then(setOrders).catch(report);\n}, []);',
    'function useEffect(effect: () => Promise<void>) {}\nuseEffect(async () => {});',
    'import { useCallback } from "react";\nconst save = useCallback(async () => { await post(); }, []);',
  ],
  invalid: [
    { code: 'items.forEach(async (item) => {\n  await save(item);\n});', errors: [{ line: 1, column: 15, endLine: 1, endColumn: 30, message: FOR_EACH }] },
    { code: 'async function save(x) {}\nitems.forEach(save);', errors: [{ line: 2, column: 15, endColumn: 19, message: FOR_EACH }] },
    { code: 'items.forEach((item) => fetch(item));', errors: [{ line: 1, column: 15 }] },
    { code: 'setTimeout(async () => { await poll(); }, 10);', errors: [{ line: 1, column: 12, message: /^Async callback passed to `setTimeout`/ }] },
    { code: 'window.setInterval(async function () { await poll(); }, 10);', errors: [{ line: 1, column: 20, message: /`setInterval`/ }] },
    { code: 'queueMicrotask(async () => { await poll(); });', errors: [{ line: 1, column: 16 }] },
    { code: 'process.nextTick(async () => { await poll(); });', errors: [{ line: 1, column: 18 }] },
    { code: 'emitter.on("job", async (job) => { await run(job); });', errors: [{ line: 1, column: 19, message: /^Async listener passed to `\.on\(…\)`/ }] },
    { code: 'button.addEventListener("click", async () => { await save(); });', errors: [{ line: 1, column: 34 }] },
    { code: 'new Promise(async (resolve) => { resolve(await load()); });', errors: [{ line: 1, column: 13, message: /^Async executor in `new Promise\(async …\)`/ }] },
    // A catch that rethrows handles nothing.
    { code: 'emitter.once("x", async () => {\n  try { await run(); } catch (e) { throw e; }\n});', errors: [{ line: 1, column: 19 }] },
    // Statements outside the try still reject.
    { code: 'emitter.on("x", async () => {\n  await prepare();\n  try { await run(); } catch (e) { log(e); }\n});', errors: [{ line: 1, column: 17 }] },
    { code: `${EXPRESS_APP}app.get("/", async (req, res) => { res.send(await load()); });`, errors: [{ line: 3, column: 14, message: /^Async route handler passed to `\.get\(…\)`: Express 4/ }] },
    { code: 'const express = require("express");\nconst router = express.Router();\nrouter.post("/", auth, async (req, res) => { res.json(await save()); });', filename: 'src/a.js', errors: [{ line: 3, column: 24 }] },
    { code: `${EXPRESS_APP}app.get("/", async (req, res) => { res.send(await load()); });`, files: { 'package.json': '{"dependencies":{"express":"4.19.2"}}' }, errors: [{ line: 3, column: 14 }] },
    { code: 'function run(cb: () => void) { cb(); }\nrun(async () => { await work(); });', errors: [{ line: 2, column: 5, message: /^Async callback passed to `run`, whose parameter returns `void`/ }] },
    { code: 'function all(...cbs: Array<() => void>) {}\nall(() => {}, async () => {});', errors: [{ line: 2, column: 15 }] },
    { code: 'const ready = items.filter(async (item) => item.ready);', errors: [{ line: 1, column: 28, message: /^Async callback passed to `filter`, which tests what it returns: a promise is always truthy/ }] },
    { code: 'const f: () => void = async () => {\n  await work();\n};', errors: [{ line: 1, column: 23, message: /^Async function used as `f`, which is declared to return `void`/ }] },
    { code: 'let f: () => void;\nf = async () => {};', errors: [{ line: 2, column: 5 }] },
    { code: 'type O = { f: () => void };\nconst o: O = { async f() {} };', errors: [{ line: 2, column: 16 }] },
    { code: 'type R = () => Record<string, () => void>;\nconst make: R = () => {\n  return { run: async () => {} };\n};', errors: [{ line: 3, column: 17 }] },
    { code: 'function f(): () => void {\n  return async () => {};\n}', errors: [{ line: 2, column: 10 }] },
    { code: 'type P = { onSave: () => void };\nconst Form = (props: P) => null;\nconst x = <Form onSave={async () => {}} />;', filename: 'src/a.tsx', errors: [{ line: 3, column: 25 }] },
    {
      code: 'export const Save = () => <button onClick={async () => {\n  await save();\n}}>Save</button>;',
      filename: 'src/a.tsx',
      errors: [{ line: 1, column: 44, endColumn: 55, message: 'Async event handler passed as `<button onClick>`: the browser and React ignore the promise a handler returns, so if it rejects the error is lost (an unhandled rejection in the console) and the user sees nothing. Catch errors inside the handler and show or report them.' }],
    },
    { code: 'async function submit() {}\nconst f = <form onSubmit={submit} />;', filename: 'src/a.tsx', errors: [{ line: 2, column: 27, endColumn: 33, message: /^Async event handler passed as `<form onSubmit>`/ }] },
    {
      code: 'import { useEffect } from "react";\nexport function Orders() {\n  useEffect(async () => {\n    setOrders(await load());\n  }, []);\n  return null;\n}',
      errors: [{ line: 3, column: 13, endColumn: 24, message: 'Async function passed to `useEffect`: React expects an effect to return nothing or a cleanup function, so the promise is dropped: a rejection is unhandled, nothing waits for the work, and a cleanup it resolves to never runs (subscriptions and timers leak). Define an async function inside the effect, call it, and handle its errors there.' }],
    },
    // Even when it handles its errors, an async effect returns a promise where React wants a cleanup.
    { code: 'import React from "react";\nReact.useEffect(async () => {\n  try { await load(); } catch (error) { report(error); }\n});', errors: [{ line: 2, column: 17, message: /^Async function passed to `React\.useEffect`/ }] },
    { code: 'import { useLayoutEffect as useLayout } from "preact/hooks";\nuseLayout(async () => { await measure(); });', errors: [{ line: 2, column: 11, message: /^Async function passed to `useLayoutEffect`/ }] },
    { code: 'class Base { run(): void {} }\nclass Child extends Base {\n  async run() { await work(); }\n}', errors: [{ line: 3, column: 9, endColumn: 12, message: /^This member returns a promise but overrides `Base\.run`, declared to return `void`/ }] },
    { code: 'interface Job { run(): void }\nclass Nightly implements Job {\n  async run(): Promise<void> {}\n}', errors: [{ line: 3, column: 9 }] },
    { code: 'interface It { (name: string, cb: () => void): void }\ndeclare const it: It;\nit("x", async () => {});', errors: [{ line: 3, column: 9 }] },
    { code: 'declare const use: <T extends (...a: unknown[]) => unknown>(fn: T) => T;\ntype V = () => void;\nuse<V>(async () => {});', errors: [{ line: 3, column: 8 }] },
    { code: 'using c = {\n  async [Symbol.dispose]() {},\n};', errors: [{ line: 2, column: 3 }] },
    { code: 'setTimeout(async () => {\n  timer = next();\n  try {\n    await reconnect();\n  } catch (error) {\n    schedule(error);\n  }\n}, delay);', errors: [{ line: 1, column: 12 }] },
    // A body with nothing to fail is not one that handles its failures: still an async function in a void slot.
    { code: 'let f: () => void;\nf = async () => { return 3; };', errors: [{ line: 2, column: 5 }] },
    { code: 'import { save } from "./orders";\nitems.forEach(save);', files: { 'src/orders.ts': 'export async function save(x: unknown) {}\n' }, errors: [{ line: 2, column: 15 }] },
  ],
});
