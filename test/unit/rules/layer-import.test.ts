import { ruleTable } from '../../helpers/rule-tester';

const CONFIG = `architecture:
  layers:
    domain: src/domain/**
    app: src/app/**
    infra: src/infra/**
  constraints:
    - layer: domain
      mayImport: []
      because: The domain model stays free of I/O.
    - layer: app
      mayImport: [domain]
    - layer: infra
      mustNotImport: [app]
      severity: warning
      because: Adapters never call use cases.
`;

const FILES = {
  'src/infra/db.ts': 'export const q = 1;\n',
  'src/infra/index.ts': 'export * from "./db";\n',
  'src/domain/order.ts': 'export const o = 1;\n',
  'src/domain/money.ts': 'export const m = 1;\n',
  'src/app/place.ts': 'export const p = 1;\n',
  'src/shared/util.js': 'export const u = 1;\n',
};

const base = { config: CONFIG, files: FILES };

ruleTable('architecture/layer-import', {
  valid: [
    { ...base, code: 'import { m } from "./money";', filename: 'src/domain/order.ts' },
    { ...base, code: 'import { u } from "../shared/util.js";', filename: 'src/domain/order.ts' },
    { ...base, code: 'import { o } from "../domain/order";', filename: 'src/app/place.ts' },
    { ...base, code: 'import { q } from "../infra/db";', filename: 'src/other/x.ts' },
    { ...base, code: 'import { q } from "pg";', filename: 'src/domain/order.ts' },
    { ...base, code: 'import { q } from "../infra/db";', filename: 'src/domain/order.ts', config: 'architecture:\n  layers:\n    domain: src/domain/**\n' },
    { ...base, code: 'import { o } from "../domain/order";', filename: 'src/infra/db.ts' },
    { ...base, code: 'const s = "../infra/db";', filename: 'src/domain/order.ts' },
  ],
  invalid: [
    {
      ...base,
      code: 'import { q } from "../infra/db";',
      filename: 'src/domain/order.ts',
      errors: [{ line: 1, column: 19, endLine: 1, endColumn: 32, severity: 'error', message: 'domain must not import infra (src/infra/db.ts): The domain model stays free of I/O.' }],
    },
    { ...base, code: 'export { q } from "../infra";', filename: 'src/domain/order.ts', errors: [{ line: 1, column: 19, message: /\(src\/infra\/index\.ts\)/ }] },
    { ...base, code: 'const db = await import("../infra/db.js");', filename: 'src/domain/order.ts', errors: [{ line: 1, column: 25, message: /^domain must not import infra/ }] },
    { ...base, code: 'const db = require("../infra/db");', filename: 'src/domain/order.js', errors: [{ line: 1, column: 20 }] },
    { ...base, code: 'import type { Q } from "../infra/db";', filename: 'src/domain/order.ts', errors: [{ line: 1, column: 24 }] },
    { ...base, code: 'import { q } from "../infra/db";', filename: 'src/app/place.ts', errors: [{ line: 1, column: 19, message: 'app must not import infra (src/infra/db.ts).' }] },
    // Deny-list form, with the constraint's own severity.
    { ...base, code: 'import { p } from "../app/place";', filename: 'src/infra/db.ts', errors: [{ line: 1, column: 19, severity: 'warning', message: 'infra must not import app (src/app/place.ts): Adapters never call use cases.' }] },
    // The exact rule id outranks the constraint severity.
    {
      ...base,
      config: CONFIG + 'rules:\n  architecture/layer-import: info\n',
      code: 'import { p } from "../app/place";',
      filename: 'src/infra/db.ts',
      errors: [{ line: 1, column: 19, severity: 'info' }],
    },
    // An unresolved path still belongs to the layer its location says.
    { ...base, code: 'import { z } from "../infra/missing";', filename: 'src/domain/order.ts', errors: [{ line: 1, column: 19, message: /\(src\/infra\/missing\)/ }] },
  ],
});
