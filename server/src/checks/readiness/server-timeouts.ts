// readiness/server-timeouts: HTTP servers set request/header timeouts.
import type { ProjectCheck } from '../../engine/project/types';
import { firstSourceMatching, projectKind } from './project-kind';

const NODE_TIMEOUTS = /\b(?:requestTimeout|headersTimeout|keepAliveTimeout|connectionTimeout|pluginTimeout|toobusy|express-timeout-handler|connect-timeout)\b|\.setTimeout\s*\(\s*\d|\btimeout\s*:\s*\d/;
const PY_TIMEOUTS = /\btimeout_keep_alive\b|--timeout(?:-keep-alive)?\b|\bgraceful_timeout\b|\btimeout\s*=/;

export const serverTimeouts: ProjectCheck = {
  meta: {
    id: 'readiness/server-timeouts',
    family: 'readiness',
    title: 'HTTP server timeouts configured',
    rationale: 'A server without request and header timeouts keeps a socket and its memory for every slow or stuck client: a handful of slow connections (or a slowloris attack) exhausts it.',
    remedy: 'Set `server.requestTimeout` and `server.headersTimeout` (Node) or the framework\'s equivalents (fastify `connectionTimeout`, uvicorn `timeout_keep_alive`, gunicorn `--timeout`).',
    defaultSeverity: 'info',
    languages: '*',
    examples: { bad: ['const server = app.listen(PORT);'], good: ['const server = app.listen(PORT);\nserver.requestTimeout = 30_000;\nserver.headersTimeout = 10_000;'] },
  },
  run(context) {
    const kind = projectKind(context);
    if (kind.servers.length === 0) return;
    const entry = kind.servers[0];
    const pattern = entry.file.endsWith('.py') ? PY_TIMEOUTS : NODE_TIMEOUTS;
    const configFiles = context.files.filter((f) => /(^|\/)(gunicorn\.conf\.py|Procfile|Dockerfile)$/.test(f));
    if (firstSourceMatching(context, [...kind.sources, ...configFiles], pattern)) return;
    context.report({
      ruleId: this.meta.id,
      file: entry.file,
      line: entry.line,
      message: 'The HTTP server has no request or header timeouts: slow clients can hold its connections indefinitely.',
      lookedAt: [`${kind.sources.length} source files for requestTimeout/headersTimeout/setTimeout/connectionTimeout`, 'Procfile, Dockerfile, gunicorn.conf.py'],
    });
  },
};
