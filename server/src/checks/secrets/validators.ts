// Named validators a rule in rules/secrets.yml can ask for, when a pattern alone cannot tell a real
// secret from a look-alike. A validator sees the matched value and the whole match, and answers
// whether it is a secret; a structural one may instead return the spans of the secrets it found.
import { shannonEntropy } from './entropy';
import { isMadeUp, isPasswordHash, isPlaceholder, isUserNameNearby } from './noise';

export interface SecretSpan {
  start: number;
  end: number;
}

export interface ValidatorContext {
  /** The whole file text and where the pattern matched. */
  text: string;
  matchStart: number;
  match: string;
}

/**
 * Whether the value is a secret; or the spans of the secrets found; or 'public': the provider's own kind
 * of key made to be published (a Firebase app's API key), which no rule reports, the generic one included.
 */
export type Validator = (value: string, context: ValidatorContext) => boolean | SecretSpan[] | 'public';

// What may surround the body of a PEM block in source code: newlines, escaped newlines, quotes and
// concatenation, and RFC 7468 / PGP armour headers such as `Proc-Type: 4,ENCRYPTED`.
const PEM_NOISE = /\\[nr]|[\s"'`+,]|^[A-Za-z-]+:[^\n]*$/gm;

// Passwords that only ever appear in documentation and local defaults, and the metasyntactic words
// (`https://foo:bar@host/`). Two are the examples of much-copied reference pages: `foobared` is Redis'
// (redis.conf's `requirepass foobared`, the Redis docs' AUTH examples), `flabada` MDN's (the URL
// `https://anonymous:flabada@developer.mozilla.org/…` of its URL.password page, copied into URL tests).
const DOCUMENTATION_PASSWORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'psw', 'secret', 'changeme', 'guest', 'root', 'admin', 'test', 'user', 'username', 'token', 'apikey', 'api_key', 'example', 'postgres', 'mysql', 'redis', 'default', 'letmein', 'dbpass', 'mypassword', 'yourpassword', 'foo', 'bar', 'baz', 'qux', 'quux', 'foobared', 'flabada', 'tiger', 'public']);

