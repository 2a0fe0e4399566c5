// The result cache's validity checks, one at a time: the same cache file is reused only when its format,
// its engine build and its entries are all as written; the .gitignore in the cache folder is written
// once and then left alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../../server/src/engine/index';
import { collectFiles } from '../../../server/src/engine/workspace/files';
import { runWorkspaceParallel } from '../../../server/src/engine/workspace/parallel';
import { makeWorkspace } from '../../helpers/engine';

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
    for (const broken of [{ ...data, engine: 'another-build' }, { ...data, format: 0 }, { ...data, entries: undefined }]) {
      fs.writeFileSync(file, JSON.stringify(broken));
      assert.deepEqual((await run()).cache, { hits: 0, misses: 2 }, JSON.stringify(Object.keys(broken)));
    }
    fs.writeFileSync(file, good);
    assert.deepEqual((await run()).cache, { hits: 2, misses: 0 });
  });

  it('writes the cache folder .gitignore once and leaves an existing one alone', async () => {
    const dir = makeWorkspace({ 'a.ts': 'export const a = 1;\n', 'cache/.gitignore': 'mine\n' });
    const cacheDir = path.join(dir, 'cache');
    await runWorkspaceParallel(engine, { files: [path.join(dir, 'a.ts')], applyBaseline: false, allowGit: false, cacheDir, workers: 1 });
    assert.equal(fs.readFileSync(path.join(cacheDir, '.gitignore'), 'utf8'), 'mine\n');
  });
});
