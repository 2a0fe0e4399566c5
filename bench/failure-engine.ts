// Child process of bench/failure.mjs: runs Shipshape's engine in process over the peer cases and prints
// which failure rules fired on each, plus the failure rules that are registered.
//   failure-engine.ts cases <peer-cases.jsonl>   → { rules: string[], results: { index, ruleIds }[] }
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultConfig } from '../server/src/engine/config/model';
import { DiskHost } from '../server/src/engine/host';
import { createEngine, languageOf } from '../server/src/engine/index';

interface PeerCase {
  peerRule: string;
  code: string;
  filename?: string;
  languageOptions?: { parserOptions?: { ecmaFeatures?: { jsx?: boolean } } };
  parserOptions?: { ecmaFeatures?: { jsx?: boolean } };
}

/** The file name a case is analysed under: its own, else .ts for typescript-eslint cases, .js for the rest. */
export function caseFile(item: PeerCase): string {
  const jsx = item.languageOptions?.parserOptions?.ecmaFeatures?.jsx ?? item.parserOptions?.ecmaFeatures?.jsx;
  if (item.filename) return path.basename(item.filename);
  const ts = item.peerRule.startsWith('@typescript-eslint/');
  return ts ? (jsx ? 'react.tsx' : 'file.ts') : jsx ? 'file.jsx' : 'file.js';
}

const [mode, input] = process.argv.slice(2);
if (mode !== 'cases' || !input) throw new Error('usage: failure-engine.ts cases <peer-cases.jsonl>');
const engine = createEngine();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-failure-cases-'));
const config = { dir, config: defaultConfig(), problems: [] };
const host = new DiskHost();
const rules = engine.rules.filter((rule) => rule.family === 'failure').map((rule) => rule.id);
const results = fs
  .readFileSync(input, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line, index) => {
    const item = JSON.parse(line) as PeerCase;
    const file = path.join(dir, caseFile(item));
    const result = engine.analyze({ document: { path: file, text: item.code, language: languageOf(file) }, config, host, salt: 'bench' });
    return { index, ruleIds: [...new Set(result.findings.filter((f) => f.family === 'failure' && !f.suppressed).map((f) => f.ruleId))], errors: result.errors };
  });
process.stdout.write(JSON.stringify({ rules, results }));
