// A table-driven rule tester in the spirit of ESLint's RuleTester: `valid` code must produce no finding
// of the rule; `invalid` code must produce exactly the listed findings, with exact ranges and messages.
import * as assert from 'node:assert/strict';
import { analyse, visible, type AnalyseOptions } from './engine';

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Exact message, or a RegExp it must match. */
  message?: string | RegExp;
  severity?: string;
}

export type ValidCase = string | ({ code: string } & AnalyseOptions);
export interface InvalidCase extends AnalyseOptions {
  code: string;
  errors: ExpectedFinding[];
}

export function ruleTable(ruleId: string, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      table.valid.forEach((item, index) => {
        const testCase = typeof item === 'string' ? { code: item } : item;
        it(`#${index}: ${firstLine(testCase.code)}`, () => {
          const found = visible(analyse(testCase.code, testCase)).filter((f) => f.ruleId === ruleId);
          assert.deepEqual(found.map((f) => `${f.line}:${f.column} ${f.message}`), []);
        });
      });
    });
    describe('invalid', () => {
      table.invalid.forEach((testCase, index) => {
        it(`#${index}: ${firstLine(testCase.code)}`, () => {
          const found = visible(analyse(testCase.code, testCase)).filter((f) => f.ruleId === ruleId);
          assert.equal(found.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), got: ${JSON.stringify(found, null, 1)}`);
          testCase.errors.forEach((expected, i) => {
            const actual = found[i];
            assert.equal(actual.line, expected.line, 'line');
            assert.equal(actual.column, expected.column, 'column');
            if (expected.endLine !== undefined) assert.equal(actual.endLine, expected.endLine, 'endLine');
            if (expected.endColumn !== undefined) assert.equal(actual.endColumn, expected.endColumn, 'endColumn');
            if (typeof expected.message === 'string') assert.equal(actual.message, expected.message);
            else if (expected.message) assert.match(actual.message, expected.message);
            if (expected.severity) assert.equal(actual.severity, expected.severity);
          });
        });
      });
    });
  });
}

function firstLine(code: string): string {
  const line = code.trim().split('\n')[0];
  return line.length > 60 ? line.slice(0, 57) + '…' : line;
}
