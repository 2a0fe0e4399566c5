// The floor of a failure-family run over a tree: a process that loads TypeScript and parses every
// .ts file under a folder once, with the options Shipshape uses (server/src/engine/parse-ts.ts), and
// nothing else. Used by bench/failure.mjs (throughput), timed as a command like the tools it compares.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const files = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (full.endsWith('.ts')) files.push(full);
  }
};
walk(process.argv[2]);
let statements = 0;
for (const file of files) {
  const tree = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo }, true, ts.ScriptKind.TS);
  statements += tree.statements.length;
}
process.stdout.write(`${files.length} files, ${statements} top-level statements\n`);
