// architecture/cycle over random import graphs, analysed one file after another against one workspace
// index, as the CLI and the server do: the cycle reported for each runtime import of a file is the
// shortest path back to it (breadth first, imports in the order written), whether the index was built
// up front or deferred, and whatever order the files are analysed in. The graph reads only what its
// searches reach, which the second test holds it to.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { DiskHost } from '../../../server/src/engine/host';
import { createWorkspaceIndex, languageOf } from '../../../server/src/engine/index';
import { engine, loadedConfig, makeWorkspace, TEST_SALT } from '../../helpers/engine';
import { importGraphFor, importsSummarizer } from '../../../server/src/checks/architecture/import-graph';
import { resolverFor } from '../../../server/src/checks/architecture/module-resolver';

type Kind = 'import' | 'type' | 'reexport' | 'dynamic';
const LINE: Record<Kind, (target: number) => string> = {
  import: (t) => `import { x as x${t} } from "./m${t}";`,
  type: (t) => `import type { x as t${t} } from "./m${t}";`,
  reexport: (t) => `export * from "./m${t}";`,
  dynamic: (t) => `export const lazy${t} = () => import("./m${t}");`,
};
const eager = (kind: Kind) => kind === 'import' || kind === 'reexport';
const CONFIG = 'architecture:\n  cycles: forbid\n';

/** The cycles the rule must report for file `self`: one per runtime import with a path back, in import order. */
function expectedCycles(edges: [Kind, number][][], self: number): string[] {
  const next = edges.map((list) => [...new Set(list.filter(([kind]) => eager(kind)).map(([, target]) => target))]);
  const cycles: string[] = [];
  for (const [kind, target] of edges[self]) {
    if (!eager(kind)) continue;
    const previous = new Map<number, number>([[target, target]]);
    const queue = [target];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      if (node === self) break;
      for (const to of next[node]) {
        if (previous.has(to)) continue;
        previous.set(to, node);
        queue.push(to);
      }
    }
    if (!previous.has(self)) continue;
    const back = [self];
    for (let node = self; node !== target; node = previous.get(node)!) back.push(previous.get(node)!);
    cycles.push([self, ...back.reverse()].map((m) => `src/m${m}.ts`).join(' → '));
  }
  return cycles;
}

const graphs = fc.integer({ min: 1, max: 7 }).chain((size) =>
  fc.record({
    edges: fc.array(fc.array(fc.tuple(fc.constantFrom<Kind>('import', 'import', 'reexport', 'type', 'dynamic'), fc.nat(size - 1)), { maxLength: 3 }), { minLength: size, maxLength: size }),
    order: fc.shuffledSubarray([...Array(size).keys()], { minLength: size }),
    deferred: fc.boolean(),
  }),
);

describe('architecture/cycle over random import graphs', () => {
  it('reports, for each runtime import, the shortest cycle back to the file', function () {
    this.timeout(120_000);
    let cycles = 0;
    fc.assert(
      fc.property(graphs, ({ edges, order, deferred }) => {
        const files = Object.fromEntries(edges.map((list, i) => [`src/m${i}.ts`, `${list.map(([kind, t]) => LINE[kind](t)).join('\n')}\nexport const x = ${i};\n`]));
        const dir = makeWorkspace({ ...files, 'shipshape.yml': CONFIG });
        const documents = Object.entries(files).map(([relative, text]) => ({ path: path.join(dir, relative), text, language: languageOf(relative) }));
        const index = createWorkspaceIndex();
        if (deferred) index.defer(documents);
        else for (const document of documents) index.update(document);
        const config = loadedConfig(CONFIG, dir);
        const host = new DiskHost();
        for (const self of order) {
          const result = engine.analyze({ document: documents[self], config, host, salt: TEST_SALT, workspace: index });
          const got = result.findings.filter((f) => f.ruleId === 'architecture/cycle').map((f) => /^Import cycle: (.*?)\. /.exec(f.message)![1]);
          const want = expectedCycles(edges, self);
          cycles += want.length;
          assert.deepEqual(got, want, `src/m${self}.ts in ${JSON.stringify(files)}`);
        }
      }),
      { numRuns: 150, seed: 20261130 },
    );
    assert.ok(cycles > 100, `only ${cycles} cycles in the generated graphs`);
  });

  it('reads only the files a search reaches: a check of one file summarises the files its imports lead to', () => {
    // m0 → m1 → m2 → m0 is a cycle; m3…m9 import each other and m0, and nothing reaches them from m0.
    const files: Record<string, string> = { 'src/m0.ts': 'import "./m1";\n', 'src/m1.ts': 'import "./m2";\n', 'src/m2.ts': 'import "./m0";\n' };
    for (let i = 3; i < 10; i++) files[`src/m${i}.ts`] = `import "./m0";\nimport "./m${i === 9 ? 3 : i + 1}";\n`;
    const dir = makeWorkspace(files);
    const summarised: string[] = [];
    const counting = { ...importsSummarizer, summarize: (document: Parameters<typeof importsSummarizer.summarize>[0], tree: Parameters<typeof importsSummarizer.summarize>[1]) => (summarised.push(path.relative(dir, document.path)), importsSummarizer.summarize(document, tree)) };
    const index = createWorkspaceIndex([counting]);
    index.defer(Object.entries(files).map(([relative, text]) => ({ path: path.join(dir, relative), text, language: languageOf(relative) })));
    const graph = importGraphFor(index, resolverFor(new DiskHost()));
    const m0 = graph.node(path.join(dir, 'src/m0.ts'));
    const reachers = graph.reachersOf(m0, [graph.node(path.join(dir, 'src/m1.ts'))]);
    assert.deepEqual(summarised.sort(), ['src/m1.ts', 'src/m2.ts']);
    assert.deepEqual(graph.shortestPath(graph.node(path.join(dir, 'src/m1.ts')), m0, reachers)?.map((id) => path.relative(dir, graph.pathOf(id))), ['src/m1.ts', 'src/m2.ts', 'src/m0.ts']);
    // Counting every edge reads the rest.
    assert.equal(graph.edgeCount(), 3 + 14);
    assert.equal(summarised.length, 10);
  });
});
