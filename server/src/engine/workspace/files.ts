// Which files a CLI run looks at: the paths given (files as pre-commit passes them, or folders walked
// recursively), minus .git, node_modules, Python virtual environments and whatever .gitignore files from
// the repository root down say.
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface FileWalk {
  files: string[];
  /** Paths given on the command line that do not exist. */
  missing: string[];
}

export function collectFiles(inputs: string[]): FileWalk {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(input);
      continue;
    }
    if (stat.isFile()) files.add(absolute);
    else if (stat.isDirectory()) walk(absolute, gitIgnoreChain(absolute), files, true);
  }
  return { files: [...files].sort(), missing };
}

interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

function walk(dir: string, layers: IgnoreLayer[], out: Set<string>, given = false): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing to scan there
  }
  // What the folder holds is known from its listing: no further system call per folder to ask.
  const names = new Set(entries.map((entry) => entry.name));
  // A Python virtual environment (PEP 405 puts pyvenv.cfg at its root) holds installed packages, not the
  // project's code: thousands of files when a `venv/` is not in .gitignore. Not skipped when it is the
  // folder asked for.
  if (!given && names.has(VIRTUAL_ENV_MARKER)) return;
  // A repository root's .git/info/exclude applies like its .gitignore (gitIgnoreChain only covers the
  // folders above the walk's start, so a walk from the root itself would miss it otherwise).
  const own = [names.has('.git') ? readIgnoreFile(dir, path.join(dir, '.git', 'info', 'exclude')) : undefined, names.has('.gitignore') ? readGitIgnore(dir) : undefined].filter((layer): layer is IgnoreLayer => !!layer);
  const active = own.length > 0 ? [...layers, ...own] : layers;
  for (const entry of entries) {
    if (entry.isDirectory() && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (isGitIgnored(active, full, entry.isDirectory())) continue;
    if (entry.isDirectory()) walk(full, active, out);
    else if (entry.isFile()) out.add(full);
  }
}

const VIRTUAL_ENV_MARKER = 'pyvenv.cfg';

/** .gitignore rules that apply to a folder from above it: every .gitignore from the repository root down. */
function gitIgnoreChain(dir: string): IgnoreLayer[] {
  const chain: string[] = [];
  let current = path.dirname(dir);
  for (;;) {
    chain.unshift(current);
    if (fs.existsSync(path.join(current, '.git'))) break;
    const parent = path.dirname(current);
    if (parent === current) return []; // not in a repository: only the folder's own .gitignore files apply
    current = parent;
  }
  const layers: IgnoreLayer[] = [];
  for (const folder of chain) {
    // .git/info/exclude ranks below the .gitignore files (only the root has one).
    const exclude = readIgnoreFile(folder, path.join(folder, '.git', 'info', 'exclude'));
    if (exclude) layers.push(exclude);
    const layer = readGitIgnore(folder);
    if (layer) layers.push(layer);
  }
  return layers;
}

function readGitIgnore(dir: string): IgnoreLayer | undefined {
  return readIgnoreFile(dir, path.join(dir, '.gitignore'));
}

function readIgnoreFile(base: string, file: string): IgnoreLayer | undefined {
  try {
    return { base, rules: ignore().add(fs.readFileSync(file, 'utf8')) };
  } catch {
    return undefined;
  }
}

/**
 * Git's answer for one path: the layers go from the lowest precedence (.git/info/exclude, then the
 * root's .gitignore) to the highest (the deepest folder's), and the last layer with a matching pattern
 * decides, so `!keep.log` in a subfolder re-includes what `*.log` at the root excluded. (A file under an
 * excluded folder is never reached: the walk does not enter the folder, as git does not.)
 */
