// `npm run mutation [-- <batch>... ] [-- <stryker options>]`: StrykerJS over the engine and the checks,
// one run per batch of folders so a long run survives being cut short: each batch has its own report and
// incremental file under reports/mutation/, so a re-run only tests mutants whose code or covering tests
// changed. Ends with the combined score table (scripts/mutation-summary.mjs, reports/mutation/summary.md).
//
//   npm run mutation                          every batch, then the summary
//   npm run mutation -- engine checks-secrets  those batches, then the summary (over every batch report present)
//   npm run mutation -- --concurrency 1       options after the batch names go to every Stryker run
//   npm run mutation -- --force               ignore the incremental files (re-test every mutant)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BATCHES } from './mutation-batches.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'reports', 'mutation');
const args = process.argv.slice(2);
const names = args.filter((arg) => !arg.startsWith('-') && BATCHES.some((b) => b.name === arg));
const unknown = args.filter((arg, i) => !arg.startsWith('-') && !names.includes(arg) && !(i > 0 && args[i - 1].startsWith('--')));
if (unknown.length > 0) {
  console.error(`unknown batch: ${unknown.join(', ')} (batches: ${BATCHES.map((b) => b.name).join(', ')})`);
  process.exit(2);
}
const strykerArgs = args.filter((arg) => !names.includes(arg));
const selected = names.length > 0 ? names.map((name) => BATCHES.find((b) => b.name === name)) : BATCHES;

const base = JSON.parse(fs.readFileSync(path.join(root, 'stryker.config.json'), 'utf8'));
fs.mkdirSync(out, { recursive: true });
const failed = [];
for (const batch of selected) {
  const config = {
    ...base,
    mutate: [...batch.mutate, ...base.mutate.filter((glob) => glob.startsWith('!'))],
    incrementalFile: `reports/mutation/${batch.name}.incremental.json`,
    htmlReporter: { fileName: `reports/mutation/${batch.name}.html` },
    jsonReporter: { fileName: `reports/mutation/${batch.name}.json` },
    mochaOptions: { ...base.mochaOptions, ...(batch.tests ? { spec: batch.tests } : {}), ...(batch.ignoreTests ? { ignore: batch.ignoreTests } : {}) },
  };
  delete config.$schema;
  const configFile = path.join(out, `${batch.name}.stryker.config.json`);
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2) + '\n');
  console.log(`\n=== mutation batch ${batch.name}: ${batch.mutate.join(' ')} ===`);
  const started = Date.now();
  const result = spawnSync('npx', ['stryker', 'run', path.relative(root, configFile), ...strykerArgs], { cwd: root, stdio: 'inherit' });
  console.log(`=== batch ${batch.name}: exit ${result.status ?? result.signal} after ${Math.round((Date.now() - started) / 1000)} s ===`);
  if (result.status !== 0) failed.push(batch.name);
}
const summary = spawnSync(process.execPath, [path.join(root, 'scripts', 'mutation-summary.mjs')], { cwd: root, stdio: 'inherit' });
if (failed.length > 0) console.error(`batches that did not finish: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : (summary.status ?? 1));
