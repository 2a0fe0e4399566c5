// Collects Markdown sections and writes them to bench/results/latest.md (gitignored) and stdout.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './cache.mjs';

export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function machineLine() {
  const cpus = os.cpus();
  return `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Figures are medians of several runs; ratios compare tools measured side by side in the same run.`;
}

/** Writes one family's section to bench/results/<name>.md and returns the text. */
export function writeSection(name, markdown) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.md`), markdown + '\n');
  process.stdout.write(markdown + '\n');
  return markdown;
}
