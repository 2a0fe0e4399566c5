// `npm run bench:architecture`: Shipshape's architecture rules side by side with dependency-cruiser on
// a real TypeScript tree from npm (rxjs@7.8.2 src/, with its tsconfig `paths`), plus effect@4.1.0 src/
// for scale: the violations diff and the resolved-edge diff for equivalent rules, full graph build CPU
// (in process and end to end), re-check latency after one edit in a warm server over stdio, and the
// server's memory with a 3,000-file workspace graph.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR, corpus, peers, REPO_ROOT } from './lib/cache.mjs';
import { table, writeSection } from './lib/report.mjs';
import { fmt, median, percentile, timeCommand } from './lib/stats.mjs';
import { measureServer } from './lib/architecture-server.mjs';

const DEPCRUISE = ['dependency-cruiser@17.4.3', 'typescript@6.0.3']; // 17.x is the last line that runs on Node 20
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const RUNS = 3;

// rxjs's own layering: internal code never goes through the public barrels, the scheduler and the
// creation functions sit below the operators, the core classes below all of them, utilities at the bottom.
const RXJS_LAYERS = {
  internal: 'src/internal/**',
  core: 'src/internal/*.ts',
  util: 'src/internal/util/**',
  scheduler: 'src/internal/scheduler/**',
  observable: 'src/internal/observable/**',
  operators: 'src/internal/operators/**',
  public: ['src/index.ts', 'src/operators/**', 'src/ajax/**', 'src/fetch/**', 'src/testing/**', 'src/webSocket/**'],
};
const RXJS_SHIPSHAPE = `architecture:
  layers:
${Object.entries(RXJS_LAYERS).map(([name, globs]) => `    ${name}: ${Array.isArray(globs) ? `[${globs.join(', ')}]` : globs}`).join('\n')}
  constraints:
    - layer: internal
      mustNotImport: [public]
      because: Internal modules import each other directly; going through a public barrel creates load-order cycles.
    - layer: util
      mustNotImport: [core, scheduler, observable, operators]
      because: Utilities are leaves that everything else may use.
    - layer: scheduler
      mustNotImport: [observable, operators]
    - layer: observable
      mustNotImport: [operators]
      because: Creation functions must not depend on pipeable operators.
    - layer: core
      mustNotImport: [observable, operators, scheduler]
  cycles: forbid
rules:
  failure/*: off
  secrets/*: off
`;
// The same rules for dependency-cruiser. A file in several layers may import its own layers in
// Shipshape; here every rule's \`from\` and \`to\` are disjoint, so plain path rules are equivalent.
const PUBLIC = '^src/(index\\\\.ts$|operators/|ajax/|fetch/|testing/|webSocket/)';
const RXJS_DEPCRUISE = `module.exports = {
  forbidden: [
    { name: 'internal-not-to-public', severity: 'error', from: { path: '^src/internal/' }, to: { path: '${PUBLIC}' } },
    { name: 'util-is-a-leaf', severity: 'error', from: { path: '^src/internal/util/' }, to: { path: '^src/internal/([^/]+\\\\.ts$|scheduler/|observable/|operators/)' } },
    { name: 'scheduler-below-creation', severity: 'error', from: { path: '^src/internal/scheduler/' }, to: { path: '^src/internal/(observable|operators)/' } },
    { name: 'creation-below-operators', severity: 'error', from: { path: '^src/internal/observable/' }, to: { path: '^src/internal/operators/' } },
    { name: 'core-below-all', severity: 'error', from: { path: '^src/internal/[^/]+\\\\.ts$' }, to: { path: '^src/internal/(observable|operators|scheduler)/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, dependencyTypesNot: ['type-only', 'dynamic-import'], viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } } },
  ],
  options: { tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' }, doNotFollow: { path: 'node_modules' } },
};
`;

