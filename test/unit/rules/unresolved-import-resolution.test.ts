// Module resolution as the architecture rules see it (checks/architecture/module-resolver.ts,
// tsconfig.ts, package-json.ts), checked through the file each import resolves to: relative paths with
// and without extensions (.js for .ts/.tsx, .mjs for .mts), folders and index files, JSON and .d.ts,
// tsconfig paths (wildcards, several targets, exact, baseUrl, paths overridden by a config that
// extends another), package.json "imports" (exact, wildcard, conditions), workspace packages (exports
// with conditions, subpaths and wildcards, main), and what stays unresolved. Each row: the specifier
// imported by src/domain/order.ts, then the architecture findings.
import * as assert from "node:assert/strict";
import { analyse, visible } from "../../helpers/engine";

const FILES: Record<string, string> = {
  "tsconfig.json": "{\"extends\":\"./tsconfig.base.json\",\"compilerOptions\":{\"baseUrl\":\".\",\"paths\":{\"@infra/*\":[\"src/infra/*\"],\"@multi/*\":[\"src/none/*\",\"src/infra/*\"],\"~/*\":[\"./src/*\"],\"exact\":[\"src/infra/db.ts\"]}}}",
  "tsconfig.base.json": "{\"compilerOptions\":{\"paths\":{\"@base/*\":[\"src/infra/*\"]}}}",
  "package.json": "{\"name\":\"svc\",\"imports\":{\"#db\":\"./src/infra/db.ts\",\"#lib/*\":\"./src/infra/lib/*.ts\",\"#cond\":{\"node\":\"./src/infra/db.ts\",\"default\":\"./src/infra/legacy.js\"}},\"workspaces\":[\"packages/*\"]}",
  "packages/util/package.json": "{\"name\":\"@acme/util\",\"exports\":{\".\":{\"types\":\"./src/index.ts\",\"import\":\"./src/index.ts\",\"require\":\"./dist/index.js\"},\"./sub\":\"./src/sub.ts\",\"./feature/*\":\"./src/features/*.ts\"}}",
  "packages/util/src/index.ts": "export const u = 1;\n",
  "packages/util/src/sub.ts": "export const s = 1;\n",
  "packages/util/src/features/a.ts": "export const a = 1;\n",
  "packages/old/package.json": "{\"name\":\"old-lib\",\"main\":\"lib/main.js\",\"types\":\"lib/main.d.ts\"}",
  "packages/old/lib/main.js": "module.exports = 1;\n",
  "src/infra/db.ts": "export const db = 1;\n",
  "src/infra/lib/x.ts": "export const x = 1;\n",
  "src/infra/index.ts": "export const i = 1;\n",
  "src/infra/comp.tsx": "export const C = 1;\n",
  "src/infra/legacy.js": "module.exports = 1;\n",
  "src/infra/mod.mts": "export const m = 1;\n",
  "src/infra/data.json": "{}\n",
  "src/infra/types.d.ts": "export type T = 1;\n",
  "src/infra/folder/index.js": "module.exports = 1;\n",
  "src/infra/pkgdir/package.json": "{\"main\":\"./entry.js\"}",
  "src/infra/pkgdir/entry.js": "module.exports = 1;\n"
};
const CONFIG = "architecture:\n  layers:\n    domain: src/domain/**\n    infra: [src/infra/**, packages/**]\n  constraints:\n    - layer: domain\n      mayImport: []\n";

const ROWS: [string, string[]][] = [
  ["../infra/db", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["../infra/db.js", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["../infra", ["architecture/layer-import domain must not import infra (src/infra/index.ts)."]],
  ["../infra/", ["architecture/layer-import domain must not import infra (src/infra/index.ts)."]],
  ["../infra/index", ["architecture/layer-import domain must not import infra (src/infra/index.ts)."]],
  ["../infra/comp", ["architecture/layer-import domain must not import infra (src/infra/comp.tsx)."]],
  ["../infra/comp.js", ["architecture/layer-import domain must not import infra (src/infra/comp.tsx)."]],
  ["../infra/legacy", ["architecture/layer-import domain must not import infra (src/infra/legacy.js)."]],
  ["../infra/mod.mjs", ["architecture/layer-import domain must not import infra (src/infra/mod.mts)."]],
  ["../infra/data.json", ["architecture/layer-import domain must not import infra (src/infra/data.json)."]],
  ["../infra/types", ["architecture/layer-import domain must not import infra (src/infra/types.d.ts)."]],
  ["../infra/folder", ["architecture/layer-import domain must not import infra (src/infra/folder/index.js)."]],
  ["@infra/db", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["@multi/db", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["~/infra/db", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["src/infra/db", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["exact", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["@base/db", []],
  ["#db", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["#lib/x", ["architecture/layer-import domain must not import infra (src/infra/lib/x.ts)."]],
  ["#cond", ["architecture/layer-import domain must not import infra (src/infra/db.ts)."]],
  ["@acme/util", ["architecture/layer-import domain must not import infra (packages/util/src/index.ts)."]],
  ["@acme/util/sub", ["architecture/layer-import domain must not import infra (packages/util/src/sub.ts)."]],
  ["@acme/util/feature/a", ["architecture/layer-import domain must not import infra (packages/util/src/features/a.ts)."]],
  ["@acme/util/missing", ["architecture/layer-import domain must not import infra (packages/util/missing).","architecture/unresolved-import Cannot resolve '@acme/util/missing': workspace package '@acme/util' has no source file for '@acme/util/missing'. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported."]],
  ["old-lib", ["architecture/layer-import domain must not import infra (packages/old/lib/main.js)."]],
  ["../infra/nothing", ["architecture/layer-import domain must not import infra (src/infra/nothing).","architecture/unresolved-import Cannot resolve '../infra/nothing': no file matches this path. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported."]],
  ["#nope", ["architecture/unresolved-import Cannot resolve '#nope': no package.json \"imports\" entry matches '#nope'. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported."]],
  ["@infra/nothing", ["architecture/layer-import domain must not import infra (src/infra/nothing).","architecture/unresolved-import Cannot resolve '@infra/nothing': the tsconfig alias '@infra/*' matches no file. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported."]],
  ["zod", []],
  ["node:fs", []],
];

describe("architecture: module resolution", () => {
  ROWS.forEach(([specifier, expected]) => {
    it(specifier, () => {
      const found = visible(analyse(`import x from "${specifier}";\n`, { files: FILES, config: CONFIG, filename: "src/domain/order.ts" })).filter((f) => f.family === "architecture").map((f) => `${f.ruleId} ${f.message}`);
      assert.deepEqual(found, expected);
    });
  });
});
