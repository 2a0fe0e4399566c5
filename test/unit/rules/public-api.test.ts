import * as assert from 'node:assert/strict';
import { analyse, visible } from '../../helpers/engine';
import { ruleTable } from '../../helpers/rule-tester';

const CONFIG = `architecture:
  publicApi:
    - src/infra/*
    - packages/*
`;
const FILES = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
  'src/infra/db/index.ts': 'export { pool, type PoolOptions } from "./pool";\nexport * from "./query";\nexport default 1;\n',
  'src/infra/db/pool.ts': 'export const pool = 1;\nexport interface PoolOptions {}\nexport const internalOnly = 2;\n',
  'src/infra/db/query.ts': 'export function query() {}\n',
  'src/infra/mail.ts': 'export const send = 1;\n',
  'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
  'packages/kit/package.json': JSON.stringify({ name: '@acme/kit', exports: { '.': './src/index.ts', './testing': './src/testing.ts', './features/*': './src/features/*.ts' } }),
  'packages/kit/src/index.ts': 'export const kit = 1;\n',
  'packages/kit/src/testing.ts': 'export const fake = 1;\n',
  'packages/kit/src/features/flags.ts': 'export const flags = 1;\n',
  'packages/kit/src/internal.ts': 'export const secretSauce = 1;\n',
};
const base = { config: CONFIG, files: FILES, filename: 'src/app/use.ts' };

ruleTable('architecture/public-api', {
  valid: [
    { ...base, code: 'import { pool } from "../infra/db";' },
    { ...base, code: 'import { pool } from "../infra/db/index.js";' },
    { ...base, code: 'import { send } from "../infra/mail";' },
    { ...base, filename: 'src/infra/db/query.ts', code: 'import { pool } from "./pool";' },
    { ...base, code: 'import { kit } from "@acme/kit";\nimport { fake } from "@acme/kit/testing";\nimport { flags } from "@acme/kit/features/flags";' },
  ],
  invalid: [
    {
      ...base,
      code: 'import { pool } from "../infra/db/pool";',
      errors: [{ line: 1, column: 22, endColumn: 40, message: 'Deep import into module src/infra/db (src/infra/db/pool.ts): outside the module, import only its public entry (src/infra/db/index.ts), so it can reorganise its internals without breaking callers.' }],
    },
    { ...base, code: 'import { pool } from "@/infra/db/pool";', errors: [{ line: 1, column: 22, message: /^Deep import into module src\/infra\/db / }] },
    { ...base, code: 'export { query } from "../infra/db/query.js";', errors: [{ line: 1, column: 23 }] },
    { ...base, code: 'import type { PoolOptions } from "../infra/db/pool";', errors: [{ line: 1, column: 34 }] },
    { ...base, code: 'import { secretSauce } from "../../packages/kit/src/internal";', errors: [{ line: 1, column: 29, message: /^Deep import into module packages\/kit \(packages\/kit\/src\/internal\.ts\)/ }] },
  ],
});

describe('architecture/public-api quick fix', () => {
  const fixOf = (code: string) => {
    const finding = visible(analyse(code, base)).find((f) => f.ruleId === 'architecture/public-api');
    assert.ok(finding, 'expected a public-api finding');
    return finding.fixes?.[0];
  };
  const apply = (code: string) => {
    const fix = fixOf(code);
    assert.ok(fix, 'expected a fix');
    const change = fix.changes[0];
    assert.equal(change.line, change.endLine);
    const lines = code.split('\n');
    const line = lines[change.line - 1];
    lines[change.line - 1] = line.slice(0, change.column - 1) + change.newText + line.slice(change.endColumn - 1);
    return { title: fix.title, text: lines.join('\n') };
  };

  it('rewrites a deep import to the entry when the entry exports every imported name', () => {
    assert.deepEqual(apply('import { pool, type PoolOptions } from "../infra/db/pool";'), {
      title: "Import from the public entry '../infra/db'",
      text: 'import { pool, type PoolOptions } from "../infra/db";',
    });
  });

  it('follows export * chains, keeps quotes, aliases and explicit .js extensions', () => {
    assert.equal(apply("import { query } from '../infra/db/query.js';").text, "import { query } from '../infra/db/index.js';");
    assert.equal(apply('import { query as q } from "@/infra/db/query";').text, 'import { query as q } from "@/infra/db";');
    assert.equal(apply('export { query } from "../infra/db/query";').text, 'export { query } from "../infra/db";');
  });

  it('offers no rewrite when the entry does not export a name, or the import takes the whole module', () => {
    assert.equal(fixOf('import { internalOnly } from "../infra/db/pool";'), undefined);
    assert.equal(fixOf('import * as pool from "../infra/db/pool";'), undefined);
    assert.equal(fixOf('import "../infra/db/pool";'), undefined);
  });
});
