// The generic credential rule: a value assigned to a name that says it is a secret (password, token,
// api key, client secret…), when the value looks random and is not a placeholder. Provider rules win
// over it for the same value.
import { shannonEntropy } from './entropy';
import { isSigningKeyCall } from './key-arguments';
import { isMadeUp, isPasswordHash, isPlaceholder } from './noise';
import { keyIssuerWords, publicValueShapes, publishedExampleValues } from './rule-pack';
import { isJwtHeader, publicJwt } from './validators';
import type { Assignment } from './assignments';

// Words of a name that make it a credential.
// Redis' `requirepass` and `masterauth` are its password settings, as directives, options and variables.
const CREDENTIAL_WORDS = new Set(['secret', 'password', 'passwd', 'passphrase', 'pass', 'pwd', 'token', 'apikey', 'credential', 'credentials', 'creds', 'bearer', 'authtoken', 'accesstoken', 'secretkey', 'privatekey', 'clientsecret', 'auth', 'authorization', 'requirepass', 'masterauth']);
// `key` counts only after one of these words (`api_key`, `secretKey`) or a provider's name from the rule
// pack (`openaiKey`, `STRIPE_KEY`: keyIssuerWords), never alone.
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'auth', 'signing', 'encryption', 'jwt', 'hmac', 'master', 'client', 'app', 'license', 'service', 'account', 'subscription', 'admin', 'write', 'deploy']);
// Words that may follow the credential word and still name the value itself (`mySecretString`,
// `db_password_prod`, `todo_secret_do_not_commit`, Rails' `secret_key_base`); any other word names something
// else (`tokenUrl`).
const STILL_THE_VALUE = new Set(['base', 'string', 'str', 'value', 'val', 'data', 'raw', 'b64', 'base64', 'hex', 'plain', 'plaintext', 'text', 'enc', 'encrypted', 'prod', 'production', 'dev', 'development', 'staging', 'stage', 'live', 'local', 'default', 'do', 'not', 'commit', 'here', 'override', 'secret', 'key', 'token', 'password']);
// Words that say the value is deliberately not real, or not secret (`csrf`, `xsrf`, Rails'
// `authenticity_token`: a form's anti-forgery token, served in the page; `next`, `continuation`, `cursor`,
// `page`, `sync`, `resume`: a pagination token such as AWS's NextToken, which only points into a result
// set; `version`, `idempotency`, `etag`: a token that names a state or a request, as Square's
// versionToken does, and grants nothing; `hashed`: a stored hash only checks a password).
const NOT_REAL = new Set(['public', 'publishable', 'csrf', 'xsrf', 'authenticity', 'nonce', 'fake', 'dummy', 'mock', 'example', 'sample', 'test', 'non', 'invalid', 'bad', 'wrong', 'expired', 'revoked', 'next', 'continuation', 'pagination', 'cursor', 'page', 'sync', 'resume', 'version', 'idempotency', 'etag', 'hashed']);

/** Words of an identifier: `AWS_SECRET.api-keyName2` -> aws, secret, api, key, name. Digits-only words dropped. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !/^\d+$/.test(word));
}

// Cheap test on the raw name before splitting it into words (most assigned names are not credentials).
const MAYBE_CREDENTIAL = /secret|pass|pwd|token|key|cred|auth|bearer/i;

// Credential words that also end names written as one word (`PGPASSWORD`, libpq's variable; `dbpassword`,
// `APITOKEN`, `appsecret`): the part before is a word of its own, so `CSRFTOKEN` and `NEXTTOKEN` are
// not real like `csrf_token`. `pwd` is left out: `OLDPWD` is the shell's previous directory.
const COMPOUND_ENDINGS = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey'];

/** A word that is a credential word with another word glued in front of it, as two words. */
function splitCompound(word: string): string[] {
  if (CREDENTIAL_WORDS.has(word)) return [word];
  // The word in front is a short one (`pg`, `db`, `admin`, `keystore`), not a run of letters.
  const ending = COMPOUND_ENDINGS.find((end) => word.length >= end.length + 2 && word.length <= end.length + 12 && word.endsWith(end));
  return ending ? [word.slice(0, -ending.length), ending] : [word];
}

export function isCredentialName(name: string): boolean {
  if (!MAYBE_CREDENTIAL.test(name)) return false;
  const words = nameWords(name).flatMap(splitCompound);
  if (words.some((word) => NOT_REAL.has(word))) return false;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i];
    const isCredential = CREDENTIAL_WORDS.has(word) || (word === 'key' && i > 0 && (KEY_QUALIFIERS.has(words[i - 1]) || issuerBefore(words, i)));
    if (!isCredential) continue;
    // The words after it must not turn it into something else (`tokenUrl`, `password_hash`).
    return words.slice(i + 1).every((after) => STILL_THE_VALUE.has(after));
  }
  return false;
}

