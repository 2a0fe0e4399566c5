// A Python module's imports as plain records, read once per tree and shared by the Python rules (each
// then keeps the names it cares about: asyncio, json, redis, the modules of a retried call…).
import type { SyntaxNode } from '../../../engine/grammar/index';
import { nodesOfType } from '../../../engine/grammar/index';

export interface PythonImport {
  /** `import a.b as c`: module `a.b`, local `c`; `import a.b`: local `a.b`; `from a import b as c`: module `a`, name `b`, local `c`; `from . import m`: module `.`. */
  module: string;
  name?: string;
  local: string;
  /** At the module's top level: a name bound for the whole file, not inside a function or a branch. */
  topLevel: boolean;
}

const byRoot = new WeakMap<object, PythonImport[]>();

export function pythonImports(root: SyntaxNode): PythonImport[] {
  let imports = byRoot.get(root.tree);
  if (imports) return imports;
  imports = [];
  for (const statement of nodesOfType(root, ['import_statement', 'import_from_statement'])) {
    const topLevel = statement.parent?.type === 'module';
    if (statement.type === 'import_statement') {
      for (const child of statement.namedChildren) {
        const module = child?.type === 'aliased_import' ? child.childForFieldName('name')?.text : child?.text;
        const local = child?.type === 'aliased_import' ? child.childForFieldName('alias')?.text : module;
        if (module && local) imports.push({ module, local, topLevel });
      }
      continue;
    }
    const module = statement.childForFieldName('module_name')?.text.replace(/\s+/g, '');
    if (!module) continue;
    for (const child of statement.childrenForFieldName('name')) {
      const name = child?.type === 'aliased_import' ? child.childForFieldName('name')?.text : child?.text;
      const local = child?.type === 'aliased_import' ? child.childForFieldName('alias')?.text : name;
      if (name && local) imports.push({ module, name, local, topLevel });
    }
  }
  byRoot.set(root.tree, imports);
  return imports;
}
