import type { AuditVerification } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { auditHash } from './audit-hash';

const BATCH = 1000;

/**
 * Walks the tenant's chain in seq order: each row must link to the previous row's hash (a deleted or
 * inserted row breaks the link) and its own hash must match its content (an edited row does not).
 */
export async function verifyAuditChain(deps: Deps, tenantId: string): Promise<AuditVerification> {
  let checked = 0;
  let prevHash: string | null = null;
  let afterSeq: bigint | undefined;
  for (;;) {
    const rows = await deps.prisma.auditLog.findMany({
      where: { tenantId, ...(afterSeq !== undefined ? { seq: { gt: afterSeq } } : {}) },
      orderBy: { seq: 'asc' },
      take: BATCH,
    });
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { valid: false, checked, firstBrokenSeq: Number(row.seq), reason: 'chain_broken' };
      const expected = auditHash(prevHash, { seq: row.seq, tenantId: row.tenantId, actor: row.actor, action: row.action, target: row.target, meta: row.meta, at: row.at });
      if (expected !== row.hash) return { valid: false, checked, firstBrokenSeq: Number(row.seq), reason: 'hash_mismatch' };
      prevHash = row.hash;
      checked += 1;
    }
    if (rows.length < BATCH) return { valid: true, checked };
    afterSeq = rows.at(-1)?.seq;
  }
}
