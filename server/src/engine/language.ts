// Maps file names to the languages the engine tells apart, and to their comment syntax.
import * as path from 'node:path';
import type { LanguageKind } from './types';

const LANGUAGE_BY_EXTENSION: Record<string, LanguageKind> = {
  '.ts': 'typescript', '.tsx': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.js': 'javascript', '.jsx': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript',
  '.py': 'python', '.pyi': 'python',
  '.yml': 'yaml', '.yaml': 'yaml',
  '.json': 'json', '.jsonc': 'json', '.ipynb': 'json',
};

export function languageOf(filePath: string): LanguageKind {
  return LANGUAGE_BY_EXTENSION[path.extname(filePath).toLowerCase()] ?? 'text';
}

/** A Jupyter notebook: JSON whose code cells the engine also checks (engine/notebook.ts). */
export function isNotebookPath(filePath: string): boolean {
  return /\.ipynb$/i.test(filePath);
}

/** Whether analysing the file reads Python (its own, or a notebook's code cells), for which the Python grammar must be loaded first. */
export function readsPython(filePath: string): boolean {
  return languageOf(filePath) === 'python' || isNotebookPath(filePath);
}

// Programming languages besides those the engine parses: in their source a secret can only be a string
// literal, and a bare value after `=` or `:` is an expression (`schema1SigningKey: repo.signingKey`).
// Puppet manifests (.pp) too: a parameter's default is a variable (`$password = $::os_service_default`)
// or a string in quotes, and Elixir (.ex, .exs), whose bare values are atoms and expressions.
const CODE_EXTENSIONS = new Set(['.go', '.java', '.kt', '.kts', '.cs', '.c', '.h', '.cc', '.cpp', '.hpp', '.rs', '.swift', '.scala', '.dart', '.php', '.groovy', '.gradle', '.rb', '.pl', '.pm', '.lua', '.r', '.pp', '.ex', '.exs']);

// A generator's template of a file is that file with tags in it: `authentication.ts.ejs` is TypeScript
// (JHipster's templates), `config.yml.j2` YAML.
const TEMPLATE_EXTENSIONS = new Set(['.ejs', '.eta', '.hbs', '.handlebars', '.mustache', '.njk', '.j2', '.jinja', '.jinja2', '.tmpl', '.tpl', '.liquid', '.template']);

/** Whether a file is a program's source, where values are written as string literals (not a config, .env, shell script or document). */
export function holdsCode(filePath: string): boolean {
  const extension = path.extname(filePath).toLowerCase();
  if (TEMPLATE_EXTENSIONS.has(extension)) return holdsCode(filePath.slice(0, -extension.length));
  const language = languageOf(filePath);
  return language === 'typescript' || language === 'javascript' || language === 'python' || CODE_EXTENSIONS.has(extension);
}

export function isScriptLanguage(language: LanguageKind): boolean {
  return language === 'typescript' || language === 'javascript';
}

/** How to write a line comment in a file; undefined where the format has no comments (JSON). */
export interface CommentStyle {
  open: string;
  close: string;
}

const SLASH: CommentStyle = { open: '//', close: '' };
const HASH: CommentStyle = { open: '#', close: '' };
const BLOCK: CommentStyle = { open: '/*', close: ' */' };
const MARKUP: CommentStyle = { open: '<!--', close: ' -->' };
const DASH: CommentStyle = { open: '--', close: '' };

const COMMENT_BY_EXTENSION: Record<string, CommentStyle> = {
  '.ts': SLASH, '.tsx': SLASH, '.mts': SLASH, '.cts': SLASH, '.js': SLASH, '.jsx': SLASH, '.mjs': SLASH, '.cjs': SLASH,
  '.go': SLASH, '.java': SLASH, '.kt': SLASH, '.kts': SLASH, '.cs': SLASH, '.c': SLASH, '.h': SLASH, '.cc': SLASH,
  '.cpp': SLASH, '.hpp': SLASH, '.rs': SLASH, '.swift': SLASH, '.scala': SLASH, '.dart': SLASH, '.php': SLASH,
  '.groovy': SLASH, '.gradle': SLASH, '.jsonc': SLASH,
  '.py': HASH, '.pyi': HASH, '.rb': HASH, '.sh': HASH, '.bash': HASH, '.zsh': HASH, '.yml': HASH, '.yaml': HASH,
  '.toml': HASH, '.properties': HASH, '.env': HASH, '.tf': HASH, '.tfvars': HASH, '.hcl': HASH, '.r': HASH,
  '.pl': HASH, '.pp': HASH, '.ex': HASH, '.exs': HASH, '.ps1': HASH, '.conf': HASH, '.cfg': HASH, '.ini': HASH, '.dockerfile': HASH, '.mk': HASH,
  '.css': BLOCK, '.scss': SLASH, '.less': SLASH,
  '.html': MARKUP, '.htm': MARKUP, '.xml': MARKUP, '.md': MARKUP, '.vue': MARKUP, '.svelte': MARKUP,
  '.sql': DASH, '.lua': DASH, '.hs': DASH,
};

const HASH_FILE_NAMES = /^(dockerfile|containerfile|makefile|gemfile|rakefile|procfile|\.env(\..*)?|\.gitignore|\.npmrc|\.bashrc|\.zshrc|\.profile)$/i;

export function commentStyleFor(filePath: string): CommentStyle | undefined {
  const base = path.basename(filePath);
  if (HASH_FILE_NAMES.test(base)) return HASH;
  return COMMENT_BY_EXTENSION[path.extname(base).toLowerCase()];
}
