import { randomUUID } from 'node:crypto';
import type { InboundEventJob } from '@vocalia/contracts';
import { Prisma } from '@vocalia/db';
import { currentContext } from '@vocalia/service-kit';
import type { InboundDeps } from './inbound-deps';

export interface VerifiedEvent {
  provider: InboundEventJob['provider'];
  providerEventId: string;
  type: string;
  tenantId: string | null;
  payload: Prisma.InputJsonValue;
}

/**
 * Stores a verified event once (unique provider + event id) and enqueues it on inbound-events with a job id
 * from the event id. A re-delivery stores nothing; it is enqueued again only while unprocessed (the job id dedupes).
 */
export async function storeInboundEvent(deps: InboundDeps, event: VerifiedEvent): Promise<{ duplicate: boolean }> {
  let duplicate = false;
  let row: { id: string; tenantId: string | null; processedAt: Date | null };
  try {
    row = await deps.prisma.inboundEvent.create({ data: { provider: event.provider, providerEventId: event.providerEventId, type: event.type, tenantId: event.tenantId, payload: event.payload } });
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
    duplicate = true;
    row = await deps.prisma.inboundEvent.findUniqueOrThrow({ where: { provider_providerEventId: { provider: event.provider, providerEventId: event.providerEventId } } });
  }
  if (!row.processedAt) {
    await deps.producer.add({
      v: 1,
      eventId: `${event.provider}-${event.providerEventId}`,
      ...(row.tenantId ? { tenantId: row.tenantId } : {}),
      requestId: currentContext()?.requestId ?? randomUUID(),
      at: new Date().toISOString(),
      provider: event.provider,
      providerEventId: event.providerEventId,
      inboundEventId: row.id,
      type: event.type,
    });
  }
  return { duplicate };
}

/** A provider batch (HubSpot, Klaviyo): each event stored once; `duplicate` when every one was already stored. */
export async function storeInboundEvents(deps: InboundDeps, events: VerifiedEvent[]): Promise<{ duplicate: boolean }> {
  let duplicate = true;
  for (const event of events) duplicate = (await storeInboundEvent(deps, event)).duplicate && duplicate;
  return { duplicate };
}
