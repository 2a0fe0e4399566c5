// What kind of project this is, decided once from files that exist: Node/TypeScript, Python, an HTTP service.
import type { ProjectContext } from '../../engine/project/types';
import { SOURCE_EXTENSIONS, TEST_FILE } from '../../engine/project/evidence';

export interface ProjectKind {
  node: boolean;
  python: boolean;
  /** Non-test source files (relative paths). */
  sources: string[];
  /** Source files that start an HTTP server, with the line where they do. */
  servers: { file: string; line: number }[];
}

const SERVER_START = /\b(?:createServer\s*\(|express\s*\(\s*\)|new\s+Koa\s*\(|fastify\s*\(|new\s+Hono\s*\(|\.listen\s*\(\s*(?:process\.env|PORT|port|\d{2,5}\b)|FastAPI\s*\(|Flask\s*\(\s*__name__|uvicorn\.run\s*\(|web\.run_app\s*\()/;
const GENERATED_OR_VENDORED = /(^|\/)(dist|build|out|coverage|vendor|\.venv|venv|site-packages|__pycache__)\//;

const cache = new WeakMap<ProjectContext, ProjectKind>();

export function projectKind(context: ProjectContext): ProjectKind {
  let kind = cache.get(context);
  if (kind) return kind;
  const sources = context.files.filter((f) => SOURCE_EXTENSIONS.test(f) && !TEST_FILE.test(f) && !GENERATED_OR_VENDORED.test(f) && !/\.d\.[cm]?ts$/.test(f));
  const servers: ProjectKind['servers'] = [];
  for (const file of sources) {
    const text = context.readFile(file);
    if (!text) continue;
    const match = SERVER_START.exec(text);
    if (match) servers.push({ file, line: text.slice(0, match.index).split('\n').length });
  }
  kind = {
    node: context.files.includes('package.json'),
    python: context.files.some((f) => /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|requirements[^/]*\.txt|Pipfile)$/.test(f)),
    sources,
    servers,
  };
  cache.set(context, kind);
  return kind;
}

/** Whether any source file matches, and the first that does. */
export function firstSourceMatching(context: ProjectContext, files: string[], pattern: RegExp): { file: string; line: number } | undefined {
  for (const file of files) {
    const text = context.readFile(file);
    const match = text ? pattern.exec(text) : null;
    if (match) return { file, line: text!.slice(0, match.index).split('\n').length };
  }
  return undefined;
}
