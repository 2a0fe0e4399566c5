// `npm run bench:workspace`: the whole-workspace check on effect@4.1.0 src/ (572 files, 21.6 MB), per
// family and all families together, side by side with the peer each family replaces (ESLint with
// equivalent untyped rules, secretlint, dependency-cruiser) and with the three peers run one after the
// other; the CLI's peak memory; a warm `--cache` re-run (and that it is not stale after an edit); and
// scaling over 1×, 2× and 4× copies of the corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EFFECT_DEPCRUISE, EFFECT_SHIPSHAPE } from './architecture.mjs';
import { CACHE_DIR, corpus, listFiles, REPO_ROOT } from './lib/cache.mjs';
import { QUICK, runsOf } from './lib/options.mjs';
import { bin, depcruisePeer, eslintPeer, secretlintPeer, writeEslintConfig, writeSecretlintConfig } from './lib/peer-tools.mjs';
import { table, writeSection, RESULTS_DIR } from './lib/report.mjs';
import { fmt, sumRuns, timeCommand, timeInterleaved } from './lib/stats.mjs';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const FAMILIES = ['failure', 'secrets', 'architecture'];
/** The effect layering of bench/architecture.mjs, every family on. */
// The per-file time budget is raised: on a loaded machine a file may pass it in one run and not the
// next, and the tools must do the same work in every run.
const ALL_FAMILIES_CONFIG = `${EFFECT_SHIPSHAPE.replace(/\nrules:[\s\S]*$/, '\n')}limits:\n  timeBudgetMs: 600000\n`;
const onlyFamily = (family) => `${ALL_FAMILIES_CONFIG}rules:\n${[...FAMILIES, 'shipshape'].filter((f) => f !== family).map((f) => `  ${f}/*: off\n`).join('')}`;

function effectWorkspace(peerDirs) {
  const dir = path.join(CACHE_DIR, 'workspaces', 'effect-workspace');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(corpus('effect@4.1.0'), 'src'), path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'shipshape.yml'), ALL_FAMILIES_CONFIG);
  for (const family of FAMILIES) fs.writeFileSync(path.join(dir, `shipshape.${family}.yml`), onlyFamily(family));
  fs.writeFileSync(path.join(dir, '.dependency-cruiser.cjs'), EFFECT_DEPCRUISE);
  writeEslintConfig(dir, peerDirs.eslint);
  writeSecretlintConfig(dir);
  return dir;
}

const shipshape = (dir, config, extra = []) => ({ command: process.execPath, args: [CLI, 'check', 'src', '--config', config, '--format', 'json', '--exit-zero', ...extra], cwd: dir });

/** Findings per tool from the last run's output, to show the tools did comparable work. */
function findingCounts(dir, results) {
  const counts = {};
  for (const name of ['all', ...FAMILIES]) {
    const report = JSON.parse(results[name].output.stdout);
    counts[name] = { files: report.summary.filesScanned, findings: report.findings.length, byFamily: report.summary.byFamily };
  }
  const eslint = JSON.parse(fs.readFileSync(path.join(dir, '.eslint-out.json'), 'utf8'));
  counts.eslint = { files: eslint.length, findings: eslint.reduce((n, f) => n + f.messages.length, 0), fatal: eslint.reduce((n, f) => n + f.fatalErrorCount, 0) };
  const secretlint = JSON.parse(fs.readFileSync(path.join(dir, '.secretlint-out.json'), 'utf8') || '[]');
  counts.secretlint = { files: secretlint.length, findings: secretlint.reduce((n, f) => n + f.messages.length, 0) };
  const cruise = JSON.parse(results.depcruise.output.stdout);
  counts.depcruise = { files: cruise.summary.totalCruised, findings: cruise.summary.violations.length };
  return counts;
}

