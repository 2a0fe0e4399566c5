// Child process of bench/architecture.mjs: runs dependency-cruiser's `cruise()` in process on a folder
// with a config file, and prints CPU time and the result (modules and violations).
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [peerDir, root, configFile] = process.argv.slice(2);
const require = createRequire(path.join(peerDir, 'package.json'));
const packageDir = path.join(peerDir, 'node_modules', 'dependency-cruiser');
const { cruise } = await import(pathToFileURL(path.join(packageDir, 'src/main/index.mjs')).href);
const extractTSConfig = (await import(pathToFileURL(path.join(packageDir, 'src/config-utl/extract-ts-config.mjs')).href)).default;
const config = require(path.resolve(root, configFile));
process.chdir(root);
const tsConfigFile = config.options?.tsConfig?.fileName;
const started = process.cpuUsage();
const tsConfig = tsConfigFile ? extractTSConfig(tsConfigFile) : undefined;
const result = await cruise(['src'], { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, outputType: 'json' }, undefined, tsConfig ? { tsConfig } : undefined);
const used = process.cpuUsage(started);
process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, output: JSON.parse(result.output) }));
