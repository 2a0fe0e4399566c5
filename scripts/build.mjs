// Bundles the three adapters (VS Code client, language server, CLI) with esbuild.
// Rule packs (YAML) and the config schema (JSON) are inlined so each bundle is self-contained; YAML is
// parsed here, at build time, so start-up only reads JSON.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';

const yamlAsData = {
  name: 'yaml-as-data',
  setup(build) {
    build.onLoad({ filter: /\.yml$/ }, (args) => ({ contents: JSON.stringify(parse(fs.readFileSync(args.path, 'utf8'))), loader: 'json' }));
  },
};

// The launchers run the engine bundles as vm.Script code, where import() needs a loader that Node 20
// offers only as an experimental constant, and that code loaded from V8's cache loses. The one package
// that uses import(), the WebAssembly grammar runtime, imports two Node built-ins: they are required
// instead, through a reference to the bundle's own `require` (the runtime shadows `require` locally).
const builtinImportsAsRequire = {
  name: 'builtin-imports-as-require',
  setup(build) {
    build.onLoad({ filter: /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const rewritten = source.replace(/\bimport\((["'])(module|fs\/promises)\1\)/g, (_, quote, id) => `Promise.resolve(__shipshapeNodeRequire(${quote}${id}${quote}))`);
      if (/\bimport\(/.test(rewritten)) throw new Error(`${args.path}: an import() the build does not rewrite; see builtinImportsAsRequire`);
      return { contents: rewritten, loader: 'js' };
    });
  },
};

// TypeScript's compiler is most of each bundle (3.5 of 5 MB): reading, hashing and loading it cost every
// run start-up time, though only runs where a check parses TypeScript need it (a secrets-only run never
// does). It is its own bundle, dist/typescript.bundle.js, and in the launched bundles
// `import ts from 'typescript'` resolves to a stand-in whose `default` loads it, through the code cache
// (LOAD_BUNDLE in server/src/launch/compile-cache.ts), on first use. Module-level code must therefore
// not touch `ts` (build sets and scanners on first use instead); a CLI test holds a secrets-only run
// free of it.
const typescriptMain = createRequire(import.meta.url).resolve('typescript');
const lazyTypeScript = {
  name: 'lazy-typescript',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: 'typescript', namespace: 'lazy-typescript' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-typescript' }, () => ({
      // An ES module whose default export is a live binding: a stand-in until the first property is
      // read, then the compiler itself, in every importer at once (esbuild gives them one variable).
      // A getter (CommonJS interop) was read on every \`ts.\` in the checks' hot loops: 4% of a run.
      contents: `let ts = new Proxy({}, { get(_, key) { ts = globalThis[Symbol.for('shipshape.loadBundle')]('typescript'); return ts[key]; } }); export { ts as default };`,
      loader: 'js',
    }));
  },
};

// The shipshape.yml validator, compiled at build time (Ajv standalone code, same options as
// server/src/engine/config/schema-validator.ts, which it replaces): compiling the schema at run time
// cost about 70 ms of every start.
const precompiledSchemaValidator = {
  name: 'precompiled-schema-validator',
  setup(build) {
    build.onLoad({ filter: /server[\\/]src[\\/]engine[\\/]config[\\/]schema-validator\.ts$/ }, () => {
      const schema = JSON.parse(fs.readFileSync(new URL('../rules/shipshape.schema.json', import.meta.url), 'utf8'));
      const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
      const code = standaloneCode(ajv, ajv.compile(schema));
      return {
        contents: `const validate = (() => { const module = { exports: {} }; ${code}; return module.exports; })();\nmodule.exports = { compileSchemaValidator: () => validate };\n`,
        loader: 'js',
        resolveDir: new URL('..', import.meta.url).pathname,
      };
    });
  },
};

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  // Minified bundles load faster (the CLI's start-up is part of every run); source maps keep traces readable.
  // Identifiers keep their names, so functions and classes keep theirs without esbuild's keepNames, which
  // wraps every named closure in a runtime defineProperty call: about 3% of a failure-family run, in the
  // rules' inner helpers.
  minifyWhitespace: !process.argv.includes('--no-minify'), // --no-minify: readable frames when profiling
  minifySyntax: !process.argv.includes('--no-minify'),
  minifyIdentifiers: false,
  logLevel: 'warning',
  plugins: [yamlAsData, builtinImportsAsRequire, precompiledSchemaValidator],
  // jsonc-parser's `main` is a UMD build whose require() calls esbuild cannot follow: bundle its ES build.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // "use strict" first, as esbuild would put it: a banner before it would turn strict mode off.
  banner: { js: '"use strict";const __shipshapeNodeRequire = require;' },
  // TypeScript's compiler API is big; bundling it keeps the .vsix free of node_modules.
  external: ['vscode'],
};

// The CLI, the server and their worker threads each start from a small launcher, dist/<name>.js, that
// runs dist/<name>.bundle.js through V8's code cache (server/src/launch/compile-cache.ts).
const launched = {
  cli: 'server/src/cli/main.ts',
  server: 'server/src/lsp/main.ts',
  'readiness-worker': 'server/src/lsp/readiness-worker.ts',
  'workspace-worker': 'server/src/engine/workspace/worker.ts',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, plugins: [...common.plugins, lazyTypeScript], entryPoints: Object.fromEntries(Object.entries(launched).map(([name, entry]) => [`${name}.bundle`, entry])), outdir: 'dist' }),
  // TypeScript's own names are of no use in a trace: fully minified (4.0 MB rather than 6.5 MB).
  esbuild.build({ ...common, minifyIdentifiers: common.minifyWhitespace, sourcemap: false, entryPoints: { 'typescript.bundle': typescriptMain }, outdir: 'dist' }),
  ...Object.keys(launched).map((name) =>
    esbuild.build({
      ...common,
      sourcemap: false,
      entryPoints: { [name]: 'server/src/launch/launcher.ts' },
      outdir: 'dist',
      define: { SHIPSHAPE_BUNDLE: JSON.stringify(name) },
      banner: { js: name === 'cli' ? '#!/usr/bin/env node' : '' },
    }),
  ),
  esbuild.build({ ...common, entryPoints: { 'gen-docs': 'scripts/gen-docs.ts' }, outdir: 'dist' }),
]);

// A bundle with one non-ASCII character is held by V8 as a two-byte string: its 5 MB of source take
// 10 MB for the life of the process. esbuild escapes non-ASCII text except inside regular expression
// literals, so write those as \u escapes; this check keeps it so. (An unminified build keeps comments,
// which may hold any text: it is for profiling only.)
for (const name of common.minifyWhitespace ? [...Object.keys(launched), 'typescript'] : []) {
  const text = fs.readFileSync(new URL(`../dist/${name}.bundle.js`, import.meta.url), 'latin1');
  const at = text.search(/[^\x00-\x7f]/);
  if (at !== -1) throw new Error(`dist/${name}.bundle.js has a non-ASCII character near: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`);
}

// The Python parser (tree-sitter, WebAssembly) is loaded at run time from beside the bundles.
for (const file of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) {
  fs.copyFileSync(new URL(`../node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, import.meta.url), new URL(`../dist/${file}`, import.meta.url));
}
