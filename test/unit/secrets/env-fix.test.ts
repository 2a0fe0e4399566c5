// The "Move to environment variable" fix in detail (checks/secrets/env-fix.ts): the replacement per
// language (TypeScript, Python with its import, YAML, Go with os imported), where it is refused (not a
// whole literal, a template with substitutions, JSON other than an MCP client's config, plain text, .env files themselves), the variable
// name (assigned name, provider for generic names, numbered when taken, reused when .env already holds
// the value; for a fallback after an environment read, the variable read, and the fallback removed; for
// a Terraform variable's default or a .tfvars value, TF_VAR_<name> and the line removed; for another
// Terraform attribute, a sensitive variable declared and read instead),
// how the value is written to .env (raw, single- or double-quoted), and the .env.example and
// .gitignore edits (appended after a missing final newline, skipped when already there).
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { resetSecretsGitIgnoreCache } from "../../../server/src/checks/secrets/git-ignored";
import { DiskHost } from "../../../server/src/engine/host";
import { languageOf } from "../../../server/src/engine/index";
import { engine, loadedConfig, makeWorkspace, TEST_SALT } from "../../helpers/engine";

type Case = { files: Record<string, string>; file: string; git?: boolean; config?: string };

/** Per secrets finding in the file: the move fix as title, changes (file, range, text) and files created. */
function moveFixes(c: Case): (string | string[])[] {
  const dir = makeWorkspace(c.files);
  if (c.git) fs.mkdirSync(path.join(dir, ".git"));
  resetSecretsGitIgnoreCache();
  const file = path.join(dir, c.file);
  const findings = engine.analyze({ document: { path: file, text: fs.readFileSync(file, "utf8"), language: languageOf(file) }, config: loadedConfig(c.config, dir), host: new DiskHost(), salt: TEST_SALT }).findings;
  return findings.filter((f) => f.family === "secrets").map((f) => {
    const fix = f.fixes?.find((x) => x.title.startsWith("Move"));
    if (!fix) return `${f.ruleId}: no move fix`;
    return [
      fix.title,
      ...fix.changes.map((ch) => `${path.relative(dir, ch.path)} ${ch.line}:${ch.column}-${ch.endLine}:${ch.endColumn} ${JSON.stringify(ch.newText)}${ch.sensitive ? " sensitive" : ""}`),
      `create: ${(fix.createFiles ?? []).map((p) => path.relative(dir, p)).join(", ")}`,
    ];
  });
}

