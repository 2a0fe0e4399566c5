// readiness/lockfile: dependency versions are locked, and the lockfile is committed.
import type { ProjectCheck } from '../../engine/project/types';
import { projectKind } from './project-kind';

const NODE_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock'];
const PYTHON_LOCKS = ['poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock', 'requirements.lock'];

export const lockfile: ProjectCheck = {
  meta: {
    id: 'readiness/lockfile',
    family: 'readiness',
    title: 'Lockfile committed',
    rationale: 'Without a committed lockfile every install may resolve different dependency versions: production runs code nobody tested, and a compromised release can slip in unnoticed.',
    remedy: 'Commit the lockfile your package manager writes (`package-lock.json`, `pnpm-lock.yaml`, `yarn.lock`, `poetry.lock`, `uv.lock`…) and install with `npm ci` (or equivalent) in CI.',
    defaultSeverity: 'warning',
    languages: '*',
    examples: { bad: ['package.json without package-lock.json'], good: ['package.json and a committed package-lock.json'] },
  },
  run(context) {
    const kind = projectKind(context);
    const check = (manifest: string, locks: string[], pinnedRequirements = false) => {
      // context.files leaves git-ignored files out; a git-ignored lockfile still exists and is named as such.
      const present = locks.filter((lock) => context.files.includes(lock) || context.readFile(lock) !== undefined);
      const lookedAt = [...locks, context.trackedFiles ? 'git ls-files' : '.gitignore (git not read)'];
      if (present.length === 0) {
        if (pinnedRequirements) return;
        context.report({ ruleId: this.meta.id, file: manifest, message: `No lockfile next to ${manifest}: installs are not reproducible.`, lookedAt });
        return;
      }
      const committed = present.filter((lock) => (context.trackedFiles ? context.trackedFiles.has(lock) : !context.isGitIgnored(lock)));
      if (committed.length === 0) {
        context.report({ ruleId: this.meta.id, file: present[0], message: `${present[0]} exists but is not committed${context.trackedFiles ? '' : ' (it is git-ignored)'}: CI and production resolve their own versions.`, lookedAt });
      }
    };
    if (kind.node) check('package.json', NODE_LOCKS);
    if (kind.python) {
      const manifest = ['pyproject.toml', 'Pipfile', 'setup.py', 'requirements.txt'].find((f) => context.files.includes(f)) ?? 'pyproject.toml';
      const requirements = context.readFile('requirements.txt');
      const pinned = !!requirements && requirements.split('\n').filter((l) => /^[A-Za-z0-9]/.test(l.trim())).every((l) => /==/.test(l));
      check(manifest, PYTHON_LOCKS, pinned);
    }
  },
};
