import { ConnectIntegrationRequest, IntegrationList, IntegrationView } from '@vocalia/contracts';
import type { RouteDoc } from '../http/route-doc';

const tag = 'Integrations';
const manage: RouteDoc['roles'] = ['owner', 'admin'];
const base = '/api/v1/integrations';

export const integrationRouteDocs: RouteDoc[] = [
  { method: 'get', path: base, tag, summary: 'Connected providers (Shopify, HubSpot, Klaviyo), with the webhook URL to give each; never their secrets', status: 200, response: IntegrationList },
  {
    method: 'post', path: base, tag, roles: manage, body: ConnectIntegrationRequest, status: 201, response: IntegrationView, errors: [409],
    summary: "Connect a provider with its account id and webhook signing secret (stored encrypted); connecting it again replaces both. Shopify needs cart_recovery, HubSpot and Klaviyo crm_sync (403 PLAN_REQUIRED)",
  },
  { method: 'delete', path: `${base}/:id`, tag, roles: manage, summary: "Disconnect: the secret is erased and the provider's webhooks are refused", status: 204, response: null, resource: 'integration' },
];
