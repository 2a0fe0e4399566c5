// "Move to environment variable": replaces a hardcoded secret with the language's environment lookup,
// writes the value to `.env` (created if missing, never overwriting an existing key), makes sure git
// ignores `.env`, and adds the name to `.env.example` without the value. Nothing is lost: the value
// ends up in `.env` byte for byte. Offered only where the replacement is well-formed code or config
// (env-lookup.ts).
import * as path from 'node:path';
import type { CheckContext, RawFix, RawTextChange } from '../../engine/types';
import { environmentFallback } from './assignments';
import { environmentLookup, lookupKind, workflowSecretName } from './env-lookup';
import { nameWords } from './generic';
import { gitIgnore } from './git-ignored';
import { hclEnclosingBlocks, hclVariableNames } from './hcl-blocks';

const GENERIC_NAMES = new Set(['token', 'key', 'secret', 'password', 'passwd', 'pwd', 'pass', 'api_key', 'apikey', 'credential', 'credentials', 'value', 'auth', 'authtoken', 'appid']);

/** Objects that hold settings of every kind: `this.password` or `config.password` says no more than `password`. */
const HOLDERS = new Set(['this', 'self', 'config', 'cfg', 'conf', 'configuration', 'settings', 'options', 'opts', 'props', 'params', 'args', 'env', 'environ', 'app', 'secrets', 'credentials', 'creds', 'data', 'default', 'defaults', 'values', 'spring']);

