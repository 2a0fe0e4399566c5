// Lets tests import rule packs (*.yml) as text, as the esbuild bundle does.
const fs = require('node:fs');
require.extensions['.yml'] = (module, filename) => {
  module.exports = { __esModule: true, default: fs.readFileSync(filename, 'utf8') };
};
