// The secrets pass over one file: pattern rules behind a single keyword prefilter, keyed rules and
// the generic rule over the file's assignments, then overlapping finds reduced to the most specific.
import { FORM_KEYWORDS, findAssignments, type Assignment, type AssignmentForm } from './assignments';
import { insideExample, pairedName, parentKey } from './enclosing-keys';
import { CAMEL_CASE_NAME, isCredentialName, isCredentialValue, isSigningKeyName, isSigningKeyValue, isWordWithCounter, isWrittenSigningKey, nameWords } from './generic';
import { hclBlockLabels, hclVariableNames } from './hcl-blocks';
import { KEY_CALL_KEYWORDS } from './key-arguments';
import { isIdentifierWords, isPlaceholder, isUserNameNearby, valueEntropy } from './noise';
import { publishedExampleValues, type KeyedRule, type PatternRule, type SecretRule } from './rule-pack';
import { DOCUMENTATION_HOST } from './validators';

export interface SecretMatch {
  /** The rule that found it, or undefined for the generic rule. */
  rule?: SecretRule;
  start: number;
  end: number;
  value: string;
  /** The name the value was assigned to, when it was found in an assignment. */
  name?: string;
  /** The call it is passed to as a key (`jwt.sign`), when it was found there rather than in an assignment. */
  call?: string;
  /** What it is to that call, when not its key (Assignment.argument). */
  argument?: 'password';
  /** The value is the secret base64-encoded (a Kubernetes Secret's data): it has no public prefix to show. */
  encoded?: boolean;
}

export interface ScanOptions {
  /** Path relative to the project, for rules limited to some files (`paths`). */
  matchesPath(globs: string[]): boolean;
  /** A program's source (holdsCode): bare assigned values are expressions, not secrets. */
  scriptFile: boolean;
  generic: boolean;
  /** Terraform/HCL: an attribute's name is read with its block's label (`provider "aws"` + `secret_key`). */
  hcl?: boolean;
  /** A YAML file: an example block is found by its indentation too (insideExample). */
  yaml?: boolean;
  /** A format with assignments of its own (a Dockerfile's `ENV NAME value`, .netrc, .pgpass): assignmentFormOf. */
  form?: AssignmentForm;
  /** JavaScript or TypeScript: `${…}` is a template literal's expression, never a placeholder with a default. */
  templateLiterals?: boolean;
  /** Documentation (Markdown, reStructuredText, AsciiDoc, plain text, HTML): its examples show keys made up to be read, so a signing key that reads as words is not reported there. */
  prose?: boolean;
  /** The bytes `text` was decoded from (UTF-8, or read as latin1), when the reader has them: the keyword pass reads them rather than encoding the text. */
  bytes?: Uint8Array;
}

/** Compiled once per rule set: the keyword prefilter and the keyed rules by name word. */
class CompiledRules {
  readonly keywordRegex: RegExp;
  readonly rulesByKeyword = new Map<string, PatternRule[]>();
  /** Rules with a keyword too short or common to prefilter on: they run when any of their keywords occurs at all. */
  readonly alwaysRun: PatternRule[] = [];
  /** Rules whose matches start with a keyword (keywordStartsMatch): they run when one of their keywords starts a token. */
  readonly atTokenStart: PatternRule[] = [];
  /** The prefilter as one pass over the text's characters (see KeywordScanner); undefined for non-ASCII keywords. */
  readonly scanner?: KeywordScanner;
  readonly keyed: KeyedRule[];
  /** Any keyed rule's provider word, on the raw lower-cased name: a cheap test before splitting names into words. */
  readonly keyedWord: RegExp;

