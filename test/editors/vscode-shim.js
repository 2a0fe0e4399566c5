#!/usr/bin/env node
// A stand-in for the `code` executable that @vscode/test-electron's runTests launches (given as
// `vscodeExecutablePath`). No desktop VS Code can be had here, so this:
//   1. starts code-server (VS Code's server build, on Node 24) on a free 127.0.0.1 port, with the
//      smoke-test driver enabled (without it the workbench ignores the test payload);
//   2. opens the workbench in Debian's headless chromium with playwright-core, on the workspace folder
//      (first positional argument), with extensionDevelopmentPath/extensionTestsPath in the URL payload;
//   3. the remote (Node) extension host loads the extension under development and calls the tests
//      entry's run(); mocha's output comes back through window.codeAutomationLog and the exit code
//      through window.codeAutomationExit, which this script exits with.
//
// Environment:
//   CODE_SERVER_BIN, NODE24_BIN, SHIPSHAPE_EDITOR_TOOLS   from setup.sh's env file (required)
//   CHROMIUM_BIN                  default /usr/bin/chromium
//   SHIPSHAPE_WORKSPACE_TRUST=1   start code-server WITHOUT --disable-workspace-trust (trust prompts on)
//   SHIPSHAPE_SCREENSHOT=<file>   save a PNG of the workbench just before exiting (pass, fail or timeout)
//   SHIPSHAPE_SCREENSHOT_DIR=<dir> tests may request named screenshots (see vscode/helpers-screenshot.js)
//   SHIPSHAPE_EDITOR_TIMEOUT_MS   hard limit for the whole run (default 600000); exit code 124 past it
//   SHIPSHAPE_EDITOR_SETTINGS     JSON merged into the user settings
//   SHIPSHAPE_EDITOR_DEBUG=1      show code-server's output and the workbench's noise
//   SHIPSHAPE_KEEP_SCRATCH=1      keep the scratch folder (HOME, logs, profiles) and print its path
// Nothing is written in the real HOME: code-server and chromium get a scratch HOME.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const TIMEOUT_MS = Number(process.env.SHIPSHAPE_EDITOR_TIMEOUT_MS || 600000);
const DEBUG = Boolean(process.env.SHIPSHAPE_EDITOR_DEBUG);

for (const name of ['CODE_SERVER_BIN', 'NODE24_BIN', 'SHIPSHAPE_EDITOR_TOOLS']) {
  if (!process.env[name]) {
    console.error(`vscode-shim: ${name} is not set; source the env file printed by test/editors/setup.sh`);
    process.exit(2);
  }
}
const { chromium } = require(path.join(process.env.SHIPSHAPE_EDITOR_TOOLS, 'playwright-core'));

