// A secret passed straight to the call that uses it, with no name in between: `jwt.sign(payload,
// "…")`, `createHmac("sha256", "…")`, `hmac.new(b"…", msg, sha256)`, `new PDO($dsn, "app", "…")`,
// `server.login(user, "…")`. The parameter is a key or a password by the library's documented
// signature, so the literal is read as a value assigned to the name below (the generic rule then judges
// it as it judges any credential's value, and the fix names the variable).
import type { Assignment } from './assignments';

interface KeyParameter {
  /** The call as written, up to its opening bracket. */
  call: string;
  /** Which argument is the key, from 1. */
  position: number;
  /** The name the value is read as: the credential it is, in the environment's words. */
  name: string;
  /** What the argument is, for the message (`as the password of \`PDO\``); a key when not said. */
  argument?: 'password';
  /** The argument is an HMAC signing key (JWT HS256, a cookie's signature): see isWrittenSigningKey. */
  signing?: true;
  /**
   * What must follow the literal (Java's `.toCharArray()`), for a call whose name alone says too little
   * (`.load`): a word of it, not of the name, is the call's keyword in KEY_CALL_KEYWORDS.
   */
  then?: string;
}

/** A JCA password, which the JCA takes as a char[]: a literal only with `.toCharArray()` after it. */
function charArrayPassword(call: string, position: number, name = 'KEYSTORE_PASSWORD'): KeyParameter {
  return { call, position, name, argument: 'password', then: '.toCharArray()' };
}

