// More failure/async-callback cases: parameter types that accept a promise (unions, unknown, arrays and
// PromiseLike results), Express apps made through require or a namespace import (and look-alikes that
// are not Express), handlers that catch their own errors, rest parameters, overloads in any order, and
// declarations in blocks and namespaces.
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('failure/async-callback', {
  valid: [
    "function run(cb: () => Promise<void> | undefined) {}\nrun(async () => {});",
    "function run(cb: () => string | Promise<void>) {}\nrun(async () => {});",
    "function run(cb: (() => void) | (() => Promise<void>)) {}\nrun(async () => {});",
    "function run(cb: () => unknown) {}\nrun(async () => {});",
    "function run(cb: () => Promise<void>[]) {}\nrun(async () => {});",
    "function run(cb: () => string | number) {}\nrun(async () => {});",
    "function run(cb: (() => PromiseLike<void>)) {}\nrun(async () => {});",
    "const express = require(name);\nconst app = express();\napp.get(\"/\", async (req, res) => { res.send(await load()); });",
    "const express = requirex(\"express\");\nconst app = express();\napp.get(\"/\", async (req, res) => { res.send(await load()); });",
    "const express = require(\"koa\");\nconst app = express();\napp.get(\"/\", async (req, res) => { res.send(await load()); });",
    "import express from \"express\";\nconst app = express;\napp.get(\"/\", async (req, res) => { res.send(await load()); });",
    "import express from \"express\";\nconst app = express();\napp.get(\"/\", async (req, res) => { try { res.send(await load()); } catch (e) { res.status(500).end(); } });",
    "import express from \"express\";\nconst app = express();\napp.listen(3000, async () => { await warm(); });",
    "function all(...cbs: Array<() => Promise<void>>) {}\nall(async () => {});",
    // Spread arguments: functions that give no promise, parameters that accept one, or not functions at all.
    "function consume(...cbs: Array<() => void>): void {}\nconst cbs = [() => true, () => 1];\nconsume(...cbs);",
    "function consume(...cbs: Array<() => Promise<void>>): void {}\nconst cbs = [async () => {}];\nconsume(...cbs);",
    "function log(...args: unknown[]): void {}\nconst cbs = [async () => {}];\nlog(...cbs);",
  ],
  invalid: [
    { code: "const express = require(\"express\");\nconst app = express();\napp.get(\"/\", async (req, res) => { res.send(await load()); });", errors: [{ line: 3, column: 14, endLine: 3, endColumn: 33 }] },
    { code: "import * as express from \"express\";\nconst app = express.default();\napp.get(\"/\", async (req, res) => { res.send(await load()); });", errors: [{ line: 3, column: 14, endLine: 3, endColumn: 33 }] },
    { code: "import { Router } from \"express\";\nconst r = Router();\nr.use(async (req, res, next) => { await x(); next(); });", errors: [{ line: 3, column: 7, endLine: 3, endColumn: 32 }] },
    { code: "function all(a: number, ...cbs: (() => void)[]) {}\nall(1, async () => {}, async () => {});", errors: [{ line: 2, column: 8, endLine: 2, endColumn: 19 }, { line: 2, column: 24, endLine: 2, endColumn: 35 }] },
    { code: "function run(cb: () => void): void;\nfunction run(cb: string): void;\nfunction run(x: unknown) {}\nrun(async () => {});", errors: [{ line: 4, column: 5, endLine: 4, endColumn: 16 }] },
    { code: "function run(cb: string): void;\nfunction run(cb: () => void): void;\nfunction run(x: unknown) {}\nrun(async () => {});", errors: [{ line: 4, column: 5, endLine: 4, endColumn: 16 }] },
    { code: "namespace N {\n  function run(cb: () => void) {}\n  run(async () => {});\n}", errors: [{ line: 3, column: 7, endLine: 3, endColumn: 18 }] },
    { code: "{\n  function run(cb: () => void) {}\n  run(async () => {});\n}", errors: [{ line: 3, column: 7, endLine: 3, endColumn: 18 }] },
    { code: "let run: (cb: () => void) => void;\nrun(async () => {});", errors: [{ line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    // An array of functions that give promises, spread into void-returning rest parameters.
    { code: "function consume(...cbs: Array<() => void>): void {}\nconst cbs: Array<() => Promise<boolean>> = [];\nconsume(...cbs);", errors: [{ line: 3, column: 9, endLine: 3, endColumn: 15, message: "Async functions spread into `consume`, whose parameters return `void`: their promises are ignored, so a rejection becomes an unhandled rejection and nothing waits for the work. Pass synchronous functions, or handle the errors inside with try/catch." }] },
    { code: "const run = (cb: () => void) => {};\nrun(...[async () => { await work(); }]);", errors: [{ line: 2, column: 5, endColumn: 39 }] },
    { code: "function consume(...cbs: (() => void)[]): void {}\nconst cbs = [() => fetch(\"/a\"), async () => {}] as const;\nconsume(...cbs);", errors: [{ line: 3, column: 9 }] },
  ],
});
