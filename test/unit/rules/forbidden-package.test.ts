import { ruleTable } from '../../helpers/rule-tester';

const CONFIG = `architecture:
  layers:
    domain: src/domain/**
    app: src/app/**
    web: src/web/**
  constraints:
    - layer: domain
      mustNotImportPackages: [pg, axios, "node:fs", http, "@aws-sdk/*", lodash/fp]
      because: The domain model stays free of I/O.
    - layer: app
      mustNotImportPackages: [koa]
      ignoreTypeOnly: true
      severity: warning
    - layer: web
      mayImportPackages: [react, "react-dom", "@tanstack/*"]
`;

const base = { config: CONFIG, files: { 'src/domain/other.ts': 'export const x = 1;\n' } };
const domain = { ...base, filename: 'src/domain/order.ts' };

ruleTable('architecture/forbidden-package', {
  valid: [
    { ...domain, code: 'import { z } from "zod";' },
    { ...domain, code: 'import { x } from "./other";' },
    { ...domain, code: 'import * as path from "node:path";' },
    { ...domain, code: 'import { chunk } from "lodash";' },
    { ...domain, code: 'import { get } from "lodash/get";' },
    { ...domain, code: 'import { Pool } from "pg-pool";', },
    { ...base, filename: 'src/infra/db.ts', code: 'import { Pool } from "pg";' },
    { ...base, filename: 'src/app/place.ts', code: 'import type { Context } from "koa";' },
    { ...base, filename: 'src/web/page.tsx', code: 'import { useQuery } from "@tanstack/react-query";\nimport { createRoot } from "react-dom/client";' },
  ],
  invalid: [
    {
      ...domain,
      code: 'import { Pool } from "pg";',
      errors: [{ line: 1, column: 22, endColumn: 26, severity: 'error', message: "domain must not import package 'pg': The domain model stays free of I/O." }],
    },
    { ...domain, code: 'import { Client } from "pg/lib/client";', errors: [{ line: 1, column: 24, message: /^domain must not import package 'pg':/ }] },
    { ...domain, code: 'import { readFileSync } from "fs";', errors: [{ line: 1, column: 30, message: "domain must not import package 'node:fs' (as 'fs'): The domain model stays free of I/O." }] },
    { ...domain, code: 'import { readFile } from "fs/promises";', errors: [{ line: 1, column: 26, message: /'node:fs' \(as 'fs\/promises'\)/ }] },
    { ...domain, code: 'import { readFile } from "node:fs/promises";', errors: [{ line: 1, column: 26, message: /^domain must not import package 'node:fs':/ }] },
    { ...domain, code: 'import * as http from "node:http";', errors: [{ line: 1, column: 23, message: /'node:http'/ }] },
    { ...domain, code: 'import { S3 } from "@aws-sdk/client-s3";', errors: [{ line: 1, column: 20, message: /'@aws-sdk\/client-s3'/ }] },
    { ...domain, code: 'import { map } from "lodash/fp";', errors: [{ line: 1, column: 21, message: /'lodash'/ }] },
    { ...domain, code: 'const axios = require("axios");', errors: [{ line: 1, column: 23 }] },
    { ...domain, code: 'const axios = await import("axios");', errors: [{ line: 1, column: 28 }] },
    { ...domain, code: 'export { get } from "axios";', errors: [{ line: 1, column: 21 }] },
    { ...domain, code: 'import type { Pool } from "pg";', errors: [{ line: 1, column: 27 }] },
    { ...base, filename: 'src/app/place.ts', code: 'import Koa from "koa";', errors: [{ line: 1, column: 17, severity: 'warning', message: "app must not import package 'koa'." }] },
    {
      ...base,
      filename: 'src/web/page.tsx',
      code: 'import axios from "axios";',
      errors: [{ line: 1, column: 19, message: "web may only import the packages react, react-dom, @tanstack/*, not 'axios'." }],
    },
  ],
});
