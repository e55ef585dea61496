import type { OAuthProviderId } from '@vocalia/contracts';
import type { Logger, Producer, Redis } from '@vocalia/service-kit';
import type { DbApiClient } from './db-api-client';
import type { ProviderClient } from './providers/provider-client';
import type { FlowCookieCodec } from './sign-in/flow-cookie';
import type { OneTimeCodes } from './sign-in/one-time-codes';

/** Everything the routes may touch, built by main.ts (or a test) and passed in. */
export interface Deps {
  logger: Logger;
  redis: Redis;
  providers: Record<OAuthProviderId, ProviderClient>;
  flowCookies: FlowCookieCodec;
  codes: OneTimeCodes;
  dbApi: DbApiClient;
  /** Refused sign-ins, with no tenant, for db-api's audit log. */
  audit: Producer<'audit-events'>;
  /** The public origin the edge serves: callback URLs are built on it, as registered with each provider. */
  publicBaseUrl: string;
  /** Where a sign-in may land (OAUTH_REDIRECT_ALLOWLIST); the first is the default. */
  landings: string[];
}
