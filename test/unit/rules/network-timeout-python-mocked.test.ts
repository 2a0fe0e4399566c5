// failure/network-timeout in Python files whose HTTP goes to a mock or a recording (the `responses`
// test suite, keystoneauth's requests-mock fixture, pytest-httpx): nothing reaches a server, so nothing
// can hang. A file that only has a variable named `responses`, or a functional test against a real
// server, is still checked.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { analyse, visible } from "../../helpers/engine";

const ROWS: [string, string[]][] = [
  ["import requests\nimport responses\n\n@responses.activate\ndef test_get():\n    responses.add(responses.GET, url)\n    requests.get(url)\n", []],
  ["import requests\nfrom responses import matchers\n\ndef test_get():\n    requests.get(url)\n", []],
  ["import requests\n\nclass T(utils.TestCase):\n    def test_redirect(self):\n        self.requests_mock.get(url, text='x')\n        requests.get(url)\n", []],
  ["import requests\nimport requests_mock\n\ndef test_get():\n    with requests_mock.Mocker() as m:\n        requests.get(url)\n", []],
  ["import httpx\n\ndef test_get(httpx_mock):\n    httpx_mock.add_response()\n    httpx.get(url, timeout=None)\n", []],
  ["import httpx\nimport respx\n\n@respx.mock\ndef test_get():\n    httpx.get(url, timeout=None)\n", []],
  ["import requests\nimport vcr\n\n@vcr.use_cassette('x.yaml')\ndef test_get():\n    requests.get(url)\n", []],
  ["import requests\n\ndef test_running():\n    requests.get(ADMIN_URL)\n", ["failure/network-timeout 4:5"]],
  ["import requests\nresponses = []\nresponses.append(requests.get(url))\n", ["failure/network-timeout 3:18"]],
];

describe("failure/network-timeout (Python, mocked transports)", () => {
  before(() => preparePythonImports());
  ROWS.forEach(([code, expected], index) => {
    it(`#${index}: ${code.split("\n").slice(0, 3).join(" ").slice(0, 70)}`, () => {
      const found = visible(analyse(code, { filename: "tests/test_client.py" }))
        .filter((f) => f.ruleId === "failure/network-timeout")
        .map((f) => `${f.ruleId} ${f.line}:${f.column}`);
      assert.deepEqual(found, expected);
    });
  });
});
