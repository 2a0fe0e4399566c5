// architecture/forbidden-package: an npm package or Node builtin a layer must not import
// (`mustNotImportPackages`), or one outside its allow-list (`mayImportPackages`).
import { isBuiltin } from 'node:module';
import { Minimatch } from 'minimatch';
import type { ArchitectureConstraint } from '../../engine/config/model';
import type { Check } from '../../engine/types';
import { membershipLabel } from './layers';
import type { PackageRef } from './module-resolver';
import { becauseTail, ownMemberships, resolvedReferences } from './references';

export const FORBIDDEN_PACKAGE_RULE = 'architecture/forbidden-package';

export const forbiddenPackage: Check = {
  meta: {
    id: FORBIDDEN_PACKAGE_RULE,
    family: 'architecture',
    title: 'Import of a package the layer must not use',
    rationale:
      'A layer that must stay free of I/O or of a vendor (the domain model, a shared library, browser code) loses that property with one import of a database driver, an HTTP client or `node:fs`. The import compiles and the tests pass, and the coupling is only noticed when the code has to run somewhere else.',
    remedy:
      'Reach the capability through a port the layer owns and implement it in an outer layer, or use a package the layer may import. If the layer really should use it, change the constraint in shipshape.yml.',
    defaultSeverity: 'error',
    languages: ['typescript', 'javascript', 'python'],
    examples: {
      bad: ['// src/domain/order.ts, where `domain` has `mustNotImportPackages: [pg, "node:fs"]`\nimport { readFileSync } from "fs";'],
      good: ['// src/infra/db.ts, where `infra` has no package constraint\nimport { Pool } from "pg";'],
    },
  },
  run(context) {
    const scope = ownMemberships(context);
    if (!scope || scope.own.length === 0) return;
    const { architecture, own } = scope;
    const constraints = architecture.constraints.filter((c) => own.some((m) => m.layer === c.layer) && (c.mustNotImportPackages || c.mayImportPackages));
    if (constraints.length === 0) return;

    for (const reference of resolvedReferences(context)) {
      const pkg = reference.package;
      if (!pkg) continue;
      for (const constraint of constraints) {
        if (reference.typeOnly && constraint.ignoreTypeOnly) continue;
        const problem = packageProblem(constraint, pkg);
        if (!problem) continue;
        const importer = membershipLabel(own.find((m) => m.layer === constraint.layer)!);
        const written = pkg.builtin && !reference.specifier.startsWith('node:') ? ` (as '${reference.specifier}')` : '';
        const what = problem.kind === 'denied'
          ? `${importer} must not import package '${pkg.name}'${written}`
          : `${importer} may only import the packages ${constraint.mayImportPackages!.join(', ')}, not '${pkg.name}'${written}`;
        context.report({
          ruleId: FORBIDDEN_PACKAGE_RULE,
          start: reference.start,
          end: reference.end,
          message: `${what}${becauseTail(constraint.because)}`,
          fingerprintText: `${constraint.layer}->${pkg.name}`,
          severityOverride: constraint.severity,
          constraintKey: `${constraint.layer} must not import package ${problem.kind === 'denied' ? problem.pattern : pkg.name}`,
        });
        break;
      }
    }
  },
};

type PackageProblem = { kind: 'denied'; pattern: string } | { kind: 'not-allowed' };

export function packageProblem(constraint: ArchitectureConstraint, pkg: PackageRef): PackageProblem | undefined {
  const denied = constraint.mustNotImportPackages?.find((pattern) => packageMatches(pattern, pkg));
  if (denied) return { kind: 'denied', pattern: denied };
  if (constraint.mayImportPackages && !constraint.mayImportPackages.some((pattern) => packageMatches(pattern, pkg))) return { kind: 'not-allowed' };
  return undefined;
}

const matchers = new Map<string, Minimatch>();

/**
 * Whether a package pattern covers a package: its name (`pg`, a glob such as `@aws-sdk/*`), or a
 * subpath and what is below it (`lodash/fp`). A builtin pattern matches with or without `node:`.
 */
export function packageMatches(pattern: string, pkg: PackageRef): boolean {
  const normalised = pkg.builtin && !pattern.startsWith('node:') && isBuiltin(pattern) ? `node:${pattern}` : pattern;
  let matcher = matchers.get(normalised);
  if (!matcher) matchers.set(normalised, (matcher = new Minimatch(normalised, { dot: true })));
  const full = pkg.name + pkg.subpath;
  return matcher.match(pkg.name) || matcher.match(full) || full.startsWith(normalised + '/');
}
