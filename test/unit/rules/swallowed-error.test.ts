import { preparePythonImports } from '../../../server/src/engine/index';
import { ruleTable } from '../../helpers/rule-tester';

const LOG_ONLY = /^This catch only logs the error and carries on: callers see success while the operation failed/;
const DEFAULT = /^This catch returns a default value in place of the error/;
const SKIP = /^This catch skips to the next item/;
const EMPTY_CALLBACK = /^This `\.catch` handler is empty: the rejection is swallowed/;
const PY = /^This broad except only logs the error and carries on/;

describe('failure/swallowed-error (TypeScript and JavaScript)', () => {
  ruleTable('failure/swallowed-error', {
    valid: [
      // Empty blocks are failure/empty-catch's, never both.
      'try { run(); } catch (err) {}',
      'try { run(); } catch {\n  // ignore\n}',
      // Rethrow, reject, report, failure state, a real use of the error.
      'try { run(); } catch (err) { throw new Error("run failed", { cause: err }); }',
      'try { run(); } catch (err) { console.error(err); throw err; }',
      'try { run(); } catch (err) { reportError(err); }',
      'try { run(); } catch (err) { Sentry.captureException(err); }',
      'try { run(); } catch (err) { console.error(err); process.exit(1); }',
      'try { run(); } catch (err) { this.failed = true; }',
      'try { run(); } catch (err) { res.status(500).json({ error: "failed" }); }',
      'try { run(); } catch (err) { if (err.code === "ENOENT") return null; throw err; }',
      'try { run(); } catch (err) { return err; }',
      'try { run(); } catch (err) { return { ok: false, error: err }; }',
      'try { run(); } catch (err) { logger.error("failed", { cause: wrap(err) }); }',
      'try { run(); } catch ({ message }) { console.log(message); }',
      // A boolean is a deliberate answer (isValid returns false when parsing throws).
      'function isJson(s) { try { JSON.parse(s); return true; } catch { return false; } }',
      'try { run(); } catch (err) { console.error(err); return retry(); }',
      // Parse-or-default around a built-in that signals invalid input only by throwing, on a value in hand.
      'function toUrl(s) { try { return new URL(s); } catch { return undefined; } }',
      'function host(s) { try { return new globalThis.URL(`http://${s}`).hostname; } catch { return undefined; } }',
      'function decode(s) { let out; try { out = decodeURIComponent(s); } catch { return s; } return out; }',
      'function pointer(s) { try { const p = decodeURIComponent(s); return p.startsWith("/") ? p : undefined; } catch { return undefined; } }',
      'function decoder(c) { try { return new TextDecoder(c); } catch (e) { return utf8; } }',
      // The same with an assignment, a string method on the result, several conversions, or URL taken from Node's url module.
      'function host(h) { try { h = new URL("http://[" + h + "]/").hostname.slice(1, -1); } catch { return h; } return h; }',
      'function hostname(h, v6) { try { if (v6) return new URL(`http://${h}`).hostname; return h.split(":", 1)[0]; } catch { return ""; } }',
      'function loc(o, p, l) { let a, b, c; try { a = new URL(o); b = new URL(p, a); c = new URL(l, b); } catch { return undefined; } return c.origin === a.origin; }',
      'const URL = require("url").URL;\nfunction host(h) { try { h = new URL(`http://${h}`).host; } catch (e) { return ""; } return h; }',
      'const { URL } = require("node:url");\nfunction toUrl(s) { try { return new URL(s); } catch { return undefined; } }',
      'import { URL } from "url";\nfunction toUrl(s) { try { return new URL(s); } catch { return undefined; } }',
      // Best-effort cleanup of work being thrown away.
      'reader.cancel().catch(() => {});',
      // A handler on a side branch of a promise the function also returns, awaits or passes on: the failure still gets there.
      'function trace(fn) {\n  const traced = channel.tracePromise(fn);\n  traced.catch(noop);\n  return traced;\n}',
      'async function read(client, timeout) {\n  const pending = client.read();\n  pending.catch(() => null);\n  return await Promise.race([pending, timeout]);\n}',
      'async function connect(socket) {\n  socket.then((s) => s.unref(), () => null);\n  await socket;\n}',
      'function run(execution) {\n  queue = execution.then(() => undefined, () => undefined);\n  return execution;\n}',
      // Cleanup inside a catch that then rethrows: the first failure is the one the caller sees.
      'async function init(child) {\n  try {\n    await start(child);\n  } catch (err) {\n    try {\n      kill(child).catch((e) => console.error("kill failed", e));\n    } catch (killErr) {\n      console.error("kill failed", killErr);\n    }\n    throw err;\n  }\n}',
      'controller.signal.onabort = () => writer.abort(reason).catch(() => {});',
      // A detail read for an error about to be thrown: the fallback only shortens that error's message.
      'async function refresh(resp) {\n  if (!resp.ok) {\n    const text = await resp.text().catch(() => "");\n    throw new AuthError(`refresh failed (HTTP ${resp.status}): ${text}`);\n  }\n}',
      'async function call(res) {\n  if (res.status >= 400) {\n    let body;\n    try {\n      body = await res.json();\n    } catch {\n      body = undefined;\n    }\n    throw new ApiError(res.status, body);\n  }\n}',
      'fs.promises.unlink(tmpFile).catch(() => undefined);',
      // Rejection handlers that handle.
      'load().catch((err) => next(err));',
      'load().catch(handleError);',
      'load().catch((err) => { throw new Error("load failed", { cause: err }); });',
      'load().catch((err) => Promise.reject(err));',
      'load().then(onOk, (err) => setError(err));',
      'load().then(onOk);',
      'load().then(onOk, null);',
      'new Promise((resolve, reject) => load().catch(reject));',
      // A TODO(shipshape) marks the swallow as tracked.
      'try { run(); } catch (err) { /* TODO(shipshape): decide */ console.log(err); }',
      'load().catch(/* TODO(shipshape): decide */ () => {});',
      // Options: reporters and functions where log-and-continue is intended.
      { code: 'try { run(); } catch (err) { logger.error(err); }', config: 'rules:\n  failure/swallowed-error:\n    options:\n      reporters: [logger.error]\n' },
      { code: 'function flushMetrics() { try { send(); } catch (err) { console.warn(err); } }', config: 'rules:\n  failure/swallowed-error:\n    options:\n      allowLogIn: [flushMetrics]\n' },
      { code: 'const flushMetrics = () => { try { send(); } catch (err) { console.warn(err); } };', config: 'rules:\n  failure/swallowed-error:\n    options:\n      allowLogIn: [flushMetrics]\n' },
      { code: 'try { run(); } catch (err) { console.error(err); }', config: 'rules:\n  failure/swallowed-error: off\n' },
    ],
    invalid: [
      { code: 'try { run(); } catch (err) { console.error(err); }', errors: [{ line: 1, column: 16, endColumn: 27, message: LOG_ONLY, severity: 'warning' }] },
      { code: 'try { run(); } catch (err) {\n  // not important\n  console.log("failed", err);\n}', errors: [{ line: 1, column: 16, message: LOG_ONLY }] },
      { code: 'try { run(); } catch (e) { logger.warn(`run failed: ${e.message}`); }', errors: [{ line: 1, column: 16, message: LOG_ONLY }] },
      { code: 'try { run(); } catch (e) { this.logger.error("x", String(e)); }', errors: [{ line: 1, column: 16, message: LOG_ONLY }] },
      { code: 'try { run(); } catch (err) { console.error(err); return null; }', errors: [{ line: 1, column: 16, message: LOG_ONLY }] },
      { code: 'try { return JSON.parse(text); } catch {\n  return null;\n}', errors: [{ line: 1, column: 34, endColumn: 39, message: DEFAULT }] },
      { code: 'function f() { try { return load(); } catch (e) { return []; } }', errors: [{ line: 1, column: 39, message: DEFAULT }] },
      // A throw later in the block does not cover a fallback the block may return first, or one the block goes on with.
      { code: 'async function f(resp) {\n  if (!resp.ok) {\n    const text = await resp.text().catch(() => "");\n    if (text) return text;\n    throw new Error("failed");\n  }\n}', errors: [{ line: 3, column: 36 }] },
      { code: 'async function f(resp) {\n  const text = await resp.text().catch(() => "");\n  if (!text) throw new Error("empty");\n  return text;\n}', errors: [{ line: 2, column: 34 }] },
      { code: 'async function f(items) {\n  for (const item of items) {\n    const body = await item.read().catch(() => null);\n    if (!body) continue;\n    throw new Error("unexpected body");\n  }\n}', errors: [{ line: 3, column: 36 }] },
      // The conversion exception covers neither work that can fail for other reasons nor an empty or log-only catch.
      { code: 'function f(p) { try { return new URL(fs.readFileSync(p, "utf8")); } catch { return undefined; } }', errors: [{ line: 1, column: 69, message: DEFAULT }] },
      { code: 'async function f(r) { try { return new URL(await r.text()); } catch { return undefined; } }', errors: [{ line: 1, column: 63, message: DEFAULT }] },
      { code: 'async function f(s) { try { const u = new URL(s); await save(u); return u; } catch { return undefined; } }', errors: [{ line: 1, column: 78, message: DEFAULT }] },
      { code: 'function f(s) { try { return new URL(s); } catch (e) { console.warn(e); } }', errors: [{ line: 1, column: 44, message: LOG_ONLY }] },
      // A local function named like a conversion is not one: its failures are unknown.
      { code: 'import { URL } from "./remote";\nfunction f(s) { try { return new URL(s); } catch { return undefined; } }', errors: [{ line: 2, column: 44, message: DEFAULT }] },
      { code: 'function f(s) { try { return JSON.parse(s); } catch { return undefined; } }', errors: [{ line: 1, column: 47, message: DEFAULT }] },
      { code: 'const { URL } = require("./remote");\nfunction f(s) { try { return new URL(s); } catch { return undefined; } }', errors: [{ line: 2, column: 44, message: DEFAULT }] },
      { code: 'function f(o, p) { let a, b; try { a = new URL(o); b = new URL(p, a); a.port = port(); } catch { return undefined; } return b; }', errors: [{ line: 1, column: 90, message: DEFAULT }] },
      { code: 'function f(o, p, q) { let a; try { a = new URL(o); p.x = q; a.hash = ""; } catch { return undefined; } return a; }', errors: [{ line: 1, column: 76, message: DEFAULT }] },
      // close can lose buffered writes: not cleanup to ignore.
      { code: 'writer.close().catch(() => {});', errors: [{ line: 1, column: 16, message: EMPTY_CALLBACK }] },
      // Not a side branch: nothing else takes the promise, or only another handler does, or the name is another binding.
      { code: 'function f() {\n  const p = load();\n  p.catch(() => {});\n}', errors: [{ line: 3, column: 5, message: EMPTY_CALLBACK }] },
      { code: 'async function f() {\n  try { await a(); } catch (err) {\n    try { await b(); } catch (e) { console.error(e); }\n    return null;\n  }\n}', errors: [{ line: 3, column: 24, message: LOG_ONLY }] },
      { code: 'function f() {\n  let p = load();\n  p.catch(() => {});\n  p = p.then(next);\n}', errors: [{ line: 3, column: 5, message: EMPTY_CALLBACK }] },
      { code: 'function f() {\n  const p = load();\n  p.catch(() => {});\n  return (() => { const p = other(); return p; })();\n}', errors: [{ line: 3, column: 5, message: EMPTY_CALLBACK }] },
      { code: 'reader.cancel().catch((e) => console.log(e));', errors: [{ line: 1, column: 17, message: /only logs the rejection/ }] },
      { code: 'function f() { try { return load(); } catch (e) { return; } }', errors: [{ line: 1, column: 39, message: DEFAULT }] },
      { code: 'for (const x of xs) { try { save(x); } catch (e) { continue; } }', errors: [{ line: 1, column: 40, message: SKIP }] },
      { code: 'load().catch(() => {});', errors: [{ line: 1, column: 8, endColumn: 13, message: EMPTY_CALLBACK }] },
      { code: 'load().catch(function () {});', errors: [{ line: 1, column: 8, message: EMPTY_CALLBACK }] },
      { code: 'load().catch(() => null);', errors: [{ line: 1, column: 8, message: /turns the rejection into a default value/ }] },
      { code: 'load().catch(() => undefined);', errors: [{ line: 1, column: 8 }] },
      { code: 'load().catch(console.error);', errors: [{ line: 1, column: 8, message: /only logs the rejection/ }] },
      { code: 'load().catch((e) => console.log(e));', errors: [{ line: 1, column: 8, message: /only logs the rejection/ }] },
      { code: 'load().catch(noop);', errors: [{ line: 1, column: 8, message: EMPTY_CALLBACK }] },
      { code: 'load().then((v) => use(v), (err) => {\n  logger.warn(err);\n});', errors: [{ line: 1, column: 28, endColumn: 36, message: /^This rejection handler only logs/ }] },
      { code: 'async function f() { await load().catch(() => {}); }', filename: 'src/a.js', errors: [{ line: 1, column: 35 }] },
      { code: 'try { run(); } catch (err) { logger.error(err); }', config: 'rules:\n  failure/swallowed-error:\n    options:\n      reporters: [reportError]\n', errors: [{ line: 1, column: 16 }] },
      // allowLogIn covers log-and-continue, not a returned default.
      { code: 'function flushMetrics() { try { send(); } catch (err) { return null; } }', config: 'rules:\n  failure/swallowed-error:\n    options:\n      allowLogIn: [flushMetrics]\n', errors: [{ line: 1, column: 43 }] },
      { code: 'try { run(); } catch (err) { console.error(err); }', config: 'rules:\n  failure/*: error\n', errors: [{ line: 1, column: 16, severity: 'error' }] },
    ],
  });
});

