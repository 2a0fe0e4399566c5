// Project checks through Engine.analyzeProject with synthetic checks (what they are given, how their
// evidence becomes findings), the file walk and .gitignore handling, and the evidence helpers.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../../server/src/engine/index';
import { lineOf, matchesAny, SCRIPT_EXTENSIONS, SOURCE_EXTENSIONS, TEST_FILE } from '../../../server/src/engine/project/evidence';
import type { ProjectCheck, ProjectContext } from '../../../server/src/engine/project/types';
import type { RuleMeta } from '../../../server/src/engine/types';
import { collectFiles, GitIgnoreOracle, readSourceFile } from '../../../server/src/engine/workspace/files';
import { loadedConfig, makeWorkspace } from '../../helpers/engine';

function projectCheck(id: string, run: (context: ProjectContext) => void, extra: Partial<RuleMeta> = {}): ProjectCheck {
  return { meta: { id, family: 'readiness', title: id, rationale: '', remedy: '', defaultSeverity: 'warning', languages: '*', examples: { bad: [], good: [] }, ...extra }, run };
}

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });

describe('project checks (engine)', () => {
  it('give checks the files, their text, package.json and git state, and turn evidence into findings', () => {
    const dir = makeWorkspace({ 'package.json': '{\n  "name": "p",\n  "scripts": {}\n}\n', 'src/a.ts': 'a\r\nlonger line\r\n', '.gitignore': 'dist/\n*.log\n', 'dist/x.js': '', 'keep.log': '', 'notes.md': 'one\nlast line, no newline' });
    git(dir, 'init', '-q');
    git(dir, 'add', 'package.json', 'src/a.ts');
    let seen: ProjectContext | undefined;
    const checks = [
      projectCheck('readiness/spy', (c) => {
        seen = c;
        c.report({ ruleId: 'readiness/spy', file: 'src/a.ts', line: 2, message: 'second line', lookedAt: ['a', 'b'] });
        c.report({ ruleId: 'readiness/spy', file: 'notes.md', line: 2, message: 'last line', lookedAt: ['notes'] });
        c.report({ ruleId: 'readiness/spy', file: 'missing.txt', message: 'no file', lookedAt: ['x'] });
        c.report({ ruleId: 'readiness/spy', file: 'package.json', line: 1, message: 'short line', lookedAt: ['y'] });
        c.report({ ruleId: 'readiness/unknown', file: 'package.json', message: 'dropped', lookedAt: [] });
      }),
      projectCheck('readiness/off', () => assert.fail('a rule switched off must not run'), { defaultSeverity: 'off' as never }),
      projectCheck('readiness/boom', () => { throw new Error('kaput'); }),
      projectCheck('readiness/odd', () => { throw 42; }),
    ];
    const engine = new Engine([], checks);
    const { findings, errors } = engine.analyzeProject(loadedConfig(undefined, dir), { allowGit: true });
    assert.deepEqual(errors, [{ ruleId: 'readiness/boom', message: 'kaput' }, { ruleId: 'readiness/odd', message: '42' }]);
    assert.deepEqual(seen!.files, ['.gitignore', 'notes.md', 'package.json', 'src/a.ts']);
    assert.equal(seen!.root, dir);
    assert.deepEqual(seen!.packageJson, { name: 'p', scripts: {} });
    assert.equal(seen!.readFile('notes.md'), 'one\nlast line, no newline');
    assert.equal(seen!.readFile('nope'), undefined);
    assert.deepEqual([...seen!.trackedFiles!].sort(), ['package.json', 'src/a.ts']);
    assert.equal(seen!.isGitIgnored('dist/x.js'), true);
    assert.equal(seen!.isGitIgnored('keep.log'), true);
    assert.equal(seen!.isGitIgnored('notes.md'), false);
    assert.deepEqual(
      findings.map((f) => `${f.ruleId} ${path.relative(dir, f.file)} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message}`),
      [
        'readiness/spy src/a.ts 2:1-2:12 warning second line (Looked at: a; b.)',
        'readiness/spy notes.md 2:1-2:22 warning last line (Looked at: notes.)',
        'readiness/spy missing.txt 1:1-1:2 warning no file (Looked at: x.)',
        'readiness/spy package.json 1:1-1:2 warning short line (Looked at: y.)',
      ],
    );
    assert.equal(findings[0].family, 'readiness');
    // The fingerprint depends on the rule, file and message, not on the line.
    assert.notEqual(findings[0].fingerprint, findings[1].fingerprint);
    // Severity comes from the config; off drops the finding; git is not read when not allowed.
    const configured = engine.analyzeProject(loadedConfig('rules:\n  readiness/spy: error\n  readiness/boom: off\n  readiness/odd: off\n', dir), { allowGit: false });
    assert.deepEqual(configured.findings.map((f) => f.severity), ['error', 'error', 'error', 'error']);
    assert.deepEqual(configured.errors, []);
    assert.equal(seen!.trackedFiles, undefined);
    assert.equal(engine.analyzeProject(loadedConfig('rules:\n  readiness/*: off\n  readiness/spy: warning\n', dir), { allowGit: false }).findings.length, 4);
  });

  it('read package.json only when it is a JSON object, and git state only inside a repository', () => {
    const contexts: ProjectContext[] = [];
    const engine = new Engine([], [projectCheck('readiness/spy', (c) => void contexts.push(c))]);
    for (const text of ['{ broken', '"a string"', 'null', '[1]']) engine.analyzeProject(loadedConfig(undefined, makeWorkspace({ 'package.json': text })), { allowGit: true });
    engine.analyzeProject(loadedConfig(undefined, makeWorkspace({ 'a.txt': '' })), { allowGit: true });
    assert.deepEqual(contexts.slice(0, 4).map((c) => c.packageJson), [undefined, undefined, undefined, [1]]);
    assert.equal(contexts[4].packageJson, undefined);
    assert.equal(contexts[4].trackedFiles, undefined); // not a repository
  });
});

