// Starts a bundle through V8's code cache. The CLI, server and worker bundles carry TypeScript's
// compiler (5 MB): compiling them took about 1 s of CPU on every start, most of a small CLI run and paid
// again by every worker thread. V8 can serialize the compiled code, including the functions compiled
// while the bundle ran, and start from it next time (measured: `--version` 1.39 s → 0.64 s wall).
// Node 22 has `module.enableCompileCache()`; Node 20, our floor, does not, so this does the same with
// `vm.Script`'s `cachedData`. Each dist/<name>.js is this launcher; the code is in dist/<name>.bundle.js.
// Bundled code must not use import(): vm code has no loader for it (the build rewrites the one use, see
// scripts/build.mjs).
//
// Safety: the cache lives in the user's own cache folder (mode 0700), never in a shared temporary one,
// because cached bytecode is code. Its name carries a hash of the bundle's text and of the Node version,
// since V8 only checks the source's length: a rebuilt bundle never meets an old cache. A cache V8 rejects
// is rewritten; a cache that cannot be read or written is simply not used.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { threadId } from 'node:worker_threads';

/** A bundle may call `globalThis[SAVE_COMPILE_CACHE]?.()` when its work is done (worker threads are terminated, not exited). */
export const SAVE_COMPILE_CACHE = Symbol.for('shipshape.saveCompileCache');
/**
 * `globalThis[LOAD_BUNDLE](name)`: the exports of dist/<name>.bundle.js, loaded through the code cache on
 * first call. The launched bundles get TypeScript's compiler this way, only when a check needs it (see
 * scripts/build.mjs): a run that parses nothing, such as a secrets-only one, never reads it.
 */
export const LOAD_BUNDLE = Symbol.for('shipshape.loadBundle');

/** Where compiled code is kept: SHIPSHAPE_COMPILE_CACHE (a folder, or `off`), else the user's cache folder. */
export function compileCacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string | undefined {
  const setting = env.SHIPSHAPE_COMPILE_CACHE?.trim();
  if (setting && /^(off|0|false|no)$/i.test(setting)) return undefined;
  if (setting) return path.resolve(setting);
  if (!home && !env.XDG_CACHE_HOME && !env.LOCALAPPDATA) return undefined;
  const base = platform === 'win32' ? (env.LOCALAPPDATA || path.join(home, 'AppData', 'Local')) : (env.XDG_CACHE_HOME || path.join(home, '.cache'));
  return path.join(base, 'shipshape', 'compile-cache');
}

/** The cache file for this exact bundle text (or its bytes: the same key) on this Node. */
export function compileCacheFile(directory: string, bundle: string, source: string | Buffer): string {
  const key = createHash('sha1').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 20);
  return path.join(directory, `${path.basename(bundle, '.js')}-${key}.bin`);
}

/**
 * Runs `bundle` as a CommonJS module whose `__dirname` is `dirname` (the launcher's folder, where the
 * other bundles, workers and grammars are), using and, when missing or rejected, writing the code cache.
 */
export function runBundle(bundle: string, dirname: string): void {
  const loaded = new Map<string, unknown>();
  (globalThis as Record<symbol, unknown>)[LOAD_BUNDLE] = (name: string) => {
    if (!loaded.has(name)) loaded.set(name, loadBundle(path.join(dirname, `${name}.bundle.js`), dirname));
    return loaded.get(name);
  };
  loadBundle(bundle, dirname);
}

/** Every loaded bundle's cache writer: a worker thread calls them all through SAVE_COMPILE_CACHE. */
const savers: (() => void)[] = [];

