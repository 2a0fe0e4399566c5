// readiness/coverage-threshold: a coverage or mutation-score threshold is enforced (report only).
import type { ProjectCheck } from '../../engine/project/types';
import { projectKind } from './project-kind';

const THRESHOLD_FILES = /(^|\/)(jest\.config\.[cm]?[jt]s|vitest\.config\.[cm]?[jt]s|vite\.config\.[cm]?[jt]s|\.nycrc(\.json|\.ya?ml)?|\.c8rc(\.json)?|stryker\.conf\.[cm]?[jt]s|stryker\.config\.(json|[cm]?[jt]s)|\.coveragerc|setup\.cfg|pyproject\.toml|tox\.ini|pytest\.ini|package\.json|karma\.conf\.[cm]?js)$/;
const THRESHOLD = /coverageThreshold|check-coverage|checkCoverage|thresholds\s*[:=]|"thresholds"|--cov-fail-under|fail_under|fail-under|mutationScore|"break"\s*:|break\s*:\s*\d/;

export const coverageThreshold: ProjectCheck = {
  meta: {
    id: 'readiness/coverage-threshold',
    family: 'readiness',
    title: 'Coverage or mutation-score threshold',
    rationale: 'Without a threshold, test coverage erodes one untested change at a time, and nothing fails when it does. A mutation-score threshold also checks that tests would notice a bug.',
    remedy: 'Configure a threshold the build enforces: jest `coverageThreshold`, vitest `coverage.thresholds`, c8/nyc `--check-coverage`, pytest `--cov-fail-under`, or StrykerJS `thresholds.break`.',
    defaultSeverity: 'info',
    languages: '*',
    examples: { bad: ['(tests run, but no coverage threshold anywhere)'], good: ['vitest.config.ts: coverage: { thresholds: { lines: 80 } }'] },
  },
  run(context) {
    const kind = projectKind(context);
    if (!kind.node && !kind.python) return;
    const candidates = context.files.filter((f) => THRESHOLD_FILES.test(f) && !/node_modules/.test(f));
    if (candidates.some((f) => THRESHOLD.test(context.readFile(f) ?? ''))) return;
    context.report({
      ruleId: this.meta.id,
      file: kind.node ? 'package.json' : (context.files.includes('pyproject.toml') ? 'pyproject.toml' : candidates[0] ?? 'setup.cfg'),
      message: 'No coverage or mutation-score threshold is enforced: test coverage can erode without anything failing.',
      lookedAt: ['jest/vitest/vite/karma configs', '.nycrc, .c8rc', 'stryker config', 'package.json', 'pyproject.toml, setup.cfg, tox.ini, pytest.ini, .coveragerc'],
    });
  },
};
