// bench:secrets — recall and false-positive rate on the gitleaks-derived corpus (../shared/bench/secrets),
// per provider, side by side with secretlint; findings on real code that holds no secrets (effect, rxjs
// src); and throughput of the secrets family alone, as a ratio to secretlint on the same tree.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpus, listFiles, peers, REPO_ROOT, SHARED_DIR } from './lib/cache.mjs';
import { editScript } from './lib/edit-script.mjs';
import { generateTypeScript } from './lib/generate-ts.mjs';
import { fmt, median, percentile, summary, timeCommand } from './lib/stats.mjs';
import { table, writeSection } from './lib/report.mjs';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const READ_FLOOR = path.join(REPO_ROOT, 'bench', 'lib', 'read-floor.cjs');
const SECRETLINT = ['secretlint@11.7.1', '@secretlint/secretlint-rule-preset-recommend@11.7.1'];
const ruleMap = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'bench', 'secrets-rule-map.json'), 'utf8'));

// The corpus is split into shards (one folder each) so the peer, which is slow on thousands of small
// files, can run one process per core: only its findings are read from that run, never its time.
const SHARDS = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/** Writes every corpus row to its own folder (<shard>/<id>/<its path, else id.txt>); returns the rows. */
function writeCorpus(dir) {
  const rows = fs.readFileSync(path.join(SHARED_DIR, 'bench', 'secrets', 'gitleaks-samples.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  rows.forEach((row, index) => {
    const file = path.join(dir, `s${index % SHARDS}`, row.id, row.path ?? `${row.id}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, row.text);
  });
  return rows;
}

/** Shipshape's secret findings, only the secrets family switched on. */
function shipshapeFindings(dir) {
  const config = path.join(os.tmpdir(), `shipshape-bench-secrets-${process.pid}.yml`);
  fs.writeFileSync(config, 'rules:\n  failure/*: off\n  architecture/*: off\n  shipshape/*: off\n');
  const result = spawnSync(process.execPath, [CLI, 'check', dir, '--format', 'json', '--config', config, '--exit-zero'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  fs.rmSync(config, { force: true });
  if (result.status !== 0) throw new Error(`shipshape failed: ${result.stderr}`);
  return JSON.parse(result.stdout).findings;
}

/** secretlint's findings on the corpus, one process per shard, all at once. */
export async function secretlintFindings(tool, dir) {
  const config = path.join(tool, '.secretlintrc.json');
  fs.writeFileSync(config, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const shards = fs.readdirSync(dir).filter((name) => /^s\d+$/.test(name));
  const results = await Promise.all(shards.map((shard) => secretlintShard(tool, config, path.join(dir, shard))));
  return results.flatMap((findings, i) => findings.map((f) => ({ ...f, file: `${shards[i]}/${f.file}` })));
}

function secretlintShard(tool, config, dir) {
  // Large reports are written to a file: secretlint's stdout is cut when piped.
  const output = path.join(os.tmpdir(), `secretlint-${process.pid}-${path.basename(dir)}.json`);
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(tool, 'node_modules', '.bin', 'secretlint'), ['**/*', '--format', 'json', '--secretlintrc', config, '--no-color', '--output', output], { cwd: dir, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => {
      const out = JSON.parse(fs.existsSync(output) ? fs.readFileSync(output, 'utf8') || '[]' : '[]');
      fs.rmSync(output, { force: true });
      resolve(out.flatMap((file) => file.messages.map((m) => ({ file: path.relative(dir, file.filePath), ruleId: m.ruleId }))));
    });
  });
}

/** A finding counts for a sample when it comes from a rule mapped to the sample's rule ("*": any secret rule). */
function isHit(row, finding) {
  const mapped = ruleMap[row.rule] ?? [];
  return mapped.includes('*') ? finding.family === 'secrets' || finding.ruleId.startsWith('secrets/') : mapped.includes(finding.ruleId);
}

function score(rows, findingsByRow, hitFor) {
  // A clean sample that is, verbatim, a secret sample of another rule is clean only for its own rule
  // (the corpus README's caveat 2): counted apart, so the false-positive rate is not inflated by it.
  const secretTexts = new Set(rows.filter((r) => r.expect === 'secret').map((r) => r.text.trim()));
  const stats = { secret: 0, hit: 0, literal: 0, literalHit: 0, clean: 0, falsePositive: 0, crossLabelled: 0, crossLabelledFlagged: 0, genericOnly: 0, byProvider: new Map() };
  for (const row of rows) {
    const found = findingsByRow.get(row.id) ?? [];
    const provider = stats.byProvider.get(row.provider) ?? { secret: 0, hit: 0, clean: 0, fp: 0 };
    stats.byProvider.set(row.provider, provider);
    if (row.expect === 'secret') {
      const hit = found.some((f) => hitFor(row, f));
      stats.secret++;
      provider.secret++;
      if (hit) {
        stats.hit++;
        provider.hit++;
      } else if (found.length > 0) stats.genericOnly++;
      if (!row.generated) {
        stats.literal++;
        if (hit) stats.literalHit++;
      }
    } else if (secretTexts.has(row.text.trim())) {
      stats.crossLabelled++;
      if (found.length > 0) stats.crossLabelledFlagged++;
    } else {
      stats.clean++;
      provider.clean++;
      if (found.length > 0) {
        stats.falsePositive++;
        provider.fp++;
      }
    }
  }
  return stats;
}

/** Findings by corpus row: a finding's path is <shard>/<row id>/…. */
function groupByRow(findings) {
  const map = new Map();
  for (const finding of findings) {
    const id = finding.file.split('/')[1];
    map.set(id, [...(map.get(id) ?? []), finding]);
  }
  return map;
}

function sourceTree(spec) {
  const root = corpus(spec);
  const dir = path.join(os.tmpdir(), `shipshape-bench-${spec.replace(/[@/]/g, '_')}`);
  if (!fs.existsSync(dir)) fs.cpSync(path.join(root, 'src'), dir, { recursive: true });
  const bytes = listFiles(dir).reduce((sum, f) => sum + fs.statSync(f).size, 0);
  return { dir, bytes };
}

export async function run() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-secrets-'));
  const rows = writeCorpus(work);
  const ours = score(rows, groupByRow(shipshapeFindings(work)), (row, f) => isHit(row, f));
  const tool = peers('secretlint', SECRETLINT);
  const theirs = score(rows, groupByRow(await secretlintFindings(tool, work)), () => true);
  const pct = (a, b) => fmt.pct(b ? a / b : 0);

  const lines = ['## Secrets', '', `Corpus: ${rows.length} labelled samples from gitleaks' rule tests (${ours.secret} secrets, ${ours.clean} clean). A Shipshape hit counts only when the finding comes from the rule mapped to the sample's provider (bench/secrets-rule-map.json); secretlint gets any finding.`, ''];
  lines.push(table(['', 'Shipshape', 'secretlint'], [
    ['recall, literal samples (generated: false)', pct(ours.literalHit, ours.literal), pct(theirs.literalHit, theirs.literal)],
    ['recall, all samples', pct(ours.hit, ours.secret), pct(theirs.hit, theirs.secret)],
    [`false-positive rate (${ours.clean} clean samples)`, pct(ours.falsePositive, ours.clean), pct(theirs.falsePositive, theirs.clean)],
    [`clean samples that are another rule's secret sample (${ours.crossLabelled}), flagged`, `${ours.crossLabelledFlagged}`, `${theirs.crossLabelledFlagged}`],
    ['secrets caught only by another rule (generic)', String(ours.genericOnly), '—'],
  ]));
  const missed = [...ours.byProvider].filter(([, p]) => p.hit < p.secret || p.fp > 0).sort((a, b) => (b[1].secret - b[1].hit) - (a[1].secret - a[1].hit));
  lines.push('', 'The gcp-api-key clean samples are example keys published in the Firebase SDK tests; the rule pack lists them as `publishedExamples` (rules/secrets.yml), so they count as clean here as in gitleaks.');
  lines.push('', 'One jwt secret sample (gl-03308) is the anon key the Supabase CLI gives every local project (`"iss": "supabase-demo", "role": "anon"`); Shipshape does not report Supabase anon keys, which are made to ship in browser code (validators.ts, publicJwt), so it counts as a miss here.');
  lines.push('', 'The 25 mapbox samples are public tokens (`pk.`), which Mapbox makes for browser code; Shipshape reports secret tokens (`sk.`) only, as it leaves Supabase anon keys and Algolia search keys, so they count as misses here.');
  lines.push('', "The 25 age samples are all `AGE-SECRET-KEY-1` followed by 58 `Q`s, the key whose every bit is zero: one character repeated, which the placeholder filter rejects for every rule (server/src/checks/secrets/noise.ts), so they count as misses here. A real age key is found (the rule's own examples).");
  lines.push('', 'Providers with misses or false positives (Shipshape):', '', table(['provider', 'recall', 'false positives'], missed.map(([name, p]) => [name, `${p.hit}/${p.secret}`, `${p.fp}/${p.clean}`])));

  // Real code with no real secrets: every finding is a false alarm.
  const trees = ['effect@4.1.0', 'rxjs@7.8.2'].map((spec) => ({ spec, ...sourceTree(spec) }));
  // Throughput past start-up on a tree four times effect's: where the per-byte cost shows, and where a
  // second thread has files enough to pay for its start.
  const scaled = { spec: 'effect@4.1.0 ×4', ...copiesOf(trees[0], 4), scaleOnly: true };
  lines.push('', '### Findings on real code (goal: zero)', '');
  const throughput = [];
  const config = path.join(os.tmpdir(), 'shipshape-bench-secrets-only.yml');
  fs.writeFileSync(config, 'rules:\n  failure/*: off\n  architecture/*: off\n  shipshape/*: off\n');
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-empty-'));
  const check = (dir, workers) => timeCommand(process.execPath, [CLI, 'check', dir, '--format', 'json', '--config', config, '--exit-zero', '--workers', String(workers)], { runs: 3 });
  for (const tree of [...trees, scaled]) {
    // The copies' findings are effect's, listed above: only their time is new.
    if (!tree.scaleOnly) {
      const found = shipshapeFindings(tree.dir);
      lines.push(`- ${tree.spec} src: ${found.length} finding${found.length === 1 ? '' : 's'}${found.map((f) => `\n  - ${f.file}:${f.line} ${f.ruleId}`).join('')}`);
    }
    const lint = timeCommand(path.join(tool, 'node_modules', '.bin', 'secretlint'), ['**/*', '--secretlintrc', path.join(tool, '.secretlintrc.json'), '--format', 'json'], { runs: 1, cwd: tree.dir });
    const readOnly = timeCommand(process.execPath, [READ_FLOOR, tree.dir], { runs: 3 });
    const mb = tree.bytes / 1e6;
    // One thread, and on effect both cores too (a worker thread takes half the files). The floor is the
    // same command on an empty folder (process start, bundle load, config), measured in the same run.
    for (const workers of tree.spec.startsWith('effect') ? [1, 2] : [1]) {
      const ship = check(tree.dir, workers);
      const floor = check(empty, workers);
      const scanning = Math.max(1, ship.wall.median - floor.wall.median);
      const label = workers === 1 ? tree.spec : `${tree.spec}, --workers ${workers}`;
      throughput.push([label, `${mb.toFixed(1)} MB`, fmt.range(ship.wall), fmt.ms(floor.wall.median), `${(mb / (ship.wall.median / 1000)).toFixed(0)} MB/s`, `${(mb / (scanning / 1000)).toFixed(0)} MB/s`, `${fmt.ms(readOnly.wall.median)} (${(mb / (readOnly.wall.median / 1000)).toFixed(0)} MB/s)`, fmt.ratio(ship.wall.median / readOnly.wall.median), fmt.range(lint.wall), `${(mb / (lint.wall.median / 1000)).toFixed(2)} MB/s`, fmt.ratio(lint.wall.median / ship.wall.median)]);
    }
  }
  lines.push('', '### Throughput of the secrets family (CLI, one thread unless --workers 2, process start included)', '', table(['tree', 'size', 'Shipshape wall', 'start-up floor', 'Shipshape (wall)', 'Shipshape (scan, wall − floor)', 'Node read floor', 'Shipshape / read floor', 'secretlint wall', 'secretlint', 'speed-up (wall)'], throughput));
  lines.push('', 'The start-up floor is the same command on an empty folder. The Node read floor (bench/lib/read-floor.cjs) is Node starting, walking the tree, reading and decoding every file and looking at each character once, on one thread: what any scanner written for Node pays before it looks for anything.');
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(config, { force: true });
  lines.push('', editorPass());
  return writeSection('secrets', lines.join('\n'));
}

