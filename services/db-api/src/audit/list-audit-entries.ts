import type { AuditLog } from '@vocalia/db';
import type { AuditEntryView, AuditPage, AuditQuery } from '@vocalia/contracts';
import type { Deps } from '../deps';

function toView(row: AuditLog): AuditEntryView {
  return {
    id: row.id,
    seq: Number(row.seq),
    actor: row.actor,
    action: row.action,
    target: row.target,
    meta: (row.meta ?? {}) as Record<string, unknown>,
    at: row.at.toISOString(),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** The tenant's audit log, newest first; `nextCursor` is the last row's seq. */
export async function listAuditEntries(deps: Deps, tenantId: string, query: AuditQuery): Promise<AuditPage> {
  const rows = await deps.prisma.auditLog.findMany({
    where: { tenantId, ...(query.action ? { action: query.action } : {}), ...(query.cursor ? { seq: { lt: BigInt(query.cursor) } } : {}) },
    orderBy: { seq: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const more = rows.length > query.limit;
  return { items: page.map(toView), nextCursor: more ? (page.at(-1)?.seq.toString() ?? null) : null };
}