/** UPPER_SNAKE name for the variable: from the assigned name, else from the rule (GITHUB_TOKEN). */
export function environmentName(assignedName: string | undefined, ruleId: string, provider: string): string {
  const path = assignedName ? assignedName.split(/[.[\]'"]/).filter(Boolean) : [];
  let name = nameWords(path.pop() ?? '').join('_').toUpperCase();
  // What the name says without its digits: `key2` says no more than `key`, and `k` or `s1` nothing.
  let said = name.replace(/[\d_]+/g, '').toLowerCase();
  // `spring.datasource.password`, `config.db.password`: the part before a generic name says whose it is.
  const owner = nameWords(path.pop() ?? '').join('_').toUpperCase();
  if (GENERIC_NAMES.has(said) && owner.replace(/[\d_]+/g, '').length > 1 && !HOLDERS.has(owner.toLowerCase())) {
    name = `${owner}_${name}`;
    said = name.replace(/[\d_]+/g, '').toLowerCase();
  }
  if (said.length <= 2 || GENERIC_NAMES.has(said)) {
    const fromRule = ruleId.replace(/^secrets\//, '').replace(/[^a-z0-9]+/gi, '_').toUpperCase();
    // The provider as one word per word it is written with: GITHUB, SENDGRID, HUGGING_FACE (not GIT_HUB).
    const providerWord = provider.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase();
    name = said.length > 2 && providerWord ? `${providerWord}_${name}` : fromRule;
  }
  // A password rule finds the password inside what the name holds (`connectionString`, `DATABASE_URL`): the variable holds only the password.
  if (/password/.test(ruleId) && !/PASS|PWD/.test(name)) name = `${name}_PASSWORD`;
  return /^[A-Z_]/.test(name) ? name : `SECRET_${name}`;
}

/** Files whose `${name:default}` Spring resolves: its configuration files and @Value annotations. */
const SPRING_EXPANDED = /\.(?:ya?ml|properties|java|kt|groovy)$/i;
/** Files whose `${NAME:-default}` the shell or Docker Compose expands: YAML (Compose), shell scripts, Dockerfiles. */
const SHELL_EXPANDED = /\.(?:ya?ml|sh|bash|zsh|ksh)$|(?:^|[\\/])(?:[\w.-]*\.)?(?:docker|container)file(?:\.[\w.-]+)?$/i;

/**
 * A Terraform input variable's default (`variable "db_password" { default = "…" }`): Terraform reads the
 * variable from TF_VAR_db_password when it has no default, so the default's line is what goes (the rest
 * of the block stays) and the value is saved under that name. Only a default on a line of its own, a
 * plain string (no escape, no template) and nothing else.
 */
function terraformVariableDefault(filePath: string, text: string, start: number, end: number): { variable: string; start: number; end: number } | undefined {
  if (!/\.tf$/i.test(filePath)) return undefined;
  const line = plainStringLine(text, start, end);
  const variable = line?.attribute === 'default' ? hclVariableNames(text)(start) : undefined;
  return line && variable ? { variable: `TF_VAR_${variable}`, start: line.start, end: line.end } : undefined;
}

/**
 * A value of a `.tfvars` file (`db_password = "…"` at the top level) sets the input variable of that
 * name, and Terraform reads TF_VAR_db_password when no file sets it: the line goes and the value is saved
 * under that name. Only a plain string on a line of its own, as for a default.
 */
function terraformVariableValue(filePath: string, text: string, start: number, end: number): { variable: string; start: number; end: number } | undefined {
  if (!/\.tfvars$/i.test(filePath)) return undefined;
  const line = plainStringLine(text, start, end);
  if (!line || hclEnclosingBlocks(text, start).length > 0) return undefined;
  return { variable: `TF_VAR_${line.attribute}`, start: line.start, end: line.end };
}

/**
 * `attribute = "…"` on a line of its own in HCL, holding a plain string (no escape, no template: `.env`
 * must hold the string Terraform reads): the attribute and the line's span, newline included.
 */
function plainStringLine(text: string, start: number, end: number): { attribute: string; start: number; end: number } | undefined {
  if (text[start - 1] !== '"' || text[end] !== '"' || /\\|[$%]\{/.test(text.slice(start, end))) return undefined;
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const before = /^[ \t]*([A-Za-z_][\w-]*)[ \t]*=[ \t]*"$/.exec(text.slice(lineStart, start));
  if (!before || !/^"[ \t]*(?:(?:#|\/\/).*)?\r?\n?$/.test(text.slice(end, lineEnd))) return undefined;
  return { attribute: before[1], start: lineStart, end: lineEnd };
}

/**
 * An attribute of a Terraform resource, provider, module or data block (`password = "…"` in `resource
 * "aws_db_instance"`): the literal becomes a sensitive input variable, declared at the end of the file,
 * which Terraform reads from TF_VAR_<name>. The variable is named after the block and the attribute
 * (aws_db_instance_password, aws_secret_key). Not in a `terraform` block (a backend's settings cannot
 * read variables) nor in a `variable` block (its default is terraformVariableDefault's).
 */
function terraformAttribute(filePath: string, text: string, start: number, end: number, variablesFile: string): { variable: string; declared: (name: string) => boolean; changes: (name: string) => RawTextChange[] } | undefined {
  if (!/\.tf$/i.test(filePath)) return undefined;
  const line = plainStringLine(text, start, end);
  const blocks = hclEnclosingBlocks(text, start);
  if (!line || blocks.length === 0 || blocks.some((block) => block.type === 'terraform' || block.type === 'variable')) return undefined;
  const [top] = blocks;
  // A variable's name is an HCL identifier: letters, digits and underscores here, starting with a letter.
  const identifier = (words: string) => words.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
  const owner = ['resource', 'data', 'provider', 'module'].includes(top.type) ? identifier(top.labels[0] ?? '') : '';
  const attribute = identifier(line.attribute);
  const base = !/^[a-z]/.test(owner) || attribute.startsWith(`${owner}_`) ? attribute : `${owner}_${attribute}`;
  const declarations = `${text}\n${variablesFile}`;
  return {
    variable: `TF_VAR_${base}`,
    declared: (name) => new RegExp(`^[ \t]*variable[ \t]+"${name}"`, 'm').test(declarations),
    changes: (name) => [
      { start: start - 1, end: end + 1, newText: `var.${name}` },
      { start: text.length, end: text.length, newText: `${text.endsWith('\n') || !text ? '' : '\n'}\nvariable "${name}" {\n  type      = string\n  sensitive = true\n}\n` },
    ],
  };
}

/** A value as a .env line value: raw when safe, single-quoted (dotenv keeps it verbatim) otherwise. */
function dotenvValue(value: string): string {
  if (/^[\w@%+=:,./~!^*-]+$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function moveToEnvironmentFix(context: CheckContext, span: { start: number; end: number; value: string; name?: string }, ruleId: string, provider: string): RawFix[] | undefined {
  if (/(^|\/)\.env(\.|$)/.test(context.relativePath)) return undefined; // already where secrets belong
  // Only the editor offers fixes; in a TypeScript file this one reads the syntax tree, which a
  // secrets-only workspace run would otherwise never load the compiler for.
  if (!context.fixes) return undefined;
  const kind = lookupKind(context.document.path);
  const envPath = path.join(context.configDir, '.env');
  const envText = context.host.readFile(envPath);
  const existing = (key: string) => envText !== undefined && new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`, 'm').test(envText);
  const holdsValue = (key: string) => new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=\\s*['"]?${span.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*$`, 'm').test(envText ?? '');
  // A fallback after an environment read (`process.env.OPENAI_API_KEY || "sk-…"`): the value goes to the
  // variable the code already reads, and the fallback goes (`process.env.OPENAI_API_KEY`). Not when
  // .env gives that variable another value: the fallback then never applied, and stays a literal to move.
  const { text, path: filePath } = context.document;
  let fallback = kind === 'environment variable' ? (environmentFallback(text, span.start, span.end) ?? terraformVariableDefault(filePath, text, span.start, span.end) ?? terraformVariableValue(filePath, text, span.start, span.end)) : undefined;
  // `${NAME:-value}` means a default only where the shell or Compose expands it, `${name:value}` where Spring does.
  if (fallback && context.document.text[fallback.start] === ':') {
    const expandedBy = context.document.text.startsWith(':-', fallback.start) ? SHELL_EXPANDED : SPRING_EXPANDED;
    if (!expandedBy.test(context.document.path)) fallback = undefined;
  }
  if (fallback && existing(fallback.variable) && !holdsValue(fallback.variable)) fallback = undefined;
  const terraform = !fallback && kind === 'environment variable' ? terraformAttribute(filePath, text, span.start, span.end, context.host.readFile(path.join(path.dirname(filePath), 'variables.tf')) ?? '') : undefined;
  let name = fallback?.variable ?? terraform?.variable ?? environmentName(span.name, ruleId, provider);
  if (kind === 'GitHub Actions secret') name = workflowSecretName(name);
  // Never overwrite an existing key: reuse it when it holds this very value, else pick a free name. A
  // Terraform variable is reused only when .env holds its value: one declared for something else may
  // have a default that other attributes read.
  const variableOf = (key: string) => key.slice('TF_VAR_'.length);
  let alreadyThere = false;
  for (let n = 2; existing(name) || terraform?.declared(variableOf(name)); n++) {
    if (holdsValue(name)) {
      alreadyThere = true;
      break;
    }
    name = `${name.replace(/_\d+$/, '')}_${n}`;
  }
  const source = fallback ? [{ start: fallback.start, end: fallback.end, newText: '' }] : terraform ? terraform.changes(variableOf(name)).slice(0, terraform.declared(variableOf(name)) ? 1 : 2) : environmentLookup(context, span.start, span.end, name);
  if (!source) return undefined;
  const changes: RawTextChange[] = [...source];
  const createFiles: string[] = [];
  if (!alreadyThere) {
    const line = `${name}=${dotenvValue(span.value)}\n`;
    if (envText === undefined) {
      createFiles.push(envPath);
      changes.push({ path: envPath, start: 0, end: 0, newText: line, sensitive: true });
    } else {
      changes.push({ path: envPath, start: envText.length, end: envText.length, newText: (envText && !envText.endsWith('\n') ? '\n' : '') + line, sensitive: true });
    }
  }
  const examplePath = path.join(context.configDir, '.env.example');
  const exampleText = context.host.readFile(examplePath);
  if (exampleText === undefined) {
    createFiles.push(examplePath);
    changes.push({ path: examplePath, start: 0, end: 0, newText: `${name}=\n` });
  } else if (!new RegExp(`^\\s*${name}\\s*=`, 'm').test(exampleText)) {
    changes.push({ path: examplePath, start: exampleText.length, end: exampleText.length, newText: (exampleText && !exampleText.endsWith('\n') ? '\n' : '') + `${name}=\n` });
  }
  if (!gitIgnore.ignores(envPath)) {
    const ignorePath = path.join(context.configDir, '.gitignore');
    const ignoreText = context.host.readFile(ignorePath);
    if (ignoreText === undefined) createFiles.push(ignorePath);
    const at = ignoreText?.length ?? 0;
    changes.push({ path: ignorePath, start: at, end: at, newText: (ignoreText && !ignoreText.endsWith('\n') ? '\n' : '') + '.env\n' });
  }
  const title = kind === 'GitHub Actions secret' ? `Move to GitHub Actions secret ${name} (value saved in .env: add it to the repository's secrets)` : `Move to environment variable ${name} (value saved in .env)`;
  return [{ title, preferred: true, changes, createFiles: createFiles.length ? createFiles : undefined }];
}
