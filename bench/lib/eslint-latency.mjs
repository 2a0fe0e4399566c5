// ESLint's re-lint time in one long-lived process, the way an editor integration runs it: one ESLint
// instance, `lintText` of the whole file after every edit. Run as a child process:
//   node bench/lib/eslint-latency.mjs <peer dir> <config file> <file path> <texts.json> [warmup]
// Prints { times: [ms per edit], parsedTimes: [ms, edits ESLint could parse], fatal: edits it could not
// parse (ESLint stops at a syntax error), messages: count after the last edit } as JSON.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [peerDir, configFile, filePath, textsFile, warmupArg = '10'] = process.argv.slice(2);
const require = createRequire(path.join(peerDir, 'package.json'));
const { ESLint } = await import(pathToFileURL(require.resolve('eslint')).href);
const eslint = new ESLint({ cwd: path.dirname(configFile), overrideConfigFile: configFile, cache: false });
const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8'));
const warmup = Number(warmupArg);
const times = [];
const parsedTimes = [];
let fatal = 0;
let messages = 0;
for (let i = 0; i < texts.length; i++) {
  const started = performance.now();
  const [result] = await eslint.lintText(texts[i], { filePath });
  const ms = performance.now() - started;
  if (i >= warmup) {
    times.push(ms);
    if (result.fatalErrorCount > 0) fatal++;
    else parsedTimes.push(ms);
  }
  messages = result.messages.filter((m) => !m.fatal).length;
}
process.stdout.write(JSON.stringify({ times, parsedTimes, fatal, messages }));
