import * as assert from 'node:assert/strict';
import { WorkspaceIndex, type Summarizer } from '../../server/src/engine/index';

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
});
