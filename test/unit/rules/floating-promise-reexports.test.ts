// failure/floating-promise across files, through re-exports and module-made exports (async-exports.ts):
// imported names exported again (renamed, namespace, `export … from`), members of imported modules
// exported as constants, clients and models made by a module, default exports of classes and objects.
import { ruleTable } from '../../helpers/rule-tester';

ruleTable('failure/floating-promise', {
  valid: [
    { files: {"src/lib.ts":"import { readFileSync } from \"fs\";\nexport const read = readFileSync;","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { read } from \"./lib\";\nread(\"x\");" },
    { files: {"src/lib.ts":"export const x = 1;","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { x } from \"./lib\";\nx.toString();" },
  ],
  invalid: [
    { files: {"src/lib.ts":"import { readFile } from \"fs/promises\";\nexport { readFile };","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { readFile } from \"./lib\";\nreadFile(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 14 }] },
    { files: {"src/lib.ts":"import { readFile as rf } from \"fs/promises\";\nexport { rf as load };","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { load } from \"./lib\";\nload(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10 }] },
    { files: {"src/lib.ts":"export * as fsp from \"fs/promises\";","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { fsp } from \"./lib\";\nfsp.readFile(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 18 }] },
    { files: {"src/lib.ts":"export { readFile } from \"fs/promises\";","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { readFile } from \"./lib\";\nreadFile(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 14 }] },
    { files: {"src/lib.ts":"export { readFile as load } from \"fs/promises\";","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { load } from \"./lib\";\nload(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10 }] },
    { files: {"src/lib.ts":"import * as fsp from \"fs/promises\";\nexport const read = fsp.readFile;","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { read } from \"./lib\";\nread(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10 }] },
    { files: {"src/lib.ts":"import fsp from \"fs/promises\";\nexport const read = fsp.readFile;","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { read } from \"./lib\";\nread(\"x\");", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 10 }] },
    { files: {"src/lib.ts":"import { PrismaClient } from \"@prisma/client\";\nconst db = new PrismaClient();\nexport { db };","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { db } from \"./lib\";\ndb.user.findMany();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 19 }] },
    { files: {"src/lib.ts":"import mongoose from \"mongoose\";\nexport const User = mongoose.model(\"User\", {});","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { User } from \"./lib\";\nUser.find();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 12 }] },
    { files: {"src/lib.ts":"export default class { async save() {} }","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import Repo from \"./lib\";\nnew Repo().save();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 18 }] },
    { files: {"src/lib.ts":"const save = async () => 1;\nexport default { save };","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import lib from \"./lib\";\nlib.save();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 11 }] },
    { files: {"src/lib.ts":"export { save } from \"./more\";","src/more.ts":"export async function save() {}\n"}, workspace: true, filename: "src/main.ts", code: "import { save } from \"./lib\";\nsave();", errors: [{ line: 2, column: 1, endLine: 2, endColumn: 7 }] },
  ],
});
