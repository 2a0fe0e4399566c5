// Child process of bench/architecture.mjs: builds Shipshape's import graph over a folder in process
// (workspace index + resolution, as the CLI and the server do) and prints CPU time and resolved edges.
import * as path from 'node:path';
import { decodeReference, IMPORTS_FACT, importsSummarizer, type ImportsFact } from '../server/src/checks/architecture/import-graph';
import { resolverFor } from '../server/src/checks/architecture/module-resolver';
import { importGraphFor } from '../server/src/checks/architecture/import-graph';
import { DiskHost } from '../server/src/engine/host';
import { createWorkspaceIndex, languageOf } from '../server/src/engine/index';
import { collectFiles, readSourceFile } from '../server/src/engine/workspace/files';

const root = path.resolve(process.argv[2]);
const started = process.cpuUsage();
// Only the import facts: the graph is what dependency-cruiser builds (the CLI also builds only the
// facts its enabled rules read; the failure family's facts would add a full parse of every file).
const index = createWorkspaceIndex([importsSummarizer]);
for (const file of collectFiles([root]).files) {
  const language = languageOf(file);
  if (!index.wants(language)) continue;
  const read = readSourceFile(file, 1024 * 1024 * 4);
  if ('text' in read) index.update({ path: file, text: read.text, language });
}
const resolver = resolverFor(new DiskHost());
const graph = importGraphFor(index, resolver);
// The graph works out edges as searches reach them: counting them all is what builds the whole graph.
const runtimeEdges = graph.edgeCount();
const used = process.cpuUsage(started);
const edges: { from: string; to: string; typeOnly: boolean; dynamic: boolean }[] = [];
for (const summary of index.all()) {
  for (const entry of index.facts<ImportsFact>(summary.path, IMPORTS_FACT) ?? []) {
    const reference = decodeReference(entry);
    const resolution = resolver.resolve(summary.path, reference.specifier);
    if (resolution.kind !== 'file') continue;
    edges.push({ from: path.relative(root, summary.path), to: path.relative(root, resolution.path), typeOnly: reference.typeOnly, dynamic: reference.kind === 'dynamic-import' });
  }
}
process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, files: index.size, runtimeEdges, edges }));
