// The module references of the analysed document, resolved once and shared by every architecture rule
// of the same analysis (the engine hands each check the same document object).
import * as path from 'node:path';
import type { ArchitectureConfig } from '../../engine/config/model';
import { toRelativePosix } from '../../engine/paths';
import type { CheckContext, SourceDocument } from '../../engine/types';
import { decodeReference, IMPORTS_FACT, type ImportsFact } from './import-graph';
import { extractModuleReferences, type ModuleReference } from './imports';
import { membershipsOf, type LayerMembership } from './layers';
import { pythonModuleReferences, resolvePythonImport, type PythonReference } from './python-imports';
import { resolverFor, type PackageRef, type Resolution } from './module-resolver';

export interface ResolvedReference extends ModuleReference {
  resolution: Resolution;
  /** The local file it reaches (or would reach, for an unresolved path), relative to the config folder. */
  targetPath?: string;
  /** The npm package or Node builtin it names, also for a workspace package that resolved to a file. */
  package?: PackageRef;
}

const cache = new WeakMap<SourceDocument, ResolvedReference[]>();

export function resolvedReferences(context: CheckContext): ResolvedReference[] {
  let references = cache.get(context.document);
  if (references) return references;
  const resolver = resolverFor(context.host);
  const { document } = context;
  const python = document.language === 'python';
  const roots = [context.configDir, path.join(context.configDir, 'src')];
  references = (python ? pythonModuleReferences(document.text) : referencesOf(context)).map((reference) => {
    const resolution = python
      ? resolvePythonImport(document.path, reference as PythonReference, roots, context.host)
      : resolver.resolve(document.path, reference.specifier);
    const target = resolution.kind === 'file' ? resolution.path : resolution.kind === 'unresolved' ? resolution.expectedPath : undefined;
    return {
      ...reference,
      resolution,
      ...(target ? { targetPath: toRelativePosix(context.configDir, target) } : {}),
      ...(resolution.kind === 'package' ? { package: resolution.package } : resolution.kind === 'file' && resolution.package ? { package: resolution.package } : {}),
    };
  });
  cache.set(context.document, references);
  return references;
}

function referencesOf(context: CheckContext): ModuleReference[] {
  const { document } = context;
  if (document.language === 'typescript' || document.language === 'javascript') {
    // The index already holds this exact text's references (the CLI indexes every file first).
    const indexed = context.workspace?.current(document, () => context.tsTree())?.facts[IMPORTS_FACT] as ImportsFact | undefined;
    if (indexed) return indexed.map(decodeReference);
    return extractModuleReferences(document.path, document.text, () => context.tsTree());
  }
  return [];
}

/** The importer's layer memberships, or none when the config declares no architecture. */
export function ownMemberships(context: CheckContext): { architecture: ArchitectureConfig; own: LayerMembership[] } | undefined {
  const architecture = context.config.architecture;
  if (!architecture) return undefined;
  return { architecture, own: membershipsOf(architecture, context.relativePath) };
}

/** `: because…` or `.`, the tail every constraint message ends with. */
export function becauseTail(because: string | undefined): string {
  return because ? `: ${because.trim()}` : '.';
}

export function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
