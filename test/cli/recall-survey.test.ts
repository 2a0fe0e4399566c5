// The CLI on a small app of the kind an AI assistant writes, built from the cases a recall survey found
// missed (docs in the commits that fixed them): a committed .env with a Groq key and a redis://:password
// URL (an ignored .env.local is not reported), a Kubernetes Secret whose stringData holds a Discord bot
// token (the format rule names the provider), https.request with another function's req.on('timeout'),
// a 'data'-event buffer parsed unguarded, a catch that logs and answers { ok: true }, Promise.all over a
// bare query helper's rows and over a readdir listing, Python's urlopen without a timeout; plus the
// look-alikes beside each that must stay clean. No planted value may appear in any output format.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { makeWorkspace } from '../helpers/engine';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
// Fake values in the providers' documented shapes, split so that no scanner reads this file as a leak.
const GROQ = 'gsk_' + 'FvxUrBF8WTaZCLbbXk04kwHBnnkbd7yepAlsA6y1c7g0AUhtj13I';
const GROQ_LOCAL = 'gsk_' + 'Ab3UrBF8WTaZCLbbXk04kwHBnnkbd7yepAlsA6y1c7g0AUhtj99Q';
const REDIS_PASSWORD = 'Zr8pV3kq' + '1LmW4tQ9xY2b';
const DISCORD = 'MTE4NzAzODgwMDk1MTAzNjU1OA' + '.lWTNOd.jQLm22F8Kb_Dx0Jfxu9JYL3ghkh3uo1visQ6Re';

const FILES: Record<string, string> = {
  '.gitignore': '.env.local\n',
  '.env': `REDIS_URL=redis://:${REDIS_PASSWORD}@cache.internal:6379/0\nGROQ_API_KEY=${GROQ}\nPORT=3000\n`,
  '.env.local': `GROQ_API_KEY=${GROQ_LOCAL}\n`,
  'deploy/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: bot\nstringData:\n  DISCORD_BOT_TOKEN: "${DISCORD}"\n`,
  'src/db.ts': 'import { Pool } from "pg";\nconst pool = new Pool({ connectionTimeoutMillis: 5000, statement_timeout: 30000 });\nexport const query = async (sql: string) => (await pool.query(sql)).rows;\n',
  'src/github.mjs': [
    'import https from "node:https";',
    'export function repo(url) {',
    '  return new Promise((resolve, reject) => {',
    '    const req = https.request(url, (res) => {',
    "      let buf = '';",
    "      res.on('data', (c) => (buf += c));",
    "      res.on('end', () => resolve(JSON.parse(buf)));",
    '    });',
    "    req.on('error', reject);",
    '    req.end();',
    '  });',
    '}',
    'export function ping(url) {',
    '  const req = https.get(url, { timeout: 1000 });',
    "  req.on('timeout', () => req.destroy());",
    '}',
    '',
  ].join('\n'),
  'src/routes.ts': [
    'import { readdir } from "node:fs/promises";',
    'import { query } from "./db";',
    'export async function sync(dir: string) {',
    '  const rows = await query("select * from orders");',
    '  await Promise.all(rows.map(async (row) => push(row)));',
    '  const files = await readdir(dir);',
    '  await Promise.all(files.slice(0, 10).map(async (f) => push(f)));',
    '}',
    'export async function refund(req, res) {',
    '  try {',
    '    res.json(await push(req.params.id));',
    '  } catch (error) {',
    '    console.log("refund failed", error);',
    '    res.json({ ok: true });',
    '  }',
    '}',
    'export async function cancel(req, res) {',
    '  try {',
    '    res.json(await push(req.params.id));',
    '  } catch (error) {',
    '    console.log("cancel failed", error);',
    '    res.status(502).json({ ok: false });',
    '  }',
    '}',
    'declare function push(x: unknown): Promise<void>;',
    '',
  ].join('\n'),
  'app/legacy.py': 'import urllib.request\n\ndef fetch(path):\n    with urllib.request.urlopen("https://legacy.internal" + path) as resp:\n        return resp.read()\n\ndef fetch_bounded(path):\n    return urllib.request.urlopen("https://legacy.internal" + path, timeout=10).read()\n',
};

function check(dir: string, format: string): string {
  const result = spawnSync(process.execPath, [CLI, 'check', dir, '--format', format, '--exit-zero'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout + result.stderr;
}

describe('shipshape check on an AI-style app (recall survey cases)', () => {
  const dir = makeWorkspace(FILES);

  it('reports each missed case under its rule, and nothing on the look-alikes', () => {
    const report = JSON.parse(check(dir, 'json')) as { findings: { file: string; line: number; ruleId: string }[] };
    assert.deepEqual(report.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`).sort(), [
      '.env:1 secrets/connection-string-password',
      '.env:2 secrets/groq-api-key',
      'app/legacy.py:4 failure/network-timeout',
      'deploy/secret.yaml:6 secrets/discord-bot-token',
      'src/github.mjs:4 failure/network-timeout',
      'src/github.mjs:7 failure/unguarded-parse',
      'src/routes.ts:12 failure/swallowed-error',
      'src/routes.ts:5 failure/unbounded-concurrency',
    ]);
  });

  it('never prints a planted value, in any format', () => {
    for (const format of ['json', 'text', 'sarif']) {
      const output = check(dir, format);
      for (const value of [GROQ, GROQ_LOCAL, REDIS_PASSWORD, DISCORD]) {
        for (let i = 0; i + 8 <= value.length; i += 8) assert.ok(!output.includes(value.slice(i, i + 8)), `${format} output holds part of a planted value`);
      }
    }
  });
});