  constructor(rules: readonly SecretRule[]) {
    const patterns = rules.filter((r): r is PatternRule => r.kind === 'pattern');
    for (const rule of patterns) {
      if (rule.keywordStartsMatch) {
        this.atTokenStart.push(rule);
        continue;
      }
      if (rule.keywords.some((keyword) => keyword.length < 3 || COMMON_KEYWORDS.has(keyword))) {
        this.alwaysRun.push(rule);
        continue;
      }
      for (const keyword of rule.keywords) {
        const list = this.rulesByKeyword.get(keyword) ?? [];
        list.push(rule);
        this.rulesByKeyword.set(keyword, list);
      }
    }
    const escaped = [...this.rulesByKeyword.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Case-insensitive on the text itself: cheaper than lower-casing every file first.
    this.keywordRegex = new RegExp(escaped.join('|'), 'gi');
    const alternation = [...this.rulesByKeyword.keys()].sort((a, b) => b.length - a.length);
    // Also the words of the calls that take a key (key-arguments.ts) and of the rarer assignment shapes
    // (FORM_KEYWORDS): the same pass tells the assignment scan whether to look for them.
    const presence = [...new Set([...this.alwaysRun.flatMap((rule) => rule.keywords), ...KEY_CALL_KEYWORDS, ...FORM_KEYWORDS])];
    const tokenStarts = [...new Set(this.atTokenStart.flatMap((rule) => rule.keywords))];
    if ([...alternation, ...presence, ...tokenStarts].every((keyword) => /^[\x01-\x7f]+$/.test(keyword))) this.scanner = new KeywordScanner(alternation, presence, tokenStarts);
    this.keyed = rules.filter((r): r is KeyedRule => r.kind === 'keyed');
    const words = new Set(this.keyed.flatMap((rule) => rule.names.map((name) => name.replace(/^_/, '').split('_').filter(Boolean)[0] ?? '')));
    this.keyedWord = new RegExp([...words].filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  }
}

// Words that occur in most source files (`pat` in path and pattern, `://` in every URL): prefiltering on
// them costs more than it saves. Keywords under 3 characters (`sk`, `s.`) are never prefiltered either.
const COMMON_KEYWORDS = new Set(['secret', 'password', 'curl', 'live_', 'api-', 'key-', 'pat', 'pat.', 'sat.', 'eaaa', '://']);

const compiled = new WeakMap<readonly SecretRule[], CompiledRules>();

function compiledRules(rules: readonly SecretRule[]): CompiledRules {
  let rulesIndex = compiled.get(rules);
  if (!rulesIndex) compiled.set(rules, (rulesIndex = new CompiledRules(rules)));
  return rulesIndex;
}

/** The prefilter's plain form, which candidateRules must agree with: the keyword alternation, the rules by keyword, the rules gated by keyword presence, the rules gated by a keyword at a token's start. */
export function keywordPrefilter(rules: readonly SecretRule[]): { keywordRegex: RegExp; rulesByKeyword: ReadonlyMap<string, readonly PatternRule[]>; alwaysRun: readonly PatternRule[]; atTokenStart: readonly PatternRule[] } {
  const { keywordRegex, rulesByKeyword, alwaysRun, atTokenStart } = compiledRules(rules);
  return { keywordRegex: new RegExp(keywordRegex.source, keywordRegex.flags), rulesByKeyword, alwaysRun, atTokenStart };
}

export function scanForSecrets(text: string, rules: readonly SecretRule[], options: ScanOptions): SecretMatch[] {
  const rulesIndex = compiledRules(rules);
  const matches: SecretMatch[] = [];

  // Pattern rules whose keywords occur in the file.
  const filtered = prefilter(text, rules, options.bytes);
  const { keyCalls, formWords } = filtered;
  // Values of a provider's format that its validator judged made public (a Firebase app's API key):
  // the provider's rule knows its format better than the generic rule, which leaves them too.
  const judgedPublic = new Set<string>();
  for (const [rule, match] of patternRuleMatches(text, filtered, (rule) => !rule.paths || options.matchesPath(rule.paths))) matches.push(...patternMatches(rule, match, text, judgedPublic));

  // Keyed rules and the generic rule, over assignments.
  const assignments = findAssignments(text, { quotedOnly: options.scriptFile, form: options.form, placeholderDefaults: options.scriptFile && !options.templateLiterals, keyCalls, formWords });
  const blockLabelAt = options.hcl ? hclBlockLabels(text) : undefined;
  const variableAt = options.hcl ? hclVariableNames(text) : undefined;
  for (const assignment of assignments) {
    let keyed = rulesIndex.keyedWord.test(assignment.name.toLowerCase()) ? keyedMatch(rulesIndex.keyed, assignment, assignment.name, options) : undefined;
    // In Terraform the block names the provider (`provider "aws" { secret_key = … }`). It only adds a
    // match: every attribute of the block has its label, so a value of another format stays the
    // generic rule's (a database password under `resource "heroku_app"`).
    const label = keyed === undefined ? blockLabelAt?.(assignment.start) : undefined;
    if (label) {
      const viaBlock = keyedMatch(rulesIndex.keyed, assignment, `${label}_${assignment.name}`, options);
      if (viaBlock !== 'not-this-format') keyed = viaBlock;
    }
    if (keyed === 'not-this-format') continue; // the provider's own rule knows its format better than the generic rule
    if (keyed) {
      matches.push(keyed);
      continue;
    }
    if (!options.generic) continue;
    // A bare `value` or `key` is named by the structure around it, read only for a value that looks real
    // (the value is judged first there, and once).
    // So is a Terraform variable's `default`, by its variable.
    const variable = assignment.name === 'default' ? variableAt?.(assignment.start) : undefined;
    const bare = variable !== undefined || BARE_NAMES.has(assignment.name.toLowerCase());
    const bareCredential = bare && isCredentialValue(assignment.value, assignment, options.scriptFile);
    if (bare && !bareCredential && (options.prose || !isSigningKeyValue(assignment.value, assignment, options.scriptFile))) continue;
    const name = variable ?? (bare ? ownedName(text, assignment, options) : assignment.name);
    if (isCredentialName(name) && !judgedPublic.has(assignment.value) && ((bare ? bareCredential : isCredentialValue(assignment.value, assignment, options.scriptFile)) || isSigningKeyFor(text, assignment, name, options)) && !isWordWithCounter(name, assignment.value) && !truncatedAt(text, assignment.end) && !partOfText(text, assignment) && !publishedOrMadeUpQuery(text, assignment.start) && !insideExample(text, assignment.start, !!options.yaml) && !isUserNameNearby(text, assignment.start, assignment.end, assignment.value)) {
      matches.push({ start: assignment.start, end: assignment.end, value: assignment.value, name, call: assignment.call, argument: assignment.argument });
    }
  }
  for (const match of matches) if (match.rule?.id === ENCODED_VALUES_RULE) nameEncodedProvider(match, rules);
  // A token found by its format still gets the name it is assigned to, for messages and the env fix.
  for (const match of matches) {
    if (match.name || !match.rule || match.rule.kind !== 'pattern') continue;
    // The call it is passed to names it better than a literal before it: `BasicAuth("svc", "…")` is svc's password.
    const holds = (a: Assignment) => a.start <= match.start && match.end <= a.end;
    // Else a name that says what it holds beats one that does not (`<meta-data android:name="…API_KEY"
    // android:value="…"/>` also reads as `android: value = "…"`, a name and its type), and the name of
    // the value itself beats that of a string around it (`url = "…?appid=…"`: the query's `appid`).
    const held = assignments.filter(holds);
    const holder = held.find((a) => a.call !== undefined) ?? held.find((a) => isCredentialName(a.name)) ?? held.find((a) => a.start === match.start && a.end === match.end) ?? held[0];
    if (holder) {
      match.name = holder.name;
      match.call = holder.call;
      match.argument = holder.argument;
    }
  }
  return mostSpecific(matches);
}

const BARE_NAMES = new Set(['value', 'key']);

/**
 * A signing key long enough to sign, which counts even when it reads as words, where what holds it says
 * it signs (a signing call, `name`, or `name` under its section: Spring's `jwt:` / `secret: …`); not in
 * documentation, whose examples show such keys.
 */
function isSigningKeyFor(text: string, assignment: Assignment, name: string, options: ScanOptions): boolean {
  if (options.prose || !isSigningKeyValue(assignment.value, assignment, options.scriptFile)) return false;
  if (isWrittenSigningKey(assignment.value, assignment) || isSigningKeyName(name)) return true;
  const section = options.scriptFile ? undefined : parentKey(text, assignment.start, !!options.yaml);
  return section !== undefined && isSigningKeyName(`${section}.${name}`);
}

/**
 * A value named only `value` is named by its record's `name` (pairedName). A value named only `key` is
 * named by what holds it: ASP.NET's `"Jwt": { "Key": … }`, YAML's `stripe:\n  key: …` read as `Jwt.Key`
 * and `stripe.key`. Other names say what they are themselves.
 */
function ownedName(text: string, assignment: Assignment, options: ScanOptions): string {
  const lower = assignment.name.toLowerCase();
  // A record's `value` is named by its `name`: `- name: DB_PASSWORD` / `value: "…"` (a container's environment).
  if (lower === 'value') return pairedName(text, assignment.start, !!options.yaml) ?? assignment.name;
  if (lower !== 'key') return assignment.name;
  const owner = parentKey(text, assignment.start, !!options.yaml);
  return owner ? `${owner}.${assignment.name}` : assignment.name;
}

/** The rule whose values are base64 by definition: a Kubernetes Secret's `data`. */
const ENCODED_VALUES_RULE = 'secrets/kubernetes-secret';

/**
 * A Secret's data value that decodes to a token a provider's rule finds whole (a Stripe key, a GitHub
 * token) is reported as that provider's: the message names it, and the fix is the provider's.
 */
function nameEncodedProvider(match: SecretMatch, rules: readonly SecretRule[]): void {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(match.value)) return;
  const decoded = Buffer.from(match.value, 'base64').toString('latin1').replace(/\r?\n$/, '');
  if (!/^[\x21-\x7e]{8,}$/.test(decoded)) return;
  // A rule limited to some files (`paths`) is not a format that stands on its own.
  for (const [rule, found] of patternRuleMatches(decoded, prefilter(decoded, rules), (rule) => !rule.paths)) {
    if (patternMatches(rule, found, decoded).some((m) => m.start === 0 && m.end === decoded.length)) {
      match.rule = rule;
      match.encoded = true;
      return;
    }
  }
}

/**
 * The pattern rules to run on a text. A rule with prefilter keywords runs when the keyword alternation
 * (`keywordRegex`: case-insensitive, leftmost, longest first, matches not overlapping) finds one of them;
 * a rule with a short or common keyword when any of its keywords occurs anywhere, case-insensitively;
 * a rule whose matches start with a keyword when one of them starts a token (no character of
 * [A-Za-z0-9_.-] before it), case-insensitively (keywords are necessary for a match: the rule pack test
 * holds every example to it).
 */
export function candidateRules(text: string, rules: readonly SecretRule[]): Set<PatternRule> {
  return prefilter(text, rules).candidates;
}

/**
 * The matches of the chosen pattern rules in `text`, rule by rule, for the rules `applies` to. A rule
 * whose matches start with a keyword (keywordStartsMatch) is tried only where one of its keywords
 * starts a token, when the keyword pass says where: its pattern then runs a few times at known offsets
 * rather than over the whole text (Vault's over effect@4.1.0's 10.9 MB, Airtable's over 14.2 MB). The
 * matches are the ones matchAll finds, leftmost and not overlapping, since every match starts at one
 * of those offsets.
 */
function* patternRuleMatches(text: string, filtered: Prefiltered, applies: (rule: PatternRule) => boolean): Generator<[PatternRule, RegExpExecArray]> {
  const { candidates, starts } = filtered;
  for (const rule of candidates) {
    if (!applies(rule)) continue;
    if (!rule.keywordStartsMatch || !starts) {
      for (const match of text.matchAll(rule.regex)) yield [rule, match];
      continue;
    }
    const offsets = [...new Set(rule.keywords.flatMap((keyword) => starts.get(keyword) ?? []))].sort((a, b) => a - b);
    const sticky = stickyRegex(rule);
    let resume = 0;
    for (const offset of offsets) {
      if (offset < resume) continue;
      sticky.lastIndex = offset;
      const match = sticky.exec(text);
      if (!match) continue;
      resume = offset + Math.max(match[0].length, 1);
      yield [rule, match];
    }
  }
}

/** The pattern rules' matches as scanForSecrets finds them: by rule id, offset and text (for tests). */
export function patternMatchesOf(text: string, rules: readonly SecretRule[]): { ruleId: string; index: number; text: string }[] {
  return [...patternRuleMatches(text, prefilter(text, rules), () => true)].map(([rule, match]) => ({ ruleId: rule.id, index: match.index, text: match[0] }));
}

const stickyRegexes = new WeakMap<PatternRule, RegExp>();

/** `rule.regex`, matching only where its lastIndex is. */
function stickyRegex(rule: PatternRule): RegExp {
  let sticky = stickyRegexes.get(rule);
  if (!sticky) stickyRegexes.set(rule, (sticky = new RegExp(rule.regex.source, `${rule.regex.flags.replace('g', '')}y`)));
  return sticky;
}

/** What the keyword pass tells about a text (prefilter). */
interface Prefiltered {
  candidates: Set<PatternRule>;
  keyCalls?: string[];
  formWords?: Set<string>;
  /** Where each token-start keyword starts a token, ascending, when those are offsets in the text (its bytes are its characters). */
  starts?: ReadonlyMap<string, readonly number[]>;
}

/**
 * candidateRules, and from the same pass which of KEY_CALL_KEYWORDS (the calls that take a key or
 * password it may make) and of FORM_KEYWORDS (the rarer assignment shapes it may hold) the text holds;
 * both undefined when unknown.
 */
function prefilter(text: string, rules: readonly SecretRule[], bytes?: Uint8Array): Prefiltered {
  const rulesIndex = compiledRules(rules);
  const candidates = new Set<PatternRule>();
  if (!rulesIndex.scanner) {
    for (const rule of [...rulesIndex.alwaysRun, ...rulesIndex.atTokenStart]) candidates.add(rule);
    for (const match of text.matchAll(rulesIndex.keywordRegex)) for (const rule of rulesIndex.rulesByKeyword.get(match[0].toLowerCase()) ?? []) candidates.add(rule);
    return { candidates };
  }
  const scanned = bytes ?? Buffer.from(text, 'utf8');
  const { alternation, presence, tokenStarts } = rulesIndex.scanner.scan(scanned);
  for (const rule of rulesIndex.alwaysRun) if (rule.keywords.some((keyword) => presence.has(keyword))) candidates.add(rule);
  for (const rule of rulesIndex.atTokenStart) if (rule.keywords.some((keyword) => tokenStarts.has(keyword))) candidates.add(rule);
  for (const keyword of alternation) for (const rule of rulesIndex.rulesByKeyword.get(keyword)!) candidates.add(rule);
  return {
    candidates,
    keyCalls: KEY_CALL_KEYWORDS.filter((keyword) => presence.has(keyword)),
    formWords: new Set(FORM_KEYWORDS.filter((word) => presence.has(word))),
    // A byte is a character when there are as many (ASCII, or a Latin-1 view of the bytes, which keeps
    // every ASCII byte where it is); UTF-8 of any other character takes more bytes than its UTF-16 units.
    starts: scanned.length === text.length ? tokenStarts : undefined,
  };
}

// ASCII case folding as a case-insensitive regular expression without the `u` flag does it (A-Z to
// a-z; no other character equals an ASCII one), by byte, with every byte of a non-ASCII character
// mapped to 0, which no keyword holds.
const FOLD = new Uint8Array(0x100);
for (let c = 1; c < 0x80; c++) FOLD[c] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;

/**
 * The keyword prefilter in one pass over the bytes, dispatching on each three: the keywords of the
 * alternation found exactly as the alternation finds them (same matches, so the same rules run), which
 * presence keywords occur anywhere, and where token-start keywords start a token. Keywords are
 * lower-case ASCII; a folded byte takes 7 bits, so three index a table of 2^21 entries.
 */
class KeywordScanner {
  /**
   * By the three bytes at a position: bit 1, an alternation keyword starts with them; bit 2, a longer
   * presence or token-start keyword does; bit 4, a two-character one does; ANY_FOURTH, a keyword of
   * three characters or fewer does, so the fourth byte tells nothing.
   */
  private readonly tripleBits = new Uint8Array(1 << 21);
  /** A bit set of (triple, fourth byte) hashed (quadIndex): set for the first four characters of every longer keyword. */
  private readonly quads = new Int32Array(QUAD_BITS >> 5);
  /** Every keyword once; the tables below hold their indexes. */
  private readonly keywords: string[] = [];
  /** By triple: alternation keywords (indexes) in alternation order. */
  private readonly alternationAt = new Map<number, number[]>();
  /** By triple, by pair, and for one-character keywords: presence and token-start keywords, as `index << 1 | 1 if it must start a token`. */
  private readonly presenceAt = new Map<number, number[]>();
  private readonly pairKeywords = new Map<number, number[]>();
  private readonly singles: number[] = [];

