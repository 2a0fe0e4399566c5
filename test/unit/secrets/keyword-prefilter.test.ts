// The keyword prefilter (candidateRules in scan.ts) is one pass over the text's bytes; it must choose
// exactly the rules its plain form chooses: rules behind the keyword alternation (case-insensitive,
// leftmost, longest first, matches not overlapping) when the alternation matches one of their keywords,
// rules with short or common keywords when one of their keywords occurs anywhere (ASCII case folded, as
// the alternation folds), and rules whose matches start with a keyword (keywordStartsMatch) when one of
// their keywords starts a token. And no rule left out can match: the property the prefilter exists to
// keep. Over a varied corpus: the rule pack's examples, the gitleaks samples (../shared), this
// repository's own sources, and texts made to catch the edge cases.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtInSecretRules, parseRulePack, type PatternRule, type SecretRule } from '../../../server/src/checks/secrets/rule-pack';
import { candidateRules, keywordPrefilter, patternMatchesOf } from '../../../server/src/checks/secrets/scan';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLES = path.resolve(ROOT, '../shared/bench/secrets/gitleaks-samples.jsonl');

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Whether `keyword` occurs in `folded` with nothing of [A-Za-z0-9_.-] before it, as a pattern's left boundary wants. */
function startsToken(folded: string, keyword: string): boolean {
  for (let at = folded.indexOf(keyword); at >= 0; at = folded.indexOf(keyword, at + 1)) if (at === 0 || !/[A-Za-z0-9_.-]/.test(folded[at - 1])) return true;
  return false;
}

function plainCandidates(text: string, rules: readonly SecretRule[]): Set<PatternRule> {
  const { keywordRegex, rulesByKeyword, alwaysRun, atTokenStart } = keywordPrefilter(rules);
  const chosen = new Set<PatternRule>();
  for (const match of text.matchAll(keywordRegex)) for (const rule of rulesByKeyword.get(match[0].toLowerCase()) ?? []) chosen.add(rule);
  const folded = asciiLower(text);
  for (const rule of alwaysRun) if (rule.keywords.some((keyword) => folded.includes(keyword))) chosen.add(rule);
  for (const rule of atTokenStart) if (rule.keywords.some((keyword) => startsToken(folded, keyword))) chosen.add(rule);
  return chosen;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.(ts|js|mjs|yml|json|md)$/.test(entry.name) ? [full] : [];
  });
}

function corpus(rules: readonly SecretRule[]): string[] {
  const texts: string[] = [];
  for (const rule of rules) texts.push(...rule.examples.match, ...rule.examples.noMatch);
  if (fs.existsSync(SAMPLES)) {
    for (const line of fs.readFileSync(SAMPLES, 'utf8').split('\n').filter(Boolean)) texts.push((JSON.parse(line) as { text: string }).text);
  }
  for (const dir of ['server/src', 'test/unit', 'rules', 'docs']) for (const file of sourceFiles(path.join(ROOT, dir))) texts.push(fs.readFileSync(file, 'utf8'));
  const keywords = rules.flatMap((rule) => (rule.kind === 'pattern' ? rule.keywords : []));
  // Keywords at the very start and end, upper- and mixed-case, overlapping and run together, next to non-ASCII text.
  for (const keyword of keywords) {
    const upper = keyword.toUpperCase();
    const mixed = [...keyword].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    texts.push(keyword, upper, mixed, `x${keyword}`, `${keyword}x`, `é${keyword}é`, `${keyword}${keyword}`, `${keyword.slice(0, -1)}${keyword}`, `\u212a${keyword}\u017f`, `😀${upper} ${mixed}😀`);
    // Before a keyword, each kind of character a token start cares about: a token's own, the boundary's, none.
    for (const before of ['.', '-', '_', '0', 'Z', ' ', '"', '=', '/', '\n', '\u00e9', '\u00a0']) texts.push(`${before}${keyword}`, `${before}${upper} ${keyword}`);
  }
  for (let i = 0; i + 1 < keywords.length; i++) texts.push(keywords[i] + keywords[i + 1], keywords[i].slice(1) + keywords[i + 1].slice(0, 2), `${keywords[i]} ${keywords[i + 1].toUpperCase()}`);
  texts.push('', 'a', 'ey', 'EY', 'xey', 'q~', 'Q~', 's.', 'S.', 'sk', 'ſk', 'Kelvin \u212aey', 'i\u0130s.', 'e\u0000y');
  return texts;
}

