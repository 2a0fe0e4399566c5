// The "suppress with reason" edit: where the directive line goes, how it is indented, and when it is
// refused because a new line would change the program.
import * as assert from 'node:assert/strict';
import { suppressionEdit } from '../../../server/src/engine/suppression-edit';

const RULE = 'secrets/private-key';

/** The text after applying the edit, or the refusal. */
function apply(file: string, text: string, line: number, reason = 'test key'): string {
  const edit = suppressionEdit(file, text, line, RULE, reason);
  if ('refused' in edit) return `refused: ${edit.refused}`;
  return text.slice(0, edit.offset) + edit.text + text.slice(edit.offset);
}

describe('suppression edit', () => {
  it('inserts the directive above the line, with its indentation (spaces or tabs)', () => {
    assert.equal(apply('/w/a.ts', 'f();\n  g();\n\th();\n', 1), `f();\n  // shipshape-ignore-next-line ${RULE} -- test key\n  g();\n\th();\n`);
    assert.equal(apply('/w/a.ts', 'f();\n  g();\n\th();\n', 2), `f();\n  g();\n\t// shipshape-ignore-next-line ${RULE} -- test key\n\th();\n`);
    assert.equal(apply('/w/a.ts', 'f(); // x\n', 0), `// shipshape-ignore-next-line ${RULE} -- test key\nf(); // x\n`);
    // Only the line's own leading whitespace counts, not spaces later on it.
    assert.equal(apply('/w/a.py', 'x = 1  \n', 0), `# shipshape-ignore-next-line ${RULE} -- test key\nx = 1  \n`);
    // The last line, without a newline at the end.
    assert.equal(apply('/w/a.ts', 'a();\n    b()', 1), `a();\n    // shipshape-ignore-next-line ${RULE} -- test key\n    b()`);
  });

  it('refuses with a reason the user can act on', () => {
    assert.equal(apply('/w/a.json', '{"a": 1}\n', 0), 'refused: this file format has no comments; use `ignore:` in shipshape.yml or the baseline');
    assert.equal(apply('/w/a.ts', 'x();\n', 0, ' \t'), 'refused: a suppression needs a reason');
    assert.equal(apply('/w/a.ts', 'x();\n', 2), 'refused: line out of range');
    assert.equal(apply('/w/a.ts', 'x();\n', -1), 'refused: line out of range');
    // lineCount of 'x();\n' is 2 (the empty last line): inserting there is allowed.
    assert.equal(apply('/w/a.ts', 'x();\n', 1), `x();\n// shipshape-ignore-next-line ${RULE} -- test key\n`);
    assert.equal(apply('/w/a.ts', 'const k = `\nline\n`;\n', 1), 'refused: the line is inside a multi-line string; a comment there would change the string');
    assert.equal(apply('/w/a.yml', 'key: |\n  abc\n', 1), 'refused: the line is inside a YAML block scalar; a comment there would change the value');
  });

  it('knows where multi-line literals start and end in scripts', () => {
    const refused = (text: string, line: number) => apply('/w/a.tsx', text, line).startsWith('refused');
    // Inside a template, on its continuation lines and its last line.
    assert.equal(refused('const k = `a\nb\nc`;\n', 1), true);
    assert.equal(refused('const k = `a\nb\nc`;\n', 2), true);
    // A template that starts on the line itself, and the line right after it ends.
    assert.equal(refused('const k = `a\nb`;\nnext();\n', 0), false);
    assert.equal(refused('const k = `a\nb`;\nnext();\n', 2), false);
    // Template heads and tails with substitutions.
    assert.equal(refused('const k = `a${x}\nb${y}c\n`;\n', 1), true);
    // A string continued with a backslash.
    assert.equal(refused('const s = "a\\\nb";\n', 1), true);
    // JSX text spanning lines.
    assert.equal(refused('const e = <p>\n  hello\n  world</p>;\n', 2), true);
    // Nested in a function: still found.
    assert.equal(refused('function f() {\n  return g(`x\ny`);\n}\n', 2), true);
    assert.equal(refused('function f() {\n  return g(`x\ny`);\n}\nz();\n', 3), false);
    // An ordinary string on the line does not refuse.
    assert.equal(refused('f("a");\ng("b");\n', 1), false);
  });

  it('knows YAML block scalars from ordinary nested keys', () => {
    const refused = (text: string, line: number) => apply('/w/c.yaml', text, line).startsWith('refused');
    for (const header of ['|', '>', '|-', '>+', '|2', '| # note']) assert.equal(refused(`key: ${header}\n  text\n`, 1), true, header);
    // Blank lines between the header and the line are skipped.
    assert.equal(refused('key: |\n  a\n\n  b\n', 3), true);
    assert.equal(refused('key: |\n  a\n   \n  b\n', 3), true);
    // Deeper lines in the scalar look up to the header, not the first less-indented text line.
    assert.equal(refused('key: |\n  a\n    b\n', 2), true);
    assert.equal(refused('key: >-\n  a\n      b\n    c\n', 3), true);
    // Nested mappings are walked up to the top without finding a header.
    assert.equal(refused('a:\n  b:\n    c: d\n', 2), false);
    assert.equal(refused('a: |\n  x\nb:\n  c: d\n', 3), false);
    // A sibling at the same indentation is not in the scalar.
    assert.equal(refused('a: |\n  x\nb: 1\n', 2), false);
    assert.equal(refused('a:\n  b: c\n', 1), false);
    assert.equal(refused('a: "|"x\n  b: c\n', 1), false);
    assert.equal(refused('a: x|y\n  b: c\n', 1), false);
    // A `|` earlier on the header line only counts at its end.
    assert.equal(refused('a: | b\n  c\n', 1), false);
    // Top-level lines have nothing above them to be inside of.
    assert.equal(refused('a: |\nb: 1\n', 1), false);
    // CRLF files: the header is recognised and the directive ends with CRLF.
    assert.equal(refused('key: |\r\n  text\r\n', 1), true);
    assert.equal(apply('/w/c.yaml', 'a:\r\n  b: c\r\n', 1), `a:\r\n  # shipshape-ignore-next-line ${RULE} -- test key\r\n  b: c\r\n`);
  });
});