  constructor(alternation: readonly string[], presence: readonly string[], tokenStarts: readonly string[] = []) {
    const pair = (keyword: string) => (keyword.charCodeAt(0) << 7) | keyword.charCodeAt(1);
    const triple = (keyword: string) => (pair(keyword) << 7) | keyword.charCodeAt(2);
    const indexes = new Map<string, number>();
    const indexOf = (keyword: string) => {
      let index = indexes.get(keyword);
      if (index === undefined) indexes.set(keyword, (index = this.keywords.push(keyword) - 1));
      return index;
    };
    const add = <K>(map: Map<K, number[]>, key: K, entry: number) => map.set(key, [...(map.get(key) ?? []), entry]);
    const fourth = (keyword: string) => {
      if (keyword.length === 3) {
        this.tripleBits[triple(keyword)] |= ANY_FOURTH;
        return;
      }
      const quad = quadIndex(triple(keyword), keyword.charCodeAt(3));
      this.quads[quad >>> 5] |= 1 << (quad & 31);
    };
    for (const keyword of alternation) {
      if (keyword.length < 3) throw new Error(`keyword '${keyword}' is too short for the alternation`);
      this.tripleBits[triple(keyword)] |= 1;
      fourth(keyword);
      add(this.alternationAt, triple(keyword), indexOf(keyword));
    }
    const entries = [...presence.map((keyword) => ({ keyword, atStart: 0 })), ...tokenStarts.map((keyword) => ({ keyword, atStart: 1 }))];
    for (const { keyword, atStart } of entries) {
      const entry = (indexOf(keyword) << 1) | atStart;
      if (keyword.length < 2) {
        this.singles.push(entry);
      } else if (keyword.length === 2) {
        // Whatever the third byte (0 stands for any byte of a non-ASCII character).
        for (let third = 0; third < 0x80; third++) this.tripleBits[(pair(keyword) << 7) | third] |= 4 | ANY_FOURTH;
        add(this.pairKeywords, pair(keyword), entry);
      } else {
        this.tripleBits[triple(keyword)] |= 2;
        fourth(keyword);
        add(this.presenceAt, triple(keyword), entry);
      }
    }
    // One scan of a text holding every keyword, in both cases, so that every branch of the loop has
    // type feedback before the loop is optimised. Otherwise the optimised loop meets a branch it never
    // saw (the first alternation keyword of a file) and falls back to the interpreter, once per new
    // branch: 20 such deoptimisations made the first 572 files of effect take 1.7x the time of the next.
    const every = [...alternation, ...presence, ...tokenStarts].join(' | ');
    this.scan(Buffer.from(`${every} ${every.toUpperCase()} x`, 'latin1'));
  }

