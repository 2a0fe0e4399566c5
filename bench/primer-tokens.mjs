// Token counts of the primer (issue 7: at most ~400 for a typical config), with OpenAI's o200k_base
// and cl100k_base encodings. Run after a build: `npm run build && node bench/primer-tokens.mjs`.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encode as cl100k } from 'gpt-tokenizer/encoding/cl100k_base';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const sample = path.join(root, 'examples/sample-service');
const touched = ['src/domain/order.ts', 'src/app/place-order.ts', 'src/config/signing-key.ts'].flatMap((f) => ['--touched', path.join(sample, f)]);
const state = [...touched, '--task', 'Add order cancellation', '--decision', 'Cancellations are soft deletes'];

const cases = [
  ['examples/sample-service', 'markdown', [sample]],
  ['examples/sample-service', 'markdown + 3 files, 3 findings, task, decision', [sample, ...state]],
  ['test/fixtures/arch-monorepo', 'markdown', [path.join(root, 'test/fixtures/arch-monorepo')]],
  ...['agents', 'copilot', 'cursor', 'claude'].flatMap((format) => [
    ['examples/sample-service', format, [sample, '--format', format]],
    ['test/fixtures/arch-monorepo', format, [path.join(root, 'test/fixtures/arch-monorepo'), '--format', format]],
  ]),
];

console.log('| config | format | o200k | cl100k | chars |\n|---|---|---:|---:|---:|');
for (const [config, label, args] of cases) {
  const result = spawnSync(process.execPath, [cli, 'primer', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`primer failed: ${result.stderr}`);
  console.log(`| ${config} | ${label} | ${o200k(result.stdout).length} | ${cl100k(result.stdout).length} | ${result.stdout.length} |`);
}
