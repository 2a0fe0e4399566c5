// architecture/cycle: an import that closes a cycle of runtime imports. The analysed file's own
// imports come from its current text; the rest of the cycle from the workspace import graph.
import { toRelativePosix } from '../../engine/paths';
import type { Check } from '../../engine/types';
import { importGraphFor, isEagerRuntime } from './import-graph';
import { resolverFor } from './module-resolver';
import { resolvedReferences, type ResolvedReference } from './references';

export const CYCLE_RULE = 'architecture/cycle';

export const importCycle: Check = {
  meta: {
    id: CYCLE_RULE,
    family: 'architecture',
    title: 'Import cycle',
    rationale:
      'Modules in a cycle of runtime imports load in an order that depends on which one is imported first: a class or constant can be `undefined` when another module of the cycle runs its top-level code, and the failure moves whenever an unrelated import changes. Cycles also make the modules impossible to test or extract on their own.',
    remedy:
      'Move what both sides need into a module both import, invert the dependency behind an interface, or make one side import types only (`import type`). Set `architecture.cycles` to `warn` or `allow` to change how cycles are reported.',
    defaultSeverity: 'error',
    languages: ['typescript', 'javascript'],
    examples: {
      bad: ['// src/a.ts\nimport { b } from "./b"; // and src/b.ts imports "./a"'],
      good: ['// src/a.ts\nimport type { B } from "./b"; // type-only imports never form cycles'],
    },
  },
  run(context) {
    const architecture = context.config.architecture;
    if (!architecture || architecture.cycles === 'allow' || !context.workspace) return;
    const resolver = resolverFor(context.host);
    const graph = importGraphFor(context.workspace, resolver);
    const self = graph.node(context.document.path);
    // This file's imports as its text has them now (the index may be a keystroke behind): a cycle runs
    // from one of them back to this file.
    const imports: { reference: ResolvedReference; target: number }[] = [];
    for (const reference of resolvedReferences(context)) {
      if (isEagerRuntime(reference) && reference.resolution.kind === 'file') imports.push({ reference, target: graph.node(reference.resolution.path) });
    }
    if (imports.length === 0) return;
    const reachers = graph.reachersOf(self, imports.map((entry) => entry.target));
    for (const { reference, target } of imports) {
      if (!reachers[target]) continue;
      const back = target === self ? [self] : graph.shortestPath(target, self, reachers);
      if (!back) continue;
      const cycle = [self, ...back].map((id) => toRelativePosix(context.configDir, graph.pathOf(id)));
      context.report({
        ruleId: CYCLE_RULE,
        start: reference.start,
        end: reference.end,
        message: `Import cycle: ${cycle.join(' → ')}. Modules in a runtime cycle can see each other half-initialised (an export is undefined until the other finishes loading); move what both need into a module both import, or make one side import types only.`,
        fingerprintText: `cycle ${cycle.slice(0, 2).join(' ')}`,
        severityOverride: architecture.cycles === 'warn' ? 'warning' : undefined,
        constraintKey: 'cycles',
      });
    }
  },
};
