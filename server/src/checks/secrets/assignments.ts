// Finds values assigned to names, in the syntaxes code and config files use, without parsing:
//   name = "value"   name: value   name := value   name => 'value'   $name .= "value"   NAME?=value
//   "NAME", "value"  (setProperty, dictionaries)    <name>value</name>  (XML, also across lines)
//   <add key="name" value="value"/>   <property name="name">value</property>  (XML named entries)
//   name = process.env.NAME || "value"   $name = getenv("NAME") ?: "value"  (a literal fallback)
// and, in files whose format says which field is which (assignmentFormOf), `ENV NAME value`
// (Dockerfile), `password value` (.netrc), `host:port:db:user:password` (.pgpass), Python's
// `os.getenv("NAME") or "value"` fallback, C's `#define NAME "value"`, Elixir's `@name "value"`, Gradle's
// `storePassword "value"` and `buildConfigField("String", "NAME", "\"value\"")`; and a key or password passed
// straight to the call that uses it (`jwt.sign(payload, "…")`, `new PDO($dsn, "app", "…")`: key-arguments.ts).
// Keyed and generic secret rules look at the name; the value keeps its exact position in the text.

import { isCredentialSetter } from './generic';
import { keyArguments } from './key-arguments';

export interface Assignment {
  /** The assigned name as written (dots and dashes kept), without quotes. */
  name: string;
  value: string;
  /** Offsets of the value in the text. */
  start: number;
  end: number;
  /** Whether the value was quoted (a string literal rather than a bare word or expression). */
  quoted: boolean;
  /** The call the value is passed to as its key (`jwt.sign`), when no name holds it (key-arguments.ts). */
  call?: string;
  /** What the value is to that call, when not its key: `password` (`new PDO($dsn, "app", "…")`). */
  argument?: 'password';
}