/**
 * Whether a method's name names the credential it is given, not something done with it: `setPassword`,
 * `withApiKey`, `set_token`, or a builder's `password`, `apiKey`, `stripeKey`, `clientSecret`. Not
 * `getPassword`, `hashPassword`, `validateToken`: a name that starts with another verb.
 */
export function isCredentialSetter(method: string): boolean {
  const words = nameWords(method);
  if (words[0] === 'set' || words[0] === 'with') return words.length > 1 && isCredentialName(method);
  return words.length > 0 && (CREDENTIAL_WORDS.has(words[0]) || KEY_QUALIFIERS.has(words[0]) || keyIssuerWords.has(words[0])) && isCredentialName(method);
}

/**
 * A lower-case word and a counter (`variable-2`, `primary_12`) given as a token, key or secret: a name
 * (CodeMirror's numbered token styles, `token: "variable-2"`), since those values are generated. A
 * password is typed by a person, who does write `dragonfly-12`, so it is still judged as a value.
 */
export function isWordWithCounter(name: string, value: string): boolean {
  return WORD_AND_COUNTER.test(value) && !nameWords(name).flatMap(splitCompound).some((word) => PASSWORD_WORDS.has(word));
}
const WORD_AND_COUNTER = /^[a-z]{3,}[-_]?\d{1,3}$/;
const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pass', 'pwd']);

/**
 * Whether the words before `at` end with a key issuer's name, written as one word or as the words its
 * camel case splits into (`openAiKey`, `sendGridKey`, `HUGGING_FACE_KEY`).
 */
function issuerBefore(words: readonly string[], at: number): boolean {
  let joined = '';
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) {
    joined = words[i] + joined;
    if (keyIssuerWords.has(joined)) return true;
  }
  return false;
}

/**
 * A value long enough to be used as an HMAC signing key: RFC 7518 (3.2) requires a key of at least the
 * hash's size for HS256, 256 bits, and jjwt and ASP.NET refuse shorter ones, so a written key of 32
 * characters or more is there to sign. It counts even when it reads as words
 * (`ThisIsMySuperSecretKeyForJwtSigning2024!`), which isCredentialValue dismisses as made up, where
 * what holds it says it signs (isSigningKeyName, or a signing call's key: isWrittenSigningKey):
 * whoever reads it can forge what it signs. A placeholder, a value for tests, an environment
 * variable's name or a public key is still none; so is a bare value in code (an expression).
 */
export function isSigningKeyValue(value: string, assignment: Pick<Assignment, 'quoted'>, scriptFile: boolean): boolean {
  if (scriptFile && !assignment.quoted) return false;
  if (value.length < SIGNING_KEY_MIN_LENGTH || value.length > 500) return false;
  if (isPlaceholder(value) || publishedExampleValues.has(value) || /test|fake|mock|sample|demo/i.test(value) || PUBLIC_KEY_PEM.test(value)) return false;
  // An environment variable's name is no key (a phrase in kebab or camel case is one: it is what gets signed with).
  return !/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value);
}

/** A literal passed as the key of a call that signs with it (`jwt.sign(payload, "…")`, `new SymmetricSecurityKey(…)`), long enough to sign. */
export function isWrittenSigningKey(value: string, assignment: Pick<Assignment, 'call' | 'quoted'>): boolean {
  return isSigningKeyCall(assignment.call) && isSigningKeyValue(value, assignment, true);
}

/**
 * A name that says its value signs: a JWT's key or secret (`JWT_SECRET`, `Jwt.Key`, `jwtSigningKey`),
 * a signing or HMAC key, a session's or cookie's secret (a session's or cookie's `key` is as often a
 * storage key's name), and the frameworks' own `SECRET_KEY` (Django, Flask) and `secret_key_base`
 * (Rails). Not a public key, nor a key's ID, name, file, lifetime or place (`JWT_STORAGE_KEY`).
 */
export function isSigningKeyName(name: string): boolean {
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (words.some((word) => SIGNING_KEY_NOT.has(word))) return false;
  if ((last === 'key' || last === 'secret') && words.some((word) => KEY_SIGNING_WORDS.has(word))) return true;
  if (last === 'secret' && words.some((word) => SECRET_SIGNING_WORDS.has(word))) return true;
  return words.join('_') === 'secret_key' || words.join('_') === 'secret_key_base';
}
const KEY_SIGNING_WORDS = new Set(['jwt', 'signing', 'hmac']);
const SECRET_SIGNING_WORDS = new Set(['session', 'cookie']);
const SIGNING_KEY_NOT = new Set(['public', 'pub', 'id', 'name', 'file', 'path', 'url', 'expiry', 'expires', 'ttl', 'storage', 'cache', 'header', 'claim', 'field', 'param']);

