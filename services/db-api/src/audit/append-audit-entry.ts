import type { AuditLog, Db, Prisma } from '@vocalia/db';
import { auditHash } from './audit-hash';
import { chainKeyOf } from './audit-head';

export interface AuditEntry {
  /** Null for platform-level events (e.g. a failed login for an unknown email). */
  tenantId: string | null;
  actor: string;
  action: string;
  target?: string;
  meta?: Record<string, unknown>;
}

// Namespace of the advisory locks serialising each tenant's chain (first key of pg_advisory_xact_lock(int, int)).
const AUDIT_LOCK_SPACE = 7_310_001;

/**
 * Appends one row to the tenant's hash chain and moves the chain's head to it, in one transaction. A
 * transaction-scoped advisory lock per chain makes appends strictly ordered (seq, prevHash) even across
 * db-api replicas; chains of different tenants do not wait on each other.
 */
export async function appendAuditEntry(prisma: Db, entry: AuditEntry, at: Date): Promise<AuditLog> {
  const chainKey = chainKeyOf(entry.tenantId);
  // JSON round trip: what we hash must be exactly what PostgreSQL will give back (no undefined, no Dates).
  const meta = JSON.parse(JSON.stringify(entry.meta ?? {})) as Prisma.InputJsonObject;
  const stamp = new Date(Math.floor(at.getTime()));
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_SPACE}::int, hashtext(${chainKey}))`;
    // Link to the head rather than the newest row: after rows are deleted at the end, the next row still points past them.
    const head = await tx.auditHead.findUnique({ where: { chainKey }, select: { hash: true } });
    const [next] = await tx.$queryRaw<{ seq: bigint }[]>`SELECT nextval(pg_get_serial_sequence('audit_logs', 'seq')) AS seq`;
    if (!next) throw new Error('audit sequence returned nothing');
    const content = { seq: next.seq, tenantId: entry.tenantId, actor: entry.actor, action: entry.action, target: entry.target ?? null, meta, at: stamp };
    const prevHash = head?.hash ?? null;
    const row = await tx.auditLog.create({ data: { ...content, prevHash, hash: auditHash(prevHash, content) } });
    await tx.auditHead.upsert({
      where: { chainKey },
      create: { chainKey, tenantId: entry.tenantId, seq: row.seq, hash: row.hash, count: 1n },
      update: { seq: row.seq, hash: row.hash, count: { increment: 1n } },
    });
    return row;
  }, { maxWait: 10_000, timeout: 10_000 });
}
