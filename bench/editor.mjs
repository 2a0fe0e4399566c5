// `npm run bench:editor`: live feedback in the editor. A warm language server over stdio, all families
// on, a generated 2,000-line TypeScript file and 200 incremental edits (typing statements into function
// bodies): the time from didChange to that version's diagnostics, p50 and p95. Next to it, in the same
// run: a full TypeScript parse of the same texts (the floor: no checker can see a file without parsing
// it), and ESLint's re-lint of the same texts in one long-lived process, untyped and typed. Also the
// server's memory with the effect@4.1.0 workspace open and indexed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EFFECT_SHIPSHAPE } from './architecture.mjs';
import { CACHE_DIR, corpus, listFiles, REPO_ROOT } from './lib/cache.mjs';
import { editScript } from './lib/edit-script.mjs';
import { EDITOR_WORKSPACE_FILES, generateTypeScript } from './lib/generate-ts.mjs';
import { measureEditLatency, startServer } from './lib/lsp-latency.mjs';
import { QUICK } from './lib/options.mjs';
import { eslintPeer, writeEslintConfig } from './lib/peer-tools.mjs';
import { RESULTS_DIR, table, writeSection } from './lib/report.mjs';
import { fmt, median, percentile } from './lib/stats.mjs';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const EDITS = 200;
const WARMUP = 10;

const stats = (times) => ({ p50: median(times), p95: percentile(times, 95), max: Math.max(...times), samples: times.length });

