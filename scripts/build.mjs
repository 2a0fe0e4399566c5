// Bundles the three adapters (VS Code client, language server, CLI) with esbuild.
// Rule packs (YAML) and the config schema (JSON) are inlined so each bundle is self-contained.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  loader: { '.yml': 'text' },
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
