// The peer tools every side-by-side benchmark compares against, installed from npm into the bench
// cache (never into the project), and their configs for rules equivalent to Shipshape's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { peers } from './cache.mjs';

export const SECRETLINT_SPECS = ['secretlint@11.7.1', '@secretlint/secretlint-rule-preset-recommend@11.7.1'];
export const ESLINT_SPECS = ['eslint@10.15.0', 'typescript-eslint@8.73.0', 'eslint-plugin-promise@7.3.0', 'typescript@6.0.3'];
export const DEPCRUISE_SPECS = ['dependency-cruiser@17.4.3', 'typescript@6.0.3']; // 17.x is the last line that runs on Node 20

export const secretlintPeer = () => peers('secretlint', SECRETLINT_SPECS);
export const eslintPeer = () => peers('eslint', ESLINT_SPECS);
export const depcruisePeer = () => peers('dependency-cruiser', DEPCRUISE_SPECS);

export const bin = (peerDir, name) => path.join(peerDir, 'node_modules', '.bin', name);

/** The ESLint rules closest to Shipshape's failure family, without type information. */
export const ESLINT_UNTYPED_RULES = {
  'no-empty': ['error', { allowEmptyCatch: false }],
  'no-throw-literal': 'error',
  'promise/catch-or-return': 'error',
  'promise/no-callback-in-promise': 'error',
};

/** The typed equivalents: thrown values and floating promises need the type checker. */
export const ESLINT_TYPED_RULES = {
  'no-empty': ['error', { allowEmptyCatch: false }],
  '@typescript-eslint/only-throw-error': 'error',
  '@typescript-eslint/no-floating-promises': 'error',
  'promise/catch-or-return': 'error',
  'promise/no-callback-in-promise': 'error',
};

/**
 * Writes an ESLint flat config into `dir` (named `file`) that loads the parser and plugins from the
 * peer folder by absolute path, so the linted tree needs no node_modules of its own.
 */
export function writeEslintConfig(dir, peerDir, { typed = false, file = 'eslint.config.cjs' } = {}) {
  const text = `// Written by the Shipshape benchmark: ${typed ? 'typed' : 'untyped'} rules equivalent to the failure family.
const { createRequire } = require('node:module');
const peer = createRequire(${JSON.stringify(path.join(peerDir, 'package.json'))});
const tseslint = peer('typescript-eslint');
const promise = peer('eslint-plugin-promise');
module.exports = [
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: ${typed ? `{ projectService: true, tsconfigRootDir: ${JSON.stringify(dir)} }` : '{}'},
    },
    plugins: { promise, '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: ${JSON.stringify(typed ? ESLINT_TYPED_RULES : ESLINT_UNTYPED_RULES)},
  },
];
`;
  const target = path.join(dir, file);
  fs.writeFileSync(target, text);
  return target;
}

export function writeSecretlintConfig(dir) {
  const target = path.join(dir, '.secretlintrc.json');
  fs.writeFileSync(target, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  return target;
}