function isGitIgnored(layers: IgnoreLayer[], full: string, isDir: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const relative = path.relative(layer.base, full).split(path.sep).join('/');
    if (!relative || relative.startsWith('..')) continue;
    const verdict = layer.rules.test(isDir ? relative + '/' : relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

const BINARY_SNIFF_BYTES = 8000;

export type ReadOutcome = { text: string } | { skipped: 'binary' | 'too-large' | 'unreadable' };

// Files are read into a buffer kept for the next file (up to this size): a fresh buffer per file cost
// more than the reading (new memory for every file; measured ~50 ms of 300 on 22 MB of source). There
// are two: readSourceFile decodes its bytes at once, so a read it makes while a file read by
// readSourceBytes is being analysed (the workspace index reading a project file) cannot overwrite them.
const POOL_MAX_BYTES = 4 * 1024 * 1024;
interface ReadPool {
  buffer?: Buffer;
}
const textPool: ReadPool = {};
const bytesPool: ReadPool = {};
/** latin1View's copy of the bytes it changes. */
const viewPool: ReadPool = {};

/** Reads a file as UTF-8 unless it is binary (a NUL byte near the start, as git decides) or too large. */
export function readSourceFile(file: string, maxBytes: number): ReadOutcome {
  const read = readInto(textPool, file, maxBytes);
  return 'skipped' in read ? read : { text: decodeUtf8(read.bytes) };
}

/** UTF-8 bytes as text; ASCII read as Latin-1, which gives the same string a little faster. */
export function decodeUtf8(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * A file's bytes unless it is binary or too large, in a buffer shared by every call: valid until the
 * next call (readSourceFile does not touch it).
 */
export function readSourceBytes(file: string, maxBytes: number): { bytes: Buffer } | { skipped: 'binary' | 'too-large' | 'unreadable' } {
  return readInto(bytesPool, file, maxBytes);
}

function readInto(pool: ReadPool, file: string, maxBytes: number): { bytes: Buffer } | { skipped: 'binary' | 'too-large' | 'unreadable' } {
  let buffer: Buffer;
  try {
    buffer = readBytes(pool, file, maxBytes);
  } catch (error) {
    return error === TOO_LARGE ? { skipped: 'too-large' } : { skipped: 'unreadable' };
  }
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { skipped: 'binary' };
  return { bytes: buffer };
}

/**
 * A non-ASCII UTF-8 text's bytes read as Latin-1 characters, for checks that look for ASCII patterns
 * only (`Check.asciiPatterns`), or undefined when the bytes cannot stand in for the text. Decoding
 * UTF-8 into a two-byte string costs three times reading Latin-1 (measured on effect's 68 non-ASCII
 * files, 10.8 MB: 200 ms against 60 ms), more than scanning it for secrets.
 * Each non-ASCII character becomes two to four characters from U+0080–U+00FF, none of which is a word
 * character for a regex without the `u` flag, nor folds to ASCII under `i`. What regexes see differently
 * is taken care of:
 * - U+00A0, a blank to `\s`, is also a byte inside many characters (`à` is C3 A0): it reads as U+00A1;
 * - the Unicode spaces (`\s` matches them: NBSP, U+2000–U+200A, the ideographic space, a byte-order
 *   mark…) read as one ASCII space per byte, still blanks (and now also spaces to `[ \t]`, which can only
 *   find more);
 * - a text holding a line or paragraph separator, which ends a line for `.`, `^` and `$` but not for
 *   the checks' own line counting, is not read this way.
 */
export function latin1View(bytes: Buffer): string | undefined {
  if (isAscii(bytes) || bytes.includes(LINE_SEPARATOR) || bytes.includes(PARAGRAPH_SEPARATOR)) return undefined;
  // The changes are made to the bytes, in a copy (the caller decodes `bytes` again when this view finds
  // something), and the text is built once: replacing in the Latin-1 string built two more strings of
  // the file's size, the second one in pieces that the next search joined again (measured on effect's
  // 10.8 MB of non-ASCII source: 95 ms against 60 ms for the one string; the CLI's run mostly spends
  // fresh memory here, and the kernel charges for every new page).
  let edited: Buffer | undefined;
  const edit = () => (edited ??= copyToPool(viewPool, bytes));
  // Spaces first: the A0 of a no-break space (C2 A0) reads as a blank, not as U+00A1. No two sequences
  // overlap (none ends with a byte another starts with), so each is replaced wherever it occurs.
  for (const sequence of FIXED_UNICODE_SPACES) {
    for (let at = bytes.indexOf(sequence); at >= 0; at = bytes.indexOf(sequence, at + sequence.length)) edit().fill(SPACE, at, at + sequence.length);
  }
  for (let at = bytes.indexOf(GENERAL_PUNCTUATION); at >= 0; at = bytes.indexOf(GENERAL_PUNCTUATION, at + 2)) {
    const third = bytes[at + 2];
    if ((third >= 0x80 && third <= 0x8a) || third === 0xaf) edit().fill(SPACE, at, at + 3);
  }
  for (let at = (edited ?? bytes).indexOf(NO_BREAK_SPACE); at >= 0; at = (edited ?? bytes).indexOf(NO_BREAK_SPACE, at + 1)) edit()[at] = INVERTED_EXCLAMATION;
  return (edited ?? bytes).toString('latin1');
}

const SPACE = 0x20;
/** U+00A0 as a Latin-1 character: a blank to `\s`, and a byte inside many UTF-8 characters (`à` is C3 A0). */
const NO_BREAK_SPACE = 0xa0;
/** U+00A1, which no pattern matches as a blank. */
const INVERTED_EXCLAMATION = 0xa1;

/** A copy of `bytes` in the pool's buffer when they fit (valid until the pool's next use), else in a buffer of its own. */
function copyToPool(pool: ReadPool, bytes: Buffer): Buffer {
  if (bytes.length > POOL_MAX_BYTES) return Buffer.from(bytes);
  const buffer = pooledBuffer(pool, bytes.length);
  bytes.copy(buffer);
  return buffer.subarray(0, bytes.length);
}

/** The pool's buffer, grown to hold `size` bytes (at most POOL_MAX_BYTES). */
function pooledBuffer(pool: ReadPool, size: number): Buffer {
  if (!pool.buffer || pool.buffer.length < size) pool.buffer = Buffer.allocUnsafe(Math.min(POOL_MAX_BYTES, Math.max(size, 256 * 1024)));
  return pool.buffer;
}

/**
 * Whether the text these UTF-8 bytes decode to is longer than `limit` UTF-16 code units (JavaScript's
 * string length), counting only as far as it takes to know: every byte but a continuation byte
 * (10xxxxxx) starts a character, and a byte that does not fit a valid sequence still decodes to
 * U+FFFD, so each counts at least one.
 */
export function utf16LongerThan(bytes: Uint8Array, limit: number): boolean {
  if (bytes.length <= limit) return false;
  let length = 0;
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] & 0xc0) !== 0x80 && ++length > limit) return true;
  return false;
}

