import { preparePythonImports } from '../../../server/src/engine/index';
import { ruleTable } from '../../helpers/rule-tester';

const MESSAGE =
  'Empty catch block: the error is swallowed, so this failure will vanish silently in production. Handle it, rethrow it with context (`{ cause: err }`), or suppress with the reason it is safe to ignore.';

ruleTable('failure/empty-catch', {
  valid: [
    'try { run(); } catch (err) { log(err); }',
    'try { run(); } catch (err) { throw new Error("run failed", { cause: err }); }',
    'try { run(); } finally { }',
    'try { run(); } catch { return undefined; }',
    'const s = "try { a(); } catch (e) {}";',
    'promise.catch(() => {});',
    '// try { a(); } catch (e) {}',
    { code: 'try { run(); } catch (e) { handle(e); }', filename: 'src/a.js' },
    // Python: a narrow except names the failure it expects; a body with code is swallowed-error's.
    { code: 'try:\n    run()\nexcept KeyError:\n    pass\n', filename: 'src/a.py' },
    { code: 'try:\n    run()\nexcept Exception as e:\n    log.warning("x %s", e)\n', filename: 'src/a.py' },
    { code: 'try:\n    run()\nexcept Exception:  # TODO(shipshape): decide\n    pass\n', filename: 'src/a.py' },
    'try { run(); } catch (err) { /* TODO(shipshape): decide */ }',
    // A throw follows: straight after the try (a friendlier error), or in the catch whose cleanup this is (the first failure is rethrown).
    'function load() {\n  try {\n    return require("pg");\n  } catch {\n    // fall through\n  }\n  throw new Error("install pg");\n}',
    'async function exec(tx) {\n  try {\n    await tx.exec();\n  } catch (err) {\n    try {\n      await tx.discard();\n    } catch {}\n    throw err;\n  }\n}',
    'async function send(cmd) {\n  try {\n    return await cmd();\n  } catch (error) {\n    if (retryable(error)) {\n      try { await reconnect(); } catch (_) { /* keep the first error */ }\n    }\n    throw error;\n  }\n}',
  ],
  invalid: [
    { code: 'try { run(); } catch (err) {}', errors: [{ line: 1, column: 16, endLine: 1, endColumn: 27, message: MESSAGE, severity: 'warning' }] },
    { code: 'try {\n  run();\n} catch {\n}', errors: [{ line: 3, column: 3, endLine: 3, endColumn: 8 }] },
    { code: 'try { run(); } catch (e) {\n  // ignore\n}', errors: [{ line: 1, column: 16, endColumn: 25 }] },
    { code: 'try { run(); } catch ({ message }) { /* nothing */ }', errors: [{ line: 1, column: 16, endColumn: 35 }] },
    // Empty statements are no handling either, with or without comments (and swallowed-error leaves them here).
    { code: 'try { run(); } catch (e) { ; }', errors: [{ line: 1, column: 16, endColumn: 25, message: MESSAGE }] },
    { code: 'try { run(); } catch { ;; /* ignore */ ; }', errors: [{ line: 1, column: 16, endColumn: 21 }] },
    { code: 'try { run(); } catch ({ message }) {\n  ; // nothing\n}', errors: [{ line: 1, column: 16, endColumn: 35 }] },
    {
      code: 'async function f() {\n  try { await a(); } catch (e) {}\n  try { await b(); } catch (e) {}\n}',
      errors: [{ line: 2, column: 22 }, { line: 3, column: 22 }],
    },
    { code: 'const f = () => { try { x(); } catch (e) {} };', filename: 'src/a.jsx', errors: [{ line: 1, column: 32 }] },
    { code: 'try { x(); } catch (e: unknown) {}', filename: 'src/a.mts', errors: [{ line: 1, column: 14, endColumn: 32 }] },
    // The text prefilter (no parse without a catch clause) must not miss these spellings.
    { code: 'try{x();}catch{}', errors: [{ line: 1, column: 10, endColumn: 15 }] },
    // A try that only reads and assigns still fails silently (a getter throws, access is denied): the
    // rule's definition is an empty catch, and a probe meant to be silent says so with a suppression.
    { code: 'let executionContext;\ntry {\n  executionContext = c.executionCtx;\n} catch {}', errors: [{ line: 4, column: 3 }] },
    { code: 'let user;\ntry {\n  user = process.platform === "win32" ? process.env.USERNAME : process.env.USER;\n} catch {\n  // ignore, e.g., Deno without --allow-env\n}', errors: [{ line: 4, column: 3 }] },
    // A call, a construction or an await in the try is work that can fail: reported.
    { code: 'let v;\ntry {\n  v = c.read();\n} catch {}', errors: [{ line: 4, column: 3 }] },
    { code: 'let v;\ntry {\n  v = new Ctx(c).value;\n} catch {}', errors: [{ line: 4, column: 3 }] },
    { code: 'async function f(c) {\n  let v;\n  try {\n    v = await c.ready;\n  } catch {}\n}', errors: [{ line: 5, column: 5 }] },
    // The throw comes before the cleanup, or in an outer function, or the try has a finally that runs first: still reported.
    { code: 'async function f(tx) {\n  try { await tx.exec(); } catch (err) {\n    if (bad(err)) throw err;\n    try { await tx.discard(); } catch {}\n  }\n}', errors: [{ line: 4, column: 33 }] },
    { code: 'function outer() {\n  try { a(); } catch (err) {\n    const later = () => { try { b(); } catch {} };\n    throw err;\n  }\n}', errors: [{ line: 3, column: 40 }] },
    { code: 'function f() {\n  try { a(); } catch {} finally { done(); }\n  throw new Error("x");\n}', errors: [{ line: 2, column: 16 }] },
    { code: 'try { x(); } catch /* why */ (e) {}', errors: [{ line: 1, column: 14 }] },
    { code: 'p.catch(f);\ntry { x(); }\ncatch\n{}', errors: [{ line: 3, column: 1, endColumn: 6 }] },
    { code: 'try { x(); } catch (e) {}', config: 'rules:\n  failure/empty-catch: error\n', errors: [{ line: 1, column: 14, severity: 'error' }] },
    { code: 'try { x(); } catch (e) {}', config: 'rules:\n  failure/*: info\n', errors: [{ line: 1, column: 14, severity: 'info' }] },
  ],
});

