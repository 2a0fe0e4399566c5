// architecture/layer-import: an import that reaches a layer the importer's constraints do not allow.
// A file may always import its own layers; files in no layer are unrestricted and importable by all.
import * as path from 'node:path';
import type { ArchitectureConstraint } from '../../engine/config/model';
import { toRelativePosix } from '../../engine/paths';
import type { Check } from '../../engine/types';
import { findModuleReferences } from './imports';
import { layersOf } from './layers';
import { isRelativeSpecifier, resolveRelative } from './resolve';

export const layerImport: Check = {
  meta: {
    id: 'architecture/layer-import',
    family: 'architecture',
    title: 'Import across a forbidden layer boundary',
    rationale:
      'Layers declared in shipshape.yml are the architecture the team agreed on. An import that crosses a forbidden boundary couples code that was meant to change, test and deploy independently; one such import invites the next, and AI assistants copy whatever pattern they see.',
    remedy:
      'Depend on an abstraction the allowed layer owns (a port or interface), move the code to the right layer, or, if the rule itself is wrong, change the constraint in shipshape.yml so the whole team sees the decision.',
    defaultSeverity: 'error',
    languages: ['typescript', 'javascript'],
    examples: {
      bad: ['// src/domain/order.ts, where `domain` has `mayImport: []`\nimport { query } from "../infra/db";'],
      good: ['// src/app/place-order.ts, where `app` has `mayImport: [domain]`\nimport { Order } from "../domain/order";'],
    },
  },
  run(context) {
    const architecture = context.config.architecture;
    if (!architecture || architecture.constraints.length === 0) return;
    const ownLayers = layersOf(architecture, context.relativePath);
    if (ownLayers.length === 0) return;
    const constraints = architecture.constraints.filter((c) => ownLayers.includes(c.layer) && (c.mayImport || c.mustNotImport));
    if (constraints.length === 0) return;
    const tree = context.tsTree();
    if (!tree) return;

    for (const reference of findModuleReferences(tree)) {
      if (!isRelativeSpecifier(reference.specifier)) continue;
      const resolved = resolveRelative(context.document.path, reference.specifier, context.host)
        ?? path.resolve(path.dirname(context.document.path), reference.specifier);
      const targetPath = toRelativePosix(context.configDir, resolved);
      const targetLayers = layersOf(architecture, targetPath);
      for (const constraint of constraints) {
        if (reference.typeOnly && constraint.ignoreTypeOnly) continue;
        const forbidden = forbiddenLayer(constraint, ownLayers, targetLayers);
        if (!forbidden) continue;
        const because = constraint.because ? `: ${constraint.because}` : '.';
        context.report({
          ruleId: 'architecture/layer-import',
          start: reference.start,
          end: reference.end,
          message: `${constraint.layer} must not import ${forbidden} (${targetPath})${because}`,
          fingerprintText: `${constraint.layer}->${forbidden} ${reference.specifier}`,
          severityOverride: constraint.severity,
          constraintKey: `${constraint.layer} must not import ${forbidden}`,
        });
        break; // one finding per import: the first constraint it breaks
      }
    }
  },
};

/** The layer this import must not reach under the constraint, or undefined when it is allowed. */
export function forbiddenLayer(constraint: ArchitectureConstraint, ownLayers: string[], targetLayers: string[]): string | undefined {
  const foreign = targetLayers.filter((layer) => !ownLayers.includes(layer));
  const denied = foreign.find((layer) => constraint.mustNotImport?.includes(layer));
  if (denied) return denied;
  if (constraint.mayImport && foreign.length > 0 && foreign.length === targetLayers.length) {
    // Allowed when the target is in any own layer or any listed layer; otherwise name the first foreign one.
    if (!foreign.some((layer) => constraint.mayImport!.includes(layer))) return foreign[0];
  }
  return undefined;
}