export const EFFECT_SHIPSHAPE = `architecture:
  layers:
    core: src/*.ts
    internal: src/internal/**
    area: ["src/{area}/**", "!src/internal/**"]
  constraints:
    - layer: core
      mustNotImport: [area]
    - layer: internal
      mustNotImport: [area]
    - layer: area
      independent: true
  cycles: forbid
rules:
  failure/*: off
  secrets/*: off
`;
export const EFFECT_DEPCRUISE = `module.exports = {
  forbidden: [
    { name: 'core-not-to-area', severity: 'error', from: { path: '^src/[^/]+\\\\.ts$' }, to: { path: '^src/(?!internal/)[^/]+/' } },
    { name: 'internal-not-to-area', severity: 'error', from: { path: '^src/internal/' }, to: { path: '^src/(?!internal/)[^/]+/' } },
    { name: 'areas-independent', severity: 'error', from: { path: '^src/([^/]+)/', pathNot: '^src/internal/' }, to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', '^src/internal/'] } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, dependencyTypesNot: ['type-only', 'dynamic-import'], viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } } },
  ],
  options: { tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' } },
};
`;

function workspace(name, source, files) {
  const dir = path.join(CACHE_DIR, 'workspaces', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(path.join(source, 'src'), path.join(dir, 'src'), { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

function runJson(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, ...options });
  if (!result.stdout) throw new Error(`${command} ${args.join(' ')} printed nothing: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const ourGraph = (dir) => runJson(process.execPath, ['-r', 'tsx/cjs', '-r', './test/helpers/register-yml.js', 'bench/architecture-graph.ts', dir], { cwd: REPO_ROOT });
const theirGraph = (peerDir, dir) => runJson(process.execPath, [path.join(REPO_ROOT, 'bench', 'depcruise-graph.mjs'), peerDir, dir, '.dependency-cruiser.cjs']);

/** Violations as `kind from -> to`: layer rules and cycles, one entry per importing edge. */
function ourViolations(findings) {
  const out = new Set();
  for (const f of findings) {
    if (f.ruleId === 'architecture/layer-import') out.add(`layer ${f.file} -> ${/ \(([^)]+)\)/.exec(f.message)[1]}`);
    else if (f.ruleId === 'architecture/cycle') out.add(`cycle ${f.file} -> ${/^Import cycle: \S+ → (\S+)/.exec(f.message)[1]}`);
  }
  return out;
}

/** Every invalid dependency (the summary lists each cycle once; the modules list every edge in one). */
function theirViolations(output) {
  const out = new Set();
  for (const module of output.modules) {
    for (const d of module.dependencies) {
      for (const rule of d.valid ? [] : d.rules) out.add(`${rule.name === 'no-circular' ? 'cycle' : 'layer'} ${module.source} -> ${d.resolved}`);
    }
  }
  return out;
}

/** dependency-cruiser's own runtime edges (what its cycle rule walks: not type-only, not dynamic). */
function theirRuntimeEdges(output) {
  const edges = new Set();
  for (const module of output.modules) {
    for (const d of module.dependencies) {
      if (!d.couldNotResolve && !d.dependencyTypes.includes('type-only') && !d.dependencyTypes.includes('dynamic-import')) edges.add(`${module.source} -> ${d.resolved}`);
    }
  }
  return edges;
}

/**
 * For a cycle only Shipshape reports: whether every edge of the cycle it names is a runtime import in
 * dependency-cruiser's own graph (then dependency-cruiser's cycle search missed it).
 */
function explainOurCycles(violations, findings, runtimeEdges) {
  return violations.map((violation) => {
    const [, from, to] = /^cycle (\S+) -> (\S+)$/.exec(violation) ?? [];
    if (!from) return violation;
    const finding = findings.find((f) => f.ruleId === 'architecture/cycle' && f.file === from && f.message.includes(`${from} → ${to}`));
    const cycle = /^Import cycle: (.*?)\. Modules/.exec(finding?.message ?? '')?.[1].split(' → ') ?? [];
    const confirmed = cycle.length > 1 && cycle.slice(1).every((node, i) => runtimeEdges.has(`${cycle[i]} -> ${node}`));
    return confirmed ? `${violation} (cycle ${cycle.join(' → ')}: every edge is a runtime import in dependency-cruiser's own graph, which its cycle search misses)` : violation;
  });
}

function theirEdges(output, tripleSlash) {
  const edges = new Set();
  for (const module of output.modules) {
    for (const d of module.dependencies) {
      if (d.couldNotResolve || d.coreModule || !d.dependencyTypes.includes('local') && !d.dependencyTypes.includes('aliased')) continue;
      // `/// <reference path>` adds a file to a compilation; it is not an import (explained in the report).
      if (d.dependencyTypes.every((t) => t === 'local' || t.startsWith('triple-slash'))) {
        tripleSlash.add(`${module.source} -> ${d.resolved}`);
        continue;
      }
      edges.add(`${module.source} -> ${d.resolved}`);
    }
  }
  return edges;
}

const difference = (a, b) => [...a].filter((x) => !b.has(x)).sort();
const cpuOf = (result) => result.cpu.median;

function compareTree(label, dir, peerDir) {
  const ours = runJson(process.execPath, [CLI, 'check', dir, '--format', 'json']);
  const theirRuns = [];
  const ourRuns = [];
  let theirs;
  let graph;
  for (let i = 0; i < RUNS; i++) {
    theirs = theirGraph(peerDir, dir);
    theirRuns.push(theirs.cpuMs);
    graph = ourGraph(dir);
    ourRuns.push(graph.cpuMs);
  }
  const ourCli = timeCommand(process.execPath, [CLI, 'check', dir, '--format', 'json'], { runs: RUNS });
  const theirCli = timeCommand(process.execPath, [path.join(peerDir, 'node_modules', '.bin', 'depcruise'), 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { runs: RUNS, cwd: dir });
  const ourV = ourViolations(ours.findings);
  const theirV = theirViolations(theirs.output);
  const ourE = new Set(graph.edges.map((e) => `${e.from} -> ${e.to}`));
  const tripleSlash = new Set();
  const theirE = theirEdges(theirs.output, tripleSlash);
  const count = (set, kind) => [...set].filter((v) => v.startsWith(kind + ' ')).length;
  const cycles = new Set(ours.findings.filter((f) => f.ruleId === 'architecture/cycle').map((f) => /^Import cycle: (.*?)\. Modules/.exec(f.message)[1].split(' → ').slice(0, -1).sort().join(',')));
  return {
    label,
    files: graph.files,
    edges: ourE.size,
    layer: count(ourV, 'layer'),
    cycleEdges: count(ourV, 'cycle'),
    distinctCycles: cycles.size,
    violationsOnlyOurs: explainOurCycles(difference(ourV, theirV), ours.findings, theirRuntimeEdges(theirs.output)),
    violationsOnlyTheirs: difference(theirV, ourV),
    edgesOnlyOurs: difference(ourE, theirE),
    edgesOnlyTheirs: difference(theirE, ourE),
    tripleSlash: [...tripleSlash].sort(),
    inProcess: { ours: median(ourRuns), theirs: median(theirRuns) },
    cli: { ours: cpuOf(ourCli), theirs: cpuOf(theirCli) },
  };
}

function listOrNone(items) {
  return items.length === 0 ? 'none' : items.slice(0, 15).map((i) => `\`${i}\``).join('<br>') + (items.length > 15 ? `<br>… ${items.length - 15} more` : '');
}

export async function run() {
  const peerDir = peers('dependency-cruiser', DEPCRUISE);
  const rxjs = corpus('rxjs@7.8.2');
  const effect = corpus('effect@4.1.0');
  const rxDir = workspace('rxjs-architecture', rxjs, { 'tsconfig.json': fs.readFileSync(path.join(rxjs, 'tsconfig.json'), 'utf8'), 'shipshape.yml': RXJS_SHIPSHAPE, '.dependency-cruiser.cjs': RXJS_DEPCRUISE });
  const effectDir = workspace('effect-architecture', effect, { 'shipshape.yml': EFFECT_SHIPSHAPE, '.dependency-cruiser.cjs': EFFECT_DEPCRUISE });

  const trees = [compareTree('rxjs@7.8.2 src/', rxDir, peerDir), compareTree('effect@4.1.0 src/', effectDir, peerDir)];

  // A 3,000-file workspace: twelve copies of rxjs (each with its own tsconfig paths), for the server.
  const bigDir = path.join(CACHE_DIR, 'workspaces', 'rxjs-x12');
  fs.rmSync(bigDir, { recursive: true, force: true });
  for (let i = 0; i < 12; i++) {
    fs.cpSync(path.join(rxjs, 'src'), path.join(bigDir, `copy${i}`, 'src'), { recursive: true });
    fs.copyFileSync(path.join(rxjs, 'tsconfig.json'), path.join(bigDir, `copy${i}`, 'tsconfig.json'));
  }
  fs.writeFileSync(path.join(bigDir, 'shipshape.yml'), RXJS_SHIPSHAPE.replace(/src\//g, '*/src/'));
  const server = await measureServer(bigDir, 'copy0/src/internal/Observable.ts', 'copy0/src/internal/Subscriber.ts');

  const lines = [`## Architecture (vs dependency-cruiser ${DEPCRUISE[0].split('@')[1]})`, ''];
  lines.push(table(
    ['tree', 'files', 'resolved edges', 'layer violations', 'cycle edges (distinct cycles)', 'graph build CPU, in process: Shipshape / dep-cruiser', 'ratio', 'CLI CPU end to end: Shipshape / dep-cruiser', 'ratio'],
    trees.map((t) => [t.label, t.files, t.edges, t.layer, `${t.cycleEdges} (${t.distinctCycles})`, `${fmt.ms(t.inProcess.ours)} / ${fmt.ms(t.inProcess.theirs)}`, fmt.ratio(t.inProcess.theirs / t.inProcess.ours), `${fmt.ms(t.cli.ours)} / ${fmt.ms(t.cli.theirs)}`, fmt.ratio(t.cli.theirs / t.cli.ours)]),
  ));
  lines.push('', table(
    ['tree', 'violations only Shipshape reports', 'violations only dependency-cruiser reports', 'edges only Shipshape resolves', 'edges only dependency-cruiser resolves', 'dependency-cruiser `/// <reference path>` edges (not imports, deliberately not edges in Shipshape)'],
    trees.map((t) => [t.label, listOrNone(t.violationsOnlyOurs), listOrNone(t.violationsOnlyTheirs), listOrNone(t.edgesOnlyOurs), listOrNone(t.edgesOnlyTheirs), listOrNone(t.tripleSlash)]),
  ));
  lines.push('', `Server over stdio, ${server.files} TypeScript files indexed (rxjs src/ twelve times), architecture rules only:`, '', table(
    ['measure', 'value'],
    [
      ['background index build (wall)', fmt.ms(server.indexMs)],
      [`re-check of the edited file after an import edit, p50 / p95 (${server.samples} edits)`, `${fmt.ms(median(server.edited))} / ${fmt.ms(percentile(server.edited, 95))}`],
      ['re-check of another file of the cycle (refresh, pull), p50 / p95', `${fmt.ms(median(server.dependent))} / ${fmt.ms(percentile(server.dependent, 95))}`],
      ['server RSS after indexing / peak', `${server.rssMB.toFixed(0)} MB / ${server.peakMB.toFixed(0)} MB`],
    ],
  ));
  lines.push('', 'Edges compare `from -> resolved file` for local imports (type-only and dynamic ones included); violations compare `from -> to` per importing edge (Shipshape reports one finding per import statement, dependency-cruiser one per module pair and rule). In-process times exclude Node start-up and module loading for both tools; end-to-end times are the CLIs as a user runs them (`shipshape check --format json`, `depcruise src --output-type json`), medians of ' + RUNS + ' runs.');
  return writeSection('architecture', lines.join('\n'));
}
