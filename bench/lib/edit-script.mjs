// A deterministic editing session on a TypeScript file, as LSP incremental changes, alternating two
// kinds of typing at several places in the file (start, middle, end): a statement typed one character
// at a time into a function body (most intermediate states do not parse), and words typed into an
// error message string (every state parses). Each typed run is then deleted in one edit, so the text
// stays close to the original. Every step also carries the full text after it, for tools that re-read
// the whole file.
const TYPED = [
  'const retryDelayMs = Math.min(30_000, 250 * 2 ** attempt);',
  'if (!order.items.length) throw new Error("order has no items", { cause: order.id });',
  'await this.audit.record({ kind: "checkout", orderId: order.id, at: Date.now() });',
];

/** Line/character of an offset. */
function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

const spread = (offsets, count) => Array.from({ length: count }, (_, i) => offsets[Math.floor(((i + 0.5) * offsets.length) / count)]);

/** Alternately: just after `{\n` of a function body, and inside an error message string. */
function insertionPoints(text, count) {
  const bodies = spread([...text.matchAll(/\)(?:: [^{\n]+)? \{\n/g)].map((m) => m.index + m[0].length), count);
  const messages = spread([...text.matchAll(/new Error\(['"`]/g)].map((m) => m.index + m[0].length), count);
  return bodies.flatMap((body, i) => [{ at: body, typed: TYPED }, { at: messages[i], typed: WORDS }]);
}

const WORDS = ['while retrying the payment provider after the cache had expired ', 'for the second time in a row, so the circuit breaker opened ', 'because the warehouse service answered with an empty list '];

export function editScript(text, count = 200) {
  const points = insertionPoints(text, 4);
  const edits = [];
  let current = text;
  let site = 0;
  while (edits.length < count) {
    const point = points[site % points.length]; // each typed run is deleted again, so offsets in the original stay valid
    const at = point.at;
    const statement = point.typed === TYPED ? `    ${TYPED[site % TYPED.length]}\n` : WORDS[site % WORDS.length];
    for (let i = 0; i < statement.length && edits.length < count - 1; i++) {
      const position = positionAt(current, at + i);
      current = current.slice(0, at + i) + statement[i] + current.slice(at + i);
      edits.push({ change: { range: { start: position, end: position }, text: statement[i] }, text: current });
    }
    const typed = current.length - text.length;
    const start = positionAt(current, at);
    const end = positionAt(current, at + typed);
    current = current.slice(0, at) + current.slice(at + typed);
    edits.push({ change: { range: { start, end }, text: '' }, text: current });
    site++;
  }
  return edits.slice(0, count);
}
