// architecture/public-api and what a module entry re-exports (checks/architecture/exported-names.ts):
// the rewrite to the public entry is offered only when the entry re-exports every imported name from the
// file (named, renamed, through an import, export *, export { default }), and not for namespace imports,
// side-effect imports, require, names the entry does not export, or export * as. Each row: the entry
// src/mods/m/index.ts, the import in src/app/use.ts, then "range fix" per finding.
import * as assert from "node:assert/strict";
import { analyse, visible } from "../../helpers/engine";

const CONFIG = "architecture:\n  publicApi:\n    - src/mods/*\n";
const IMPL = "export const a = 1;\nexport function b() {}\nexport class C {}\nexport enum E { X }\nexport type T = 1;\nexport interface I {}\nexport default 1;\nexport const { d, e: f } = o;\nexport let [g] = arr;\n";

const ROWS: [string, string, string[]][] = [
  ["export { a } from \"./impl\";\n", "import { a } from \"../mods/m/impl\";", ["1:19-35 Import from the public entry '../mods/m' \"\\\"../mods/m\\\"\""]],
  ["export * from \"./impl\";\n", "import { b, C } from \"../mods/m/impl\";", ["1:22-38 Import from the public entry '../mods/m' \"\\\"../mods/m\\\"\""]],
  ["export * from \"./impl\";\n", "import def from \"../mods/m/impl\";", ["1:17-33 "]],
  ["export { a as alias } from \"./impl\";\n", "import { a } from \"../mods/m/impl\";", ["1:19-35 "]],
  ["import { a } from \"./impl\";\nexport { a };\n", "import { a } from \"../mods/m/impl\";", ["1:19-35 Import from the public entry '../mods/m' \"\\\"../mods/m\\\"\""]],
  ["export { default } from \"./impl\";\n", "import def from \"../mods/m/impl\";", ["1:17-33 Import from the public entry '../mods/m' \"\\\"../mods/m\\\"\""]],
  ["export * as ns from \"./impl\";\n", "import { a } from \"../mods/m/impl\";", ["1:19-35 "]],
  ["export * from \"./impl\";\n", "import * as all from \"../mods/m/impl\";", ["1:22-38 "]],
  ["export * from \"./impl\";\n", "import \"../mods/m/impl\";", ["1:8-24 "]],
  ["export * from \"./impl\";\n", "const x = require(\"../mods/m/impl\");", ["1:19-35 "]],
  ["export { a } from \"./impl\";\n", "import { a, b } from \"../mods/m/impl\";", ["1:22-38 "]],
];

describe("architecture/public-api: rewrites to the entry", () => {
  ROWS.forEach(([entry, code, expected]) => {
    it(`${entry.replace(/\n/g, " ")} | ${code}`, () => {
      const files = { "src/mods/m/index.ts": entry, "src/mods/m/impl.ts": IMPL };
      const found = visible(analyse(code + "\n", { files, config: CONFIG, filename: "src/app/use.ts" })).filter((f) => f.ruleId === "architecture/public-api").map((f) => `${f.line}:${f.column}-${f.endColumn} ${(f.fixes ?? []).map((x) => x.title + " " + x.changes.map((ch) => JSON.stringify(ch.newText)).join("|")).join(" / ")}`);
      assert.deepEqual(found, expected);
    });
  });
});
