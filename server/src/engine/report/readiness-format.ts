// Text and Markdown renderings of a readiness report: the verdict first, then the gates with their
// numbers, the family scores, the project checks with their evidence, and findings grouped by rule.
import type { ReadinessReport } from '../readiness/run';

function verdictLine(report: ReadinessReport): string {
  const failing = report.verdict.gates.filter((g) => !g.passed).length;
  return report.verdict.passed ? '✓ Ready: every gate passes' : `✗ Not ready: ${failing} gate${failing === 1 ? '' : 's'} failing`;
}

function groupByRule(report: ReadinessReport) {
  const groups = new Map<string, ReadinessReport['findings']>();
  // Project checks have their own section; this groups the file findings.
  for (const finding of report.findings.filter((f) => f.baselineState === 'new' && f.family !== 'readiness')) {
    const list = groups.get(finding.ruleId) ?? [];
    list.push(finding);
    groups.set(finding.ruleId, list);
  }
  return [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}

export function formatReadinessText(report: ReadinessReport): string {
  const lines = [verdictLine(report), ''];
  lines.push('Gates:');
  for (const gate of report.verdict.gates) lines.push(`  ${gate.passed ? '✓' : '✗'} ${gate.id}: ${gate.message}`);
  if (report.verdict.gates.length === 0) lines.push('  (none configured)');
  lines.push('', 'Scores:');
  for (const [family, score] of Object.entries(report.verdict.scores)) lines.push(`  ${family.padEnd(13)} ${String(score).padStart(3)}/100`);
  if (report.projectChecks.length > 0) {
    lines.push('', 'Project checks:');
    for (const check of report.projectChecks) {
      const mark = check.status === 'pass' ? '✓' : check.status === 'off' ? '-' : '✗';
      lines.push(`  ${mark} ${check.ruleId}${check.status === 'fail' ? ` (${check.file}:${check.line}): ${check.message}` : check.status === 'off' ? ' (off)' : ''}`);
    }
  }
  const groups = groupByRule(report);
  if (groups.length > 0) {
    lines.push('', 'Findings by rule:');
    for (const [ruleId, findings] of groups) {
      lines.push(`  ${ruleId} (${findings.length})`);
      for (const f of findings.slice(0, 20)) lines.push(`    ${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`);
      if (findings.length > 20) lines.push(`    … and ${findings.length - 20} more`);
    }
  }
  const { filesScanned, baselined, suppressed } = report.summary;
  lines.push('', `${filesScanned} files scanned · ${baselined} in baseline · ${suppressed} suppressed${report.shard ? ` · shard ${report.shard.index}/${report.shard.count}` : ''}`);
  return lines.join('\n') + '\n';
}

const escapeCell = (text: string) => text.replace(/([|*_<>])/g, '\\$1').replace(/\n/g, ' ');

/** Markdown for the editor's report view and for CI summaries. `link` turns a location into a link. */
export function formatReadinessMarkdown(report: ReadinessReport, link: (file: string, line: number) => string = (file, line) => `${file}:${line}`): string {
  const lines = [`# Readiness: ${verdictLine(report)}`, ''];
  lines.push('## Gates', '', '| gate | result | numbers |', '| --- | --- | --- |');
  for (const gate of report.verdict.gates) lines.push(`| ${gate.id} | ${gate.passed ? '✓ pass' : '✗ fail'} | ${escapeCell(gate.message)} |`);
  lines.push('', '## Scores', '');
  for (const [family, score] of Object.entries(report.verdict.scores)) {
    const filled = Math.round(score / 10);
    lines.push(`- **${family}** \`${'█'.repeat(filled)}${'░'.repeat(10 - filled)}\` ${score}/100`);
  }
  if (report.projectChecks.length > 0) {
    lines.push('', '## Project checks', '', '| check | status | evidence |', '| --- | --- | --- |');
    for (const check of report.projectChecks) {
      const status = check.status === 'pass' ? '✓ pass' : check.status === 'off' ? 'off' : `✗ ${check.severity}`;
      const evidence = check.status === 'fail' ? `${link(check.file!, check.line!)}: ${escapeCell(check.message!)}` : '';
      lines.push(`| ${check.ruleId} | ${status} | ${evidence} |`);
    }
  }
  const groups = groupByRule(report);
  lines.push('', `## Findings (${report.summary.bySeverity.error ?? 0} errors, ${report.summary.bySeverity.warning ?? 0} warnings, ${report.summary.bySeverity.info ?? 0} info)`, '');
  if (groups.length === 0) lines.push('No new findings.');
  for (const [ruleId, findings] of groups) {
    lines.push(`### ${ruleId} (${findings.length})`, '');
    for (const f of findings.slice(0, 50)) lines.push(`- ${link(f.file, f.line)} — ${f.severity}: ${escapeCell(f.message)}`);
    if (findings.length > 50) lines.push(`- … and ${findings.length - 50} more`);
    lines.push('');
  }
  lines.push('', `_${report.summary.filesScanned} files scanned · ${report.summary.baselined} in baseline · ${report.summary.suppressed} suppressed_`, '');
  return lines.join('\n');
}
