// Cross-file answers for promise inference: a module specifier is resolved the way the architecture
// family resolves imports, and the target file's async exports are read from the workspace index (or,
// for a lone analysis without an index, summarised from the file on demand).
import { parseScript } from '../../../engine/parse-ts';
import { languageOf } from '../../../engine/language';
import type { CheckContext, FileSystemHost } from '../../../engine/types';
import { resolverFor } from '../../architecture/module-resolver';
import { ASYNC_EXPORTS_FACT, summarizeAsyncExports, type AsyncExportsFact } from '../async-exports';
import { isKnownModulePromise } from './promise-apis';
import type { ExternalLookup } from './promise-inference';
import { ON_DEMAND_FILES, RecentMap } from '../../../engine/recent-map';

const MAX_HOPS = 12;

/** The workspace file an import names, or undefined for a package, a builtin or an unresolved path. */
export function resolveModuleFile(host: FileSystemHost, fromFile: string, specifier: string): string | undefined {
  const resolution = resolverFor(host).resolve(fromFile, specifier);
  return resolution.kind === 'file' && isScript(resolution.path) ? resolution.path : undefined;
}

function isScript(file: string): boolean {
  const language = languageOf(file);
  return (language === 'typescript' || language === 'javascript') && !file.endsWith('.json');
}

// Files read on demand, the most recent only (see RecentMap): a lone analysis reads a few imports each.
const onDemand = new RecentMap<string, { text: string; fact: AsyncExportsFact }>(ON_DEMAND_FILES);

function factsOf(context: CheckContext, file: string): AsyncExportsFact | undefined {
  const indexed = context.workspace?.facts<AsyncExportsFact>(file, ASYNC_EXPORTS_FACT);
  if (indexed) return indexed;
  const text = context.host.readFile(file);
  if (text === undefined) return undefined;
  const cached = onDemand.get(file);
  if (cached?.text === text) return cached.fact;
  const fact = summarizeAsyncExports(parseScript(file, text));
  onDemand.set(file, { text, fact });
  return fact;
}

/**
 * Follows a module path through the workspace to the file that defines it: `probe` is asked about each
 * file the path reaches (its facts, and the path's key there), through re-exports (`export … from`,
 * `export *`) and, with `throughWrappers`, through wrappers around an import (`deps`).
 */
function follow<T>(context: CheckContext, probe: (fact: AsyncExportsFact, key: string) => T | undefined, options: { throughWrappers: boolean; known?: (specifier: string, key: string) => T | undefined }): (specifier: string, key: string) => T | undefined {
  const lookup = (fromFile: string, specifier: string, key: string, hops: number, seen: Set<string>): T | undefined => {
    // A known API ends the path here: a promise, or (false) nothing, and the search goes on elsewhere.
    const known = options.known?.(specifier, key);
    if (known !== undefined) return known === false ? undefined : known;
    if (hops > MAX_HOPS) return undefined;
    const file = resolveModuleFile(context.host, fromFile, specifier);
    if (!file) return undefined;
    const visit = `${file}\u0000${key}`;
    if (seen.has(visit)) return undefined;
    seen.add(visit);
    const fact = factsOf(context, file);
    if (!fact) return undefined;
    const keys = key.startsWith('.default') ? [key, key.slice('.default'.length)] : [key];
    for (const candidate of keys) {
      const here = probe(fact, candidate);
      if (here !== undefined) return here;
      if (options.throughWrappers) {
        for (const [dependent, from, path] of fact.deps) {
          if (dependent !== candidate) continue;
          const found = lookup(file, from, path, hops + 1, seen);
          if (found !== undefined) return found;
        }
      }
      for (const [name, from, path] of fact.reexports) {
        let found: T | undefined;
        if (name === '*') {
          if (candidate !== '.default' && !candidate.startsWith('.default.') && !candidate.startsWith('.default(')) found = lookup(file, from, candidate, hops + 1, seen);
        } else {
          const head = `.${name}`;
          if (candidate === head || candidate.startsWith(`${head}.`) || candidate.startsWith(`${head}(`)) found = lookup(file, from, path + candidate.slice(head.length), hops + 1, seen);
        }
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return (specifier, key) => lookup(context.document.path, specifier, key, 0, new Set());
}

/** The lookup promise inference uses for the modules of the analysed document. */
export function workspaceLookup(context: CheckContext): ExternalLookup {
  const answers = new Map<string, boolean>();
  // A known API (`export { default as fetch } from "node-fetch"`) answers wherever the path reaches it.
  const find = follow(context, (fact, key) => (fact.promise.includes(key) ? true : undefined), { throughWrappers: true, known: isKnownModulePromise });
  return (specifier, key) => {
    const id = `${specifier}\u0000${key}`;
    let answer = answers.get(id);
    if (answer === undefined) answers.set(id, (answer = find(specifier, key) ?? false));
    return answer;
  };
}

/** What another file of the workspace says of a function it exports that gives a promise: see AsyncExportsFact. */
export interface ExportedFunction {
  /** Its promise cannot reject. */
  safe: boolean;
  /** Argument positions of a callback whose absence alone makes it return a promise. */
  callbackParameters: number[];
}

/** Where a module path that gives a promise is defined in the workspace, what its function is: see ExportedFunction. */
export function exportedFunctionLookup(context: CheckContext): (specifier: string, key: string) => ExportedFunction | undefined {
  return follow<ExportedFunction>(
    context,
    (fact, key) => {
      if (!fact.promise.includes(key)) return undefined;
      return { safe: fact.safe?.includes(key) ?? false, callbackParameters: (fact.callbackForm ?? []).filter(([at]) => at === key).map(([, index]) => index) };
    },
    { throughWrappers: false },
  );
}
