// "Move to environment variable": replaces a hardcoded secret with the language's environment lookup,
// writes the value to `.env` (created if missing, never overwriting an existing key), makes sure git
// ignores `.env`, and adds the name to `.env.example` without the value. Nothing is lost: the value
// ends up in `.env` byte for byte. Offered only where the replacement is well-formed code or config.
import * as path from 'node:path';
import type { CheckContext, RawFix, RawTextChange } from '../../engine/types';
import { nameWords } from './generic';
import { gitIgnore } from './git-ignored';

const GENERIC_NAMES = new Set(['token', 'key', 'secret', 'password', 'passwd', 'pwd', 'pass', 'api_key', 'apikey', 'credential', 'credentials', 'value', 'auth']);

/** UPPER_SNAKE name for the variable: from the assigned name, else from the rule (GITHUB_TOKEN). */
export function environmentName(assignedName: string | undefined, ruleId: string, provider: string): string {
  const words = assignedName ? nameWords(assignedName.split(/[.[\]]/).filter(Boolean).pop() ?? assignedName) : [];
  let name = words.join('_').toUpperCase();
  if (!name || GENERIC_NAMES.has(name.toLowerCase())) {
    const fromRule = ruleId.replace(/^secrets\//, '').replace(/[^a-z0-9]+/gi, '_').toUpperCase();
    const providerWord = nameWords(provider).join('_').toUpperCase();
    name = name && providerWord ? `${providerWord}_${name}` : fromRule;
  }
  return /^[A-Z_]/.test(name) ? name : `SECRET_${name}`;
}

/** The edit that replaces the secret in the source, or undefined when no safe replacement exists. */
function sourceChange(context: CheckContext, start: number, end: number, name: string): RawTextChange[] | undefined {
  const text = context.document.text;
  const before = text[start - 1];
  const after = text[end];
  const wholeLiteral = (before === '"' || before === "'" || before === '`') && after === before && !(before === '`' && text.slice(start, end).includes('${'));
  switch (context.document.language) {
    case 'typescript':
    case 'javascript':
      return wholeLiteral ? [{ start: start - 1, end: end + 1, newText: `process.env.${name}` }] : undefined;
    case 'python': {
      if (!wholeLiteral) return undefined;
      const changes: RawTextChange[] = [{ start: start - 1, end: end + 1, newText: `os.environ["${name}"]` }];
      if (!/^[ \t]*(?:import[ \t]+(?:[\w, ]+,[ \t]*)?os\b|from[ \t]+os[ \t]+import[ \t]+environ)/m.test(text)) {
        const shebang = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
        changes.unshift({ start: shebang, end: shebang, newText: 'import os\n' });
      }
      return changes;
    }
    case 'yaml':
      return [{ start, end, newText: `\${${name}}` }];
    case 'text':
      if (/\.go$/.test(context.document.path) && wholeLiteral && before === '"' && /^[ \t]*"os"[ \t]*$|import[ \t]+"os"/m.test(text)) {
        return [{ start: start - 1, end: end + 1, newText: `os.Getenv("${name}")` }];
      }
      return undefined;
    default:
      return undefined;
  }
}

/** A value as a .env line value: raw when safe, single-quoted (dotenv keeps it verbatim) otherwise. */
function dotenvValue(value: string): string {
  if (/^[\w@%+=:,./~!^*-]+$/.test(value)) return value;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function moveToEnvironmentFix(context: CheckContext, span: { start: number; end: number; value: string; name?: string }, ruleId: string, provider: string): RawFix[] | undefined {
  if (/(^|\/)\.env(\.|$)/.test(context.relativePath)) return undefined; // already where secrets belong
  let name = environmentName(span.name, ruleId, provider);
  const envPath = path.join(context.configDir, '.env');
  const envText = context.host.readFile(envPath);
  // Never overwrite an existing key: reuse it when it holds this very value, else pick a free name.
  const existing = (key: string) => envText !== undefined && new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`, 'm').test(envText);
  let alreadyThere = false;
  for (let n = 2; existing(name); n++) {
    if (new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=\\s*['"]?${span.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*$`, 'm').test(envText!)) {
      alreadyThere = true;
      break;
    }
    name = `${name.replace(/_\d+$/, '')}_${n}`;
  }
  const source = sourceChange(context, span.start, span.end, name);
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
  return [{ title: `Move to environment variable ${name} (value saved in .env)`, preferred: true, changes, createFiles: createFiles.length ? createFiles : undefined }];
}
