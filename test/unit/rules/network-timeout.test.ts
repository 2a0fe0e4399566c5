import * as assert from 'node:assert/strict';
import { preparePythonImports } from '../../../server/src/engine/index';
import { applyFixToText, assertParses, onlyFix } from '../../helpers/fix-application';
import { analyse, visible, type AnalyseOptions } from '../../helpers/engine';
import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/network-timeout';
const FETCH =
  '`fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort.';
const AXIOS_GET =
  '`axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one.';
const REQUESTS_GET =
  '`requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`.';
const py = (code: string) => ({ code, filename: 'app/client.py' });

// A wrapper module of the workspace re-exporting the APIs under other names.
const WRAPPERS = {
  'src/net.ts': 'import axios from "axios";\nexport { fetch as httpFetch };\nexport const get = axios.get;\nexport default axios;\nexport const bounded = 1;\n',
  'src/barrel.ts': 'export * from "./net";\nexport { httpFetch as call } from "./net";\n',
  'src/cjs.js': 'const axios = require("axios");\nmodule.exports = { post: axios.post };\n',
  'src/own.ts': 'export async function httpFetch(url: string) { return url; }\n',
};
const ws = { files: WRAPPERS, workspace: true };

describe('failure/network-timeout', () => {
  before(() => preparePythonImports());

  ruleTable(RULE, {
    valid: [
      'await fetch(url, { signal: AbortSignal.timeout(5_000) });',
      'await fetch(url, { method: "POST", signal });',
      'const init = { signal: controller.signal };\nawait fetch(url, init);',
      // Options the rule cannot read may well hold a signal: no finding rather than a guess.
      'await fetch(url, init);',
      'await fetch(url, { ...defaults, method: "POST" });',
      'await fetch(new Request(url, { signal }));',
      'function fetch(u: string) { return u; }\nfetch("/x");',
      'import axios from "axios";\nawait axios.get(url, { timeout: 5000 });\nawait axios.post(url, body, { timeout: 5000 });',
      'import axios from "axios";\naxios.defaults.timeout = 5000;\nawait axios.get(url);',
      'import axios from "axios";\nconst api = axios.create({ baseURL, timeout: 10_000 });\nawait api.get("/x");',
      // Instances are judged where they are created, not on every call.
      'import { api } from "./api";\nawait api.get("/x");',
      'import axios from "axios";\nawait axios.get(url, config);',
      'import https from "node:https";\nhttps.get(url, { timeout: 5000 }, cb);',
      'import https from "node:https";\nconst req = https.request(options);',
      'import https from "node:https";\nconst req = https.get(url, cb);\nreq.setTimeout(5000, () => req.destroy());',
      'import http from "http";\nhttp.get(url, cb).on("timeout", onTimeout);',
      'import got from "got";\nawait got(url, { timeout: { request: 10_000 } });',
      'import ky from "ky";\nawait ky.get(url);',
      'import { request } from "undici";\nawait request(url, { headersTimeout: 5000, bodyTimeout: 5000 });',
      'import { Pool } from "pg";\nnew Pool({ connectionString, connectionTimeoutMillis: 5000 });',
      'import { Pool } from "pg";\nnew Pool(config);',
      // Not the APIs: same names from elsewhere.
      'import { get } from "./cache";\nget(url);',
      'const axios = { get: (u: string) => u };\naxios.get(url);',
      'client.get(url);',
      { ...ws, code: 'import { bounded } from "./net";\nbounded;' },
      { ...ws, code: 'import { httpFetch } from "./own";\nawait httpFetch(url);' },
      // Python
      py('import requests\nrequests.get(url, timeout=10)\n'),
      py('import requests\nrequests.post(url, json=body, timeout=(3, 10))\n'),
      py('import requests\nrequests.get(url, **kwargs)\n'),
      py('import httpx\nhttpx.get(url)\nclient = httpx.Client()\nclient.get(url)\n'),
      py('from mylib import requests\nrequests.get(url, timeout=5)\n'),
      py('import other\nother.get(url)\n'),
      py('requests = Fake()\n'),
    ],
    invalid: [
      { code: 'const res = await fetch(url);', errors: [{ line: 1, column: 19, endColumn: 24, message: FETCH }] },
      { code: 'await fetch(url, { method: "POST" });', errors: [{ line: 1, column: 7, message: FETCH }] },
      { code: 'await globalThis.fetch(url);', errors: [{ line: 1, column: 7, endColumn: 23, message: FETCH }] },
      { code: 'const init = { method: "POST" };\nawait fetch(url, init);', errors: [{ line: 2, column: 7, message: FETCH }] },
      { code: 'import nodeFetch from "node-fetch";\nawait nodeFetch(url);', errors: [{ line: 2, column: 7, message: FETCH }] },
      { code: 'import { fetch as f } from "undici";\nawait f(url);', errors: [{ line: 2, column: 7, message: FETCH }] },
      // Aliases: default import under another name, destructuring, require, namespace import.
      { code: 'import ax from "axios";\nawait ax.get(url);', errors: [{ line: 2, column: 7, endColumn: 13, message: AXIOS_GET }] },
      { code: 'import axios from "axios";\nconst { get } = axios;\nawait get(url);', errors: [{ line: 3, column: 7, endColumn: 10, message: AXIOS_GET }] },
      { code: 'const axios = require("axios");\nawait axios.get(url);', errors: [{ line: 2, column: 7, message: AXIOS_GET }] },
      { code: 'import * as ax from "axios";\nawait ax.default.get(url);', errors: [{ line: 2, column: 7, message: AXIOS_GET }] },
      { code: 'import { get } from "axios";\nawait get(url, { headers });', errors: [{ line: 2, column: 7, message: AXIOS_GET }] },
      { code: 'import axios from "axios";\nawait axios.post(url, body);', errors: [{ line: 2, column: 7, message: /^`axios\.post` without a timeout/ }] },
      { code: 'import axios from "axios";\nawait axios({ url, method: "GET" });', errors: [{ line: 2, column: 7, message: /^`axios` without a timeout/ }] },
      { code: 'import axios from "axios";\nawait axios.get(url, { timeout: 0 });', errors: [{ line: 2, column: 7, message: /^`axios\.get` without a timeout \(its timeout is switched off\)/ }] },
      { code: 'import axios from "axios";\nexport const api = axios.create({ baseURL: API });', errors: [{ line: 2, column: 20, endColumn: 32, message: 'axios instance created without `timeout`: axios never times out by default, so every call through this instance hangs as long as the server does. Add `timeout` (ms) to its config.' }] },
      { code: 'import { request } from "node:https";\nrequest("https://example.com", (res) => res.resume());', errors: [{ line: 2, column: 1, endColumn: 8, message: /^`https\.request` without a timeout: Node never times out/ }] },
      { code: 'const https = require("https");\nhttps.get(url, cb).on("error", onError);', errors: [{ line: 2, column: 1, message: /^`https\.get` without a timeout/ }] },
      { code: 'import * as http from "node:http";\nconst req = http.request({ host, path });', errors: [{ line: 2, column: 13, message: /^`http\.request` without a timeout/ }] },
      { code: 'import got from "got";\nawait got(url);\nawait got.post(url, { json });', errors: [{ line: 2, column: 7, message: /^`got` without a timeout: got never/ }, { line: 3, column: 7, message: /^`got\.post`/ }] },
      { code: 'import ky from "ky";\nawait ky.get(url, { timeout: false });', errors: [{ line: 2, column: 7, message: '`ky.get` with its timeout switched off: a stalled server now hangs this request forever. Keep a finite `timeout` (ms).' }] },
      { code: 'import { request } from "undici";\nawait request(url);', errors: [{ line: 2, column: 7, message: /^`undici\.request` without `headersTimeout`\/`bodyTimeout`/ }] },
      { code: 'import pg from "pg";\nconst pool = new pg.Pool({ connectionString });', errors: [{ line: 2, column: 14, endColumn: 25, message: /^pg Pool created without `connectionTimeoutMillis` or `statement_timeout`: by default it waits forever/ }] },
      { code: 'const { Client } = require("pg");\nconst client = new Client();', errors: [{ line: 2, column: 16, message: /^pg Client created without/ }] },
      // Cross-file: wrapper modules that re-export the APIs, also through a barrel and CommonJS.
      { ...ws, code: 'import { httpFetch } from "./net";\nawait httpFetch(url);', errors: [{ line: 2, column: 7, message: FETCH }] },
      { ...ws, code: 'import { get } from "./net";\nawait get(url);', errors: [{ line: 2, column: 7, message: AXIOS_GET }] },
      { ...ws, code: 'import http from "./net";\nawait http.get(url);', errors: [{ line: 2, column: 7, message: AXIOS_GET }] },
      { ...ws, code: 'import * as net from "./net";\nawait net.httpFetch(url);', errors: [{ line: 2, column: 7, message: FETCH }] },
      { ...ws, code: 'import { call, get } from "./barrel";\nawait call(url);\nawait get(url);', errors: [{ line: 2, column: 7, message: FETCH }, { line: 3, column: 7, message: AXIOS_GET }] },
      { ...ws, code: 'const { post } = require("./cjs");\nawait post(url, body);', errors: [{ line: 2, column: 7, message: /^`axios\.post` without a timeout/ }] },
      // Python
      { ...py('import requests\nrequests.get(url)\n'), errors: [{ line: 2, column: 1, endColumn: 13, message: REQUESTS_GET }] },
      { ...py('import requests as r\nr.get(url)\n'), errors: [{ line: 2, column: 1, endColumn: 6, message: REQUESTS_GET }] },
      { ...py('from requests import get\nget(url)\n'), errors: [{ line: 2, column: 1, endColumn: 4, message: REQUESTS_GET }] },
      { ...py('try:\n    import requests\nexcept ImportError:\n    requests = None\n\ndef load(url):\n    return requests.get(url).json()\n'), errors: [{ line: 7, column: 12, message: REQUESTS_GET }] },
      { ...py('import requests\nrequests.get(url, timeout=None)\n'), errors: [{ line: 2, column: 1, message: /^`requests\.get` with `timeout=None`/ }] },
      { ...py('import requests\ns = requests.Session()\ns.post(url, json=body)\nwith requests.Session() as t:\n    t.get(url)\nrequests.Session().delete(url)\n'), errors: [{ line: 3, column: 1, message: /^`requests\.Session\(\)\.post` without `timeout=`/ }, { line: 5, column: 5 }, { line: 6, column: 1 }] },
      { ...py('import httpx\nhttpx.get(url, timeout=None)\nclient = httpx.Client(timeout=None)\n'), errors: [{ line: 2, column: 1, message: /^`httpx\.get` with `timeout=None`: httpx's 5-second default is switched off/ }, { line: 3, column: 10, message: /^`httpx\.Client` with `timeout=None`/ }] },
    ],
  });

  describe('quick fixes', () => {
    /** Applies the fix, checks that the result parses and that re-analysing it finds nothing. */
    function fixed(code: string, options: AnalyseOptions = {}): string {
      const findings = visible(analyse(code, options)).filter((f) => f.ruleId === RULE);
      assert.equal(findings.length, 1, JSON.stringify(findings));
      const text = applyFixToText(code, onlyFix(findings[0]));
      assertParses(text, options.filename ?? 'src/file.ts');
      assert.deepEqual(visible(analyse(text, options)).filter((f) => f.ruleId === RULE).map((f) => f.message), []);
      return text;
    }

    const cases: [string, string, AnalyseOptions?][] = [
      ['await fetch(url);', 'await fetch(url, { signal: AbortSignal.timeout(10_000) });'],
      ['await fetch(url,);', 'await fetch(url, { signal: AbortSignal.timeout(10_000) },);'],
      ['await fetch(url, {});', 'await fetch(url, { signal: AbortSignal.timeout(10_000) });'],
      ['await fetch(url, { method: "POST" });', 'await fetch(url, { method: "POST", signal: AbortSignal.timeout(10_000) });'],
      ['await fetch(url, { method: "POST", });', 'await fetch(url, { method: "POST", signal: AbortSignal.timeout(10_000), });'],
      [
        'await fetch(url, {\n  method: "POST",\n  body,\n});',
        'await fetch(url, {\n  method: "POST",\n  body,\n  signal: AbortSignal.timeout(10_000),\n});',
      ],
      ['await fetch(url, {\n    method: "POST"\n  });', 'await fetch(url, {\n    method: "POST",\n    signal: AbortSignal.timeout(10_000)\n  });'],
      ['fetch(url).then((r) => r.json());', 'fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.json());', { config: 'rules:\n  failure/network-timeout:\n    options:\n      timeoutMs: 5000\n' }],
      ['import ax from "axios";\nawait ax.get(url);', 'import ax from "axios";\nawait ax.get(url, { timeout: 10_000 });'],
      ['import axios from "axios";\nawait axios.post(url);', 'import axios from "axios";\nawait axios.post(url, undefined, { timeout: 10_000 });'],
      ['import axios from "axios";\nawait axios.put(url, body, { headers });', 'import axios from "axios";\nawait axios.put(url, body, { headers, timeout: 10_000 });'],
      ['import axios from "axios";\nconst api = axios.create();', 'import axios from "axios";\nconst api = axios.create({ timeout: 10_000 });'],
      ['import axios from "axios";\nconst api = axios.create({ baseURL });', 'import axios from "axios";\nconst api = axios.create({ baseURL, timeout: 10_000 });'],
      ['import axios from "axios";\nawait axios({ url });', 'import axios from "axios";\nawait axios({ url, timeout: 10_000 });'],
      ['fetch(url)', 'fetch(url, { signal: AbortSignal.timeout(10_000) })', { filename: 'src/app.js' }],
      ['import requests\nrequests.get(url)\n', 'import requests\nrequests.get(url, timeout=10)\n', { filename: 'app/a.py' }],
      ['import requests\nrequests.post(\n    url,\n    json=body,\n)\n', 'import requests\nrequests.post(\n    url,\n    json=body, timeout=10,\n)\n', { filename: 'app/a.py' }],
      ['import requests\nrequests.get(url)\n', 'import requests\nrequests.get(url, timeout=2.5)\n', { filename: 'app/a.py', config: 'rules:\n  failure/network-timeout:\n    options:\n      timeoutMs: 2500\n' }],
    ];
    for (const [code, expected, options] of cases) {
      it(`fixes ${code.split('\n').pop()}`, () => assert.equal(fixed(code, options), expected));
    }

    it('offers no fix when the options are a variable it cannot merge into', () => {
      const findings = visible(analyse('const init = { method: "POST" };\nawait fetch(url, init);')).filter((f) => f.ruleId === RULE);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].fixes, undefined);
    });

    it('offers no fix for a switched-off timeout (the value is the user\'s to choose)', () => {
      const findings = visible(analyse('import requests\nrequests.get(url, timeout=None)\n', { filename: 'app/a.py' })).filter((f) => f.ruleId === RULE);
      assert.equal(findings.length, 1);
      assert.equal(findings[0].fixes, undefined);
    });
  });
});
