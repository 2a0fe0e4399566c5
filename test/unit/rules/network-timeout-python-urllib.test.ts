// failure/network-timeout in Python for the standard library's urllib.request.urlopen, whose timeout (its
// third argument) defaults to the socket default: forever unless socket.setdefaulttimeout is called. The
// import forms (module, submodule alias, from-imports), a positional or keyword timeout, timeout=None,
// a file-wide socket default, and look-alikes that are not urllib's urlopen. Each row: Python source, the
// network-timeout findings (range, message, and the fix's title and edit).
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { applyFixToText, assertParses } from "../../helpers/fix-application";
import { analyse, visible } from "../../helpers/engine";

const MISSING =
  "`urlopen` without a timeout: it waits as long as the socket default, forever unless `socket.setdefaulttimeout` is set, so a stalled server hangs this request (and its worker). Pass `timeout=` (seconds) and handle `TimeoutError`/`URLError`.";
const DISABLED = "`urlopen` with `timeout=None`: a stalled server hangs this request (and its worker) forever. Pass a finite `timeout=` (seconds).";

const ROWS: [string, string[]][] = [
  ["import urllib.request\nwith urllib.request.urlopen(url) as resp:\n    body = resp.read()\n", [`2:6-2:28 ${MISSING} => Add timeout=10 2:32 ", timeout=10"`]],
  ["import urllib.request\nurllib.request.urlopen(url, timeout=10)\n", []],
  ["import urllib.request\nurllib.request.urlopen(url, None, 10)\n", []],
  ["import urllib.request\nurllib.request.urlopen(url, data)\n", [`2:1-2:23 ${MISSING} => Add timeout=10 2:33 ", timeout=10"`]],
  ["import urllib.request\nurllib.request.urlopen(url, timeout=None)\n", [`2:1-2:23 ${DISABLED}`]],
  ["import urllib.request\nurllib.request.urlopen(url, **kwargs)\n", []],
  ["import urllib.request as ur\nur.urlopen(req)\n", [`2:1-2:11 ${MISSING} => Add timeout=10 2:15 ", timeout=10"`]],
  ["from urllib import request\nrequest.urlopen(url)\n", [`2:1-2:16 ${MISSING} => Add timeout=10 2:20 ", timeout=10"`]],
  ["from urllib.request import urlopen\nresp = urlopen(url)\n", [`2:8-2:15 ${MISSING} => Add timeout=10 2:19 ", timeout=10"`]],
  ["from urllib.request import urlopen as open_url\nopen_url(url)\n", [`2:1-2:9 ${MISSING} => Add timeout=10 2:13 ", timeout=10"`]],
  ["import urllib\nurllib.request.urlopen(url)\n", [`2:1-2:23 ${MISSING} => Add timeout=10 2:27 ", timeout=10"`]],
  // A process-wide socket default bounds every urlopen that passes none.
  ["import socket\nimport urllib.request\nsocket.setdefaulttimeout(10)\nurllib.request.urlopen(url)\n", []],
  // Not urllib's urlopen: a local function, another module's, an unimported name.
  ["def urlopen(url):\n    return open(url)\nurlopen(url)\n", []],
  ["import six\nsix.moves.urllib.request.urlopen(url, timeout=5)\nsmart_open.urlopen(url)\n", []],
  ["from urllib.parse import urlencode\nurlencode(params)\n", []],
];

describe("failure/network-timeout (Python urllib.request.urlopen)", () => {
  before(() => preparePythonImports());
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.split("\n").slice(1).join(" ").slice(0, 70)}`, () => {
      const findings = visible(analyse(code, { filename: "app/client.py" })).filter((f) => f.ruleId === "failure/network-timeout");
      const found = findings.map(
        (f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}${f.fixes?.length ? " => " + f.fixes.map((x) => x.title + " " + x.changes.map((ch) => `${ch.line}:${ch.column} ${JSON.stringify(ch.newText)}`).join("|")).join(" / ") : ""}`,
      );
      assert.deepEqual(found, expected);
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          const fixed = applyFixToText(code, fix);
          assertParses(fixed, "app/client.py");
          assert.deepEqual(visible(analyse(fixed, { filename: "app/client.py" })).filter((f) => f.ruleId === "failure/network-timeout"), []);
        }
      }
    });
  });
});