/** A warm `--cache` re-run, and proof it is not stale: after an edit, the edited file is analysed again. */
function cacheRun(dir, runs, uncachedFindings) {
  const cacheDir = path.join(CACHE_DIR, 'workspaces', 'effect-result-cache');
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const command = shipshape(dir, 'shipshape.yml', ['--cache', '--cache-dir', cacheDir]);
  const cold = timeCommand(command.command, command.args, { runs: 1, cwd: dir });
  const warm = timeCommand(command.command, command.args, { runs, cwd: dir });
  const warmReport = JSON.parse(warm.output.stdout);
  const sameAsUncached = JSON.stringify(warmReport.findings.map((f) => f.fingerprint).sort()) === JSON.stringify(uncachedFindings.map((f) => f.fingerprint).sort());
  // One edit that adds a finding: the cached run must report exactly what an uncached run reports.
  const edited = path.join(dir, 'src', 'Duration.ts');
  const original = fs.readFileSync(edited, 'utf8');
  fs.writeFileSync(edited, `${original}\nexport const benchProbe = () => {\n  try {\n    return 1;\n  } catch {}\n};\n`);
  try {
    const afterEdit = JSON.parse(timeCommand(command.command, command.args, { runs: 1, cwd: dir }).output.stdout);
    const uncached = JSON.parse(timeCommand(process.execPath, shipshape(dir, 'shipshape.yml').args, { runs: 1, cwd: dir }).output.stdout);
    const fingerprints = (report) => JSON.stringify(report.findings.map((f) => f.fingerprint).sort());
    return {
      cold: cold.wall.median,
      warm: warm.wall,
      warmCpu: warm.cpu,
      hits: warmReport.summary.cache?.hits,
      misses: warmReport.summary.cache?.misses,
      sameAsUncached,
      afterEdit: { misses: afterEdit.summary.cache?.misses, findings: afterEdit.findings.length, uncachedFindings: uncached.findings.length, same: fingerprints(afterEdit) === fingerprints(uncached) },
    };
  } finally {
    fs.writeFileSync(edited, original);
  }
}

/** k copies of the corpus, each with its own shipshape.yml, checked in one CLI run. */
function scaling(runs) {
  const source = path.join(corpus('effect@4.1.0'), 'src');
  const factors = [1, 2, 4];
  const commands = {};
  for (const k of factors) {
    const dir = path.join(CACHE_DIR, 'workspaces', `effect-x${k}`);
    fs.rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < k; i++) {
      fs.cpSync(source, path.join(dir, `copy${i}`, 'src'), { recursive: true });
      fs.writeFileSync(path.join(dir, `copy${i}`, 'shipshape.yml'), ALL_FAMILIES_CONFIG);
    }
    commands[`${k}×`] = { command: process.execPath, args: [CLI, 'check', dir, '--format', 'json', '--exit-zero'], cwd: dir };
  }
  const results = timeInterleaved(commands, { runs, onRun: (name, i, one) => progress(`scaling ${name} run ${i + 1}: ${fmt.ms(one.wall.median)}`) });
  return factors.map((k) => {
    const r = results[`${k}×`];
    const report = JSON.parse(r.output.stdout);
    return { k, files: report.summary.filesScanned, wall: r.wall, cpu: r.cpu, peakRssMB: r.peakRssMB };
  });
}

const progress = (message) => process.stderr.write(`   ${message}\n`);