/** `k` copies of a source tree in one folder (kept between runs, like the corpora). */
function copiesOf(tree, k) {
  const dir = path.join(os.tmpdir(), `shipshape-bench-secrets-x${k}`);
  if (!fs.existsSync(path.join(dir, `copy${k - 1}`))) for (let i = 0; i < k; i++) fs.cpSync(tree.dir, path.join(dir, `copy${i}`), { recursive: true });
  return { dir, bytes: tree.bytes * k };
}

/** The secrets pass alone on the editor benchmark's 2,000-line file and edits, in process (bench/secrets-editor.ts). */
function editorPass() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-secrets-editor-'));
  const file = path.join(dir, 'src', 'orders.ts');
  const text = generateTypeScript(2000);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const textsFile = path.join(dir, 'texts.json');
  fs.writeFileSync(textsFile, JSON.stringify([text, ...editScript(text, 200).map((edit) => edit.text)]));
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-r', './test/helpers/register-yml.js', 'bench/secrets-editor.ts', file, textsFile, '10'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  fs.rmSync(dir, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`secrets-editor failed: ${child.stderr}`);
  const times = JSON.parse(child.stdout);
  const row = (name, values) => [name, fmt.ms(median(values)), fmt.ms(percentile(values, 95))];
  return [
    `### The secrets pass in the editor (${text.split('\n').length}-line TypeScript file, ${times.secretsOnly.length} edits, in process)`,
    '',
    'Each text analysed with only the secrets family on: an upper bound of what the pass adds to a keystroke (target: under 2 ms), next to a full TypeScript parse of the same text.',
    '',
    table(['', 'p50', 'p95'], [row('secrets pass (engine, secrets only)', times.secretsOnly), row('full TypeScript parse', times.parse)]),
    '',
    `Secrets pass / parse (p50): ${fmt.ratio(median(times.secretsOnly) / median(times.parse))}.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--corpus-only')) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-secrets-'));
    const rows = writeCorpus(work);
    const findings = shipshapeFindings(work);
    const stats = score(rows, groupByRow(findings), (row, f) => isHit(row, f));
    console.log(JSON.stringify({ literal: stats.literalHit / stats.literal, all: stats.hit / stats.secret, fpr: stats.falsePositive / stats.clean, clean: stats.clean, falsePositives: stats.falsePositive, crossLabelled: stats.crossLabelled, genericOnly: stats.genericOnly }));
    const byRow = groupByRow(findings);
    fs.writeFileSync('/tmp/secret-misses.jsonl', rows.filter((r) => (r.expect === 'secret') !== (byRow.get(r.id) ?? []).some((f) => r.expect !== 'secret' || isHit(r, f))).map((r) => JSON.stringify({ ...r, got: (byRow.get(r.id) ?? []).map((f) => f.ruleId) })).join('\n'));
  } else if (process.argv.includes('--editor-only')) console.log(editorPass());
  else await run();
}
