// Cross-file coroutines for Python: a summarizer records each module's top-level coroutine functions in
// the workspace index, and the lookup answers, for an import of the analysed file, whether the name it
// takes is one (reading the target module on demand when there is no index: a lone file, a test).
import * as path from 'node:path';
import type { Summarizer } from '../../../engine/workspace/index';
import type { CheckContext } from '../../../engine/types';
import { resolvePythonImport, type PythonReference } from '../../architecture/python-imports';
import { pythonCoroutineExports, type ImportedCoroutine } from './floating-coroutines';
import { ON_DEMAND_FILES, RecentMap } from '../../../engine/recent-map';

export const PYTHON_COROUTINES_FACT = 'failure/python-coroutines';

export const pythonCoroutinesSummarizer: Summarizer<string[]> = {
  key: PYTHON_COROUTINES_FACT,
  languages: ['python'],
  usedBy: ['failure/floating-promise', 'failure/async-callback'],
  summarize: (document) => pythonCoroutineExports(document.text),
};

// Modules read on demand, the most recent only (see RecentMap): a lone analysis reads a few imports each.
const onDemand = new RecentMap<string, { text: string; names: string[] }>(ON_DEMAND_FILES);

/**
 * Resolves imports the way the architecture family does (relative, then from the config folder and its
 * `src/`), and then from each folder between the config folder and the file: a Python project in a
 * folder of a repository (`backend/app/…` importing `app.mailer`) has its own import root there.
 */
export function importedCoroutineLookup(context: CheckContext): ImportedCoroutine {
  const roots = [context.configDir, path.join(context.configDir, 'src')];
  const between = path.relative(context.configDir, path.dirname(context.document.path));
  if (between && !between.startsWith('..') && !path.isAbsolute(between)) {
    let dir = context.configDir;
    for (const part of between.split(path.sep)) roots.push((dir = path.join(dir, part)));
  }
  // A file calls into the same modules again and again: resolve each import once.
  const resolved = new Map<string, string | undefined>();
  return (specifier, names, name) => {
    const key = `${specifier} ${names.join(',')}`;
    if (!resolved.has(key)) {
      const reference: PythonReference = { specifier, names, start: 0, end: 0, kind: 'import', typeOnly: false };
      const resolution = resolvePythonImport(context.document.path, reference, roots, context.host);
      resolved.set(key, resolution.kind === 'file' && resolution.path !== context.document.path ? resolution.path : undefined);
    }
    const file = resolved.get(key);
    if (!file) return false;
    // `from app import mailer` reaching app/mailer.py: the name is a module, not a function.
    if (names.length === 1 && (path.basename(file, path.extname(file)) === names[0] || file.endsWith(`${path.sep}${names[0]}${path.sep}__init__.py`))) return 'module';
    return coroutinesOf(context, file).includes(name);
  };
}

function coroutinesOf(context: CheckContext, file: string): string[] {
  const indexed = context.workspace?.facts<string[]>(file, PYTHON_COROUTINES_FACT);
  if (indexed) return indexed;
  const text = context.host.readFile(file);
  if (text === undefined) return [];
  const cached = onDemand.get(file);
  if (cached?.text === text) return cached.names;
  const names = pythonCoroutineExports(text);
  onDemand.set(file, { text, names });
  return names;
}
