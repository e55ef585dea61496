import type { Router } from 'express';
import type { Deps } from '../deps';
import type { RouteDoc } from '../http/route-doc';
import { buildOpenApiDocument } from './build-document';

/** `routeDocs` is the whole route list (src/route-docs.ts), passed in so this folder imports no feature. */
export function registerOpenApiRoutes(router: Router, deps: Deps, routeDocs: RouteDoc[]): void {
  let document: string | undefined;
  router.get('/api/v1/openapi.json', (_req, res) => {
    document ??= JSON.stringify(buildOpenApiDocument(routeDocs, deps.env.PUBLIC_BASE_URL));
    res.type('application/json').send(document);
  });
}
