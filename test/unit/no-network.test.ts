// The engine never opens a connection: analysing a whole workspace (every family, project checks,
// config loading) with every network entry point of Node trapped records no attempt.
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { runWorkspace } from '../../server/src/engine/workspace/run';
import { collectFiles } from '../../server/src/engine/workspace/files';
import { loadRootConfig } from '../../server/src/engine/readiness/run';
import { engine } from '../helpers/engine';

const SAMPLE = path.resolve(__dirname, '../../examples/sample-service');
// The modules themselves (not import namespaces, whose properties are read-only), so traps take effect.
const load = createRequire(__filename);
const [net, tls, http, https, dns, dgram] = ['node:net', 'node:tls', 'node:http', 'node:https', 'node:dns', 'node:dgram'].map((name) => load(name));

describe('no network access', () => {
  it('analysing a workspace opens no socket, resolves no host and fetches nothing', () => {
    const attempts: string[] = [];
    const restore: (() => void)[] = [];
    const trap = <T extends object>(target: T, key: keyof T, label: string) => {
      const original = target[key];
      (target as Record<keyof T, unknown>)[key] = (...args: unknown[]) => {
        attempts.push(`${label}(${JSON.stringify(args[0])?.slice(0, 60)})`);
        throw new Error(`network access in a test: ${label}`);
      };
      restore.push(() => ((target as Record<keyof T, unknown>)[key] = original));
    };
    trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
    trap(net, 'connect', 'net.connect');
    trap(net, 'createConnection', 'net.createConnection');
    trap(tls, 'connect', 'tls.connect');
    trap(http, 'request', 'http.request');
    trap(https, 'request', 'https.request');
    trap(dns, 'lookup', 'dns.lookup');
    trap(dgram, 'createSocket', 'dgram.createSocket');
    trap(globalThis, 'fetch', 'fetch');
    try {
      const files = collectFiles([SAMPLE]).files;
      const run = runWorkspace(engine, { files, applyBaseline: true, allowGit: false });
      assert.ok(run.findings.length >= 3, 'the analysis ran');
      engine.analyzeProject(loadRootConfig(engine, SAMPLE), { allowGit: false });
    } finally {
      restore.forEach((undo) => undo());
    }
    assert.deepEqual(attempts, []);
  });
});
