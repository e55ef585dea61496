import { z } from 'zod';

/** Fields every queue payload carries: version, tenant, the request that caused it, its own id. */
export const Envelope = z.object({
  v: z.literal(1),
  eventId: z.string().min(8).max(128),
  tenantId: z.string().min(1),
  requestId: z.string().min(1),
  at: z.iso.datetime(),
});
