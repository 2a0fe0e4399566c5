import * as assert from 'node:assert/strict';
import { parseConfigText, summarizersFor, WorkspaceIndex, type Summarizer } from '../../server/src/engine/index';
import { defaultConfig } from '../../server/src/engine/config/model';
import { engine } from '../helpers/engine';

// A summarizer of exported function names, to test the index mechanics.
const exportedNames: Summarizer<string[]> = {
  key: 'exports',
  languages: ['typescript'],
  summarize: (_document, tree) => [...(tree()?.text.matchAll(/export function (\w+)/g) ?? [])].map((m) => m[1]),
};

describe('workspace index', () => {
  it('summarises files, and reports a change only when facts change', () => {
    const index = new WorkspaceIndex([exportedNames]);
    const changes: string[][] = [];
    index.onDidChange((paths) => changes.push(paths));
    assert.equal(index.update({ path: '/w/a.ts', text: 'export function a() {}', language: 'typescript' }), true);
    assert.deepEqual(index.facts('/w/a.ts', 'exports'), ['a']);
    assert.equal(index.update({ path: '/w/a.ts', text: 'export function a() { return 1; }', language: 'typescript' }), false, 'body edit: same facts');
    assert.equal(index.update({ path: '/w/a.ts', text: 'export function b() {}', language: 'typescript' }), true);
    assert.deepEqual(index.facts('/w/a.ts', 'exports'), ['b']);
    index.remove('/w/a.ts');
    assert.equal(index.get('/w/a.ts'), undefined);
    assert.deepEqual(changes, [['/w/a.ts'], ['/w/a.ts'], ['/w/a.ts']]);
  });

  it('only summarises the languages a summarizer asks for', () => {
    const index = new WorkspaceIndex([exportedNames]);
    assert.equal(index.wants('python'), false);
    index.update({ path: '/w/a.py', text: 'export function a() {}', language: 'python' });
    assert.deepEqual(index.get('/w/a.py')?.facts, {});
    assert.equal(new WorkspaceIndex([]).enabled, false);
  });

  describe('summarizers a run needs', () => {
    const config = (yaml: string) => parseConfigText(yaml, { knownRuleIds: new Set(engine.rules.map((r) => r.id)) }).config!;
    const keys = (configs: ReturnType<typeof config>[]) => summarizersFor(engine, configs).map((s) => s.key);

    it('builds the import graph by default', () => {
      assert.ok(keys([defaultConfig()]).includes('architecture/imports'));
    });

    it('skips it when no config enables an architecture rule', () => {
      assert.ok(!keys([config('rules:\n  architecture/*: off\n')]).includes('architecture/imports'));
    });

    it('keeps it when one config of the run needs it, or a constraint re-enables the family', () => {
      assert.ok(keys([config('rules:\n  architecture/*: off\n'), defaultConfig()]).includes('architecture/imports'));
      assert.ok(keys([config('rules:\n  architecture/*: off\n  architecture/cycle: error\n')]).includes('architecture/imports'));
      const reEnabled = config('rules:\n  architecture/*: off\narchitecture:\n  layers:\n    domain: src/domain/**\n  constraints:\n    - layer: domain\n      mayImport: []\n      severity: warning\n');
      assert.ok(keys([reEnabled]).includes('architecture/imports'));
    });
  });

  it('summarises a deferred document from the caller\'s tree of the same text, and only when a summarizer asks for one', () => {
    const text = 'export function a() {}\n';
    const seen: unknown[] = [];
    const recording: Summarizer<number> = { key: 'tree', languages: ['typescript'], summarize: (_document, tree) => (seen.push(tree()), 1) };
    const parsedHere: string[] = [];
    const index = new WorkspaceIndex([recording]);
    index.defer([{ path: '/w/a.ts', text, language: 'typescript' }, { path: '/w/b.ts', text, language: 'typescript' }], (file) => parsedHere.push(file));
    const own = { text } as never;
    assert.ok(index.current({ path: '/w/a.ts', text, language: 'typescript' }, () => own));
    assert.deepEqual(seen, [own], 'the caller\'s tree, not a parse of its own');
    // Another text than the deferred one: the caller's tree is not used, the deferred text is parsed.
    assert.equal(index.current({ path: '/w/b.ts', text: 'export const changed = 1;\n', language: 'typescript' }, () => own), undefined);
    assert.notEqual(seen[1], own);
    assert.deepEqual(parsedHere, ['/w/b.ts']);
    // A summarizer that needs no tree never makes the caller parse.
    let asked = 0;
    const lexical: Summarizer<number> = { key: 'length', languages: ['typescript'], summarize: (document) => document.text.length };
    const lazy = new WorkspaceIndex([lexical]);
    lazy.defer([{ path: '/w/c.ts', text, language: 'typescript' }]);
    assert.equal(lazy.current({ path: '/w/c.ts', text, language: 'typescript' }, () => (asked++, own))?.facts.length, text.length);
    assert.equal(asked, 0);
  });

  it('reads a deferred document\'s text only when it is summarised, and leaves out one that cannot be read', () => {
    const reads: string[] = [];
    const lazy = (file: string, text: string | undefined) => ({ path: file, language: 'typescript' as const, text: () => (reads.push(file), text) });
    const index = new WorkspaceIndex([exportedNames]);
    index.defer([lazy('/w/a.ts', 'export function a() {}'), lazy('/w/binary.ts', undefined)]);
    assert.deepEqual(reads, []);
    assert.deepEqual(index.facts('/w/a.ts', 'exports'), ['a']);
    assert.deepEqual(reads, ['/w/a.ts']);
    assert.equal(index.get('/w/binary.ts'), undefined);
    assert.equal(index.get('/w/binary.ts'), undefined, 'and is not read again');
    assert.deepEqual(reads, ['/w/a.ts', '/w/binary.ts']);
    assert.equal(index.size, 1);
  });
});

