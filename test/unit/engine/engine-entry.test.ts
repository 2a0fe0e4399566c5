// The engine's entry points in detail: which built-in summarizers a run needs (by exact rule id or by
// family wildcard), the workspace index over all or some summarizers, and the config store's knowledge of
// rule ids and families (unknown ones are warned about).
import * as assert from 'node:assert/strict';
import { createConfigStore, createWorkspaceIndex, parseConfigText, summarizersFor } from '../../../server/src/engine/index';
import { defaultConfig } from '../../../server/src/engine/config/model';
import { engine } from '../../helpers/engine';

const config = (text: string) => parseConfigText(text, { knownRuleIds: new Set(engine.rules.map((r) => r.id)) }).config!;
const keys = (text?: string) => summarizersFor(engine, [text === undefined ? defaultConfig() : config(text)]).map((s) => s.key);

describe('engine entry points', () => {
  it('asks each summarizer only when a rule it serves is enabled', () => {
    assert.deepEqual(keys(), ['architecture/imports', 'failure/api-exports', 'failure/async-exports', 'failure/python-coroutines']);
    assert.deepEqual(keys('rules:\n  failure/network-timeout: off\n'), ['architecture/imports', 'failure/async-exports', 'failure/python-coroutines']);
    assert.deepEqual(keys('rules:\n  failure/*: off\n  failure/floating-promise: warning\n'), ['architecture/imports', 'failure/async-exports', 'failure/python-coroutines']);
    assert.deepEqual(keys('rules:\n  failure/*: off\n'), ['architecture/imports']);
    assert.deepEqual(keys('rules:\n  failure/*: off\n  failure/network-timeout: warning\n'), ['architecture/imports', 'failure/api-exports']);
    assert.deepEqual(keys('rules:\n  architecture/*: off\n  failure/*: off\n'), []);
  });

  it('builds the workspace index over every summarizer, or the ones given', () => {
    const document = { path: '/w/a.ts', text: 'import { b } from "./b";\nexport async function f() {}\n', language: 'typescript' as const };
    const all = createWorkspaceIndex();
    all.update(document);
    assert.deepEqual(all.snapshot().map((s) => Object.keys(s.facts).sort()), [['architecture/imports', 'failure/api-exports', 'failure/async-exports']]);
    const some = createWorkspaceIndex(summarizersFor(engine, [config('rules:\n  failure/*: off\n')]));
    some.update(document);
    assert.deepEqual(some.snapshot().map((s) => Object.keys(s.facts)), [['architecture/imports']]);
  });

  it('gives the config store the known rule ids and families', () => {
    const text = 'rules:\n  failure/empty-catch: off\n  failure/nope: warning\n  failure/*: warning\n  secrets/*: off\n  architecture/*: off\n  readiness/*: off\n  shipshape/*: off\n  bogus/*: off\n';
    const store = createConfigStore({ readText: (file) => (file === '/w/shipshape.yml' ? text : undefined) }, engine);
    assert.deepEqual(store.load('/w/shipshape.yml').problems.map((p) => `${p.severity} ${p.line} ${p.message}`), [
      "warning 3 Unknown rule 'failure/nope': this setting has no effect.",
      "warning 9 Unknown rule family 'bogus'.",
    ]);
  });
});
