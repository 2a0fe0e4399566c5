// readiness/env-ignored: `.env` files, where local secrets live, are ignored by git.
import type { ProjectCheck } from '../../engine/project/types';

const ENV_FILE = /(^|\/)\.env(\.[^/]*)?$/;
const TEMPLATE = /\.(example|sample|template|dist|defaults)$/;

export const envIgnored: ProjectCheck = {
  meta: {
    id: 'readiness/env-ignored',
    family: 'readiness',
    title: '.env files are ignored by git',
    rationale: 'A `.env` file holds local credentials. If git does not ignore it, the next `git add .` publishes them to everyone with access to the repository, forever.',
    remedy: 'Add `.env` and `.env.*` (with `!.env.example`) to `.gitignore`; if a `.env` was ever committed, remove it from the index and rotate what it held.',
    defaultSeverity: 'error',
    languages: '*',
    examples: { bad: ['.env present, .gitignore without `.env`'], good: ['.gitignore: `.env` and `.env.*`, plus `!.env.example`'] },
  },
  run(context) {
    const lookedAt = ['.gitignore files', 'files named .env and .env.*', context.trackedFiles ? 'git ls-files' : 'git not read'];
    const envFiles = context.files.filter((f) => ENV_FILE.test(f) && !TEMPLATE.test(f));
    // Files inside the walk are, by construction, not ignored; tracked ones are committed already.
    for (const file of envFiles) {
      const tracked = context.trackedFiles?.has(file);
      context.report({
        ruleId: this.meta.id,
        file: context.files.includes('.gitignore') ? '.gitignore' : file,
        message: tracked ? `${file} is committed: its credentials are in the repository history.` : `${file} is not ignored by git: the next \`git add\` commits its credentials.`,
        lookedAt,
      });
    }
    if (envFiles.length === 0 && !context.isGitIgnored('.env')) {
      context.report({
        ruleId: this.meta.id,
        file: context.files.includes('.gitignore') ? '.gitignore' : (context.files.includes('package.json') ? 'package.json' : (context.files[0] ?? '.gitignore')),
        message: '.gitignore does not ignore .env: the first local .env file would be committed.',
        lookedAt,
      });
    }
  },
};
