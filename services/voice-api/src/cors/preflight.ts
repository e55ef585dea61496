import type { RequestHandler } from 'express';
import type { SnapshotStore } from '@vocalia/conversation';
import { resolveTenant } from '../snapshots/resolve-tenant';
import { checkOrigin } from './check-origin';
import { preflightHeaders } from './public-cors';

/**
 * OPTIONS on a public route. With `?tenantId=` the origin is checked now (a refused origin gets the
 * helpful 403 early); without it (POST /respond carries the tenant in its body) the preflight grants
 * nothing by itself: the real request is checked against the tenant and its token.
 */
export function preflight(snapshots: SnapshotStore, methods: string): RequestHandler {
  return async (req, res) => {
    const tenantId = req.query.tenantId;
    if (tenantId !== undefined && req.headers.origin !== undefined) {
      checkOrigin(await resolveTenant(snapshots, tenantId, 'query'), req.headers.origin);
    }
    res.set(preflightHeaders(methods)).setHeader('Allow', methods);
    res.status(204).end();
  };
}