describe('file walk', () => {
  it('walks folders, skips VCS and node_modules folders and what .gitignore files say, and lists missing inputs', () => {
    const dir = makeWorkspace({
      '.gitignore': 'build/\n*.tmp\n',
      'a.ts': '',
      'b.tmp': '',
      'build/out.js': '',
      'node_modules/p/index.js': '',
      '.hg/x': '',
      '.svn/x': '',
      'sub/.gitignore': 'local.txt\n',
      'sub/local.txt': '',
      'sub/kept.txt': '',
      'other/local.txt': '',
      'notignored/build': '',
    });
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, '.git', 'info'));
    fs.writeFileSync(path.join(dir, '.git', 'info', 'exclude'), 'excluded.txt\n');
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), '');
    fs.writeFileSync(path.join(dir, 'excluded.txt'), '');
    const walk = collectFiles([path.join(dir, 'sub'), dir, path.join(dir, 'b.tmp'), path.join(dir, 'nope')]);
    const relative = walk.files.map((f) => path.relative(dir, f));
    // b.tmp is given by name; .git/info/exclude of the root applies too; `build/` only matches folders.
    assert.deepEqual(relative, ['.gitignore', 'a.ts', 'b.tmp', 'notignored/build', 'other/local.txt', 'sub/.gitignore', 'sub/kept.txt']);
    assert.deepEqual(walk.missing, [path.join(dir, 'nope')]);
    // Walking a sub-folder applies the .gitignore files above it, up to the repository root.
    assert.deepEqual(collectFiles([path.join(dir, 'sub')]).files.map((f) => path.relative(dir, f)), ['sub/.gitignore', 'sub/kept.txt']);
    fs.writeFileSync(path.join(dir, 'sub', 'x.tmp'), '');
    assert.deepEqual(collectFiles([path.join(dir, 'sub')]).files.map((f) => path.relative(dir, f)), ['sub/.gitignore', 'sub/kept.txt']);
  });

  it('outside a repository applies only the folder\'s own .gitignore files', () => {
    const dir = makeWorkspace({ '.gitignore': '*.tmp\n', 'sub/a.tmp': '', 'sub/b.ts': '' });
    assert.deepEqual(collectFiles([path.join(dir, 'sub')]).files.map((f) => path.relative(dir, f)), ['sub/a.tmp', 'sub/b.ts']);
    assert.deepEqual(collectFiles([dir]).files.map((f) => path.relative(dir, f)), ['.gitignore', 'sub/b.ts']);
  });

  it('answers whether git ignores a path without running git', () => {
    const dir = makeWorkspace({ '.gitignore': 'logs/\n', 'src/.gitignore': '*.gen.ts\n!keep.gen.ts\n', 'src/a.ts': '', 'src/x.gen.ts': '' });
    fs.mkdirSync(path.join(dir, '.git', 'info'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.git', 'info', 'exclude'), 'secret.txt\n');
    const oracle = new GitIgnoreOracle();
    const ignores = (relative: string) => oracle.ignores(path.join(dir, relative));
    assert.equal(ignores('src/a.ts'), false);
    assert.equal(ignores('src/x.gen.ts'), true);
    assert.equal(ignores('src/keep.gen.ts'), false);
    assert.equal(ignores('logs/today.txt'), true);
    assert.equal(ignores('src/logs/today.txt'), true);
    assert.equal(ignores('logs'), false); // a file named like the ignored folder
    assert.equal(ignores('secret.txt'), true);
    assert.equal(ignores('src/secret.txt'), true);
    // Cached until reset.
    fs.writeFileSync(path.join(dir, '.gitignore'), '');
    assert.equal(ignores('logs/today.txt'), true);
    oracle.reset();
    assert.equal(ignores('logs/today.txt'), false);
  });

  it('reads text, and tells binary, too large and unreadable files apart', () => {
    const dir = makeWorkspace({ 'a.txt': 'héllo', 'b.bin': 'x\u0000y' });
    fs.writeFileSync(path.join(dir, 'late-nul.txt'), Buffer.concat([Buffer.alloc(8000, 97), Buffer.from([0])]));
    assert.deepEqual(readSourceFile(path.join(dir, 'a.txt'), 100), { text: 'héllo' });
    assert.deepEqual(readSourceFile(path.join(dir, 'a.txt'), 6), { text: 'héllo' }); // 6 bytes: at the limit
    assert.deepEqual(readSourceFile(path.join(dir, 'a.txt'), 5), { skipped: 'too-large' });
    assert.deepEqual(readSourceFile(path.join(dir, 'b.bin'), 100), { skipped: 'binary' });
    assert.ok('text' in readSourceFile(path.join(dir, 'late-nul.txt'), 10000)); // NUL after the sniffed bytes
    assert.deepEqual(readSourceFile(path.join(dir, 'nope'), 100), { skipped: 'unreadable' });
    assert.deepEqual(readSourceFile(dir, 100000), { skipped: 'unreadable' });
  });
});

