// The scanner pass (used to index every workspace file) must find exactly what the syntax tree finds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findModuleReferences } from '../../../server/src/checks/architecture/imports';
import { scanModuleReferences } from '../../../server/src/checks/architecture/scan-imports';
import { parseScript } from '../../../server/src/engine/parse-ts';

const TRICKY = [
  'import a from "a";\nimport * as b from "b";\nimport { c, type C } from "c";\nimport type { D } from "d";\nimport { type E } from "e";',
  'import type from "default-named-type";\nimport type, { x } from "default-type-and-named";\nimport {} from "empty-braces";',
  'import "side-effect";\nimport json from "./data.json" with { type: "json" };',
  'export * from "star";\nexport * as ns from "star-ns";\nexport type * from "type-star";\nexport { a } from "named";\nexport type { T } from "type-named";\nexport { type U, type V } from "all-type";\nexport { x };',
  'import fs = require("fs");\nimport type T = require("t");\nexport import e = require("e");\nimport N = Foo.Bar;',
  'const a = require("r1");\nconst b = await import("d1");\nimport("d2").then((m) => m);\nconst c = obj.require("not");\nconst d = obj.import;',
  'type A = import("type-ref").A;\nlet b: typeof import("type-query");\nconst c: import("t2").X.Y<Z> = 1;',
  'const t = `template ${require("in-template")} and ${`nested ${import("nested")}`}`;\nconst re = /import("not-regex")/g;\nconst s = "require(\\"not-string\\")";',
  '// import x from "comment";\n/* require("block") */\nconst d = a / b / require("after-division");\nif (x) { y = /re"g/.test(z); } import("after-regex");',
  'declare module "ambient" { import { X } from "inside-ambient"; export { X }; }',
  'const o = { import: 1, require: 2 }; class K { require() { return import.meta.url; } }\nfunction require(x) {}',
  'export default function f() {}\nexport const x = require("in-export-const");\nexport async function g() { return import("in-function"); }',
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('scanner import extraction', () => {
  TRICKY.forEach((code, i) => {
    it(`agrees with the syntax tree on tricky case #${i}`, () => {
      assert.deepEqual(scanModuleReferences(code), findModuleReferences(parseScript('x.ts', code)));
    });
  });

  it('agrees with the syntax tree on every source file of this repository', () => {
    const root = path.resolve(__dirname, '../../..');
    const files = [...sourceFiles(path.join(root, 'server/src')), ...sourceFiles(path.join(root, 'test')), ...sourceFiles(path.join(root, 'scripts'))];
    assert.ok(files.length > 50);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(scanModuleReferences(text), findModuleReferences(parseScript(file, text)), file);
    }
  });

  it('classifies type-only references', () => {
    const byName = Object.fromEntries(scanModuleReferences(TRICKY[0] + '\n' + TRICKY[1] + '\n' + TRICKY[3] + '\n' + TRICKY[6]).map((r) => [r.specifier, r.typeOnly]));
    assert.deepEqual(byName, {
      a: false, b: false, c: false, d: true, e: true,
      'default-named-type': false, 'default-type-and-named': false, 'empty-braces': false,
      star: false, 'star-ns': false, 'type-star': true, named: false, 'type-named': true, 'all-type': true,
      'type-ref': true, 'type-query': true, t2: true,
    });
  });
});