function looksLikeReference(value: string): boolean {
  return /^[$%{(<[]/.test(value) || /\$\{|\{\{|%\(|<[^>]*>/.test(value) || /^x+$/i.test(value) || /^\*+$/.test(value);
}

export const validators: Record<string, Validator> = {
  /** From a PEM header to its END line, when the body between is real base64 key material. */
  'pem-block': (_value, context) => {
    const end = context.text.indexOf('-----END', context.matchStart + context.match.length);
    if (end < 0 || end - context.matchStart > 16384) return false;
    const close = /^-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/.exec(context.text.slice(end, end + 80));
    if (!close) return false;
    const body = context.text.slice(context.matchStart + context.match.length, end).replace(PEM_NOISE, '');
    if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body) || shannonEntropy(body) < 4) return false;
    return [{ start: context.matchStart, end: end + close[0].length }];
  },

  /** A base64 value that decodes to a PEM private key's header (not a certificate's or a public key's). */
  'encoded-pem-private-key': (value) => /-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/.test(Buffer.from(value.slice(0, 120), 'base64').toString('latin1')),

  /**
   * A service account key file: `"type": "service_account"` with a private key in the same object. The
   * type alone (in docs, in a config naming the kind of principal) holds nothing to steal.
   */
  'service-account-key': (_value, context) => {
    const around = context.text.slice(Math.max(0, context.matchStart - SERVICE_ACCOUNT_REACH), context.matchStart + SERVICE_ACCOUNT_REACH);
    return SERVICE_ACCOUNT_PRIVATE_KEY.test(around);
  },

  /** A Google API key, unless it is the key of a Firebase app's config (firebaseConfigKey). */
  'google-api-key': (value, context) => (firebaseConfigKey(context) ? 'public' : !isPlaceholder(value)),

  /** A three-part token, or a base64 wrapping of one. */
  jwt: (value) => {
    if (value.startsWith('ey')) return value.split('.').length >= 3 && shannonEntropy(value) >= 4 && !publicJwt(value);
    let decoded: string;
    try {
      decoded = Buffer.from(value, 'base64').toString('latin1');
    } catch {
      return false;
    }
    return /^eyJ[\w-]{6,}\.[\w-]*ey[\w-]{6,}/.test(decoded) || /^eyJ[\w-]{10,}\./.test(decoded);
  },

  /**
   * A WordPress key or salt. Its alphabet holds `<`, `>`, `{` and `$`, which the usual placeholder test
   * reads as a template anywhere in a value: most generated salts would be dropped. Here a placeholder is
   * the whole value: WordPress's own `put your unique phrase here`, a `<placeholder>`, a `${VAR}`, a
   * `{{ template }}`, or one character repeated.
   */
  'wordpress-salt': (value) => !/unique phrase/i.test(value) && !/^(?:<[^<>]*>|\$\{[^{}]*\}|\{\{[^{}]*\}\}|(.)\1*)$/.test(value),

  /** The password of a database or broker URL (postgres://user:password@host…). */
  'database-url-password': (value, context) => hasScheme(context, DATABASE_SCHEMES) && urlPassword(value, context),
  /** The password of a web, FTP or SSH URL (https://user:password@host…). */
  'web-url-password': (value, context) => hasScheme(context, WEB_SCHEMES) && urlPassword(value, context),

  /**
   * The password of a keyword connection string: among other connection keys, in a string literal (or
   * an unquoted line of `;`-separated pairs), unless it is a variable, a template, a mask or a
   * documentation default. Keyword arguments in code (`def connect(host=None, password=None)`) are not
   * in a string; a form or query string's field (`-d "user=kevin&password=…"`) follows a `&` or `?`.
   */
  'connection-string-keyword-password': (value, context) => {
    if (/^[%&]/.test(value) || /^[A-Za-z_][\w ]*=/.test(value)) return false; // `password= port=`: empty, then the next key
    if (!plainPassword(value) || characterClasses(value) < 2 || isUserNamed(value, context)) return false;
    const text = context.text;
    if (text[context.matchStart - 1] === '&' || text[context.matchStart - 1] === '?') return false;
    // The string or line the pair is in: back to the quote or line break before it, on to the one after.
    let start = context.matchStart;
    while (start > 0 && start > context.matchStart - 500 && !STRING_OR_LINE_END.includes(text[start - 1])) start--;
    let end = context.matchStart + context.match.length;
    while (end < text.length && end < context.matchStart + 500 && !STRING_OR_LINE_END.includes(text[end])) end++;
    const segment = text.slice(start, end);
    const quoted = start > 0 && '"\'`'.includes(text[start - 1]) && text[end] === text[start - 1];
    // Brackets and `, ` separate arguments of code (`lookup(…, username=user, password=pwd)`), not pairs.
    return (quoted || segment.includes(';')) && !/[()]|,\s/.test(segment) && CONNECTION_KEY.test(segment);
  },

  /**
   * A password an SQL statement gives a user: the statement (back to the `;` before it) creates or alters
   * a user, role or login, or sets a password; a stored hash is not the password.
   */
  'sql-user-password': (value, context) => {
    if (!plainPassword(value) || STORED_PASSWORD_HASH.test(value) || isUserNamed(value, context)) return false;
    const before = context.text.slice(Math.max(0, context.matchStart - 300), context.matchStart);
    return PASSWORD_STATEMENT.test(before.slice(before.lastIndexOf(';') + 1));
  },

  /** A password written as a literal where only its context says it is one: not a reference, a placeholder or a documentation default. */
  'plain-password': (value) => plainPassword(value),

  /** The second member of an HTTP client's auth pair: `auth=(user, "…")`, `HTTPBasicAuth(user, "…")`. */
  'basic-auth-pair': (value, context) =>
    plainPassword(value) && AUTH_PAIR_OPENING.test(context.text.slice(Math.max(0, context.matchStart - 200), context.matchStart)),

  /** A password flag's value on the command line of a tool that takes a password that way (see CLI_PASSWORD_COMMAND). */
  'cli-password-argument': (value, context) => {
    // One kind of character (`msandbox`, a test sandbox's default) is a word, not a password someone chose to hide.
    if (!plainPassword(value) || characterClasses(value) < 2) return false;
    const lineStart = context.text.lastIndexOf('\n', context.matchStart - 1) + 1;
    const command = CLI_PASSWORD_COMMAND.exec(context.text.slice(Math.max(lineStart, context.matchStart - 300), context.matchStart));
    if (!command) return false;
    // mysql reads `-p value` as "ask for the password" and a database name: only `-pvalue` is a password.
    return !command[1] || context.match.startsWith('--') || /^-p["']?[^\s]/.test(context.match);
  },

  /** Credentials on a curl command line: an Authorization (or API key/token) header, or `-u user:password`. */
  curl: (_value, context) => curlCredentials(context),

  /** A Discord bot token: its first part is the bot's user ID, a snowflake of 17 to 20 digits, in base64. */
  'discord-bot-token': (value) => /^\d{17,20}$/.test(Buffer.from(value.slice(0, value.indexOf('.')), 'base64url').toString('latin1')),

  /** The values under `data:`/`stringData:` of the Kubernetes Secret this match starts. */
  'kubernetes-secret': (_value, context) => kubernetesSecretValues(context.text, context.matchStart),

  /**
   * A Vault token. The legacy form (`s.` and 24 characters) is also a field of a variable named `s`
   * (`s.ConfigurationItemMD5Hash = &v`, the AWS SDK for Go's every setter), so it counts only where it is
   * a whole value: after a quote, `=`, `:`, `>` or `Bearer` (or at the start of its line), and before a
   * quote, `<`, `;`, a comment or the end of its line. The current forms (`hvs.`, `hvb.`) say what they are.
   */
  'vault-token': (value, context) => !value.startsWith('s.') || isWholeValue(context.text, context.matchStart, context.matchStart + value.length),
};

/**
 * A JWT's header alone (`eyJhbGciOi…`, base64url of a JSON object such as `{"alg":"HS256","typ":"JWT"}`):
 * it says how a token is signed, and is no credential. Text that only starts like one is not a header.
 */
export function isJwtHeader(value: string): boolean {
  if (!/^eyJ[\w-]+=*$/.test(value) || value.length > 400) return false;
  try {
    const header: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && ('alg' in header || 'typ' in header);
  } catch {
    return false;
  }
}

/** Whether text[start, end) stands on its line as a value of its own, not as a part of an expression. */
function isWholeValue(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const before = text.slice(Math.max(lineStart, start - 80), start);
  const after = text.slice(end, lineEnd < 0 ? text.length : Math.min(lineEnd, end + 80));
  const opens = VALUE_OPENER.test(before) || (start - lineStart <= 80 && /^[ \t]*$/.test(before));
  return opens && VALUE_CLOSER.test(after);
}
const VALUE_OPENER = /(?:["'`=:>]|\bBearer)[ \t]*$/i;
const VALUE_CLOSER = /^[ \t]*(?:["'`<;#\r]|\/\/|$)/;


// Statements that set a user's password (PostgreSQL, MySQL and MariaDB, SQL Server, Oracle).
const PASSWORD_STATEMENT = /\b(?:(?:CREATE|ALTER)\s+(?:USER|ROLE|LOGIN)|SET\s+PASSWORD|GRANT)\b/i;
// A password as the server stores it: PostgreSQL's md5 and SCRAM verifiers, MySQL's `*` + SHA-1 hex.
const STORED_PASSWORD_HASH = /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$.*|\*[0-9A-F]{40})$/;

// What opens an auth pair, up to its first member: `auth=(`, `HTTPBasicAuth(`, `aiohttp.BasicAuth(`.
// (No blanks run of its own before the first member: the member's class holds blanks too, and the
// overlap cost the ReDoS analyser 14 minutes.)
const AUTH_PAIR_OPENING = /(?:\bauth[ \t]*=[ \t]*\(|(?:Basic|Digest)Auth\()[^,()\n]{1,100}$/;

function plainPassword(value: string): boolean {
  return !(looksLikeReference(value) || DOCUMENTATION_PASSWORDS.has(value.toLowerCase()) || isPlaceholder(value) || isMadeUp(value) || spellsOutAPassword(value));
}

// Tools that take a password as an argument, before the flag on its line; group 1 is the mysql family.
// A command name starts a word that no dash or dot joins to the one before (`php-mysql` is a package).
const CLI_PASSWORD_COMMAND = /(?<![\w.-])(?:(mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump)\b|(?:docker|podman|buildah|skopeo|nerdctl|oras)[ \t]+login\b|helm[ \t]+registry[ \t]+login\b|sshpass\b)[^\n]*$/;

const STRING_OR_LINE_END = '\n"\'`';

/** How many of lower-case, upper-case, digits and other ASCII characters a value holds. */
function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/].filter((re) => re.test(value)).length;
}

// The other keys of a connection string (ADO.NET, ODBC, JDBC for SQL Server, libpq), as a pair `key=`.
const CONNECTION_KEY = /(?:^|[;\s:])(?:server|data source|host|hostname|address|addr|database|databasename|dbname|initial catalog|user id|userid|uid|user|username|port|sslmode|driver|dsn|provider)[ \t]*=/i;

// The pattern starts at `://`, so the regex engine can scan for it fast; the scheme is checked here.
// Maybe with a driver, as SQLAlchemy writes it (`postgresql+psycopg2`, `mysql+aiomysql`, `oracle+oracledb`), or `mongodb+srv`.
const DATABASE_SCHEMES = /(?:postgres(?:ql)?|mysql|mariadb|mongodb|redis|rediss|amqps?|mssql|sqlserver|cockroachdb|clickhouse|oracle|snowflake|jdbc:[a-z]+)(?:\+[\w-]+)?$/i;
const WEB_SCHEMES = /(?:https?|ftps?|sftp|ssh|git\+https)$/i;

// A key file is a small JSON object: its private key (about 1,700 characters of PEM) is within a few
// thousand characters of its type, before or after it. Quotes may be escaped (a key file inside a string).
const SERVICE_ACCOUNT_REACH = 4096;
const SERVICE_ACCOUNT_PRIVATE_KEY = /\\?["']private_key\\?["']\s*:\s*\\?["']-----BEGIN [A-Z ]*PRIVATE KEY-----/;

function hasScheme(context: ValidatorContext, scheme: RegExp): boolean {
  return scheme.test(context.text.slice(Math.max(0, context.matchStart - 40), context.matchStart));
}

/** A user:password@host password, unless it is a variable, a template or a documentation default. */
/** The password is its user's name, written beside it (noise.ts, isUserNameNearby). */
function isUserNamed(value: string, context: ValidatorContext): boolean {
  const start = context.matchStart + context.match.lastIndexOf(value);
  return isUserNameNearby(context.text, start, start + value.length, value);
}

function urlPassword(value: string, context: ValidatorContext): boolean {
  const user = /\/\/([^:@/\s]+):/.exec(context.match)?.[1] ?? '';
  if (looksLikeReference(value) || looksLikeReference(user)) return false;
  if (DOCUMENTATION_PASSWORDS.has(value.toLowerCase()) || value.toLowerCase() === user.toLowerCase()) return false;
  // A password that is also the database's name (`glance_api:glance@localhost/glance`), like one that is
  // also the user's, is a demo setup's: the path after the host names the database.
  const after = context.matchStart + context.match.length;
  const database = /^(?::\d+)?\/([\w.-]+)/.exec(context.text.slice(after, after + 200))?.[1];
  if (database !== undefined && value.toLowerCase() === database.toLowerCase()) return false;
  if (isPlaceholder(value) || spellsOutAPassword(value)) return false;
  if (introducedAsExample(context)) return false;
  if (DOCUMENTATION_HOST.test(/@([\w.-]+)[^@]*$/.exec(context.match)?.[1] ?? '')) return false;
  return !/^(?:\*+|x+|\.+)$/i.test(value);
}

/**
 * A URL the line introduces as an example, directly before its scheme: `# e.g. sqla+mysql://root:masterkey@localhost/`
 * (kombu's docs of its transport aliases), `(for example, redis://:pass@host)`.
 */
function introducedAsExample(context: ValidatorContext): boolean {
  const lineStart = context.text.lastIndexOf('\n', context.matchStart - 1) + 1;
  const before = context.text.slice(Math.max(lineStart, context.matchStart - 200), context.matchStart).replace(/[\w+.-]*$/, '');
  return EXAMPLE_INTRODUCTION.test(before);
}
const EXAMPLE_INTRODUCTION = /(?:\be\.g\.|\beg:|\bfor (?:example|instance)|\bexamples?:|\bsuch as)[\s:,('"`]*$/i;

// Hosts reserved for documentation and tests (RFC 2606, RFC 6761): no one can sign in there.
export const DOCUMENTATION_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|[\w-]+\.(?:example|test|invalid))$/i;

/** Words that name the password rather than being one: `oplog_reader_password`, `a%20secret`, `MY_DB_PASS`, `authpassword`, `mmpass`, `changepw` (Buildbot's documented default). */
function spellsOutAPassword(value: string): boolean {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // not percent-encoded text: read it as written
  }
  // One word that ends in what it names: `authpassword`, `redispassword`.
  if (/^[a-z]+(?:password|passwd|secret)$/i.test(decoded) || /^[a-z]{1,8}(?:pass|pwd|pw)$/i.test(decoded)) return true;
  const words = decoded.split(/[\s_.-]+/);
  return words.length > 1 && words.every((word) => /^[A-Za-z]+$/.test(word)) && DOCUMENTATION_PASSWORDS.has(words[words.length - 1].toLowerCase());
}

// The credential follows the header name and maybe a scheme (`Bearer`, `Api-Token`, any word and a blank).
const CURL_HEADER = /(?:-H|--header)\s*['"]?\s*(?:Authorization|[\w-]*(?:api-?key|token|secret)[\w-]*):\s*(?:[A-Za-z][A-Za-z-]{1,30}[ \t]+)?([A-Za-z0-9._~+/=:-]{8,})/gi;
const CURL_USER = /\s(?:-u|--user)\s*['"]?([^\s'"]{4,})/g;

function curlCredentials(context: ValidatorContext): SecretSpan[] {
  const spans: SecretSpan[] = [];
  const command = context.match;
  for (const match of command.matchAll(CURL_HEADER)) {
    const value = match[1];
    if (looksLikeReference(value) || DOCUMENTATION_PASSWORDS.has(value.toLowerCase()) || isMadeUp(value)) continue;
    if (value.length >= 8 && shannonEntropy(value) < 2.5) continue;
    if (isJwtHeader(value)) continue;
    const start = context.matchStart + match.index! + match[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  for (const match of command.matchAll(CURL_USER)) {
    const value = match[1];
    if (!value.includes(':')) continue; // `-u name` asks for the password interactively
    const [user = '', password = ''] = value.split(/:(.*)/s);
    const parts = [user, password].filter(Boolean);
    if (parts.some((part) => looksLikeReference(part)) || /[<>]/.test(value)) continue;
    if (parts.every((part) => DOCUMENTATION_PASSWORDS.has(part.toLowerCase()) || /^(.)\1*$/.test(part) || part.length < 4)) continue;
    if (user.toLowerCase() === password.toLowerCase()) continue;
    const start = context.matchStart + match.index! + match[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/** Values of a Secret manifest's data and stringData maps, skipping templates and empty values. */
function kubernetesSecretValues(text: string, kindOffset: number): SecretSpan[] {
  // The YAML document around `kind: Secret`: from the previous `---` (or start) to the next.
  const docStart = Math.max(0, text.lastIndexOf('\n---', kindOffset) + 1);
  const nextDoc = text.indexOf('\n---', kindOffset);
  const docEnd = nextDoc < 0 ? text.length : nextDoc;
  const spans: SecretSpan[] = [];
  const lines = text.slice(docStart, docEnd).split('\n');
  let offset = docStart;
  let inData = -1; // indentation of the data: key while inside it
  let blockValueIndent = -1;
  for (const line of lines) {
    const indent = /^[ \t]*/.exec(line)![0].length;
    const trimmed = line.trim();
    if (blockValueIndent >= 0) {
      // The first line of a `key: |` block scalar is the value.
      blockValueIndent = -1;
      if (trimmed && indent > inData && trimmed.length >= 6 && !looksLikeReference(trimmed) && !isPasswordHash(trimmed) && shannonEntropy(trimmed) >= 3) {
        const start = offset + line.indexOf(trimmed);
        spans.push({ start, end: start + trimmed.length });
        offset += line.length + 1;
        continue;
      }
    }
    if (/^(?:data|stringData):\s*$/i.test(trimmed)) inData = indent;
    else if (inData >= 0 && /^[\w.-]+:\s*[|>][-+0-9]*\s*$/.test(trimmed) && indent > inData) blockValueIndent = indent;
    else if (inData >= 0 && trimmed && indent <= inData) inData = -1;
    else if (inData >= 0 && trimmed && !trimmed.startsWith('#')) {
      const entry = /^[\w.-]+:\s*["']?([^"'\s#]+)["']?\s*(?:#.*)?$/.exec(trimmed);
      const value = entry?.[1];
      // A password hash (an htpasswd line for an ingress' basic auth) only checks a password.
      if (value && value.length >= 6 && !looksLikeReference(value) && !isPasswordHash(value) && shannonEntropy(value) >= 3) {
        const start = offset + line.indexOf(value, line.indexOf(':') + 1);
        spans.push({ start, end: start + value.length });
      }
    }
    offset += line.length + 1;
  }
  return spans;
}

/**
 * A JWT that its issuer documents as public: a Supabase project's anon key (`"role": "anon"`, issued by
 * `supabase` or a self-hosted `supabase-demo`) is made to ship in browser code, and grants only what the
 * project's row-level security lets anyone do. Its service_role key, which bypasses that, stays a secret.
 * Also jwt.io's sample token (isJwtIoSample).
 */
export function publicJwt(token: string): boolean {
  const payload = token.split('.')[1];
  if (!payload || payload.length > 2000) return false;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return false;
  }
  if (typeof claims !== 'object' || claims === null) return false;
  const { role, iss } = claims as { role?: unknown; iss?: unknown };
  return (role === 'anon' && typeof iss === 'string' && /^supabase(?:-demo)?$/.test(iss)) || isJwtIoSample(claims as Record<string, unknown>);
}

/**
 * The payload jwt.io's debugger shows for every algorithm (`{"sub": "1234567890", "name": "John Doe",
 * "iat": 1516239022}`, `"admin": true` in its RS256 and ES256 examples), whose tokens are copied into
 * tests and tutorials everywhere: signed with the page's published key or `your-256-bit-secret`, they
 * grant nothing. Only those claims: a token that adds one of its own was made for something.
 */
function isJwtIoSample(claims: Record<string, unknown>): boolean {
  if (claims.sub !== '1234567890' || claims.name !== 'John Doe') return false;
  return Object.entries(claims).every(([claim, value]) => claim === 'sub' || claim === 'name' || (claim === 'iat' && value === 1516239022) || (claim === 'admin' && value === true));
}

// What only a Firebase app's config holds beside its API key: the web config object's `authDomain` and
// `messagingSenderId` (`*.firebaseapp.com`), google-services.json's `project_info` and
// `mobilesdk_app_id`, GoogleService-Info.plist's `GCM_SENDER_ID` and `GOOGLE_APP_ID`.
const FIREBASE_CONFIG = /authDomain|AUTH_DOMAIN|messagingSenderId|MESSAGING_SENDER_ID|firebaseapp\.com|"project_info"|mobilesdk_app_id|GCM_SENDER_ID|GOOGLE_APP_ID/;
/** How far around the key its config's other fields are: a config object or file is a few hundred characters. */
const FIREBASE_REACH = 800;
/** The last name before the value: `apiKey: "`, `"current_key": "`, `VITE_FIREBASE_API_KEY=`, `API_KEY ` (a plist's key). */
const KEY_NAME_AT_END = /([A-Za-z_][\w.-]*)["']?\s*(?:[:=]|=>)?\s*["'`]?\s*$/;
// The words of a name that says no more than "the API key" (`apiKey`, `current_key`, `VITE_FIREBASE_API_KEY`,
// plist's `API_KEY`); another product's name (`GEMINI_API_KEY`, `mapsKey`) says it is that product's key.
const FIREBASE_KEY_WORDS = new Set(['firebase', 'api', 'key', 'current', 'web', 'google', 'android', 'ios', 'app', 'public', 'next', 'vite', 'react', 'expo', 'vue', 'nuxt', 'ng']);

/**
 * A Google API key that is a Firebase app's: Firebase's docs make its config (API key included) public,
 * written into every web and mobile client ("API keys for Firebase services are OK to include in code or
 * checked-in config files"). Told by the config's other fields near the key, and by the key's own name,
 * which says no more than that it is the app's API key.
 */
function firebaseConfigKey(context: ValidatorContext): boolean {
  const around = context.text.slice(Math.max(0, context.matchStart - FIREBASE_REACH), context.matchStart + FIREBASE_REACH);
  if (!FIREBASE_CONFIG.test(around)) return false;
  // The name: what precedes the key on its line, or (a plist) the line before's `<key>…</key>`.
  const lineStart = context.text.lastIndexOf('\n', context.matchStart - 1) + 1;
  let before = context.text.slice(lineStart, context.matchStart);
  if (!/[A-Za-z]/.test(before.replace(/<\/?string>/g, ''))) {
    const previousStart = context.text.lastIndexOf('\n', lineStart - 2) + 1;
    before = context.text.slice(previousStart, lineStart);
  }
  const name = KEY_NAME_AT_END.exec(before.replace(/<\/?(?:key|string)>/g, ' '))?.[1];
  if (!name) return false;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.length > 0 && words.every((word) => FIREBASE_KEY_WORDS.has(word));
}