  /**
   * The keywords in `bytes`, a text's UTF-8 encoding (or its latin1 view), and the offsets in `bytes`
   * where token-start keywords start a token. The keywords are those the text's characters give, since
   * keywords are ASCII and every byte of a non-ASCII character folds to 0 as the character does (an
   * ASCII run, where keywords match and overlap, keeps its offsets apart; a byte of a non-ASCII
   * character before a keyword is no token character, as the character is not). Bytes rather than
   * characters because a typed array reads faster than charCodeAt: effect's 21.6 MB took 47-65 ms
   * against 67-105 for the same loop over its characters.
   */
  scan(bytes: Uint8Array): { alternation: Set<string>; presence: Set<string>; tokenStarts: Map<string, number[]> } {
    // By keyword index, FOUND_* bits. Not sets of strings: a hit that finds a keyword already found
    // (53,719 times `s.` in effect) then costs a byte's read, not a string's hash.
    const found = new Uint8Array(this.keywords.length);
    // By keyword index: the offsets where a token-start keyword starts a token.
    const starts: number[][] = [];
    const n = bytes.length;
    for (const entry of this.singles) for (let i = 0; i < n && (found[entry >> 1] & FOUND_PRESENT) === 0; i++) this.mark(bytes, i, entry, found, starts, false);
    const tripleBits = this.tripleBits;
    const quads = this.quads;
    // Where the alternation may next match: it resumes after each match.
    let resume = 0;
    let first = n > 0 ? FOLD[bytes[0]] : 0;
    let second = n > 1 ? FOLD[bytes[1]] : 0;
    for (let i = 0; i + 2 < n; i++) {
      const third = FOLD[bytes[i + 2]];
      const triple = (first << 14) | (second << 7) | third;
      first = second;
      second = third;
      const kinds = tripleBits[triple];
      if (kinds === 0) continue;
      // Most triples that start a keyword start common words too (`con` for contribsys.com, `def` for
      // `default:"`): the fourth byte, looked up in a small bit set, sends 69% of effect's 421,000 such
      // hits no further. A hash collision only lets one through to the exact test.
      if ((kinds & ANY_FOURTH) === 0) {
        const quad = quadIndex(triple, i + 3 < n ? FOLD[bytes[i + 3]] : 0);
        if ((quads[quad >>> 5] & (1 << (quad & 31))) === 0) continue;
      }
      // The rare hit is handled out of the loop, which keeps the loop over the bytes that hit nothing
      // tight: once optimised, effect's 21.6 MB took 80 ms against 95-98 with the branches inline.
      resume = this.hit(bytes, i, triple, kinds, resume, found, starts);
    }
    // The last two bytes: only a two-character keyword fits there.
    if (n >= 2) for (const entry of this.pairKeywords.get((first << 7) | second) ?? []) this.mark(bytes, n - 2, entry, found, starts, true);
    const alternation = new Set<string>();
    const presence = new Set<string>();
    const tokenStarts = new Map<string, number[]>();
    for (let keyword = 0; keyword < found.length; keyword++) {
      if (found[keyword] & FOUND_IN_ALTERNATION) alternation.add(this.keywords[keyword]);
      if (found[keyword] & FOUND_PRESENT) presence.add(this.keywords[keyword]);
      if (starts[keyword]) tokenStarts.set(this.keywords[keyword], starts[keyword]);
    }
    return { alternation, presence, tokenStarts };
  }