/** 256 bits, the HS256 minimum, as characters of a written key. */
const SIGNING_KEY_MIN_LENGTH = 32;

/** A public key written on one line (`jwt.verify(token, "-----BEGIN PUBLIC KEY-----MIIB…")`): it verifies, it does not sign. */
const PUBLIC_KEY_PEM = /^-----BEGIN (?:RSA |EC )?PUBLIC KEY-----/;

// A UUID, bare or as a URN (`urn:uuid:…`, as in WebDAV lock tokens): an identifier, not a secret.
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGRITY = /^sha(?:1|256|384|512)-[A-Za-z0-9+/=]+$/;

/** Whether an assigned value looks like a real credential rather than code, a word or a reference. */
export function isCredentialValue(value: string, assignment: Pick<Assignment, 'quoted'>, scriptFile: boolean): boolean {
  if (scriptFile && !assignment.quoted) return false; // in code, a bare value is an expression
  if (value.length < 10 || value.length > 500) return false;
  if (isMadeUp(value) || publishedExampleValues.has(value) || PUBLIC_KEY_PEM.test(value)) return false;
  // A JWT the jwt rule dismisses as published (a Supabase anon key, jwt.io's sample), or a JWT's header alone.
  if (value.startsWith('eyJ') && (publicJwt(value) || isJwtHeader(value))) return false;
  // A provider's kind of key made for browser code, by its shape (the rule pack's `publicValues`).
  if (publicValueShapes.some((shape) => shape.test(value))) return false;
  if (UUID.test(value) || INTEGRITY.test(value) || isPasswordHash(value)) return false;
  if (value.startsWith(':')) return false; // empty fields of a colon-separated record (`user:{plain}password::::::allow_nets=…`)
  if (/^[a-z]+:\/\//i.test(value) || /^(?:\.{0,2}\/|~\/)/.test(value) || /\.(?:json|ya?ml|txt|pem|key|crt|js|ts|py|env|html?|png|svg)$/i.test(value)) return false;
  if (/^[\w.-]+(?:\/[\w.-]+)+\.[a-z]{1,5}$/.test(value)) return false; // a relative file path: `[OAuth]: doc/api/o-auth.md`
  if (/^[._-]{0,2}[A-Za-z]+(?:[_.@/|-]+[A-Za-z]+)*[.,;:!?]?$/.test(value)) return false; // words and identifiers, maybe ending a sentence: getToken, my_password, 'Token inesperado.', `.virtual-comment`, `__NEXT_PREVIEW_MODE_SIGNING_KEY`, username@appId, apples/oranges, a list of choices (`Basic|Digest|NTLM`)
  if (/^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(value)) return false; // an e-mail address (the anonymous FTP password convention)
  if (/^[A-Z]{2,}(?:-[A-Z0-9]{2,})+$/.test(value)) return false; // a mechanism or algorithm: `DIGEST-MD5`, `SCRAM-SHA-256`, `AES-256-GCM`
  if (/^[.,:;/ -]*\$[A-Za-z_]\w*(?:[.,:;/ -]+\$?[A-Za-z_]\w*)*[.,:;/ -]*$/.test(value)) return false; // variables of a shell, PHP or Perl string: `$fullname:$email:admin`, `.$auth_protocol.`
  if (isReferenceName(value) || CAMEL_CASE_NAME.test(value) || VERSIONED_NAME.test(value)) return false;
  if (/^arn:aws[\w-]*:/.test(value)) return false; // an AWS resource name identifies, it does not authorise
  if (SIGNING_SCOPE.test(value) || SCOPE_WITH_CAPTURE.test(value)) return false;
  if (PASSWD_RECORD.test(value)) return false;
  if (/^[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|dev|app|local|internal|lan|corp|cloud|co|us|eu|uk|de)$/i.test(value)) return false; // host names
  if (FOUR_BY_FOUR.test(value)) return isDrawnLetters(value);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  if (classes < 2) return false;
  const entropy = shannonEntropy(value);
  return value.length >= 16 ? entropy >= 3.3 : entropy >= 2.8;
}

// Lower-case words with a version (`kerberos_v5`, `ntlm-v2`, `auth_scheme_v10`): one of a list of choices
// (postfixadmin's `array('password','kerberos_v5',…)`), read as a name and its value.
const VERSIONED_NAME = /^[a-z]{3,}(?:[_-][a-z]+)*[_-]v\d{1,3}$/;

// A request signature's credential scope, sent in the clear with every signed request: an access key's ID,
// a date, a region and a service (AWS Signature Version 4 and 4a: `AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request`;
// Google Cloud Storage's V4 signing: `…/auto/storage/goog4_request`). The key's secret is not in it.
const SIGNING_SCOPE = /^[\w-]+\/\d{8}\/(?:[\w-]+\/)?[\w-]+\/(?:aws4|goog4)_request$/;

// A syntax-highlighting scope filled with a regular expression's capture (`keyword.$0`,
// `constant.reserved.$0`, `keyword.tag-$1`): Monaco's Monarch grammars name every rule's `token` this
// way. Dotted lower-case words, a capture ending some of them (one at least: the lookahead).
const SCOPE_WITH_CAPTURE = /^(?=[^$]*\$)[a-z][a-z0-9-]*(?:\.[a-z0-9-]*(?:\$[#\w]+)?)+$/;

// A record of /etc/passwd (name, `x` for a password kept in /etc/shadow, user and group IDs, …): a test's
// or an image's users file under the key `passwd`. It holds no password.
const PASSWD_RECORD = /^[a-z_][\w.-]*:[x*!]?:\d+:\d+:/;

// A Google app password as Google shows it: 16 lower-case letters in four groups of four.
const FOUR_BY_FOUR = /^[a-z]{4}(?: [a-z]{4}){3}$/;
// Letters that English words hold few of (about one in ten letters of running text, four in sixteen
// drawn at random).
const RARE_LETTERS = /[jkqvwxz]/g;

/**
 * Four groups of letters drawn at random, not four words (`your pass word here`): a group with no vowel
 * (y counted), which a word of four letters almost never is and a third of random groups are, or three
 * letters English seldom uses. Four words pass only with three rare letters among them; random draws
 * fail both tests about 3 times in 100 (18% have a vowel in every group, 15% fewer than three rare
 * letters).
 */
function isDrawnLetters(value: string): boolean {
  const vowelless = value.split(' ').some((group) => !/[aeiouy]/.test(group));
  return vowelless || (value.match(RARE_LETTERS)?.length ?? 0) >= 3;
}

// A name, not a value: snake, kebab, dotted or colon-separated words, each lower-case, upper-case,
// capitalised or camel-cased, with digits only at its end (`ec2_access_key`, `0002_alter_user_email`,
// `rule:admin_required`, `pipeline_factory_v21`, `V2.Core.AccountPerson`, a namespaced type such as
// Heat's `OS::Heat::RandomString` or Ruby's `Devise::Strategies`), maybe behind a sigil or a
// flag's dashes (`--client-key`, `#record_name`, `&session-state:Tmp-Integer-0`, `@ACCESS_KEY`), maybe
// with the `=` of the next key (`auth_user=`). A random value has mixed case and digits inside its
// words, so it does not read this way.
// Each word can be read one way only (an upper-case letter starts either an upper-case run or a
// capitalised, maybe camel-cased word), so a value that is not a name fails in linear time. With
// alternatives that overlapped (`A` was both `[A-Z][a-z]*` and `[A-Z]+`), `A_A_A_…!` took exponential time.
const NAME_WORD = String.raw`(?:\d+|[a-z]+(?:[A-Z][a-z]+)*\d*|[A-Z](?:[A-Z]+|[a-z]+(?:[A-Z][a-z]+)*)?\d*)`;
export const REFERENCE_NAME = new RegExp(String.raw`^(?:--?|[#&@$*%!])?${NAME_WORD}(?:(?:::|[_.:-])${NAME_WORD})*@?=?$`);

// A camel-cased name of three words or more, digits only at a word's end (or a letter or two after them
// in the first: `kerberos5iReadWrite`): a serialised field's name in an SDK's attribute map
// (`"kerberos5_read_write": {"key": "kerberos5ReadWrite", "type": "bool"}`). Generated values
// break into short runs of mixed case, not into words of two lower-case letters or more.
export const CAMEL_CASE_NAME = /^(?:[a-z]{2,}(?:\d+[a-z]{0,2})?|[A-Z][a-z]{2,}\d*)(?:[A-Z][a-z]{2,}\d*){2,}$/;

function isReferenceName(value: string): boolean {
  const separators = (value.match(/[_.:-]/g) ?? []).length;
  const sigil = /^(?:--?|[#&@$*%!])[A-Za-z]/.test(value);
  if (separators === 0 && !sigil && !value.endsWith('=')) return false; // one word with digits may be a password: storagegrid123
  return (value.match(/[A-Za-z]{3,}/g) ?? []).length >= 2 && REFERENCE_NAME.test(value);
}

export const GENERIC_RULE_ID = 'secrets/generic-credential';