// An operator, optional blanks, an optional opening quote, then a run of value characters. Cheap to
// scan for: it anchors on operator characters, and candidates are filtered in code. Up to 24 blanks
// after the operator: columns of values aligned by hand (wp-config.php's `define( 'AUTH_KEY',         '…' )`
// has 9, a YAML file's aligned keys often more). A value may also be
// four groups of four lower-case letters, the whole value: a Google app password as Google shows it
// (`abcd efgh ijkl mnop`), pasted for Gmail's SMTP into Nodemailer's `pass` or Django's
// EMAIL_HOST_PASSWORD (isCredentialValue tells one from four words). `||=` and `??=`
// assign when the name has no value yet (Ruby's `ENV["API_KEY"] ||= "…"`, JavaScript's `??=`).
const OPERATOR_VALUE = /(=>|:{1,3}=|[?.+]=|<-|\|\|=|\?\?=|\|\||\?\?|=|:|,)[ \t]{0,24}(\\?["'`])?((?:[a-z]{4} ){3}[a-z]{4}(?=["'`]|[ \t]*(?:\r?\n|$))|[A-Za-z0-9_\-+/=.~!@#$%^&*|?:;]{6,1000})/g;
// In code, only string literals can hold a secret: a bare value is an expression. A literal may have a
// prefix: Python's bytes and raw strings (`b"…"`, `rb'…'`), C#'s verbatim strings (`@"…"`); or be
// wrapped in the conversion that makes it a string or bytes: Rust's `String::from("…")`, Go's
// `[]byte("…")`, Node's `Buffer.from("…")`, Java's `new String("…")`, pydantic's `SecretStr("…")`, the
// bytes jose signs with, `new TextEncoder().encode("…")`; or be a pydantic field's default,
// `api_key: str = Field("…")` or `Field(default="…")`.
const OPERATOR_QUOTED_VALUE = /(=>|:{1,3}=|[?.+]=|<-|\|\|=|\?\?=|\|\||\?\?|=|:|,)[ \t]{0,24}(?:String::from\(|\[\]byte\(|Buffer\.from\(|JSON\.stringify\(|new String\(|new TextEncoder\(\)\.encode\(|SecretStr\(|Field\((?:default=)?)?(?:[bBrRuUfF@]{1,2})?(\\?["'`])((?:[a-z]{4} ){3}[a-z]{4}(?=["'`])|[A-Za-z0-9_\-+/=.~!@#$%^&*|?:;]{6,1000})/g;
/** The longest value the scans take (their `{6,1000}`). */
const MAX_VALUE_LENGTH = 1000;
// The rest of a quoted literal from a bracket on, without a blank, a quote or a backslash.
const BRACKETED_REST = /^[()[\]{}][A-Za-z0-9_\-+/=.~!@#$%^&*|?:;()[\]{}]*/;

/**
 * A literal whose brackets make it code or a reference rather than a password: a call or an index
 * closing the value (`getToken()`, `$(API_KEY)`, `env[KEY]`), a call of a name that starts it or
 * follows a dot (`.json_encode($options[`, the code between two strings of PHP's `'…'.f($x).'…'`), an
 * empty call, a format field (`{0}`, `{name}`), or a path of names with an index (a JMESPath
 * expression in an SDK's paginator: `StreamDescription.Shards[-1].ShardId`).
 */
function isCodeInBrackets(value: string): boolean {
  return /^[$@#%&*!]?[\w.$:-]*[([{][^()[\]{}]*[)\]}]$/.test(value) || /(?:^|\.)[A-Za-z_$][\w$]*\(|\w\(\)/.test(value) || /\{\w{0,40}\}/.test(value) || INDEXED_PATH.test(value);
}
const INDEXED_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[-\w*'"]{0,40}\])*\[[-\w*'"]{0,40}\]\.[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[-\w*'"]{0,40}\])*$/;
// The property in Spring's `${jwt.secret:default}`, just before its colon.
const PROPERTY_PLACEHOLDER_NAME = /\$\{([A-Za-z_][\w.-]{0,99})$/;
// A placeholder with a default, Spring's `${name:default}` or the shell's `${NAME:-default}`.
const PLACEHOLDER_DEFAULT = /\$\{([A-Za-z_][\w.-]{0,100}):-?([A-Za-z0-9_\-+/=.~!@#$%^&*|?:;]{6,1000})\}/g;
// The name in `${NAME:-default}` (shell, Docker Compose), just before its colon.
const SHELL_PARAMETER_NAME = /\$\{[A-Za-z_][A-Za-z0-9_]{0,99}$/;
// The operators that give a fallback: the literal after them is the value when the left side has none
// (`process.env.API_KEY || "…"`, `?? "…"`, PHP's and Kotlin's `?: "…"`, Python's `or "…"`), which
// AI-written code uses to make a missing environment variable "just work". The value is still written in
// the code. Python's `or` is looked for in Python files only (formAssignments): as a word it would cost
// the scan of every file a regular-expression start at each `o`.
const FALLBACK_OPERATORS = new Set(['||', '??']);
const AUTH_HEADER_VALUE = /(=>|:{1,3}=|[?.+]=|<-|=|:|,)[ \t]{0,24}[fF]?(\\?["'`])(?:Bearer|bearer|Basic|basic|Token|token|Digest) {1,4}([A-Za-z0-9_\-+/=.~]{8,1000})/y;
// What every match of AUTH_HEADER_VALUE holds once: a quote, the scheme and a blank. The credential holds no
// quote, so two matches cannot share one.
const AUTH_SCHEME_QUOTED = /["'`](?:Bearer|bearer|Basic|basic|Token|token|Digest) /g;
// `env:"NAME" envDefault:"value"`, `envconfig:"NAME" default:"value"` in a Go struct's tag.
const STRUCT_TAG_DEFAULT = /\benv(?:config)?:"([A-Za-z_]\w{0,100})"[ \t]+(?:envDefault|default):"([^"\\\n]{6,1000})"/g;
// `.unwrap_or("value"`, `.unwrap_or_else(|_| "value"`, `.orElse("value"`: the literal closes right after.
const FALLBACK_CALL = /\.(?:unwrap_or|orElse)\([ \t]*(["'])([A-Za-z0-9_\-+/=.~!@#$%^&*|?:;]{6,1000})\1|\.unwrap_or_else\([ \t]*\|[\w ]{0,20}\|[ \t]*(["'])([A-Za-z0-9_\-+/=.~!@#$%^&*|?:;]{6,1000})\3/g;
// The header written bare: its name, a colon, the scheme and the credential to the end of the token.
const BARE_AUTHORIZATION = /(Authorization|authorization|AUTHORIZATION)[ \t]*:[ \t]*(Bearer|bearer|Basic|basic|Token|token)[ \t]{1,4}([A-Za-z0-9_\-+/=.~]{8,1000})(?![\w\-+/=.~])/g;
/** The longest run before the scheme's quote that a match may start with: `:::=` (4), 24 blanks, a backslash. */
const AUTH_PREFIX_MAX = 30;

/**
 * The matches `text.matchAll(AUTH_HEADER_VALUE)` would give, looked for only where a quoted scheme is:
 * the full pattern starts at operator characters, which are everywhere in code, and ran over every file
 * (on effect@4.1.0 it and a test for the quoted scheme were a fifth of the assignment scan). Each quoted
 * scheme is the only one in its match and the match starts at most AUTH_PREFIX_MAX characters before
 * it; trying those starts left to right, after the end of the last match, finds the leftmost match that
 * does not overlap the one before, as matchAll does.
 */
export function* authHeaderValues(text: string): Generator<RegExpExecArray> {
  const schemes = new RegExp(AUTH_SCHEME_QUOTED.source, 'g');
  const header = new RegExp(AUTH_HEADER_VALUE.source, 'y');
  let lastEnd = 0;
  for (let scheme = schemes.exec(text); scheme; scheme = schemes.exec(text)) {
    for (let start = Math.max(lastEnd, scheme.index - AUTH_PREFIX_MAX); start < scheme.index; start++) {
      header.lastIndex = start;
      const match = header.exec(text);
      if (!match) continue;
      lastEnd = start + match[0].length;
      yield match;
      break;
    }
  }
}
/**
 * Basic credentials, base64 of `user:password`, whose password is empty: an OAuth client with no
 * secret (`openshift-challenging-client:`) is named, not authenticated.
 */
function withoutPassword(credentials: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) return false;
  const decoded = Buffer.from(credentials, 'base64').toString('latin1');
  return /^[\x20-\x7e]+:$/.test(decoded);
}
const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,80})>\s{0,200}([^\s<]{6,1000})\s{0,200}<\/\1>/g;

/** A file format with an assignment syntax of its own (see assignmentFormOf). */
export type AssignmentForm = 'dockerfile' | 'netrc' | 'pgpass' | 'python' | 'c' | 'gradle' | 'elixir' | 'yaml' | 'redis';

/** The format a file's name says it has, when its assignments need reading the format's own way. */
export function assignmentFormOf(filePath: string): AssignmentForm | undefined {
  const base = filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
  if (/^(?:docker|container)file(?:\.[\w.-]+)?$|\.(?:docker|container)file$/i.test(base)) return 'dockerfile';
  // curl, git, ftp and Python's netrc module read ~/.netrc (`_netrc` on Windows).
  if (/^[._]netrc$/i.test(base)) return 'netrc';
  if (/\.pyw?$/i.test(base)) return 'python';
  // libpq's password file: ~/.pgpass, %APPDATA%\postgresql\pgpass.conf.
  if (/^(?:\.pgpass|pgpass\.conf)$/i.test(base)) return 'pgpass';
  if (/\.exs?$/i.test(base)) return 'elixir';
  // Gradle build scripts, Groovy or Kotlin.
  if (/\.gradle(?:\.kts)?$/i.test(base)) return 'gradle';
  // Sources and headers the C preprocessor reads: C, C++, Objective-C, CUDA, Arduino and Processing sketches.
  if (/\.(?:c|h|cc|cpp|cxx|c\+\+|hh|hpp|hxx|h\+\+|ipp|tpp|m|mm|cu|cuh|ino|pde)$/i.test(base)) return 'c';
  if (/\.ya?ml$/i.test(base)) return 'yaml';
  // Redis' configuration: redis.conf, and the copies deployments name after the instance (redis-6379.conf, sentinel.conf).
  if (/^(?:redis|sentinel)[\w.-]*\.conf$/i.test(base)) return 'redis';
  return undefined;
}

export interface FindOptions {
  /** Only string literals are values (a program's source: holdsCode). */
  quotedOnly?: boolean;
  form?: AssignmentForm;
  /**
   * Read `${name:default}` inside strings of code (Spring's `@Value`); by default when `quotedOnly`. Off
   * for JavaScript and TypeScript, whose `${…}` is a template literal's expression and cannot hold one.
   */
  placeholderDefaults?: boolean;
  /** Which of key-arguments.ts' KEY_CALL_KEYWORDS the file holds (the secrets pass knows from its keyword pass). */
  keyCalls?: readonly string[];
  /** Which of FORM_KEYWORDS the file holds, ASCII case ignored (from the same pass); looked for in the text when not given. */
  formWords?: ReadonlySet<string>;
}

/**
 * What AUTH_SCHEME_QUOTED needs, lower-case: a quote, a scheme and a blank (`"bearer `). Its search ran
 * over every file, a fifteenth of the secrets pass on effect@4.1.0, where few files hold one.
 */
const QUOTED_SCHEMES: readonly string[] = ['"', "'", '`'].flatMap((quote) => ['bearer', 'basic', 'token', 'digest'].map((scheme) => `${quote}${scheme} `));

/**
 * How a credential setter's or builder's call starts its literal (SETTER_CALL), lower-case: the end of its
 * name, its bracket and the quote. With the quote: `key(` alone let through 99 of effect@4.1.0's 572
 * files (10 MB), where the search for the calls took 33 ms; `key("` and the rest, 14 files.
 */
const SETTER_ENDINGS: readonly string[] = ['password(', 'passwd(', 'passphrase(', 'secret(', 'token(', 'key(', 'credentials(', 'auth('].flatMap((ending) => ['"', "'", '`'].map((quote) => ending + quote));

// A credential handed alone to its setter or builder: `config.setPassword("…")` (HikariCP, JavaMail),
// `sgMail.setApiKey("…")`, `\Stripe\Stripe::setApiKey('…')`, `$client->setAccessToken('…')`,
// `DataSourceBuilder.create().password("…")`, Go's `.SetPassword("…")`. The method names the value
// (isCredentialSetter); the literal is its only argument.
const SETTER_CALL = /(?:\.|::|->)[ \t]*([A-Za-z][A-Za-z0-9_]{0,60})\((["'`])([A-Za-z0-9_\-+/=.~!@#$%^&*|?:;]{6,1000})\2[ \t]*\)/g;
// A credential assigned inside a string of code, which the operator scan, reading only quoted values in
// code, passes by: a URL's query (`fetch(\`https://newsapi.org/v2/top-headlines?apiKey=…\`)`), a string
// that is an assignment or a flag (`putenv("API_KEY=…")`, `["--api-key=…"]`), a line of a file written
// from code (`"…\nOPENAI_API_KEY=…\n"`). The value ends the parameter or the string: an interpolation
// after it (`?token=${t}`, `{t}`) makes it an expression's prefix. A percent-encoded value is left out
// (`oauth_token=lock%26key`, a test's words): the value stops at the `%`.
const QUERY_PARAMETER = /(?:[?&"'`]|\\n)(?:--?)?([A-Za-z_][\w.-]{0,60})=([A-Za-z0-9_\-+/=.~!@*|:;]{6,1000})(?=[&#"'`\s<>)\]\\]|$)/g;

/** What a credential's query parameter holds (QUERY_PARAMETER), lower-case: the end of its name and `=` (OpenWeatherMap's key is its `appid`). */
const QUERY_ENDINGS: readonly string[] = ['key=', 'token=', 'secret=', 'password=', 'passwd=', 'pwd=', 'appid='];

// A command line's option that names a credential, its value after a blank (`redis-server --requirepass
// …`, `mytool --api-key …`), in scripts, CI jobs, Compose files and docs; not a value that is itself
// settings (`docker build --secret id=npmrc,src=…`), nor one a shell expands (`$TOKEN`).
const FLAG_VALUE = /(?<![\w-])--([A-Za-z][\w-]{1,60})[ \t]+(["']?)([^\s"'$`{<%=-][^\s"'`;|&)$=]{5,199})\2(?=[\s;|&)]|$)/g;
// `aws configure set aws_secret_access_key …` (the AWS CLI's documented way to script a profile) and
// `gh secret set NAME --body …` (the GitHub CLI): the name, then the value.
// (One expression for both took the ReDoS analyser minutes to judge; each alone, a second.)
const AWS_CONFIGURE_SET = /\baws[ \t]+configure[ \t]+set[ \t]+(?:--profile[ \t]+\S{1,100}[ \t]+)?([\w.]{1,100})[ \t]+(["']?)([^\s"'$]{6,1000})\2/g;
const GH_SECRET_SET = /\bgh[ \t]+secret[ \t]+set[ \t]+([A-Za-z_]\w{0,100})[ \t]+(?:--body|-b)(?:[ \t]+|=)(["']?)([^\s"'$]{6,1000})\2/g;

// Apple's URLRequest header, value first: `request.setValue("…", forHTTPHeaderField: "X-Api-Key")`
// (Swift) or `[request setValue:@"…" forHTTPHeaderField:@"X-Api-Key"]` (Objective-C).
const HEADER_FIELD_VALUE = /setValue[ \t]*[(:][ \t]*@?"([A-Za-z0-9_\-+/=.~!@#$%^&*|?:; ]{6,1000})"[ \t]*,?[ \t]*forHTTPHeaderField[ \t]*:[ \t]*@?"([A-Za-z][\w-]{0,80})"/g;

// A `user:password` literal that code base64-encodes for an HTTP Basic header: `btoa("admin:…")`,
// `Buffer.from("admin:…").toString("base64")`, Python's `base64.b64encode(b"admin:…")`, Ruby's
// `Base64.strict_encode64("admin:…")`, PHP's `base64_encode("admin:…")`, Java's
// `Base64.getEncoder().encodeToString("admin:…".getBytes())`, Go's
// `base64.StdEncoding.EncodeToString([]byte("admin:…"))`, .NET's
// `Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:…"))`. The password is the secret; the user
// is not shown (it may be a token itself: GitHub takes one as the user, `x-oauth-basic` as the password).
// Each call with the keywords that let a file through to it (lower-case): its name and bracket (Ruby's
// strict_encode64 is let through by encode64's), or for Buffer.from, which every kind of Node code
// calls, its conversion to base64.
const ENCODER_CALLS: readonly { call: string; keywords: readonly string[] }[] = [
  ...['btoa', 'b64encode', 'base64_encode', 'strict_encode64', 'encode64', 'encodeToString', 'EncodeToString', 'ToBase64String'].map((call) => ({ call, keywords: [`${call.toLowerCase().replace(/^strict_/, '')}(`] })),
  { call: 'Buffer.from', keywords: ['tostring("base64', "tostring('base64"] },
];
/** An encoder's argument, from its bracket: the literal, maybe as bytes first (Go's `[]byte(…)`, .NET's `Encoding.UTF8.GetBytes(…)`). */
const ENCODED_USER_PASSWORD = /\([ \t]*(?:\[\]byte\(|Encoding\.[A-Za-z0-9]{1,20}\.GetBytes\()?[bB]?(["'`])([^\s"'`:\\$]{1,64}):([^\s"'`\\]{6,200})\1/y;
/** What ENCODED_USER_PASSWORD needs, lower-case: an encoder's call, or Buffer's conversion to base64. */
const BASE64_ENCODERS: readonly string[] = [...new Set(ENCODER_CALLS.flatMap((encoder) => encoder.keywords))];

/**
 * Words the rarer shapes below need in a file, lower-case: a struct tag's default, a fallback call, a
 * bare Authorization header, a quoted scheme. The secrets pass finds them in its one keyword pass
 * (scan.ts): searching the text for each of them took a tenth of the secrets pass on effect@4.1.0.
 */
export const FORM_KEYWORDS: readonly string[] = ['default:"', '.unwrap_or', '.orelse(', 'uthorization', 'forhttpheaderfield', ...SETTER_ENDINGS, ...QUERY_ENDINGS, ...QUOTED_SCHEMES, ...BASE64_ENCODERS];

/** FORM_KEYWORDS the text holds, when the keyword pass has not said: one lower-cased copy for them all. */
function formWordsIn(text: string): Set<string> {
  const lower = text.toLowerCase();
  return new Set(FORM_KEYWORDS.filter((word) => lower.includes(word)));
}

/** A literal that ends the match with its closing quote (`…:"value"`, `…("value"`), named `name`. */
function closingLiteral(match: RegExpMatchArray, name: string, value: string): Assignment {
  const start = match.index! + match[0].length - 1 - value.length;
  return { name, value, start, end: start + value.length, quoted: true };
}

export function findAssignments(text: string, options: FindOptions = {}): Assignment[] {
  const found: Assignment[] = [];
  const scanner = new RegExp((options.quotedOnly ? OPERATOR_QUOTED_VALUE : OPERATOR_VALUE).source, 'g');
  for (let match = scanner.exec(text); match; match = scanner.exec(text)) {
    // Go on scanning inside the value: `"config.ini": "TOKEN=abc\n…"` holds an assignment of its own.
    scanner.lastIndex = match.index + match[0].length - match[3].length + 1;
    const operator = match[1];
    const quote = match[2];
    // `"NAME", "value"` pairs are literals on both sides: after a comma, a bare word is an expression or
    // the next keyword argument (`password="password", project_name="admin"`).
    if (operator === ',' && !quote) continue;
    const fallback = FALLBACK_OPERATORS.has(operator) || (operator === ':' && text[match.index - 1] === '?');
    if (fallback && !quote) continue; // `a || b`, `x or y`: expressions, not values
    let value = match[3];
    // Where the value starts within match[3] (after a quote written as an HTML entity).
    let skipped = 0;
    if (quote) {
      // A quoted value is the whole literal: its closing quote follows, or the line ends (the quote is not
      // typed yet). Otherwise the literal holds more (a blank, a bracket) and this is a part of it, or the
      // "opening" quote closed an earlier string (`"auth_bearer": '.json_encode($options…`).
      const after = match.index + match[0].length;
      const closing = quote[quote.length - 1];
      const next = text[after];
      if (next !== closing && next !== '\n' && next !== '\r' && next !== undefined && !(next === '\\' && text[after + 1] === closing)) {
        // A generated password may hold brackets (Django's keys draw from `!@#$%^&*(-_=+)`): the
        // literal is still the value when it goes on without a blank to its closing quote on the line.
        const rest = BRACKETED_REST.exec(text.slice(after, after + MAX_VALUE_LENGTH - value.length + 1));
        if (!rest || text[after + rest[0].length] !== closing || isCodeInBrackets(value + rest[0])) continue;
        value += rest[0];
      }
    } else {
      // A quote written as an HTML entity (documentation pages: `$password = &#39;cactiuser&#39;;`).
      const entityQuote = /^&(?:#39|#34|quot|apos);/.exec(value);
      if (entityQuote) {
        skipped = entityQuote[0].length;
        value = value.slice(skipped).replace(/&(?:#39|#34|quot|apos);[;,:]*$/, '');
        // Another entity inside: the literal goes on as text or markup (`&#39;variable|default:&quot;Default value&quot;…`).
        if (/&(?:#\d+|[a-z]+);/.test(value)) continue;
      } else if (operator === ':' && value[0] === '-' && SHELL_PARAMETER_NAME.test(text.slice(Math.max(0, match.index - 101), match.index))) {
        // A shell or Compose default, `${NAME:-value}`: the value starts after the dash.
        skipped = 1;
        value = value.slice(1);
      }
      // A bare value ends at a separator, and in a query or connection string at the next parameter:
      // `?token=abc&page=2`, `AccountKey=…;BlobEndpoint=…`.
      value = value.replace(/[;,:]+$/, '');
      const nextParameter = value.search(/[&;][A-Za-z_][\w.[\]-]*=/);
      if (nextParameter >= 0) value = value.slice(0, nextParameter);
    }
    if (value.length < 6) continue;
    const operatorStart = match.index;
    const start = operatorStart + match[0].length - match[3].length + skipped;
    if (fallback) {
      for (const name of fallbackNames(text, operatorStart)) found.push({ name, value, start, end: start + value.length, quoted: true });
      continue;
    }
    const name = nameBefore(text, operatorStart, operator === ',');
    if (!name) continue;
    found.push({ name, value, start, end: start + value.length, quoted: !!quote || skipped > 0 });
  }
  const formWords = options.formWords ?? formWordsIn(text);
  // `Authorization: "Bearer <token>"`, `"Basic <base64>"`: the scheme, then the credential, which is the value.
  for (const match of QUOTED_SCHEMES.some((word) => formWords.has(word)) ? authHeaderValues(text) : []) {
    const name = nameBefore(text, match.index!, match[1] === ',');
    if (!name) continue;
    const value = match[3];
    if (/["'`][Bb]asic /.test(match[0]) && withoutPassword(value)) continue;
    const start = match.index! + match[0].length - value.length;
    found.push({ name, value, start, end: start + value.length, quoted: true });
  }
  // A default in a Go struct's tag, named by the variable beside it: `env:"API_KEY" envDefault:"…"`
  // (caarlos0/env), `envconfig:"API_KEY" default:"…"` (kelseyhightower/envconfig).
  if (formWords.has('default:"')) for (const match of text.matchAll(STRUCT_TAG_DEFAULT)) found.push(closingLiteral(match, match[1], match[2]));
  // A literal fallback given by a call: Rust's `env::var("API_TOKEN").unwrap_or("…".to_string())` and
  // `unwrap_or_else(|_| "…".into())`, Java's `Optional.ofNullable(System.getenv("API_KEY")).orElse("…")`.
  if (formWords.has('.unwrap_or') || formWords.has('.orelse(')) {
    for (const match of text.matchAll(FALLBACK_CALL)) {
      for (const name of fallbackNames(text, match.index!)) found.push(closingLiteral(match, name, match[2] ?? match[4]));
    }
  }
  // An HTTP request written out (`.http` files, YAML, docs): `Authorization: Bearer <token>`, unquoted.
  if (!options.quotedOnly && formWords.has('uthorization')) {
    for (const match of text.matchAll(BARE_AUTHORIZATION)) {
      const value = match[3];
      if (match[2].toLowerCase() === 'basic' && withoutPassword(value)) continue;
      const start = match.index! + match[0].length - value.length;
      found.push({ name: match[1], value, start, end: start + value.length, quoted: false });
    }
  }
  if (!options.quotedOnly && text.includes('</')) {
    for (const match of text.matchAll(XML_ELEMENT)) {
      const value = match[2];
      const start = match.index! + match[0].indexOf(value, match[1].length + 2);
      found.push({ name: match[1], value, start, end: start + value.length, quoted: false });
    }
  }
  if (!options.quotedOnly && XML_NAMING_ATTRIBUTE.test(text)) found.push(...xmlNamedEntries(text));
  // A property list's entry (an iOS or macOS app's Info.plist): `<key>API_SECRET</key>` and its `<string>` after it.
  if (!options.quotedOnly && text.includes('</key>')) {
    for (const match of text.matchAll(PLIST_ENTRY)) {
      const start = match.index! + match[0].length - '</string>'.length - match[2].length;
      found.push({ name: match[1], value: match[2], start, end: start + match[2].length, quoted: false });
    }
  }
  if (SETTER_ENDINGS.some((word) => formWords.has(word))) found.push(...setterCalls(text));
  if (options.quotedOnly && QUERY_ENDINGS.some((word) => formWords.has(word))) found.push(...parametersInStrings(text));
  if (!options.quotedOnly) found.push(...commandLineSettings(text));
  if (formWords.has('forhttpheaderfield')) found.push(...headerFieldValues(text));
  if (BASE64_ENCODERS.some((word) => formWords.has(word))) found.push(...encodedUserPasswords(text, formWords));
  if (options.form) found.push(...formAssignments(text, options.form));
  // In code a default inside a string is quoted by that string: Spring's `@Value("${jwt.secret:…}")`.
  // (Elsewhere the operator scan above reads it: `secret: ${JWT_SECRET:…}`.)
  if ((options.placeholderDefaults ?? options.quotedOnly) && text.includes('${')) {
    for (const match of text.matchAll(PLACEHOLDER_DEFAULT)) found.push(closingLiteral(match, match[1], match[2]));
  }
  found.push(...keyArguments(text, options.keyCalls));
  return found;
}

/** SETTER_CALL's credentials; a setter (`setApiKey`) is named by its call, a builder (`.password(…)`) by its name. */
function setterCalls(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const match of text.matchAll(SETTER_CALL)) {
    const method = match[1];
    if (!isCredentialSetter(method)) continue;
    const name = method.replace(/^(?:set|with)_?(?=[A-Za-z])/i, '');
    const start = match.index! + match[0].indexOf(match[2] + match[3]) + 1;
    const call = name === method ? {} : { call: method, ...(/pass(?:word|wd|phrase)?$|pwd$/i.test(name) ? { argument: 'password' as const } : {}) };
    found.push({ name, value: match[3], start, end: start + match[3].length, quoted: true, ...call });
  }
  return found;
}

/** QUERY_PARAMETER's parameters: a URL's query, an assignment or a flag inside a string of code. */
function parametersInStrings(text: string): Assignment[] {
  return [...text.matchAll(QUERY_PARAMETER)].map((match) => {
    const start = match.index! + match[0].length - match[2].length;
    return { name: match[1], value: match[2], start, end: start + match[2].length, quoted: true };
  });
}

/** A command line's credentials outside code: FLAG_VALUE's options, AWS_CONFIGURE_SET's and GH_SECRET_SET's settings. */
function commandLineSettings(text: string): Assignment[] {
  const found: Assignment[] = [];
  const searches = [['--', FLAG_VALUE, '--'], ['configure set', AWS_CONFIGURE_SET, ''], ['secret set', GH_SECRET_SET, '']] as const;
  for (const [word, search, namePrefix] of searches) {
    if (!text.includes(word)) continue;
    for (const match of text.matchAll(search)) {
      const [, name, quote, value] = match;
      const start = match.index! + match[0].length - quote.length - value.length;
      found.push({ name: namePrefix + name, value, start, end: start + value.length, quoted: quote !== '' });
    }
  }
  return found;
}

/**
 * ENCODED_USER_PASSWORD's passwords, as the password of the encoder's call; Buffer.from's only when it is
 * turned into base64. Each call is found with indexOf (the one search for all of them cost 12 ms on
 * effect@4.1.0's two files with `btoa(`, 5 MB), then its argument read where it starts.
 */
function encodedUserPasswords(text: string, formWords: ReadonlySet<string>): Assignment[] {
  const found: Assignment[] = [];
  for (const { call, keywords } of ENCODER_CALLS) {
    if (!keywords.some((keyword) => formWords.has(keyword))) continue;
    for (let at = text.indexOf(`${call}(`); at >= 0; at = text.indexOf(`${call}(`, at + 1)) {
      if (/[\w$]/.test(text[at - 1] ?? '')) continue; // the end of another name: `my_btoa(`
      ENCODED_USER_PASSWORD.lastIndex = at + call.length;
      const match = ENCODED_USER_PASSWORD.exec(text);
      if (!match) continue;
      const end = ENCODED_USER_PASSWORD.lastIndex;
      if (call === 'Buffer.from' && !/^\)[ \t]*\.toString\([ \t]*["']base64/.test(text.slice(end, end + 40))) continue;
      const password = match[3];
      const start = end - 1 - password.length;
      found.push({ name: 'BASIC_AUTH_PASSWORD', value: password, start, end: start + password.length, quoted: true, call, argument: 'password' });
    }
  }
  return found;
}

/** HEADER_FIELD_VALUE's values, past an authorization scheme (`"Bearer …"`). */
function headerFieldValues(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const match of text.matchAll(HEADER_FIELD_VALUE)) {
    const scheme = /^(?:Bearer|Basic|Token|Digest) {1,4}/i.exec(match[1]);
    const value = scheme ? match[1].slice(scheme[0].length) : match[1];
    if (value.includes(' ')) continue;
    const start = match.index! + match[0].indexOf('"') + 1 + (scheme ? scheme[0].length : 0);
    found.push({ name: match[2], value, start, end: start + value.length, quoted: true });
  }
  return found;
}

// An element named by its `key` or `name` attribute: `<add key="ApiSecret" value="…"/>` (.NET
// appSettings), `<property name="db.password" value="…"/>` (Spring, Ant), `<property
// name="connection.password">…</property>` (Hibernate), `<entry key="password">…</entry>` (Java's XML
// properties). The value is its `value` attribute, else its text. Not an HTML form's `<input>`: its
// value is what the page was served with (a saved page's per-session form token, `authenticity_token`).
const XML_NAMING_ATTRIBUTE = /<[A-Za-z_][\w.:-]{0,80}\s[^<>]{0,500}\b(?:key|name)\s*=\s*["']/;
const XML_START_TAG = /<([A-Za-z_][\w.:-]{0,80})(\s[^<>]{0,1000})>/g;
// Starts where a name does (not inside one): from every character of a long name, the analyser's
// search for slow inputs ran out of memory.
const XML_ATTRIBUTE = /(?<![\w.:-])([A-Za-z_][\w.:-]{0,80})\s*=\s*(?:"([^"<\n]*)"|'([^'<\n]*)')/g;
const ELEMENT_TEXT = /^\s{0,200}([^\s<]{6,1000})\s{0,200}<\//;

function xmlNamedEntries(text: string): Assignment[] {
  const found: Assignment[] = [];
  for (const tag of text.matchAll(XML_START_TAG)) {
    if (tag[1].toLowerCase() === 'input') continue;
    const attributesStart = tag.index! + 1 + tag[1].length;
    let name: string | undefined;
    let value: { text: string; start: number } | undefined;
    for (const attribute of tag[2].matchAll(XML_ATTRIBUTE)) {
      const attributeValue = attribute[2] ?? attribute[3];
      // Android's manifest names them in its namespace: `<meta-data android:name="…" android:value="…"/>`.
      const key = attribute[1].toLowerCase().replace(/^[\w.-]+:/, '');
      if (key === 'key' || key === 'name') name ??= attributeValue;
      else if (key === 'value') value = { text: attributeValue, start: attributesStart + attribute.index! + attribute[0].length - attributeValue.length - 1 };
    }
    if (!name || !/[A-Za-z]/.test(name)) continue;
    if (value) {
      found.push({ name, value: value.text, start: value.start, end: value.start + value.text.length, quoted: true });
      continue;
    }
    if (tag[2].endsWith('/')) continue;
    const after = tag.index! + tag[0].length;
    const content = ELEMENT_TEXT.exec(text.slice(after, after + 1500));
    // The text must close this element, not a child's: `</property>` right after it.
    if (!content || !text.startsWith(`</${tag[1]}>`, after + content[0].length - 2)) continue;
    const start = after + content[0].indexOf(content[1]);
    found.push({ name, value: content[1], start, end: start + content[1].length, quoted: false });
  }
  return found;
}

// `#define NAME "value"` (maybe `L"…"`, `u8"…"`), the literal the whole replacement text. It starts at
// the `#`, which the engine finds fast (from every line start, `^` with the `m` flag, it is slow).
const DEFINE_LITERAL = /#[ \t]*define[ \t]+([A-Za-z_]\w{0,100})[ \t]+(?:L|u8|u|U)?"([^"\\\n]{6,1000})"[ \t]*(?:\/[/*][^\n]*)?\r?$/gm;
// Gradle: Groovy's call without brackets, `storePassword "…"` (a signing config's passwords, a Maven
// repository's `credentials { password "…" }`), a name and a literal alone on their line.
const GROOVY_CALL_LITERAL = /^[ \t]*([A-Za-z_]\w{0,100})[ \t]+(["'])([^"'\\\n]{6,1000})\2[ \t]*;?[ \t]*\r?$/gm;
// Elixir's module attribute, `@api_key "…"`: a name and a literal alone on their line.
const ELIXIR_ATTRIBUTE = /^[ \t]*@([a-z_]\w{0,100})[ \t]+(["'])([^"'\\\n]{6,1000})\2[ \t]*\r?$/gm;
// Android's `buildConfigField("String", "API_KEY", "\"…\"")` (Groovy: `buildConfigField "String",
// "API_KEY", '"…"'`): the field's value is Java source, a string literal inside the script's string.
const BUILD_CONFIG_FIELD = /buildConfigField[ \t]*\(?[ \t]*["']String["'][ \t]*,[ \t]*["']([A-Za-z_]\w{0,100})["'][ \t]*,[ \t]*(?:"\\"([^"\\\n]{6,1000})\\""|'"([^"'\\\n]{6,1000})"')/g;
// A property list's key and the string after it (XML plists), values without blanks.
const PLIST_ENTRY = /<key>([A-Za-z_][\w.-]{0,100})<\/key>\s{0,200}<string>([^\s<]{6,1000})<\/string>/g;
// Redis: `requirepass <password>` (clients must AUTH with it), `masterauth <password>` (a replica's to its master).
const REDIS_PASSWORD_DIRECTIVE = /^[ \t]*(requirepass|masterauth)[ \t]+(["']?)([^\s"']{1,1000})\2[ \t]*\r?$/gm;
// `ENV NAME value`: the Dockerfile's older form, without `=` (the value is the rest of the line).
const DOCKERFILE_ENV = /^[ \t]*ENV[ \t]+([A-Za-z_][\w.-]{0,100})[ \t]+(["']?)([^\s"'=][^\s"']{5,999})\2[ \t]*\r?$/gim;
// A YAML block scalar (`password: |`, `>-`, `|2+`…) whose value is the next line, indented. The search
// starts at the colon, which the engine finds fast; the key before it and the lines after are read in code.
const YAML_BLOCK_SCALAR = /:[ \t]*[|>](?:[1-9][+-]?|[+-][1-9]?)?[ \t]*\r?\n([ \t]+)([^\s#][^\s]{5,999})[ \t]*(?=\r?\n|$)/g;
// The key of a block scalar: alone on its line before the colon, maybe as a sequence's item.
const YAML_KEY = /^([ \t]*)(?:-[ \t]+)?([A-Za-z_][\w.-]{0,100})[ \t]*$/;
// .netrc: tokens separated by blanks or line breaks; `password` is followed by the password.
const NETRC_PASSWORD = /(?<![^\s])password[ \t\r\n]+([^\s]{1,1000})/g;
// Python's `… or "value"`: a fallback literal, maybe bytes or raw (`or b"…"`).
const PYTHON_OR_LITERAL = /(?<![\w.])or[ \t]{1,8}(?:[bBrRuU]{1,2})?(["'])([A-Za-z0-9_\-+/=.~!@#$%^&*|?:;]{6,1000})/g;
// .pgpass: `hostname:port:database:username:password`, where `\:` and `\\` are escaped; `#` starts a comment.
const PGPASS_LINE = /^(?!#)(?:(?:[^:\\\n]|\\.)*:){4}((?:[^\\\n\r]|\\.){1,1000})/gm;

function formAssignments(text: string, form: AssignmentForm): Assignment[] {
  const found: Assignment[] = [];
  const add = (name: string, match: RegExpMatchArray, value: string, quoted: boolean, call?: Pick<Assignment, 'call' | 'argument'>) => {
    const start = match.index! + match[0].lastIndexOf(value);
    found.push({ name, value, start, end: start + value.length, quoted, ...call });
  };
  if (form === 'dockerfile') for (const match of text.matchAll(DOCKERFILE_ENV)) add(match[1], match, match[3], match[2] !== '');
  if (form === 'netrc') for (const match of text.matchAll(NETRC_PASSWORD)) add('password', match, match[1], false);
  if (form === 'pgpass') for (const match of text.matchAll(PGPASS_LINE)) add('password', match, match[1], false);
  if (form === 'elixir') for (const match of text.matchAll(ELIXIR_ATTRIBUTE)) add(match[1], match, match[3], true);
  if (form === 'redis') for (const match of text.matchAll(REDIS_PASSWORD_DIRECTIVE)) add('REDIS_PASSWORD', match, match[3], match[2] !== '', { call: match[1], argument: 'password' });
  if (form === 'gradle') {
    for (const match of text.matchAll(GROOVY_CALL_LITERAL)) add(match[1], match, match[3], true);
    for (const match of text.matchAll(BUILD_CONFIG_FIELD)) add(match[1], match, match[2] ?? match[3], true);
  }
  // The C preprocessor's `#define WIFI_PASSWORD "…"`: a name and a literal with no operator between.
  if (form === 'c') {
    for (const match of text.matchAll(DEFINE_LITERAL)) {
      // The directive starts its line (after blanks).
      if (!/^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', match.index!) + 1, match.index!))) continue;
      const start = match.index! + match[0].indexOf('"') + 1;
      found.push({ name: match[1], value: match[2], start, end: start + match[2].length, quoted: true });
    }
  }
  if (form === 'yaml') {
    for (const match of text.matchAll(YAML_BLOCK_SCALAR)) {
      const lineStart = text.lastIndexOf('\n', match.index! - 1) + 1;
      const key = YAML_KEY.exec(text.slice(lineStart, match.index!));
      // The value is the key's (indented deeper) and its only line: a deeper line after it makes a
      // multi-line value (a certificate, a script), which is not one credential.
      if (!key || match[1].length <= key[1].length) continue;
      const next = /^\r?\n([ \t]*)\S/.exec(text.slice(match.index! + match[0].length, match.index! + match[0].length + 1002));
      if (next && next[1].length >= match[1].length) continue;
      add(key[2], match, match[2], false);
    }
  }
  if (form === 'python') {
    for (const match of text.matchAll(PYTHON_OR_LITERAL)) {
      // The literal is the whole string (its closing quote follows).
      if (text[match.index! + match[0].length] !== match[1]) continue;
      const value = match[2];
      const start = match.index! + match[0].length - value.length;
      for (const name of fallbackNames(text, match.index!)) found.push({ name, value, start, end: start + value.length, quoted: true });
    }
  }
  return found;
}

// `name: Type =`, `name?: Type | undefined =`, `name: &'static str =` (TypeScript, Kotlin, Rust, Swift,
// Python annotations): the word before `=` is a type, the name is before the colon. Types are names
// with dots, generics, arrays, unions and intersections.
// Type arguments nest one level (`Map<string, Array<string>>`); brackets inside them are matched, not
// taken as any character, or a run of `<>&` terms could be split exponentially many ways (2 s on 173
// characters).
const TYPE_TERM = String.raw`(?:&\s*)?(?:'\w+\s+)?(?:mut\s+)?[A-Za-z_$][\w$.]*(?:\s*<(?:[^=;\n<>]|<[^=;\n<>]{0,40}>){0,80}>)?(?:\s*\[\s*\])*\??`;
export const ANNOTATED_NAME = new RegExp(String.raw`([A-Za-z_$][\w$]*)\s*[?!]?\s*:\s*${TYPE_TERM}(?:\s*[|&]\s*${TYPE_TERM})*\s*$`);
// `settings["password"] =`, `os.environ['API_TOKEN'] =`, `$config['db_pass'] =`: the key is the name.
const BRACKET_KEY = /\[\s*(["'])([^"'\n]{1,80})\1\s*\]\s*$/;

// An environment variable read by name: `process.env.NAME`, `process.env["NAME"]`, `import.meta.env.NAME`,
// `os.environ.get("NAME")`, `os.getenv("NAME")`, `Deno.env.get("NAME")`, `System.getenv("NAME")`,
// `Environment.GetEnvironmentVariable("NAME")`, `ENV["NAME"]`, `ENV.fetch("NAME")`, `env("NAME")`.
const ENVIRONMENT_READ = /(?:process\.env|import\.meta\.env|\benviron|\bgetenv|\bGetenv|GetEnvironmentVariable|\bENV|\benv::var(?:_os)?|\benv)\s*(?:\.\s*(?:get|fetch)\s*\(|\.|\[|\()\s*["'`]?([A-Za-z_]\w{0,100})/g;

/**
 * The names a fallback literal is assigned to, from the operator that starts the fallback: the name the
 * whole expression is assigned to (`const apiKey = … || "…"`, `{ token: … ?? "…" }`), and the
 * environment variable the left side reads (`process.env.OPENAI_API_KEY || "…"`). Looks back along the
 * line only, past brackets and strings, to the assignment that the expression belongs to; an opening
 * bracket, `,` or `;` first means it is an argument or an element, with no name of its own.
 */
export function fallbackNames(text: string, operatorStart: number): string[] {
  const from = lineStartWithin(text, operatorStart);
  const names: string[] = [];
  let assignedAt = -1;
  // Where the left side starts: after the assignment, or after the bracket or separator that ends the look back.
  let leftStart = from;
  let depth = 0;
  for (let i = operatorStart - 1; i >= from; i--) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      let open = i - 1;
      while (open >= from && text[open] !== c) open--;
      if (open < from) break;
      i = open;
    } else if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (depth === 0) {
        leftStart = i + 1;
        break;
      }
      depth--;
    } else if (depth === 0 && (c === ';' || c === ',')) {
      leftStart = i + 1;
      break;
    } else if (depth === 0 && c === '=' && !'=!<>+-*/%&|^?:'.includes(text[i - 1] ?? '') && text[i + 1] !== '=' && text[i + 1] !== '>') {
      assignedAt = i;
      break;
    } else if (depth === 0 && c === ':' && text[i - 1] !== ':' && text[i + 1] !== ':') {
      assignedAt = i;
      break;
    }
  }
  if (assignedAt >= 0) {
    const name = nameBefore(text, assignedAt, false);
    if (name) names.push(name);
  }
  const variable = lastEnvironmentRead(text.slice(assignedAt >= 0 ? assignedAt + 1 : leftStart, operatorStart))?.[1];
  if (variable && variable !== names[0]) names.push(variable);
  return names;
}

/** Back to the start of the line holding `offset`, at most 300 characters: a minified line is megabytes long. */
function lineStartWithin(text: string, offset: number): number {
  let from = offset;
  while (from > 0 && offset - from < 300 && text[from - 1] !== '\n') from--;
  return from;
}

/** Where the blanks (spaces, tabs) just before `offset` start. */
function startOfBlanksBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
  return at;
}

function lastEnvironmentRead(text: string): RegExpExecArray | undefined {
  let last: RegExpExecArray | undefined;
  for (const read of text.matchAll(ENVIRONMENT_READ)) last = read;
  return last;
}

/**
 * The fallback a string literal is, when the expression before it is nothing but an environment read:
 * `process.env.API_KEY || "…"`, `os.getenv("API_KEY") or "…"`, `getenv('API_KEY') ?: '…'`, or the
 * default of a shell or Compose parameter, `${API_KEY:-…}`, or of a Spring property, `${api.key:…}`. Gives the
 * variable read and the stretch from the operator (with the blanks before it) to the literal's closing
 * quote: removing it leaves the read alone. `valueStart` and `valueEnd` are the literal's contents.
 */
export function environmentFallback(text: string, valueStart: number, valueEnd: number): { variable: string; start: number; end: number } | undefined {
  // `${NAME:-value}` (shell, Compose): `:-value` goes, `${NAME}` stays.
  if (text[valueStart - 1] === '-' && text[valueStart - 2] === ':' && text[valueEnd] === '}') {
    const parameter = SHELL_PARAMETER_NAME.exec(text.slice(Math.max(0, valueStart - 103), valueStart - 2));
    return parameter ? { variable: parameter[0].slice(2), start: valueStart - 2, end: valueEnd } : undefined;
  }
  // Spring's `${name:value}`: `:value` goes, and the property is read from the environment variable its
  // relaxed binding maps it to (`jwt.secret` from JWT_SECRET).
  if (text[valueStart - 1] === ':' && text[valueEnd] === '}') {
    const property = PROPERTY_PLACEHOLDER_NAME.exec(text.slice(Math.max(0, valueStart - 103), valueStart - 1));
    return property ? { variable: property[1].toUpperCase().replace(/[.-]/g, '_'), start: valueStart - 1, end: valueEnd } : undefined;
  }
  const quote = text[valueStart - 1];
  if ((quote !== '"' && quote !== "'" && quote !== '`') || text[valueEnd] !== quote) return undefined;
  let i = valueStart - 1;
  while (i > 0 && /[bBrRuU@]/.test(text[i - 1]) && valueStart - 1 - i < 2) i--;
  i = startOfBlanksBefore(text, i);
  const operator = text.slice(i - 2, i);
  if (!['||', '??', '?:', 'or'].includes(operator) || (operator === 'or' && /[\w.]/.test(text[i - 3] ?? ''))) return undefined;
  const start = startOfBlanksBefore(text, i - 2);
  const left = text.slice(lineStartWithin(text, start), start);
  const read = lastEnvironmentRead(left);
  if (!read) return undefined;
  // The read is the whole left operand: it starts one (after `=`, `:`, an opening bracket, a comma,
  // `return` or the line's start), and only its own closing quote and bracket follow it (not
  // `trim(process.env.A) || "…"`, nor `os.getenv("A", None) or "…"`).
  const opener = /[([]/.exec(read[0])?.[0];
  const closing = opener === '(' ? /^["'`]?[ \t]*\)$/ : opener === '[' ? /^["'`]?[ \t]*\]$/ : /^$/;
  if (!closing.test(left.slice(read.index! + read[0].length))) return undefined;
  if (!/(?:^|[=:(,[{]|\breturn)[ \t]*(?:[\w$]+\.)*$/.test(left.slice(0, read.index!))) return undefined;
  return { variable: read[1], start, end: valueEnd + 1 };
}

/** The name just before an operator: `name`, `"name"`, `$name`, `obj.name`, `name[0]`, `ENV_NAME`. */
function nameBefore(text: string, operatorStart: number, commaForm: boolean): string | undefined {
  const assigns = (text[operatorStart] === '=' && text[operatorStart - 1] !== '=') || text.startsWith('||=', operatorStart) || text.startsWith('??=', operatorStart);
  if (!commaForm && assigns) {
    const before = text.slice(Math.max(0, operatorStart - 200), operatorStart);
    const key = BRACKET_KEY.exec(before);
    if (key && /[A-Za-z]/.test(key[2])) return key[2];
    // No `=` or `;` can be part of an annotation: look only past the last one (the same match, found sooner).
    const annotated = ANNOTATED_NAME.exec(before.slice(Math.max(before.lastIndexOf('='), before.lastIndexOf(';')) + 1));
    if (annotated) return annotated[1];
  }
  let i = operatorStart - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const quoted = i >= 0 && (text[i] === '"' || text[i] === "'" || text[i] === '`');
  if (commaForm && !quoted) return undefined; // `a, b` in code is not an assignment
  if (quoted) i--;
  const end = i + 1;
  let length = 0;
  while (i >= 0 && length < 100 && isNameChar(text.charCodeAt(i))) {
    i--;
    length++;
  }
  // Empty brackets declare an array or append to one (C's `char password[] = "…"`, PHP's `$keys[] = …`):
  // the name is the array's.
  // A bracket before it opens a list or a map literal (Groovy's `[MAPS_API_KEY: "…"]`), not an index.
  const name = text.slice(i + 1, end).replace(/\[\]$/, '').replace(/^\[+/, '');
  // `"NAME", "value"`: the name is the whole literal before the comma, not the end of a URL or a sentence
  // (`createClient("https://ref.supabase.co", "…")`).
  if (commaForm && text[i] !== text[end]) return undefined;
  // `USER:PASSWORD@192.16.0.2:PORT`: a URL's user info and host, not a name (a sigil `@name` starts one).
  if (name.indexOf('@') > 0) return undefined;
  // `var token string = "…"`, `String token = "…"`: the word before the operator is a type; the name is before it.
  if (TYPE_WORDS.has(name) && /[ \t]/.test(text[i] ?? '')) {
    let j = i;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
    const typeEnd = j + 1;
    while (j >= 0 && typeEnd - j <= 100 && isNameChar(text.charCodeAt(j))) j--;
    const previous = text.slice(j + 1, typeEnd);
    if (/[A-Za-z]/.test(previous) && !TYPE_WORDS.has(previous)) return previous;
  }
  return /[A-Za-z]/.test(name) ? name : undefined;
}

/** A character of a name: a word character (ASCII letters, digits, `_`), `.`, `$`, `@`, `-`, `[` or `]`. */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x24 || c === 0x40 || c === 0x2d || c === 0x5b || c === 0x5d;
}

const TYPE_WORDS = new Set(['string', 'String', 'str', 'int', 'bool', 'any', 'var', 'let', 'const', 'val', 'object', 'Object', '[]byte']);
