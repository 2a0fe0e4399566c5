// readiness/structured-logging: server code logs through a structured logger, not bare console.log/print.
import type { ProjectCheck } from '../../engine/project/types';
import { firstSourceMatching, projectKind } from './project-kind';

const NODE_LOGGERS = ['pino', 'winston', 'bunyan', 'loglevel', 'log4js', '@nestjs/common', 'roarr', 'signale', 'consola', '@opentelemetry/api-logs', 'tslog', 'npmlog'];
const PY_LOGGING = /^[ \t]*(?:import\s+(?:logging|structlog|loguru)|from\s+(?:logging|structlog|loguru)\s+import)/m;

export const structuredLogging: ProjectCheck = {
  meta: {
    id: 'readiness/structured-logging',
    family: 'readiness',
    title: 'Structured logging in server code',
    rationale: 'Bare `console.log`/`print` output has no level, no timestamp and no fields: in production it cannot be filtered, correlated with a request, or alerted on.',
    remedy: 'Use a structured logger (pino, winston; Python `logging` or structlog) with levels and request ids, and keep `console.log` out of server code.',
    defaultSeverity: 'info',
    languages: '*',
    examples: { bad: ["console.log('order placed', id);"], good: ["logger.info({ orderId: id }, 'order placed');"] },
  },
  run(context) {
    const kind = projectKind(context);
    if (kind.servers.length === 0) return;
    const deps = { ...context.packageJson?.dependencies, ...context.packageJson?.devDependencies };
    const nodeSources = kind.sources.filter((f) => !f.endsWith('.py'));
    const pySources = kind.sources.filter((f) => f.endsWith('.py'));
    const nodeLogger = NODE_LOGGERS.find((name) => name in deps);
    const bareNode = nodeLogger ? undefined : firstSourceMatching(context, nodeSources, /\bconsole\.(?:log|info|warn|error|debug)\s*\(/);
    const bare = bareNode ?? (firstSourceMatching(context, pySources, PY_LOGGING) ? undefined : firstSourceMatching(context, pySources, /^[ \t]*print\s*\(/m));
    if (!bare) return;
    context.report({
      ruleId: this.meta.id,
      file: bare.file,
      line: bare.line,
      message: `Server code logs with ${bare.file.endsWith('.py') ? 'print()' : 'console.*'} and no structured logger is in use: production logs will have no levels or fields to search and alert on.`,
      lookedAt: [`package.json dependencies for ${NODE_LOGGERS.slice(0, 4).join(', ')}…`, 'Python imports of logging/structlog/loguru', `${kind.sources.length} source files`],
    });
  },
};
