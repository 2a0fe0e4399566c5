// The failure family's quick fixes over LSP: the server offers "rethrow with cause" first (preferred)
// for an empty catch, a swallowing catch and a Python broad except; applying its edit clears the finding.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../helpers/lsp-client';

describe('failure quick fixes over LSP', function () {
  let root: string;
  let client: TestLspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-failure-fixes-'));
    fs.writeFileSync(path.join(root, 'shipshape.yml'), 'rules:\n  failure/swallowed-error: error\n');
    client = new TestLspClient();
    await client.initialize({ rootPath: root, pull: true });
  });

  after(async () => {
    assert.equal(await client.shutdown(), 0, client.stderr.join(''));
  });

  const cases = [
    { file: 'src/coupon.ts', language: 'typescript', rule: 'failure/empty-catch', text: 'export function parse(x: string) {\n  try {\n    return JSON.parse(x);\n  } catch (err) {\n  }\n}\n', expected: /\} catch \(err\) \{\n {4}throw new Error\("JSON\.parse failed", \{ cause: err \}\);\n {2}\}/ },
    { file: 'src/load.ts', language: 'typescript', rule: 'failure/swallowed-error', text: 'export async function load(id: string) {\n  try {\n    return await db.find(id);\n  } catch {\n    console.error("lookup failed");\n    return null;\n  }\n}\n', expected: /\} catch \(error\) \{\n {4}console\.error\("lookup failed"\);\n {4}throw new Error\("db\.find failed", \{ cause: error \}\);\n {4}return null;/ },
    { file: 'app/jobs.py', language: 'python', rule: 'failure/empty-catch', text: 'def run():\n    try:\n        send()\n    except Exception:\n        pass\n', expected: /except Exception as error:\n {8}pass\n {8}raise RuntimeError\("send failed"\) from error\n/ },
  ];

  for (const c of cases) {
    it(`${c.rule} in ${c.file}: applying the preferred fix rethrows with the cause and clears the finding`, async () => {
      const filePath = path.join(root, c.file);
      const uri = await client.open(filePath, c.text, c.language);
      const diagnostics = await client.pull(uri);
      const diagnostic = diagnostics.find((d) => d.code === c.rule);
      assert.ok(diagnostic, `expected ${c.rule}, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      assert.equal(actions[0].title, c.language === 'python' ? 'Re-raise the error with its cause' : 'Rethrow the error with its cause');
      assert.equal(actions[0].isPreferred, true);
      const edits = actions[0].edit?.changes?.[uri] as TextEdit[];
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, c.language, 1, c.text), edits);
      assert.match(fixed, c.expected);
      await client.change(uri, fixed);
      const after = await client.pull(uri);
      assert.deepEqual(after.filter((d) => String(d.code).startsWith('failure/')).map((d) => d.code), []);
    });
  }
});
