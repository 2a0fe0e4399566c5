// The disk host with its editor overlay, the workspace index's snapshot and restore, config globs,
// and the line index edge cases (CR-only line ends).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiskHost } from '../../../server/src/engine/host';
import { matchesGlobs } from '../../../server/src/engine/ignore-rules';
import { WorkspaceIndex, toRelativePosix, type Summarizer } from '../../../server/src/engine/index';
import { LineIndex } from '../../../server/src/engine/positions';
import { makeWorkspace } from '../../helpers/engine';

describe('disk host', () => {
  it('overlays open buffers on the disk and caches existence until invalidated', () => {
    const dir = makeWorkspace({ 'a.txt': 'disk' });
    const open = new Map([[path.join(dir, 'open.txt'), 'buffer'], [path.join(dir, 'a.txt'), 'edited'], [path.join(dir, 'empty.txt'), '']]);
    const host = new DiskHost(open);
    assert.equal(host.readFile(path.join(dir, 'a.txt')), 'edited');
    assert.equal(host.readFile(path.join(dir, 'open.txt')), 'buffer');
    assert.equal(host.readFile(path.join(dir, 'empty.txt')), '');
    assert.equal(host.fileExists(path.join(dir, 'open.txt')), true);
    assert.equal(host.fileExists(path.join(dir, 'empty.txt')), true);
    assert.equal(host.readFile(path.join(dir, 'none.txt')), undefined);
    assert.equal(host.fileExists(path.join(dir, 'none.txt')), false);
    assert.equal(host.fileExists(dir), false); // a folder is not a file
    fs.writeFileSync(path.join(dir, 'none.txt'), 'now');
    assert.equal(host.fileExists(path.join(dir, 'none.txt')), false); // cached
    assert.equal(host.readFile(path.join(dir, 'none.txt')), 'now'); // reads are never cached
    const version = host.version;
    host.invalidate();
    assert.equal(host.version, version + 1);
    assert.equal(host.fileExists(path.join(dir, 'none.txt')), true);
    const plain = new DiskHost();
    assert.equal(plain.readFile(path.join(dir, 'a.txt')), 'disk');
    assert.equal(plain.fileExists(path.join(dir, 'a.txt')), true);
  });
});

describe('workspace index snapshot', () => {
  const summarizer: Summarizer = { key: 'len', languages: ['typescript'], summarize: (doc) => doc.text.length };

  it('snapshots summaries sorted by path, and restores them elsewhere', () => {
    const index = new WorkspaceIndex([summarizer]);
    assert.equal(index.update({ path: '/w/b.ts', text: 'bb', language: 'typescript' }), true);
    assert.equal(index.update({ path: '/w/a.ts', text: 'a', language: 'typescript' }), true);
    assert.equal(index.update({ path: '/w/a.ts', text: 'a', language: 'typescript' }), false); // same text
    assert.equal(index.size, 2);
    const snapshot = index.snapshot();
    assert.deepEqual(snapshot.map((s) => `${s.path} ${JSON.stringify(s.facts)}`), ['/w/a.ts {"len":1}', '/w/b.ts {"len":2}']);
    const copy = new WorkspaceIndex([summarizer]);
    const before = copy.version;
    copy.restore(snapshot);
    assert.equal(copy.size, 2);
    assert.ok(copy.version > before);
    assert.equal(copy.facts('/w/b.ts', 'len'), 2);
    assert.equal(copy.update({ path: '/w/b.ts', text: 'bb', language: 'typescript' }), false);
    assert.deepEqual(copy.snapshot(), snapshot);
  });
});

describe('config globs', () => {
  it('match gitignore-style, never outside the config folder', () => {
    const globs = ['dist/', '*.min.js', 'docs/**/*.md'];
    assert.equal(matchesGlobs(globs, 'dist/a.js'), true);
    assert.equal(matchesGlobs(globs, 'src/x.min.js'), true);
    assert.equal(matchesGlobs(globs, 'docs/a/b.md'), true);
    assert.equal(matchesGlobs(globs, 'src/a.js'), false);
    assert.equal(matchesGlobs(globs, '../x.min.js'), false);
    assert.equal(matchesGlobs([], 'a.js'), false);
    assert.equal(matchesGlobs(['*'], 'a..b.js'), true);
  });

  it('relative paths use forward slashes, and the file itself is named by its base name', () => {
    assert.equal(toRelativePosix('/w', '/w/a/b.ts'), 'a/b.ts');
    assert.equal(toRelativePosix('/w/a.ts', '/w/a.ts'), 'a.ts');
  });
});

describe('line index', () => {
  it('handles LF, CRLF and lone CR line ends', () => {
    const index = new LineIndex('a\rb\r\nc\nd');
    assert.equal(index.lineCount, 4);
    assert.deepEqual([1, 2, 3, 4].map((l) => index.lineStart(l)), [0, 2, 5, 7]);
    assert.deepEqual(index.position(2), { line: 2, column: 1 });
    assert.deepEqual(index.position(4), { line: 2, column: 3 });
    assert.deepEqual(index.position(8), { line: 4, column: 2 });
    // Out of range lines clamp to the first and last.
    assert.equal(index.lineStart(0), 0);
    assert.equal(index.lineStart(99), 7);
    assert.equal(new LineIndex('x\r').lineCount, 2);
  });
});