const CASES: [Case, (string | string[])[]][] = [
  // A WordPress salt holds `$`, a backquote and `<`: .env gets it in single quotes, where nothing is expanded.
  [{"files":{"wp-config.php":"<?php\ndefine( 'AUTH_KEY', 'q>W2,v<J8`pD;r]e5^Ks:Lx{9mA!c~Tz?Fh+6bN|u@Y0(gR-oE$1iS&wV.3jH/7kM%' );\n"},"file":"wp-config.php","git":true},
   [["Move to environment variable AUTH_KEY (value saved in .env)", "wp-config.php 2:21-2:89 \"getenv('AUTH_KEY')\"", ".env 1:1-1:1 \"AUTH_KEY='q>W2,v<J8`pD;r]e5^Ks:Lx{9mA!c~Tz?Fh+6bN|u@Y0(gR-oE$1iS&wV.3jH/7kM%'\\n\" sensitive", ".env.example 1:1-1:1 \"AUTH_KEY=\\n\"", ".gitignore 1:1-1:1 \".env\\n\"", "create: .env, .env.example, .gitignore"]]],
  [{"files":{"app.py":"key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"app.py","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","app.py 1:1-1:1 \"import os\\n\"","app.py 1:7-1:47 \"os.environ[\\\"STRIPE_KEY\\\"]\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"app.py":"#!/usr/bin/env python\nkey = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"app.py","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","app.py 2:1-2:1 \"import os\\n\"","app.py 2:7-2:47 \"os.environ[\\\"STRIPE_KEY\\\"]\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"app.py":"from os import environ\nkey = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"app.py","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","app.py 2:7-2:47 \"os.environ[\\\"STRIPE_KEY\\\"]\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"app.py":"import sys, os\nkey = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"app.py","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","app.py 2:7-2:47 \"os.environ[\\\"STRIPE_KEY\\\"]\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // A part of a literal is read into it where it was: an f-string takes the lookup in braces, with the other quote.
  [{"files":{"app.py":"key = f\"{x}sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"app.py","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","app.py 1:1-1:1 \"import os\\n\"","app.py 1:12-1:50 \"{os.environ['STRIPE_KEY']}\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"config.yml":"stripe:\n  key: sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\n"},"file":"config.yml","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","config.yml 2:8-2:46 \"${STRIPE_KEY}\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"main.go":"package main\nimport \"os\"\nvar key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"main.go","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","main.go 3:11-3:51 \"os.Getenv(\\\"STRIPE_KEY\\\")\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"main.go":"package main\nimport (\n  \"os\"\n)\nvar key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"main.go","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","main.go 5:11-5:51 \"os.Getenv(\\\"STRIPE_KEY\\\")\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"main.go":"package main\nvar key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"main.go","git":true},
   ["secrets/stripe-key: no move fix"]],
  [{"files":{"main.go":"package main\nimport \"os\"\nvar key = `sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab`\n"},"file":"main.go","git":true},
   ["secrets/stripe-key: no move fix"]],
  [{"files":{"notes.txt":"key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n"},"file":"notes.txt","git":true},
   ["secrets/stripe-key: no move fix"]],
  // The file's own way of reading its environment: Vite's and Astro's import.meta.env (where the browser has no
  // process), Deno's Deno.env.get; process.env when the file uses it at all.
  [{"files":{"src/api.ts":"const base = import.meta.env.VITE_API_URL;\nconst key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n"},"file":"src/api.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","src/api.ts 2:13-2:53 \"import.meta.env.STRIPE_KEY\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"main.ts":"const port = Deno.env.get(\"PORT\");\nconst key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n"},"file":"main.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","main.ts 2:13-2:53 \"Deno.env.get(\\\"STRIPE_KEY\\\")\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"server.ts":"const mode = import.meta.env.MODE ?? process.env.NODE_ENV;\nconst key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n"},"file":"server.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","server.ts 2:13-2:53 \"process.env.STRIPE_KEY\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const key = `sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab`;\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","a.ts 1:13-1:53 \"process.env.STRIPE_KEY\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const key = `${x}sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab`;\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","a.ts 1:18-1:56 \"${process.env.STRIPE_KEY}\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const key = 'sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","a.ts 1:13-1:53 \"process.env.STRIPE_KEY\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab';\n"},"file":"a.ts","git":true},
   ["secrets/stripe-key: no move fix"]],
  // MCP clients' configs expand environment variables in their strings: VS Code's and Cursor's ${env:NAME}, Claude Code's ${NAME}.
  [{"files":{".vscode/mcp.json":"{\n  \"servers\": {\n    \"github\": {\n      \"command\": \"docker\",\n      \"env\": { \"GITHUB_PERSONAL_ACCESS_TOKEN\": \"ghp_8Zq3Lm7Np2Qr5St9Uv1Wx4Yz6Ab0Cd3Ef5Gh\" }\n    }\n  }\n}\n"},"file":".vscode/mcp.json","git":true},
   [["Move to environment variable GITHUB_PERSONAL_ACCESS_TOKEN (value saved in .env)",".vscode/mcp.json 5:49-5:89 \"${env:GITHUB_PERSONAL_ACCESS_TOKEN}\"",".env 1:1-1:1 \"GITHUB_PERSONAL_ACCESS_TOKEN=ghp_8Zq3Lm7Np2Qr5St9Uv1Wx4Yz6Ab0Cd3Ef5Gh\\n\" sensitive",".env.example 1:1-1:1 \"GITHUB_PERSONAL_ACCESS_TOKEN=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{".cursor/mcp.json":"{ \"mcpServers\": { \"figma\": { \"command\": \"npx\", \"args\": [\"figma-developer-mcp\", \"--figma-api-key=figd_Xk9vQ2pL7xW4zR8mQ3ZxT6yU1iO5pA8sD2fG4hJ7\"] } } }\n"},"file":".cursor/mcp.json","git":true},
   [["Move to environment variable FIGMA_API_KEY (value saved in .env)",".cursor/mcp.json 1:97-1:142 \"${env:FIGMA_API_KEY}\"",".env 1:1-1:1 \"FIGMA_API_KEY=figd_Xk9vQ2pL7xW4zR8mQ3ZxT6yU1iO5pA8sD2fG4hJ7\\n\" sensitive",".env.example 1:1-1:1 \"FIGMA_API_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{".mcp.json":"{ \"mcpServers\": { \"stripe\": { \"command\": \"npx\", \"args\": [\"-y\", \"@stripe/mcp\", \"--api-key=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"] } } }\n"},"file":".mcp.json","git":true},
   [["Move to environment variable STRIPE_API_KEY (value saved in .env)",".mcp.json 1:90-1:128 \"${STRIPE_API_KEY}\"",".env 1:1-1:1 \"STRIPE_API_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_API_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.json":"{ \"key\": \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\" }\n"},"file":"a.json","git":true},
   ["secrets/stripe-key: no move fix"]],
  [{"files":{".env.local":"STRIPE=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\n"},"file":".env.local","git":true},
   ["secrets/stripe-key: no move fix"]],
  [{"files":{"config/.env":"STRIPE=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\n"},"file":"config/.env","git":true},
   ["secrets/stripe-key: no move fix"]],
  [{"files":{"a.ts":"const key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n",".env":"A=1",".env.example":"A=",".gitignore":"node_modules"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","a.ts 1:13-1:53 \"process.env.STRIPE_KEY\"",".env 1:4-1:4 \"\\nSTRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:3-1:3 \"\\nSTRIPE_KEY=\\n\"",".gitignore 1:13-1:13 \"\\n.env\\n\"","create: "]]],
  [{"files":{"a.ts":"const key = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n",".env":"",".env.example":"",".gitignore":""},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","a.ts 1:13-1:53 \"process.env.STRIPE_KEY\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: "]]],
  [{"files":{"a.ts":"const stripeKey = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n",".env":"export STRIPE_KEY = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\"\n",".env.example":"STRIPE_KEY=\n",".gitignore":".env\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","a.ts 1:19-1:59 \"process.env.STRIPE_KEY\"","create: "]]],
  [{"files":{"a.ts":"const stripeKey = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n",".env":"STRIPE_KEY=other\nSTRIPE_KEY_2=other\n",".gitignore":".env\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY_3 (value saved in .env)","a.ts 1:19-1:59 \"process.env.STRIPE_KEY_3\"",".env 3:1-3:1 \"STRIPE_KEY_3=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY_3=\\n\"","create: .env.example"]]],
  [{"files":{"a.ts":"const stripeKey = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n",".env":"STRIPE_KEY=other\nSTRIPE_KEY_2=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\n",".gitignore":".env\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY_2 (value saved in .env)","a.ts 1:19-1:59 \"process.env.STRIPE_KEY_2\"",".env.example 1:1-1:1 \"STRIPE_KEY_2=\\n\"","create: .env.example"]]],
  [{"files":{"a.ts":"const password = \"kT9#vQ2!pL7@xW4z\";\n"},"file":"a.ts","git":true},
   [["Move to environment variable APP_PASSWORD (value saved in .env)","a.ts 1:18-1:36 \"process.env.APP_PASSWORD\"",".env 1:1-1:1 \"APP_PASSWORD='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 1:1-1:1 \"APP_PASSWORD=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const password = \"kT9vQ2:pL7@xW4z.~\";\n"},"file":"a.ts","git":true},
   [["Move to environment variable APP_PASSWORD (value saved in .env)","a.ts 1:18-1:37 \"process.env.APP_PASSWORD\"",".env 1:1-1:1 \"APP_PASSWORD=kT9vQ2:pL7@xW4z.~\\n\" sensitive",".env.example 1:1-1:1 \"APP_PASSWORD=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const token = \"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\";\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_TOKEN (value saved in .env)","a.ts 1:15-1:55 \"process.env.STRIPE_TOKEN\"",".env 1:1-1:1 \"STRIPE_TOKEN=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_TOKEN=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"config.db.password = \"kT9#vQ2!pL7@xW4z\";\n"},"file":"a.ts","git":true},
   [["Move to environment variable DB_PASSWORD (value saved in .env)","a.ts 1:22-1:40 \"process.env.DB_PASSWORD\"",".env 1:1-1:1 \"DB_PASSWORD='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 1:1-1:1 \"DB_PASSWORD=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const x2_password = \"kT9#vQ2!pL7@xW4z\";\n"},"file":"a.ts","git":true},
   [["Move to environment variable X2_PASSWORD (value saved in .env)","a.ts 1:21-1:39 \"process.env.X2_PASSWORD\"",".env 1:1-1:1 \"X2_PASSWORD='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 1:1-1:1 \"X2_PASSWORD=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"const settings = { \"2fa_secret\": \"kT9#vQ2!pL7@xW4z\" };\n"},"file":"a.ts","git":true},
   [["Move to environment variable SECRET_2FA_SECRET (value saved in .env)","a.ts 1:34-1:52 \"process.env.SECRET_2FA_SECRET\"",".env 1:1-1:1 \"SECRET_2FA_SECRET='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 1:1-1:1 \"SECRET_2FA_SECRET=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"a.ts":"foo(\"sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\");\n"},"file":"a.ts","git":true},
   [["Move to environment variable STRIPE_KEY (value saved in .env)","a.ts 1:5-1:45 \"process.env.STRIPE_KEY\"",".env 1:1-1:1 \"STRIPE_KEY=sk_live_51Hq8ZkLm3Np9Qr2St4Uv6Wx8Yz0Ab\\n\" sensitive",".env.example 1:1-1:1 \"STRIPE_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // A fallback after an environment read: the value goes to the variable the code reads, and the fallback goes.
  [{"files":{"a.ts":"const apiKey = process.env.MISTRAL_API_KEY || \"kT9#vQ2!pL7@xW4z\";\n"},"file":"a.ts","git":true},
   [["Move to environment variable MISTRAL_API_KEY (value saved in .env)","a.ts 1:43-1:65 \"\"",".env 1:1-1:1 \"MISTRAL_API_KEY='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 1:1-1:1 \"MISTRAL_API_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"app.py":"import os\ntoken = os.getenv(\"API_TOKEN\") or \"kT9#vQ2!pL7@xW4z\"\n"},"file":"app.py","git":true},
   [["Move to environment variable API_TOKEN (value saved in .env)","app.py 2:31-2:53 \"\"",".env 1:1-1:1 \"API_TOKEN='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 1:1-1:1 \"API_TOKEN=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // .env gives the variable another value: the fallback never applied; it is moved like any literal.
  [{"files":{"a.ts":"const apiKey = process.env.MISTRAL_API_KEY ?? \"kT9#vQ2!pL7@xW4z\";\n",".env":"MISTRAL_API_KEY=other\n",".env.example":"MISTRAL_API_KEY=\n",".gitignore":".env\n"},"file":"a.ts","git":true},
   [["Move to environment variable APP_API_KEY (value saved in .env)","a.ts 1:47-1:65 \"process.env.APP_API_KEY\"",".env 2:1-2:1 \"APP_API_KEY='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 2:1-2:1 \"APP_API_KEY=\\n\"","create: "]]],
  // A shell or Compose default, `${NAME:-value}`: `:-value` goes, where the shell or Compose expands it.
  [{"files":{"docker-compose.yml":"services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-kT9vQ2pL7xW4zR8m}\n"},"file":"docker-compose.yml","git":true},
   [["Move to environment variable POSTGRES_PASSWORD (value saved in .env)","docker-compose.yml 4:45-4:63 \"\"",".env 1:1-1:1 \"POSTGRES_PASSWORD=kT9vQ2pL7xW4zR8m\\n\" sensitive",".env.example 1:1-1:1 \"POSTGRES_PASSWORD=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"run.sh":"export DB_PASSWORD=\"${DB_PASSWORD:-kT9vQ2pL7xW4zR8m}\"\n"},"file":"run.sh","git":true},
   [["Move to environment variable DB_PASSWORD (value saved in .env)","run.sh 1:34-1:52 \"\"",".env 1:1-1:1 \"DB_PASSWORD=kT9vQ2pL7xW4zR8m\\n\" sensitive",".env.example 1:1-1:1 \"DB_PASSWORD=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"notes.txt":"password: ${DB_PASSWORD:-kT9vQ2pL7xW4zR8m}\n"},"file":"notes.txt","git":true},
   ["secrets/generic-credential: no move fix"]],
  // Spring's `${name:value}`: `:value` goes, and .env gets the variable relaxed binding reads the property from.
  [{"files":{"src/main/resources/application.yml":"app:\n  jwt:\n    secret: ${jwt.signing-secret:kT9vQ2pL7xW4zR8mQ3Zx}\n"},"file":"src/main/resources/application.yml","git":true},
   [["Move to environment variable JWT_SIGNING_SECRET (value saved in .env)","src/main/resources/application.yml 3:33-3:54 \"\"",".env 1:1-1:1 \"JWT_SIGNING_SECRET=kT9vQ2pL7xW4zR8mQ3Zx\\n\" sensitive",".env.example 1:1-1:1 \"JWT_SIGNING_SECRET=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  [{"files":{"src/main/java/Cfg.java":"class Cfg {\n  @Value(\"${jwt.secret:kT9vQ2pL7xW4zR8mQ3Zx}\") private String secret;\n}\n"},"file":"src/main/java/Cfg.java","git":true},
   [["Move to environment variable JWT_SECRET (value saved in .env)","src/main/java/Cfg.java 2:23-2:44 \"\"",".env 1:1-1:1 \"JWT_SECRET=kT9vQ2pL7xW4zR8mQ3Zx\\n\" sensitive",".env.example 1:1-1:1 \"JWT_SECRET=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // A Kubernetes manifest is applied as written: `${NAME}` would reach the container as text, so no lookup.
  [{"files":{"k8s/deploy.yaml":"apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DATABASE_PASSWORD\n              value: \"kT9vQ2pL7xW4zR8m\"\n"},"file":"k8s/deploy.yaml","git":true},
   ["secrets/generic-credential: no move fix"]],
  // Not where Spring or a shell expands it: no fix that would leave a placeholder nothing reads.
  [{"files":{"notes.txt":"password: ${db.password:kT9vQ2pL7xW4zR8m}\n"},"file":"notes.txt","git":true},
   ["secrets/generic-credential: no move fix"]],
  // More than a read before the operator: removing the fallback would change what the expression is.
  [{"files":{"a.ts":"const apiKey = trim(process.env.MISTRAL_API_KEY) || \"kT9#vQ2!pL7@xW4z\";\n"},"file":"a.ts","git":true},
   [["Move to environment variable APP_API_KEY (value saved in .env)","a.ts 1:53-1:71 \"process.env.APP_API_KEY\"",".env 1:1-1:1 \"APP_API_KEY='kT9#vQ2!pL7@xW4z'\\n\" sensitive",".env.example 1:1-1:1 \"APP_API_KEY=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // A Terraform variable's default: Terraform reads TF_VAR_<name> when the variable has none, so the default's line goes.
  [{"files":{"main.tf":"variable \"db_password\" {\n  type      = string\n  default   = \"kT9vQ2pL7xW4zR8mQ3Zx\" # for now\n}\n"},"file":"main.tf","git":true},
   [["Move to environment variable TF_VAR_db_password (value saved in .env)","main.tf 3:1-4:1 \"\"",".env 1:1-1:1 \"TF_VAR_db_password=kT9vQ2pL7xW4zR8mQ3Zx\\n\" sensitive",".env.example 1:1-1:1 \"TF_VAR_db_password=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // An escape in the string (a workspace's own rule may match one): .env would not hold what Terraform reads.
  [{"files":{"main.tf":"variable \"acme_key\" {\n  default = \"acme_kT9vQ2pL7xW4\\\\zR8mQ3Zx\"\n}\n"},"file":"main.tf","git":true,"config":"secrets:\n  custom:\n    - id: acme-key\n      regex: \"acme_kT9[^\\\"]+\"\n      keywords: [acme_]\n      entropy: 0\n"},
   ["secrets/custom: no move fix"]],
  // Not a default of its own (a field of the default's map): no lookup Terraform would read.
  [{"files":{"main.tf":"variable \"db\" {\n  default = { password = \"kT9vQ2pL7xW4zR8mQ3Zx\" }\n}\n"},"file":"main.tf","git":true},
   ["secrets/hashicorp-terraform-password: no move fix"]],
  // A resource's attribute: a sensitive input variable named after the block, declared at the end of the file, which Terraform reads from TF_VAR_<name>.
  [{"files":{"main.tf":"resource \"aws_db_instance\" \"main\" {\n  password = \"kT9vQ2pL7xW4zR8mQ3Zx\"\n}\n"},"file":"main.tf","git":true},
   [["Move to environment variable TF_VAR_aws_db_instance_password (value saved in .env)","main.tf 2:14-2:36 \"var.aws_db_instance_password\"","main.tf 4:1-4:1 \"\\nvariable \\\"aws_db_instance_password\\\" {\\n  type      = string\\n  sensitive = true\\n}\\n\"",".env 1:1-1:1 \"TF_VAR_aws_db_instance_password=kT9vQ2pL7xW4zR8mQ3Zx\\n\" sensitive",".env.example 1:1-1:1 \"TF_VAR_aws_db_instance_password=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // A provider's: named after the provider (a file without a final newline gets one first).
  [{"files":{"main.tf":"provider \"aws\" {\n  region     = \"eu-west-1\"\n  secret_key = \"kT9vQ2pL7xW4zR8mQ3Zx/kT9vQ2pL7xW4zR8mQ3Z\"\n}"},"file":"main.tf","git":true},
   [["Move to environment variable TF_VAR_aws_secret_key (value saved in .env)","main.tf 3:16-3:58 \"var.aws_secret_key\"","main.tf 4:2-4:2 \"\\n\\nvariable \\\"aws_secret_key\\\" {\\n  type      = string\\n  sensitive = true\\n}\\n\"",".env 1:1-1:1 \"TF_VAR_aws_secret_key=kT9vQ2pL7xW4zR8mQ3Zx/kT9vQ2pL7xW4zR8mQ3Z\\n\" sensitive",".env.example 1:1-1:1 \"TF_VAR_aws_secret_key=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // A variable of that name declared for something else (here in variables.tf, with a default other attributes may read): the next free name.
  [{"files":{"main.tf":"resource \"aws_db_instance\" \"main\" {\n  password = \"kT9vQ2pL7xW4zR8mQ3Zx\"\n}\n","variables.tf":"variable \"aws_db_instance_password\" {\n  default = \"x\"\n}\n"},"file":"main.tf","git":true},
   [["Move to environment variable TF_VAR_aws_db_instance_password_2 (value saved in .env)","main.tf 2:14-2:36 \"var.aws_db_instance_password_2\"","main.tf 4:1-4:1 \"\\nvariable \\\"aws_db_instance_password_2\\\" {\\n  type      = string\\n  sensitive = true\\n}\\n\"",".env 1:1-1:1 \"TF_VAR_aws_db_instance_password_2=kT9vQ2pL7xW4zR8mQ3Zx\\n\" sensitive",".env.example 1:1-1:1 \"TF_VAR_aws_db_instance_password_2=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // Declared already, and .env holds the value under its name: only the literal goes.
  [{"files":{"main.tf":"resource \"aws_db_instance\" \"main\" {\n  password = \"kT9vQ2pL7xW4zR8mQ3Zx\"\n}\n\nvariable \"aws_db_instance_password\" {\n  type      = string\n  sensitive = true\n}\n",".env":"TF_VAR_aws_db_instance_password=kT9vQ2pL7xW4zR8mQ3Zx\n",".gitignore":".env\n"},"file":"main.tf","git":true},
   [["Move to environment variable TF_VAR_aws_db_instance_password (value saved in .env)","main.tf 2:14-2:36 \"var.aws_db_instance_password\"",".env.example 1:1-1:1 \"TF_VAR_aws_db_instance_password=\\n\"","create: .env.example"]]],
  // Terraform's own settings (a backend) cannot read variables: no fix.
  [{"files":{"main.tf":"terraform {\n  backend \"pg\" {\n    password = \"kT9vQ2pL7xW4zR8mQ3Zx\"\n  }\n}\n"},"file":"main.tf","git":true},
   ["secrets/hashicorp-terraform-password: no move fix"]],
  // A .tfvars file sets the variable of that name: its line goes, and Terraform reads TF_VAR_<name> instead.
  [{"files":{"terraform.tfvars":"region      = \"eu-west-1\"\ndb_password = \"kT9vQ2pL7xW4zR8mQ3Zx\" # rotate\n"},"file":"terraform.tfvars","git":true},
   [["Move to environment variable TF_VAR_db_password (value saved in .env)","terraform.tfvars 2:1-3:1 \"\"",".env 1:1-1:1 \"TF_VAR_db_password=kT9vQ2pL7xW4zR8mQ3Zx\\n\" sensitive",".env.example 1:1-1:1 \"TF_VAR_db_password=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // A local value: named after the attribute alone.
  [{"files":{"main.tf":"locals {\n  api_token = \"kT9vQ2pL7xW4zR8mQ3Zx\"\n}\n"},"file":"main.tf","git":true},
   [["Move to environment variable TF_VAR_api_token (value saved in .env)","main.tf 2:15-2:37 \"var.api_token\"","main.tf 4:1-4:1 \"\\nvariable \\\"api_token\\\" {\\n  type      = string\\n  sensitive = true\\n}\\n\"",".env 1:1-1:1 \"TF_VAR_api_token=kT9vQ2pL7xW4zR8mQ3Zx\\n\" sensitive",".env.example 1:1-1:1 \"TF_VAR_api_token=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
  // npm expands ${NAME} in .npmrc from the environment.
  [{"files":{".npmrc":"//registry.npmjs.org/:_authToken=5d3f8a2c-91b4-4e7a-b0c6-2f8e9d1a7c34\n"},"file":".npmrc","git":true},
   [["Move to environment variable NPM_AUTH_TOKEN (value saved in .env)",".npmrc 1:34-1:70 \"${NPM_AUTH_TOKEN}\"",".env 1:1-1:1 \"NPM_AUTH_TOKEN=5d3f8a2c-91b4-4e7a-b0c6-2f8e9d1a7c34\\n\" sensitive",".env.example 1:1-1:1 \"NPM_AUTH_TOKEN=\\n\"",".gitignore 1:1-1:1 \".env\\n\"","create: .env, .env.example, .gitignore"]]],
];

describe("secrets: move to environment variable, in detail", () => {
  CASES.forEach(([c, expected], index) => {
    it(`#${index}: ${c.file}: ${c.files[c.file].split("\n").find((l) => /sk_|kT9/.test(l))}`, () => assert.deepEqual(moveFixes(c), expected));
  });
});
