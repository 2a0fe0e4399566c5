// Bundles the three adapters (VS Code client, language server, CLI) with esbuild.
// Rule packs (YAML) and the config schema (JSON) are inlined so each bundle is self-contained; YAML is
// parsed here, at build time, so start-up only reads JSON.
import * as fs from 'node:fs';
import * as esbuild from 'esbuild';
import { parse } from 'yaml';

const yamlAsData = {
  name: 'yaml-as-data',
  setup(build) {
    build.onLoad({ filter: /\.yml$/ }, (args) => ({ contents: JSON.stringify(parse(fs.readFileSync(args.path, 'utf8'))), loader: 'json' }));
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
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  plugins: [yamlAsData],
  // TypeScript's compiler API is big; bundling it keeps the .vsix free of node_modules.
  external: ['vscode'],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts', 'readiness-worker': 'server/src/lsp/readiness-worker.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: { 'workspace-worker': 'server/src/engine/workspace/worker.ts' }, outdir: 'dist' }),
  esbuild.build({ ...common, entryPoints: { 'gen-docs': 'scripts/gen-docs.ts' }, outdir: 'dist' }),
]);

// The Python parser (tree-sitter, WebAssembly) is loaded at run time from beside the bundles.
for (const file of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) {
  fs.copyFileSync(new URL(`../node_modules/@vscode/tree-sitter-wasm/wasm/${file}`, import.meta.url), new URL(`../dist/${file}`, import.meta.url));
}
