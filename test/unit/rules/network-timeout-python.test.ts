// failure/network-timeout in Python (checks/failure/support/network-python.ts): requests and httpx calls
// by module, alias, from-import, Session (assigned, in a with block, or inline; not once an adapter is
// mounted) and Client/AsyncClient; a missing timeout, or timeout=None; the message and the fix (where
// it inserts `timeout=10`, after the last argument, skipping comments). Each row: code, then
// "line:column-endLine:endColumn message => fix title line:column text" per finding.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { analyse, visible } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["import requests\nrequests.get(url)\n", ["2:1-2:13 `requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:17 \", timeout=10\""]],
  ["import requests\nrequests.post(url, json=body)\n", ["2:1-2:14 `requests.post` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:29 \", timeout=10\""]],
  ["import requests\nrequests.get(url, timeout=5)\n", []],
  ["import requests\nrequests.get(url, timeout=None)\n", ["2:1-2:13 `requests.get` with `timeout=None`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass a finite `timeout=` (seconds)."]],
  ["import requests\nrequests.get(url,  # comment\n)\n", ["2:1-2:13 `requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:17 \", timeout=10\""]],
  ["import requests\nrequests.get()\n", ["2:1-2:13 `requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:14 \"timeout=10\""]],
  ["import requests\nrequests.request(\"GET\", url)\n", ["2:1-2:17 `requests.request` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:28 \", timeout=10\""]],
  ["import requests\nrequests.unknown(url)\n", []],
  ["import requests as r\nr.get(url)\n", ["2:1-2:6 `requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:10 \", timeout=10\""]],
  ["from requests import get\nget(url)\n", ["2:1-2:4 `requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:8 \", timeout=10\""]],
  ["from requests import get as fetch\nfetch(url)\n", ["2:1-2:6 `requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:10 \", timeout=10\""]],
  ["from requests import Session\ns = Session()\ns.get(url)\n", ["3:1-3:6 `requests.Session().get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 3:10 \", timeout=10\""]],
  ["import requests\ns = requests.Session()\ns.get(url)\n", ["3:1-3:6 `requests.Session().get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 3:10 \", timeout=10\""]],
  ["import requests\ns = requests.Session()\ns.mount(\"https://\", adapter)\ns.get(url)\n", []],
  ["import requests\nwith requests.Session() as s:\n    s.get(url)\n", ["3:5-3:10 `requests.Session().get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 3:14 \", timeout=10\""]],
  ["import requests\nrequests.Session().get(url)\n", ["2:1-2:23 `requests.Session().get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:27 \", timeout=10\""]],
  ["import requests\ns = requests.Session()\ns.close()\n", []],
  ["import httpx\nhttpx.get(url)\n", []],
  ["import httpx\nhttpx.get(url, timeout=10)\n", []],
  ["import httpx\nc = httpx.Client()\nc.get(url)\n", []],
  ["import httpx\nc = httpx.Client(timeout=5)\nc.get(url)\n", []],
  ["import httpx\nc = httpx.AsyncClient()\nawait c.get(url)\n", []],
  ["import httpx\nasync with httpx.AsyncClient() as c:\n    await c.post(url)\n", []],
  ["import httpx\nhttpx.Client()\n", []],
  ["import httpx\nhttpx.AsyncClient()\n", []],
  ["import httpx\nhttpx.Client(timeout=None)\n", ["2:1-2:13 `httpx.Client` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["from httpx import Client\nc = Client()\nc.get(url)\n", []],
  ["from httpx import AsyncClient\nAsyncClient()\n", []],
  ["from httpx import stream\nstream(\"GET\", url)\n", []],
  ["import other\nother.get(url)\n", []],
  ["requests.get(url)\n", []],
  ["import requests\nx.requests.get(url)\n", []],
  ["import requests\nrequests.get(url, **opts)\n", []],
  ["import httpx\nhttpx.get(url, timeout=None)\n", ["2:1-2:10 `httpx.get` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import httpx\nhttpx.AsyncClient(timeout=None)\n", ["2:1-2:18 `httpx.AsyncClient` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["from httpx import Client\nClient(timeout=None)\n", ["2:1-2:7 `httpx.Client` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["from httpx import stream\nstream(\"GET\", url, timeout=None)\n", ["2:1-2:7 `httpx.stream` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import httpx\nc = httpx.Client()\nc.get(url, timeout=None)\n", ["3:1-3:6 `httpx.Client().get` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import requests\nrequests.get(url, timeout=(3, 10))\n", []],
  ["import requests, httpx\nrequests.delete(url)\n", ["2:1-2:16 `requests.delete` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:20 \", timeout=10\""]],
];

describe("failure/network-timeout (Python calls)", () => {
  before(() => preparePythonImports());
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.split("\n").slice(1).join(" ").slice(0, 70)}`, () => {
      const found = visible(analyse(code, { filename: "app/client.py" })).filter((f) => f.ruleId === "failure/network-timeout").map(
        (f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}${f.fixes?.length ? " => " + f.fixes.map((x) => x.title + " " + x.changes.map((ch) => `${ch.line}:${ch.column} ${JSON.stringify(ch.newText)}`).join("|")).join(" / ") : ""}`,
      );
      assert.deepEqual(found, expected);
    });
  });
});
