// failure/network-timeout in Python for aiohttp and the standard library's socket clients besides urlopen: smtplib,
// http.client, ftplib and socket.create_connection connect with the socket default timeout (forever
// unless socket.setdefaulttimeout is called) when given none, and take it where they are made. Each row:
// Python source, then each network-timeout finding as `line:column api (missing|disabled) => fix`.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { analyse, visible } from "../../helpers/engine";
import { applyFixToText, assertParses } from "../../helpers/fix-application";
import { findingRows, fixSummary } from "../../helpers/rule-tester";

const show = (f: { line: number; column: number; message: string; fixes?: unknown }) =>
  `${f.line}:${f.column} ${/^`([^`]+)`/.exec(f.message)?.[1]} ${f.message.includes("timeout=None") || f.message.includes("switched off") ? "disabled" : "missing"}${fixSummary(f as never)}`;

findingRows("failure/network-timeout (Python standard-library socket clients)", "failure/network-timeout", [
  ["import smtplib\nserver = smtplib.SMTP('mail.example.com', 587)\nserver.sendmail(a, b, msg)\n", ['2:10 smtplib.SMTP missing => Add timeout=10 2:46 ", timeout=10"']],
  ["import smtplib\nserver = smtplib.SMTP('mail.example.com', 587, timeout=10)\n", []],
  // SMTP(host, port, local_hostname, timeout): the fourth positional argument.
  ["import smtplib\nserver = smtplib.SMTP('mail.example.com', 587, None, 10)\n", []],
  ["import smtplib\nserver = smtplib.SMTP('mail.example.com', 587, None, None)\n", ["2:10 smtplib.SMTP disabled"]],
  ["from smtplib import SMTP_SSL as Mailer\nwith Mailer(host, context=ctx) as server:\n    server.login(user, password)\n", ['2:6 smtplib.SMTP_SSL missing => Add timeout=10 2:30 ", timeout=10"']],
  ["import http.client\nconn = http.client.HTTPSConnection('api.example.com')\nconn.request('GET', '/')\n", ['2:8 http.client.HTTPSConnection missing => Add timeout=10 2:53 ", timeout=10"']],
  ["from http import client\nconn = client.HTTPConnection(host, 80, 5)\n", []],
  ["from http.client import HTTPConnection\nconn = HTTPConnection(host, timeout=None)\n", ["2:8 http.client.HTTPConnection disabled"]],
  ["import ftplib\nftp = ftplib.FTP('ftp.example.com')\n", ['2:7 ftplib.FTP missing => Add timeout=10 2:35 ", timeout=10"']],
  ["import socket\nsock = socket.create_connection((host, port))\n", ['2:8 socket.create_connection missing => Add timeout=10 2:45 ", timeout=10"']],
  ["import socket\nsock = socket.create_connection((host, port), 3)\n", []],
  // A process-wide socket default bounds them all; `*args` or `**kwargs` may carry the timeout.
  ["import socket, smtplib\nsocket.setdefaulttimeout(10)\nsmtplib.SMTP(host)\n", []],
  ["import smtplib\nsmtplib.SMTP(*args)\nsmtplib.SMTP(host, **options)\n", []],
  // Not these clients: another module's SMTP, an unimported name, a method of the made client.
  ["from aiosmtplib import SMTP\nSMTP(hostname=host)\nHTTPConnection(host)\n", []],
  ["import smtplib\nserver = smtplib.SMTP(host, timeout=5)\nserver.connect(host, 25)\n", []],
], { filename: "app/mail.py", show });

// aiohttp gives up only after 5 minutes in total without a timeout (as Node's fetch does): the session or
// one-off request is reported where made, unless the file sets timeouts per request.
findingRows("failure/network-timeout (Python aiohttp)", "failure/network-timeout", [
  ["import aiohttp\nasync def main():\n    async with aiohttp.ClientSession() as session:\n        async with session.get(url) as resp:\n            return await resp.text()\n", ['3:16 aiohttp.ClientSession missing => Add timeout=aiohttp.ClientTimeout(total=10) 3:38 "timeout=aiohttp.ClientTimeout(total=10)"']],
  ["import aiohttp as http\nasync def main():\n    async with http.request('GET', url, headers=h) as resp:\n        return await resp.text()\n", ['3:16 aiohttp.request missing => Add timeout=http.ClientTimeout(total=10) 3:50 ", timeout=http.ClientTimeout(total=10)"']],
  ["import aiohttp\nsession = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))\n", []],
  // Imported by its own name: reported, with no fix (no module name to build the timeout with).
  ["from aiohttp import ClientSession\nsession = ClientSession(base_url)\n", ["2:11 aiohttp.ClientSession missing"]],
  // Timeouts set per request: the session's default rarely applies.
  ["import aiohttp\nsession = aiohttp.ClientSession()\nasync def get(url):\n    return await session.get(url, timeout=aiohttp.ClientTimeout(total=5))\n", []],
  // A ClientTimeout with no bound switches the default off.
  ["import aiohttp\nsession = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout())\n", ["2:11 aiohttp.ClientSession disabled"]],
  ["import aiohttp\nsession = aiohttp.ClientSession(timeout=None)\n", ["2:11 aiohttp.ClientSession disabled"]],
], { filename: "app/fetch.py", show });

describe("failure/network-timeout (Python): the add-timeout fixes of these clients", () => {
  before(() => preparePythonImports());
  for (const code of [
    "import aiohttp\nasync def main():\n    async with aiohttp.ClientSession() as session:\n        return await session.get(url)\n",
    "import smtplib\nserver = smtplib.SMTP('mail.example.com', 587)\n",
    "import http.client\nconn = http.client.HTTPSConnection('api.example.com')\n",
  ]) {
    it(`parses and clears the finding: ${code.split("\n")[0]}`, () => {
      const findings = visible(analyse(code, { filename: "app/net.py" })).filter((f) => f.ruleId === "failure/network-timeout");
      assert.equal(findings.length, 1);
      const fixed = applyFixToText(code, findings[0].fixes![0]);
      assertParses(fixed, "app/net.py");
      assert.deepEqual(visible(analyse(fixed, { filename: "app/net.py" })).filter((f) => f.ruleId === "failure/network-timeout"), []);
    });
  }
});
