import type { PrismaClient } from '@vocalia/db';
import type { Logger, Producer } from '@vocalia/service-kit';
import type { IntegrationSecrets } from './integration-secrets';

/** What the inbound provider routes touch: webhook-router writes inbound_events and enqueues inbound-events. */
export interface InboundDeps {
  logger: Logger;
  prisma: PrismaClient;
  producer: Producer<'inbound-events'>;
  /** Stripe's endpoint secret (`whsec_...`); without it /webhooks/stripe answers 503. */
  stripeWebhookSecret?: string;
  /** Tenants' Shopify, HubSpot and Klaviyo secrets (read from db-api); without it those routes answer 503. */
  integrationSecrets?: IntegrationSecrets;
  /** The edge's public URL: HubSpot signs the full URL it called. */
  publicBaseUrl: string;
  clock: () => Date;
}
