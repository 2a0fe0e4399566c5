// failure/network-timeout and options objects (checks/failure/support/options-object.ts): inline
// objects (empty, blank, one line, multiline with and without a trailing comma, parenthesised, as const),
// objects from a const (not a let, not a parameter), timeouts written with numeric separators or as a
// quoted key, shorthand and spread, and where each fix inserts its property. Each row: code, then
// "ruleId line:column-endLine:endColumn message => fix" per finding.
import * as assert from "node:assert/strict";
import { analyse, visible, describeFinding } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["import axios from \"axios\";\nawait axios.get(url, {});\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:23-2:23 \" timeout: 10_000 \""]],
  ["import axios from \"axios\";\nawait axios.get(url, {   });\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:23-2:26 \" timeout: 10_000 \""]],
  ["import axios from \"axios\";\nawait axios.get(url, { headers });\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:31-2:31 \", timeout: 10_000\""]],
  ["import axios from \"axios\";\nawait axios.get(url, {\n  headers,\n});\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 3:11-3:11 \"\\n  timeout: 10_000,\""]],
  ["import axios from \"axios\";\nawait axios.get(url, {\n  headers\n});\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 3:10-3:10 \",\\n  timeout: 10_000\""]],
  ["import axios from \"axios\";\nawait axios.get(url, {\n    headers,\n    params,\n  });\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 4:12-4:12 \"\\n    timeout: 10_000,\""]],
  ["import axios from \"axios\";\nawait axios.post(url, body);\n", ["failure/network-timeout 2:7-2:17 `axios.post` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:27-2:27 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios.get(url);\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:20-2:20 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios(url);\n", ["failure/network-timeout 2:7-2:12 `axios` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:16-2:16 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios({ url });\n", ["failure/network-timeout 2:7-2:12 `axios` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:18-2:18 \", timeout: 10_000\""]],
  ["import axios from \"axios\";\nconst opts = {};\nawait axios.get(url, opts);\n", ["failure/network-timeout 3:7-3:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one."]],
  ["import axios from \"axios\";\nlet opts = {};\nawait axios.get(url, opts);\n", []],
  ["import axios from \"axios\";\nconst opts = { headers };\nawait axios.get(url, opts);\n", ["failure/network-timeout 3:7-3:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one."]],
  ["import axios from \"axios\";\nfunction f(opts) { return axios.get(url, opts); }\n", []],
  ["import axios from \"axios\";\nfunction f(opts = {}) { return axios.get(url, opts); }\n", []],
  ["import axios from \"axios\";\nawait axios.get(url, ({}));\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:24-2:24 \" timeout: 10_000 \""]],
  ["import axios from \"axios\";\nawait axios.get(url, {} as const);\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:23-2:23 \" timeout: 10_000 \""]],
  ["import axios from \"axios\";\nawait axios.get(url, { timeout: 1_000 });\n", []],
  ["import axios from \"axios\";\nawait axios.get(url, { timeout: 0_0 });\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout (its timeout is switched off): axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one."]],
  ["import axios from \"axios\";\nawait axios.get(url, { \"timeout\": 5 });\n", []],
  ["import axios from \"axios\";\nawait axios.get(url, { timeout });\n", []],
  ["import axios from \"axios\";\nawait axios.get(url, { ...o, timeout: 5 });\n", []],
  ["await fetch(url, {});\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:19-1:19 \" signal: AbortSignal.timeout(10_000) \""]],
  ["await fetch(url, { method: \"POST\" });\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:34-1:34 \", signal: AbortSignal.timeout(10_000)\""]],
  ["await fetch(url, {\n  method: \"POST\",\n});\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:18-2:18 \"\\n  signal: AbortSignal.timeout(10_000),\""]],
  ["const o = { method: \"GET\" };\nawait fetch(url, o);\n", ["failure/network-timeout 2:7-2:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort."]],
  ["await fetch(url);\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:16-1:16 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import got from \"got\";\nawait got(url, {});\n", ["failure/network-timeout 2:7-2:10 `got` without a timeout: got never times out by default, so a stalled server hangs this request forever. Pass `timeout: { request: ms }`."]],
  ["import { request } from \"undici\";\nawait request(url, {});\n", ["failure/network-timeout 2:7-2:14 `undici.request` without `headersTimeout`/`bodyTimeout` or a signal: it waits 5 minutes for a stalled server by default. Set the timeouts you can afford and handle the timeout error."]],
  ["import ky from \"ky\";\nawait ky(url, {});\n", []],
];

describe("failure/network-timeout (options objects and fixes)", () => {
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.split("\n").filter((l) => !l.startsWith("import")).join(" ").slice(0, 70)}`, () => {
      const found = visible(analyse(code)).filter((f) => f.ruleId === "failure/network-timeout").map(describeFinding);
      assert.deepEqual(found, expected);
    });
  });
});
