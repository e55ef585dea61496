import { z } from 'zod';
import { IsoDateTime } from './db-api-common';
import { SeqCursor } from './db-api-pagination';

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
  cursor: SeqCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** An action name, e.g. `member.added`. */
  action: z.string().max(80).regex(/^[\w.:-]+$/, 'must be an action name such as member.added').optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.object({
  valid: z.boolean(),
  checked: z.number().int().nonnegative(),
  /** The first row whose hash or link to its predecessor does not match (edited, inserted or deleted rows); absent for tail_truncated. */
  firstBrokenSeq: z.number().int().optional(),
  /**
   * hash_mismatch: a row's content was edited; chain_broken: a row was deleted or inserted before the newest;
   * tail_truncated: the chain ends before its recorded head (its newest rows were deleted);
   * head_mismatch: the chain and its recorded head disagree otherwise (rows added around the log, head edited or deleted).
   */
  reason: z.enum(['hash_mismatch', 'chain_broken', 'tail_truncated', 'head_mismatch']).optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
