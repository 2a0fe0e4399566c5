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

const onDemand = new Map<string, { text: string; fact: AsyncExportsFact }>();

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

/** The lookup promise inference uses for the modules of the analysed document. */
export function workspaceLookup(context: CheckContext): ExternalLookup {
  const answers = new Map<string, boolean>();
  const lookup = (fromFile: string, specifier: string, key: string, hops: number, seen: Set<string>): boolean => {
    const known = isKnownModulePromise(specifier, key);
    if (known !== undefined) return known;
    if (hops > MAX_HOPS) return false;
    const file = resolveModuleFile(context.host, fromFile, specifier);
    if (!file) return false;
    const visit = `${file}\u0000${key}`;
    if (seen.has(visit)) return false;
    seen.add(visit);
    const fact = factsOf(context, file);
    if (!fact) return false;
    const keys = key.startsWith('.default') ? [key, key.slice('.default'.length)] : [key];
    for (const candidate of keys) {
      if (fact.promise.includes(candidate)) return true;
      for (const [dependent, from, path] of fact.deps) {
        if (dependent === candidate && lookup(file, from, path, hops + 1, seen)) return true;
      }
      for (const [name, from, path] of fact.reexports) {
        if (name === '*') {
          if (candidate !== '.default' && !candidate.startsWith('.default.') && !candidate.startsWith('.default(') && lookup(file, from, candidate, hops + 1, seen)) return true;
          continue;
        }
        const head = `.${name}`;
        if (candidate === head || candidate.startsWith(`${head}.`) || candidate.startsWith(`${head}(`)) {
          if (lookup(file, from, path + candidate.slice(head.length), hops + 1, seen)) return true;
        }
      }
    }
    return false;
  };
  return (specifier, key) => {
    const id = `${specifier}\u0000${key}`;
    let answer = answers.get(id);
    if (answer === undefined) answers.set(id, (answer = lookup(context.document.path, specifier, key, 0, new Set())));
    return answer;
  };
}
