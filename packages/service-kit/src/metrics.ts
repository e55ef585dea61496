import type { Request, RequestHandler } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry: one service per process, scraped at GET /metrics on the service's
 * own port. The edges (Traefik and the local one) refuse /metrics; Prometheus reaches each replica directly.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route template (never the raw path) and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** `/api/v1/agents/:id`, as routed; `unmatched` for a request no route took (unbounded raw paths stay out). */
function routeTemplate(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return path === undefined ? 'unmatched' : `${req.baseUrl}${String(path)}`;
}

/** Times every request until its response ends or its client goes away. */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const end = httpDuration.startTimer();
  res.once('close', () => end({ method: req.method, route: routeTemplate(req), status: String(res.statusCode) }));
  next();
};

export const metricsHandler: RequestHandler = async (_req, res) => {
  res.set('Content-Type', metricsRegistry.contentType).set('Cache-Control', 'no-store');
  res.send(await metricsRegistry.metrics());
};
