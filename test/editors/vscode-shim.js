#!/usr/bin/env node
// A stand-in for the `code` executable that @vscode/test-electron launches: no desktop VS Code can be
// had here, so this starts code-server (VS Code's server build) and drives Debian's Chromium with
// playwright-core. The workbench runs the extension under development in a real (Node) extension
// host and calls the tests entry; mocha's output and exit code come back through the smoke-test driver.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require(path.join(process.env.SHIPSHAPE_EDITOR_TOOLS, 'playwright-core'));

const TIMEOUT_MS = Number(process.env.SHIPSHAPE_EDITOR_TIMEOUT_MS || 300000);

function parseArgs(argv) {
  const options = {};
  const positional = [];
  for (const arg of argv) {
    const match = /^--([^=]+)=(.*)$/.exec(arg);
    if (match) options[match[1]] = match[2];
    else if (!arg.startsWith('--')) positional.push(arg);
  }
  return { options, positional };
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(port, child) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('code-server did not become healthy in 60 s');
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

async function main() {
  const { options, positional } = parseArgs(process.argv.slice(2));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-cs-'));
  const home = path.join(scratch, 'home');
  const userData = options['user-data-dir'] || path.join(scratch, 'user-data');
  const extensionsDir = options['extensions-dir'] || path.join(scratch, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'chat.disableAIFeatures': true,
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'git.enabled': false,
      'security.workspace.trust.enabled': process.env.SHIPSHAPE_WORKSPACE_TRUST === '1',
      ...(process.env.SHIPSHAPE_EDITOR_SETTINGS ? JSON.parse(process.env.SHIPSHAPE_EDITOR_SETTINGS) : {}),
    }),
  );
  const config = path.join(scratch, 'code-server.yaml');
  fs.writeFileSync(config, 'auth: none\n'); // an empty --config file is rejected
  const port = await freePort();
  const args = ['--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--user-data-dir', userData, '--extensions-dir', extensionsDir, '--vscode-option', 'enable-smoke-test-driver'];
  if (process.env.SHIPSHAPE_WORKSPACE_TRUST !== '1') args.push('--disable-workspace-trust');
  const server = spawn(process.env.CODE_SERVER_BIN, args, {
    env: { ...process.env, HOME: home, PATH: `${process.env.NODE24_BIN}:${process.env.PATH}` },
    stdio: ['ignore', process.env.SHIPSHAPE_EDITOR_DEBUG ? 'inherit' : 'ignore', process.env.SHIPSHAPE_EDITOR_DEBUG ? 'inherit' : 'ignore'],
    detached: true, // its own process group, so the whole tree (extension hosts, language servers) is stopped
  });
  let code = 1;
  let context;
  try {
    await waitForHealth(port, server);
    const host = `127.0.0.1:${port}`;
    const remote = (p) => `vscode-remote://${host}${path.resolve(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const profile = path.join(scratch, 'chromium');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1400, height: 900 },
      env: { ...process.env, HOME: home },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // The workbench logs a lot that is only noise here (no network, no gallery); keep the test output readable.
    const noise = /ENOTFOUND|^\s+at |Creating a socket|reconnection-grace-time|Service Worker|AgentHost|AccountPolicyGate|Resolved connection token|builtin extensions cache|authentication provider|vsda/;
    const finished = new Promise((resolve) => {
      context.exposeFunction('codeAutomationLog', (type, logArgs) => {
        const text = logArgs.map(String).join(' ');
        if (process.env.SHIPSHAPE_EDITOR_DEBUG || !text.split('\n').every((line) => !line.trim() || noise.test(line))) (console[type] || console.log)(...logArgs);
      });
      context.exposeFunction('codeAutomationExit', (exitCode) => resolve(exitCode));
    });
    const page = context.pages()[0] || (await context.newPage());
    const folder = positional[0] ? `folder=${encodeURIComponent(path.resolve(positional[0]))}&` : 'ew=true&';
    await page.goto(`http://${host}/?${folder}payload=${encodeURIComponent(JSON.stringify(payload))}`);
    if (process.env.SHIPSHAPE_SCREENSHOT_DIR) screenshotOnRequest(page, process.env.SHIPSHAPE_SCREENSHOT_DIR);
    code = await Promise.race([finished, new Promise((resolve) => setTimeout(() => { console.error(`timeout after ${TIMEOUT_MS} ms`); resolve(124); }, TIMEOUT_MS))]);
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await context?.close().catch(() => undefined);
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  process.exit(code);
}

main();
