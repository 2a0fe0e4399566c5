// Asks the shim for a screenshot of the workbench (see vscode-shim.js) and waits until it is saved.
// Everything here does nothing unless SHIPSHAPE_SCREENSHOT_DIR is set: pictures never change a test run.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const enabled = () => Boolean(process.env.SHIPSHAPE_SCREENSHOT_DIR);

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

/**
 * A picture of the notifications. Toasts never paint in this harness: the workbench skips every toast
 * when the smoke-test driver is on (`addToast` checks `environmentService.enableSmokeTestDriver`), and the
 * shim must start code-server with `--vscode-option enable-smoke-test-driver`, or the built workbench
 * ignores the test payload. The notification center is not affected, so this opens it (newest first; a
 * notification with buttons is shown expanded, buttons included), takes the picture and closes it again.
 */
async function screenshotNotifications(name, settleMs = 0) {
  if (!enabled()) return;
  const vscode = require('vscode');
  await vscode.commands.executeCommand('notifications.showList');
  try {
    await screenshot(name, settleMs);
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

/** Clears the notifications so that a later picture shows only the ones that follow (pictures only). */
async function clearNotificationsForPicture() {
  if (!enabled()) return;
  await require('vscode').commands.executeCommand('notifications.clearAll');
}

module.exports = { screenshot, screenshotNotifications, clearNotificationsForPicture };
