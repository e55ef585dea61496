import type { RequestHandler } from 'express';
import { planHasFeature, type Feature } from '@vocalia/contracts';
import { notFound } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import { getAuth } from '../access/auth-context';
import { planRequired } from '../access/plan-required';

/** Throws 403 PLAN_REQUIRED (naming the feature and the cheapest plan with it) unless the tenant's plan grants it. */
export async function assertFeature(deps: Deps, tenantId: string, feature: Feature): Promise<void> {
  const tenant = await deps.prisma.tenant.findUnique({ where: { id: tenantId }, select: { plan: true } });
  if (!tenant) throw notFound('Tenant');
  if (!planHasFeature(tenant.plan, feature)) throw planRequired(feature);
}

/** After authenticate: the route is available only on plans granting `feature`. */
export function requireFeature(deps: Deps, feature: Feature): RequestHandler {
  return async (_req, res, next) => {
    await assertFeature(deps, getAuth(res).tenantId, feature);
    next();
  };
}
