// What the editor shows when hovering an architecture finding: the constraint that was broken (with
// its reason) and, for this file, which layers and packages it may import.
import type { ArchitectureConfig, ArchitectureConstraint, LoadedConfig } from '../../engine/config/model';
import { toRelativePosix } from '../../engine/paths';
import type { Finding } from '../../engine/types';
import { forbiddenMembership } from './layer-import';
import { compileLayers, membershipLabel, membershipsOf, type LayerMembership } from './layers';

export function explainArchitectureFinding(finding: Finding, loaded: LoadedConfig): string | undefined {
  const architecture = loaded.config.architecture;
  if (!architecture || finding.family !== 'architecture') return undefined;
  const relativePath = toRelativePosix(loaded.dir, finding.file);
  const own = membershipsOf(architecture, relativePath);
  const lines: string[] = [];
  const broken = brokenConstraint(architecture, own, finding);
  if (broken) lines.push(`**Constraint on \`${broken.layer}\`** (shipshape.yml): ${describeConstraint(broken)}`);
  else if (finding.ruleId === 'architecture/cycle') lines.push(`**Cycles**: \`architecture.cycles: ${architecture.cycles}\` (shipshape.yml)`);
  else if (finding.ruleId === 'architecture/public-api') lines.push(`**Public API**: modules matching ${architecture.publicApi.map((g) => `\`${g}\``).join(', ')} are imported only through their entry (shipshape.yml)`);
  lines.push(mayImportSummary(architecture, own, relativePath));
  return lines.join('\n\n');
}

function brokenConstraint(architecture: ArchitectureConfig, own: LayerMembership[], finding: Finding): ArchitectureConstraint | undefined {
  const layer = /^(\S+) must not import/.exec(finding.constraintKey ?? '')?.[1];
  if (!layer) return undefined;
  return architecture.constraints.find((c) => c.layer === layer && own.some((m) => m.layer === layer)
    && (finding.ruleId === 'architecture/forbidden-package' ? !!(c.mustNotImportPackages || c.mayImportPackages) : !!(c.mayImport || c.mustNotImport || c.independent)));
}

function describeConstraint(constraint: ArchitectureConstraint): string {
  const parts: string[] = [];
  if (constraint.mayImport) parts.push(`may import ${constraint.mayImport.length ? list(constraint.mayImport) : 'no other layer'}`);
  if (constraint.mustNotImport) parts.push(`must not import ${list(constraint.mustNotImport)}`);
  if (constraint.independent) parts.push('its instances must not import each other');
  if (constraint.mustNotImportPackages) parts.push(`must not import the packages ${list(constraint.mustNotImportPackages)}`);
  if (constraint.mayImportPackages) parts.push(`may import only the packages ${list(constraint.mayImportPackages)}`);
  if (constraint.ignoreTypeOnly) parts.push('type-only imports do not count');
  const because = constraint.because ? ` — *${constraint.because.trim()}*` : '';
  return parts.join('; ') + because;
}

/** Which declared layers this file may import, under every constraint of every layer it belongs to. */
function mayImportSummary(architecture: ArchitectureConfig, own: LayerMembership[], relativePath: string): string {
  if (own.length === 0) return `\`${relativePath}\` is in no layer: it may import anything.`;
  const constraints = architecture.constraints.filter((c) => own.some((m) => m.layer === c.layer));
  const allowed: string[] = [];
  const denied: string[] = [];
  for (const layer of compileLayers(architecture)) {
    const isCapture = layer.globs.some((g) => g.capture);
    const ownInstance = own.find((m) => m.layer === layer.name);
    // For a capture layer, ask about another instance: the own one is always allowed.
    const target: LayerMembership = isCapture ? { layer: layer.name, instance: `${ownInstance?.instance ?? ''}\u0000other` } : { layer: layer.name };
    const label = isCapture && ownInstance ? `other ${layer.name} instances` : layer.name;
    if (!isCapture && ownInstance) continue;
    const forbidden = constraints.some((c) => forbiddenMembership(c, own, [target]));
    (forbidden ? denied : allowed).push(`\`${label}\``);
  }
  const ownLabels = own.map((m) => `\`${membershipLabel(m)}\``).join(', ');
  return [
    `**\`${relativePath}\`** is in ${ownLabels}. It may import its own layers, files in no layer${allowed.length ? `, and ${allowed.join(', ')}` : ''}.`,
    denied.length ? `It must not import ${denied.join(', ')}.` : '',
  ].filter(Boolean).join(' ');
}

function list(items: string[]): string {
  return items.map((item) => `\`${item}\``).join(', ');
}
