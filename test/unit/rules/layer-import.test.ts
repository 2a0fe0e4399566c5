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

// Real-codebase forms: captures, deny-lists over several globs, ignoreTypeOnly, aliases and workspaces.
const MONO_CONFIG = `architecture:
  layers:
    app: app/**
    server: server/**
    plugin: ["plugins/{plugin}/**", "!plugins/shared/**"]
    models: server/models/**
    upper: [server/routes/**, server/commands/**, server/queues/**]
  constraints:
    - layer: models
      mustNotImport: [upper]
      because: Models are used by every entry point.
    - layer: app
      mustNotImport: [server]
      ignoreTypeOnly: true
    - layer: plugin
      independent: true
      severity: warning
      because: Plugins are installed one by one.
`;

const MONO_FILES = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@server/*': ['server/*'], '~/*': ['app/*'] } } }),
  'server/routes/users.ts': 'export const users = 1;\n',
  'server/models/user.ts': 'export const user = 1;\n',
  'server/commands/index.ts': 'export const run = 1;\n',
  'plugins/a/index.ts': 'export const a = 1;\n',
  'plugins/a/util.ts': 'export const au = 1;\n',
  'plugins/b/index.ts': 'export const b = 1;\n',
  'app/page.ts': 'export const page = 1;\n',
};

const mono = { config: MONO_CONFIG, files: MONO_FILES };

describe('captures, deny-lists, aliases', () => ruleTable('architecture/layer-import', {
  valid: [
    { ...mono, filename: 'server/models/team.ts', code: 'import { user } from "./user";' },
    { ...mono, filename: 'server/routes/teams.ts', code: 'import { user } from "../models/user";' },
    { ...mono, filename: 'plugins/a/main.ts', code: 'import { au } from "./util";\nimport { page } from "../../app/page";' },
    { ...mono, filename: 'app/view.ts', code: 'import type { User } from "@server/models/user";' },
    { ...mono, filename: 'app/view.ts', code: 'import { page } from "~/page";' },
    { ...mono, filename: 'server/routes/teams.ts', code: 'import { b } from "../../plugins/b";' },
    // Excluded from the capture layer: shared code every plugin may use.
    { ...mono, filename: 'plugins/a/main.ts', code: 'import { s } from "../shared/kit";', files: { ...MONO_FILES, 'plugins/shared/kit.ts': 'export const s = 1;\n' } },
  ],
  invalid: [
    {
      ...mono,
      filename: 'server/models/team.ts',
      code: 'import { users } from "../routes/users";',
      errors: [{ line: 1, column: 23, message: 'models must not import upper (server/routes/users.ts): Models are used by every entry point.' }],
    },
    { ...mono, filename: 'server/models/team.ts', code: 'import { run } from "@server/commands";', errors: [{ line: 1, column: 21, message: /^models must not import upper \(server\/commands\/index\.ts\)/ }] },
    { ...mono, filename: 'app/view.ts', code: 'import { user } from "@server/models/user";', errors: [{ line: 1, column: 22, message: 'app must not import server (server/models/user.ts).' }] },
    {
      ...mono,
      filename: 'plugins/a/main.ts',
      code: 'import { b } from "../b";',
      errors: [{ line: 1, column: 19, severity: 'warning', message: 'plugin:a must not import plugin:b (plugins/b/index.ts): Plugins are installed one by one.' }],
    },
  ],
}));

const WORKSPACE_FILES = {
  'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
  'packages/db/package.json': JSON.stringify({ name: '@acme/db', exports: { '.': { types: './src/index.ts', default: './dist/index.js' }, './pool': './src/pool.ts' } }),
  'packages/db/src/index.ts': 'export const db = 1;\n',
  'packages/db/src/pool.ts': 'export const pool = 1;\n',
  'packages/core/package.json': JSON.stringify({ name: '@acme/core', main: './src/index.ts', imports: { '#internal/*': './src/internal/*.ts' } }),
  'packages/core/src/internal/clock.ts': 'export const now = 1;\n',
};
const WORKSPACE_CONFIG = `architecture:
  layers:
    core: packages/core/**
    db: packages/db/**
  constraints:
    - layer: core
      mayImport: []
`;

describe('workspaces and package imports', () => ruleTable('architecture/layer-import', {
  valid: [
    { config: WORKSPACE_CONFIG, files: WORKSPACE_FILES, filename: 'packages/core/src/index.ts', code: 'import { now } from "#internal/clock";' },
    { config: WORKSPACE_CONFIG, files: WORKSPACE_FILES, filename: 'packages/db/src/x.ts', code: 'import { now } from "@acme/core";' },
  ],
  invalid: [
    {
      config: WORKSPACE_CONFIG,
      files: WORKSPACE_FILES,
      filename: 'packages/core/src/index.ts',
      code: 'import { db } from "@acme/db";\nimport { pool } from "@acme/db/pool";',
      errors: [
        { line: 1, column: 20, message: 'core must not import db (packages/db/src/index.ts).' },
        { line: 2, column: 22, message: 'core must not import db (packages/db/src/pool.ts).' },
      ],
    },
  ],
}));

const EXTENDS_FILES = {
  'config/tsconfig.base.json': JSON.stringify({ compilerOptions: { paths: { '#domain/*': ['../src/domain/*'] } } }),
  'tsconfig.json': '// comments are allowed here\n' + JSON.stringify({ extends: './config/tsconfig.base.json', compilerOptions: { strict: true } }),
  'web/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: 'src' } }),
  'web/src/components/button.ts': 'export const button = 1;\n',
  'src/infra/db.ts': 'export const q = 1;\n',
  'src/domain/order.ts': 'export const o = 1;\n',
};
const EXTENDS_CONFIG = `architecture:
  layers:
    infra: src/infra/**
    web: web/**
    domain: src/domain/**
    pages: web/src/pages/**
    widgets: web/src/components/**
  constraints:
    - layer: infra
      mayImport: []
    - layer: pages
      mustNotImport: [widgets]
`;

describe('tsconfig extends and baseUrl', () => ruleTable('architecture/layer-import', {
  valid: [{ config: EXTENDS_CONFIG, files: EXTENDS_FILES, filename: 'web/src/pages/home.ts', code: 'import { button } from "components";' }],
  invalid: [
    // `paths` inherited through `extends` are relative to the file that declares them.
    { config: EXTENDS_CONFIG, files: EXTENDS_FILES, filename: 'src/infra/db.ts', code: 'import { o } from "#domain/order";', errors: [{ line: 1, column: 19, message: 'infra must not import domain (src/domain/order.ts).' }] },
    // baseUrl-relative names resolve to files before they are taken for packages.
    { config: EXTENDS_CONFIG, files: EXTENDS_FILES, filename: 'web/src/pages/home.ts', code: 'import { button } from "components/button";', errors: [{ line: 1, column: 24, message: 'pages must not import widgets (web/src/components/button.ts).' }] },
  ],
}));
