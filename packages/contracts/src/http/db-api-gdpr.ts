import { z } from 'zod';

/**
 * `POST /api/v1/gdpr/erase`. `tenant`: everything, confirmed by the tenant's slug or exact name
 * (owner only). `subject`: one end user's conversations, messages, leads, bookings and calls.
 */
export const GdprEraseRequest = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('tenant'), confirm: z.string().optional() }),
  z.strictObject({
    scope: z.literal('subject'),
    sessionId: z.string().trim().min(1).max(128).optional(),
    phone: z.string().trim().regex(/^\+?[\d\s().-]{6,20}$/, 'a phone number').optional(),
    email: z.email().max(320).optional(),
    confirm: z.boolean().optional(),
  }),
]);
export type GdprEraseRequest = z.infer<typeof GdprEraseRequest>;

export const GdprEraseResponse = z.object({
  scope: z.enum(['tenant', 'subject']),
  deleted: z.record(z.string(), z.number().int()),
});
export type GdprEraseResponse = z.infer<typeof GdprEraseResponse>;

/** The export is one JSON document: each key a table of the tenant's data, secrets left out. */
export const GdprExportResponse = z.object({
  exportedAt: z.iso.datetime(),
  tenant: z.record(z.string(), z.unknown()),
  members: z.array(z.record(z.string(), z.unknown())),
}).catchall(z.unknown());
export type GdprExportResponse = z.infer<typeof GdprExportResponse>;
