import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/retry-without-backoff';
const NO_DELAY =
  'Retry loop with no delay between attempts: when the remote side fails or is overloaded, this loop hits it again at once, turning a blip into a retry storm. Wait between attempts with exponential backoff and jitter, and cap the attempts.';
const UNCAPPED =
  'Retry loop with a constant delay and no cap on attempts: if the dependency stays down, this retries forever at the same pace and the failure never surfaces. Cap the attempts (then rethrow) and grow the delay after each failure.';

ruleTable(RULE, {
  valid: [
    // After a failure the loop asks for something else (the parent folder, the next host): it moves on, it does not retry.
    'import { fs, path } from "./internal/node";\nasync function nearest(dir) {\n  let current = dir;\n  for (;;) {\n    try {\n      return await fs.promises.realpath(current);\n    } catch {}\n    current = path.dirname(current);\n  }\n}',
    'async function lenient(p) {\n  let current = p;\n  for (;;) {\n    try {\n      const resolved = join(await realpath(current), "x");\n      return await verify(resolved);\n    } catch (err) {\n      if (err.code !== "ENOENT") throw err;\n    }\n    current = dirname(current);\n  }\n}',
    'async function firstUp(hosts) {\n  let i = 0;\n  while (true) {\n    try {\n      return await fetch(hosts[i]);\n    } catch (err) {\n      if (i === hosts.length - 1) throw err;\n      i++;\n    }\n  }\n}',
    'for (let attempt = 0; attempt < 5; attempt++) {\n  try {\n    return await fetch(url, { signal });\n  } catch (err) {\n    if (attempt === 4) throw err;\n    await sleep(200 * 2 ** attempt);\n  }\n}',
    'let delay = 100;\nwhile (true) {\n  try {\n    return await call();\n  } catch {\n    await sleep(delay);\n    delay *= 2;\n  }\n}',
    'while (true) {\n  try {\n    return await call();\n  } catch {\n    await new Promise((r) => setTimeout(r, Math.min(base * 2 ** n++, 30_000)));\n  }\n}',
    // A constant delay with a cap is fine.
    'for (let i = 0; i < 3; i++) {\n  try {\n    return await call();\n  } catch {\n    await sleep(1000);\n  }\n}',
    'let tries = 0;\nwhile (tries++ < 3) {\n  try {\n    return await call();\n  } catch {\n    await sleep(1000);\n  }\n}',
    'let n = 0;\nwhile (true) {\n  try {\n    await publish(e);\n    break;\n  } catch (err) {\n    if (++n > 5) throw err;\n    await sleep(500);\n  }\n}',
    // Not a retry: a loop over items, a catch that leaves, a try that never exits on success.
    'for (const item of items) {\n  try {\n    await send(item);\n  } catch (err) {\n    log(err);\n  }\n}',
    'while (true) {\n  try {\n    return await call();\n  } catch (err) {\n    throw new Error("call failed", { cause: err });\n  }\n}',
    'while (running) {\n  try {\n    await tick();\n  } catch (err) {\n    log(err);\n  }\n}',
    'while (true) {\n  try {\n    return parse(text);\n  } catch {\n    text = fix(text);\n  }\n}',
    'let page = await fetch(next, { signal });\nwhile (page.ok && more) {\n  await sleep(backoff(n++));\n  page = await fetch(next, { signal });\n}',
    'let res = await fetch(url, { signal });\nfor (let i = 0; i < 5 && !res.ok; i++) {\n  await sleep(100 * 2 ** i);\n  res = await fetch(url, { signal });\n}',
    // The backoff sits in an awaited helper of the same file.
    'async function onFailure(attempt) {\n  await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));\n  return true;\n}\nasync function run(call) {\n  let attempt = 0;\n  while (true) {\n    try {\n      return await call();\n    } catch (error) {\n      if (await onFailure(attempt++)) continue;\n    }\n  }\n}',
    // The only exits are shutdown checks (a flag the attempt did not compute): a read or consumer loop, not a retry.
    'while (true) {\n  let bytes;\n  try {\n    const { done, value } = await controller.next();\n    if (isAborted(params)) {\n      break;\n    }\n    bytes = done ? undefined : value;\n  } catch (err) {\n    bytes = err;\n  }\n  if (bytes === undefined) return;\n}',
    'while (!this.closing) {\n  try {\n    const batch = await this.read();\n    if (this.closing) break;\n    this.dispatch(batch);\n  } catch (err) {\n    this.emitError(err);\n    await sleep(1000);\n  }\n}',
  ],
  invalid: [
    // A counter the catch moves on that the call does not read: the same request again.
    { code: 'let failures = 0;\nwhile (true) {\n  try {\n    return await fetch(url);\n  } catch {\n    failures++;\n  }\n}', errors: [{ line: 2, column: 1, message: NO_DELAY }] },
    { code: 'while (true) {\n  try {\n    return await fetch(url, { signal });\n  } catch {\n    // try again\n  }\n}', errors: [{ line: 1, column: 1, endColumn: 6, message: NO_DELAY }] },
    { code: 'for (let i = 0; i < 3; i++) {\n  try {\n    const res = await axios.get(url, { timeout: 1000 });\n    return res.data;\n  } catch (err) {\n    log(err);\n  }\n}', errors: [{ line: 1, column: 1, endColumn: 4, message: NO_DELAY }] },
    { code: 'do {\n  try {\n    await publish(event);\n    break;\n  } catch {\n    continue;\n  }\n} while (true);', errors: [{ line: 1, column: 1, endColumn: 3, message: NO_DELAY }] },
    { code: 'for (;;) {\n  try {\n    await publish(event);\n    break;\n  } catch (err) {\n    log(err);\n    await sleep(1000);\n  }\n}', errors: [{ line: 1, column: 1, endColumn: 4, message: UNCAPPED }] },
    { code: 'let done = false;\nwhile (!done) {\n  try {\n    await connect();\n    done = true;\n    break;\n  } catch {\n    await sleep(1000);\n  }\n}', errors: [{ line: 2, column: 1, message: UNCAPPED }] },
    { code: 'const RETRY_MS = 2000;\nwhile (true) {\n  try {\n    return await db.connect();\n  } catch {\n    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));\n  }\n}', errors: [{ line: 2, column: 1, message: UNCAPPED }] },
    { code: 'let res = await fetch(url, { signal });\nwhile (!res.ok) {\n  res = await fetch(url, { signal });\n}', errors: [{ line: 2, column: 1, message: NO_DELAY }] },
    { code: 'import axios from "axios";\nlet res;\ndo {\n  res = await axios.get(url, { timeout: 1000 });\n  await sleep(500);\n} while (res.status !== 200);', errors: [{ line: 3, column: 1, message: UNCAPPED }] },
    // A helper that does not wait is no backoff.
    { code: 'async function onFailure(error) {\n  await report(error);\n}\nasync function run(call) {\n  while (true) {\n    try {\n      return await call();\n    } catch (error) {\n      await onFailure(error);\n    }\n  }\n}', errors: [{ line: 5, column: 3, message: NO_DELAY }] },
    // Exits that depend on the attempt (a value it computed, an awaited check), or an unconditional exit beside a shutdown check: still retries.
    { code: 'while (true) {\n  try {\n    const res = await fetch(url, { signal });\n    if (res.ok) return res;\n  } catch {}\n}', errors: [{ line: 1, column: 1, message: NO_DELAY }] },
    { code: 'while (true) {\n  try {\n    await publish();\n    if (await confirmed()) break;\n  } catch {}\n}', errors: [{ line: 1, column: 1, message: NO_DELAY }] },
    { code: 'while (true) {\n  try {\n    if (stopped) break;\n    await publish();\n    break;\n  } catch {}\n}', errors: [{ line: 1, column: 1, message: NO_DELAY }] },
  ],
});
