// readiness/process-handlers: services handle unhandled rejections, uncaught exceptions and SIGTERM.
import type { ProjectCheck } from '../../engine/project/types';
import { firstSourceMatching, projectKind } from './project-kind';

const NODE_REJECTION = /process\.(?:on|once|addListener)\(\s*['"]unhandledRejection['"]/;
const NODE_EXCEPTION = /process\.(?:on|once|addListener)\(\s*['"]uncaughtException(?:Monitor)?['"]|setUncaughtExceptionCaptureCallback/;
const NODE_SIGTERM = /process\.(?:on|once|addListener)\(\s*['"]SIGTERM['"]|(?:lightship|terminus|http-terminator|close-with-grace|stoppable)/;
const PY_SIGTERM = /signal\.signal\(\s*signal\.SIGTERM|add_signal_handler\(\s*signal\.SIGTERM|uvicorn\.run|gunicorn/;
const PY_EXCEPTION = /sys\.excepthook|set_exception_handler|exception_handler/;

export const processHandlers: ProjectCheck = {
  meta: {
    id: 'readiness/process-handlers',
    family: 'readiness',
    title: 'Process-level failure handlers and graceful shutdown',
    rationale: 'A service without process-level handlers dies on the first stray rejection with no log of why, and one that ignores SIGTERM drops in-flight requests on every deploy, because orchestrators send SIGTERM and then kill.',
    remedy: 'In the service entry point, log and exit on `unhandledRejection`/`uncaughtException`, and on `SIGTERM` stop accepting connections (`server.close()`), finish in-flight work, then exit.',
    defaultSeverity: 'warning',
    languages: '*',
    examples: {
      bad: ['app.listen(PORT);'],
      good: ["process.on('unhandledRejection', (e) => { log.fatal(e); process.exit(1); });\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));"],
    },
  },
  run(context) {
    const kind = projectKind(context);
    if (kind.servers.length === 0) return;
    const entry = kind.servers[0];
    const isPython = entry.file.endsWith('.py');
    const missing: string[] = [];
    if (isPython) {
      if (!firstSourceMatching(context, kind.sources, PY_SIGTERM)) missing.push('SIGTERM (graceful shutdown)');
      if (!firstSourceMatching(context, kind.sources, PY_EXCEPTION)) missing.push('uncaught exceptions');
    } else {
      if (!firstSourceMatching(context, kind.sources, NODE_REJECTION)) missing.push("'unhandledRejection'");
      if (!firstSourceMatching(context, kind.sources, NODE_EXCEPTION)) missing.push("'uncaughtException'");
      if (!firstSourceMatching(context, kind.sources, NODE_SIGTERM)) missing.push("'SIGTERM' (graceful shutdown)");
    }
    if (missing.length === 0) return;
    context.report({
      ruleId: this.meta.id,
      file: entry.file,
      line: entry.line,
      message: `This service starts a server but nothing handles ${missing.join(', ')}: crashes leave no trace and deploys drop requests.`,
      lookedAt: [`${kind.sources.length} source files for process.on(...) handlers`, `server start in ${entry.file}:${entry.line}`],
    });
  },
};
