// A table-driven rule tester in the spirit of ESLint's RuleTester: `valid` code must produce no finding
// of the rule; `invalid` code must produce exactly the listed findings, with exact ranges and messages.
import * as assert from 'node:assert/strict';
import { preparePythonImports, type Finding } from '../../server/src/engine/index';
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

/**
 * Rows of `[code, expected]`: the findings of `ruleId` in `code`, each as `show` writes it on one line
 * (position, the parts of the message that vary, the fix), must be exactly `expected`. For tables whose
 * findings read best that way. The Python grammar is loaded first, for Python rows.
 */
export function findingRows(title: string, ruleId: string, rows: readonly [string, string[]][], options: AnalyseOptions & { show: (finding: Finding) => string }): void {
  const { show, ...analyseOptions } = options;
  describe(title, () => {
    before(() => preparePythonImports());
    rows.forEach(([code, expected], index) => {
      it(`#${index}: ${lastLine(code)}`, () => {
        assert.deepEqual(visible(analyse(code, analyseOptions)).filter((f) => f.ruleId === ruleId).map(show), expected);
      });
    });
  });
}

/** A finding's fixes as ` => Title line:column "text"|…`, fixes separated by ` / `; empty when it has none. */
export function fixSummary(finding: Finding): string {
  if (!finding.fixes?.length) return '';
  return ' => ' + finding.fixes.map((fix) => fix.title + ' ' + fix.changes.map((change) => `${change.line}:${change.column} ${JSON.stringify(change.newText)}`).join('|')).join(' / ');
}

function lastLine(code: string): string {
  const line = code.trim().split('\n').filter((l) => l.trim()).slice(-1)[0]?.trim() ?? '';
  return line.length > 70 ? line.slice(0, 67) + '…' : line;
}

function firstLine(code: string): string {
  const line = code.trim().split('\n')[0];
  return line.length > 60 ? line.slice(0, 57) + '…' : line;
}
