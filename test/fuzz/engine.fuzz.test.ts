// Properties of the engine on hostile input: it never throws, positions stay inside the text, and a
// file's analysis either finishes or ends with a visible budget notice.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DiskHost } from '../../server/src/engine/host';
import { languageOf, parseConfigText } from '../../server/src/engine/index';
import { engine, loadedConfig, TEST_SALT } from '../helpers/engine';
import { fileNames, hostileConfig, hostileSource, invalidUtf8, RUNS } from './arbitraries';

const CONFIG = loadedConfig('architecture:\n  layers:\n    domain: src/domain/**\n    infra: src/infra/**\n  constraints:\n    - layer: domain\n      mayImport: []\n', '/w');

function analyseText(text: string, file: string) {
  const path = `/w/${file}`;
  return engine.analyze({ document: { path, text, language: languageOf(path) }, config: CONFIG, host: new DiskHost(), salt: TEST_SALT });
}

function assertWellFormed(text: string, result: ReturnType<typeof analyseText>): void {
  const lines = text.split(/\r\n|\r|\n/);
  assert.deepEqual(result.errors, [], 'no check threw');
  for (const f of result.findings) {
    assert.ok(f.line >= 1 && f.line <= lines.length && f.endLine >= f.line && f.endLine <= lines.length, `lines in range: ${JSON.stringify(f)}`);
    assert.ok(f.column >= 1 && f.endColumn >= 1, 'columns from 1');
    assert.match(f.fingerprint, /^[0-9a-f]{16}$/);
  }
}

describe('fuzz: engine', function () {
  this.timeout(300000);

  it('never throws on damaged source, and positions stay in the text', () => {
    fc.assert(fc.property(hostileSource, fileNames, (text, file) => assertWellFormed(text, analyseText(text, file))), { numRuns: RUNS });
  });

  it('never throws on invalid UTF-8 and NUL bytes', () => {
    fc.assert(fc.property(invalidUtf8, fileNames, (text, file) => {
      const result = analyseText(text, file);
      if (text.includes('\u0000')) assert.equal(result.skipped, 'binary');
      else assertWellFormed(text, result);
    }), { numRuns: RUNS });
  });

  it('handles a 10 MB single line (secrets pass only) and deep nesting', () => {
    const long = `const k = "${'a'.repeat(10 * 1024 * 1024)}";`;
    const result = analyseText(long, 'big.ts');
    assert.equal(result.secretsOnly, 'too-large');
    assert.deepEqual(result.errors, []);
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}\ntry { x(); } catch (e) {}\n`;
    assertWellFormed(deep, analyseText(deep, 'deep.ts'));
  });

  it('config parsing never throws: every input gives a config or positioned problems', () => {
    fc.assert(fc.property(hostileConfig, (text) => {
      const parsed = parseConfigText(text);
      if (!parsed.config) assert.ok(parsed.problems.length > 0, 'a rejected config says why');
      for (const problem of parsed.problems) assert.ok(problem.line >= 1 && problem.column >= 1);
    }), { numRuns: RUNS });
  });
});