// From each library's documented signature.
export const KEY_PARAMETERS: readonly KeyParameter[] = [
  // jsonwebtoken: sign(payload, secretOrPrivateKey[, options]), verify(token, secretOrPublicKey[, options]).
  { call: 'jwt.sign', position: 2, name: 'JWT_SECRET', signing: true },
  { call: 'jwt.verify', position: 2, name: 'JWT_SECRET', signing: true },
  // PyJWT: encode(payload, key, algorithm), decode(jwt, key, algorithms).
  { call: 'jwt.encode', position: 2, name: 'JWT_SECRET', signing: true },
  { call: 'jwt.decode', position: 2, name: 'JWT_SECRET', signing: true },
  // golang-jwt: token.SignedString(key), the key usually as []byte("…").
  { call: '.SignedString', position: 1, name: 'JWT_SECRET', signing: true },
  // Java: jjwt's Keys.hmacShaKeyFor(bytes) and, before 0.10, signWith(algorithm, base64Key) and
  // setSigningKey(key); Auth0's java-jwt Algorithm.HMAC256/384/512(secret); the JCA's
  // SecretKeySpec(key, algorithm). The literal may be followed by `.getBytes(…)`.
  { call: 'Keys.hmacShaKeyFor', position: 1, name: 'JWT_SECRET', signing: true },
  { call: '.signWith', position: 2, name: 'JWT_SECRET', signing: true },
  { call: '.setSigningKey', position: 1, name: 'JWT_SECRET', signing: true },
  { call: 'Algorithm.HMAC256', position: 1, name: 'JWT_SECRET', signing: true },
  { call: 'Algorithm.HMAC384', position: 1, name: 'JWT_SECRET', signing: true },
  { call: 'Algorithm.HMAC512', position: 1, name: 'JWT_SECRET', signing: true },
  { call: 'SecretKeySpec', position: 1, name: 'SECRET_KEY', signing: true },
  // ASP.NET Core's JWT bearer setup: new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…")).
  { call: 'SymmetricSecurityKey', position: 1, name: 'JWT_SECRET', signing: true },
  // Twilio's helper libraries: twilio(accountSid, authToken) (also as `require("twilio")(…)`),
  // new Twilio(…), Twilio.init(…) (Java), TwilioClient.Init(…) (.NET). The account SID is an identifier.
  { call: 'twilio', position: 2, name: 'TWILIO_AUTH_TOKEN' },
  { call: 'require("twilio")', position: 2, name: 'TWILIO_AUTH_TOKEN' },
  { call: "require('twilio')", position: 2, name: 'TWILIO_AUTH_TOKEN' },
  { call: 'Twilio', position: 2, name: 'TWILIO_AUTH_TOKEN' },
  { call: 'Twilio.init', position: 2, name: 'TWILIO_AUTH_TOKEN' },
  { call: 'TwilioClient.Init', position: 2, name: 'TWILIO_AUTH_TOKEN' },
  // Node's crypto.createHmac(algorithm, key); Python's hmac.new(key, msg, digestmod).
  { call: 'createHmac', position: 2, name: 'HMAC_SECRET', signing: true },
  { call: 'hmac.new', position: 1, name: 'HMAC_SECRET', signing: true },
  // Express' cookie-parser(secret) signs cookies with it.
  { call: 'cookieParser', position: 1, name: 'COOKIE_SECRET', signing: true },
  // Database clients that take the password as a plain argument: PHP's PDO(dsn, username, password) and
  // mysqli(hostname, username, password, database) / mysqli_connect, Perl's DBI->connect(data_source,
  // username, password), JDBC's DriverManager.getConnection(url, user, password), Sequelize(database,
  // username, password, options).
  { call: 'PDO', position: 3, name: 'DB_PASSWORD', argument: 'password' },
  { call: 'mysqli', position: 3, name: 'DB_PASSWORD', argument: 'password' },
  { call: 'mysqli_connect', position: 3, name: 'DB_PASSWORD', argument: 'password' },
  // PHP's older mysql_connect(server, username, password); the MySQL C API's mysql_real_connect(mysql,
  // host, user, passwd, db, port, unix_socket, flags).
  { call: 'mysql_connect', position: 3, name: 'DB_PASSWORD', argument: 'password' },
  { call: 'mysql_real_connect', position: 4, name: 'DB_PASSWORD', argument: 'password' },
  { call: 'DBI->connect', position: 3, name: 'DB_PASSWORD', argument: 'password' },
  { call: 'DriverManager.getConnection', position: 3, name: 'DB_PASSWORD', argument: 'password' },
  { call: 'Sequelize', position: 3, name: 'DB_PASSWORD', argument: 'password' },
  // Python's smtplib, imaplib and ftplib: login(user, password); Go's smtp.PlainAuth(identity, username,
  // password, host); PHP's ftp_login(ftp, username, password).
  { call: '.login', position: 2, name: 'LOGIN_PASSWORD', argument: 'password' },
  { call: 'smtp.PlainAuth', position: 3, name: 'SMTP_PASSWORD', argument: 'password' },
  { call: 'ftp_login', position: 3, name: 'FTP_PASSWORD', argument: 'password' },
  // HTTP clients' basic and digest credentials: requests' `auth=(username, password)`, HTTPBasicAuth(username, password) and
  // HTTPDigestAuth, aiohttp's BasicAuth(login, password), .NET's NetworkCredential(userName, password),
  // Apache HttpClient's UsernamePasswordCredentials(userName, password), Java's
  // PasswordAuthentication(userName, password).
  { call: 'auth=', position: 2, name: 'API_PASSWORD', argument: 'password' },
  { call: 'HTTPBasicAuth', position: 2, name: 'API_PASSWORD', argument: 'password' },
  { call: 'HTTPDigestAuth', position: 2, name: 'API_PASSWORD', argument: 'password' },
  { call: 'BasicAuth', position: 2, name: 'API_PASSWORD', argument: 'password' },
  { call: 'NetworkCredential', position: 2, name: 'SERVICE_PASSWORD', argument: 'password' },
  { call: 'UsernamePasswordCredentials', position: 2, name: 'SERVICE_PASSWORD', argument: 'password' },
  { call: 'PasswordAuthentication', position: 2, name: 'SERVICE_PASSWORD', argument: 'password' },
  // Go's (*http.Request).SetBasicAuth(username, password), OkHttp's Credentials.basic(username, password),
  // Ruby's Net::HTTP request.basic_auth(user, password), reqwest's basic_auth(username, Some(password)).
  { call: '.SetBasicAuth', position: 2, name: 'API_PASSWORD', argument: 'password' },
  { call: 'Credentials.basic', position: 2, name: 'API_PASSWORD', argument: 'password' },
  { call: '.basic_auth', position: 2, name: 'API_PASSWORD', argument: 'password' },
  // The AWS SDK for Java: BasicAWSCredentials(accessKey, secretKey) (v1), AwsBasicCredentials.create(accessKeyId,
  // secretAccessKey) (v2). The access key ID is found by its format.
  { call: 'BasicAWSCredentials', position: 2, name: 'AWS_SECRET_ACCESS_KEY' },
  { call: 'AwsBasicCredentials.create', position: 2, name: 'AWS_SECRET_ACCESS_KEY' },
  // LDAP binds: python-ldap's simple_bind_s(who, cred) and simple_bind, PHP's ldap_bind(ldap, dn, password).
  { call: '.simple_bind_s', position: 2, name: 'LDAP_PASSWORD', argument: 'password' },
  { call: '.simple_bind', position: 2, name: 'LDAP_PASSWORD', argument: 'password' },
  { call: 'ldap_bind', position: 3, name: 'LDAP_PASSWORD', argument: 'password' },
  // The JCA's key store and password-based key passwords, which it takes as char[]: KeyStore.load(stream,
  // password), store(stream, password), getKey(alias, password), setKeyEntry(alias, key, password, chain),
  // KeyManagerFactory.init(keyStore, password), new PBEKeySpec(password, …). `.load(` and `.init(` are in
  // every kind of code: only a literal turned into a char[] where the password goes is read.
  charArrayPassword('.load', 2),
  charArrayPassword('.store', 2),
  charArrayPassword('.getKey', 2),
  charArrayPassword('.setKeyEntry', 3),
  charArrayPassword('.init', 2),
  charArrayPassword('PBEKeySpec', 1, 'PBE_PASSWORD'),
];

