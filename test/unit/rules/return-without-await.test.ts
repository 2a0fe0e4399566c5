import { ruleTable } from '../../helpers/rule-tester';

const RULE = 'failure/return-without-await';
const CATCH =
  'Promise returned from a try block without `await`: if it rejects, the rejection skips this `catch` and reaches the caller instead, so the handling written here never runs. Write `return await …`.';
const FINALLY =
  'Promise returned from a block with a `finally`, without `await`: the `finally` runs at once, while the work is still going on (a lock released or a connection closed too early), and a rejection skips any `catch` here. Write `return await …`.';

ruleTable(RULE, {
  valid: [
    'async function load(id) {\n  try {\n    return await fetchOrder(id);\n  } catch (error) {\n    return fallback(id);\n  }\n}',
    // Outside try, returning the promise is fine.
    'async function load(id) {\n  return fetch(`/orders/${id}`);\n}',
    // Not a promise: a plain value.
    'async function total(items) {\n  try {\n    return items.length;\n  } catch {\n    return 0;\n  }\n}',
    // A synchronous function cannot await; and a nested function's return is its own.
    'function load(id) {\n  try {\n    return fetch(id);\n  } catch {\n    return undefined;\n  }\n}',
    'async function f() {\n  try {\n    const later = () => fetch("/x");\n    return later;\n  } catch {}\n}',
    // In a catch without a finally the promise goes to the caller either way.
    'async function load(id) {\n  try {\n    return await fetch(id);\n  } catch (error) {\n    return fetch("/fallback");\n  }\n}',
    'async function f() {\n  try {\n    return await (cond ? fetch("/a") : fetch("/b"));\n  } catch {}\n}',
    // A const promise awaited earlier in the same block has settled.
    'async function run(cmd) {\n  try {\n    const done = new Promise((resolve) => cmd(resolve));\n    await done;\n    return done;\n  } finally {\n    cleanup();\n  }\n}',
    // Settled where it is made (met in Ghost's validators and theme installer): nothing to wait for, and a
    // rejection made on purpose for the caller.
    'async function validate(frame) {\n  try {\n    await models.Member.findPage({ filter: frame.filter, limit: 1 });\n    return Promise.resolve();\n  } catch (err) {\n    return Promise.reject(new ValidationError({ message: "invalid filter" }));\n  }\n}',
    'async function install(zip) {\n  try {\n    if (!zip) return Promise.reject(new BadRequestError({ message: "no file" }));\n    return await unpack(zip);\n  } catch (error) {\n    log(error);\n    throw error;\n  }\n}',
  ],
  invalid: [
    // A promise of the work itself, or one resolved with another promise, still can reject.
    {
      code: 'async function load(id) {\n  try {\n    return Promise.resolve(fetch(id));\n  } catch (error) {\n    return undefined;\n  }\n}',
      errors: [{ line: 3, column: 12, message: CATCH }],
    },
    {
      code: 'async function load(id) {\n  try {\n    return fetch(`/orders/${id}`);\n  } catch (error) {\n    return undefined;\n  }\n}',
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 34, message: CATCH }],
    },
    {
      code: 'async function withLock(run: () => Promise<number>) {\n  const lock = await acquire();\n  try {\n    return run();\n  } finally {\n    lock.release();\n  }\n}',
      errors: [{ line: 4, column: 12, endColumn: 17, message: FINALLY }],
    },
    {
      code: 'const load = async () => {\n  try {\n    return cond ? fetch("/a") : fetch("/b");\n  } catch {\n    return null;\n  }\n};',
      errors: [{ line: 3, column: 12, message: CATCH }],
    },
    // In a catch block of a statement with a finally.
    {
      code: 'async function f() {\n  try {\n    await step();\n  } catch (error) {\n    return fetch("/fallback");\n  } finally {\n    close();\n  }\n}',
      errors: [{ line: 5, column: 12, message: FINALLY }],
    },
    // A method, and an async function of this file.
    {
      code: 'async function fetchOrder(id: string): Promise<string> { return id; }\nclass Orders {\n  async get(id: string) {\n    try {\n      return fetchOrder(id);\n    } catch {\n      return "";\n    }\n  }\n}',
      errors: [{ line: 5, column: 14, message: CATCH }],
    },
    // Awaited after the return, a `let` that may hold another promise by then, or an await in another block: still reported.
    { code: 'async function run(cmd) {\n  let done = fetch("/a");\n  try {\n    await done;\n    done = fetch("/b");\n    return done;\n  } finally {\n    release();\n  }\n}', errors: [{ line: 6, column: 12 }] },
    { code: 'async function run(cmd) {\n  const done = fetch("/a");\n  if (ready) await done;\n  try {\n    return done;\n  } finally {\n    release();\n  }\n}', errors: [{ line: 5, column: 12 }] },
  ],
});
