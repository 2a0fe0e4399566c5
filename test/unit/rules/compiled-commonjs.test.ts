// Code that tsc, Babel and esbuild emit for CommonJS: imports become `require` calls wrapped in interop
// helpers (`__importDefault`, `_interopRequireDefault`, `__toESM`), and calls of imported functions
// become `(0, mod_1.fn)(…)`. The failure rules read it as they read the source it was compiled from.
import { ruleTable } from '../../helpers/rule-tester';

const js = (code: string) => ({ code, filename: 'lib/a.js' });
const TSC_HEADER = '"use strict";\nvar __importDefault = (this && this.__importDefault) || function (mod) {\n    return (mod && mod.__esModule) ? mod : { "default": mod };\n};\nObject.defineProperty(exports, "__esModule", { value: true });\n';

/** A workspace module compiled by tsc: an async export, as `exports.loadUser = loadUser`. */
const USERS = { 'lib/users.js': '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\nexports.loadUser = loadUser;\nexports.sleep = sleep;\nasync function loadUser(id) { return db.get(id); }\nfunction sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }\n' };
const withUsers = (code: string) => ({ code, filename: 'lib/main.js', files: USERS, workspace: true });

ruleTable('failure/floating-promise', {
  valid: [
    js(`${TSC_HEADER}const promises_1 = require("node:fs/promises");\nasync function run(file) {\n    await (0, promises_1.readFile)(file);\n    return (0, promises_1.readFile)(file);\n}`),
    // A compiled call ending in a rejection handler.
    js('const promises_1 = require("node:fs/promises");\nfunction run(file) {\n    (0, promises_1.readFile)(file).catch(report);\n}'),
  ],
  invalid: [
    {
      ...js(`${TSC_HEADER}const promises_1 = require("node:fs/promises");\nconst node_fetch_1 = __importDefault(require("node-fetch"));\nfunction run(file, url) {\n    (0, promises_1.readFile)(file);\n    (0, node_fetch_1.default)(url);\n}`),
      errors: [
        { line: 9, column: 5, message: /^`promises_1\.readFile\(…\)` returns a promise/ },
        { line: 10, column: 5, message: /^`node_fetch_1\.default\(…\)` returns a promise/ },
      ],
    },
    // Babel's and esbuild's helpers, and tslib's when tsc imports its helpers.
    {
      ...js('var _axios = _interopRequireDefault(require("axios"));\nconst tslib_1 = require("tslib");\nconst got_1 = tslib_1.__importDefault(require("got"));\nvar import_promises = __toESM(require("fs/promises"));\nfunction run(url) {\n    _axios.default.get(url);\n    (0, got_1.default)(url);\n    (0, import_promises.readFile)(url);\n}'),
      errors: [{ line: 6, column: 5 }, { line: 7, column: 5 }, { line: 8, column: 5 }],
    },
    // An async export of another compiled module of the workspace.
    { ...withUsers('"use strict";\nconst users_1 = require("./users");\nfunction main() {\n    (0, users_1.loadUser)("1");\n}'), errors: [{ line: 4, column: 5 }] },
  ],
});

ruleTable('failure/network-timeout', {
  valid: [js(`${TSC_HEADER}const axios_1 = __importDefault(require("axios"));\nasync function run(url) {\n    return axios_1.default.get(url, { timeout: 5000 });\n}`)],
  invalid: [
    {
      ...js(`${TSC_HEADER}const axios_1 = __importDefault(require("axios"));\nconst node_fetch_1 = __importDefault(require("node-fetch"));\nasync function run(url) {\n    await axios_1.default.get(url);\n    await (0, axios_1.default)(url);\n    await (0, node_fetch_1.default)(url);\n}`),
      errors: [{ line: 9, column: 11 }, { line: 10, column: 11 }, { line: 11, column: 11 }],
    },
  ],
});

const RETRY = (wait: string) => `async function call(url) {\n    for (let attempt = 1; attempt <= 5; attempt++) {\n        try {\n            return await (0, node_fetch_1.default)(url, { signal: AbortSignal.timeout(1000) });\n        }\n        catch (err) {\n${wait}        }\n    }\n}`;

ruleTable('failure/retry-without-backoff', {
  valid: [
    // The wait is an imported helper called the compiled way.
    js(`const node_fetch_1 = __importDefault(require("node-fetch"));\nconst sleep_1 = require("./sleep");\n${RETRY('            await (0, sleep_1.sleep)(100 * 2 ** attempt);\n')}`),
    withUsers(`const node_fetch_1 = __importDefault(require("node-fetch"));\nconst users_1 = require("./users");\n${RETRY('            await (0, users_1.sleep)(100 * 2 ** attempt);\n')}`),
  ],
  invalid: [
    { ...js(`const node_fetch_1 = __importDefault(require("node-fetch"));\nconst log_1 = require("./log");\n${RETRY('            (0, log_1.warn)(err);\n')}`), errors: [{ line: 4, column: 5 }] },
  ],
});
