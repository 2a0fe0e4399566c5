// Loads the built-in secret rules from rules/secrets.yml (inlined into the bundle) and compiles them
// once at start-up, so a broken rule pack fails loudly in tests rather than silently in use.
import { parse } from 'yaml';
import packData from '../../../../rules/secrets.yml';
import { validators, type Validator } from './validators';

interface RuleData {
  id: string;
  title: string;
  provider: string;
  description?: string;
  keywords?: string[];
  pattern?: string;
  names?: string[];
  value?: string;
  ignoreCase?: boolean;
  /** False for a pattern that starts at punctuation after a name (`, "…")`): no token boundary before it. */
  boundaryBefore?: boolean;
  /** Every match starts with one of the keywords (the provider's prefix): see PatternRule.keywordStartsMatch. */
  keywordStartsMatch?: boolean;
  publicPrefix?: number;
  entropy?: number;
  near?: string[];
  paths?: string[];
  validate?: string;
  quotedOnly?: boolean;
  publicNames?: string[];
  publicValues?: string[];
  priority?: 'low';
  publishedExamples?: string[];
  /** For a file that is a secret in itself (a key store): the names it has, as globs. */
  files?: string[];
  examples: { match: string[]; noMatch: string[] };
}

interface SecretRuleBase {
  id: string;
  title: string;
  provider: string;
  description: string;
  publicPrefix: number;
  minEntropy: number;
  near?: string[];
  paths?: string[];
  validator?: Validator;
  /** Context rules (a URL, a curl command) yield to format rules on the same value. */
  lowPriority: boolean;
  /** Values the provider or its official SDKs publish as examples: known to everyone, so not a leak. */
  publishedExamples: ReadonlySet<string>;
  /** Whole-value shapes of the provider's kind of key made for browser code (Mapbox's `pk.`), which the generic rule leaves too. */
  publicValues: RegExp[];
  examples: { match: string[]; noMatch: string[] };
}

/** Finds a token by its shape (usually a provider prefix), anywhere in the text. */
export interface PatternRule extends SecretRuleBase {
  kind: 'pattern';
  keywords: string[];
  regex: RegExp;
  /**
   * Every match starts with one of the keywords, right after the token boundary: the rule runs only
   * where a keyword starts a token (nothing of [A-Za-z0-9_.-] before it). `s.`, Vault's legacy prefix,
   * is in nearly every file (`this.`), but rarely at a token's start.
   */
  keywordStartsMatch: boolean;
}

/** Finds a value of a given shape assigned to a name that names the provider. */
export interface KeyedRule extends SecretRuleBase {
  kind: 'keyed';
  names: string[];
  value: RegExp;
  /** Only quoted values count (in formats where a bare value is an expression, like Terraform). */
  quotedOnly: boolean;
  /** Words of a name that say the value is the provider's public kind of key (Algolia's search-only key), as `_word`. */
  publicNames: string[];
}

/**
 * A file that is a secret whatever its content says (a PKCS#12 key store: binary, and encrypted with a
 * password that is often empty or beside it), found by its name. Its examples are file paths.
 */
export interface FileRule extends SecretRuleBase {
  kind: 'file';
  /** Globs of the file's name, matched as .gitignore patterns are (any folder, any case). */
  files: string[];
}

export type SecretRule = PatternRule | KeyedRule | FileRule;

const DEFAULT_MIN_ENTROPY = 3;

/** Compiles a rule pack: its YAML text, or the data already parsed from it. */
export function parseRulePack(source: string | unknown): SecretRule[] {
  const data = (typeof source === 'string' ? parse(source) : source) as { rules?: RuleData[] };
  if (!data || !Array.isArray(data.rules)) throw new Error('secret rule pack: missing `rules` list');
  const seen = new Set<string>();
  return data.rules.map((rule) => {
    if (!/^secrets\/[a-z0-9-]+$/.test(rule.id)) throw new Error(`secret rule pack: bad id '${rule.id}'`);
    if (seen.has(rule.id)) throw new Error(`secret rule pack: duplicate id '${rule.id}'`);
    seen.add(rule.id);
    if (rule.validate && !validators[rule.validate]) throw new Error(`${rule.id}: unknown validator '${rule.validate}'`);
    const flags = rule.ignoreCase ? 'i' : '';
    const base: SecretRuleBase = {
      id: rule.id,
      title: rule.title,
      provider: rule.provider,
      description: rule.description ?? `A ${rule.title}. Anyone who can read the code can use it.`,
      publicPrefix: rule.publicPrefix ?? 0,
      minEntropy: rule.entropy ?? DEFAULT_MIN_ENTROPY,
      near: rule.near?.map((word) => word.toLowerCase()),
      paths: rule.paths,
      validator: rule.validate ? validators[rule.validate] : undefined,
      lowPriority: rule.priority === 'low',
      publishedExamples: new Set(rule.publishedExamples ?? []),
      publicValues: (rule.publicValues ?? []).map((shape) => new RegExp(`^(?:${shape})$`)),
      examples: rule.examples,
    };
    if (rule.files !== undefined) {
      if (!rule.files.length) throw new Error(`${rule.id}: needs file names`);
      return { ...base, kind: 'file', files: rule.files };
    }
    if (rule.pattern !== undefined) {
      if (!Array.isArray(rule.keywords) || rule.keywords.length === 0) throw new Error(`${rule.id}: needs keywords`);
      // A token counts only between boundaries: no word character or dash directly around it (nor a
      // dot before it: `video.ico-7a38…` is a file name, not an Infracost key). URL patterns start at `://`;
      // a pattern that starts at punctuation after a name says `boundaryBefore: false`.
      const leftBoundary = rule.pattern.startsWith('://') || rule.boundaryBefore === false ? '' : '(?<![\\w.-])';
      // A keyword that starts the match starts a token only behind the left boundary.
      if (rule.keywordStartsMatch && !leftBoundary) throw new Error(`${rule.id}: keywordStartsMatch needs the token boundary before the match`);
      const regex = new RegExp(`${leftBoundary}(?:${rule.pattern})(?![\\w-])`, `g${flags}`);
      return { ...base, kind: 'pattern', keywords: rule.keywords.map((k) => k.toLowerCase()), regex, keywordStartsMatch: !!rule.keywordStartsMatch };
    }
    if (!rule.names?.length || rule.value === undefined) throw new Error(`${rule.id}: needs a pattern, names and a value, or file names`);
    // Names are matched against the assigned name's words joined by _, at a word start.
    const names = rule.names.map((n) => `_${n.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+/, '')}`);
    const publicNames = (rule.publicNames ?? []).map((n) => `_${n.toLowerCase()}`);
    return { ...base, kind: 'keyed', names, value: new RegExp(`^(?:${rule.value})$`, flags), quotedOnly: !!rule.quotedOnly, publicNames };
  });
}

