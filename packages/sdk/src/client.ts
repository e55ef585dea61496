import { createHttp, type FetchLike } from './http';
import { authResource } from './resources/auth';
import { billingResource } from './resources/billing';
import {
  agentsResource,
  callsResource,
  catalogResource,
  conversationsResource,
  gdprResource,
  knowledgeResource,
  personasResource,
  usageResource,
  widgetResource,
} from './resources/data';
import { phoneNumbersResource } from './resources/telephony';
import { identitiesResource } from './resources/identities';
import { webhooksResource } from './resources/webhooks';
import { integrationsResource, shopResource } from './resources/integrations';
import { analyticsResource, bookingsResource, leadsResource } from './resources/leads';
import { browserAuthResource } from './resources/browser-auth';
import { BROWSER_SESSION_HEADER, BROWSER_SESSION_MODE } from '@vocalia/contracts';
import { apiKeysResource, auditResource, invitationsResource, membersResource, OpenApiDocument, originsResource, plansResource, tenantResource } from './resources/settings';

export interface VocaliaClientOptions {
  /** Where db-api answers, e.g. `https://api.vocalia.ai` (the edge) or `http://127.0.0.1:3013`. */
  baseUrl: string;
  /** A dashboard access token (JWT); replaced automatically by auth.register/login/refresh. */
  accessToken?: string;
  /** A tenant API key (`vk_...`), for server-to-server use. Used when there is no access token. */
  apiKey?: string;
  fetch?: FetchLike;
  headers?: Record<string, string>;
}

/** A typed client of db-api's /api/v1: every body is parsed with the shared contracts; errors are VocaliaApiError. */
export function createVocaliaClient(opts: VocaliaClientOptions) {
  let accessToken = opts.accessToken;
  const request = createHttp({ baseUrl: opts.baseUrl, fetch: opts.fetch, headers: opts.headers, credential: () => accessToken ?? opts.apiKey });
  const holder = { setAccessToken: (token: string | undefined) => void (accessToken = token) };
  return {
    setAccessToken: holder.setAccessToken,
    auth: authResource(request, holder),
    tenant: tenantResource(request),
    members: membersResource(request),
    invitations: invitationsResource(request),
    apiKeys: apiKeysResource(request),
    origins: originsResource(request),
    plans: plansResource(request),
    billing: billingResource(request),
    audit: auditResource(request),
    personas: personasResource(request),
    agents: agentsResource(request),
    knowledge: knowledgeResource(request),
    catalog: catalogResource(request),
    conversations: conversationsResource(request),
    phoneNumbers: phoneNumbersResource(request),
    calls: callsResource(request),
    usage: usageResource(request),
    widget: widgetResource(request),
    gdpr: gdprResource(request),
    webhooks: webhooksResource(request),
    integrations: integrationsResource(request),
    shop: shopResource(request),
    identities: identitiesResource(request),
    leads: leadsResource(request),
    bookings: bookingsResource(request),
    analytics: analyticsResource(request),
    openApi: () => request({ method: 'GET', path: '/api/v1/openapi.json', response: OpenApiDocument, anonymous: true }),
  };
}

export type VocaliaClient = ReturnType<typeof createVocaliaClient>;

/**
 * The client for a browser app served by db-api itself (the dashboard): same resources, with `auth`
 * in cookie mode (refresh token in an HttpOnly cookie, access token in memory).
 */
export function createVocaliaBrowserClient(opts: Omit<VocaliaClientOptions, 'apiKey' | 'accessToken'>) {
  let accessToken: string | undefined;
  const headers = { ...opts.headers, [BROWSER_SESSION_HEADER]: BROWSER_SESSION_MODE };
  const fetchSameOrigin = opts.fetch ?? ((input: string, init: RequestInit) => fetch(input, { ...init, credentials: 'same-origin' }));
  const client = createVocaliaClient({ ...opts, headers, fetch: fetchSameOrigin });
  const holder = {
    setAccessToken: (token: string | undefined) => {
      accessToken = token;
      client.setAccessToken(token);
    },
  };
  const request = createHttp({ baseUrl: opts.baseUrl, fetch: fetchSameOrigin, headers, credential: () => accessToken });
  return { ...client, setAccessToken: holder.setAccessToken, auth: { ...client.auth, ...browserAuthResource(request, holder) } };
}

export type VocaliaBrowserClient = ReturnType<typeof createVocaliaBrowserClient>;
