import type { Router } from 'express';
import type { Deps } from '../deps';
import { buildOpenApiDocument } from './build-document';
import { routeDocs } from './registry';

export function registerOpenApiRoutes(router: Router, deps: Deps): void {
  let document: string | undefined;
  router.get('/api/v1/openapi.json', (_req, res) => {
    document ??= JSON.stringify(buildOpenApiDocument(routeDocs, deps.env.PUBLIC_BASE_URL));
    res.type('application/json').send(document);
  });
}
