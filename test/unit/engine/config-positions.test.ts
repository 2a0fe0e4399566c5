// shipshape.yml problems exactly: severity, the full range (line, column, end line, end column) and the
// message, for schema errors (wrong values, types, unknown keys, required keys, bounds), semantic
// problems (unknown layers, mayImport with mustNotImport, independent without a capture, RE2-invalid
// regexes), unknown rules, and invalid YAML (syntax, duplicate keys).
import * as assert from "node:assert/strict";
import { parseConfigText } from "../../../server/src/engine/index";
import { engine } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["rules:\n  failure/empty-catch: loud\n", ["error 2:24-2:28 rules.failure/empty-catch: must be equal to one of the allowed values"]],
  ["rules:\n  failure/empty-catch: [warning]\n", ["error 2:24-2:33 rules.failure/empty-catch: must be equal to one of the allowed values"]],
  ["rules: 5\n", ["error 1:8-1:9 rules: must be object"]],
  ["bogus: 1\nrules: {}\n", ["error 1:1-1:6 must NOT have additional properties 'bogus'"]],
  ["rules:\n  failure/nope: warning\n", ["warning 2:3-2:15 Unknown rule 'failure/nope': this setting has no effect."]],
  ["rules:\n  nope/*: warning\n", []],
  ["limits:\n  maxFileSizeKB: -1\n", ["error 2:18-2:20 limits.maxFileSizeKB: must be > 0"]],
  ["limits:\n  maxFileSizeKB: big\n  extra: 1\n", ["error 3:3-3:8 limits: must NOT have additional properties 'extra'","error 2:18-2:21 limits.maxFileSizeKB: must be number"]],
  ["ignore: src/**\n", ["error 1:9-1:15 ignore: must be array"]],
  ["ignore:\n  - 5\n", ["error 2:5-2:6 ignore.0: must be string"]],
  ["architecture:\n  layers:\n    domain: src/domain/**\n  constraints:\n    - layer: app\n      mayImport: [domain]\n", ["error 5:14-5:17 Unknown layer 'app': declare it under architecture.layers."]],
  ["architecture:\n  layers:\n    domain: src/domain/**\n  constraints:\n    - layer: domain\n      mayImport: [app]\n      mustNotImport: [web]\n", ["error 6:19-6:22 Unknown layer 'app' in mayImport.","error 7:23-7:26 Unknown layer 'web' in mustNotImport.","warning 7:7-7:20 Both mayImport and mustNotImport are set: mayImport already denies every layer it does not list."]],
  ["architecture:\n  layers:\n    domain: src/domain/**\n  constraints:\n    - layer: domain\n      independent: true\n", ["warning 6:7-6:18 independent has no effect: layer 'domain' has no {name} capture in its globs, so it has no instances to keep apart."]],
  ["architecture:\n  layers:\n    domain: [src/a/**, src/b/**]\n  constraints:\n    - layer: domain\n      mayImport: []\n      mustNotImport: [domain]\n", ["warning 7:7-7:20 Both mayImport and mustNotImport are set: mayImport already denies every layer it does not list."]],
  ["architecture:\n  layers:\n    domain: src/domain/**\n  constraints:\n    - mayImport: []\n", ["error 5:7-5:8 architecture.constraints.0: must have required property 'layer'"]],
  ["architecture:\n  cycles: sometimes\n", ["error 2:11-2:20 architecture.cycles: must be equal to one of the allowed values"]],
  ["secrets:\n  custom:\n    - id: x\n      regex: \"(?<=a)b\"\n", ["error 4:14-4:23 Invalid regex for RE2 (the linear-time engine custom rules run in): error parsing regexp: invalid named capture: `(?<=a)b`"]],
  ["secrets:\n  custom:\n    - id: x\n      regex: 5\n", ["error 4:14-4:15 secrets.custom.0.regex: must be string"]],
  ["secrets:\n  allow:\n    paths: src/**\n", ["error 3:12-3:18 secrets.allow.paths: must be array"]],
  ["gates:\n  maxErrors: -2\n", ["error 2:14-2:16 gates.maxErrors: must be >= 0"]],
  ["key: [unclosed\n", ["error 2:1-2:2 Invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:"]],
  ["a: 1\na: 2\n", ["error 2:1-2:2 Invalid YAML: Map keys must be unique at line 2, column 1:"]],
  ["- just\n- a list\n", ["error 1:1-1:2 must be object"]],
  ["rules:\n  \"failure/empty-catch\": off\n  secrets/*: error\n", []],
  ["# only a comment\n", []],
  ["rules:\n  failure/empty-catch: warning\n  failure/empty-catch: error\n", ["error 3:3-3:4 Invalid YAML: Map keys must be unique at line 3, column 3:"]],
];

describe("config problems, exact positions", () => {
  const knownRuleIds = new Set(engine.rules.map((r) => r.id));
  ROWS.forEach(([text, expected], index) => {
    it(`#${index}: ${text.replace(/\n/g, " ").slice(0, 70)}`, () => {
      const problems = parseConfigText(text, { knownRuleIds }).problems.map((p) => `${p.severity} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message}`);
      assert.deepEqual(problems, expected);
    });
  });
});
