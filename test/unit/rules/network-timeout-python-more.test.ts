// More failure/network-timeout cases in Python: requests.session() (lowercase), a mount with a space
// before the parenthesis, httpx clients in async with blocks and assignments, aliased imports,
// timeout=None among other arguments, aliases of the module or the class (not followed), Session methods
// that are not requests, httpx streaming and request. Same row format as network-timeout-python.test.ts.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { analyse, visible } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["import requests\ns = requests.session()\ns.get(url)\n", ["3:1-3:6 `requests.Session().get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 3:10 \", timeout=10\""]],
  ["import requests\nwith requests.session() as s:\n    s.post(url)\n", ["3:5-3:11 `requests.Session().post` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 3:15 \", timeout=10\""]],
  ["import requests\ns = requests.Session()\ns.mount (\"https://\", a)\ns.get(url)\n", []],
  ["import httpx\nasync with httpx.AsyncClient() as c:\n    await c.get(url, timeout=None)\n", ["3:11-3:16 `httpx.AsyncClient().get` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import httpx\nc = httpx.AsyncClient()\nawait c.post(url, timeout=None)\n", ["3:7-3:13 `httpx.AsyncClient().post` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["from httpx import Client as C\nC(timeout=None)\n", ["2:1-2:2 `httpx.Client` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import httpx as hx\nhx.get(url, timeout=None)\n", ["2:1-2:7 `httpx.get` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import requests\nrequests.get(  # only a comment\n)\n", ["2:1-2:13 `requests.get` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 2:14 \"timeout=10\""]],
  ["import requests\nrequests.get(url, timeout=None, verify=False)\n", ["2:1-2:13 `requests.get` with `timeout=None`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass a finite `timeout=` (seconds)."]],
  ["import requests\nx = requests\nx.get(url)\n", []],
  ["import requests\ns = requests.Session\ns.get(url)\n", []],
  ["import requests\nclient = requests.Session()\nclient.request(\"GET\", url)\n", ["3:1-3:15 `requests.Session().request` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 3:26 \", timeout=10\""]],
  ["import requests\nclient = requests.Session()\nclient.close()\n", []],
  ["import httpx\nc = httpx.Client()\nc.stream(\"GET\", url, timeout=None)\n", ["3:1-3:9 `httpx.Client().stream` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import httpx\nc = httpx.Client()\nc.send(req, timeout=None)\n", []],
  ["import httpx\nhttpx.request(\"GET\", url, timeout=None)\n", ["2:1-2:14 `httpx.request` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
  ["import requests\nimport httpx\nrequests.head(url)\nhttpx.head(url, timeout=None)\n", ["3:1-3:14 `requests.head` without `timeout=`: requests never times out by default, so a stalled server hangs this request (and its worker) forever. Pass `timeout=` (seconds) and handle `requests.Timeout`. => Add timeout=10 3:18 \", timeout=10\"","4:1-4:11 `httpx.head` with `timeout=None`: httpx's 5-second default is switched off, so a stalled server hangs this request forever. Pass a finite `timeout=` (seconds)."]],
];

describe("failure/network-timeout (Python calls, more)", () => {
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
