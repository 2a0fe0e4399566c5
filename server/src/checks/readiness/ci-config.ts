// readiness/ci-config: a CI configuration exists.
import type { ProjectCheck } from '../../engine/project/types';

const CI_FILES = /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|bitbucket-pipelines\.ya?ml|\.buildkite\/[^/]+\.ya?ml|\.travis\.ya?ml|\.drone\.ya?ml|\.woodpecker\.ya?ml|\.woodpecker\/[^/]+\.ya?ml|cloudbuild\.ya?ml|buildspec\.ya?ml|\.ci\/[^/]+)$/;

export const ciConfig: ProjectCheck = {
  meta: {
    id: 'readiness/ci-config',
    family: 'readiness',
    title: 'Continuous integration is configured',
    rationale: 'Without CI, tests and checks run only when someone remembers to run them; a change that breaks the build can be merged and shipped.',
    remedy: 'Add a CI workflow (e.g. `.github/workflows/ci.yml`) that installs, runs the tests and `shipshape readiness` on every push and pull request.',
    defaultSeverity: 'warning',
    languages: '*',
    examples: { bad: ['(no .github/workflows, .gitlab-ci.yml, Jenkinsfile, …)'], good: ['.github/workflows/ci.yml'] },
  },
  run(context) {
    if (context.files.some((f) => CI_FILES.test(f))) return;
    context.report({
      ruleId: this.meta.id,
      file: context.files.includes('package.json') ? 'package.json' : (context.files[0] ?? 'shipshape.yml'),
      message: 'No CI configuration: nothing runs the tests and checks on every change.',
      lookedAt: ['.github/workflows/*.yml', '.gitlab-ci.yml', '.circleci/config.yml', 'azure-pipelines.yml', 'Jenkinsfile', 'bitbucket-pipelines.yml', '.buildkite/', '.travis.yml', '.ci/'],
    });
  },
};
