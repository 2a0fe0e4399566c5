// The result cache's validity checks, one at a time: the same cache file is reused only when its format,
// its engine build and its entries are all as written; the .gitignore in the cache folder is written
// once and then left alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../../server/src/engine/index';
import { collectFiles } from '../../../server/src/engine/workspace/files';
import { runWorkspaceParallel } from '../../../server/src/engine/workspace/parallel';
import { makeWorkspace, withParsesRecorded } from '../../helpers/engine';

const engine = createEngine();

describe('result cache validity', () => {
  it('reuses a cache file only with its own format, engine build and entries', async () => {
    const dir = makeWorkspace({ 'a.ts': 'try { f(); } catch (e) {}\n', 'b.ts': 'export const b = 1;\n' });
    const cacheDir = path.join(dir, 'cache');
    const files = collectFiles([dir]).files;
    const run = () => runWorkspaceParallel(engine, { files, applyBaseline: false, allowGit: false, cacheDir, workers: 1 });
    assert.deepEqual((await run()).cache, { hits: 0, misses: 2 });
    const file = path.join(cacheDir, 'results.json');
    const good = fs.readFileSync(file, 'utf8');
    const data = JSON.parse(good);
    assert.deepEqual((await run()).cache, { hits: 2, misses: 0 });
    for (const broken of [{ ...data, engine: 'another-build' }, { ...data, format: 0 }, { ...data, entries: undefined }, { ...data, summaries: undefined }]) {
      fs.writeFileSync(file, JSON.stringify(broken));
      assert.deepEqual((await run()).cache, { hits: 0, misses: 2 }, JSON.stringify(Object.keys(broken)));
    }
    fs.writeFileSync(file, good);
    assert.deepEqual((await run()).cache, { hits: 2, misses: 0 });
  });

  // The index's summaries are kept with the results: a run where nothing changed parses no file, and a
  // body edit that keeps a file's exports parses that file alone (its summary, then its analysis). The
  // first run fills the cache from the single pass.
  it('keeps the workspace index summaries: an unchanged workspace is not parsed again, an edited file alone is', async () => {
    const dir = makeWorkspace({
      'src/users.ts': 'export async function loadUser(id: string) { return fetch("/u/" + id, { signal: AbortSignal.timeout(5000) }); }\n',
      'src/main.ts': 'import { loadUser } from "./users";\nexport function start() { loadUser("1"); }\n',
      'src/other.ts': 'export const x = 1;\n',
    });
    const cacheDir = path.join(dir, '.cache');
    const run = async () => {
      const { result, parsed } = await withParsesRecorded(dir, () => runWorkspaceParallel(engine, { files: collectFiles([path.join(dir, 'src')]).files, applyBaseline: false, allowGit: false, cacheDir, workers: 1 }));
      return { result, parsed: parsed.sort() };
    };
    const first = await run();
    assert.deepEqual(first.result.findings.map((f) => [path.basename(f.file), f.ruleId]), [['main.ts', 'failure/floating-promise']]);
    // The first run, with nothing to reuse, is the single pass: each file parsed once.
    assert.deepEqual(first.parsed, ['src/main.ts', 'src/other.ts', 'src/users.ts']);
    assert.deepEqual(first.result.cache, { hits: 0, misses: 3 });
    const warm = await run();
    assert.deepEqual(warm.parsed, []);
    assert.deepEqual(warm.result.cache, { hits: 3, misses: 0 });
    assert.deepEqual(warm.result.findings, first.result.findings);
    fs.writeFileSync(path.join(dir, 'src/other.ts'), 'export const x = 2;\n');
    const edited = await run();
    assert.deepEqual(edited.parsed, ['src/other.ts', 'src/other.ts']);
    assert.deepEqual(edited.result.cache, { hits: 2, misses: 1 });
    // An edit that changes what the index says (loadUser is no longer async) reaches the importer's findings.
    fs.writeFileSync(path.join(dir, 'src/users.ts'), 'export function loadUser(id: string) { return id; }\n');
    assert.deepEqual((await run()).result.findings, []);
  });

  it('writes the cache folder .gitignore once and leaves an existing one alone', async () => {
    const dir = makeWorkspace({ 'a.ts': 'export const a = 1;\n', 'cache/.gitignore': 'mine\n' });
    const cacheDir = path.join(dir, 'cache');
    await runWorkspaceParallel(engine, { files: [path.join(dir, 'a.ts')], applyBaseline: false, allowGit: false, cacheDir, workers: 1 });
    assert.equal(fs.readFileSync(path.join(cacheDir, '.gitignore'), 'utf8'), 'mine\n');
  });
});
