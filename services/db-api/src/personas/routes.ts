import type { Router } from 'express';
import { listPersonas } from './list-personas';

/** The catalogue is static and the same for every tenant: public, cacheable. */
export function registerPersonaRoutes(router: Router): void {
  router.get('/api/v1/personas', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(listPersonas());
  });
}