export const builtInSecretRules: SecretRule[] = parseRulePack(packData);

/** The pack's own published examples (top-level `publishedExamples`): protocol and reference-doc values no rule owns. */
export function packPublishedExamples(source: unknown): string[] {
  const entries = (source as { publishedExamples?: Array<{ source?: string; values?: unknown }> })?.publishedExamples ?? [];
  if (!Array.isArray(entries)) throw new Error('secret rule pack: `publishedExamples` must be a list');
  return entries.flatMap((entry) => {
    if (!entry?.source || !Array.isArray(entry.values) || !entry.values.every((value) => typeof value === 'string')) throw new Error('secret rule pack: each published example entry needs a `source` and a list of string `values`');
    return entry.values as string[];
  });
}

/** The pack's lockfile names (top-level `packageManagerFiles`): files the generic rule does not read. */
export function packPackageManagerFiles(source: unknown): ReadonlySet<string> {
  const names = (source as { packageManagerFiles?: unknown })?.packageManagerFiles ?? [];
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) throw new Error('secret rule pack: `packageManagerFiles` must be a list of file names');
  return new Set(names);
}

export const packageManagerFiles = packPackageManagerFiles(packData);

/** Every rule's public value shapes (`publicValues`): the generic rule leaves them too, whatever the name. */
export const publicValueShapes: readonly RegExp[] = builtInSecretRules.flatMap((rule) => rule.publicValues);

/**
 * Every published example value: each rule's (the generic rule skips them too, also without the rule's
 * public prefix: `AccountKey=` is the name the generic rule sees, the key its value) and the pack's own.
 */
export const publishedExampleValues: ReadonlySet<string> = new Set([
  ...builtInSecretRules.flatMap((rule) => [...rule.publishedExamples].flatMap((example) => (rule.publicPrefix > 0 ? [example, example.slice(rule.publicPrefix)] : [example]))),
  ...packPublishedExamples(packData),
]);

// One-word `provider` values that name a format or a protocol rather than who issues keys: `urlKey` and
// `sqlKey` name cache and lookup keys far more often than credentials.
// `age` (the encryption tool) is also a person's age. The rules for a kind of secret rather than a provider
// (`Private key`, `Connection string`, `Command line`) name no issuer either.
const NOT_ISSUERS = new Set(['url', 'http', 'sql', 'curl', 'jwt', 'kubernetes', 'powershell', 'age', 'privatekey', 'connectionstring', 'commandline']);

/** The pack's key issuers without a rule (top-level `keyIssuers`): providers whose keys have no format to match. */
export function packKeyIssuers(source: unknown): string[] {
  const names = (source as { keyIssuers?: unknown })?.keyIssuers ?? [];
  if (!Array.isArray(names) || !names.every((name) => typeof name === 'string' && /^[a-z0-9]+$/.test(name))) throw new Error('secret rule pack: `keyIssuers` must be a list of lower-case words (a provider\'s name in one word)');
  return names;
}

/**
 * The pack's providers, lower-case and in one word (`openai`, `stripe`, `github`, `huggingface`), and its
 * `keyIssuers`: `key` after one of them names the provider's key (`openaiKey`, `STRIPE_KEY`,
 * `DEEPSEEK_KEY`), as after `api` or `secret`.
 */
export const keyIssuerWords: ReadonlySet<string> = new Set([
  ...builtInSecretRules
    // Several words as one (`Hugging Face`: huggingface), as isCredentialName joins a name's words.
    .map((rule) => rule.provider.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter((provider) => provider && !NOT_ISSUERS.has(provider)),
  ...packKeyIssuers(packData),
]);
