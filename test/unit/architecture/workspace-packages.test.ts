// Workspace packages and their package.json (checks/architecture/package-json.ts), seen through the file
// an import of a package resolves to: workspaces as a list or a { packages } object, ** globs,
// pnpm-workspace.yaml (and a broken one), node_modules and hidden folders skipped, exports as a string,
// an array of fallbacks, nested conditions, null entries, * patterns (the longest prefix wins), main,
// module and types, and subpaths a package does not expose. Each row: files, specifier, findings for
// src/domain/order.ts importing it.
import * as assert from "node:assert/strict";
import { analyse, visible } from "../../helpers/engine";

const CONFIG = "architecture:\n  layers:\n    domain: src/domain/**\n    pkgs: [packages/**, libs/**, tools/**]\n  constraints:\n    - layer: domain\n      mayImport: []\n";

const ROWS: [Record<string, string>, string, string[]][] = [
  [{"package.json":"{\"name\":\"root\",\"workspaces\":{\"packages\":[\"packages/*\"]}}","packages/a/package.json":"{\"name\":\"@x/a\",\"exports\":\"./src/i.ts\"}","packages/a/src/i.ts":""}, "@x/a", ["architecture/layer-import domain must not import pkgs (packages/a/src/i.ts)."]],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":{\"packages\":[\"packages/*\"]}}","packages/a/package.json":"{\"name\":\"@x/a\",\"exports\":\"./src/i.ts\"}","packages/a/src/i.ts":""}, "@x/a/other", ["architecture/layer-import domain must not import pkgs (packages/a/other).","architecture/unresolved-import Cannot resolve '@x/a/other': workspace package '@x/a' has no source file for '@x/a/other'. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported."]],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"libs/**\"]}","libs/group/b/package.json":"{\"name\":\"@x/b\",\"exports\":[\"./src/missing.ts\",\"./src/i.ts\"]}","libs/group/b/src/i.ts":""}, "@x/b", ["architecture/layer-import domain must not import pkgs (libs/group/b/src/i.ts)."]],
  [{"package.json":"{\"name\":\"root\"}","pnpm-workspace.yaml":"packages:\n  - tools/*\n  - 5\n","tools/c/package.json":"{\"name\":\"@x/c\",\"exports\":{\".\":{\"node\":{\"import\":\"./src/n.ts\"},\"default\":\"./src/d.ts\"},\"./null\":null,\"./lib/*\":\"./src/lib/*.ts\",\"./lib/private/*\":null}}","tools/c/src/n.ts":"","tools/c/src/d.ts":"","tools/c/src/lib/u.ts":"","tools/c/src/lib/private/p.ts":""}, "@x/c", ["architecture/layer-import domain must not import pkgs (tools/c/src/n.ts)."]],
  [{"package.json":"{\"name\":\"root\"}","pnpm-workspace.yaml":"packages:\n  - tools/*\n  - 5\n","tools/c/package.json":"{\"name\":\"@x/c\",\"exports\":{\".\":{\"node\":{\"import\":\"./src/n.ts\"},\"default\":\"./src/d.ts\"},\"./null\":null,\"./lib/*\":\"./src/lib/*.ts\",\"./lib/private/*\":null}}","tools/c/src/n.ts":"","tools/c/src/d.ts":"","tools/c/src/lib/u.ts":"","tools/c/src/lib/private/p.ts":""}, "@x/c/null", ["architecture/layer-import domain must not import pkgs (tools/c/null).","architecture/unresolved-import Cannot resolve '@x/c/null': workspace package '@x/c' has no source file for '@x/c/null'. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported."]],
  [{"package.json":"{\"name\":\"root\"}","pnpm-workspace.yaml":"packages:\n  - tools/*\n  - 5\n","tools/c/package.json":"{\"name\":\"@x/c\",\"exports\":{\".\":{\"node\":{\"import\":\"./src/n.ts\"},\"default\":\"./src/d.ts\"},\"./null\":null,\"./lib/*\":\"./src/lib/*.ts\",\"./lib/private/*\":null}}","tools/c/src/n.ts":"","tools/c/src/d.ts":"","tools/c/src/lib/u.ts":"","tools/c/src/lib/private/p.ts":""}, "@x/c/lib/u", ["architecture/layer-import domain must not import pkgs (tools/c/src/lib/u.ts)."]],
  [{"package.json":"{\"name\":\"root\"}","pnpm-workspace.yaml":"packages:\n  - tools/*\n  - 5\n","tools/c/package.json":"{\"name\":\"@x/c\",\"exports\":{\".\":{\"node\":{\"import\":\"./src/n.ts\"},\"default\":\"./src/d.ts\"},\"./null\":null,\"./lib/*\":\"./src/lib/*.ts\",\"./lib/private/*\":null}}","tools/c/src/n.ts":"","tools/c/src/d.ts":"","tools/c/src/lib/u.ts":"","tools/c/src/lib/private/p.ts":""}, "@x/c/lib/private/p", ["architecture/layer-import domain must not import pkgs (tools/c/lib/private/p).","architecture/unresolved-import Cannot resolve '@x/c/lib/private/p': workspace package '@x/c' has no source file for '@x/c/lib/private/p'. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported."]],
  [{"package.json":"{\"name\":\"root\"}","pnpm-workspace.yaml":"packages: [\n","tools/d/package.json":"{\"name\":\"@x/d\",\"main\":\"./main.ts\"}","tools/d/main.ts":""}, "@x/d", []],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}","packages/e/package.json":"{\"name\":\"@x/e\",\"module\":\"./esm/index.ts\",\"types\":\"./types/index.d.ts\"}","packages/e/esm/index.ts":"","packages/e/types/index.d.ts":""}, "@x/e", ["architecture/layer-import domain must not import pkgs (packages/e/types/index.d.ts)."]],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}","packages/f/package.json":"{\"name\":\"@x/f\"}","packages/f/index.ts":"","packages/node_modules/g/package.json":"{\"name\":\"@x/g\"}","packages/.hidden/package.json":"{\"name\":\"@x/h\"}"}, "@x/f", ["architecture/layer-import domain must not import pkgs (packages/f/index.ts)."]],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}","packages/f/package.json":"{\"name\":\"@x/f\"}","packages/f/index.ts":"","packages/node_modules/g/package.json":"{\"name\":\"@x/g\"}","packages/.hidden/package.json":"{\"name\":\"@x/h\"}"}, "@x/g", []],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}","packages/f/package.json":"{\"name\":\"@x/f\"}","packages/f/index.ts":"","packages/node_modules/g/package.json":"{\"name\":\"@x/g\"}","packages/.hidden/package.json":"{\"name\":\"@x/h\"}"}, "@x/h", []],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}","packages/k/package.json":"{\"name\":\"@x/k\",\"exports\":{\"import\":\"./src/i.ts\",\"require\":\"./dist/i.js\"}}","packages/k/src/i.ts":""}, "@x/k", ["architecture/layer-import domain must not import pkgs (packages/k/src/i.ts)."]],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}","packages/m/package.json":"{\"name\":\"@x/m\",\"exports\":{\"./*\":\"./src/*.ts\",\"./a/*\":\"./src/special/*.ts\"}}","packages/m/src/one.ts":"","packages/m/src/special/two.ts":""}, "@x/m/one", ["architecture/layer-import domain must not import pkgs (packages/m/src/one.ts)."]],
  [{"package.json":"{\"name\":\"root\",\"workspaces\":[\"packages/*\"]}","packages/m/package.json":"{\"name\":\"@x/m\",\"exports\":{\"./*\":\"./src/*.ts\",\"./a/*\":\"./src/special/*.ts\"}}","packages/m/src/one.ts":"","packages/m/src/special/two.ts":""}, "@x/m/a/two", ["architecture/layer-import domain must not import pkgs (packages/m/src/special/two.ts)."]],
];

describe("architecture: workspace packages", () => {
  ROWS.forEach(([files, specifier, expected]) => {
    it(specifier, () => {
      const found = visible(analyse(`import x from "${specifier}";\n`, { files, config: CONFIG, filename: "src/domain/order.ts" })).filter((f) => f.family === "architecture").map((f) => `${f.ruleId} ${f.message}`);
      assert.deepEqual(found, expected);
    });
  });
});