function editorWorkspace(peerDir) {
  const dir = path.join(CACHE_DIR, 'workspaces', 'editor');
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(EDITOR_WORKSPACE_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const file = path.join(dir, 'src', 'app', 'orders.ts');
  const text = generateTypeScript(2000);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  writeEslintConfig(dir, peerDir, { file: 'eslint.config.cjs' });
  writeEslintConfig(dir, peerDir, { typed: true, file: 'eslint.typed.config.cjs' });
  return { dir, file, text };
}

/** The floor: a full parse of each text with the options the engine uses (parse-ts.ts). */
function parseTimes(file, texts) {
  const times = [];
  for (let i = 0; i < texts.length; i++) {
    const started = performance.now();
    ts.createSourceFile(file, texts[i], { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, true, ts.ScriptKind.TS);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times;
}

function eslintTimes(peerDir, configFile, file, textsFile) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bench', 'lib', 'eslint-latency.mjs'), peerDir, configFile, file, textsFile, String(WARMUP)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`eslint latency failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The server's memory with the effect workspace indexed and its largest files open and checked. */
async function effectServerMemory() {
  const dir = path.join(CACHE_DIR, 'workspaces', 'effect-server');
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(corpus('effect@4.1.0'), 'src'), path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'shipshape.yml'), EFFECT_SHIPSHAPE.replace(/\nrules:[\s\S]*$/, '\n'));
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  const files = listFiles(path.join(dir, 'src'), (relative) => relative.endsWith('.ts'));
  const largest = [...files].sort((a, b) => fs.statSync(b).size - fs.statSync(a).size).slice(0, 10);
  const session = await startServer(dir);
  const afterIndex = session.memory();
  const started = performance.now();
  for (const file of largest) await session.open(file);
  const openMs = performance.now() - started;
  const memory = session.memory();
  await session.stop();
  return { files: files.length, indexMs: session.indexMs, afterIndex, opened: largest.length, openMs, ...memory };
}

export async function run() {
  const peerDir = eslintPeer();
  const { dir, file, text } = editorWorkspace(peerDir);
  const edits = editScript(text, EDITS);
  const texts = [text, ...edits.map((e) => e.text)];
  const textsFile = path.join(dir, '.texts.json');
  fs.writeFileSync(textsFile, JSON.stringify(edits.map((e) => e.text)));

  const session = await startServer(dir);
  const opened = await session.open(file, text);
  const ours = await measureEditLatency(session, opened.uri, edits, { warmup: WARMUP });
  const serverMemory = session.memory();
  await session.stop();

  const parse = parseTimes(file, texts.slice(1));
  const untyped = eslintTimes(peerDir, path.join(dir, 'eslint.config.cjs'), file, textsFile);
  const typed = QUICK ? undefined : eslintTimes(peerDir, path.join(dir, 'eslint.typed.config.cjs'), file, textsFile);
  const effect = await effectServerMemory();

  const result = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ratios measured side by side in one run`,
    lines: text.split('\n').length,
    bytes: text.length,
    edits: ours.times.length,
    shipshape: stats(ours.times),
    parse: stats(parse),
    eslintUntyped: stats(untyped.parsedTimes),
    eslintTyped: typed ? stats(typed.parsedTimes) : undefined,
    eslintFatal: { untyped: untyped.fatal, typed: typed?.fatal },
    findings: { shipshape: opened.diagnostics.length, eslintUntyped: untyped.messages, eslintTyped: typed?.messages },
    serverMemory,
    effect,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'editor.json'), JSON.stringify(result, null, 2));

  const s = result.shipshape;
  const row = (label, r, note) => [label, fmt.ms(r.p50), fmt.ms(r.p95), fmt.ratio(r.p50 / s.p50), fmt.ratio(r.p95 / s.p95), note];
  const lines = [`## Editor latency: ${result.lines}-line TypeScript file (${(result.bytes / 1024).toFixed(0)} KB), ${result.edits} edits`, ''];
  lines.push(`Each edit is one incremental didChange (typing statements into function bodies at four places in the file), timed until the server answers the pull-diagnostics request for that version. Warm processes; the first ${WARMUP} edits are not counted.`, '');
  lines.push(table(['', 'p50', 'p95', 'p50 / Shipshape', 'p95 / Shipshape', ''], [
    ['**Shipshape server, all families (LSP over stdio)**', `**${fmt.ms(s.p50)}**`, `**${fmt.ms(s.p95)}**`, '1.00×', '1.00×', `${result.findings.shipshape} diagnostics on the file`],
    row('TypeScript full parse of the same texts (floor, in process)', result.parse, 'no checker sees a file without parsing it'),
    row('ESLint `lintText`, untyped rules, one long-lived process', result.eslintUntyped, `${result.findings.eslintUntyped} messages; ${untyped.fatal} edits left a syntax error ESLint stops at, not counted`),
    ...(result.eslintTyped ? [row('ESLint `lintText`, typed rules (projectService), one long-lived process', result.eslintTyped, `${result.findings.eslintTyped} messages; ${typed.fatal} edits with a syntax error not counted`)] : []),
  ]));
  const p95Target = s.p95 <= 10;
  const floorTarget = s.p95 <= 1.5 * result.parse.p95;
  lines.push('', `Targets: p95 ≤ 10 ms: **${p95Target ? 'met' : 'not met'}** (${fmt.ms(s.p95)}); p95 within 1.5× a full parse: **${floorTarget ? 'met' : 'not met'}** (${fmt.ratio(s.p95 / result.parse.p95)} of the parse p95).`);
  lines.push('', '### Server memory', '', table(['measure', 'value'], [
    [`after the ${result.edits + WARMUP} edits above (small workspace)`, `${serverMemory.rssMB.toFixed(0)} MB RSS, peak ${serverMemory.peakMB.toFixed(0)} MB`],
    [`effect@4.1.0 workspace (${effect.files} files) indexed in the background`, `${fmt.ms(effect.indexMs)}; ${effect.afterIndex.rssMB.toFixed(0)} MB RSS`],
    [`… and its ${effect.opened} largest files opened and checked (${fmt.ms(effect.openMs)})`, `**${effect.rssMB.toFixed(0)} MB RSS, peak ${effect.peakMB.toFixed(0)} MB** (target ≤ 250 MB: ${effect.peakMB <= 250 ? 'met' : 'not met'})`],
  ]));
  if (QUICK) lines.push('', '_Quick run (`--quick`): the typed ESLint configuration is skipped._');
  return writeSection('editor', lines.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
