// failure/floating-promise and declared types (promise inference's type walk): intersections,
// parenthesised function types, constructor types, call signatures, property and method signatures
// (optional, quoted), classes used as types, type-only and namespace imports of clients, Promise without
// arguments, generators, declared return types, returns in nested blocks and nested functions, classes
// with their own then (method, getter), static and instance members, parameter properties, subclasses.
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('failure/floating-promise', {
  valid: [
    "declare const f: () => number;\nf();",
    "declare const C: new () => { run(): Promise<void> };\nC.run();",
    "declare const o: { (): void };\no();",
    "declare const o: { run(): Promise<void> };\no.run;",
    "declare const o: { run(): Promise<void> };\no.other();",
    "class Db { q() {} }\ndeclare const d: Db;\nd.q();",
    "declare const p: Promise<void>;\np.then(a).catch(b);",
    "declare const p: other.Pool;\np.query();",
    "import type { Pool } from \"pg\";\ndeclare const p: Pool;\np;",
    "function* g() {}\ng();",
    "function f() { return; }\nf();",
    "function f() { const g = () => { return fetch(\"/x\"); }; return 1; }\nf();",
    "class T { then(ok) { ok(); } }\nnew T().then(ok);",
    "class T { get then() { return 1; } }\nnew T().then(ok);",
    "class A { static s; }\nA.s();",
  ],
  invalid: [
    { code: "declare const o: { run(): Promise<void> } & { x: 1 };\no.run();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 8 }] },
    { code: "declare const f: (() => Promise<void>);\nf();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { code: "declare const o: { (): Promise<void> };\no();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { code: "declare const o: { run: Promise<void> };\no.run;", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 6 }] },
    { code: "declare const o: { run: Promise<void> };\no.run.then(ok);", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 15 }] },
    { code: "declare const o: { run?(): Promise<void> };\no.run();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 8 }] },
    { code: "declare const o: { \"run\"(): Promise<void> };\no.run();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 8 }] },
    { code: "class Db { async q() {} }\ndeclare const d: Db;\nd.q();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 6 }] },
    { code: "declare const p: Promise;\np;", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 2 }] },
    { code: "import type { Pool } from \"pg\";\ndeclare const p: Pool;\np.query();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 10 }] },
    { code: "import * as pg from \"pg\";\ndeclare const p: pg.Pool;\np.query();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 10 }] },
    { code: "import pg = require(\"pg\");\ndeclare const p: pg.Pool;\np.query();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 10 }] },
    { code: "function f(): Promise<void> { return g(); }\nf();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { code: "const f = () => fetch(\"/x\");\nf();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { code: "function f() { if (a) { return fetch(\"/x\"); } }\nf();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { code: "class T { then() { return fetch(\"/x\"); } }\nnew T().then(ok);", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 17 }] },
    { code: "class A { static s = async () => 1; }\nA.s();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 6 }] },
    { code: "class A { static s: () => Promise<void>; }\nA.s();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 6 }] },
    { code: "class A { p = fetch(\"/x\"); }\nnew A().p;", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10 }] },
    { code: "class A { p: Promise<void>; }\nnew A().p.then(ok);", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 19 }] },
    { code: "class A { constructor(public db: { q(): Promise<void> }) {} }\nnew A(x).db.q();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 16 }] },
    { code: "class B extends A {}\nclass A { async run() {} }\nnew B().run();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 14 }] },
  ],
});
