// Layer globs with {name} captures (checks/architecture/layers.ts), through architecture/layer-import:
// a capture as a whole segment, after a wildcard segment, after **/, two captures in one glob, brace
// alternatives (not a capture) and ? wildcards; instances of an independent layer may not import each
// other, a file may import its own instance. Each row: the importing file, the specifier, the findings.
import * as assert from "node:assert/strict";
import { analyse, visible } from "../../helpers/engine";

const CONFIG = "architecture:\n  layers:\n    plugin: \"plugins/{plugin}/**\"\n    app: \"apps/{app}/src/**\"\n    lib: \"libs/*/{lib}/**\"\n    feature: \"**/features/{feature}/**\"\n    shared: \"src/{core,util}/**\"\n    one: \"src/?/**\"\n    deep: \"deep/{a}/x/{b}/**\"\n  constraints:\n    - layer: plugin\n      independent: true\n    - layer: app\n      independent: true\n    - layer: lib\n      independent: true\n    - layer: feature\n      independent: true\n    - layer: deep\n      independent: true\n    - layer: shared\n      mustNotImport: [one]\n";
const FILES: Record<string, string> = {"plugins/a/x.ts":"","plugins/b/y.ts":"","apps/web/src/a.ts":"","apps/api/src/b.ts":"","libs/g1/one/a.ts":"","libs/g2/two/b.ts":"","libs/g1/two/c.ts":"","x/features/login/a.ts":"","y/features/cart/b.ts":"","src/core/a.ts":"","src/util/b.ts":"","src/q/c.ts":"","src/qq/d.ts":"","deep/1/x/2/a.ts":"","deep/1/x/3/b.ts":"","deep/1/x/2/c.ts":""};

const ROWS: [string, string, string[]][] = [
  ["plugins/a/main.ts", "../b/y", ["architecture/layer-import plugin:a must not import plugin:b (plugins/b/y.ts)."]],
  ["plugins/a/main.ts", "./x", []],
  ["apps/web/src/main.ts", "../../api/src/b", ["architecture/layer-import app:web must not import app:api (apps/api/src/b.ts)."]],
  ["apps/web/src/main.ts", "./a", []],
  ["libs/g1/one/main.ts", "../../g2/two/b", ["architecture/layer-import lib:one must not import lib:two (libs/g2/two/b.ts)."]],
  ["libs/g1/one/main.ts", "../two/c", ["architecture/layer-import lib:one must not import lib:two (libs/g1/two/c.ts)."]],
  ["libs/g1/one/main.ts", "./a", []],
  ["x/features/login/main.ts", "../../../y/features/cart/b", ["architecture/layer-import feature:login must not import feature:cart (y/features/cart/b.ts)."]],
  ["x/features/login/main.ts", "./a", []],
  ["src/core/main.ts", "../q/c", ["architecture/layer-import shared must not import one (src/q/c.ts)."]],
  ["src/core/main.ts", "../qq/d", []],
  ["src/util/main.ts", "../q/c", ["architecture/layer-import shared must not import one (src/q/c.ts)."]],
  ["deep/1/x/2/main.ts", "../3/b", ["architecture/layer-import deep:1/2 must not import deep:1/3 (deep/1/x/3/b.ts)."]],
  ["deep/1/x/2/main.ts", "./c", []],
];

describe("architecture layers with captures", () => {
  ROWS.forEach(([filename, specifier, expected]) => {
    it(`${filename} imports ${specifier}`, () => {
      const found = visible(analyse(`import x from "${specifier}";\n`, { files: FILES, config: CONFIG, filename })).filter((f) => f.family === "architecture").map((f) => `${f.ruleId} ${f.message}`);
      assert.deepEqual(found, expected);
    });
  });
});
