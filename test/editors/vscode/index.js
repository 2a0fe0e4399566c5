// Entry point the extension host calls: runs every *.test.js here with mocha (from the editor cache).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

exports.run = function run() {
  const Mocha = require(path.join(process.env.SHIPSHAPE_EDITOR_TOOLS, 'mocha'));
  const mocha = new Mocha({ ui: 'bdd', timeout: 90000, color: false, reporter: 'spec' });
  const only = process.env.SHIPSHAPE_EDITOR_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
};
