// What is not a secret even when it has the shape of one: placeholders, examples, references to
// variables and templates. Shared by every secret rule, so each rule's data stays about its format.
import { shannonEntropy } from './entropy';

// Words that mark a value as an example or a placeholder (checked case-insensitively, as substrings).
const PLACEHOLDER_WORDS = ['example', 'placeholder', 'changeme', 'change_me', 'change-me', 'your_', 'your-', 'yourkey', 'yourtoken', 'redacted', 'dummy', 'replace_me', 'replaceme', 'insert_', 'put_your', 'xxxxx', '*****', '.....', '<', '>', '&lt;', '&gt;', '${', '{{', '%(', '#{', 'process.env', 'os.environ', 'getenv'];

/** True when a candidate value is a placeholder, a template or a reference rather than a real secret. */
export function isPlaceholder(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word))) return true;
  // A walk through the alphabet (abcdefghij…) is typed, not generated.
  if (/abcdefghij|bcdefghijk|klmnopqrst|qrstuvwxyz/.test(lower)) return true;
  // A printf template, filled in at run time: `'__omit_place_holder__%s' % digest`, `"storage/%d"`.
  if (/%[sdr](?![0-9A-Za-z])/.test(value)) return true;
  // Variable references: $TOKEN, %TOKEN% (Windows), env:TOKEN.
  if (/^\$[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|^env:[A-Za-z_]\w*$/.test(value)) return true;
  // A `<placeholder>` in HTML-escaped documentation: `passphrase: &lt;string&gt;`, `&#x3C;string>`.
  if (/^(?:&lt;|&#x0*3c;|&#0*60;)[A-Za-z]/i.test(value)) return true;
  // One character repeated over most of the value: 0000…, aaaa…, AAAA….
  const counts = new Map<string, number>();
  for (const ch of lower) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const most = Math.max(...counts.values());
  return value.length >= 8 && most / value.length > 0.6;
}

/**
 * Stricter, for the generic rule only: counting and keyboard walks (123456789, abcdefgh) mark a made-up
 * value. A provider rule keeps them: a value of the provider's exact format, assigned to a name that
 * names the provider, is treated as meant to be real.
 */
export function isMadeUp(value: string): boolean {
  const lower = value.toLowerCase();
  if (isPlaceholder(value) || /0123456|123456789|abcdefgh|qwertyui/.test(lower) || hasAscendingRun(lower, 5) || isCountingRuns(lower)) return true;
  // Snake-case words and a counter: `sk_test_123`, `user_token_1`, a value no generator makes.
  if (/^[a-z]{2,}(?:_[a-z]{2,})+_\d{1,4}$/.test(value)) return true;
  // A value that says it is for testing: testing123 (FreeRADIUS' sample secret), test@12345.
  if (/^test(?:ing)?[\W\d_]*$/i.test(value)) return true;
  // A value that spells out what it stands for: "secret:rotated", "my-token-here".
  if (/secret|passw|token|api[-_]?key|credential/.test(lower)) return true;
  if (isEncodedPhrase(value)) return true;
  // Cut short in documentation (`ops_eyJzaWdu...`), or a name: a part between separators that falls
  // apart into words (`MyServiceAccountKey`, `com.example.PaymentGatewayClient`). A generated value
  // only holds such words as a short run among other characters (2% of random 32-character tokens
  // hold three capitalised ones in a row: `…UyDyhSodZdriUcas`).
  if (/(?:\.{2,}|\u2026)$/.test(value)) return true;
  const parts = value.split(/[^A-Za-z0-9]+/);
  // Two words are a name only when they are the whole value: a part between separators is often short.
  return parts.some((part) => isIdentifierWords(part, true, parts.length === 1));
}

/**
 * Base64 of a phrase, a test's stand-in for a token (`dGhpcyBpcyBub3QgYSByZWFsIHZhbHVl`, "this is not a
 * real value", in an AWS SDK's tests), or of a label (`UGFzc3dvcmQ6`, "Password:", a portal's UI text in
 * a Cisco ISE playbook): a generated token decodes to random bytes, not to words and blanks.
 */
function isEncodedPhrase(value: string): boolean {
  if (value.length < 12 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[A-Za-z]+(?: [A-Za-z,.'!?-]+){2,}$/.test(decoded) || /^[A-Z][a-z]+(?: [A-Za-z]+)*[:.]$/.test(decoded);
}

/**
 * Whether `length` letters or digits in a row go up one by one (`abcde`, `vwxyz`, `56789`): an alphabet
 * typed to show which characters a value may hold (`ABCDEvwxyz0189-_`), which a generator makes about
 * once in a million characters. Separators between them do not break the run: `123-456-789` and
 * `1234-5678-9012` are counting grouped the way keys are printed.
 */
function hasAscendingRun(lower: string, length: number): boolean {
  let run = 1;
  let previous = -1;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (GROUP_SEPARATORS.has(code) && previous >= 0) continue;
    const alphanumeric = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
    run = alphanumeric && code === previous + 1 ? run + 1 : 1;
    previous = alphanumeric ? code : -1;
    if (run >= length) return true;
  }
  return false;
}

/**
 * Whether the value is made of runs of three or more letters or digits that go up one by one, and
 * nothing else (`abc123def456`, `abc123`, `123abc`): a sequence typed to fill a field, which a generator
 * makes about once in 10^10 values of that length.
 */
function isCountingRuns(lower: string): boolean {
  if (lower.length < 6) return false;
  let run = 1;
  for (let i = 1; i <= lower.length; i++) {
    const code = lower.charCodeAt(i);
    const previous = lower.charCodeAt(i - 1);
    if (!((previous >= 0x61 && previous <= 0x7a) || (previous >= 0x30 && previous <= 0x39))) return false;
    if (i < lower.length && code === previous + 1) {
      run++;
      continue;
    }
    if (run < 3) return false;
    run = 1;
  }
  return true;
}

/** `-`, `_`, `.`, space: what groups a key's characters when it is printed for people. */
const GROUP_SEPARATORS = new Set([0x2d, 0x5f, 0x2e, 0x20]);

/**
 * A class or constant name: capitalised words, each with a vowel, maybe with an acronym or a number
 * (`BitbucketServerCoreAPIStatusPush`, an entry point's target); with `camelCase`, maybe after a
 * lower-case first word (`kerberos5ReadWrite`). A provider's value shape that is only letters and digits
 * (`[a-z0-9]{32}`, case ignored) also fits such a name. A generated value of mixed case falls apart into
 * such parts too, but mostly short ones (`q8UCajWOIUoHzD0Ss…`: `U`, `Caj`, `WOI`, `Uo`, `Hz`…): the
 * words must make most of the name.
 */
export function isIdentifierWords(value: string, camelCase = false, twoWords = false): boolean {
  const parts = value.match(camelCase ? /^[a-z]+|[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+/g : /[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+/g);
  if (!parts || parts.join('') !== value) return false;
  const words = parts.filter((part) => /^[A-Za-z][a-z]{2,}$/.test(part));
  const wordCharacters = words.reduce((sum, word) => sum + word.length, 0);
  if (!words.every((word) => /[aeiouy]/.test(word.slice(1)))) return false;
  // With `twoWords`, two words make a name when they are nearly all of it (`OAuth2Client`, `Base64Encoder`).
  return (words.length >= 3 && wordCharacters >= value.length * IDENTIFIER_WORD_SHARE) || (twoWords && words.length === 2 && wordCharacters >= value.length * TWO_WORD_SHARE);
}

/** The least share of a name's characters in its words (isIdentifierWords). */
const IDENTIFIER_WORD_SHARE = 0.75;
/** The same for a name of two words. */
const TWO_WORD_SHARE = 0.8;

/** How many lines around a password the user it belongs to is looked for. */
const USER_NAME_LINES = 3;

/**
 * Whether the value at `start`–`end` is the name of its user, written beside it: an install guide's
 * `GRANT … TO 'icingaweb2'@'localhost' IDENTIFIED BY 'icingaweb2'`, `username = "icingaweb2"` /
 * `password = "icingaweb2"`, `PGPASSWORD=icingaweb2 psql -U icingaweb2`, `postgres://icinga:icinga@db`.
 * Such a password is a default the reader replaces, not a secret: a generated one never equals a name
 * written a line away.
 */
export function isUserNameNearby(text: string, start: number, end: number, value: string): boolean {
  let from = start;
  let to = end;
  for (let n = 0; n < USER_NAME_LINES && from > 0; n++) from = text.lastIndexOf('\n', from - 2) + 1;
  for (let n = 0; n < USER_NAME_LINES && to >= 0 && to < text.length; n++) to = text.indexOf('\n', to + 1);
  const around = `${text.slice(from, start)}\n${text.slice(end, to < 0 ? text.length : to)}`;
  if (!around.includes(value)) return false;
  const literal = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:\\b(?:user(?:[_ -]?name)?|login|uid|owner|role|to)["']?\\s*(?:[:=]|=>)?\\s*|\\s-U\\s*|\\s--username[= ]|\\/\\/)["'\`]?${literal}(?![\\w.-])`, 'i').test(around);
}

// A stored password hash, which only checks a password: MySQL's `*` + SHA-1 hex, crypt(3) formats
// (bcrypt `$2y$`, sha256/512-crypt `$5$`/`$6$`, yescrypt `$y$`, argon2), maybe as an htpasswd line
// (`user:$2y$05$…`, as a Kubernetes Secret carries one for an ingress' basic auth).
// Django's stored form, `algorithm$…` (`pbkdf2_sha256$600000$salt$hash`, `argon2$argon2id$…`,
// `bcrypt_sha256$$2b$…`), is one too.
const PASSWORD_HASH = /^(?:[\w.@-]{1,64}:)?(?:\*[0-9A-F]{40}|\$(?:2[abxy]?|5|6|y|argon2(?:id|i|d))\$[./A-Za-z0-9$=,]{20,}|(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?|scrypt)\$[./A-Za-z0-9$=+,]{20,})$/;

export function isPasswordHash(value: string): boolean {
  return PASSWORD_HASH.test(value);
}

/** Entropy of the part of a value after its public prefix (a prefix carries no randomness). */
export function valueEntropy(value: string, publicPrefix: number): number {
  return shannonEntropy(value.slice(publicPrefix));
}