describe('failure/swallowed-error (Python)', () => {
  before(() => preparePythonImports());
  ruleTable('failure/swallowed-error', {
    valid: [
      { code: 'try:\n    run()\nexcept Exception:\n    pass\n', filename: 'app/a.py' },
      { code: 'try:\n    run()\nexcept ValueError as e:\n    log.warning("bad value %s", e)\n', filename: 'app/a.py' },
      { code: 'try:\n    run()\nexcept Exception as e:\n    logger.exception("run failed")\n    raise\n', filename: 'app/a.py' },
      { code: 'try:\n    run()\nexcept Exception as e:\n    raise RuntimeError("run failed") from e\n', filename: 'app/a.py' },
      { code: 'try:\n    run()\nexcept Exception as e:\n    sentry_sdk.capture_exception(e)\n', filename: 'app/a.py' },
      { code: 'try:\n    run()\nexcept Exception as e:\n    logger.error("x", extra=wrap(e))\n', filename: 'app/a.py' },
      { code: 'def ok(s):\n    try:\n        json.loads(s)\n        return True\n    except Exception:\n        return False\n', filename: 'app/a.py' },
      { code: 'try:\n    run()\nexcept Exception as e:  # TODO(shipshape): decide\n    log.warning("x")\n', filename: 'app/a.py' },
    ],
    invalid: [
      { code: 'try:\n    run()\nexcept Exception as e:\n    logging.warning("run failed: %s", e)\n', filename: 'app/a.py', errors: [{ line: 3, column: 1, endColumn: 22, message: PY }] },
      { code: 'try:\n    run()\nexcept:\n    print("failed")\n', filename: 'app/a.py', errors: [{ line: 3, column: 1, endColumn: 7, message: PY }] },
      { code: 'try:\n    run()\nexcept BaseException as e:\n    self.logger.error(f"failed {e}")\n    pass\n', filename: 'app/a.py', errors: [{ line: 3, column: 1 }] },
      { code: 'def f():\n    try:\n        return load()\n    except Exception:\n        return None\n', filename: 'app/a.py', errors: [{ line: 4, column: 5, message: /returns a default value/ }] },
      { code: 'for x in xs:\n    try:\n        save(x)\n    except (ValueError, Exception):\n        continue\n', filename: 'app/a.py', errors: [{ line: 4, column: 5, message: /skips to the next item/ }] },
    ],
  });
});
