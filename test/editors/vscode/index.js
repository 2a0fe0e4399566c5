// Entry point the extension host calls (extensionTestsPath): runs every *.test.js in this folder with
// mocha. The extension host has only what we give it, so mocha is loaded by absolute path from the
// editor cache (SHIPSHAPE_EDITOR_TOOLS, set from setup.sh's env file and inherited through the shim
// and code-server). Plain CommonJS, no build step.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

exports.run = function run() {
  const tools = process.env.SHIPSHAPE_EDITOR_TOOLS;
  if (!tools) return Promise.reject(new Error('SHIPSHAPE_EDITOR_TOOLS is not set in the extension host: cannot load mocha'));
  const Mocha = require(path.join(tools, 'mocha'));
  const mocha = new Mocha({ ui: 'bdd', timeout: 90000, color: false, reporter: 'spec' });
  const only = process.env.SHIPSHAPE_EDITOR_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error);
    }
  });
};
