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
}

/** The URI schemes the server analyses. */
export const ANALYSED_SCHEMES = ['file', 'vscode-notebook-cell', 'untitled'] as const;

export function documentFile(uri: string, languageId: string, workspaceRoots: readonly string[]): DocumentFile | undefined {
  const parsed = URI.parse(uri);
  if (parsed.scheme === 'file') return { path: parsed.fsPath, language: languageOf(parsed.fsPath), indexed: true };
  const extension = extensionFor(languageId);
  if (parsed.scheme === 'vscode-notebook-cell') {
    // The cell URI is the notebook's path with the cell in its fragment.
    const notebook = parsed.fsPath;
    const cellPath = `${notebook}${extension}`;
    return { path: cellPath, language: languageOf(cellPath), diskFile: notebook, indexed: false };
  }
  if (parsed.scheme === 'untitled') {
    // `untitled:Untitled-1`; a name the editor was given for it may carry an extension already.
    const name = path.basename(parsed.path) || 'Untitled';
    const folder = workspaceRoots[0] ?? path.join(os.tmpdir(), 'shipshape-untitled');
    const file = path.join(folder, path.extname(name) ? name : `${name}${extension}`);
    return { path: file, language: languageOf(file), diskFile: null, indexed: false };
  }
  return undefined;
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
