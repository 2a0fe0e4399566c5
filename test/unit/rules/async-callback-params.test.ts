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
  ],
});
