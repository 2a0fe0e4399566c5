import * as assert from 'node:assert/strict';
import { analyse, visible } from '../../helpers/engine';
import { ruleTable } from '../../helpers/rule-tester';

const CONFIG = 'architecture:\n  cycles: forbid\n';
const FILES = {
  'src/a.ts': 'import { b } from "./b";\nexport const a = 1;\n',
  'src/b.ts': 'import { c } from "./c.js";\nexport const b = 1;\n',
  'src/c.ts': 'import { a } from "./a";\nexport const c = 1;\n',
  'src/types.ts': 'import type { a } from "./a";\nexport type T = 1;\n',
  'src/lazy.ts': 'export const lazy = () => import("./a");\n',
  'src/leaf.ts': 'export const leaf = 1;\n',
  'src/barrel/index.ts': 'export * from "../d";\n',
  'src/d.ts': 'import { x } from "./barrel";\nexport const d = 1;\n',
};
const base = { config: CONFIG, files: FILES, workspace: true };

ruleTable('architecture/cycle', {
  valid: [
    // Type-only imports and lazy import() never form cycles.
    { ...base, filename: 'src/a.ts', code: 'import type { T } from "./types";\nimport { type c } from "./c";\nexport const a = 1;\n' },
    { ...base, filename: 'src/c.ts', code: 'export const c = () => import("./a");\n' },
    { ...base, filename: 'src/leaf2.ts', code: 'import { a } from "./a";\n' },
    { ...base, filename: 'src/a.ts', code: 'import { b } from "./b";\n', config: 'architecture:\n  cycles: allow\n' },
    // No architecture section: the family is not configured.
    { ...base, filename: 'src/a.ts', code: 'import { b } from "./b";\n', config: 'rules: {}\n' },
  ],
  invalid: [
    {
      ...base,
      filename: 'src/a.ts',
      code: FILES['src/a.ts'],
      errors: [{
        line: 1,
        column: 19,
        endColumn: 24,
        severity: 'error',
        message: 'Import cycle: src/a.ts → src/b.ts → src/c.ts → src/a.ts. Modules in a runtime cycle can see each other half-initialised (an export is undefined until the other finishes loading); move what both need into a module both import, or make one side import types only.',
      }],
    },
    { ...base, filename: 'src/b.ts', code: FILES['src/b.ts'], errors: [{ line: 1, column: 19, message: /^Import cycle: src\/b\.ts → src\/c\.ts → src\/a\.ts → src\/b\.ts\./ }] },
    // Re-exports are runtime edges; a barrel in the middle is part of the cycle.
    { ...base, filename: 'src/d.ts', code: FILES['src/d.ts'], errors: [{ line: 1, column: 19, message: /^Import cycle: src\/d\.ts → src\/barrel\/index\.ts → src\/d\.ts\./ }] },
    // The analysed text counts, not the indexed one: a new import closes a cycle as it is typed.
    { ...base, filename: 'src/leaf.ts', code: 'import { a } from "./a";\nimport { c } from "./c";\n', files: { ...FILES, 'src/a.ts': 'import { leaf } from "./leaf";\n' }, errors: [{ line: 1, column: 19, message: /src\/leaf\.ts → src\/a\.ts → src\/leaf\.ts/ }, { line: 2, column: 19, message: /src\/leaf\.ts → src\/c\.ts → src\/a\.ts → src\/leaf\.ts/ }] },
    { ...base, filename: 'src/a.ts', code: FILES['src/a.ts'], config: 'architecture:\n  cycles: warn\n', errors: [{ line: 1, column: 19, severity: 'warning' }] },
    { ...base, filename: 'src/self.ts', code: 'import { s } from "./self";\nexport const s = 1;\n', files: { ...FILES, 'src/self.ts': '' }, errors: [{ line: 1, column: 19, message: /^Import cycle: src\/self\.ts → src\/self\.ts\./ }] },
  ],
});

describe('architecture/cycle without a workspace index', () => {
  it('reports nothing for a lone file rather than guessing', () => {
    const findings = visible(analyse(FILES['src/a.ts'], { config: CONFIG, files: FILES, filename: 'src/a.ts' }));
    assert.deepEqual(findings.filter((f) => f.ruleId === 'architecture/cycle'), []);
  });
});
