// Python `import` and `from … import` statements (tree-sitter, WASM) and their resolution to files of
// the workspace or to top-level package names, for the layer and package rules. The parser is loaded
// once, asynchronously, by whoever starts the engine (`preparePythonImports`); until then Python files
// yield no references.
import * as path from 'node:path';
import type { Node } from '@vscode/tree-sitter-wasm';
import { loadGrammar, nodesOfType, withSyntaxTree } from '../../engine/grammar/index';
import type { FileSystemHost } from '../../engine/types';
import type { ModuleReference } from './imports';
import type { Resolution } from './module-resolver';

export interface PythonReference extends ModuleReference {
  /** Names taken by `from module import a, b` (a name may be a submodule). */
  names: string[];
}

/** Loads the Python grammar; safe to call more than once. Failure leaves Python files unanalysed. */
export function preparePythonImports(): Promise<void> {
  return loadGrammar('python');
}

export function pythonModuleReferences(text: string): PythonReference[] {
  // The tree is shared with the other Python rules analysing this text (withSyntaxTree keeps the last one).
  return withSyntaxTree('python', text, (root) => {
    const references: PythonReference[] = [];
    for (const node of nodesOfType(root, ['import_statement', 'import_from_statement'])) {
      if (node?.type === 'import_statement') {
        for (const child of node.namedChildren) {
          const name = child?.type === 'aliased_import' ? child.childForFieldName('name') : child;
          if (name?.type === 'dotted_name') references.push(reference(name, name.text, []));
        }
      } else if (node) {
        const module = node.childForFieldName('module_name');
        if (!module) continue;
        const names = node.childrenForFieldName('name').map((n) => (n?.type === 'aliased_import' ? n.childForFieldName('name')?.text : n?.text)).filter((n): n is string => !!n);
        references.push(reference(module, module.text.replace(/\s+/g, ''), names));
      }
    }
    return references;
  }) ?? [];
}

/** web-tree-sitter parses JavaScript strings as UTF-16, so its indices are the engine's offsets. */
function reference(node: Node, specifier: string, names: string[]): PythonReference {
  return { specifier, start: node.startIndex, end: node.endIndex, kind: 'import', typeOnly: false, names };
}

/**
 * A Python import as a file of the workspace (relative imports from the importing file's package;
 * absolute ones from the config folder or its `src/`), or as a top-level package name.
 */
export function resolvePythonImport(fromFile: string, reference: PythonReference, roots: string[], host: FileSystemHost): Resolution {
  const dots = /^\.*/.exec(reference.specifier)![0].length;
  const parts = reference.specifier.slice(dots).split('.').filter(Boolean);
  if (dots > 0) {
    let base = path.dirname(fromFile);
    for (let i = 1; i < dots; i++) base = path.dirname(base);
    const file = moduleFile(path.join(base, ...parts), reference.names, host);
    return file ? { kind: 'file', path: file } : { kind: 'unresolved', reason: 'no module file matches this relative import', expectedPath: path.join(base, ...parts) };
  }
  for (const root of roots) {
    const file = moduleFile(path.join(root, ...parts), reference.names, host);
    if (file) return { kind: 'file', path: file };
  }
  return { kind: 'package', package: { name: parts[0] ?? reference.specifier, subpath: parts.length > 1 ? '/' + parts.slice(1).join('/') : '', builtin: false } };
}

/** `pkg/mod.py` or `pkg/mod/__init__.py`; for `from pkg import sub`, the submodule when there is one. */
function moduleFile(base: string, names: string[], host: FileSystemHost): string | undefined {
  for (const name of names) {
    const submodule = asModule(path.join(base, name), host);
    if (submodule) return submodule;
  }
  return asModule(base, host);
}

function asModule(base: string, host: FileSystemHost): string | undefined {
  for (const candidate of [base + '.py', base + '.pyi', path.join(base, '__init__.py')]) if (host.fileExists(candidate)) return candidate;
  return undefined;
}
