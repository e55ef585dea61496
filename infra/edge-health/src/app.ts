import { createApp as createServiceApp, type Logger } from '@vocalia/service-kit';
import { traefikFleet, type TraefikFleetOptions } from './traefik-fleet';

export interface Deps {
  logger: Logger;
  fleet: TraefikFleetOptions;
}

/** GET /health is this process's liveness (the kit's); GET /fleet is the report the edge serves at /health. */
export function createApp(deps: Deps) {
  return createServiceApp({
    service: 'edge-health',
    logger: deps.logger,
    routes: (router) => {
      router.get('/fleet', async (_req, res) => {
        const report = await traefikFleet(deps.fleet);
        res.status(report.status === 'ok' ? 200 : 503).set('Cache-Control', 'no-store').json(report);
      });
    },
  });
}
