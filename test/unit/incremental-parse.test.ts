// The server reparses edited documents incrementally (ts.updateSourceFile): the findings must be the
// ones a fresh parse of the same text gives, edit after edit, including edits that break the syntax.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskHost } from '../../server/src/engine/host';
import { languageOf, type Finding } from '../../server/src/engine/index';
import { parseScript, reparseScript } from '../../server/src/engine/parse-ts';
import { engine, loadedConfig, TEST_SALT } from '../helpers/engine';

const SOURCE = `import axios from "axios";
import { readFile } from "node:fs/promises";

export class Orders {
  constructor(private readonly base: string) {}

  async load(id: string) {
    const { data } = await axios.get(\`\${this.base}/orders/\${id}\`);
    return data;
  }

  refresh(ids: string[]) {
    ids.forEach(async (id) => {
      await this.load(id);
    });
    this.load("latest");
  }
}

export function boot(orders: Orders) {
  readFile("config.json");
  setTimeout(async () => {
    await orders.load("first");
  }, 10);
  try {
    orders.refresh(["a"]);
  } catch (error) {
  }
}
`;

/** A small deterministic generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const SNIPPETS = ['await ', 'void ', 'fetch("/x");\n', '.catch(report)', '}', '{', 'async ', '(', ')', '\n', '// note\n', 'readFile("a");', ''];

describe('incremental reparse', () => {
  const file = path.join(os.tmpdir(), 'shipshape-incremental', 'src', 'orders.ts');
  const config = loadedConfig(undefined, path.dirname(path.dirname(file)));
  const host = new DiskHost();
  const findings = (text: string, tree?: ReturnType<typeof parseScript>): string[] =>
    engine.analyze({ document: { path: file, text, language: languageOf(file) }, config, host, salt: TEST_SALT, tree }).findings.map((f: Finding) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`);

  it('the source has findings of several failure rules (the comparison can fail)', () => {
    const rules = new Set(findings(SOURCE).map((f) => f.split(' ')[1]));
    assert.deepEqual([...rules].sort(), ['failure/async-callback', 'failure/empty-catch', 'failure/floating-promise', 'failure/network-timeout']);
  });

  for (const seed of [1, 2, 3]) {
    it(`gives the findings of a fresh parse after 30 edits (seed ${seed})`, () => {
      const next = random(seed);
      let text = SOURCE;
      let tree = parseScript(file, text);
      for (let step = 0; step < 30; step++) {
        const at = Math.floor(next() * text.length);
        const remove = next() < 0.4 ? Math.floor(next() * 12) : 0;
        const insert = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
        text = text.slice(0, at) + insert + text.slice(at + remove);
        tree = reparseScript(tree, file, text);
        assert.equal(tree.text, text);
        assert.deepEqual(findings(text, tree), findings(text), `after edit ${step} (seed ${seed}):\n${text}`);
      }
    });
  }

  it('reuses the previous tree for an unchanged text', () => {
    const tree = parseScript(file, SOURCE);
    assert.equal(reparseScript(tree, file, SOURCE), tree);
  });
});
