// The one way failure rules reach a Python syntax tree. The WebAssembly parser is loaded by whoever
// starts the engine (`preparePythonImports`); until it is, Python files yield no failure findings.
// Kept to one function so the parser can move behind a shared grammar interface without touching rules.
import type { Tree } from '@vscode/tree-sitter-wasm';
import { pythonParser } from '../../architecture/python-imports';

/** Parses Python text, or undefined when the parser is not loaded. The caller must `delete()` the tree. */
export function parsePython(text: string): Tree | undefined {
  return pythonParser()?.parse(text) ?? undefined;
}
