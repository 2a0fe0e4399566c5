// failure/network-timeout on JavaScript and TypeScript calls: fetch (global and through globalThis,
// window, self) with and without a signal, options objects (inline, from a const, spread, computed),
// timeouts switched off (undefined, null, 0, false), axios methods, the axios() call form, instances
// from axios.create and global defaults, got, ky, undici and node http(s). Each row: code, then
// "ruleId line:column-endLine:endColumn message => fix title changes" per finding.
import * as assert from "node:assert/strict";
import { analyse, visible, describeFinding } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["await fetch(url);\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:16-1:16 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["await fetch(url, {});\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:19-1:19 \" signal: AbortSignal.timeout(10_000) \""]],
  ["await fetch(url, { method: \"POST\" });\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:34-1:34 \", signal: AbortSignal.timeout(10_000)\""]],
  ["await fetch(url, { signal });\n", []],
  ["await fetch(url, { signal: controller.signal });\n", []],
  ["await fetch(url, opts);\n", []],
  ["const opts = { signal: s };\nawait fetch(url, opts);\n", []],
  ["const opts = { method: \"GET\" };\nawait fetch(url, opts);\n", ["failure/network-timeout 2:7-2:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort."]],
  ["const opts = { ...base };\nawait fetch(url, opts);\n", []],
  ["await fetch(url, { ...base });\n", []],
  ["await fetch(url, { ...base, method: \"GET\" });\n", []],
  ["await fetch(url, { [k]: v });\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:26-1:26 \", signal: AbortSignal.timeout(10_000)\""]],
  ["await fetch(url, { \"signal\": s });\n", []],
  ["await fetch(new Request(url));\n", []],
  ["await fetch(url, cond ? a : b);\n", []],
  ["await fetch(url, undefined);\n", []],
  ["await fetch(url, { signal: undefined });\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal (its timeout is switched off): when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort."]],
  ["await fetch(url, { signal: null });\n", ["failure/network-timeout 1:7-1:12 `fetch` without an abort signal (its timeout is switched off): when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort."]],
  ["await globalThis.fetch(url);\n", ["failure/network-timeout 1:7-1:23 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:27-1:27 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["await window.fetch(url);\n", ["failure/network-timeout 1:7-1:19 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:23-1:23 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["await self.fetch(url);\n", ["failure/network-timeout 1:7-1:17 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 1:21-1:21 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import axios from \"axios\";\nawait axios.get(url);\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:20-2:20 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios.get(url, { timeout: 5000 });\n", []],
  ["import axios from \"axios\";\nawait axios.get(url, { timeout: 0 });\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout (its timeout is switched off): axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one."]],
  ["import axios from \"axios\";\nawait axios.post(url, body);\n", ["failure/network-timeout 2:7-2:17 `axios.post` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:27-2:27 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios.post(url, body, { timeout: 1000 });\n", []],
  ["import axios from \"axios\";\nawait axios.put(url, body, { headers });\n", ["failure/network-timeout 2:7-2:16 `axios.put` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:37-2:37 \", timeout: 10_000\""]],
  ["import axios from \"axios\";\nawait axios.delete(url);\n", ["failure/network-timeout 2:7-2:19 `axios.delete` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:23-2:23 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios.head(url);\n", ["failure/network-timeout 2:7-2:17 `axios.head` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:21-2:21 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios.options(url);\n", ["failure/network-timeout 2:7-2:20 `axios.options` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:24-2:24 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios.patch(url, b);\n", ["failure/network-timeout 2:7-2:18 `axios.patch` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:25-2:25 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios.request({ url });\n", ["failure/network-timeout 2:7-2:20 `axios.request` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:26-2:26 \", timeout: 10_000\""]],
  ["import axios from \"axios\";\nawait axios.request({ url, timeout: 10 });\n", []],
  ["import axios from \"axios\";\nawait axios({ url });\n", ["failure/network-timeout 2:7-2:12 `axios` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:18-2:18 \", timeout: 10_000\""]],
  ["import axios from \"axios\";\nawait axios(url);\n", ["failure/network-timeout 2:7-2:12 `axios` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:16-2:16 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nawait axios(url, { timeout: 5 });\n", []],
  ["import axios from \"axios\";\nconst api = axios.create({ baseURL });\nawait api.get(url);\n", ["failure/network-timeout 2:13-2:25 axios instance created without `timeout`: axios never times out by default, so every call through this instance hangs as long as the server does. Add `timeout` (ms) to its config. => Add timeout: 10_000 2:35-2:35 \", timeout: 10_000\""]],
  ["import axios from \"axios\";\nconst api = axios.create({ timeout: 5000 });\nawait api.get(url);\n", []],
  ["import axios from \"axios\";\naxios.defaults.timeout = 5000;\nawait axios.get(url);\n", []],
  // An instance's defaults set after it is made, as axios's docs do; another instance's do not count.
  ["import axios from \"axios\";\nconst api = axios.create({ baseURL });\napi.defaults.timeout = 2500;\nawait api.get(url);\n", []],
  ["import axios from \"axios\";\nclass Client {\n  http = axios.create();\n  constructor() {\n    this.http.defaults.timeout = 2500;\n  }\n}\n", []],
  ["import axios from \"axios\";\nconst api = axios.create({ baseURL });\nconst other = axios.create({ timeout: 1 });\nother.defaults.timeout = 2500;\n", ["failure/network-timeout 2:13-2:25 axios instance created without `timeout`: axios never times out by default, so every call through this instance hangs as long as the server does. Add `timeout` (ms) to its config. => Add timeout: 10_000 2:35-2:35 \", timeout: 10_000\""]],
  ["import axios from \"axios\";\nawait axios.get(url, { signal });\n", []],
  ["import { get } from \"axios\";\nawait get(url);\n", ["failure/network-timeout 2:7-2:10 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:14-2:14 \", { timeout: 10_000 }\""]],
  ["const axios = require(\"axios\");\nawait axios.get(url);\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:20-2:20 \", { timeout: 10_000 }\""]],
  ["import got from \"got\";\nawait got(url);\n", ["failure/network-timeout 2:7-2:10 `got` without a timeout: got never times out by default, so a stalled server hangs this request forever. Pass `timeout: { request: ms }`."]],
  ["import got from \"got\";\nawait got(url, { timeout: { request: 1000 } });\n", []],
  ["import got from \"got\";\nexport const gh = got.extend({ prefixUrl: \"https://api.github.com\" });\n", ["failure/network-timeout 2:19-2:29 got instance created without a timeout: got never times out by default, so every request through this instance hangs as long as the server does. Add `timeout: { request: ms }` to its options."]],
  ["import got from \"got\";\nexport const gh = got.extend({ prefixUrl: \"https://api.github.com\", timeout: { request: 10_000 } });\n", []],
  ["import got from \"got\";\nexport const merged = got.extend(base, other);\n", []],
  ["import got from \"got\";\nawait got.get(url);\n", ["failure/network-timeout 2:7-2:14 `got.get` without a timeout: got never times out by default, so a stalled server hangs this request forever. Pass `timeout: { request: ms }`."]],
  ["import ky from \"ky\";\nawait ky.get(url);\n", []],
  ["import ky from \"ky\";\nawait ky.get(url, { timeout: 1000 });\n", []],
  ["import ky from \"ky\";\nawait ky(url, { timeout: false });\n", ["failure/network-timeout 2:7-2:9 `ky` with its timeout switched off: a stalled server now hangs this request forever. Keep a finite `timeout` (ms)."]],
  ["import { request } from \"undici\";\nawait request(url);\n", ["failure/network-timeout 2:7-2:14 `undici.request` without `headersTimeout`/`bodyTimeout` or a signal: it waits 5 minutes for a stalled server by default. Set the timeouts you can afford and handle the timeout error."]],
  ["import { request } from \"undici\";\nawait request(url, { headersTimeout: 1000 });\n", []],
  ["import http from \"node:http\";\nhttp.get(url, cb);\n", ["failure/network-timeout 2:1-2:9 `http.get` without a timeout: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass `timeout` (ms) and destroy the request on its 'timeout' event, or pass an abort `signal`."]],
  ["import https from \"node:https\";\nhttps.request(url, { timeout: 1000 }, cb);\n", []],
  ["import https from \"https\";\nhttps.request(url, cb);\n", ["failure/network-timeout 2:1-2:14 `https.request` without a timeout: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass `timeout` (ms) and destroy the request on its 'timeout' event, or pass an abort `signal`."]],
  ["import https from \"node:https\";\nfunction a(url) {\n  const req = https.request(url, cb);\n  req.end();\n}\nfunction b(url) {\n  const req = https.get(url, { timeout: 1000 }, cb);\n  req.on(\"timeout\", () => req.destroy());\n}\n", ["failure/network-timeout 3:15-3:28 `https.request` without a timeout: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass `timeout` (ms) and destroy the request on its 'timeout' event, or pass an abort `signal`."]],
  ["import https from \"node:https\";\nfunction a(url) {\n  const req = https.request(url, cb);\n  req.on(\"timeout\", () => req.destroy());\n  req.end();\n}\n", []],
  ["import axios from \"axios\";\nawait axios.get(url, { timeout: undefined });\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout (its timeout is switched off): axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one."]],
  ["import axios from \"axios\";\nawait axios.get(url, opts);\n", []],
  ["import axios from \"axios\";\nconst opts = { timeout: 100 };\nawait axios.get(url, opts);\n", []],
];

describe("failure/network-timeout (JavaScript calls)", () => {
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.split("\n").filter((l) => !l.startsWith("import")).join(" ").slice(0, 70)}`, () => {
      const found = visible(analyse(code)).filter((f) => f.ruleId === "failure/network-timeout").map(describeFinding);
      assert.deepEqual(found, expected);
    });
  });
});
