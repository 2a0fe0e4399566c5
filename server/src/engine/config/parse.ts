// Parses and validates the text of a shipshape.yml. Every problem carries the line of the offending
// key or value, so the editor can underline it; the caller decides whether to keep a last good config.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { compileSchemaValidator } from './schema-validator';
import { DEFAULT_MAX_FILE_SIZE_KB, DEFAULT_MAX_FINDINGS_PER_FILE, DEFAULT_TIME_BUDGET_MS, type ConfigProblem, type ShipshapeConfig } from './model';

// Compiled on first use: a run without a shipshape.yml never pays for it.
let validateSchema: ValidateFunction | undefined;
function schemaValidator(): ValidateFunction {
  validateSchema ??= compileSchemaValidator();
  return validateSchema;
}

export interface ParsedConfig {
  /** Undefined when the file has errors: the caller keeps its last good config. */
  config?: ShipshapeConfig;
  problems: ConfigProblem[];
}

export interface ParseOptions {
  /** Rule ids the engine knows; unknown ids in `rules:` get a warning (a typo silently does nothing otherwise). */
  knownRuleIds?: ReadonlySet<string>;
  knownFamilies?: ReadonlySet<string>;
}

// YAML anchors can expand exponentially ("billion laughs"); cap the number of alias expansions.
const MAX_ALIAS_COUNT = 1000;

export function parseConfigText(text: string, options: ParseOptions = {}): ParsedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const at = (offset: number, endOffset = offset + 1) => rangeOf(lineCounter, offset, endOffset);

  for (const error of doc.errors) {
    problems.push({ severity: 'error', message: `Invalid YAML: ${firstLine(error.message)}`, ...at(error.pos[0], error.pos[1]) });
  }
  if (problems.length > 0) return { problems };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    return { problems: [{ severity: 'error', message: `Invalid YAML: ${firstLine(String((error as Error).message))}`, ...at(0) }] };
  }

  const validate = schemaValidator();
  if (!validate(value)) {
    for (const error of simplifyErrors(validate.errors ?? [])) {
      const path = instancePathToKeys(error.instancePath);
      const unknownKey = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : undefined;
      // An unknown key is underlined at the key itself.
      const offsets = unknownKey !== undefined ? nodeOffsets(doc, [...path, unknownKey], true) : nodeOffsets(doc, path, false);
      const extra = unknownKey !== undefined ? ` '${unknownKey}'` : '';
      const where = path.length > 0 ? `${path.join('.')}: ` : '';
      problems.push({ severity: 'error', message: `${where}${error.message}${extra}`, ...at(offsets[0], offsets[1]) });
    }
    return { problems };
  }

  const config = normalise(value as Partial<ShipshapeConfig>);
  problems.push(...semanticProblems(config, doc, at, options));
  return problems.some((p) => p.severity === 'error') ? { problems } : { config, problems };
}

function normalise(raw: Partial<ShipshapeConfig>): ShipshapeConfig {
  const config: ShipshapeConfig = {
    rules: raw.rules ?? {},
    ignore: raw.ignore ?? [],
    limits: {
      maxFileSizeKB: raw.limits?.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB,
      timeBudgetMs: raw.limits?.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS,
      maxFindingsPerFile: raw.limits?.maxFindingsPerFile ?? DEFAULT_MAX_FINDINGS_PER_FILE,
    },
    secrets: raw.secrets,
    gates: raw.gates,
  };
  if (raw.architecture) {
    config.architecture = {
      layers: raw.architecture.layers ?? {},
      constraints: raw.architecture.constraints ?? [],
      publicApi: raw.architecture.publicApi ?? [],
      cycles: raw.architecture.cycles ?? 'forbid',
    };
  }
  return config;
}

type At = (offset: number, endOffset?: number) => Omit<ConfigProblem, 'severity' | 'message'>;