  /** The keywords found at `i`, whose triple has `kinds`, marked in `found` or `starts`; returns where the alternation may next match. */
  private hit(bytes: Uint8Array, i: number, triple: number, kinds: number, resume: number, found: Uint8Array, starts: number[][]): number {
    if (kinds & 4) for (const entry of this.pairKeywords.get(triple >> 7)!) this.mark(bytes, i, entry, found, starts, true);
    if (kinds & 2) for (const entry of this.presenceAt.get(triple)!) this.mark(bytes, i, entry, found, starts, false);
    if (kinds & 1 && i >= resume) {
      for (const keyword of this.alternationAt.get(triple)!) {
        const text = this.keywords[keyword];
        if (!matchesAt(bytes, i, text)) continue;
        found[keyword] |= FOUND_IN_ALTERNATION;
        return i + text.length;
      }
    }
    return resume;
  }

  /**
   * For a presence `entry`, marks its keyword found if it is at `i`; for a token-start one, adds `i` to
   * its offsets if it starts a token there (every such offset: the rule's pattern runs at each).
   * `matched`: the keyword's bytes are known to be at `i`.
   */
  private mark(bytes: Uint8Array, i: number, entry: number, found: Uint8Array, starts: number[][], matched: boolean): void {
    const keyword = entry >> 1;
    if ((entry & 1) === 0) {
      if ((found[keyword] & FOUND_PRESENT) === 0 && (matched || matchesAt(bytes, i, this.keywords[keyword]))) found[keyword] |= FOUND_PRESENT;
    } else if ((i === 0 || TOKEN_BYTE[bytes[i - 1]] === 0) && (matched || matchesAt(bytes, i, this.keywords[keyword]))) {
      (starts[keyword] ??= []).push(i);
    }
  }
}

/** tripleBits: a keyword of this triple has no fourth character to test. */
const ANY_FOURTH = 8;
/** Bits in KeywordScanner.quads: 8 KB, which stays in the first-level cache beside the triple table's lines. */
const QUAD_BITS = 1 << 16;
/** The bit of (triple, fourth folded byte) in KeywordScanner.quads: a multiplicative hash of the 28 bits. */
function quadIndex(triple: number, fourth: number): number {
  return Math.imul((triple << 7) | fourth, 0x9e3779b1) >>> 16;
}

const FOUND_IN_ALTERNATION = 1;
const FOUND_PRESENT = 2;
/** By byte: 1 for what a pattern's left boundary, `(?<![\w.-])`, refuses before a token: ASCII letters, digits, `_`, `.` and `-`. */
const TOKEN_BYTE = new Uint8Array(0x100);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-') TOKEN_BYTE[c.charCodeAt(0)] = 1;

/** Whether `keyword` (lower-case ASCII) occurs at `at` in `bytes`, ASCII case folded. */
function matchesAt(bytes: Uint8Array, at: number, keyword: string): boolean {
  if (at + keyword.length > bytes.length) return false;
  for (let j = 0; j < keyword.length; j++) if (FOLD[bytes[at + j]] !== keyword.charCodeAt(j)) return false;
  return true;
}

/** The secrets a pattern match holds; `judgedPublic` gets the value when the rule's validator says it is made public. */
function patternMatches(rule: PatternRule, match: RegExpMatchArray, text: string, judgedPublic?: Set<string>): SecretMatch[] {
  const groups = match.groups ?? {};
  const groupValue = groups.secret ?? groups.pass;
  const value = groupValue ?? match[0];
  const start = match.index! + (groupValue !== undefined ? match[0].lastIndexOf(groupValue) : 0);
  if (rule.near && !onSameLineAs(text, match.index!, rule.near)) return [];
  if (insideBase64Run(text, match.index!, match.index! + match[0].length)) return [];
  if (rule.validator) {
    const verdict = rule.validator(value, { text, matchStart: match.index!, match: match[0] });
    if (Array.isArray(verdict)) return verdict.map((span) => ({ rule, start: span.start, end: span.end, value: text.slice(span.start, span.end) }));
    if (verdict === 'public') judgedPublic?.add(value);
    if (verdict !== true) return [];
  } else if (isPlaceholder(value)) {
    return [];
  }
  // The rule's own published examples, and any the pack lists (a password of PostgreSQL's CREATE ROLE examples).
  if (rule.publishedExamples.has(value) || publishedExampleValues.has(value)) return [];
  if (rule.minEntropy > 0 && valueEntropy(value, rule.publicPrefix) < rule.minEntropy) return [];
  // A pattern that says whose secret it is (`(?<name>…)`: wp-config.php's `AUTH_KEY`) names it for messages and the fix.
  return [{ rule, start, end: start + value.length, value, ...(groups.name ? { name: groups.name } : {}) }];
}

/**
 * Whether a match is a stretch of a long base64 run, an image or a font inlined as a data URI in a
 * bundle (Ghost's admin assets: `…+/YCPwqbNEC9…` read as a Yandex Cloud key): a `+` or `/` touches it, which
 * the token boundaries let through, and the run it sits in is many times longer than a token.
 */
function insideBase64Run(text: string, start: number, end: number): boolean {
  const touches = (code: number) => code === PLUS || code === SLASH;
  if (!touches(text.charCodeAt(start - 1)) && !touches(text.charCodeAt(end))) return false;
  let left = start;
  while (left > 0 && start - left < BASE64_RUN_MIN && BASE64_BYTE[text.charCodeAt(left - 1)] === 1) left--;
  let right = end;
  while (right < text.length && right - end < BASE64_RUN_MIN && BASE64_BYTE[text.charCodeAt(right)] === 1) right++;
  return right - left - (end - start) >= BASE64_RUN_MIN;
}

const PLUS = 0x2b;
const SLASH = 0x2f;
/** Base64 around a match, beyond the match itself, that makes it part of a blob: a token is written alone. */
const BASE64_RUN_MIN = 200;
/** By character code: 1 for the base64 alphabet (letters, digits, `+`, `/`). */
const BASE64_BYTE = new Uint8Array(0x80);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64_BYTE[c.charCodeAt(0)] = 1;

/**
 * The keyed rule that finds this assignment (its name as `keyName` says it, with an HCL block's label);
 * 'not-this-format' when a rule's provider is named but the value does not have that provider's format
 * (then no rule reports it).
 */
function keyedMatch(rules: readonly KeyedRule[], assignment: Assignment, keyName: string, options: ScanOptions): SecretMatch | 'not-this-format' | undefined {
  // Provider names must start a word of the assigned name: `etsyToken` names Etsy, `SetSysctl` does not.
  const name = `_${nameWords(keyName).join('_')}`;
  let named = false;
  for (const rule of rules) {
    if (!rule.names.some((word) => name.includes(word))) continue;
    if (!rule.paths || options.matchesPath(rule.paths)) named = true;
    // The name says it is the provider's public key (`ALGOLIA_SEARCH_KEY`): no rule reports it.
    if (rule.publicNames.some((word) => `${name}_`.includes(`${word}_`))) return 'not-this-format';
    // Or the value has the shape of the provider's public kind of key (Datadog's browser client token).
    if (rule.publicValues.some((shape) => shape.test(assignment.value))) return 'not-this-format';
    // A camel-cased name is no value either: the next of a list of operation names (`"sendLinkedinVisit", "getUrlAnalysis"`).
    if (!rule.value.test(assignment.value) || isPlaceholder(assignment.value) || isIdentifierWords(assignment.value) || CAMEL_CASE_NAME.test(assignment.value) || rule.publishedExamples.has(assignment.value)) continue;
    if (rule.quotedOnly && !assignment.quoted) continue;
    if (rule.paths && !options.matchesPath(rule.paths)) continue;
    if (rule.minEntropy > 0 && valueEntropy(assignment.value, 0) < rule.minEntropy) continue;
    // A literal passed to the call that uses it (`twilio(sid, "…")`) keeps the call, which names it better than the name it is read as.
    return { rule, start: assignment.start, end: assignment.end, value: assignment.value, name: assignment.name, ...(assignment.call ? { call: assignment.call, argument: assignment.argument } : {}) };
  }
  return named ? 'not-this-format' : undefined;
}

/** A value cut short in documentation: `ops_eyJzaWdu…`, `abc..[Redacted]`. */
function truncatedAt(text: string, end: number): boolean {
  return /^(?:\.{2,}|\u2026|\s*\[redacted)/i.test(text.slice(end, end + 12));
}

/**
 * A quoted value cut short by a character a token does not hold, in a literal that goes on as prose or a
 * template: `'variable|default:"Default value"'`, `'AWS4-HMAC-SHA256 blah'`, `'Ansible-{0}-{1}'.format(…)`;
 * or a bare value that is the start of an expression.
 */
function partOfText(text: string, assignment: Assignment): boolean {
  // A bare run that goes straight into a quote or a bracket is part of an expression: `{% set passwd =
  // item.pass_key|string+" "+item.password %}`.
  // A bare run that stops at a letter beyond ASCII was cut inside a word: `Cuenta/Contraseña LDAP incorrecta`.
  // A string that is the whole `name=value`, as a command line's flag in a JSON args list (`"--api-key=…"`
  // in an MCP server's config), is not: the quote closes the pair.
  // A bare run cut at `->` is a receiver whose method or field follows: `query_parameters->get('password')` (Perl, PHP).
  if (!assignment.quoted) return (/^["'`([{]/.test(text[assignment.end] ?? '') && !wholeQuotedPair(text, assignment)) || text.charCodeAt(assignment.end) >= 0x80 || text.startsWith('->', assignment.end - 1);
  const quote = text[assignment.start - 1];
  // An auth header's credential follows its scheme (`"Bearer <token>"`), not the opening quote.
  if (quote !== '"' && quote !== "'" && quote !== '`') return false;
  if (text[assignment.end] === quote) return false;
  const lineEnd = text.indexOf('\n', assignment.end);
  const close = text.indexOf(quote, assignment.end);
  if (close < 0 || (lineEnd >= 0 && close > lineEnd) || close - assignment.end > 300) return false;
  const rest = text.slice(assignment.end, close);
  return /\s/.test(rest) || /\{\w{0,40}\}/.test(rest);
}

/** `"name=value"`, `'--flag=value'`: the quote after the value opens right before its name, on the same line. */
function wholeQuotedPair(text: string, assignment: Assignment): boolean {
  const quote = text[assignment.end];
  if (quote !== '"' && quote !== "'") return false;
  const lineStart = text.lastIndexOf('\n', assignment.start - 1) + 1;
  const opening = text.lastIndexOf(quote, assignment.start - 1);
  return opening >= lineStart && /^-{0,2}[A-Za-z_][\w.-]*=$/.test(text.slice(opening + 1, assignment.start));
}

/**
 * A query parameter whose token is shown to everyone or to no one: an image's URL, a README badge
 * (`codecov.io/…/badge.svg?token=…`, or the same badge through a badge service,
 * `img.shields.io/codecov/c/github/…?token=…`) carries a read-only token made to be published with it;
 * a documentation host's URL, a made-up one.
 */
function publishedOrMadeUpQuery(text: string, valueStart: number): boolean {
  const lineStart = text.lastIndexOf('\n', valueStart - 1) + 1;
  const before = text.slice(Math.max(lineStart, valueStart - 400), valueStart);
  if (IMAGE_URL_QUERY.test(before)) return true;
  // A documentation host's URL (RFC 2606's example.com) shows a made-up token: no one can sign in there.
  const host = URL_QUERY_HOST.exec(before)?.[1];
  return host !== undefined && DOCUMENTATION_HOST.test(host);
}
/** The host of a URL whose query the text before a value is in: `https://example.com/p?access_token=` → example.com. */
const URL_QUERY_HOST = /[a-z][\w+.-]*:\/\/(?:[^\s/@?#]*@)?([\w.-]+)[^\s?#"'`]*\?[^\s"'`#]*$/i;
const IMAGE_URL_QUERY = /(?:\.(?:svg|png|gif|jpe?g|webp)|\/\/(?:img\.shields\.io|(?:flat\.)?badgen\.net)\/[^\s"'`()<>?]*)\?[^\s"'`()<>]*$/i;

/** `words` are lower-case. */
function onSameLineAs(text: string, offset: number, words: string[]): boolean {
  const lineStart = text.lastIndexOf('\n', offset) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).toLowerCase();
  return words.some((word) => line.includes(word));
}

/** One finding per secret: where finds overlap, a pattern rule beats a keyed rule beats the generic rule. */
function mostSpecific(matches: SecretMatch[]): SecretMatch[] {
  // A format the line confirms by naming its provider (`near`: Clerk's `sk_live_…` beside `CLERK_`) before one it does not (Stripe's, the same shape).
  const rank = (m: SecretMatch) => (!m.rule ? 3 : m.rule.lowPriority ? 2 : m.rule.kind === 'pattern' ? (m.rule.near ? -1 : 0) : 1);
  const sorted = [...matches].sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: SecretMatch[] = [];
  for (const match of sorted) {
    if (kept.some((k) => match.start < k.end && k.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}
