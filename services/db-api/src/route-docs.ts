import type { RouteDoc } from './http/route-doc';
import { accountRouteDocs } from './account/openapi';
import { apiKeyRouteDocs } from './api-keys/openapi';
import { auditRouteDocs } from './audit/openapi';
import { billingRouteDocs } from './billing/openapi';
import { authRouteDocs } from './auth/openapi';
import { invitationRouteDocs } from './invitations/openapi';
import { memberRouteDocs } from './members/openapi';
import { originRouteDocs } from './origins/openapi';
import { planRouteDocs } from './plans/openapi';
import { tenantRouteDocs } from './tenants/openapi';
import { openApiRouteDocs } from './openapi/openapi-route-docs';
import { agentRouteDocs } from './agents/openapi';
import { callRouteDocs } from './calls/openapi';
import { catalogRouteDocs } from './catalog/openapi';
import { conversationRouteDocs } from './conversations/openapi';
import { gdprRouteDocs } from './gdpr/openapi';
import { identityRouteDocs } from './identities/openapi';
import { knowledgeRouteDocs } from './knowledge/openapi';
import { personaRouteDocs } from './personas/openapi';
import { phoneNumberRouteDocs } from './phone-numbers/openapi';
import { usageRouteDocs } from './usage/openapi';
import { widgetRouteDocs } from './widget/openapi';
import { webhookRouteDocs } from './webhooks/openapi';
import { integrationRouteDocs } from './integrations/openapi';
import { commerceRouteDocs } from './commerce/openapi';
import { leadRouteDocs } from './leads/openapi';
import { analyticsRouteDocs } from './analytics/openapi';
import { siteCheckRouteDocs } from './site-check/openapi';

/**
 * Every /api/v1 route, in the order of openapi.json. Each feature keeps its entries in its own
 * `<feature>/openapi.ts` (a `RouteDoc[]`); add one spread line here per feature.
 */
export const routeDocs: RouteDoc[] = [
  ...authRouteDocs,
  ...accountRouteDocs,
  ...tenantRouteDocs,
  ...memberRouteDocs,
  ...invitationRouteDocs,
  ...apiKeyRouteDocs,
  ...originRouteDocs,
  ...planRouteDocs,
  ...billingRouteDocs,
  ...auditRouteDocs,
  ...openApiRouteDocs,
  ...personaRouteDocs,
  ...agentRouteDocs,
  ...knowledgeRouteDocs,
  ...catalogRouteDocs,
  ...conversationRouteDocs,
  ...phoneNumberRouteDocs,
  ...callRouteDocs,
  ...usageRouteDocs,
  ...widgetRouteDocs,
  ...webhookRouteDocs,
  ...integrationRouteDocs,
  ...commerceRouteDocs,
  ...leadRouteDocs,
  ...analyticsRouteDocs,
  ...siteCheckRouteDocs,
  ...gdprRouteDocs,
  ...identityRouteDocs,
];
