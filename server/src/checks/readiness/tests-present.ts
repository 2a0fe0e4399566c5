// readiness/tests-present: test files exist and a test command is defined.
import { lineOf, TEST_FILE } from '../../engine/project/evidence';
import type { ProjectCheck } from '../../engine/project/types';
import { projectKind } from './project-kind';

// npm init's placeholder is not a test command.
const NPM_PLACEHOLDER = /no test specified/;

export const testsPresent: ProjectCheck = {
  meta: {
    id: 'readiness/tests-present',
    family: 'readiness',
    title: 'Tests exist and a test command is defined',
    rationale: 'Code without tests that CI can run has never been shown to work except by hand. AI-written code especially needs an automated check that its happy path and failure paths behave, every time it changes.',
    remedy: 'Add tests next to the code (e.g. `*.test.ts`, `tests/test_*.py`) and a `test` script in package.json (or pytest configuration) that runs them.',
    defaultSeverity: 'warning',
    languages: '*',
    examples: { bad: ['package.json: "scripts": { "test": "echo \\"Error: no test specified\\" && exit 1" }'], good: ['package.json: "scripts": { "test": "vitest run" }, and src/order.test.ts'] },
  },
  run(context) {
    const kind = projectKind(context);
    const testFiles = context.files.filter((f) => TEST_FILE.test(f));
    const scripts = context.packageJson?.scripts ?? {};
    const nodeCommand = typeof scripts.test === 'string' && !NPM_PLACEHOLDER.test(scripts.test);
    const pyproject = context.readFile('pyproject.toml') ?? '';
    const pythonCommand = /\[tool\.pytest|\[tool\.tox|pytest/.test(pyproject) || context.files.some((f) => /^(pytest\.ini|tox\.ini|noxfile\.py)$/.test(f)) || /^test\s*:/m.test(context.readFile('Makefile') ?? '');
    const hasCommand = (kind.node && nodeCommand) || (kind.python && pythonCommand) || (!kind.node && !kind.python && /^test\s*:/m.test(context.readFile('Makefile') ?? ''));
    const lookedAt = ['test files (*.test.*, *.spec.*, test/, tests/, __tests__/, test_*.py)', kind.node ? 'package.json scripts.test' : '', kind.python ? 'pyproject.toml, pytest.ini, tox.ini, Makefile' : ''].filter(Boolean);
    if (testFiles.length > 0 && hasCommand) return;
    const evidence = kind.node ? 'package.json' : kind.python ? (context.files.includes('pyproject.toml') ? 'pyproject.toml' : context.files.find((f) => /requirements/.test(f)) ?? 'pyproject.toml') : context.files[0] ?? 'shipshape.yml';
    const problem = testFiles.length === 0 && !hasCommand ? 'No tests and no test command' : testFiles.length === 0 ? 'A test command is defined but no test files were found' : 'Test files exist but no test command runs them';
    context.report({ ruleId: this.meta.id, file: evidence, line: kind.node ? lineOf(context.readFile('package.json'), '"scripts"') : 1, message: `${problem}: nothing shows this code works before it ships.`, lookedAt });
  },
};
