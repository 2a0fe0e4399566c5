// A module with two try statements, and edit runs on it that TypeScript's incremental parser gets wrong
// when it builds on a broken tree (parse-ts.ts reparseScript). Found by the property test in
// test/unit/engine/incremental-parse.test.ts (seed -1700718177); shared by the engine and protocol tests.

export const TWO_TRIES = `export async function load(id: string) {
  try {
    return await fetchOrder(id);
  } catch (error) {
    throw new Error('loading failed', { cause: error });
  }
}

export function save(order: Order) {
  try {
    write(order);
  } catch {
  }
}
`;

/** An edit as the property test makes it: at `at` modulo the text's length plus one, remove `remove` characters, insert `insert`. */
export type RandomEdit = [at: number, remove: number, insert: string];

const COMMON: RandomEdit[] = [
  [777531649, 6, 'catch'], [0, 8, ')'], [1882442698, 3, '\n'], [0, 6, ' '], [0, 0, ' '], [543650851, 12, "'"],
  [333492265, 1, 'async () => {}'], [0, 1, 'async () => {}'], [417436548, 8, 'catch'], [710631314, 12, '('],
];

/** After these, the incremental tree gives the second empty catch another try statement (and fingerprint). */
export const WRONG_TREE_EDITS: RandomEdit[] = [...COMMON, [0, 9, "'"]];

/** After these, the incremental parser throws (`Debug Failure. Expected 236 <= 233`). */
export const THROWING_EDITS: RandomEdit[] = [...COMMON, [1660204444, 10, 'try {} catch {}']];

/** The text after one edit, and where the edit starts. */
export function applyRandomEdit(text: string, [at, remove, insert]: RandomEdit): { text: string; start: number; end: number } {
  const start = at % (text.length + 1);
  const end = Math.min(text.length, start + remove);
  return { text: text.slice(0, start) + insert + text.slice(end), start, end };
}
