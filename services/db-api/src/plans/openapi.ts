import { ChangePlanRequest, FeatureCheck, FeatureParams, PlanCatalog, TenantPlan } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Plans';

export const planRouteDocs: RouteDoc[] = [
  { method: 'get', path: '/api/v1/plans', tag, auth: 'public', summary: 'Public catalogue: plans, features, prices, quotas, telephony price per minute', status: 200, response: PlanCatalog },
  { method: 'get', path: '/api/v1/plan', tag, summary: "The tenant's plan, status, trial end and features", status: 200, response: TenantPlan },
  { method: 'put', path: '/api/v1/plan', tag, roles: ['owner'], summary: 'Change plan (owner only)', body: ChangePlanRequest, status: 200, response: TenantPlan },
  { method: 'get', path: '/api/v1/features/:feature', tag, params: FeatureParams, summary: "Whether the tenant's plan grants a feature (403 PLAN_REQUIRED names the plan that does)", status: 200, response: FeatureCheck, errors: [403] },
];