/** Checks the schema cannot express: references between keys and rule ids that exist. */
function semanticProblems(config: ShipshapeConfig, doc: Document, at: At, options: ParseOptions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (severity: ConfigProblem['severity'], message: string, path: (string | number)[], key = false) => {
    const offsets = nodeOffsets(doc, path, key);
    problems.push({ severity, message, ...at(offsets[0], offsets[1]) });
  };

  for (const id of Object.keys(config.rules)) {
    const [family, name] = id.split('/');
    if (name === '*') {
      if (options.knownFamilies && !options.knownFamilies.has(family)) add('warning', `Unknown rule family '${family}'.`, ['rules', id], true);
    } else if (options.knownRuleIds && !options.knownRuleIds.has(id)) {
      add('warning', `Unknown rule '${id}': this setting has no effect.`, ['rules', id], true);
    }
  }

  // Workspace regexes run in RE2 (linear time): report what RE2 cannot compile at the pattern's line.
  ((config.secrets?.custom ?? []) as { regex?: string }[]).forEach((rule, index) => {
    if (typeof rule.regex !== 'string') return;
    try {
      RE2JS.compile(rule.regex);
    } catch (error) {
      add('error', `Invalid regex for RE2 (the linear-time engine custom rules run in): ${firstLine((error as Error).message)}`, ['secrets', 'custom', index, 'regex']);
    }
  });

  const architecture = config.architecture;
  if (architecture) {
    const layerNames = new Set(Object.keys(architecture.layers));
    architecture.constraints.forEach((constraint, index) => {
      if (!layerNames.has(constraint.layer)) {
        add('error', `Unknown layer '${constraint.layer}': declare it under architecture.layers.`, ['architecture', 'constraints', index, 'layer']);
      }
      for (const key of ['mayImport', 'mustNotImport'] as const) {
        constraint[key]?.forEach((name, position) => {
          if (!layerNames.has(name)) add('error', `Unknown layer '${name}' in ${key}.`, ['architecture', 'constraints', index, key, position]);
        });
      }
      const globs = architecture.layers[constraint.layer];
      if (constraint.independent && globs !== undefined && ![globs].flat().some((glob) => /\{[A-Za-z_$][\w$-]*\}/.test(glob))) {
        add('warning', `independent has no effect: layer '${constraint.layer}' has no {name} capture in its globs, so it has no instances to keep apart.`, ['architecture', 'constraints', index, 'independent'], true);
      }
      if (constraint.mayImport && constraint.mustNotImport) {
        add('warning', 'Both mayImport and mustNotImport are set: mayImport already denies every layer it does not list.', ['architecture', 'constraints', index, 'mustNotImport'], true);
      }
    });
  }
  return problems;
}

/** ajv reports every branch of a oneOf; keep the most useful message per path. */
function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    // Each unknown key is its own problem: several at one level are all underlined, not just the first.
    const key = error.keyword === 'additionalProperties' ? `${error.instancePath}\u0000${(error.params as { additionalProperty: string }).additionalProperty}` : error.instancePath;
    const previous = byPath.get(key);
    // Prefer concrete messages (enum, type, additionalProperties) over the generic oneOf summary.
    if (!previous || previous.keyword === 'oneOf' || (previous.keyword === 'type' && error.keyword === 'enum')) {
      byPath.set(key, error);
    }
  }
  // A child error explains its parent's oneOf failure better than the parent does.
  return [...byPath.values()].filter((error) => !(error.keyword === 'oneOf' && [...byPath.keys()].some((p) => p.startsWith(error.instancePath + '/'))));
}

function instancePathToKeys(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Offsets of the node at `path` (or of its key when `key` is set), falling back to the nearest ancestor. */
function nodeOffsets(doc: Document, path: (string | number)[], key: boolean): [number, number] {
  for (let length = path.length; length >= 0; length--) {
    const prefix = path.slice(0, length);
    if (key && length === path.length && length > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      const keyNode = findKeyNode(parent, prefix[prefix.length - 1]);
      if (keyNode?.range) return [keyNode.range[0], keyNode.range[1]];
      continue;
    }
    const node = length === 0 ? doc.contents : doc.getIn(prefix, true);
    if (isNode(node) && node.range) return [node.range[0], Math.max(node.range[0] + 1, node.range[1])];
  }
  return [0, 1];
}

function findKeyNode(parent: unknown, key: string | number): { range?: [number, number, number] | null } | undefined {
  const items = (parent as { items?: { key?: unknown }[] } | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  for (const item of items) {
    const keyNode = item.key as { value?: unknown; range?: [number, number, number] } | undefined;
    if (keyNode && (keyNode.value === key || keyNode === key)) return keyNode;
  }
  return undefined;
}

function rangeOf(lineCounter: LineCounter, offset: number, endOffset: number) {
  const start = lineCounter.linePos(offset);
  let end = lineCounter.linePos(Math.max(offset, endOffset));
  // Keep a problem on one line: multi-line nodes are underlined on their first line.
  if (end.line !== start.line) end = { line: start.line, col: start.col + 1 };
  return { line: start.line, column: start.col, endLine: end.line, endColumn: Math.max(end.col, start.col + 1) };
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}