const LINE_SEPARATOR = Buffer.from([0xe2, 0x80, 0xa8]);
const PARAGRAPH_SEPARATOR = Buffer.from([0xe2, 0x80, 0xa9]);
// The UTF-8 bytes of the characters besides ASCII that `\s` matches: U+00A0, U+1680, U+2000–U+200A,
// U+202F, U+205F, U+3000, U+FEFF. Listed here are all but U+2000–U+200A and U+202F, which share the lead
// bytes E2 80 (GENERAL_PUNCTUATION) with common punctuation (’ “ ” … —).
const FIXED_UNICODE_SPACES = [[0xc2, 0xa0], [0xe1, 0x9a, 0x80], [0xe2, 0x81, 0x9f], [0xe3, 0x80, 0x80], [0xef, 0xbb, 0xbf]].map((sequence) => Buffer.from(sequence));
const GENERAL_PUNCTUATION = Buffer.from([0xe2, 0x80]);

const TOO_LARGE = Symbol('too large');

/** The file's bytes, in the pool's buffer when they fit (valid until the pool's next read). */
function readBytes(pool: ReadPool, file: string, maxBytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) throw TOO_LARGE;
    // Size 0: maybe not a regular file (a pipe, /proc); read it to its end.
    if (size === 0 || size > POOL_MAX_BYTES) return fs.readFileSync(fd);
    const buffer = pooledBuffer(pool, size);
    let length = 0;
    while (length < size) {
      const read = fs.readSync(fd, buffer, length, size - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Answers "does git ignore this path?" from the .gitignore files between the repository root and the
 * path (and .git/info/exclude), without running git. Rule sets are read once per folder and cached.
 */
export class GitIgnoreOracle {
  private readonly layersByDir = new Map<string, IgnoreLayer[]>();
  /** Whether a folder holds `.git`: asked for every folder above every file. */
  private readonly repositoryRoots = new Map<string, boolean>();
  /** Whether a folder, or one on the way down to it from its repository's root, is ignored: asked for every file in it. */
  private readonly ignoredFolders = new Map<string, boolean>();

  /** Forget what was read: a .gitignore changed. */
  reset(): void {
    this.layersByDir.clear();
    this.repositoryRoots.clear();
    this.ignoredFolders.clear();
  }

  private isRepositoryRoot(dir: string): boolean {
    let root = this.repositoryRoots.get(dir);
    if (root === undefined) this.repositoryRoots.set(dir, (root = fs.existsSync(path.join(dir, '.git'))));
    return root;
  }

  ignores(absolutePath: string): boolean {
    // A path is ignored when it, or any folder on the way to it from the repository's root, is ignored
    // by the rules above it. The folders' answers are kept: a tree's files share them (on the JDK's
    // 15,000 sources, asking again for every folder of every path took a tenth of the secrets pass).
    const parent = path.dirname(absolutePath);
    if (parent === absolutePath) return false;
    return this.folderIgnored(parent) || isGitIgnored(this.layersFor(parent), absolutePath, false);
  }

  private folderIgnored(dir: string): boolean {
    let ignored = this.ignoredFolders.get(dir);
    if (ignored !== undefined) return ignored;
    const parent = path.dirname(dir);
    ignored = parent !== dir && !this.isRepositoryRoot(dir) && (this.folderIgnored(parent) || isGitIgnored(this.layersFor(parent), dir, true));
    this.ignoredFolders.set(dir, ignored);
    return ignored;
  }

  private layersFor(dir: string): IgnoreLayer[] {
    let layers = this.layersByDir.get(dir);
    if (layers) return layers;
    const own = [readGitIgnore(dir)];
    if (this.isRepositoryRoot(dir)) {
      // .git/info/exclude ranks below the root's .gitignore (see isGitIgnored).
      own.unshift(readIgnoreFile(dir, path.join(dir, '.git', 'info', 'exclude')));
      layers = own.filter((l): l is IgnoreLayer => !!l);
    } else {
      const parent = path.dirname(dir);
      const inherited = parent === dir ? [] : this.layersFor(parent);
      layers = own[0] ? [...inherited, own[0]] : inherited;
    }
    this.layersByDir.set(dir, layers);
    return layers;
  }
}
