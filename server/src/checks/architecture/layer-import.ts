// architecture/layer-import: an import that reaches a layer the importer's constraints do not allow.
// A file may always import its own layers (for a `{capture}` layer, its own instance); files in no
// layer are unrestricted and importable by all.
import type { ArchitectureConstraint } from '../../engine/config/model';
import type { Check } from '../../engine/types';
import { membershipLabel, membershipsOf, type LayerMembership } from './layers';
import { becauseTail, ownMemberships, resolvedReferences } from './references';

export const LAYER_IMPORT_RULE = 'architecture/layer-import';

export const layerImport: Check = {
  meta: {
    id: LAYER_IMPORT_RULE,
    family: 'architecture',
    title: 'Import across a forbidden layer boundary',
    rationale:
      'Layers declared in shipshape.yml are the architecture the team agreed on. An import that crosses a forbidden boundary couples code that was meant to change, test and deploy independently; one such import invites the next, and AI assistants copy whatever pattern they see.',
    remedy:
      'Depend on an abstraction the allowed layer owns (a port or interface), move the code to the right layer, or, if the rule itself is wrong, change the constraint in shipshape.yml so the whole team sees the decision.',
    defaultSeverity: 'error',
    languages: ['typescript', 'javascript', 'python'],
    examples: {
      bad: ['// src/domain/order.ts, where `domain` has `mayImport: []`\nimport { query } from "../infra/db";'],
      good: ['// src/app/place-order.ts, where `app` has `mayImport: [domain]`\nimport { Order } from "../domain/order";'],
    },
  },
  run(context) {
    const scope = ownMemberships(context);
    if (!scope || scope.own.length === 0) return;
    const { architecture, own } = scope;
    const constraints = architecture.constraints.filter((c) => own.some((m) => m.layer === c.layer) && (c.mayImport || c.mustNotImport || c.independent));
    if (constraints.length === 0) return;

    for (const reference of resolvedReferences(context)) {
      if (reference.targetPath === undefined) continue;
      const targets = membershipsOf(architecture, reference.targetPath);
      for (const constraint of constraints) {
        if (reference.typeOnly && constraint.ignoreTypeOnly) continue;
        const forbidden = forbiddenMembership(constraint, own, targets);
        if (!forbidden) continue;
        const importer = membershipLabel(own.find((m) => m.layer === constraint.layer)!);
        context.report({
          ruleId: LAYER_IMPORT_RULE,
          start: reference.start,
          end: reference.end,
          message: `${importer} must not import ${membershipLabel(forbidden)} (${reference.targetPath})${becauseTail(constraint.because)}`,
          fingerprintText: `${constraint.layer}->${forbidden.layer} ${reference.specifier}`,
          severityOverride: constraint.severity,
          constraintKey: `${constraint.layer} must not import ${forbidden.layer}`,
        });
        break; // one finding per import: the first constraint it breaks
      }
    }
  },
};

/** The target membership this import must not reach under the constraint, or undefined when it is allowed. */
export function forbiddenMembership(constraint: ArchitectureConstraint, own: LayerMembership[], targets: LayerMembership[]): LayerMembership | undefined {
  const isOwn = (target: LayerMembership) => own.some((m) => m.layer === target.layer && m.instance === target.instance);
  if (constraint.independent) {
    const otherInstance = targets.find((t) => t.layer === constraint.layer && !isOwn(t));
    if (otherInstance) return otherInstance;
  }
  const foreign = targets.filter((t) => !isOwn(t));
  const denied = foreign.find((t) => constraint.mustNotImport?.includes(t.layer));
  if (denied) return denied;
  // mayImport: allowed when the target is in any own layer or any listed layer; otherwise name the first foreign one.
  if (constraint.mayImport && foreign.length > 0 && foreign.length === targets.length && !foreign.some((t) => constraint.mayImport!.includes(t.layer))) {
    return foreign[0];
  }
  return undefined;
}
