import type { Router } from 'express';
import { InternalActivityQuery, ResolvePhoneNumberQuery } from '@vocalia/contracts';
import { parseInput } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { resolvePhoneNumber } from '../phone-numbers/resolve-phone-number';
import { buildTenantSnapshot } from './build-tenant-snapshot';
import { listActivity } from './list-activity';
import { requireInternalToken } from '../access/require-internal-token';

/** Read by voice-api, realtime and telephony-bridge on a cache miss. Under /internal/, which the edge never routes. */
export function registerInternalRoutes(router: Router, deps: Deps): void {
  const internal = requireInternalToken(deps.env.INTERNAL_API_TOKEN);
  router.get('/internal/v1/tenants/:tenantId/snapshot', internal, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await buildTenantSnapshot(deps, String(req.params.tenantId)));
  });
  router.get('/internal/v1/tenants/:tenantId/activity', internal, async (req, res) => {
    const query = parseInput(InternalActivityQuery, req.query, 'query');
    res.set('Cache-Control', 'no-store').json(await listActivity(deps, String(req.params.tenantId), query.limit, query.language));
  });
  router.get('/internal/v1/phone-numbers/resolve', internal, async (req, res) => {
    // An unencoded `+` in a query string arrives as a space: read `?number=+212...` either way.
    const number = typeof req.query.number === 'string' ? req.query.number.replace(/^ (?=\d)/, '+') : req.query.number;
    const query = parseInput(ResolvePhoneNumberQuery, { ...req.query, number }, 'query');
    res.set('Cache-Control', 'no-store').json(await resolvePhoneNumber(deps, query.number));
  });
}
