import type { Deps } from '../deps';
import { appendAuditEntry } from './append-audit-entry';

export interface RecordAuditInput {
  tenantId: string | null;
  /** `user:<id>`, `api_key:<id>`, `system`, or `email:<address>` for attempts by unknown users. */
  actor: string;
  /** Dot-delimited: `auth.login`, `api_key.created`, `plan.changed`, `gdpr.erased`. */
  action: string;
  target?: string;
  meta?: Record<string, unknown>;
}

/**
 * Appends a security-relevant action to the tenant's hash-chained audit log, synchronously: when this
 * resolves the row is committed (tests and `GET /api/v1/audit` see it at once).
 */
export async function recordAudit(deps: Pick<Deps, 'prisma' | 'clock'>, input: RecordAuditInput): Promise<void> {
  await appendAuditEntry(deps.prisma, input, deps.clock());
}