/** Runs `bundle` as runBundle does and returns its exports. */
function loadBundle(bundle: string, dirname: string): unknown {
  // Read as bytes, hashed as bytes, and decoded as Latin-1 when ASCII (the build makes sure bundles
  // are): faster than decoding UTF-8 and hashing the string, ~10 ms of every start for the 4 MB bundle.
  const bytes = fs.readFileSync(bundle);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const directory = compileCacheDirectory();
  const cacheFile = directory ? compileCacheFile(directory, bundle, bytes) : undefined;
  const cached = cacheFile ? readCache(cacheFile) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: cached?.data });
  const usable = cached !== undefined && !script.cachedDataRejected;
  // Only the number outlives this function: the closure below must not keep the cache's buffer alive.
  const cachedCpuMs = cached?.cpuMs ?? 0;
  const cachedBytes = cached?.data.length ?? 0;
  let saved = !cacheFile;
  const save = () => {
    if (saved) return;
    saved = true;
    const cpuMs = (process.cpuUsage().user + process.cpuUsage().system) / 1000;
    if (!shouldWriteCache({ usable, cachedBytes, cachedCpuMs, sourceBytes: source.length, cpuMs })) return;
    writeCache(cacheFile!, script.createCachedData(), cpuMs);
  };
  savers.push(save);
  (globalThis as Record<symbol, unknown>)[SAVE_COMPILE_CACHE] = () => savers.forEach((saveOne) => saveOne());
  // On exit the cache holds every function the run compiled, not just the top level: that is the gain.
  process.once('exit', save);
  // A long-lived server saves once it has warmed up, in case it is killed rather than stopped.
  setTimeout(save, 30_000).unref();
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const module = new Module(bundle);
  module.filename = bundle;
  wrapper.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname);
  return module.exports;
}

/**
 * Whether a run writes its cache on exit. The cache holds what the run that wrote it compiled: a
 * `--version` run compiles little, and a run that worked much longer than the writer has compiled more,
 * so it writes a fuller cache (this converges: each rewrite needs twice the CPU time of the last). But
 * a long run can also write a thin cache (V8 flushes the bytecode of functions it has not run for a
 * while), which its large CPU time would then protect for good: a cache under a sixteenth of the
 * bundle's size (even one of the top level alone is about half) is always replaced.
 */
export function shouldWriteCache(run: { usable: boolean; cachedBytes: number; cachedCpuMs: number; sourceBytes: number; cpuMs: number }): boolean {
  if (!run.usable || run.cachedBytes < run.sourceBytes / 16) return true;
  return run.cpuMs >= run.cachedCpuMs * 2;
}

/** A cache file: the CPU time (ms, float64) of the run that wrote it, then V8's data. */
function readCache(file: string): { cpuMs: number; data: Buffer } | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  return bytes.length > 8 ? { cpuMs: bytes.readDoubleLE(0), data: bytes.subarray(8) } : undefined;
}

function writeCache(file: string, data: Buffer, cpuMs: number): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const header = Buffer.alloc(8);
    header.writeDoubleLE(cpuMs, 0);
    fs.writeFileSync(temporary, Buffer.concat([header, data]), { mode: 0o600 });
    // Atomic: parallel test runs and worker threads may write the same cache at once.
    fs.renameSync(temporary, file);
    pruneOlderCaches(file);
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // nothing to clean up, or not allowed to: the cache is only an optimisation
    }
  }
}

/** Caches kept per bundle name: the current one, and a couple for another install or Node version. */
export const CACHES_KEPT = 3;

/**
 * Every update or rebuild of a bundle writes a new cache file (its name carries the bundle's hash), so
 * without this the folder grows by megabytes per version: keep the newest few of this bundle's.
 */
function pruneOlderCaches(file: string): void {
  const directory = path.dirname(file);
  const prefix = `${path.basename(file).replace(/-[0-9a-f]+\.bin$/, '')}-`;
  const siblings = fs
    .readdirSync(directory)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.bin') && /^[0-9a-f]+$/.test(name.slice(prefix.length, -'.bin'.length)))
    .map((name) => ({ name, mtime: fs.statSync(path.join(directory, name)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { name } of siblings.slice(CACHES_KEPT)) {
    if (path.join(directory, name) !== file) fs.rmSync(path.join(directory, name), { force: true });
  }
}