export async function run() {
  const runs = runsOf(3, 1);
  const peerDirs = { eslint: eslintPeer(), secretlint: secretlintPeer(), depcruise: depcruisePeer() };
  const dir = effectWorkspace(peerDirs);
  const files = listFiles(path.join(dir, 'src'));
  const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);

  const commands = {
    all: shipshape(dir, 'shipshape.yml'),
    ...Object.fromEntries(FAMILIES.map((family) => [family, shipshape(dir, `shipshape.${family}.yml`)])),
    eslint: { command: bin(peerDirs.eslint, 'eslint'), args: ['src', '--config', 'eslint.config.cjs', '--format', 'json', '--output-file', '.eslint-out.json'], cwd: dir },
    secretlint: { command: bin(peerDirs.secretlint, 'secretlint'), args: ['src/**/*', '--secretlintrc', '.secretlintrc.json', '--format', 'json', '--output', '.secretlint-out.json', '--no-color'], cwd: dir },
    depcruise: { command: bin(peerDirs.depcruise, 'depcruise'), args: ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], cwd: dir },
  };
  const results = timeInterleaved(commands, { runs, onRun: (name, i, one) => progress(`${name} run ${i + 1}: ${fmt.ms(one.wall.median)} wall, ${one.cpu ? fmt.ms(one.cpu.median) : '?'} CPU`) });
  const counts = findingCounts(dir, results);
  const peerSum = { walls: sumRuns(results, ['eslint', 'secretlint', 'depcruise'], 'walls'), cpus: sumRuns(results, ['eslint', 'secretlint', 'depcruise'], 'cpus') };
  const cache = cacheRun(dir, Math.min(runs, 2), JSON.parse(results.all.output.stdout).findings);
  const scale = scaling(1); // one run per size: the figure is the ratio between sizes

  const pairs = [
    ['failure', 'eslint', 'ESLint + typescript-eslint parser + eslint-plugin-promise (no-empty, no-throw-literal, promise/catch-or-return, promise/no-callback-in-promise)'],
    ['secrets', 'secretlint', 'secretlint + preset-recommend'],
    ['architecture', 'depcruise', 'dependency-cruiser (same layer rules + no-circular)'],
  ];
  const row = (label, ours, theirs, peerLabel, oursCount, theirCount) => [
    label, fmt.range(ours.wall), fmt.ms(ours.cpu.median), peerLabel, fmt.range(theirs.wall), fmt.ms(theirs.cpu.median),
    `**${fmt.ratio(theirs.wall.median / ours.wall.median)}**`, fmt.ratio(theirs.cpu.median / ours.cpu.median), `${oursCount} / ${theirCount}`,
  ];
  const rows = pairs.map(([family, peer, label]) => row(family, results[family], results[peer], label, counts[family].findings, counts[peer].findings));
  rows.push(row('**all three families, one run**', results.all, { wall: peerSum.walls, cpu: peerSum.cpus }, 'the three peers, one after the other', counts.all.findings, counts.eslint.findings + counts.secretlint.findings + counts.depcruise.findings));

  const lines = [`## Workspace check: effect@4.1.0 src/ (${files.length} files, ${(bytes / 1e6).toFixed(1)} MB)`, ''];
  lines.push(`Command per tool, from the workspace folder; Shipshape is \`shipshape check src --config <family config> --format json --exit-zero\` (default threads: one per core). Median (min–max) of ${runs} run${runs === 1 ? '' : 's'}, tools interleaved run by run; CPU is user + system of the process tree.`, '');
  lines.push(table(['Shipshape', 'wall', 'CPU', 'peer', 'peer wall', 'peer CPU', 'speed-up (wall)', 'speed-up (CPU)', 'findings: Shipshape / peer'], rows));
  const wallTarget = results.all.wall.median <= 5000;
  const ratioTarget = peerSum.walls.median / results.all.wall.median >= 10;
  lines.push('', `Targets: ≥ 10× faster than the three peers together: **${ratioTarget ? 'met' : 'not met'}** (${fmt.ratio(peerSum.walls.median / results.all.wall.median)} wall, ${fmt.ratio(peerSum.cpus.median / results.all.cpu.median)} CPU); ≤ 5 s wall on this machine: **${wallTarget ? 'met' : 'not met'}** (${fmt.ms(results.all.wall.median)}).`);
  lines.push('', `Findings differ by design: Shipshape's empty-catch also flags a catch holding only a comment, where ESLint's no-empty does not; dependency-cruiser counts one violation per module pair and rule, Shipshape one per import statement. ESLint parsed ${counts.eslint.files} files with ${counts.eslint.fatal} parse errors; secretlint reported on ${counts.secretlint.files} files.`);
  lines.push('', '### Memory and cache', '', table(['measure', 'value'], [
    ['CLI peak RSS, all families (main thread + workers)', `${results.all.peakRssMB.toFixed(0)} MB`],
    ['peer peak RSS: ESLint / secretlint / dependency-cruiser', `${results.eslint.peakRssMB.toFixed(0)} / ${results.secretlint.peakRssMB.toFixed(0)} / ${results.depcruise.peakRssMB.toFixed(0)} MB`],
    ['`--cache` cold run (writes the cache)', fmt.ms(cache.cold)],
    [`\`--cache\` warm re-run, nothing changed (${cache.hits} hits, ${cache.misses} misses)`, `${fmt.range(cache.warm)} wall, ${fmt.ms(cache.warmCpu.median)} CPU: ${fmt.ratio(results.all.wall.median / cache.warm.median)} faster than uncached`],
    ['warm findings identical to an uncached run', cache.sameAsUncached ? 'yes' : '**no**'],
    ['after editing one file (an empty catch added): files analysed again', `${cache.afterEdit.misses}; findings ${cache.afterEdit.findings} vs ${cache.afterEdit.uncachedFindings} uncached: ${cache.afterEdit.same ? 'identical' : '**different**'}`],
  ]));
  const base = scale[0];
  lines.push('', '### Scaling: k copies of the corpus in one run (`shipshape check <dir>`, all families)', '', table(['copies', 'files', 'wall', 'CPU', 'wall / (k × 1× wall)', 'CPU / (k × 1× CPU)', 'peak RSS'], scale.map((s) => [
    `${s.k}×`, s.files, fmt.range(s.wall), fmt.ms(s.cpu.median), fmt.ratio(s.wall.median / (s.k * base.wall.median)), fmt.ratio(s.cpu.median / (s.k * base.cpu.median)), `${s.peakRssMB.toFixed(0)} MB`,
  ])));
  lines.push('', 'A ratio of 1.00× is linear; below it, the fixed start-up cost (process, bundle, thread start) is spread over more files.');
  if (QUICK) lines.push('', '_Quick run (`--quick`): one run per measure._');

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'workspace.json'), JSON.stringify({
    files: files.length, bytes, runs,
    tools: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, { wall: r.wall, cpu: r.cpu, peakRssMB: r.peakRssMB }])),
    peerSum, counts, cache, scaling: scale,
  }, null, 2));
  return writeSection('workspace', lines.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
