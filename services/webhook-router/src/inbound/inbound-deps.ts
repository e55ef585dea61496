import type { PrismaClient } from '@vocalia/db';
import type { Logger, Producer } from '@vocalia/service-kit';

/** What the inbound provider routes touch: webhook-router writes inbound_events and enqueues inbound-events. */
export interface InboundDeps {
  logger: Logger;
  prisma: PrismaClient;
  producer: Producer<'inbound-events'>;
  /** Stripe's endpoint secret (`whsec_...`); without it /webhooks/stripe answers 503. */
  stripeWebhookSecret?: string;
}
