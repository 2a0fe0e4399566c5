// What the engine is told about an open document: its path, language and the file on disk it belongs
// to. A file is itself. A notebook cell (`vscode-notebook-cell:` URIs, one per cell) is a text of its
// cell's language inside the notebook: it is analysed as a file of that language beside the notebook
// (`nb.ipynb.py`), while ignore rules look at the notebook. An unsaved document (`untitled:`) is a file
// of its language in the first workspace folder, which nothing ignores.
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { languageOf } from '../engine/index';
import type { LanguageKind } from '../engine/types';

export interface DocumentFile {
  path: string;
  language: LanguageKind;
  /** See SourceDocument.diskFile. */
  diskFile?: string | null;
  /** A file of the workspace: its facts go into the workspace index (cells and unsaved documents are not files of it). */
  indexed: boolean;
  /**
   * Outside every workspace folder (an unsaved document in a window with no folder): a fix may change
   * the text, but writes no file for it (the env fix's `.env` would land in a temporary folder).
   */
  noFolder?: boolean;
}

export function documentFile(uri: string, languageId: string, workspaceRoots: readonly string[]): DocumentFile | undefined {
  const parsed = URI.parse(uri);
  if (parsed.scheme === 'file') return { path: parsed.fsPath, language: languageOf(parsed.fsPath), indexed: true };
  const extension = extensionFor(languageId);
  if (parsed.scheme === 'vscode-notebook-cell') {
    // The cell URI is the notebook's with the cell in its fragment, and the notebook's own scheme there too.
    if (notebookSchemeOf(parsed.fragment) === 'file') {
      const notebook = parsed.fsPath;
      const cellPath = `${notebook}${extension}`;
      return { path: cellPath, language: languageOf(cellPath), diskFile: notebook, indexed: false };
    }
    return unsaved(`${path.basename(parsed.path) || 'Untitled.ipynb'}${extension}`, workspaceRoots);
  }
  if (parsed.scheme === 'untitled') {
    // `untitled:Untitled-1`; a name the editor was given for it may carry an extension already.
    const name = path.basename(parsed.path) || 'Untitled';
    return unsaved(path.extname(name) ? name : `${name}${extension}`, workspaceRoots);
  }
  return undefined;
}

/** A document that is not on disk: a file of this name in the first workspace folder. */
function unsaved(name: string, workspaceRoots: readonly string[]): DocumentFile {
  const file = path.join(workspaceRoots[0] ?? path.join(os.tmpdir(), 'shipshape-untitled'), name);
  return { path: file, language: languageOf(file), diskFile: null, indexed: false, ...(workspaceRoots.length === 0 ? { noFolder: true } : {}) };
}

/**
 * The scheme of the notebook a cell belongs to: VS Code writes a cell's fragment as its handle (digits
 * and padding letters, no `s`), `s`, then the notebook's scheme in base64 (`W0sZmlsZQ==` for `file`).
 * A fragment of another form is read as a file's.
 */
function notebookSchemeOf(fragment: string): string {
  const match = /^[^s]*s([A-Za-z0-9+/_-]+={0,2})$/.exec(fragment);
  if (!match) return 'file';
  return Buffer.from(match[1], 'base64').toString('utf8');
}

/** A file extension for an editor's language id, so that the engine reads the text as that language (its comments, its env lookup). */
function extensionFor(languageId: string): string {
  return EXTENSIONS[languageId] ?? '.txt';
}

const EXTENSIONS: Record<string, string> = {
  python: '.py',
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  json: '.json',
  jsonc: '.jsonc',
  yaml: '.yml',
  markdown: '.md',
  shellscript: '.sh',
  properties: '.properties',
  dotenv: '.env',
  ini: '.ini',
  toml: '.toml',
  terraform: '.tf',
  go: '.go',
  java: '.java',
  csharp: '.cs',
  rust: '.rs',
  ruby: '.rb',
  php: '.php',
  sql: '.sql',
  html: '.html',
  xml: '.xml',
  r: '.r',
  powershell: '.ps1',
};
