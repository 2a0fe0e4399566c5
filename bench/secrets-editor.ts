// Child process of bench/secrets.mjs: what the secrets pass costs in the editor. The engine, in process,
// analyses each text of the editor benchmark's edit script (a 2,000-line TypeScript file typed into)
// with only the secrets family on: an upper bound of what the pass adds to a keystroke, since it also
// counts the engine's own per-analysis work. (The difference between all families with and without
// secrets is lost in the noise of the rest.) A full TypeScript parse of each text is timed for scale.
//   secrets-editor.ts <file> <texts.json> <warmup>  → { secretsOnly, parse } (ms per text)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import ts from 'typescript';
import { parseConfigText } from '../server/src/engine/config/parse';
import { DiskHost } from '../server/src/engine/host';
import { createEngine, languageOf } from '../server/src/engine/index';

function main(): void {
  const [file, textsFile, warmupArg] = process.argv.slice(2);
  if (!file || !textsFile) throw new Error('usage: secrets-editor.ts <file> <texts.json> <warmup>');
  const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8')) as string[];
  const warmup = Number(warmupArg ?? 10);
  const engine = createEngine();
  const host = new DiskHost();
  const configFor = (yaml: string) => {
    const parsed = parseConfigText(yaml);
    if (!parsed.config) throw new Error(`bad bench config: ${JSON.stringify(parsed.problems)}`);
    return { dir: path.dirname(file), config: parsed.config, problems: [] };
  };
  const secretsOnly = configFor('rules:\n  failure/*: off\n  architecture/*: off\n  shipshape/*: off\n');
  const times = { secretsOnly: [] as number[], parse: [] as number[] };
  const language = languageOf(file);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    // Interleaved per text, so machine noise falls on both alike.
    let started = performance.now();
    const result = engine.analyze({ document: { path: file, text, language }, config: secretsOnly, host, salt: 'bench' });
    if (i >= warmup) times.secretsOnly.push(performance.now() - started);
    if (result.findings.some((finding) => finding.family !== 'secrets')) throw new Error('bench config: only the secrets family should run');
    started = performance.now();
    ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, true, ts.ScriptKind.TS);
    if (i >= warmup) times.parse.push(performance.now() - started);
  }
  process.stdout.write(JSON.stringify(times));
}

main();