const PY_MESSAGE = /^Broad except whose body is only `pass`: every error, including bugs, is swallowed/;

describe('failure/empty-catch (Python)', () => {
  before(() => preparePythonImports());
  ruleTable('failure/empty-catch', {
    valid: [{ code: 'try:\n    run()\nexcept (KeyError, IndexError):\n    pass\n', filename: 'app/a.py' }],
    invalid: [
      { code: 'try:\n    run()\nexcept Exception:\n    pass\n', filename: 'app/a.py', errors: [{ line: 3, column: 1, endLine: 3, endColumn: 17, message: PY_MESSAGE }] },
      { code: 'try:\n    run()\nexcept:\n    # ignore\n    ...\n', filename: 'app/a.py', errors: [{ line: 3, column: 1, endColumn: 7 }] },
      { code: 'try:\n    run()\nexcept BaseException as err: pass\n', filename: 'app/a.py', errors: [{ line: 3, column: 1, endColumn: 28 }] },
      { code: 'try:\n    run()\nexcept (OSError, Exception):\n    pass\n', filename: 'app/a.py', errors: [{ line: 3, column: 1 }] },
      { code: 'try:\n    run()\nexcept Exception:\n    pass\n', filename: 'app/a.py', config: 'rules:\n  failure/empty-catch: error\n', errors: [{ line: 3, column: 1, severity: 'error' }] },
    ],
  });
});

ruleTable('failure/empty-catch', {
  valid: [
    { code: 'try { x(); } catch (e) {}', config: 'rules:\n  failure/empty-catch: off\n' },
    { code: 'try { x(); } catch (e) {}', config: 'rules:\n  failure/*: off\n' },
    { code: 'try { x(); } catch (e) {}', config: 'ignore: [src/generated/**]\n', filename: 'src/generated/a.ts' },
  ],
  invalid: [
    // The exact id outranks the family switch.
    { code: 'try { x(); } catch (e) {}', config: 'rules:\n  failure/*: off\n  failure/empty-catch: warning\n', errors: [{ line: 1, column: 14, severity: 'warning' }] },
  ],
});
