// readiness/health-endpoint: HTTP services expose a health check.
import type { ProjectCheck } from '../../engine/project/types';
import { firstSourceMatching, projectKind } from './project-kind';

const HEALTH_ROUTE = /['"`]\/(?:api\/)?(?:health|healthz|healthcheck|health-check|ready|readyz|readiness|live|livez|liveness|ping|status)\b/;

export const healthEndpoint: ProjectCheck = {
  meta: {
    id: 'readiness/health-endpoint',
    family: 'readiness',
    title: 'HTTP services expose a health check',
    rationale: 'Load balancers and orchestrators decide where to send traffic, and when to restart, from a health check. Without one, a hung instance keeps receiving requests and a broken deploy is rolled out everywhere.',
    remedy: 'Add a cheap `GET /healthz` (liveness) and, if the service has dependencies, a `GET /readyz` that checks them; point the platform\'s probes at them.',
    defaultSeverity: 'warning',
    languages: '*',
    examples: { bad: ["app.get('/orders', listOrders);\napp.listen(PORT);"], good: ["app.get('/healthz', (_req, res) => res.send('ok'));"] },
  },
  run(context) {
    const kind = projectKind(context);
    if (kind.servers.length === 0 || firstSourceMatching(context, kind.sources, HEALTH_ROUTE)) return;
    const entry = kind.servers[0];
    context.report({
      ruleId: this.meta.id,
      file: entry.file,
      line: entry.line,
      message: 'This HTTP service has no health-check route (/health, /healthz, /ready…): the platform cannot tell a hung instance from a healthy one.',
      lookedAt: [`${kind.sources.length} source files for a /health, /healthz, /ready, /live or /ping route`],
    });
  },
};
