// Terraform and HCL: which block an assignment sits in. A provider's credentials are written under its
// block (`provider "aws" { secret_key = "…" }`), so the block's label names the provider the attribute
// name leaves out.

// A block header: `provider "aws" {`, `resource "aws_db_instance" "main" {`, `backend "s3" {`.
const BLOCK_HEADER = /^[ \t]*(?:provider|resource|data|module|backend)[ \t]+"([\w-]{1,64})"(?:[ \t]+"[^"\n]{0,128}")?[ \t]*\{/gm;
// An input variable's block: `variable "db_password" {`, whose `default` is the variable's value.
const VARIABLE_HEADER = /^[ \t]*variable[ \t]+"([\w-]{1,64})"[ \t]*\{/gm;

/** A block a header opens: from its brace to the one closing it. */
interface Block {
  header: RegExpMatchArray;
  start: number;
  end: number;
}

/** For an HCL text, the label of the innermost labelled block holding an offset (undefined outside any). */
export function hclBlockLabels(text: string): (offset: number) => string | undefined {
  return labelsOf(text, BLOCK_HEADER);
}

/**
 * For an HCL text, the name of the input variable whose block holds an offset: `variable "db_password" {
 * default = "…" }` is the password's default value, named by the variable.
 */
export function hclVariableNames(text: string): (offset: number) => string | undefined {
  return text.includes('variable') ? labelsOf(text, VARIABLE_HEADER) : () => undefined;
}

// Any block header, top-level or nested: its type and its labels (`resource "aws_db_instance" "main" {`,
// `terraform {`, `lifecycle {`).
const ANY_HEADER = /^[ \t]*([A-Za-z_][\w-]{0,63})((?:[ \t]+"[^"\n]{0,128}")*)[ \t]*\{/gm;

export interface HclBlock {
  type: string;
  labels: string[];
}

/** For an HCL text, the blocks holding an offset, outermost first (none outside any block). */
export function hclEnclosingBlocks(text: string, offset: number): HclBlock[] {
  return blocksOf(text, ANY_HEADER, offset)
    .filter((block) => offset < block.end)
    .map(({ header }) => ({ type: header[1], labels: [...header[2].matchAll(/"([^"]*)"/g)].map((label) => label[1]) }));
}

function labelsOf(text: string, headers: RegExp): (offset: number) => string | undefined {
  const blocks = blocksOf(text, headers);
  return (offset) => {
    let inner: Block | undefined;
    for (const block of blocks) if (block.start < offset && offset < block.end && (!inner || block.start > inner.start)) inner = block;
    return inner?.header[1];
  };
}

/** The blocks `headers` open that start before `before`, in the order they start. */
function blocksOf(text: string, headers: RegExp, before = text.length): Block[] {
  const blocks: Block[] = [];
  for (const header of text.matchAll(headers)) {
    const start = header.index! + header[0].length - 1;
    if (start >= before) break;
    blocks.push({ header, start, end: closingBrace(text, start) });
  }
  return blocks;
}

/** The offset of the brace closing the one at `open` (strings and `#`/`//` comments skipped), or the text's end. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      const lineEnd = text.indexOf('\n', i);
      i = lineEnd < 0 ? text.length : lineEnd;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return text.length;
}
