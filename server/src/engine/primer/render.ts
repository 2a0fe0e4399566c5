// The primer as text: a Markdown hand-over for a fresh session, or a block for one of the instruction
// files assistants read (AGENTS.md, .github/copilot-instructions.md, .cursor/rules/*.mdc, CLAUDE.md).
// Hard constraints come first and are restated in one line at the end (models attend best to both).
import type { Primer } from './build';
import { BLOCK_BEGIN, BLOCK_END, upsertMarkedBlock } from './marked-block';

export const PRIMER_FORMATS = ['markdown', 'agents', 'copilot', 'cursor', 'claude'] as const;
export type PrimerFormat = (typeof PRIMER_FORMATS)[number];

/** Where each instruction-file format lives, relative to the project root. */
export const INSTRUCTION_FILES: Record<Exclude<PrimerFormat, 'markdown'>, string> = {
  agents: 'AGENTS.md',
  copilot: '.github/copilot-instructions.md',
  cursor: '.cursor/rules/shipshape.mdc',
  claude: 'CLAUDE.md',
};

/** Cursor rule files start with front matter; `alwaysApply` puts the rule in every request. */
export const CURSOR_FRONT_MATTER = '---\ndescription: Project constraints checked by Shipshape (shipshape.yml)\nalwaysApply: true\n---\n';

export function renderPrimer(primer: Primer, format: PrimerFormat = 'markdown'): string {
  if (format === 'markdown') return renderSession(primer);
  const block = renderInstructions(primer, format);
  return format === 'cursor' ? `${CURSOR_FRONT_MATTER}\n${block}` : block;
}

function renderSession(primer: Primer): string {
  const lines = ['# Primer for a fresh session', '', '## Hard constraints', ...numbered(primer.constraints.map((c) => c.text))];
  lines.push('', '## Task', primer.task ?? '(one line: what this session should do)');
  lines.push('', '## Decisions', ...(primer.decisions.length > 0 ? primer.decisions.map((d) => `- ${d}`) : ['- (what is already decided)']));
  if (primer.evidence.length > 0) lines.push('', '## Why a fresh session', ...primer.evidence.map((e) => `- ${e}`));
  lines.push('', '## Current state');
  lines.push(`Files touched: ${filesTouched(primer)}`);
  if (primer.findings.length > 0) {
    lines.push('Open findings:', ...primer.findings.map((f) => `- ${f}`));
    if (primer.moreFindings > 0) lines.push(`- …and ${primer.moreFindings} more (\`shipshape check\`)`);
  } else {
    lines.push('Open findings: none');
  }
  lines.push('', '## Verify before you finish', ...primer.verify.map((c) => `- \`${c}\``));
  lines.push('', recap(primer));
  return `${lines.join('\n')}\n`;
}

function renderInstructions(primer: Primer, format: Exclude<PrimerFormat, 'markdown'>): string {
  const intro =
    format === 'claude'
      ? 'IMPORTANT: Shipshape checks these on every edit. YOU MUST follow them:'
      : 'Shipshape checks these on every edit; follow them:';
  const lines = [
    BLOCK_BEGIN,
    '## Project constraints',
    '',
    intro,
    '',
    ...numbered(primer.constraints.map((c) => c.text)),
    '',
    `Before finishing, run ${primer.verify.map((c) => `\`${c}\``).join(' and ')}.`,
    '',
    recap(primer),
    BLOCK_END,
  ];
  return `${lines.join('\n')}\n`;
}

function numbered(items: string[]): string[] {
  return items.length > 0 ? items.map((item, i) => `${i + 1}. ${item}`) : ['(none configured: see shipshape.yml)'];
}

/** The constraints again, in one line (recency). */
function recap(primer: Primer): string {
  return primer.constraints.length > 0 ? `Remember: ${primer.constraints.map((c) => c.recap).join('; ')}.` : 'Remember: run the checks before finishing.';
}

/** An instruction file's new text with the primer's block written in (or updated), the rest untouched. */
export function instructionFileText(existing: string | undefined, primer: Primer, format: Exclude<PrimerFormat, 'markdown'>): string {
  return upsertMarkedBlock(existing, renderInstructions(primer, format), format === 'cursor' ? CURSOR_FRONT_MATTER : '');
}

/** The files touched; a file with a finding listed below is named there, not twice (the budget is small). */
function filesTouched(primer: Primer): string {
  if (primer.filesTouched.length === 0) return 'none yet';
  const listed = primer.filesTouched.filter((file) => primer.findings.some((line) => line.startsWith(`${file}:`)));
  const named = primer.filesTouched.filter((file) => !listed.includes(file)).map((file) => `\`${file}\``);
  if (listed.length > 0) named.push(named.length === 0 ? `the ${listed.length} with findings below` : `${listed.length} more with findings below`);
  return named.join(', ');
}
