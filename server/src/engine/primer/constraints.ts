// The hard constraints of a project as instructions for a coding assistant: architecture constraints
// from shipshape.yml (each with its `because`) and the enabled rules, from their metadata, so a new
// rule appears here without touching this file.
import type { ArchitectureConstraint, ShipshapeConfig } from '../config/model';
import { isRuleEnabled } from '../severity';
import type { RuleMeta } from '../types';

/** One hard constraint: a sentence for the list, and a few words for the closing recap. */
export interface PrimerConstraint {
  text: string;
  recap: string;
  /** Where it comes from: `architecture` (shipshape.yml) or a rule id. */
  source: string;
}

/** Families whose rules are instructions about code being written (architecture comes from the config). */
const INSTRUCTION_FAMILIES = new Set(['failure', 'secrets']);

export function architectureConstraints(config: ShipshapeConfig, rules: readonly RuleMeta[]): PrimerConstraint[] {
  const architecture = config.architecture;
  if (!architecture) return [];
  const enabled = (id: string) => {
    const meta = rules.find((rule) => rule.id === id);
    return meta ? isRuleEnabled(meta, config) : false;
  };
  const layersOn = enabled('architecture/layer-import');
  const packagesOn = enabled('architecture/forbidden-package');
  const out: PrimerConstraint[] = [];
  for (const constraint of architecture.constraints) {
    if (constraint.severity === 'off') continue;
    const line = constraintLine(constraint, architecture.layers[constraint.layer], layersOn, packagesOn);
    if (line) out.push(line);
  }
  if (architecture.publicApi.length > 0 && enabled('architecture/public-api')) {
    const modules = architecture.publicApi.map(code).join(', ');
    out.push({
      text: `Import a module in ${modules} only through its entry point, never its internal files.`,
      recap: `${architecture.publicApi.join(', ')} only via entry points`,
      source: 'architecture',
    });
  }
  if (architecture.cycles !== 'allow' && enabled('architecture/cycle')) {
    out.push({ text: 'Add no import cycle between files.', recap: 'no import cycles', source: 'architecture' });
  }
  return out;
}

function constraintLine(constraint: ArchitectureConstraint, patterns: string | string[] | undefined, layersOn: boolean, packagesOn: boolean): PrimerConstraint | undefined {
  const parts: string[] = [];
  const recap: string[] = [];
  if (layersOn) {
    if (constraint.mayImport) {
      if (constraint.mayImport.length === 0) {
        parts.push('imports no other layer');
        recap.push('no other layer');
      } else {
        parts.push(`imports only the ${listOf(constraint.mayImport.map(code))} ${plural('layer', constraint.mayImport.length)}`);
        recap.push(`only ${constraint.mayImport.join(', ')}`);
      }
    }
    if (constraint.mustNotImport?.length) {
      parts.push(`never imports ${listOf(constraint.mustNotImport.map(code))}`);
      recap.push(`not ${constraint.mustNotImport.join(', ')}`);
    }
    if (constraint.independent) {
      parts.push('its modules never import each other');
      recap.push('modules independent');
    }
  }
  if (packagesOn) {
    if (constraint.mustNotImportPackages?.length) {
      parts.push(`never uses the ${plural('package', constraint.mustNotImportPackages.length)} ${listOf(constraint.mustNotImportPackages.map(code))}`);
      recap.push(`no ${constraint.mustNotImportPackages.join(', ')}`);
    }
    if (constraint.mayImportPackages) {
      parts.push(constraint.mayImportPackages.length === 0 ? 'uses no packages' : `uses only the ${plural('package', constraint.mayImportPackages.length)} ${listOf(constraint.mayImportPackages.map(code))}`);
      recap.push(constraint.mayImportPackages.length === 0 ? 'no packages' : `only ${constraint.mayImportPackages.join(', ')}`);
    }
  }
  if (parts.length === 0) return undefined;
  const where = patterns === undefined ? '' : ` (${(Array.isArray(patterns) ? patterns : [patterns]).map(code).join(', ')})`;
  const why = constraint.because?.trim() ? `, because ${lowerFirst(constraint.because.trim().replace(/\.$/, ''))}` : '';
  return {
    text: `${code(constraint.layer)}${where} ${listOf(parts, 'and')}${why}.`,
    recap: `${constraint.layer}: ${recap.join(', ')}`,
    source: 'architecture',
  };
}

/** The enabled failure-semantics and secrets rules as instructions, one line per distinct instruction. */
export function ruleConstraints(config: ShipshapeConfig, rules: readonly RuleMeta[]): PrimerConstraint[] {
  const seen = new Set<string>();
  const out: PrimerConstraint[] = [];
  for (const meta of rules) {
    if (!INSTRUCTION_FAMILIES.has(meta.family) || !isRuleEnabled(meta, config)) continue;
    const instruction = meta.instruction ?? derivedInstruction(meta);
    if (seen.has(instruction.text)) continue;
    seen.add(instruction.text);
    out.push({ ...instruction, source: meta.id });
  }
  return groupFailureRules(out);
}

/**
 * The failure-semantics rules as one item: there are many, each a short imperative, and a numbered
 * line apiece would spend the primer's budget on list markup (the primer stays under ~400 tokens).
 */
function groupFailureRules(constraints: PrimerConstraint[]): PrimerConstraint[] {
  const failure = constraints.filter((c) => c.source.startsWith('failure/'));
  if (failure.length < 2) return constraints;
  const grouped: PrimerConstraint = {
    text: `Failure paths: ${failure.map((c, i) => (i === 0 ? c.text : lowerFirst(c.text)).replace(/\.$/, '')).join('; ')}.`,
    // The recap names the group; its rules are listed once, above.
    recap: 'every failure path handled',
    source: failure.map((c) => c.source).join(','),
  };
  const first = constraints.indexOf(failure[0]);
  return [...constraints.slice(0, first).filter((c) => !failure.includes(c)), grouped, ...constraints.slice(first).filter((c) => !failure.includes(c))];
}

function derivedInstruction(meta: RuleMeta): { text: string; recap: string } {
  return { text: `Avoid: ${lowerFirst(meta.title)}. ${firstSentence(meta.remedy)}`, recap: `no ${lowerFirst(meta.title)}` };
}

export function firstSentence(text: string, max = 200): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  const sentence = (match ? match[0] : text.trim()).replace(/\s+/g, ' ');
  return sentence.length > max ? `${sentence.slice(0, max - 1).trimEnd()}…` : sentence;
}

/** A finding message's headline: up to its first `: ` or `. ` outside inline code (what is wrong, not why). */
export function headline(message: string, max = 120): string {
  let inCode = false;
  let end = message.length;
  for (let i = 0; i < message.length - 1; i++) {
    const ch = message[i];
    if (ch === '`') inCode = !inCode;
    else if (!inCode && (ch === ':' || ch === '.') && /\s/.test(message[i + 1])) {
      end = i;
      break;
    }
  }
  const text = message.slice(0, end).replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function lowerFirst(text: string): string {
  // Keep acronyms and proper names ("AWS key", "HTTP") as they are.
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

function code(text: string): string {
  return `\`${text}\``;
}

function listOf(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

function plural(word: string, count: number): string {
  return count === 1 ? word : `${word}s`;
}