/** `--name=value` options (repeatable ones collect into arrays), bare `--flags` and positional arguments. */
function parseArgs(argv) {
  const options = {};
  const flags = new Set();
  const positional = [];
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/s.exec(arg);
    if (match) (options[match[1]] ??= []).push(match[2]);
    else if (arg.startsWith('--')) flags.add(arg.slice(2));
    else positional.push(arg);
  }
  const last = (name) => options[name]?.[options[name].length - 1];
  return { options, flags, positional, last };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(port, child) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode}); rerun with SHIPSHAPE_EDITOR_DEBUG=1`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('code-server did not answer /healthz within 60 s');
}

/** pid -> parent pid of every process, from /proc (Linux). */
function processTable() {
  const table = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // the command name (field 2) may hold spaces and parentheses: parse after the last ')'
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(entry), Number(fields[1]));
    } catch {
      // exited meanwhile
    }
  }
  return table;
}

function descendants(rootPid) {
  const table = processTable();
  const found = [];
  const queue = [rootPid];
  while (queue.length) {
    const parent = queue.shift();
    for (const [pid, ppid] of table) {
      if (ppid === parent && !found.includes(pid)) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const signal = (pid, sig) => {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
};

/**
 * Ends a process and everything under it: its process group (code-server is started detached, so it
 * leads one) and every descendant found in /proc, even one that left the group. SIGTERM first (code-server
 * stops its extension hosts and their language servers in a few seconds), SIGKILL for what is left.
 */
async function killTree(rootPid, graceMs = 6000) {
  const pids = [rootPid, ...descendants(rootPid)];
  signal(-rootPid, 'SIGTERM');
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(alive)) await sleep(100);
  const left = [...new Set([...pids, ...descendants(rootPid)])].filter(alive);
  if (left.length) {
    if (DEBUG) console.error(`vscode-shim: SIGKILL to ${left.join(' ')}`);
    signal(-rootPid, 'SIGKILL');
    for (const pid of left) signal(pid, 'SIGKILL');
  }
}

/**
 * A test running in the extension host cannot reach the browser, so it asks for screenshots through
 * the file system: it writes `<dir>/request` holding a name, the shim saves `<dir>/<name>.png` and
 * removes the request.
 */
function screenshotOnRequest(page, dir) {
  const request = path.join(dir, 'request');
  let busy = false;
  return setInterval(async () => {
    if (busy || !fs.existsSync(request)) return;
    busy = true;
    const name = fs.readFileSync(request, 'utf8').trim() || 'screenshot';
    await page.screenshot({ path: path.join(dir, `${name}.png`) }).catch((error) => console.error(`screenshot failed: ${error}`));
    fs.rmSync(request, { force: true });
    busy = false;
  }, 200);
}

// The workbench logs a lot that is only noise here (no network, no gallery); keep the test output readable.
const NOISE = /ENOTFOUND|^\s+at |Creating a socket|reconnection-grace-time|Service Worker|AgentHost|AccountPolicyGate|Resolved connection token|builtin extensions cache|authentication provider|vsda/;

async function main() {
  const { options, flags, positional, last } = parseArgs(process.argv.slice(2));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cs-'));
  const home = path.join(scratch, 'home');
  const userData = path.resolve(last('user-data-dir') || path.join(scratch, 'user-data'));
  const extensionsDir = path.resolve(last('extensions-dir') || path.join(scratch, 'extensions'));
  const devPaths = options.extensionDevelopmentPath || [];
  const testsPath = last('extensionTestsPath');
  const workspace = positional[0] ? path.resolve(positional[0]) : undefined;
  const trust = process.env.SHIPSHAPE_WORKSPACE_TRUST === '1';
  if (positional.length > 1) console.error(`vscode-shim: only the first folder is opened; ignoring ${positional.slice(1).join(' ')}`);
  if (workspace && !fs.existsSync(workspace)) {
    console.error(`vscode-shim: workspace ${workspace} does not exist`);
    process.exit(2);
  }
  if (flags.has('disable-extensions') && DEBUG) console.error('vscode-shim: --disable-extensions is not passed on');

  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CACHE_HOME: path.join(home, '.cache') };
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'chat.disableAIFeatures': true,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'git.enabled': false,
      'update.mode': 'none',
      'workbench.tips.enabled': false,
      // The built-in TypeScript extension would publish its own diagnostics (often empty lists) for the
      // fixture's .ts files; without them, a diagnostics change on a file comes from the extension under test.
      'typescript.validate.enable': false,
      'javascript.validate.enable': false,
      'security.workspace.trust.enabled': trust,
      ...(process.env.SHIPSHAPE_EDITOR_SETTINGS ? JSON.parse(process.env.SHIPSHAPE_EDITOR_SETTINGS) : {}),
    }, null, 2),
  );
  const config = path.join(scratch, 'code-server.yaml');
  fs.writeFileSync(config, 'auth: none\n'); // an EMPTY --config file is rejected
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const args = ['--config', config, '--bind-addr', host, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--vscode-option', 'enable-smoke-test-driver'];
  if (!trust) args.push('--disable-workspace-trust');
  const serverLog = fs.openSync(path.join(scratch, 'code-server.log'), 'w');
  const server = spawn(process.env.CODE_SERVER_BIN, args, {
    cwd: scratch,
    env: { ...env, PATH: `${process.env.NODE24_BIN}${path.delimiter}${process.env.PATH}` },
    stdio: ['ignore', DEBUG ? 'inherit' : serverLog, DEBUG ? 'inherit' : serverLog],
    detached: true, // its own process group, so the whole tree (extension hosts, language servers) can be stopped
  });

  let page;
  let context;
  let exiting = false;
  /** The single way out: screenshot, close the browser, stop code-server's tree, clean up, exit. */
  async function finish(code, why) {
    if (exiting) return;
    exiting = true;
    if (why) console.error(`vscode-shim: ${why}`);
    const shot = process.env.SHIPSHAPE_SCREENSHOT;
    if (shot && page) {
      try {
        fs.mkdirSync(path.dirname(path.resolve(shot)), { recursive: true });
        await Promise.race([page.screenshot({ path: shot }), sleep(10000).then(() => { throw new Error('took over 10 s'); })]);
        console.error(`vscode-shim: screenshot saved to ${path.resolve(shot)}`);
      } catch (error) {
        console.error(`vscode-shim: screenshot failed: ${error.message ?? error}`);
      }
    }
    if (code !== 0 && !DEBUG) {
      const log = fs.readFileSync(path.join(scratch, 'code-server.log'), 'utf8').split('\n').filter((l) => l && !NOISE.test(l));
      if (log.length) console.error(`--- code-server log (last lines) ---\n${log.slice(-25).join('\n')}\n---`);
    }
    await Promise.race([context?.close().catch(() => undefined), sleep(10000)]);
    await killTree(server.pid);
    await Promise.all(descendants(process.pid).map((pid) => killTree(pid, 2000))); // a browser that did not close
    if (process.env.SHIPSHAPE_KEEP_SCRATCH) console.error(`vscode-shim: scratch kept in ${scratch}`);
    else fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(code);
  }

  const hardTimer = setTimeout(() => finish(124, `timed out after ${TIMEOUT_MS} ms`), TIMEOUT_MS);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(130, `got ${sig}`));

  try {
    await waitForHealth(port, server);
    const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
    const payload = [
      ...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ...(testsPath ? [['extensionTestsPath', remote(testsPath)]] : []),
      ['skipWelcome', 'true'],
    ];
    const profile = path.join(scratch, 'chromium');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 900 },
      env,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const exited = new Promise((resolve) => {
      context.exposeFunction('codeAutomationLog', (type, logArgs) => {
        const text = logArgs.map(String).join(' ');
        const noise = text.split('\n').every((line) => !line.trim() || NOISE.test(line));
        if (DEBUG || !noise) (console[type] || console.log)(...logArgs);
      });
      context.exposeFunction('codeAutomationExit', (exitCode) => resolve(Number(exitCode)));
    });
    page = context.pages()[0] || (await context.newPage());
    const crashed = new Promise((resolve) => {
      page.on('crash', () => resolve('the workbench page crashed'));
      context.on('close', () => resolve('the browser closed'));
    });
    const folder = workspace ? `folder=${encodeURIComponent(workspace)}&` : 'ew=true&';
    await page.goto(`http://${host}/?${folder}payload=${encodeURIComponent(JSON.stringify(payload))}`);
    if (process.env.SHIPSHAPE_SCREENSHOT_DIR) screenshotOnRequest(page, process.env.SHIPSHAPE_SCREENSHOT_DIR);
    if (!testsPath) console.error('vscode-shim: no --extensionTestsPath: the workbench stays open until the timeout');
    const outcome = await Promise.race([exited, crashed]);
    clearTimeout(hardTimer);
    if (typeof outcome === 'number') await finish(outcome);
    else await finish(1, outcome);
  } catch (error) {
    clearTimeout(hardTimer);
    await finish(1, error.stack || String(error));
  }
}

main();
