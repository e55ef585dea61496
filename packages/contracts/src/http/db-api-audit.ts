import { z } from 'zod';
import { IsoDateTime } from './db-api-common';

export const AuditEntryView = z.object({
  id: z.string(),
  seq: z.number().int(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  at: IsoDateTime,
  prevHash: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditQuery = z.object({
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+$/, 'must be a cursor returned by a previous page').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().max(80).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.object({
  valid: z.boolean(),
  checked: z.number().int().nonnegative(),
  /** The first row whose hash or link to its predecessor does not match (edited, inserted or deleted rows). */
  firstBrokenSeq: z.number().int().optional(),
  reason: z.enum(['hash_mismatch', 'chain_broken']).optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
