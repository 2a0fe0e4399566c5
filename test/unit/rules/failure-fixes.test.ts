// Every failure-family quick fix: apply it, check the result parses, analyse again, and the finding is gone.
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { preparePythonImports } from '../../../server/src/engine/index';
import { parsePython } from '../../../server/src/checks/failure/python/parse';
import type { Finding, Fix } from '../../../server/src/engine/types';
import { analyse, visible } from '../../helpers/engine';

const TODO_ON = (rule: string) => `rules:\n  ${rule}:\n    options:\n      todoFix: true\n`;

function applyFix(text: string, fix: Fix): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (line: number, column: number) => lineStarts[line - 1] + column - 1;
  const changes = fix.changes.map((c) => ({ start: offset(c.line, c.column), end: offset(c.endLine, c.endColumn), text: c.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const change of changes) out = out.slice(0, change.start) + change.text + out.slice(change.end);
  return out;
}

function assertParses(code: string, filename: string): void {
  if (filename.endsWith('.py')) {
    const tree = parsePython(code)!;
    const broken = tree.rootNode.hasError;
    tree.delete();
    assert.equal(broken, false, `fixed Python does not parse:\n${code}`);
    return;
  }
  const file = ts.createSourceFile(filename, code, ts.ScriptTarget.Latest, true);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], `fixed code does not parse:\n${code}`);
}

interface FixCase {
  rule: string;
  code: string;
  title: string;
  expected: string;
  filename?: string;
  config?: string;
}

function fixTest(c: FixCase): void {
  it(`${c.rule}: ${c.title}: ${c.code.split('\n').join(' ⏎ ').slice(0, 70)}`, () => {
    const filename = c.filename ?? 'src/file.ts';
    const findings = visible(analyse(c.code, { filename, config: c.config })).filter((f: Finding) => f.ruleId === c.rule);
    assert.equal(findings.length, 1, JSON.stringify(findings));
    const fix = findings[0].fixes?.find((f) => f.title === c.title);
    assert.ok(fix, `no fix "${c.title}" among ${JSON.stringify(findings[0].fixes?.map((f) => f.title))}`);
    const fixed = applyFix(c.code, fix);
    assert.equal(fixed, c.expected);
    assertParses(fixed, filename);
    const after = visible(analyse(fixed, { filename, config: c.config })).filter((f) => f.ruleId === c.rule || ['failure/empty-catch', 'failure/swallowed-error', 'failure/throw-non-error'].includes(f.ruleId));
    assert.deepEqual(after.map((f) => `${f.ruleId} ${f.line}:${f.column}`), [], 'the fix leaves no finding of its rule, nor a catch or throw finding');
  });
}

const RETHROW = 'Rethrow the error with its cause';
const RERAISE = 'Re-raise the error with its cause';
const TODO = 'Mark with a TODO(shipshape) comment';
const WRAP = 'Wrap the value in an Error';

