// failure/floating-promise and name lookup (checks/failure/support/scope.ts): an async function shadowed
// by parameters (plain, destructured), catch bindings, loop variables, block, switch-case and namespace
// declarations, named function and class expressions, inner function declarations; and the cases that
// still reach the outer declaration (labels, nested functions, static blocks, another block's
// declaration, aliases), imports of every form, overloads and re-exports.
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('failure/floating-promise', {
  valid: [
    "async function load() {}\nfunction f(load) { load(); }",
    "async function load() {}\nfunction f({ load }) { load(); }",
    "async function load() {}\nfunction f([load]) { load(); }",
    "async function load() {}\ntry { x(); } catch (load) { load(); }",
    "async function load() {}\nfor (const load of list) { load(); }",
    "async function load() {}\nfor (let load = 0; ; ) { load(); }",
    "async function load() {}\nfor (const load in o) { load(); }",
    "async function load() {}\nswitch (x) { case 1: const load = () => 1; load(); }",
    "async function load() {}\n{ const load = () => 1; load(); }",
    "async function load() {}\n{ const { load } = sync; load(); }",
    "async function load() {}\n{ const [load] = sync; load(); }",
    "async function load() {}\nconst f = function load() { load(); };",
    "async function load() {}\nconst C = class load { m() { load(); } };",
    "async function load() {}\nnamespace N { const load = () => 1; load(); }",
    "async function load() {}\nfunction g() { function load() {} load(); }",
    "async function load() {}\nclass K { m() { const load = () => 1; load(); } }",
    "import { load } from \"./x\";\nasync function f() {}\nload();",
    "async function load() {}\nfunction g(x = load()) {}",
    "async function load() {}\nconst arrow = (load) => load();",
    "async function load() {}\nconst arrow = async (load: () => void) => { load(); };",
  ],
  invalid: [
    { code: "async function load() {}\nlabel: { load(); }", errors: [{ line: 2, column: 10, endLine: 2, endColumn: 16 }] },
    { code: "async function load() {}\nfunction g() { load(); }", errors: [{ line: 2, column: 16, endLine: 2, endColumn: 22 }] },
    { code: "async function load() {}\nclass K { static { load(); } }", errors: [{ line: 2, column: 20, endLine: 2, endColumn: 26 }] },
    { code: "import load from \"fs/promises\";\nload.readFile(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 19 }] },
    { code: "import * as load from \"fs/promises\";\nload.readFile(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 19 }] },
    { code: "import load = require(\"fs/promises\");\nload.readFile(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 19 }] },
    { code: "function load(): void;\nfunction load(x?: unknown): Promise<void>;\nasync function load() {}\nload();", errors: [{ line: 4, column: 1, endLine: 4, endColumn: 7 }] },
    { code: "function load(): Promise<void>;\nasync function load() {}\nload();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 7 }] },
    { code: "async function load() {}\nexport { load };\nload();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 7 }] },
    { code: "async function load() {}\nif (x) { const load = 1; }\nload();", errors: [{ line: 3, column: 1, endLine: 3, endColumn: 7 }] },
    { code: "async function load() {}\nconst load2 = load;\n{ const load = () => 1; load2(); }", errors: [{ line: 3, column: 25, endLine: 3, endColumn: 32 }] },
  ],
});
