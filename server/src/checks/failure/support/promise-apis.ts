// Well-known promise APIs, as data: which paths from a global or a module's exports give a promise.
// A path is written as the code reaching the value, from the global or from what the module exports:
// `.get()` is "call the `get` export", `()` "call the module itself", `.Pool.new.query()` "call `query`
// on an instance of the exported `Pool` class". `*` matches one name; a leading `!` excludes a path a
// wider pattern would take in (event-emitter methods return the emitter, not a promise).
// A default import of a CommonJS module reaches the same paths (the leading `.default` is dropped).

const HTTP_VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const verbs = (prefix: string) => HTTP_VERBS.map((verb) => `${prefix}.${verb}()`);

/** Emitter and builder methods of clients whose other methods all return promises. */
const CLIENT_NON_PROMISE = ['on', 'once', 'off', 'addListener', 'removeListener', 'removeAllListeners', 'emit', 'duplicate', 'multi', 'pipeline', 'batch', 'isOpen', 'isReady', 'status', 'options', 'listenerCount'];
const clientMethods = (prefix: string) => [`${prefix}.*()`, ...CLIENT_NON_PROMISE.map((name) => `!${prefix}.${name}()`)];

export const PROMISE_GLOBALS: readonly string[] = [
  'fetch()',
  'globalThis.fetch()',
  'window.fetch()',
  'self.fetch()',
  'Promise.new',
  'Promise.resolve()',
  'Promise.reject()',
  'Promise.all()',
  'Promise.allSettled()',
  'Promise.race()',
  'Promise.any()',
  'Promise.try()',
  'navigator.clipboard.*()',
  'navigator.serviceWorker.register()',
  'navigator.mediaDevices.getUserMedia()',
  'caches.open()',
  'caches.match()',
  'createImageBitmap()',
];

export const PROMISE_MODULES: Readonly<Record<string, readonly string[]>> = {
  'fs/promises': ['.*()', '!.constants()'],
  fs: ['.promises.*()'],
  'timers/promises': ['.setTimeout()', '.setImmediate()', '.scheduler.wait()', '.scheduler.yield()'],
  'dns/promises': ['.*()', '.Resolver.new.*()'],
  'stream/promises': ['.pipeline()', '.finished()'],
  'readline/promises': ['.Interface.new.question()'],
  dns: ['.promises.*()'],
  stream: ['.promises.*()'],
  child_process: [],
  util: [],
  axios: ['()', ...verbs(''), '.create()()', ...verbs('.create()'), ...verbs('.Axios.new')],
  got: ['()', ...verbs(''), '.extend()()', ...verbs('.extend()')],
  ky: ['()', ...verbs(''), '.create()()', '.extend()()', ...verbs('.create()'), ...verbs('.extend()')],
  'node-fetch': ['()'],
  'cross-fetch': ['()', '.fetch()'],
  'isomorphic-fetch': ['()'],
  undici: ['.request()', '.fetch()', '.stream()', '.Pool.new.request()', '.Client.new.request()'],
  superagent: [...verbs('')],
  pg: ['.Pool.new.query()', '.Pool.new.connect()', '.Pool.new.end()', '.Client.new.query()', '.Client.new.connect()', '.Client.new.end()'],
  mysql2: ['.promise()'],
  'mysql2/promise': ['.createConnection()', '.createPool().query()', '.createPool().execute()', '.createPool().getConnection()', '.createPool().end()'],
  redis: clientMethods('.createClient()'),
  ioredis: clientMethods('.new'),
  mongodb: ['.MongoClient.new.connect()', '.MongoClient.new.close()', '.MongoClient.connect()'],
  mongoose: ['.connect()', '.disconnect()', '.connection.close()', '.model().*()', '!.model().on()', '!.model().once()', '!.model().watch()', '!.model().where()'],
  '@prisma/client': ['.PrismaClient.new.$connect()', '.PrismaClient.new.$disconnect()', '.PrismaClient.new.$transaction()', '.PrismaClient.new.$queryRaw()', '.PrismaClient.new.$executeRaw()', '.PrismaClient.new.$queryRawUnsafe()', '.PrismaClient.new.$executeRawUnsafe()', '.PrismaClient.new.*.*()', '!.PrismaClient.new.$on()', '!.PrismaClient.new.$use()', '!.PrismaClient.new.$extends()'],
  knex: ['().*.*()'],
  '@aws-sdk/client-s3': ['.S3Client.new.send()'],
  '@aws-sdk/client-dynamodb': ['.DynamoDBClient.new.send()'],
  '@aws-sdk/lib-dynamodb': ['.DynamoDBDocumentClient.from().send()'],
  'amqplib': ['.connect()'],
  'nodemailer': ['.createTransport().sendMail()', '.createTransport().verify()'],
  'puppeteer': ['.launch()'],
  'playwright': ['.chromium.launch()', '.firefox.launch()', '.webkit.launch()'],
};

export interface PathMatcher {
  matches(path: string): boolean;
}

/** Compiles a pattern list (with `!` exclusions) into one matcher. */
export function compilePatterns(patterns: readonly string[]): PathMatcher {
  // `*` is one member name: not a call, and not an element (`[]`, an array index) either.
  const toRegex = (pattern: string) => new RegExp(`^${pattern.replace(/[.()$]/g, (c) => `\\${c}`).replace(/\*/g, '[^.()[\\]]+')}$`);
  const include = patterns.filter((p) => !p.startsWith('!')).map(toRegex);
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => toRegex(p.slice(1)));
  return { matches: (path) => include.some((r) => r.test(path)) && !exclude.some((r) => r.test(path)) };
}

const globalMatcher = compilePatterns(PROMISE_GLOBALS.map((p) => `.${p}`));
const moduleMatchers = new Map<string, PathMatcher>();

/** Whether the value at `path` (from the global object) is a promise. */
export function isKnownGlobalPromise(path: string): boolean {
  return globalMatcher.matches(path);
}

/** Whether the value at `path` (from the exports of package `specifier`) is a promise; undefined when the module is not known. */
export function isKnownModulePromise(specifier: string, path: string): boolean | undefined {
  const name = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const patterns = Object.hasOwn(PROMISE_MODULES, name) ? PROMISE_MODULES[name] : undefined;
  if (!patterns) return undefined;
  let matcher = moduleMatchers.get(name);
  if (!matcher) moduleMatchers.set(name, (matcher = compilePatterns(patterns)));
  return matcher.matches(path) || (path.startsWith('.default') && matcher.matches(path.slice('.default'.length)));
}
