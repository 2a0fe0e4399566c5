// The one way failure rules reach a Python syntax tree, through the shared grammar interface
// (engine/grammar). The parser is loaded by whoever starts the engine; until it is, Python files yield
// no failure findings.
import { parserFor, type SyntaxTree } from '../../../engine/grammar/index';

/** Parses Python text, or undefined when the parser is not loaded. The caller must `delete()` the tree. */
export function parsePython(text: string): SyntaxTree | undefined {
  return parserFor('python')?.parse(text) ?? undefined;
}
