import { ruleTable } from '../../helpers/rule-tester';

const STRING = /^Throwing a string: it carries no stack trace/;

ruleTable('failure/throw-non-error', {
  valid: [
    'throw new Error("x");',
    'throw new NotFoundError(id);',
    'throw Error("x");',
    'try { run(); } catch (err) { throw err; }',
    'function f(e) { throw e; }',
    'throw makeError("x");',
    'throw this.error;',
    'throw errors[0];',
    'throw err ?? new Error("x");',
    'throw cond ? new Error("a") : "b";',
    'let message = "x"; message = new Error("y"); throw message;',
    'const message = "x"; function f(message) { throw message; }',
    'Promise.reject(new Error("x"));',
    'Promise.reject(err);',
    'new Promise((resolve, reject) => reject(new TimeoutError()));',
    'new Promise((resolve, reject) => setTimeout(() => reject(err), 10));',
    // Not the executor's reject: a local helper named reject.
    'function reject(reason) { return reason; } reject("not a promise");',
    'promise.then(null, (reject) => reject("x"));',
    '// throw "x"',
    'const s = "throw \'x\'";',
  ],
  invalid: [
    { code: 'throw "order not found";', errors: [{ line: 1, column: 7, endColumn: 24, message: STRING, severity: 'warning' }] },
    { code: 'throw `no user ${id}`;', errors: [{ line: 1, column: 7, message: STRING }] },
    { code: 'throw "failed: " + err;', errors: [{ line: 1, column: 7, message: STRING }] },
    { code: 'throw 404;', errors: [{ line: 1, column: 7, message: /^Throwing a number/ }] },
    { code: 'throw { code: 404, message: "not found" };', errors: [{ line: 1, column: 7, message: /^Throwing a plain object/ }] },
    { code: 'throw undefined;', errors: [{ line: 1, column: 7, message: /^Throwing a value that is not an Error/ }] },
    { code: 'throw null;', errors: [{ line: 1, column: 7 }] },
    { code: 'throw (x, "y");', errors: [{ line: 1, column: 7 }] },
    { code: 'const message = `failed ${id}`;\nthrow message;', errors: [{ line: 2, column: 7, message: STRING }] },
    { code: 'function f() {\n  const detail = { reason: "x" };\n  if (bad) throw detail;\n}', errors: [{ line: 3, column: 18, message: /plain object/ }] },
    { code: 'return Promise.reject("timeout");', errors: [{ line: 1, column: 23, message: /^Rejecting with a string/ }] },
    { code: 'Promise.reject();', errors: [{ line: 1, column: 1, message: /^Rejecting with a value that is not an Error/ }] },
    { code: 'new Promise((resolve, reject) => {\n  setTimeout(() => reject("timeout"), 10);\n});', errors: [{ line: 2, column: 27, message: /^Rejecting with a string/ }] },
    { code: 'new Promise(function (ok, fail) { fail({ code: 1 }); });', filename: 'src/a.js', errors: [{ line: 1, column: 40, message: /plain object/ }] },
  ],
});