/**
 * What a file that makes one of the calls holds, ASCII case ignored: `jwt` (the call, or golang-jwt's
 * import beside SignedString), `hmac`, `cookiepars`, and the end of each other call with its bracket
 * (`pdo(`: a bare `pdo` is in `updown`). The secrets pass looks for them in its one keyword pass over the
 * file (scan.ts), so a file without them costs nothing more: on effect@4.1.0 the words without their
 * brackets (`credential`, `.login`, `pdo`) let 40 files through to the calls' scan, which cost 20 ms.
 */
export const KEY_CALL_KEYWORDS: readonly string[] = [
  'jwt', 'hmac', 'cookiepars', 'pdo(', 'mysqli', 'dbi->connect(', 'getconnection(', 'sequelize(', '.login(', 'plainauth(', 'ftp_login(',
  'auth=(', 'basicauth(', 'digestauth(', 'kcredential(', 'dcredentials(', 'passwordauthentication(', 'simple_bind', 'ldap_bind(',
  '.signwith(', '.setsigningkey(', 'secretkeyspec(', 'symmetricsecuritykey(', 'tochararray()', 'twilio', 'credentials.basic(', '.basic_auth(', 'awscredentials(', 'basiccredentials.create(', 'mysql_connect(', 'mysql_real_connect(',
];

const MAX_ARGUMENTS_SCAN = 2000;

/**
 * Every string literal passed as a key or password to one of KEY_PARAMETERS' calls, as an assignment to
 * its name. `present`: which of KEY_CALL_KEYWORDS the file holds, when the caller knows; only their calls
 * are looked for.
 */
export function keyArguments(text: string, present?: readonly string[]): Assignment[] {
  let keywords = present;
  if (keywords === undefined) {
    const lower = text.toLowerCase();
    keywords = KEY_CALL_KEYWORDS.filter((keyword) => lower.includes(keyword));
  }
  if (keywords.length === 0) return [];
  const found: Assignment[] = [];
  // One pass for the calls the keywords allow (a search per call took twice as long; a search for all
  // 27 calls, three times as long as for the 8 of the first table).
  for (const match of text.matchAll(callsOf(keywords))) {
    const parameter = PARAMETER_BY_CALL.get(match[1])!;
    const at = match.index!;
    // A whole name (`crypto.createHmac(`), not the end of another (`myjwt.sign(`); a method (`.SignedString`) of any receiver.
    if (!parameter.call.startsWith('.') && /[\w$]/.test(text[at - 1] ?? '')) continue;
    const argument = argumentStart(text, at + match[0].length, parameter.position);
    if (argument === undefined) continue;
    const literal = keyLiteral(text, argument);
    // Past the closing quote: what the call needs after the literal (`.toCharArray()`).
    if (literal && parameter.then && !text.startsWith(parameter.then, literal.start + literal.value.length + 1)) continue;
    if (literal) found.push({ name: parameter.name, value: literal.value, start: literal.start, end: literal.start + literal.value.length, quoted: true, call: parameter.call.replace(/^\.|=$/g, ''), argument: parameter.argument });
  }
  return found;
}

