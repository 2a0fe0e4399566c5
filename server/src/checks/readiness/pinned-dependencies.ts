// readiness/pinned-dependencies: dependency versions are pinned (or at least bounded).
import { lineOf } from '../../engine/project/evidence';
import type { ProjectCheck } from '../../engine/project/types';
import { projectKind } from './project-kind';

/** Versions that can resolve to anything: `*`, `latest`, `x`, empty, `>=` without an upper bound. */
const UNBOUNDED = /^(?:\*|latest|x|next|>=?\s*[\d.]+\s*)$|^$/;
const NON_REGISTRY = /^(?:file:|link:|workspace:|portal:|npm:|git\+|git:|github:|https?:)/;

export const pinnedDependencies: ProjectCheck = {
  meta: {
    id: 'readiness/pinned-dependencies',
    family: 'readiness',
    title: 'Dependency versions pinned',
    rationale: 'A dependency declared as `*`, `latest` or an open `>=` range can jump a major version on the next install, so production can run code that nobody tested. A lockfile protects only the installs that use it.',
    remedy: 'Declare bounded ranges (`^1.4.2`) or exact versions, and commit the lockfile; for Python pin with `==` in requirements or use a lockfile.',
    defaultSeverity: 'warning',
    languages: '*',
    examples: { bad: ['"dependencies": { "express": "*", "pg": "latest" }'], good: ['"dependencies": { "express": "4.21.2", "pg": "^8.13.1" }'] },
  },
  run(context) {
    const kind = projectKind(context);
    if (kind.node && context.packageJson) {
      const declared = { ...context.packageJson.dependencies, ...context.packageJson.devDependencies };
      const loose = Object.entries(declared).filter(([, version]) => typeof version === 'string' && !NON_REGISTRY.test(version) && UNBOUNDED.test(version.trim()));
      if (loose.length > 0) {
        const text = context.readFile('package.json');
        context.report({
          ruleId: this.meta.id,
          file: 'package.json',
          line: lineOf(text, `"${loose[0][0]}"`),
          message: `${loose.length} dependenc${loose.length === 1 ? 'y is' : 'ies are'} not pinned (${loose.slice(0, 5).map(([name, version]) => `${name}@${version || '""'}`).join(', ')}${loose.length > 5 ? ', …' : ''}): the next install may pull an untested major version.`,
          lookedAt: ['package.json dependencies and devDependencies'],
        });
      }
    }
    for (const file of context.files.filter((f) => /(^|\/)requirements[^/]*\.txt$/.test(f))) {
      const text = context.readFile(file) ?? '';
      const loose = text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => /^[A-Za-z0-9]/.test(line) && !/==|===|@\s*(?:https?|git)/.test(line));
      if (loose.length === 0) continue;
      context.report({
        ruleId: this.meta.id,
        file,
        line: lineOf(text, loose[0]),
        message: `${loose.length} requirement${loose.length === 1 ? ' is' : 's are'} not pinned with == (${loose.slice(0, 5).join(', ')}${loose.length > 5 ? ', …' : ''}).`,
        lookedAt: [file],
      });
    }
  },
};
