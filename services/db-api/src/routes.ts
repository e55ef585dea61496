import type { Router } from 'express';
import type { Deps } from './deps';
import { registerAccountRoutes } from './account/routes';
import { registerApiKeyRoutes } from './api-keys/routes';
import { registerAuditRoutes } from './audit/routes';
import { registerBillingRoutes } from './billing/routes';
import { registerAuthRoutes } from './auth/routes';
import { registerInvitationRoutes } from './invitations/routes';
import { registerMemberRoutes } from './members/routes';
import { registerOpenApiRoutes } from './openapi/routes';
import { routeDocs } from './route-docs';
import { registerOriginRoutes } from './origins/routes';
import { registerPlanRoutes } from './plans/routes';
import { registerTenantRoutes } from './tenants/routes';
import { registerAgentRoutes } from './agents/routes';
import { registerCallRoutes } from './calls/routes';
import { registerCatalogRoutes } from './catalog/routes';
import { registerConversationRoutes } from './conversations/routes';
import { registerGdprRoutes } from './gdpr/routes';
import { registerIdentityRoutes } from './identities/routes';
import { registerInternalRoutes } from './internal/routes';
import { registerKnowledgeRoutes } from './knowledge/routes';
import { registerPersonaRoutes } from './personas/routes';
import { registerPhoneNumberRoutes } from './phone-numbers/routes';
import { registerUsageRoutes } from './usage/routes';
import { registerWidgetRoutes } from './widget/routes';
import { registerWebhookRoutes } from './webhooks/routes';
import { registerIntegrationRoutes } from './integrations/routes';
import { registerCommerceRoutes } from './commerce/routes';
import { registerLeadRoutes } from './leads/routes';
import { registerAnalyticsRoutes } from './analytics/routes';
import { registerSiteCheckRoutes } from './site-check/routes';
import { DASHBOARD_DIST_DIR } from '@vocalia/dashboard';
import { registerDashboardRoutes } from './dashboard-static/routes';

/**
 * Every feature mounts its routes here, with full paths (`/api/v1/...`, `/internal/v1/...`) on this one
 * router (no sub-routers: the OpenAPI coverage test walks this router's stack). One line per feature;
 * each /api/v1 route also needs its entry in src/route-docs.ts.
 */
export function registerRoutes(router: Router, deps: Deps): void {
  registerAuthRoutes(router, deps);
  registerAccountRoutes(router, deps);
  registerTenantRoutes(router, deps);
  registerMemberRoutes(router, deps);
  registerInvitationRoutes(router, deps);
  registerApiKeyRoutes(router, deps);
  registerOriginRoutes(router, deps);
  registerPlanRoutes(router, deps);
  registerBillingRoutes(router, deps);
  registerAuditRoutes(router, deps);
  registerOpenApiRoutes(router, deps, routeDocs);
  registerPersonaRoutes(router);
  registerAgentRoutes(router, deps);
  registerKnowledgeRoutes(router, deps);
  registerCatalogRoutes(router, deps);
  registerConversationRoutes(router, deps);
  registerPhoneNumberRoutes(router, deps);
  registerCallRoutes(router, deps);
  registerUsageRoutes(router, deps);
  registerWidgetRoutes(router, deps);
  registerWebhookRoutes(router, deps);
  registerIntegrationRoutes(router, deps);
  registerCommerceRoutes(router, deps);
  registerLeadRoutes(router, deps);
  registerAnalyticsRoutes(router, deps);
  registerSiteCheckRoutes(router, deps);
  registerGdprRoutes(router, deps);
  registerIdentityRoutes(router, deps);
  registerInternalRoutes(router, deps);
  registerDashboardRoutes(router, DASHBOARD_DIST_DIR);
}
