import type { AuditHead, Db } from '@vocalia/db';

/** Key of a chain's head: the tenant id, or 'platform' for platform-level entries (tenantId null). */
export function chainKeyOf(tenantId: string | null): string {
  return tenantId ?? 'platform';
}

export function readAuditHead(db: Db, tenantId: string | null): Promise<AuditHead | null> {
  return db.auditHead.findUnique({ where: { chainKey: chainKeyOf(tenantId) } });
}
