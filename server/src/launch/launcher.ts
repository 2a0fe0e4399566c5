// Entry of dist/cli.js, dist/server.js and the worker scripts: runs dist/<name>.bundle.js through the
// code cache (compile-cache.ts). Built once per bundle; the build defines SHIPSHAPE_BUNDLE.
import * as path from 'node:path';
import { runBundle } from './compile-cache';

declare const SHIPSHAPE_BUNDLE: string;

runBundle(path.join(__dirname, `${SHIPSHAPE_BUNDLE}.bundle.js`), __dirname);
