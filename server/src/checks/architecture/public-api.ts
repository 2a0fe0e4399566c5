// architecture/public-api: an import from outside a module (a folder matched by `publicApi`) into
// anything but its public entry (its index file, or what its package.json `exports`). The quick fix
// rewrites the import to the entry when the entry exports every name the import takes.
import * as path from 'node:path';
import type { Check, CheckContext, RawFix } from '../../engine/types';
import { exportedNames, importedNames } from './exported-names';
import { crossedModule, isModuleEntry, moduleEntries } from './modules';
import { resolverFor } from './module-resolver';
import { readPackageJson } from './package-json';
import { resolvedReferences, type ResolvedReference } from './references';

export const PUBLIC_API_RULE = 'architecture/public-api';

export const publicApi: Check = {
  meta: {
    id: PUBLIC_API_RULE,
    family: 'architecture',
    title: 'Deep import past a module\'s public entry',
    rationale:
      'A module declared in `publicApi` promises that only its index (or its package.json `exports`) is used from outside. A deep import into its internals breaks when the module reorganises them, and it turns a private helper into an API nobody agreed to keep.',
    remedy:
      'Import from the module\'s public entry (the quick fix does it when the entry exports what you use). If the entry lacks what you need, export it there deliberately.',
    defaultSeverity: 'error',
    languages: ['typescript', 'javascript'],
    fixable: true,
    examples: {
      bad: ['// with `publicApi: [src/infra/*]`\nimport { pool } from "../infra/db/pool";'],
      good: ['// with `publicApi: [src/infra/*]`\nimport { pool } from "../infra/db";'],
    },
  },
  run(context) {
    const architecture = context.config.architecture;
    if (!architecture || architecture.publicApi.length === 0) return;
    for (const reference of resolvedReferences(context)) {
      if (reference.resolution.kind !== 'file' || reference.targetPath === undefined) continue;
      const moduleRelative = crossedModule(architecture, context.relativePath, reference.targetPath);
      if (!moduleRelative) continue;
      const moduleDir = path.join(context.configDir, moduleRelative);
      const entries = moduleEntries(moduleDir, context.host);
      if (isModuleEntry(entries, moduleDir, reference.resolution.path)) continue;
      const entry = entries.files[0];
      const entryText = entry ? ` (${path.relative(context.configDir, entry).split(path.sep).join('/')})` : '';
      context.report({
        ruleId: PUBLIC_API_RULE,
        start: reference.start,
        end: reference.end,
        message: `Deep import into module ${moduleRelative} (${reference.targetPath}): outside the module, import only its public entry${entryText}, so it can reorganise its internals without breaking callers.`,
        fingerprintText: `${moduleRelative} ${reference.specifier}`,
        constraintKey: `publicApi ${moduleRelative}`,
        fixes: entry ? publicEntryFix(context, reference, moduleDir, entry) : undefined,
      });
    }
  },
};

/** Rewrites the specifier to the module's entry, when that resolves to it and exports every imported name. */
function publicEntryFix(context: CheckContext, reference: ResolvedReference, moduleDir: string, entry: string): RawFix[] | undefined {
  if (reference.resolution.kind !== 'file') return undefined;
  const tree = context.tsTree();
  if (!tree) return undefined;
  const names = importedNames(tree, reference.start);
  if (!names || names.length === 0) return undefined;
  const resolver = resolverFor(context.host);
  const exported = exportedNames(entry, resolver);
  if (!names.every((name) => exported.has(name))) return undefined;

  const replacement = entrySpecifiers(reference, moduleDir, reference.resolution.path, entry, context)
    .find((candidate) => {
      const resolved = resolver.resolve(context.document.path, candidate);
      return resolved.kind === 'file' && resolved.path === entry;
    });
  if (!replacement) return undefined;
  const quote = context.document.text[reference.start];
  return [{
    title: `Import from the public entry '${replacement}'`,
    preferred: true,
    changes: [{ start: reference.start, end: reference.end, newText: `${quote}${replacement}${quote}` }],
  }];
}

/**
 * Specifiers that may name the entry, best first: the module's package name, then the written path
 * minus the part inside the module (`../infra/db/pool.js` → `../infra/db`, `@/infra/db/pool` →
 * `@/infra/db`), then that folder plus the entry's own path. The caller keeps the first that resolves
 * to the entry.
 */
function entrySpecifiers(reference: ResolvedReference, moduleDir: string, target: string, entry: string, context: CheckContext): string[] {
  const candidates: string[] = [];
  const packageName = readPackageJson(moduleDir, context.host)?.name;
  if (packageName) candidates.push(packageName);
  const scriptExtension = /\.(d\.)?[cm]?[jt]sx?$/;
  const inside = path.relative(moduleDir, target).split(path.sep).join('/').replace(scriptExtension, '');
  const written = reference.specifier.replace(scriptExtension, '');
  const keptExtension = reference.specifier.slice(written.length);
  if (written.endsWith('/' + inside)) {
    const folder = written.slice(0, written.length - inside.length - 1);
    const entryInside = path.relative(moduleDir, entry).split(path.sep).join('/').replace(scriptExtension, '');
    // ESM code that writes `.js` keeps an explicit file: `../infra/db/index.js`.
    if (keptExtension) candidates.push(`${folder}/${entryInside}${keptExtension}`);
    else candidates.push(folder, `${folder}/${entryInside.replace(/\/index$/, '')}`);
  }
  return candidates;
}