describe('failure family quick fixes', () => {
  before(() => preparePythonImports());

  describe('empty catch (TypeScript)', () => {
    [
      { code: 'try { run(); } catch (err) {}', expected: 'try { run(); } catch (err) { throw new Error("run failed", { cause: err }); }' },
      { code: 'try {\n  await save(order);\n} catch {\n}', expected: 'try {\n  await save(order);\n} catch (error) {\n  throw new Error("save failed", { cause: error });\n}' },
      { code: 'function load() {\n  try {\n    this.store.read(id);\n  } catch (e) {\n    // ignore\n  }\n}', expected: 'function load() {\n  try {\n    this.store.read(id);\n  } catch (e) {\n    // ignore\n    throw new Error("store.read failed", { cause: e });\n  }\n}' },
      { code: 'try { a(); } catch { const x = error; }', expected: '' },
      { code: 'try { run(); } catch (err) { ; }', expected: 'try { run(); } catch (err) { ; throw new Error("run failed", { cause: err }); }' },
    ]
      .filter((c) => c.expected)
      .forEach((c) => fixTest({ rule: 'failure/empty-catch', title: RETHROW, ...c }));
    fixTest({ rule: 'failure/empty-catch', title: TODO, code: 'try { run(); } catch (err) {}', config: TODO_ON('failure/empty-catch'), expected: 'try { run(); } catch (err) { /* TODO(shipshape): decide how to handle this error (rethrow, recover or report it) */}' });
    fixTest({ rule: 'failure/empty-catch', title: TODO, code: 'try { run(); } catch (err) {\n  ;\n}', config: TODO_ON('failure/empty-catch'), expected: 'try { run(); } catch (err) { /* TODO(shipshape): decide how to handle this error (rethrow, recover or report it) */\n  ;\n}' });
    it('offers the TODO fix only when todoFix is set, and never for a destructured binding', () => {
      const [finding] = visible(analyse('try { run(); } catch (err) {}')).filter((f) => f.ruleId === 'failure/empty-catch');
      assert.deepEqual(finding.fixes?.map((f) => f.title), [RETHROW]);
      const [destructured] = visible(analyse('try { run(); } catch ({ message }) {}')).filter((f) => f.ruleId === 'failure/empty-catch');
      assert.equal(destructured.fixes, undefined);
    });
  });

  describe('swallowed error (TypeScript)', () => {
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'try { run(); } catch (err) { console.error(err); }', expected: 'try { run(); } catch (err) { console.error(err); throw new Error("run failed", { cause: err }); }' });
    fixTest({
      rule: 'failure/swallowed-error',
      title: RETHROW,
      code: 'function parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch {\n    console.warn("bad json");\n    return null;\n  }\n}',
      expected: 'function parse(text) {\n  try {\n    return JSON.parse(text);\n  } catch (error) {\n    console.warn("bad json");\n    throw new Error("JSON.parse failed", { cause: error });\n    return null;\n  }\n}',
    });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'try { run(); } catch { console.error("x"); }', expected: 'try { run(); } catch (error) { console.error("x"); throw new Error("run failed", { cause: error }); }' });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'const error = 1;\ntry { run(); } catch { console.log(error); }', expected: 'const error = 1;\ntry { run(); } catch (cause) { console.log(error); throw new Error("run failed", { cause: cause }); }' });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'for (const x of xs) { try { save(x); } catch (e) { continue; } }', expected: 'for (const x of xs) { try { save(x); } catch (e) { throw new Error("save failed", { cause: e }); continue; } }' });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'load(id).catch(() => {});', expected: 'load(id).catch((error) => { throw new Error("load failed", { cause: error }); });' });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'api.get(url).then(use).catch(() => null);', expected: 'api.get(url).then(use).catch((error) => { throw new Error("api.get failed", { cause: error }); return null; });' });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'load().catch((e) => console.log(e));', expected: 'load().catch((e) => { console.log(e); throw new Error("load failed", { cause: e }); });' });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'load().catch(console.error);', expected: 'load().catch((error) => { console.error(error); throw new Error("load failed", { cause: error }); });' });
    fixTest({ rule: 'failure/swallowed-error', title: RETHROW, code: 'load().then(use, function (err) {\n  logger.warn(err);\n});', expected: 'load().then(use, function (err) {\n  logger.warn(err);\n  throw new Error("load failed", { cause: err });\n});' });
    fixTest({ rule: 'failure/swallowed-error', title: TODO, code: 'load().catch(() => {});', config: TODO_ON('failure/swallowed-error'), expected: 'load().catch(/* TODO(shipshape): decide how to handle this error (rethrow, recover or report it) */ () => {});' });
    fixTest({ rule: 'failure/swallowed-error', title: TODO, code: 'try { run(); } catch (err) { console.error(err); }', config: TODO_ON('failure/swallowed-error'), expected: 'try { run(); } catch (err) { /* TODO(shipshape): decide how to handle this error (rethrow, recover or report it) */ console.error(err); }' });
  });

  describe('Python excepts', () => {
    fixTest({ rule: 'failure/empty-catch', title: RERAISE, filename: 'app/a.py', code: 'try:\n    run()\nexcept Exception:\n    pass\n', expected: 'try:\n    run()\nexcept Exception as error:\n    pass\n    raise RuntimeError("run failed") from error\n' });
    fixTest({ rule: 'failure/empty-catch', title: RERAISE, filename: 'app/a.py', code: 'try:\n    run()\nexcept:\n    ...\n', expected: 'try:\n    run()\nexcept BaseException as error:\n    ...\n    raise RuntimeError("run failed") from error\n' });
    fixTest({ rule: 'failure/empty-catch', title: RERAISE, filename: 'app/a.py', code: 'try:\n    run()\nexcept Exception as err: pass\n', expected: 'try:\n    run()\nexcept Exception as err: pass; raise RuntimeError("run failed") from err\n' });
    fixTest({ rule: 'failure/swallowed-error', title: RERAISE, filename: 'app/a.py', code: 'def f():\n    try:\n        return client.fetch()\n    except Exception as e:\n        log.warning("fetch failed %s", e)\n        return None\n', expected: 'def f():\n    try:\n        return client.fetch()\n    except Exception as e:\n        log.warning("fetch failed %s", e)\n        raise RuntimeError("client.fetch failed") from e\n        return None\n' });
    fixTest({ rule: 'failure/swallowed-error', title: RERAISE, filename: 'app/a.py', code: 'try:\n    run()\nexcept Exception:\n    logging.error("run failed")\n', expected: 'try:\n    run()\nexcept Exception as error:\n    logging.error("run failed")\n    raise RuntimeError("run failed") from error\n' });
    fixTest({ rule: 'failure/swallowed-error', title: TODO, filename: 'app/a.py', config: TODO_ON('failure/swallowed-error'), code: 'try:\n    run()\nexcept Exception as e:\n    print(e)\n', expected: 'try:\n    run()\nexcept Exception as e:  # TODO(shipshape): decide how to handle this error (rethrow, recover or report it)\n    print(e)\n' });
  });

  describe('return without await', () => {
    const AWAIT = 'Await the promise before returning it (return await)';
    fixTest({ rule: 'failure/return-without-await', title: AWAIT, code: 'async function load(id) {\n  try {\n    return fetch(`/orders/${id}`);\n  } catch (error) {\n    throw new Error(`loading ${id}`, { cause: error });\n  }\n}', expected: 'async function load(id) {\n  try {\n    return await fetch(`/orders/${id}`);\n  } catch (error) {\n    throw new Error(`loading ${id}`, { cause: error });\n  }\n}' });
    // A conditional is awaited whole, in parentheses: `await a ? b : c` would await only the condition.
    fixTest({ rule: 'failure/return-without-await', title: AWAIT, code: 'const load = async () => {\n  try {\n    return cond ? fetch("/a") : fetch("/b");\n  } finally {\n    done();\n  }\n};', expected: 'const load = async () => {\n  try {\n    return await (cond ? fetch("/a") : fetch("/b"));\n  } finally {\n    done();\n  }\n};' });
  });

  describe('throw non-Error', () => {
    fixTest({ rule: 'failure/throw-non-error', title: WRAP, code: 'throw "order not found";', expected: 'throw new Error("order not found");' });
    fixTest({ rule: 'failure/throw-non-error', title: WRAP, code: 'throw `no user ${id}`;', expected: 'throw new Error(`no user ${id}`);' });
    fixTest({ rule: 'failure/throw-non-error', title: WRAP, code: 'throw 404;', expected: 'throw new Error(String(404));' });
    fixTest({ rule: 'failure/throw-non-error', title: WRAP, code: 'throw { code: 404, message: "not found" };', expected: 'throw Object.assign(new Error("not found"), { code: 404, message: "not found" });' });
    fixTest({ rule: 'failure/throw-non-error', title: WRAP, code: 'const msg = "bad";\nthrow msg;', expected: 'const msg = "bad";\nthrow new Error(msg);' });
    fixTest({ rule: 'failure/throw-non-error', title: WRAP, code: 'new Promise((resolve, reject) => reject("timeout"));', expected: 'new Promise((resolve, reject) => reject(new Error("timeout")));' });
    fixTest({ rule: 'failure/throw-non-error', title: WRAP, code: 'return Promise.reject(`bad ${x}`);', expected: 'return Promise.reject(new Error(`bad ${x}`));' });
    it('offers no fix where the message needs a human (null, booleans)', () => {
      const [finding] = visible(analyse('throw null;')).filter((f) => f.ruleId === 'failure/throw-non-error');
      assert.equal(finding.fixes, undefined);
    });
  });
});
