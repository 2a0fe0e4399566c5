// A fresh Python syntax tree the caller owns and frees (a test checking that a fix's result parses).
// Rules read trees through withSyntaxTree (engine/grammar), which shares one parse per text among them.
import { parserFor, type SyntaxTree } from '../../../engine/grammar/index';

/** Parses Python text, or undefined when the parser is not loaded. The caller must `delete()` the tree. */
export function parsePython(text: string): SyntaxTree | undefined {
  return parserFor('python')?.parse(text) ?? undefined;
}
