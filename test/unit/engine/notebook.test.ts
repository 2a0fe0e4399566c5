// A Jupyter notebook's code cells are checked as the Python they hold, and each finding is placed where
// its code is in the notebook's JSON (engine/notebook.ts): through escapes, non-ASCII text, both forms
// of `source`, IPython magics and cells in other languages.
import * as assert from 'node:assert/strict';
import { preparePythonImports } from '../../../server/src/engine/index';
import { notebookScript } from '../../../server/src/engine/notebook';
import { analyse, visible } from '../../helpers/engine';

interface Cell {
  type?: 'code' | 'markdown';
  /** A list of lines (each with its `\n` but the last), as Jupyter writes them; a string for the other form. */
  source: string[] | string;
}

function notebook(cells: Cell[], language = 'python'): string {
  const json = {
    cells: cells.map((cell) => ({ cell_type: cell.type ?? 'code', metadata: {}, ...(cell.type === 'markdown' ? {} : { execution_count: null, outputs: [] }), source: cell.source })),
    metadata: { kernelspec: { display_name: language, language, name: language } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return JSON.stringify(json, null, 1);
}

/** `rule line:column` of each visible finding, and the JSON text at that place. */
function placed(text: string): string[] {
  const lines = text.split('\n');
  return visible(analyse(text, { filename: 'analysis.ipynb' })).map((f) => `${f.ruleId} ${f.line}:${f.column} ${lines[f.line - 1].slice(f.column - 1, f.column + 11)}${f.fixes ? ' (with fixes)' : ''}`);
}

describe('notebooks: code cells checked as Python, placed in the JSON', () => {
  before(() => preparePythonImports());

  it('places findings exactly, through escaped quotes and non-ASCII text, with a later cell using an earlier cell\'s import', () => {
    const text = notebook([
      { type: 'markdown', source: ['# Prices “today”\n'] },
      { source: ['import requests\n', 'import json\n'] },
      { source: ['r = requests.get("https://api.example.com/ünï")\n', 'try:\n', '    data = json.loads(r.text)\n', 'except Exception:\n', '    pass'] },
    ]);
    assert.deepEqual(placed(text), ['failure/network-timeout 26:10 requests.get', 'failure/empty-catch 29:6 except Excep']);
  });

  it('reads `source` as one string too, skips cell magics, comments out line magics and shell lines', () => {
    const text = notebook([
      { source: '%matplotlib inline\n!pip install requests\nimport requests' },
      { source: '%%bash\ncurl http://example.com\n' },
      { source: 'requests.post(url, json={"a": 1})' },
    ]);
    assert.deepEqual(placed(text), ['failure/network-timeout 22:15 requests.pos']);
    assert.equal(notebookScript(text)!.text, '#matplotlib inline\n#pip install requests\nimport requests\nrequests.post(url, json={"a": 1})\n');
  });

  it('keeps the secrets of the JSON pass, once, and honours a suppression written in a cell', () => {
    const text = notebook([
      { source: ['import requests\n', 'key = "sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab"\n', '# shipshape-ignore-next-line failure/network-timeout -- a local mock server\n', 'requests.get(url)\n', 'requests.get(other)'] },
    ]);
    assert.deepEqual(placed(text), ['secrets/stripe-key 10:14 sk_live_51Hq', 'failure/network-timeout 13:6 requests.get']);
  });

  it('counts an escape as the one character it stands for: `\\"`, `\\n`, `\\u00e9` before the finding on its line', () => {
    // As Python's json module writes a notebook (ensure_ascii): non-ASCII text as \u escapes.
    const text = notebook([{ source: 'import requests\nlabel = "caf\u00e9"; requests.get(url)' }]).replace('caf\u00e9', 'caf\\u00e9');
    assert.match(text, /label = \\"caf\\u00e9\\"; requests/);
    assert.deepEqual(placed(text), ['failure/network-timeout 8:55 requests.get']);
  });

  it('says in each message where the code is as Jupyter shows it: the cell among all cells, the line in the cell', () => {
    const text = notebook([
      { type: 'markdown', source: ['# Notes\n'] },
      { source: ['import requests\n', 'key = "sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab"\n'] },
      { source: ['%%bash\n', 'ls\n'] },
      { source: ['\n', 'requests.get(url)'] },
    ]);
    const notes = visible(analyse(text, { filename: 'analysis.ipynb' })).map((f) => `${f.ruleId} ${/\(cell \d+, line \d+\)$/.exec(f.message)?.[0]}`);
    assert.deepEqual(notes, ['secrets/stripe-key (cell 2, line 2)', 'failure/network-timeout (cell 4, line 2)']);
  });

  it('leaves notebooks of other languages, and JSON that is not a notebook, to the secrets pass', () => {
    assert.deepEqual(placed(notebook([{ source: ['import requests\n', 'requests.get(url)'] }], 'julia')), []);
    assert.equal(notebookScript('{"cells": "not a list"}'), undefined);
    assert.equal(notebookScript('{"cells": [{"cell_type": "code", "source": ['), undefined);
    assert.deepEqual(visible(analyse('{"cells": [}', { filename: 'broken.ipynb' })), []);
  });
});
