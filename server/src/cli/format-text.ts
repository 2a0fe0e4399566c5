// Human-readable output, grouped by file like ESLint's "stylish" formatter.
import type { CheckReport } from '../engine/report/report';

export function formatText(report: CheckReport, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const severityColor: Record<string, string> = { error: '31', warning: '33', info: '36' };
  const lines: string[] = [];
  let currentFile = '';
  for (const f of report.findings) {
    // A history scan's findings are grouped by file and commit: their lines are in that commit's version.
    const heading = f.commit ? `${f.file} (commit ${f.commit.slice(0, 12)})` : f.file;
    if (heading !== currentFile) {
      if (currentFile) lines.push('');
      lines.push(paint('4', heading));
      currentFile = heading;
    }
    lines.push(`  ${`${f.line}:${f.column}`.padEnd(8)} ${paint(severityColor[f.severity] ?? '0', f.severity.padEnd(7))} ${f.message}  ${paint('2', f.ruleId)}`);
  }
  if (lines.length > 0) lines.push('');
  const { bySeverity, filesScanned, filesSkipped, suppressed, baselined } = report.summary;
  const total = report.findings.length;
  const skippedTotal = Object.values(filesSkipped).reduce((a, b) => a + b, 0);
  const skippedDetail = Object.entries(filesSkipped).sort(([a], [b]) => a.localeCompare(b)).map(([reason, n]) => `${n} ${reason}`).join(', ');
  const problems = total === 0
    ? paint('32', '✔ no problems')
    : paint(bySeverity.error > 0 ? '31' : '33', `✖ ${total} problem${total === 1 ? '' : 's'} (${bySeverity.error} error${bySeverity.error === 1 ? '' : 's'}, ${bySeverity.warning} warning${bySeverity.warning === 1 ? '' : 's'}, ${bySeverity.info} info)`);
  const extras = [
    `${filesScanned} file${filesScanned === 1 ? '' : 's'} scanned`,
    skippedTotal > 0 ? `${skippedTotal} skipped (${skippedDetail})` : '',
    suppressed > 0 ? `${suppressed} suppressed` : '',
    baselined > 0 ? `${baselined} in baseline` : '',
  ].filter(Boolean);
  lines.push(`${problems} · ${extras.join(' · ')}`);
  return lines.join('\n') + '\n';
}
