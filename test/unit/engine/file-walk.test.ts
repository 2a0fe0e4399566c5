// The file walk (collectFiles) against git's ignore rules in detail: a walk started below the repository
// root applies every .gitignore and .git/info/exclude from the root down; a walk from the root applies
// the root's exclude file; nested .gitignore files apply to their own folder only; directory-only
// patterns; VCS and node_modules folders are always skipped; files given by name are kept.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFiles, GitIgnoreOracle } from '../../../server/src/engine/workspace/files';
import { makeWorkspace } from '../../helpers/engine';

const relative = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

describe('file walk and ignore rules', () => {
  const files = {
    '.gitignore': '*.log\nbuild/\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/info/exclude': 'secret.txt\n',
    'a.ts': '',
    'a.log': '',
    'secret.txt': '',
    'build/out.js': '',
    'build.ts': '',
    'pkg/.gitignore': 'local.ts\n',
    'pkg/local.ts': '',
    'pkg/other.ts': '',
    'pkg/sub/local.ts': '',
    'pkg/sub/secret.txt': '',
    'other/local.ts': '',
    'node_modules/x/index.js': '',
    '.hg/store': '',
    '.svn/entries': '',
    'pkg/node_modules/y.js': '',
  };

  it('from the repository root: root exclude, nested rules for their folder, directory patterns, skipped folders', () => {
    const root = makeWorkspace(files);
    assert.deepEqual(relative(root, collectFiles([root]).files), ['.gitignore', 'a.ts', 'build.ts', 'other/local.ts', 'pkg/.gitignore', 'pkg/other.ts']);
  });

  it('from a folder below the root: every rule file from the root down still applies', () => {
    const root = makeWorkspace(files);
    assert.deepEqual(relative(root, collectFiles([path.join(root, 'pkg')]).files), ['pkg/.gitignore', 'pkg/other.ts']);
    assert.deepEqual(relative(root, collectFiles([path.join(root, 'pkg', 'sub')]).files), []);
  });

  it('a deeper .gitignore re-includes what a higher one excludes, and .gitignore outranks .git/info/exclude, as in git', () => {
    const root = makeWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/info/exclude': '*.txt\n',
      '.gitignore': '*.log\n!notes.txt\n',
      'notes.txt': '',
      'other.txt': '',
      'a.log': '',
      'pkg/.gitignore': '!keep.log\n',
      'pkg/keep.log': '',
      'pkg/drop.log': '',
    });
    const walked = relative(root, collectFiles([root]).files);
    assert.deepEqual(walked, ['.gitignore', 'notes.txt', 'pkg/.gitignore', 'pkg/keep.log']);
    assert.deepEqual(relative(root, collectFiles([path.join(root, 'pkg')]).files), ['pkg/.gitignore', 'pkg/keep.log']);
    const oracle = new GitIgnoreOracle();
    assert.deepEqual(['notes.txt', 'other.txt', 'a.log', 'pkg/keep.log', 'pkg/drop.log'].map((file) => oracle.ignores(path.join(root, file))), [false, true, true, false, true]);
  });

  it('asks each folder once: a file below an ignored folder is ignored, however deep, and a reset reads the rules again', () => {
    const root = makeWorkspace({ ...files, 'build/deep/er/x.js': '', 'pkg/sub/deep/local.ts': '', 'pkg/sub/deep/kept.ts': '' });
    const oracle = new GitIgnoreOracle();
    const asked = ['build/deep/er/x.js', 'pkg/sub/deep/local.ts', 'pkg/sub/deep/kept.ts', 'build.ts', 'build/deep/er/x.js', 'pkg/sub/deep/kept.ts'];
    assert.deepEqual(asked.map((file) => oracle.ignores(path.join(root, file))), [true, true, false, false, true, false]);
    fs.writeFileSync(path.join(root, '.gitignore'), '*.log\n');
    assert.equal(oracle.ignores(path.join(root, 'build/deep/er/x.js')), true, 'the answer is kept until a reset');
    oracle.reset();
    assert.equal(oracle.ignores(path.join(root, 'build/deep/er/x.js')), false);
  });

  it('outside a repository only the folder own .gitignore files apply; named files and missing paths', () => {
    const root = makeWorkspace({ ...files, '.git/HEAD': undefined as unknown as string, '.git/info/exclude': undefined as unknown as string });
    fs.rmSync(path.join(root, '.git'), { recursive: true, force: true });
    const walk = collectFiles([path.join(root, 'pkg'), path.join(root, 'a.log'), path.join(root, 'nope.ts')]);
    assert.deepEqual(relative(root, walk.files), ['a.log', 'pkg/.gitignore', 'pkg/other.ts', 'pkg/sub/secret.txt']);
    assert.deepEqual(walk.missing, [path.join(root, 'nope.ts')]);
  });

  it('skips a Python virtual environment (a folder with pyvenv.cfg) unless it is the folder asked for', () => {
    const root = makeWorkspace({
      'app/main.py': '',
      'venv/pyvenv.cfg': 'home = /usr/bin\n',
      'venv/lib/python3.12/site-packages/requests/api.py': '',
      '.env-tools/pyvenv.cfg': '',
      '.env-tools/bin/activate': '',
      // Only the marker at a folder's root counts: a package that ships a file of that name is still source.
      'app/pyvenv.cfg.d/notes.py': '',
    });
    assert.deepEqual(relative(root, collectFiles([root]).files), ['app/main.py', 'app/pyvenv.cfg.d/notes.py']);
    assert.deepEqual(relative(root, collectFiles([path.join(root, 'venv')]).files), ['venv/lib/python3.12/site-packages/requests/api.py', 'venv/pyvenv.cfg']);
  });
});
