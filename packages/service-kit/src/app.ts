import express, { type Express, type Router } from 'express';
import type { Logger } from './logger';
import { httpMetrics, metricsHandler } from './metrics';
import { refuseNul } from './nul-guard';
import { notFoundHandler, problemHandler, sendProblem } from './problem';
import { runReadiness, type ReadinessCheck } from './readiness';
import { requestId } from './request-id';
import { securityHeaders } from './security-headers';

export interface AppOptions {
  service: string;
  logger: Logger;
  readiness?: ReadinessCheck[];
  /** Figures shown on a ready `/ready` beside its checks (e.g. dead-letter counts); never make the service unready. */
  readinessDetails?: () => Promise<Record<string, unknown>>;
  bodyLimit?: string;
  /** Proxies in front of the service (the edge, a load balancer): `req.ip` is the address they saw. */
  trustProxyHops?: number;
  /** Paths answering JSON only (a path and everything under it): they get the API security headers, not the documents' set. */
  apiPaths?: readonly string[];
  /** Middleware that must see the raw request before JSON parsing (CORS, raw-body webhooks). */
  before?: (app: Express) => void;
  routes: (router: Router) => void;
}

/** The express app every service is built on: security headers, request id, JSON body, NUL refused, health, problem+json. */
export function createApp(opts: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxyHops ?? 1);
  app.get('/metrics', metricsHandler);
  app.use(httpMetrics);
  app.use(requestId);
  app.use(securityHeaders(opts.apiPaths));
  app.use((req, res, next) => {
    // The per-request line is only built when a transport keeps `http` (not at the default `info`).
    if (!opts.logger.isLevelEnabled('http')) return next();
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      opts.logger.http('request', { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 });
    });
    next();
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: opts.service, uptimeSec: Math.round(process.uptime()) });
  });
  app.get('/ready', async (_req, res) => {
    const report = await runReadiness(opts.readiness ?? []);
    if (report.ready) {
      const details = await opts.readinessDetails?.().catch(() => undefined);
      res.json({ status: 'ready', service: opts.service, checks: report.checks, ...(details ? { details } : {}) });
      return;
    }
    const down = Object.entries(report.checks).filter(([, s]) => s !== 'ok');
    sendProblem(res, {
      status: 503,
      code: 'UNAVAILABLE',
      detail: down.map(([name, s]) => `${name} ${s}`).join('; '),
      errors: down.map(([name, s]) => ({ path: name, message: s })),
    });
  });
  opts.before?.(app);
  app.use(express.json({ limit: opts.bodyLimit ?? '100kb' }));
  app.use(refuseNul);
  const router = express.Router();
  opts.routes(router);
  app.use(router);
  app.use(notFoundHandler);
  app.use(problemHandler(opts.logger));
  return app;
}
