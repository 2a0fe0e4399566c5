// Values that are made up rather than real (checks/secrets/noise.ts): counting and keyboard runs,
// credential words inside the value, repeated characters, trailing ellipses, names made of words,
// placeholder words, references (\$VAR, %VAR%, env:VAR, templates) — for the generic rule and for a
// format rule. Each row: file name, text, the secrets findings expected.
import * as assert from "node:assert/strict";
import { analyse, visible } from "../../helpers/engine";

const ROWS: [string, string, string[]][] = [
  ["config.yml", "password: \"01234567Ab!x\"\n", []],
  ["config.yml", "password: \"x123456789Ab!\"\n", []],
  ["config.yml", "password: \"abcdefghQ1!z\"\n", []],
  ["config.yml", "password: \"qwertyuiA1!z\"\n", []],
  ["config.yml", "password: \"Zq1!secretzz9\"\n", []],
  ["config.yml", "password: \"Zq1!passwordz\"\n", []],
  ["config.yml", "password: \"Zq1!tokenzzz9\"\n", []],
  ["config.yml", "password: \"Zq1!apikeyzz9\"\n", []],
  ["config.yml", "password: \"Zq1!api_keyz9\"\n", []],
  ["config.yml", "password: \"Zq1!credentialz\"\n", []],
  ["config.yml", "password: \"Q7w!zzzzzzzzzz\"\n", []],
  ["config.yml", "password: \"Q7w!zzzzz\"\n", []],
  ["config.yml", "password: \"Q7w!Z9x...\"\n", []],
  ["config.yml", "password: \"Q7w!Z9x2…\"\n", []],
  ["config.yml", "password: \"ThisIsMyPass1!\"\n", ["secrets/generic-credential 1:12-1:26"]],
  ["config.yml", "password: \"Thisismypass1!\"\n", ["secrets/generic-credential 1:12-1:26"]],
  ["config.yml", "password: \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 1:12-1:28"]],
  ["config.yml", "password: \"kT9#vQ2!pL7@xW4zexample\"\n", []],
  ["config.yml", "password: \"kT9#vQ2!<pL7>\"\n", []],
  ["config.yml", "password: \"kT9#vQ2!${x}\"\n", []],
  ["config.yml", "password: \"aaaaaaaaaQ1!\"\n", []],
  ["config.yml", "password: \"Q1!aaaaaaa\"\n", []],
  ["config.yml", "password: \"aaaaaaAAAAAA\"\n", []],
  ["config.yml", "password: \"aAaAaAaA1!x\"\n", []],
  // Names made of words: a class, a package path, a getter.
  ["config.yml", "api_key: \"PaymentGatewayClient1\"\n", []],
  ["config.yml", "api_key: \"com.acme.v2.PaymentGatewayClient\"\n", []],
  ["config.yml", "api_key: \"getPaymentGatewayClient2\"\n", []],
  // Base64 of a phrase: a test's stand-in ("not a real access key"); base64 of random bytes is reported.
  ["config.yml", `accessToken: "${Buffer.from("not a real access key").toString("base64")}"\n`, []],
  ["config.yml", "accessToken: \"q3Lk9vXw2RtZp8Ns4MbYc7Hd\"\n", ["secrets/generic-credential 1:15-1:39"]],
  ["portal.yml", `- key: ui_one_click_login_password\n  value: ${Buffer.from("Password:").toString("base64")}\n`, []],
  ["config.yml", `password: ${Buffer.from("Xq7Lm2Rv9Tz:").toString("base64")}\n`, ["secrets/generic-credential 1:11-1:27"]],
  // Generated tokens hold short runs of capitalised words among other characters: still reported.
  ["config.yml", "api_key: \"YCuoTh53eyjpLtV4UyDyhSodZdriUcas\"\n", ["secrets/generic-credential 1:11-1:43"]],
  ["config.yml", "api_key: \"q8UCajWOIUoHzD0SsEpRAFmimtChoCAB\"\n", ["secrets/generic-credential 1:11-1:43"]],
  // Counting grouped the way keys are printed (met in an SDK's tests: `apiKey: '123-456-789'`).
  ["client.test.js", "const p = new Pinecone({\n  apiKey: '123-456-789',\n});\n", []],
  ["config.yml", "api_key: \"1234-5678-9012-Zq\"\n", []],
  ["config.yml", "api_key: \"Zq7_12.34.5x9w\"\n", []],
  ["config.yml", "api_key: \"491-836-275\"\n", ["secrets/generic-credential 1:11-1:22"]],
  ["config.yml", "api_key: \"abc123def456ghi789\"\n", []],
  ["config.yml", "api_key: \"abd124deg457ghj780\"\n", ["secrets/generic-credential 1:11-1:29"]],
  ["config.yml", "stripe: sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\npassword: \"$SECRET_VALUE\"\n", ["secrets/stripe-key 1:9-1:47"]],
  ["config.yml", "stripe: sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\npassword: \"%SECRET_VALUE%\"\n", ["secrets/stripe-key 1:9-1:47"]],
  ["config.yml", "stripe: sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\npassword: \"env:SECRET_VALUE\"\n", ["secrets/stripe-key 1:9-1:47"]],
  ["config.yml", "stripe: sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\npassword: \"$1ABCDEFGHIJ\"\n", ["secrets/stripe-key 1:9-1:47"]],
  ["config.yml", "stripe: sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\npassword: \"%SECRET VALUE%\"\n", ["secrets/stripe-key 1:9-1:47"]],
  ["config.yml", "stripe: sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\npassword: \"env:SECRET-VALUE\"\n", ["secrets/stripe-key 1:9-1:47"]],
  // Lockfiles: package names and versions are not read by the generic rule; a provider's format still counts.
  ["yarn.lock", "  dependencies:\n    registry-auth-token: \"npm:^4.0.0\"\n    secret_token: \"kT9#vQ2!pL7@xW4z\"\n", []],
  ["config.yml", "dependencies:\n  secret_token: \"kT9#vQ2!pL7@xW4z\"\n", ["secrets/generic-credential 2:18-2:34"]],
  ["package-lock.json", "{\n  \"resolved\": \"https://x.acme.dev/npm/-/x-1.0.0.tgz\",\n  \"stripe\": \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n}\n", ["secrets/stripe-key 3:14-3:52"]],
  ["a.txt", "key = \"sk_live_xxxxx51Hq8ZkLm3Np9Qr2St4Uv6W\"\n", []],
  ["a.txt", "key = \"sk_live_51HqEXAMPLEkLm3Np9Qr2St4Uv6Wx\"\n", []],
  ["a.txt", "key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n", ["secrets/stripe-key 1:8-1:46"]],
];

describe("made-up secret values", () => {
  ROWS.forEach(([filename, code, expected], index) => {
    it(`#${index} ${code.split("\n").pop() || code.split("\n")[0]}`, () => {
      const found = visible(analyse(code, { filename })).filter((f) => f.family === "secrets").map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
      assert.deepEqual(found, expected);
    });
  });
});
