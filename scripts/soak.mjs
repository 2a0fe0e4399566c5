#!/usr/bin/env node
// Soak: a scripted editing session against the built language server over stdio. Types and deletes
// in a large generated file (incremental didChange, like an editor), pulls diagnostics after every edit,
// and samples the server's resident memory. Fails when the server errors, a request goes unanswered,
// or RSS grows more than 10% between the end of warm-up and the end of the run. RSS moves up and down
// with garbage collection, so the comparison is between peaks: the highest sample in the window right
// after warm-up against the highest in the last window of the same length. A leak lifts every peak.
//
//   npm run soak                 10,000 edits (the issue's figure)
//   npm run soak -- --edits 2000 a shorter run
//
// Prints the RSS curve (one sample every 500 edits) and writes it to bench/results/soak.md.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectServer, processMemory, stopServer } from '../bench/lib/lsp-latency.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { URI } = require('vscode-uri');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const EDITS = flag('--edits', 10_000);
const SAMPLE_EVERY = 25;
const WARM_UP = Math.floor(EDITS / 5);
const WINDOW = Math.floor(EDITS / 5);
const PRINT_EVERY = Math.max(SAMPLE_EVERY, Math.floor(EDITS / 20));
const MAX_GROWTH = 0.1;

/** A large file with a realistic mix: imports, async code, catches, fetches, secrets-looking names. */
function generateFile(lines) {
  const out = ['import { readFile } from "node:fs/promises";', 'import axios from "axios";', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `export async function load${i}(id: string): Promise<string> {`,
      `  const response = await fetch(\`https://api.example.com/items/\${id}\`, { signal: AbortSignal.timeout(5000) });`,
      `  if (!response.ok) throw new Error(\`load${i} failed: \${response.status}\`);`,
      `  try {`,
      `    const text = await readFile("/tmp/${i}.json", "utf8");`,
      `    return JSON.parse(text).name ?? text;`,
      `  } catch (error) {`,
      `    throw new Error("could not read item ${i}", { cause: error });`,
      `  }`,
      `}`,
      `const api_token_${i} = process.env.API_TOKEN_${i} ?? "";`,
      `export const client${i} = axios.create({ baseURL: "https://example.com", timeout: 2000, headers: { token: api_token_${i} } });`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-soak-'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'soak', private: true }));
  const filePath = path.join(dir, 'big.ts');
  let text = generateFile(2000);
  fs.writeFileSync(filePath, text);

  const errors = [];
  const onError = (params) => {
    if (params.type === rpc.MessageType.Error) errors.push(params.message);
  };
  const server = await connectServer(dir, { stderr: 'pipe', on: { 'window/logMessage': onError, 'window/showMessage': onError } });
  const { child, connection } = server;
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(String(chunk)));
  let exitCode;
  child.on('exit', (code) => (exitCode = code));
  const uri = URI.file(filePath).toString();
  let version = 1;
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version, text } });

  // Each round types a short statement at a moving line, then deletes it again, so the document
  // stays the same size and any growth is the server's own.
  const lineCount = text.split('\n').length;
  const curve = [];
  let answered = 0;
  let lastLine = 0;
  const started = Date.now();
  for (let edit = 0; edit < EDITS; edit++) {
    const line = 3 + ((edit * 37) % (lineCount - 10));
    const inserted = edit % 2 === 0;
    const snippet = `  void fetch("https://x.example/${edit}");\n`;
    const change = inserted
      ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: snippet }
      : { range: { start: { line: lastLine, character: 0 }, end: { line: lastLine + 1, character: 0 } }, text: '' };
    if (inserted) lastLine = line;
    version++;
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const report = await connection.sendRequest(rpc.DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (!report || (report.kind !== 'full' && report.kind !== 'unchanged')) errors.push(`edit ${edit}: unexpected diagnostic report ${JSON.stringify(report)}`);
    else answered++;
    if (edit % SAMPLE_EVERY === 0 || edit === EDITS - 1) curve.push({ edit, rssMB: processMemory(child.pid).rssMB });
    if (exitCode !== undefined) {
      errors.push(`server exited with ${exitCode} at edit ${edit}`);
      break;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  await stopServer(server);
  fs.rmSync(dir, { recursive: true, force: true });

  const peak = (from, to) => Math.max(...curve.filter((sample) => sample.edit >= from && sample.edit < to).map((sample) => sample.rssMB));
  const afterWarmUp = peak(WARM_UP, WARM_UP + WINDOW);
  const end = peak(EDITS - WINDOW, EDITS);
  const growth = (end - afterWarmUp) / afterWarmUp;
  const lines = [
    `# Soak: ${EDITS} edits over LSP on a ${lineCount}-line file`,
    '',
    `Command: \`npm run soak -- --edits ${EDITS}\` (${new Date().toISOString()}, ${seconds.toFixed(1)} s, ${answered}/${EDITS} pulls answered)`,
    '',
    '| edit | server RSS (MB) |',
    '| ---: | ---: |',
    ...curve.filter((sample) => sample.edit % PRINT_EVERY === 0 || sample === curve[curve.length - 1]).map((sample) => `| ${sample.edit} | ${sample.rssMB.toFixed(1)} |`),
    '',
    `Peak RSS in edits ${WARM_UP}–${WARM_UP + WINDOW - 1} (after warm-up): ${afterWarmUp.toFixed(1)} MB; in the last ${WINDOW} edits: ${end.toFixed(1)} MB; growth ${(growth * 100).toFixed(1)}% (limit ${MAX_GROWTH * 100}%).`,
    `Errors: ${errors.length}${errors.length ? ` (first: ${errors[0]})` : ''}; server stderr: ${stderr.join('').trim() ? 'not empty' : 'empty'}.`,
  ];
  const report = lines.join('\n') + '\n';
  process.stdout.write(report);
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'soak.md'), report);
  const failed = errors.length > 0 || answered !== EDITS || growth > MAX_GROWTH;
  if (failed) {
    if (stderr.length) process.stderr.write(stderr.join(''));
    process.stderr.write('soak: FAILED\n');
    process.exit(1);
  }
  process.stdout.write('soak: passed\n');
}

main().catch((error) => {
  process.stderr.write(`soak: ${error?.stack ?? error}\n`);
  process.exit(1);
});
