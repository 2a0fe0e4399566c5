// Lets tests import rule packs (*.yml) as data, as the esbuild bundle does.
const fs = require('node:fs');
const { parse } = require('yaml');
require.extensions['.yml'] = (module, filename) => {
  module.exports = { __esModule: true, default: parse(fs.readFileSync(filename, 'utf8')) };
};
