// `npm run bench [name...] [--quick]`: runs each benchmark (bench/<name>.mjs exporting `run()`, which
// returns a Markdown section) and writes them together to bench/results/latest.md, with a chart of
// editor latency and workspace throughput (bench/results/chart.svg). --quick runs each measure once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeChart } from './lib/chart.mjs';
import { machineLine, RESULTS_DIR } from './lib/report.mjs';

const ALL = ['secrets', 'failure', 'architecture', 'workspace', 'editor'];
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const names = (wanted.length ? wanted : ALL).filter((name) => fs.existsSync(new URL(`./${name}.mjs`, import.meta.url)));
// Sections may leave out a measure another section of this run already takes (see failure.mjs).
process.env.SHIPSHAPE_BENCH_SECTIONS = names.join(',');
const sections = [`# Shipshape benchmarks\n\n${machineLine()}\n`];
for (const name of names) {
  const started = Date.now();
  process.stderr.write(`\n== bench: ${name}\n`);
  const module = await import(`./${name}.mjs`);
  sections.push(await module.run());
  process.stderr.write(`== bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
fs.mkdirSync(RESULTS_DIR, { recursive: true });
const chart = writeChart();
if (chart) sections.push(`![Editor latency and workspace throughput](${path.basename(chart)})`);
fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), sections.join('\n\n') + '\n');
if (chart) process.stderr.write(`Wrote ${path.relative(process.cwd(), chart)}\n`);
process.stderr.write(`\nWrote ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.md'))}\n`);
