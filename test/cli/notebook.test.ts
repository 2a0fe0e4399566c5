// `shipshape check` on a folder whose only Python is in notebooks: the Python grammar is loaded for them,
// on one thread and on two, and each finding is placed in the .ipynb where its code is.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { makeWorkspace } from '../helpers/engine';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

const NOTEBOOK = JSON.stringify(
  {
    cells: [
      { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['import requests\n'] },
      { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['page = requests.get(url)\n', 'try:\n', '    page.raise_for_status()\n', 'except Exception:\n', '    pass\n'] },
    ],
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  },
  null,
  1,
);

describe('shipshape check on notebooks (CLI)', () => {
  for (const workers of ['1', '2']) {
    it(`checks the code cells of notebooks as Python (--workers ${workers})`, () => {
      // Enough notebooks for a second thread to take some.
      const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`notebooks/n${i}.ipynb`, NOTEBOOK]));
      const ws = makeWorkspace(files);
      const result = spawnSync(process.execPath, [CLI, 'check', ws, '--format', 'json', '--workers', workers], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const findings = JSON.parse(result.stdout).findings as { file: string; line: number; column: number; ruleId: string }[];
      const lines = NOTEBOOK.split('\n');
      const at = (line: number, column: number) => lines[line - 1].slice(column - 1, column + 11);
      assert.deepEqual(
        findings.filter((f) => f.file === 'notebooks/n0.ipynb').map((f) => `${f.ruleId} ${at(f.line, f.column)}`),
        ['failure/network-timeout requests.get', 'failure/empty-catch except Excep'],
      );
      assert.equal(findings.length, 12);
    });
  }
});
