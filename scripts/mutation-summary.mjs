// The combined mutation score of `npm run mutation`: reads each batch's JSON report under
// reports/mutation/ and prints one table per folder and overall, with Stryker's definition of the score
// ((killed + timeout) / (killed + timeout + survived + no coverage); ignored, compile and runtime errors
// left out). Also written to reports/mutation/summary.md. A batch without a report is listed as not run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Minimatch } from 'minimatch';
import { BATCHES } from './mutation-batches.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'reports', 'mutation');
const KINDS = ['Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError'];

/** The folder a file's mutants are counted under: server/src/<engine|checks>/<folder>, or the top level. */
function folderOf(file) {
  const parts = file.split('/');
  const area = parts.indexOf('src') + 1; // server/src/<area>/...
  const rest = parts.slice(area + 1);
  if (rest.length === 1) return `${parts[area]}/ (top level)`;
  if (parts[area] === 'checks' && rest[0] === 'failure' && rest.length > 2) return `checks/failure/${rest[1]}`;
  return `${parts[area]}/${rest[0]}`;
}

const rows = new Map();
const files = new Map();
const batches = [];
for (const batch of BATCHES) {
  const file = path.join(out, `${batch.name}.json`);
  if (!fs.existsSync(file)) {
    batches.push(`| ${batch.name} | not run | |`);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const when = fs.statSync(file).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  let count = 0;
  // Only the batch's own files: a report can carry results for other files from its incremental file.
  const include = batch.mutate.filter((glob) => !glob.startsWith('!')).map((glob) => new Minimatch(glob));
  const exclude = batch.mutate.filter((glob) => glob.startsWith('!')).map((glob) => new Minimatch(glob.slice(1)));
  for (const [name, data] of Object.entries(report.files)) {
    const relative = path.isAbsolute(name) ? path.relative(root, name) : name;
    if (!include.some((glob) => glob.match(relative)) || exclude.some((glob) => glob.match(relative))) continue;
    const folder = folderOf(relative);
    const row = rows.get(folder) ?? Object.fromEntries(KINDS.map((k) => [k, 0]));
    const own = files.get(relative) ?? Object.fromEntries(KINDS.map((k) => [k, 0]));
    for (const mutant of data.mutants) {
      row[mutant.status] = (row[mutant.status] ?? 0) + 1;
      own[mutant.status] = (own[mutant.status] ?? 0) + 1;
      count++;
    }
    rows.set(folder, row);
    files.set(relative, own);
  }
  batches.push(`| ${batch.name} | ${when} | ${count} |`);
}

const score = (r) => {
  const detected = r.Killed + r.Timeout;
  const valid = detected + r.Survived + r.NoCoverage;
  return valid === 0 ? '—' : ((100 * detected) / valid).toFixed(2);
};
const line = (name, r) => `| ${name} | ${score(r)} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.Ignored} | ${r.CompileError + r.RuntimeError} |`;
const header = '| folder | score % | killed | timeout | survived | no coverage | ignored | errors |\n|---|---:|---:|---:|---:|---:|---:|---:|';
const total = Object.fromEntries(KINDS.map((k) => [k, 0]));
const table = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, r]) => {
  for (const k of KINDS) total[k] += r[k];
  return line(name, r);
});
const worst = [...files.entries()]
  .map(([name, r]) => ({ name, r, missed: r.Survived + r.NoCoverage }))
  .filter((f) => f.missed > 0)
  .sort((a, b) => b.missed - a.missed)
  .slice(0, 25)
  .map(({ name, r }) => line(name, r));

const markdown = [
  '# Mutation score (npm run mutation)',
  '',
  'Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it.',
  '',
  header,
  ...table,
  line('**overall**', total),
  '',
  '## Batches',
  '',
  '| batch | report written | mutants |',
  '|---|---|---:|',
  ...batches,
  '',
  '## Files with the most undetected mutants',
  '',
  header.replace('folder', 'file'),
  ...worst,
  '',
].join('\n');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'summary.md'), markdown);
console.log(markdown);