describe('evidence helpers', () => {
  it('find the line of the first match, or 1', () => {
    assert.equal(lineOf('a\nb\n"scripts"\n"scripts"', '"scripts"'), 3);
    assert.equal(lineOf('a\nb\nc', /c/), 3);
    assert.equal(lineOf('first', 'first'), 1);
    assert.equal(lineOf('\nsecond', 'second'), 2);
    assert.equal(lineOf('a\nb', 'zzz'), 1);
    assert.equal(lineOf('a\nb', /zzz/), 1);
    assert.equal(lineOf(undefined, 'x'), 1);
    assert.equal(lineOf('', 'x'), 1);
    assert.equal(lineOf('x\r\ny', 'y'), 2);
  });

  it('match paths against any pattern, and name source, script and test files', () => {
    assert.equal(matchesAny('src/a.ts', [/^lib\//, /^src\//]), true);
    assert.equal(matchesAny('src/a.ts', [/^lib\//]), false);
    assert.equal(matchesAny('src/a.ts', []), false);
    assert.ok(SOURCE_EXTENSIONS.test('a.py') && SOURCE_EXTENSIONS.test('a.mts') && !SOURCE_EXTENSIONS.test('a.md'));
    assert.ok(SCRIPT_EXTENSIONS.test('a.cjs') && !SCRIPT_EXTENSIONS.test('a.py'));
    for (const file of ['src/a.test.ts', 'a.spec.mjs', 'test/x.js', 'pkg/tests/x.py', '__tests__/x.ts', 'spec/x.rb', 'test_a.py', 'pkg/test_b.py', 'a_test.py']) assert.ok(TEST_FILE.test(file), file);
    for (const file of ['src/a.ts', 'contest/x.ts', 'latest.py', 'src/testing.ts', 'test_dir/a.ts', 'a_test.ts']) assert.ok(!TEST_FILE.test(file), file);
  });
});