describe('secrets: keyword prefilter', () => {
  it('chooses exactly the rules the plain alternation and keyword presence choose, over a varied corpus', function () {
    this.timeout(120_000);
    const texts = corpus(builtInSecretRules);
    assert.ok(texts.length > 5000, `a corpus of ${texts.length} texts`);
    let chosen = 0;
    for (const text of texts) {
      const got = [...candidateRules(text, builtInSecretRules)].map((rule) => rule.id).sort();
      const want = [...plainCandidates(text, builtInSecretRules)].map((rule) => rule.id).sort();
      assert.deepEqual(got, want, `rules chosen for ${JSON.stringify(text.slice(0, 200))}`);
      chosen += got.length;
    }
    assert.ok(chosen > texts.length / 2, `rules are chosen: ${chosen} for ${texts.length} texts`);
  });

  // The alternation narrows what its rules see by design (a connection-string rule runs where a database
  // is named); the rules gated by presence ran on every text before, so leaving one out must lose nothing.
  it('leaves out no rule gated by keyword presence that matches: every match example holds one of its rule\'s keywords, and such rules left out of a text match nothing in it', function () {
    this.timeout(120_000);
    for (const rule of builtInSecretRules) {
      if (rule.kind !== 'pattern') continue;
      for (const example of rule.examples.match) assert.ok(rule.keywords.some((keyword) => asciiLower(example).includes(keyword)), `${rule.id}: no keyword in ${JSON.stringify(example)}`);
    }
    const { alwaysRun, atTokenStart } = keywordPrefilter(builtInSecretRules);
    const gated = [...alwaysRun, ...atTokenStart];
    assert.ok(alwaysRun.length >= 5 && atTokenStart.length > 10);
    for (const text of corpus(builtInSecretRules)) {
      const chosen = candidateRules(text, builtInSecretRules);
      for (const rule of gated) {
        if (chosen.has(rule)) continue;
        const regex = new RegExp(rule.regex.source, rule.regex.flags);
        assert.equal(regex.exec(text), null, `${rule.id} left out of a text it matches: ${JSON.stringify(text.slice(0, 200))}`);
      }
    }
  });

  // A rule whose matches start with a keyword runs only at the offsets where one starts a token: what it
  // finds there must be what its pattern finds over the whole text, leftmost and not overlapping.
  it('finds, trying rules only where their keywords start tokens, exactly the matches of their patterns over the whole text', function () {
    this.timeout(120_000);
    const { atTokenStart } = keywordPrefilter(builtInSecretRules);
    let tokenStartMatches = 0;
    // Each example twice and upper-cased, and after non-ASCII text (its bytes are then not its characters: the whole-text search).
    const examples = atTokenStart.flatMap((rule) => rule.examples.match.flatMap((example) => [`${example} ${example}\n${example.toUpperCase()}`, `é ${example} 😀 ${example}`]));
    for (const text of [...corpus(builtInSecretRules), ...examples]) {
      const want = [...candidateRules(text, builtInSecretRules)].flatMap((rule) => [...text.matchAll(rule.regex)].map((match) => ({ ruleId: rule.id, index: match.index, text: match[0] })));
      const got = patternMatchesOf(text, builtInSecretRules);
      assert.deepEqual(got, want, `matches in ${JSON.stringify(text.slice(0, 200))}`);
      tokenStartMatches += got.filter((match) => atTokenStart.some((rule) => rule.id === match.ruleId)).length;
    }
    assert.ok(tokenStartMatches > 100, `matches of token-start rules: ${tokenStartMatches}`);
  });

  // The claim keywordStartsMatch makes, on every match example: what the pattern matches starts with a keyword.
  it('holds every rule that says its matches start with a keyword to it, on its match examples', () => {
    const { atTokenStart } = keywordPrefilter(builtInSecretRules);
    for (const rule of atTokenStart) {
      for (const example of rule.examples.match) {
        const matches = [...example.matchAll(new RegExp(rule.regex.source, rule.regex.flags))];
        assert.ok(matches.length > 0, `${rule.id}: its pattern finds nothing in ${JSON.stringify(example)}`);
        for (const match of matches) assert.ok(rule.keywords.some((keyword) => asciiLower(match[0]).startsWith(keyword)), `${rule.id}: ${JSON.stringify(match[0])} starts with none of its keywords`);
      }
    }
    assert.throws(() => parseRulePack({ rules: [{ id: 'secrets/x', title: 'T', provider: 'P', keywords: ['://'], pattern: '://[a-z]{4}', keywordStartsMatch: true, examples: { match: [], noMatch: [] } }] }), /keywordStartsMatch needs the token boundary/);
  });

  it('works for any rule pack: two-character and three-character keywords, shared prefixes, non-ASCII keywords (plain alternation then), keywords at a token start', () => {
    const pack = (keywords: string[][], startsMatch: boolean[] = []) =>
      parseRulePack({
        rules: keywords.map((list, i) => ({ id: `secrets/r${i}`, title: 'T', provider: 'P', keywords: list, pattern: `(?:${list.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[0-9]{4}`, ignoreCase: true, keywordStartsMatch: startsMatch[i], examples: { match: [], noMatch: [] } })),
      });
    const packs = [
      pack([['abc'], ['abcd'], ['bcd'], ['ab'], ['secret'], ['x~'], ['cde', 'ab']]),
      pack([['ümlaut'], ['abc']]),
      // The same keywords for a rule gated at a token start and for rules that are not; one- and two-character ones.
      pack([['s.'], ['s.'], ['abc'], ['abc', 'q'], ['bcd']], [true, false, true, true, false]),
    ];
    const texts = ['abcd', 'xabcde', 'ABCDE ab', 'bcdab', 'SECRET', 'x~', 'aX~', 'abc', 'ab', 'cdcde', 'ÜMLAUT ümlaut', 'abcabcd', 'aabcdd', '', 'this.x', 's.x', ' S.', 'xs.', 'é s.', 'és.', '.abc', '-abc', ' abc', 'zabc', 'q', 'Q', 'xq'];
    for (const rules of packs) {
      for (const text of texts) {
        const got = [...candidateRules(text, rules)].map((rule) => rule.id).sort();
        const want = [...plainCandidates(text, rules)].map((rule) => rule.id).sort();
        assert.deepEqual(got, want, JSON.stringify(text));
      }
    }
  });
});
