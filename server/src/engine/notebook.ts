// A Jupyter notebook (.ipynb) is JSON: its secrets are found in that text, but its Python lives in the
// `source` strings of its code cells, escaped. The code cells are put together into one Python script
// (the cells run in one interpreter, so a later cell uses an earlier cell's imports), with the offset in
// the JSON of every character, so that a finding in the script is reported where its code is in the
// notebook file.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';

export interface NotebookScript {
  /** The code cells, each ending with a line break; IPython's line magics (`%timeit`, `!pip`) commented out. */
  text: string;
  /** For every character of `text`, and one past its end: its offset in the notebook's JSON. */
  jsonOffsets: Int32Array;
  /** Where each code cell starts in `text`, with its place among all the notebook's cells (1-based). */
  cells: { start: number; number: number }[];
}

/** The Python script of a notebook's code cells; undefined when the JSON is not a notebook, or not a Python one. */
export function notebookScript(json: string): NotebookScript | undefined {
  const root = parseTree(json);
  if (!root || root.type !== 'object') return undefined;
  if (!isPython(root)) return undefined;
  const cells = findNodeAtLocation(root, ['cells']);
  if (!cells || cells.type !== 'array') return undefined;
  let text = '';
  const offsets: number[] = [];
  const starts: NotebookScript['cells'] = [];
  for (const [index, cell] of (cells.children ?? []).entries()) {
    if (findNodeAtLocation(cell, ['cell_type'])?.value !== 'code') continue;
    const source = findNodeAtLocation(cell, ['source']);
    const literals = source?.type === 'string' ? [source] : source?.type === 'array' ? (source.children ?? []).filter((child) => child.type === 'string') : [];
    let cellText = '';
    const cellOffsets: number[] = [];
    for (const literal of literals) {
      const value = literal.value as string;
      cellText += value;
      cellOffsets.push(...characterOffsets(json, literal, value.length));
    }
    // A cell magic (`%%bash`, `%%sql`) makes the whole cell another language.
    if (cellText.length === 0 || /^\s*%%/.test(cellText)) continue;
    const end = literals.length > 0 ? literals[literals.length - 1].offset + literals[literals.length - 1].length - 1 : cell.offset;
    if (!cellText.endsWith('\n')) {
      cellText += '\n';
      cellOffsets.push(end);
    }
    starts.push({ start: text.length, number: index + 1 });
    text += withoutLineMagics(cellText);
    offsets.push(...cellOffsets);
  }
  if (text.length === 0) return undefined;
  offsets.push(offsets[offsets.length - 1]);
  return { text, jsonOffsets: Int32Array.from(offsets), cells: starts };
}

/** `(cell 3, line 2)`: where an offset of the script is in the notebook as Jupyter shows it (both 1-based). */
export function cellNote(script: NotebookScript, offset: number): string {
  let found = script.cells[0];
  for (const cell of script.cells) if (cell.start <= offset) found = cell;
  let line = 1;
  for (let i = found.start; i < offset; i++) if (script.text.charCodeAt(i) === 10) line++;
  return `(cell ${found.number}, line ${line})`;
}

/** The offset in the script of the character at a JSON offset, when that is a character of a code cell (not an output, not metadata). */
export function scriptOffsetOf(script: NotebookScript, jsonOffset: number): number | undefined {
  const offsets = script.jsonOffsets;
  let low = 0;
  let high = script.text.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < jsonOffset) low = middle + 1;
    else high = middle - 1;
  }
  return low < script.text.length && offsets[low] === jsonOffset ? low : undefined;
}

/** A notebook whose kernel is Python, or that does not say (Jupyter's default). */
function isPython(root: Node): boolean {
  const language = findNodeAtLocation(root, ['metadata', 'kernelspec', 'language'])?.value ?? findNodeAtLocation(root, ['metadata', 'language_info', 'name'])?.value;
  return language === undefined || (typeof language === 'string' && language.toLowerCase() === 'python');
}

/**
 * The JSON offset of each character of a string literal's value: one raw character each, an escape
 * (`\n`, `\"`) two, a `\uXXXX` six. Should the count not come out as the value's length, every character
 * is placed at the literal's start rather than somewhere wrong.
 */
function characterOffsets(json: string, literal: Node, length: number): number[] {
  const offsets: number[] = [];
  const end = literal.offset + literal.length - 1;
  for (let i = literal.offset + 1; i < end; ) {
    offsets.push(i);
    i += json[i] === '\\' ? (json[i + 1] === 'u' ? 6 : 2) : 1;
  }
  return offsets.length === length ? offsets : new Array<number>(length).fill(literal.offset);
}

/** `%matplotlib inline`, `!pip install x`: IPython, not Python. Commented out, so every position stays. */
function withoutLineMagics(cellText: string): string {
  return cellText.replace(/^([ \t]*)[%!](?=[A-Za-z!])/gm, '$1#');
}
