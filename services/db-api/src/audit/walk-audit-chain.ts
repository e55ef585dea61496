import type { AuditLog, Db } from '@vocalia/db';
import type { AuditVerification } from '@vocalia/contracts';
import { auditHash } from './audit-hash';

const BATCH = 1000;

export type ChainWalk =
  | { ok: true; checked: number; last: { seq: bigint; hash: string } | null }
  | { ok: false; result: AuditVerification };

/**
 * Walks a chain in seq order up to `untilSeq`: each row must link to the previous row's hash (a deleted or
 * inserted row breaks the link) and its own hash must match its content (an edited row does not).
 */
export async function walkAuditChain(db: Db, tenantId: string | null, untilSeq: bigint): Promise<ChainWalk> {
  let checked = 0;
  let last: { seq: bigint; hash: string } | null = null;
  for (;;) {
    const rows: AuditLog[] = await db.auditLog.findMany({ where: { tenantId, seq: { gt: last?.seq ?? 0n, lte: untilSeq } }, orderBy: { seq: 'asc' }, take: BATCH });
    for (const row of rows) {
      const prevHash = last?.hash ?? null;
      if (row.prevHash !== prevHash) return { ok: false, result: { valid: false, checked, firstBrokenSeq: Number(row.seq), reason: 'chain_broken' } };
      const expected = auditHash(prevHash, { seq: row.seq, tenantId: row.tenantId, actor: row.actor, action: row.action, target: row.target, meta: row.meta, at: row.at });
      if (expected !== row.hash) return { ok: false, result: { valid: false, checked, firstBrokenSeq: Number(row.seq), reason: 'hash_mismatch' } };
      last = { seq: row.seq, hash: row.hash };
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked, last };
  }
}
