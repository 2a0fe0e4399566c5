// failure/swallowed-error on handlers that answer with a constant record instead of the result (a recall
// survey of AI-style code): `return { balance: 0, items: [] }` after a log, `res.json({ ok: true })`,
// `NextResponse.json({ items: [] })`, `.catch(() => ({ retries: 3 }))`, and Python's
// `return {"balance": 0}`. Look-alikes that report the failure stay handled: a word of failure in a key or
// value (`{ error: … }`, `{"status": "failed"}`), a status of 400 or more, `false`, a sentence for a
// person, a non-constant value, a spread, a body read from a variable, a receiver that is not a response.
// Each row: file, code, "ruleId range message => fix" per swallowed-error finding; every fix must parse.
import * as assert from "node:assert/strict";
import { preparePythonImports } from "../../../server/src/engine/index";
import { applyFixToText, assertParses } from "../../helpers/fix-application";
import { analyse, visible, describeFinding } from "../../helpers/engine";

const ROWS: [string, string, string[]][] = [
  ["src/file.ts", "async function load(id) {\n  try {\n    return await api.balance(id);\n  } catch (err) {\n    console.error(\"balance failed\", err);\n    return { balance: 0, items: [] };\n  }\n}\n", ["failure/swallowed-error 4:5-4:16 This catch only logs the error and carries on: callers see success while the operation failed, and in production the log line is the only trace. Rethrow it with context (`{ cause: err }`), return an explicit failure, or report it; suppress with a reason if dropping it is correct. => Rethrow the error with its cause 6:5-6:5 \"throw new Error(\\\"api.balance failed\\\", { cause: err });\\n    \""]],
  ["src/file.ts", "router.post(\"/refunds\", async (req, res) => {\n  try {\n    res.json(await refund(req.body));\n  } catch (error) {\n    console.log(\"refund failed\", error);\n    res.json({ ok: true });\n  }\n});\n", ["failure/swallowed-error 4:5-4:18 This catch only logs the error and carries on: callers see success while the operation failed, and in production the log line is the only trace. Rethrow it with context (`{ cause: err }`), return an explicit failure, or report it; suppress with a reason if dropping it is correct. => Rethrow the error with its cause 6:28-6:28 \"\\n    throw new Error(\\\"res.json failed\\\", { cause: error });\""]],
  ["src/file.ts", "export async function GET() {\n  try {\n    return NextResponse.json(await list());\n  } catch (e) {\n    return NextResponse.json({ items: [] });\n  }\n}\n", ["failure/swallowed-error 4:5-4:14 This catch returns a default value in place of the error: callers cannot tell a failure from an empty result, so in production bad data flows on silently. Rethrow it with context (`{ cause: err }`), return an explicit failure, or report it; suppress with a reason if dropping it is correct. => Rethrow the error with its cause 5:5-5:5 \"throw new Error(\\\"NextResponse.json failed\\\", { cause: e });\\n    \""]],
  ["src/file.ts", "app.get(\"/x\", async (req, res) => {\n  try {\n    res.send(await get());\n  } catch (e) {\n    res.status(200).send(\"ok\");\n  }\n});\n", ["failure/swallowed-error 4:5-4:14 This catch returns a default value in place of the error: callers cannot tell a failure from an empty result, so in production bad data flows on silently. Rethrow it with context (`{ cause: err }`), return an explicit failure, or report it; suppress with a reason if dropping it is correct. => Rethrow the error with its cause 5:32-5:32 \"\\n    throw new Error(\\\"res.send failed\\\", { cause: e });\""]],
  ["src/file.ts", "p.catch(() => ({ a: 1 }));\n", ["failure/swallowed-error 1:3-1:8 This `.catch` handler turns the rejection into a default value: callers cannot tell a failure from an empty result. Rethrow it with context (`{ cause: err }`), return an explicit failure, or report it; suppress with a reason if dropping it is correct. => Rethrow the error with its cause 1:10-1:10 \"error\"|1:15-1:25 \"{ throw new Error(\\\"operation failed\\\", { cause: error }); return ({ a: 1 }); }\""]],
  ["src/file.ts", "p.catch(() => ({ retries: 3, nested: { mode: \"fast\" } }));\n", ["failure/swallowed-error 1:3-1:8 This `.catch` handler turns the rejection into a default value: callers cannot tell a failure from an empty result. Rethrow it with context (`{ cause: err }`), return an explicit failure, or report it; suppress with a reason if dropping it is correct. => Rethrow the error with its cause 1:10-1:10 \"error\"|1:15-1:57 \"{ throw new Error(\\\"operation failed\\\", { cause: error }); return ({ retries: 3, nested: { mode: \\\"fast\\\" } }); }\""]],
  ["src/file.ts", "app.get(\"/x\", async (req, res) => {\n  try {\n    res.send(await get());\n  } catch (e) {\n    logger.warn(e);\n    res.status(500).json({ ok: false });\n  }\n});\n", []],
  ["src/file.ts", "app.get(\"/x\", async (req, res) => {\n  try {\n    res.send(await get());\n  } catch (e) {\n    console.error(e);\n    res.json({ error: \"unavailable\" });\n  }\n});\n", []],
  ["src/file.ts", "app.get(\"/x\", async (req, res) => {\n  try {\n    res.send(await get());\n  } catch (e) {\n    console.error(e);\n    res.send(\"Something went wrong, try again\");\n  }\n});\n", []],
  ["src/file.ts", "export async function GET() {\n  try {\n    return NextResponse.json(await list());\n  } catch (e) {\n    return NextResponse.json({ items: [] }, { status: 503 });\n  }\n}\n", []],
  ["src/file.ts", "function f() {\n  try {\n    return run();\n  } catch (e) {\n    return { ok: false };\n  }\n}\n", []],
  ["src/file.ts", "function f() {\n  try {\n    return run();\n  } catch (e) {\n    return { status: 500 };\n  }\n}\n", []],
  ["src/file.ts", "function f() {\n  try {\n    return run();\n  } catch (e) {\n    return { valid: true };\n  }\n}\n", []],
  ["src/file.ts", "function f() {\n  try {\n    return run();\n  } catch (e) {\n    return { balance: cached };\n  }\n}\n", []],
  ["src/file.ts", "function f() {\n  try {\n    return run();\n  } catch (e) {\n    return { ...defaults };\n  }\n}\n", []],
  ["src/file.ts", "app.get(\"/x\", async (req, res) => {\n  try {\n    res.send(await get());\n  } catch (e) {\n    console.error(e);\n    res.json(fallback);\n  }\n});\n", []],
  ["src/file.ts", "app.get(\"/x\", async (req, res) => {\n  try {\n    res.send(await get());\n  } catch (e) {\n    console.error(e);\n    other.json({ ok: true });\n  }\n});\n", []],
  ["app/x.py", "def summary():\n    try:\n        return client.balance()\n    except Exception as e:\n        logger.warning(\"balance failed: %s\", e)\n        return {\"balance\": 0}\n", ["failure/swallowed-error 4:5-4:26 This broad except only logs the error and carries on: callers see success while the operation failed, and in production the failure is invisible. Re-raise with context (`raise RuntimeError(...) from err`), catch a narrower exception, or suppress with a reason. => Re-raise the error with its cause 6:9-6:9 \"raise RuntimeError(\\\"client.balance failed\\\") from e\\n        \""]],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception:\n        return {\"ok\": True, \"items\": []}\n", ["failure/swallowed-error 4:5-4:21 This broad except returns a default value in place of the error: callers see success while the operation failed, and in production the failure is invisible. Re-raise with context (`raise RuntimeError(...) from err`), catch a narrower exception, or suppress with a reason. => Re-raise the error with its cause 4:21-4:21 \" as error\"|5:9-5:9 \"raise RuntimeError(\\\"run failed\\\") from error\\n        \""]],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception:\n        return {\"ok\": False}\n", []],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception as e:\n        return {\"error\": str(e)}\n", []],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception:\n        return {\"status\": \"failed\"}\n", []],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception:\n        return {\"status\": 503}\n", []],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception:\n        return {\"balance\": cached}\n", []],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception:\n        return {\"message\": \"Service is down, try later\"}\n", []],
  ["app/x.py", "def f():\n    try:\n        return run()\n    except Exception:\n        return {\"name\": f\"{user}\"}\n", []],
];

describe("failure/swallowed-error: constant records in place of the result", () => {
  before(() => preparePythonImports());
  ROWS.forEach(([filename, code, expected], index) => {
    it(`#${index}: ${code.replace(/\n/g, " ").slice(0, 80)}`, () => {
      const findings = visible(analyse(code, { filename })).filter((f) => f.ruleId === "failure/swallowed-error");
      assert.deepEqual(findings.map(describeFinding), expected);
      for (const fix of findings.flatMap((f) => f.fixes ?? [])) assertParses(applyFixToText(code, fix), filename);
    });
  });
});
