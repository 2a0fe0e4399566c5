// Rows from the precision survey on Debian's node-* packages (notes: jssurvey.md): each false positive
// found there, written small, next to the close variant that must still be reported.
import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/async-callback';
const js = (code: string) => ({ code, filename: 'src/a.js' });

ruleTable(RULE, {
  valid: [
    // A debug line before a try/catch that reports everything: the log call cannot reject the listener.
    js('const onSigint = async () => {\n  debug("caught SIGINT");\n  state = ABORTING;\n  try {\n    await pool.terminate(true);\n  } catch (err) {\n    console.error(`could not terminate: ${err}`);\n    process.exitCode = 1;\n  }\n};\nprocess.once("SIGINT", onSigint);'),
    // Settling the surrounding promise never throws: `return reject(new Error(…))`, `resolve()`.
    js('function edit(dir) {\n  return new Promise((resolve, reject) => {\n    const editor = spawn("vi", [dir]);\n    editor.on("exit", async (code) => {\n      if (code) {\n        return reject(new Error(`editor exited with ${code}`));\n      }\n      try {\n        await rebuild(dir);\n      } catch (err) {\n        reject(err);\n      }\n      resolve();\n    });\n  });\n}'),
    // A shutdown listener that waits on a timer and exits (met in an AI-written Express server): a timer's
    // promise only resolves, and process.exit ends the process.
    js('process.on("SIGTERM", async () => {\n  await new Promise((r) => setTimeout(r, 100));\n  process.exit(0);\n});'),
    js('process.on("SIGINT", async function () {\n  try {\n    await server.close();\n  } catch (err) {\n    await new Promise(function (resolve) { setImmediate(() => resolve()); });\n  }\n});'),
  ],
  invalid: [
    // A timer whose callback does more than resolve, or a wait on something else, may reject.
    { ...js('process.on("SIGTERM", async () => {\n  await new Promise((r) => setTimeout(() => r(flush()), 100));\n  process.exit(0);\n});'), errors: [{ line: 1, column: 23 }] },
    { ...js('process.on("SIGTERM", async () => {\n  await server.close();\n  process.exit(0);\n});'), errors: [{ line: 1, column: 23 }] },
    // The log line is outside the try and its argument runs code that may throw.
    { ...js('process.once("SIGINT", async () => {\n  debug(describe(state));\n  try {\n    await pool.terminate(true);\n  } catch (err) {\n    console.error(err);\n  }\n});'), errors: [{ line: 1, column: 24 }] },
    // `resolve` of some other function (not a promise executor's), and a settle call whose argument may throw.
    { ...js('function edit(resolve) {\n  editor.on("exit", async (code) => {\n    try {\n      await rebuild();\n    } catch (err) {\n      report(err);\n    }\n    resolve();\n  });\n}'), errors: [{ line: 2, column: 21 }] },
    { ...js('new Promise((resolve) => {\n  editor.on("exit", async (code) => {\n    try {\n      await rebuild();\n    } catch (err) {\n      report(err);\n    }\n    resolve(JSON.parse(code));\n  });\n});'), errors: [{ line: 2, column: 21 }] },
  ],
});
