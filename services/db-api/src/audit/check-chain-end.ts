import type { AuditHead, Db } from '@vocalia/db';
import type { AuditVerification } from '@vocalia/contracts';
import { readAuditHead } from './audit-head';

/**
 * Compares the end of a chain walked up to `head` with the head: deleting the newest rows leaves the chain
 * short of it (tail_truncated); rows written around appendAuditEntry, or a head edited or deleted, disagree
 * with it (head_mismatch).
 */
export async function checkChainEnd(
  db: Db,
  tenantId: string | null,
  head: AuditHead | null,
  walked: { checked: number; last: { seq: bigint; hash: string } | null },
): Promise<AuditVerification> {
  const { checked, last } = walked;
  if (head && (!last || last.seq < head.seq)) return { valid: false, checked, reason: 'tail_truncated' };
  if (head && last?.hash !== head.hash) return { valid: false, checked, firstBrokenSeq: Number(head.seq), reason: 'head_mismatch' };
  if (head && BigInt(checked) !== head.count) return { valid: false, checked, reason: 'head_mismatch' };
  const untracked = await firstUntrackedSeq(db, tenantId, head?.seq ?? 0n);
  if (untracked !== null) return { valid: false, checked, firstBrokenSeq: Number(untracked), reason: 'head_mismatch' };
  return { valid: true, checked };
}

/**
 * A row past the head read before the walk is either appended since (its transaction moved the head past it,
 * so a head read after seeing the row covers it) or written without moving the head: the first such row.
 */
async function firstUntrackedSeq(db: Db, tenantId: string | null, headSeq: bigint): Promise<bigint | null> {
  const newest = await db.auditLog.findFirst({ where: { tenantId, seq: { gt: headSeq } }, orderBy: { seq: 'desc' }, select: { seq: true } });
  if (!newest) return null;
  const headNow = (await readAuditHead(db, tenantId))?.seq ?? 0n;
  if (headNow >= newest.seq) return null;
  const first = await db.auditLog.findFirst({ where: { tenantId, seq: { gt: headNow } }, orderBy: { seq: 'asc' }, select: { seq: true } });
  return first?.seq ?? newest.seq;
}
