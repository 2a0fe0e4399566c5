// `npm run bench [family...]`: runs each benchmark (bench/<name>.mjs exporting `run()`, which returns
// a Markdown section) and writes them together to bench/results/latest.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { machineLine, RESULTS_DIR } from './lib/report.mjs';

const ALL = ['secrets', 'failure', 'architecture', 'workspace', 'editor'];
const wanted = process.argv.slice(2);
const names = (wanted.length ? wanted : ALL).filter((name) => fs.existsSync(new URL(`./${name}.mjs`, import.meta.url)));
const sections = [`# Shipshape benchmarks\n\n${machineLine()}\n`];
for (const name of names) {
  const started = Date.now();
  process.stderr.write(`\n== bench: ${name}\n`);
  const module = await import(`./${name}.mjs`);
  sections.push(await module.run());
  process.stderr.write(`== bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
}
fs.mkdirSync(RESULTS_DIR, { recursive: true });
fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), sections.join('\n\n') + '\n');
process.stderr.write(`\nWrote ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.md'))}\n`);
