// Asks the shim for a screenshot of the workbench (see vscode-shim.js) and waits until it is saved.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** `settleMs`: pictures only (never a test's timing): time for the browser to paint toasts and the status bar. */
async function screenshot(name, settleMs = 0) {
  const dir = process.env.SHIPSHAPE_SCREENSHOT_DIR;
  if (!dir) return;
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
  const request = path.join(dir, 'request');
  fs.writeFileSync(request, name);
  const deadline = Date.now() + 30000;
  while (fs.existsSync(request) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

module.exports = { screenshot };
