import { ruleTable } from '../../helpers/rule-tester';

const CONFIG = 'architecture:\n  layers:\n    app: src/**\n';
const FILES = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'], '*': ['./types/*'] } } }),
  'package.json': JSON.stringify({ name: 'svc', imports: { '#config': './src/config.ts', '#gone': './src/gone.ts' } }),
  'src/config.ts': 'export const config = 1;\n',
};
const base = { config: CONFIG, files: FILES, filename: 'src/main.ts' };

ruleTable('architecture/unresolved-import', {
  valid: [
    { ...base, code: 'import { config } from "./config";\nimport { config as c } from "#config";\nimport { x } from "@/config";' },
    // Packages are not local: an uninstalled package is the package manager's business.
    { ...base, code: 'import { z } from "zod";\nimport * as fs from "node:fs";' },
    { ...base, code: 'import { x } from "./missing";', config: 'rules: {}\n' },
  ],
  invalid: [
    {
      ...base,
      code: 'import { x } from "./missing";',
      errors: [{ line: 1, column: 19, severity: 'info', message: "Cannot resolve './missing': no file matches this path. Architecture rules cannot follow this import, so a layer violation or cycle through it goes unreported." }],
    },
    { ...base, code: 'import { x } from "@/nope";', errors: [{ line: 1, column: 19, message: /^Cannot resolve '@\/nope': the tsconfig alias '@\/\*' matches no file\./ }] },
    { ...base, code: 'import { x } from "#gone";', errors: [{ line: 1, column: 19, message: /the package\.json "imports" target of '#gone' matches no file/ }] },
    { ...base, code: 'import { x } from "#nothing";', errors: [{ line: 1, column: 19, message: /no package\.json "imports" entry matches '#nothing'/ }] },
    // Once per import, whichever rules would have looked at it.
    { ...base, code: 'const x = require("../lib/x");', config: CONFIG + '  publicApi: [lib/*]\n  constraints:\n    - layer: app\n      mayImport: []\n', errors: [{ line: 1, column: 19 }] },
  ],
});
