// failure/network-timeout and the kinds of fetch met in SDKs on npm: a `data:` or `blob:` URL is read in
// memory (no server to wait for); node-fetch 2 takes a `timeout` option, which node-fetch 3 and the
// global fetch ignore (there only an abort signal bounds the request).
import { ruleTable } from '../../helpers/rule-tester';

const NODE_FETCH = "import fetch from 'node-fetch';\n";

ruleTable('failure/network-timeout', {
  valid: [
    "const Response = (await fetch('data:,')).constructor;",
    'const image = await fetch(`data:image/png;base64,${png}`);',
    "const blob = await fetch('blob:https://app.acme-corp.com/3f9c2b7e');",
    `${NODE_FETCH}const res = await fetch(media.url, { agent, timeout });`,
    { code: `${NODE_FETCH}const res = await fetch(url, { timeout: 5000 });`, files: { 'package.json': '{"dependencies":{"node-fetch":"^2.7.0"}}' } },
    "const fetch = require('node-fetch');\nconst res = await fetch(url, { timeout: 5000 });",
    // A fetch of the code's own: a parameter, a binding (webpack's HttpUriPlugin wraps http.get so).
    'for (const { scheme, fetch } of schemes) {\n  fetch(new URL(url), { headers }, callback);\n}',
    'function download(fetch, url) {\n  return fetch(url);\n}',
  ],
  invalid: [
    { code: "const res = await fetch(url, { timeout: 5000 });", errors: [{ line: 1, column: 19, endColumn: 24 }] },
    { code: "const res = await fetch('https://api.acme-corp.com/data:,');", errors: [{ line: 1, column: 19 }] },
    { code: `${NODE_FETCH}const res = await fetch(url, { timeout: 5000 });`, files: { 'package.json': '{"dependencies":{"node-fetch":"^3.3.2"}}' }, errors: [{ line: 2, column: 19 }] },
    { code: `${NODE_FETCH}const res = await fetch(url, { agent });`, errors: [{ line: 2, column: 19 }] },
    // The global fetch inside a function that declares other names, and an imported one, are still fetch.
    { code: 'function download(url, fetcher) {\n  return fetch(url);\n}', errors: [{ line: 2, column: 10 }] },
    { code: "import fetch from 'node-fetch';\nfunction download(url) {\n  return fetch(url);\n}", files: { 'package.json': '{"dependencies":{"node-fetch":"^3.3.2"}}' }, errors: [{ line: 3, column: 10 }] },
  ],
});
