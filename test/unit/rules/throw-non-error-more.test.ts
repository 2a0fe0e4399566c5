// More failure/throw-non-error cases: wrapper objects and built-ins made with new, which `reject` is the
// executor's, chains of constants and object members up to the depth looked at, nullish and logical
// assignments, bitwise and arithmetic operators, nested conditionals, type assertions to every primitive,
// class chains (to the depth looked at), type parameters and parameter types, functions that return nothing.
// Each row: code, then "line:column-endColumn <message up to the colon> => <fix text>".
import * as assert from 'node:assert/strict';
import { analyse, visible } from '../../helpers/engine';

const RULE = 'failure/throw-non-error';
const summary = (code: string) =>
  visible(analyse(code)).filter((f) => f.ruleId === RULE).map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.message.split(':')[0]}${f.fixes?.length ? ' => ' + f.fixes.map((x) => x.changes.map((ch) => ch.newText).join('|')).join(' / ') : ''}`);

const CASES: [string, string[]][] = [
  ["throw new String(x);", ["1:7-20 Throwing a string => new Error(new String(x))"]],
  ["throw new Number(1);", ["1:7-20 Throwing a value that is not an Error"]],
  ["throw new Boolean(x);", ["1:7-21 Throwing a value that is not an Error"]],
  ["throw new Object();", ["1:7-19 Throwing a value that is not an Error"]],
  ["throw new Array();", ["1:7-18 Throwing a value that is not an Error"]],
  ["throw new Set();", ["1:7-16 Throwing a value that is not an Error"]],
  ["throw new RegExp(\"x\");", ["1:7-22 Throwing a value that is not an Error"]],
  ["throw new Error(\"x\");", []],
  ["throw new ns.Thing();", []],
  ["function f(reject, resolve) { reject(\"x\"); }", []],
  ["new Promise(function (resolve, reject) { reject(\"x\"); });", ["1:49-52 Rejecting with a string => new Error(\"x\")"]],
  ["new Promise(async (resolve, reject) => reject(404));", ["1:47-50 Rejecting with a number => new Error(String(404))"]],
  ["new Other((res, reject) => reject(\"x\"));", []],
  ["x.reject(\"y\");", []],
  ["Promise.resolve(\"y\");", []],
  ["window.Promise.reject(\"x\");", []],
  ["const a = \"x\"; const b = a; const c = b; const d = c; const e = d;\nthrow e;", []],
  ["const a = \"x\"; const b = a; const c = b;\nthrow c;", ["2:7-8 Throwing a string => new Error(c)"]],
  ["const E = { A: { B: \"x\" } };\nthrow E.A.B;", []],
  ["const E = { A: \"x\" };\nthrow E[\"A\"];", []],
  ["const E = { A: \"x\" };\nthrow E.B;", []],
  ["const E = { A };\nthrow E.A;", []],
  ["throw this.x;", []],
  ["throw a ?? null;", []],
  ["throw null ?? \"x\";", ["1:7-18 Throwing a string => new Error(null ?? \"x\")"]],
  ["throw undefined ?? \"x\";", ["1:7-23 Throwing a string => new Error(undefined ?? \"x\")"]],
  ["throw x ?? undefined;", []],
  ["throw (a ||= \"x\");", []],
  ["throw (a ??= \"x\");", []],
  ["throw (a &&= \"x\");", ["1:7-18 Throwing a string => new Error((a &&= \"x\"))"]],
  ["throw a & b;", ["1:7-12 Throwing a value that is not an Error"]],
  ["throw a << b;", ["1:7-13 Throwing a value that is not an Error"]],
  ["throw a ** b;", ["1:7-13 Throwing a value that is not an Error"]],
  ["throw a ? b ? \"x\" : c : d;", ["1:7-26 Throwing a string => new Error(a ? b ? \"x\" : c : d)"]],
  ["throw x as unknown as string;", ["1:7-29 Throwing a string => new Error(x as unknown as string)"]],
  ["throw <number>x;", ["1:7-16 Throwing a value that is not an Error"]],
  ["throw x as symbol;", ["1:7-18 Throwing a value that is not an Error"]],
  ["throw x as bigint;", ["1:7-18 Throwing a value that is not an Error"]],
  ["throw x as boolean;", ["1:7-19 Throwing a value that is not an Error"]],
  ["throw x as undefined;", ["1:7-21 Throwing a value that is not an Error"]],
  ["throw x as void;", ["1:7-16 Throwing a value that is not an Error"]],
  ["class A {}\nclass B extends A {}\nclass C extends B {}\nclass D extends C {}\nclass E extends D {}\nclass F extends E {}\nclass G extends F {}\nthrow new G();", []],
  ["class A extends Error {}\nclass B extends A {}\nclass C extends B {}\nclass D extends C {}\nclass E extends D {}\nclass F extends E {}\nclass G extends F {}\nthrow new G();", []],
  ["const x = 1;\nclass A {}\nthrow new A();", ["3:7-14 Throwing a plain object"]],
  ["class A implements I {}\nthrow new A();", ["2:7-14 Throwing a plain object"]],
  ["function f<T extends string | Error>(m: T) { throw m; }", ["1:52-53 Throwing a value that is not an Error"]],
  ["function f(m: void) { throw m; }", ["1:29-30 Throwing a value that is not an Error"]],
  ["function f(m: \"a\" | undefined) { throw m; }", ["1:40-41 Throwing a value that is not an Error"]],
  ["class K<T extends number> { f(m: T) { throw m; } }", ["1:45-46 Throwing a value that is not an Error"]],
  ["async function* make() {}\nthrow make();", []],
  ["function make() { return new Error(\"x\"); return \"y\"; }\nthrow make();", []],
  ["function make() { return; }\nthrow make();", ["2:7-13 Throwing a value that is not an Error"]],];

describe('failure/throw-non-error, more kinds', () => {
  for (const [code, expected] of CASES) {
    it(code.split('\n').pop()!, () => assert.deepEqual(summary(code), expected));
  }
});
