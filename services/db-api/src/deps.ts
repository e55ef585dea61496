import type { PrismaClient } from '@vocalia/db';
import type Stripe from 'stripe';
import type { DeadLetterProbe, Logger, Producer, Redis, WebhookDeliveryEnqueuer } from '@vocalia/service-kit';
import type { JwtKeys } from './credentials/jwt-keys';
import type { Env } from './env';
import type { KnowledgeEmbedder } from './knowledge/embed-chunks';
import type { SecretBox } from './integrations/secret-box';
import type { Mailer } from './mail/mailer';
import type { AuthRateLimiters } from './rate-limit/auth-rate-limiters';
import type { TwilioAccount } from './twilio/twilio-account';

/** Everything a use case may touch, passed in (no singletons): built by main.ts, or by test/support for tests. */
export interface Deps {
  env: Env;
  logger: Logger;
  prisma: PrismaClient;
  /** Client role: request-path commands, fail fast when Redis is away. */
  redis: Redis;
  /** Publishes on pub/sub channels (tenant-updated). */
  publisher: Redis;
  /** BullMQ key prefix, so deployments and test files never share queues. */
  queuePrefix: string;
  producers: {
    audit: Producer<'audit-events'>;
    webhooks: Producer<'webhook-deliveries'>;
    outboundCalls: Producer<'outbound-calls'>;
  };
  /** Webhook delivery attempts, through `producers.webhooks`: one add in Redis at a time, those asked for meanwhile share jobs. */
  webhookDeliveries: WebhookDeliveryEnqueuer;
  /** Counts the failed jobs kept on the queues db-api consumes. */
  deadLetters: DeadLetterProbe;
  jwt: JwtKeys;
  rateLimits: AuthRateLimiters;
  mailer: Mailer;
  /** The platform's Twilio account; null when not configured (telephony routes answer 503). */
  twilio: TwilioAccount | null;
  /** Null when STRIPE_SECRET_KEY is not set: billing works without payments. */
  stripe: Stripe | null;
  /** Null when EMBEDDINGS_BASE_URL is not set: knowledge is stored without vectors. */
  embeddings: KnowledgeEmbedder | null;
  /** Seals and opens tenants' provider secrets (INTEGRATION_SECRETS_KEY). */
  integrationSecrets: SecretBox;
  clock: () => Date;
}
