// failure/network-timeout through the ways a file names a network API (checks/failure/support/
// api-aliases.ts): node-fetch default, named and namespace imports, import-equals, node http/https
// (default, namespace, named, renamed, node: prefix), got, axios through require destructuring (renamed,
// default), .default, type-only imports, a local fetch that shadows the global, undici, and aliases made
// by assignment. Each row: code, then "ruleId line:column-endLine:endColumn message => fix" per finding.
import * as assert from "node:assert/strict";
import { analyse, visible, describeFinding } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["import fetch from \"node-fetch\";\nawait fetch(url);\n", ["failure/network-timeout 2:7-2:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:16-2:16 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import { default as f } from \"node-fetch\";\nawait f(url);\n", ["failure/network-timeout 2:7-2:8 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:12-2:12 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import * as nf from \"node-fetch\";\nawait nf(url);\n", ["failure/network-timeout 2:7-2:9 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:13-2:13 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import { fetch } from \"node-fetch\";\nawait fetch(url);\n", ["failure/network-timeout 2:7-2:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:16-2:16 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import { Headers } from \"node-fetch\";\nawait Headers(url);\n", []],
  ["import fetch = require(\"node-fetch\");\nawait fetch(url);\n", ["failure/network-timeout 2:7-2:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:16-2:16 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import * as http from \"http\";\nhttp.get(url, cb);\n", ["failure/network-timeout 2:1-2:9 `http.get` without a timeout: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass `timeout` (ms) and destroy the request on its 'timeout' event, or pass an abort `signal`."]],
  ["import http from \"http\";\nhttp.request(url, cb);\n", ["failure/network-timeout 2:1-2:13 `http.request` without a timeout: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass `timeout` (ms) and destroy the request on its 'timeout' event, or pass an abort `signal`."]],
  ["import { get } from \"https\";\nget(url, cb);\n", ["failure/network-timeout 2:1-2:4 `https.get` without a timeout: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass `timeout` (ms) and destroy the request on its 'timeout' event, or pass an abort `signal`."]],
  ["import { request as req } from \"node:http\";\nreq(url, cb);\n", ["failure/network-timeout 2:1-2:4 `http.request` without a timeout: Node never times out an outgoing request by default, so a stalled server hangs it and its socket forever. Pass `timeout` (ms) and destroy the request on its 'timeout' event, or pass an abort `signal`."]],
  ["import { got } from \"got\";\nawait got(url);\n", ["failure/network-timeout 2:7-2:10 `got` without a timeout: got never times out by default, so a stalled server hangs this request forever. Pass `timeout: { request: ms }`."]],
  ["import * as got from \"got\";\nawait got(url);\n", ["failure/network-timeout 2:7-2:10 `got` without a timeout: got never times out by default, so a stalled server hangs this request forever. Pass `timeout: { request: ms }`."]],
  ["import got from \"got\";\nawait got.post(url);\n", ["failure/network-timeout 2:7-2:15 `got.post` without a timeout: got never times out by default, so a stalled server hangs this request forever. Pass `timeout: { request: ms }`."]],
  ["const { get } = require(\"axios\");\nawait get(url);\n", ["failure/network-timeout 2:7-2:10 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:14-2:14 \", { timeout: 10_000 }\""]],
  ["const { get: g } = require(\"axios\");\nawait g(url);\n", ["failure/network-timeout 2:7-2:8 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:12-2:12 \", { timeout: 10_000 }\""]],
  ["const { default: ax } = require(\"axios\");\nawait ax.get(url);\n", ["failure/network-timeout 2:7-2:13 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:17-2:17 \", { timeout: 10_000 }\""]],
  ["const { ...rest } = require(\"axios\");\nawait rest.get(url);\n", []],
  ["const [a] = require(\"axios\");\nawait a.get(url);\n", []],
  ["const axios = require(\"axios\").default;\nawait axios.get(url);\n", ["failure/network-timeout 2:7-2:16 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 2:20-2:20 \", { timeout: 10_000 }\""]],
  ["import type axios from \"axios\";\nawait axios.get(url);\n", []],
  ["import { type AxiosStatic } from \"axios\";\nconst a: AxiosStatic = x;\nawait a.get(url);\n", []],
  ["let fetch;\nawait fetch(url);\n", []],
  ["function fetch(u) {}\nawait fetch(url);\n", []],
  ["const fetch = globalThis.fetch;\nawait fetch(url);\n", ["failure/network-timeout 2:7-2:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:16-2:16 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import ky from \"ky\";\nawait ky.get(url);\n", []],
  ["import { request } from \"undici\";\nawait request(url);\n", ["failure/network-timeout 2:7-2:14 `undici.request` without `headersTimeout`/`bodyTimeout` or a signal: it waits 5 minutes for a stalled server by default. Set the timeouts you can afford and handle the timeout error."]],
  ["import * as undici from \"undici\";\nawait undici.request(url);\n", ["failure/network-timeout 2:7-2:21 `undici.request` without `headersTimeout`/`bodyTimeout` or a signal: it waits 5 minutes for a stalled server by default. Set the timeouts you can afford and handle the timeout error."]],
  ["import { fetch } from \"undici\";\nawait fetch(url);\n", ["failure/network-timeout 2:7-2:12 `fetch` without an abort signal: when the server stalls, this request hangs for minutes and everything awaiting it waits too. Pass `signal: AbortSignal.timeout(ms)` and handle the abort. => Add an abort signal: AbortSignal.timeout(10_000) 2:16-2:16 \", { signal: AbortSignal.timeout(10_000) }\""]],
  ["import axios from \"axios\";\nconst { get } = axios;\nawait get(url);\n", ["failure/network-timeout 3:7-3:10 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 3:14-3:14 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nconst get = axios.get;\nawait get(url);\n", ["failure/network-timeout 3:7-3:10 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 3:14-3:14 \", { timeout: 10_000 }\""]],
  ["import axios from \"axios\";\nconst a = axios;\nawait a.get(url);\n", ["failure/network-timeout 3:7-3:12 `axios.get` without a timeout: axios never times out by default, so a stalled server hangs this request forever. Pass `timeout` (ms), or create an instance with one. => Add timeout: 10_000 3:16-3:16 \", { timeout: 10_000 }\""]],
];

describe("failure/network-timeout (API names and aliases)", () => {
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.replace(/\n/g, " ").slice(0, 80)}`, () => {
      const found = visible(analyse(code)).filter((f) => f.ruleId === "failure/network-timeout").map(describeFinding);
      assert.deepEqual(found, expected);
    });
  });
});