const PARAMETER_BY_CALL = new Map(KEY_PARAMETERS.map((parameter) => [parameter.call, parameter]));

/** The calls whose key argument is an HMAC signing key, as an Assignment's `call` names them. */
const SIGNING_CALLS = new Set(KEY_PARAMETERS.filter((parameter) => parameter.signing).map((parameter) => parameter.call.replace(/^\.|=$/g, '')));

export function isSigningKeyCall(call: string | undefined): boolean {
  return call !== undefined && SIGNING_CALLS.has(call);
}

/** The calls a keyword stands for: those that hold it (in their `then`, when they have one), and golang-jwt's SignedString for the package's `jwt`. */
function callsWith(keyword: string): string[] {
  return KEY_PARAMETERS.filter((parameter) => (parameter.then ?? `${parameter.call}(`).toLowerCase().includes(keyword) || (keyword === 'jwt' && parameter.call === '.SignedString')).map((parameter) => parameter.call);
}

const callSearches = new Map<string, RegExp>();

/** The search for the calls these keywords stand for, made once per set of keywords. */
function callsOf(keywords: readonly string[]): RegExp {
  const key = keywords.join(' ');
  let search = callSearches.get(key);
  if (!search) {
    const calls = KEY_PARAMETERS.map((parameter) => parameter.call).filter((call) => keywords.some((keyword) => callsWith(keyword).includes(call)));
    search = new RegExp(`(${calls.map((call) => call.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\(`, 'g');
    callSearches.set(key, search);
  }
  return search;
}

/**
 * Where the `position`-th argument starts, the call's arguments starting at `from`: the earlier ones
 * are skipped over their brackets and string literals. Undefined when the call closes first.
 */
function argumentStart(text: string, from: number, position: number): number | undefined {
  let depth = 0;
  let commas = 0;
  const end = Math.min(text.length, from + MAX_ARGUMENTS_SCAN);
  if (position === 1) return skipBlanks(text, from);
  for (let i = from; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = closingQuote(text, i, end);
      if (close < 0) return undefined;
      i = close;
    } else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return undefined;
      depth--;
    } else if (c === ',' && depth === 0 && ++commas === position - 1) return skipBlanks(text, i + 1);
  }
  return undefined;
}

function skipBlanks(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** The closing quote of the literal opened at `open` (backslash escapes skipped), or -1. */
function closingQuote(text: string, open: number, end: number): number {
  const quote = text[open];
  for (let i = open + 1; i < end; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i;
    else if (text[i] === '\n' && quote !== '`') return -1;
  }
  return -1;
}

// A literal argument, maybe as bytes: Go's `[]byte("…")`, Node's `Buffer.from("…")`, Python's `b"…"`,
// jjwt's `Decoders.BASE64.decode("…")` (Java's `"…".getBytes()` follows the literal), .NET's
// `Encoding.UTF8.GetBytes("…")`; Rust's `Some("…")`.
const KEY_LITERAL = /^(?:\[\]byte\(|Buffer\.from\(|Some\(|Decoders\.BASE64(?:URL)?\.decode\(|Encoding\.(?:UTF8|ASCII|Default|Unicode)\.GetBytes\()?[bB]?(["'`])([^"'`\\\n]{1,500})\1/;

function keyLiteral(text: string, at: number): { value: string; start: number } | undefined {
  const match = KEY_LITERAL.exec(text.slice(at, at + 520));
  if (!match) return undefined;
  const value = match[2];
  return { value, start: at + match[0].length - 1 - value.length };
}
