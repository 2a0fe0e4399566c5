import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/unguarded-parse';
const BODY =
  '`JSON.parse` of a request body with no error handling: malformed input (a truncated body, an HTML error page, a hand-edited file) throws a SyntaxError here and fails the whole request or message. Parse inside try/catch and turn the failure into a clear error (a 400).';

ruleTable(RULE, {
  valid: [
    'const table = JSON.parse(\'{"a": 1}\');',
    'const copy = JSON.parse(JSON.stringify(value));',
    'const DEFAULTS = "{}";\nconst d = JSON.parse(DEFAULTS);',
    // A parameter of unknown origin is not reported: only input the rule can see is external.
    'function load(text: string) { return JSON.parse(text); }',
    'try {\n  const order = JSON.parse(req.body);\n} catch (err) {\n  res.status(400).end();\n}',
    'try {\n  const rows = lines.map((line) => JSON.parse(fs.readFileSync(line, "utf8")));\n} catch {\n  fail();\n}',
    'res.text().then((t) => JSON.parse(t)).catch(onError);',
    'const raw = await res.text();\ntry { return JSON.parse(raw); } catch (e) { throw new Error("bad response", { cause: e }); }',
    'try {\n  (() => JSON.parse(process.argv[2]))();\n} catch {}',
    'const s = "JSON.parse(req.body)";',
    'const data = JSON.parse(await res.json());\n'.replace('await res.json()', 'cached'),
    // A file the module ships beside itself (its package.json, a schema): only a broken install changes it.
    'const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));',
    'const schema = JSON.parse(fs.readFileSync(fileURLToPath(new URL("./schema.json", import.meta.url)), "utf-8"));',
    'const version = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")).version;',
    'const file = path.resolve(__dirname, "defaults.json");\nconst defaults = JSON.parse(fs.readFileSync(file, "utf8"));',
    'const data = JSON.parse(fs.readFileSync(__dirname + "/data.json", "utf8"));\nconst more = JSON.parse(fs.readFileSync(`${__dirname}/more.json`, "utf8"));',
  ],
  invalid: [
    // Beside the module, but named by input: still any file.
    { code: 'const data = JSON.parse(fs.readFileSync(path.join(__dirname, name), "utf8"));\nlet p = path.join(__dirname, "a.json");\nif (dir) p = path.join(dir, "a.json");\nconst b = JSON.parse(fs.readFileSync(p, "utf8"));\nconst c = JSON.parse(readFileSync(new URL(name, import.meta.url)));', errors: [{ line: 1, column: 14 }, { line: 4, column: 11 }, { line: 5, column: 11 }] },
    { code: 'app.post("/orders", (req, res) => {\n  const order = JSON.parse(req.body);\n});', errors: [{ line: 2, column: 17, endColumn: 27, message: BODY }] },
    { code: 'export const handler = async (event) => {\n  const { body } = event;\n  return JSON.parse(body);\n};', errors: [{ line: 3, column: 10, message: BODY }] },
    { code: 'const config = JSON.parse(fs.readFileSync(path, "utf8"));', errors: [{ line: 1, column: 16, message: /^`JSON\.parse` of file contents with no error handling: .* crashes the process\. Parse inside try\/catch and turn the failure into a clear error\.$/ }] },
    { code: 'const text = await readFile(file, "utf8");\nconst data = JSON.parse(text);', errors: [{ line: 2, column: 14, message: /^`JSON\.parse` of file contents/ }] },
    { code: 'const res = await fetch(url, { signal });\nconst data = JSON.parse(await res.text());', errors: [{ line: 2, column: 14, message: /^`JSON\.parse` of a network response .* fails the whole request or message/ }] },
    { code: 'const response = await got(url);\nconst data = JSON.parse(response.body);', errors: [{ line: 2, column: 14, message: /^`JSON\.parse` of a network response/ }] },
    { code: 'const opts = JSON.parse(process.argv[2] ?? "{}");', errors: [{ line: 1, column: 14, message: /^`JSON\.parse` of command-line input/ }] },
    { code: 'const flags = JSON.parse(process.env.FLAGS || "{}");', errors: [{ line: 1, column: 15, message: /^`JSON\.parse` of an environment variable/ }] },
    { code: 'ws.on("message", (msg) => {\n  const m = JSON.parse(msg.data.toString());\n});', errors: [{ line: 2, column: 13, message: /^`JSON\.parse` of message data/ }] },
    { code: 'const saved = JSON.parse(localStorage.getItem("cart") ?? "[]");', errors: [{ line: 1, column: 15, message: /^`JSON\.parse` of stored data/ }] },
    // A callback inside a try runs later: the try does not guard it.
    { code: 'try {\n  app.post("/x", (req) => JSON.parse(req.body));\n} catch {}', errors: [{ line: 2, column: 27, message: BODY }] },
    // The rejection handler of the same .then does not see a throw in its first callback.
    { code: 'res.text().then((t) => JSON.parse(t), onError);', errors: [{ line: 1, column: 24, message: /of a network response/ }] },
    { code: 'try {\n  run();\n} finally {\n  JSON.parse(req.body);\n}', errors: [{ line: 4, column: 3 }] },
  ],
});
