// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
import type { Engine } from '../engine/index';
import { ruleDocUrl } from '../engine/docs';
import type { AnnotatedFinding } from '../engine/report/report';

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF for every finding, suppressed and baselined ones included with their state, as code scanning expects. */
export function formatSarif(findings: AnnotatedFinding[], engine: Engine, version: string): string {
  const usedRules = [...new Set(findings.map((f) => f.ruleId))].sort();
  const ruleIndex = new Map(usedRules.map((id, index) => [id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Shipshape',
            version,
            informationUri: 'https://github.com/shipshape-dev/shipshape',
            rules: usedRules.map((id) => {
              const meta = engine.ruleMeta(id);
              return {
                id,
                name: id,
                shortDescription: { text: meta?.title ?? id },
                fullDescription: { text: meta?.rationale ?? id },
                help: { text: meta?.remedy ?? '', markdown: meta?.remedy ?? '' },
                helpUri: ruleDocUrl(id),
                defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'warning'] },
                properties: { tags: [meta?.family ?? id.split('/')[0]] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: ruleIndex.get(f.ruleId),
          level: LEVEL[f.severity] ?? 'warning',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          partialFingerprints: { 'shipshape/v1': f.fingerprint },
          ...(f.commit ? { properties: { commit: f.commit } } : {}),
          baselineState: f.baselineState,
          ...(f.suppression ? { suppressions: [{ kind: f.suppression.kind, status: 'accepted', ...(f.suppression.justification ? { justification: f.suppression.justification } : {}) }] } : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
