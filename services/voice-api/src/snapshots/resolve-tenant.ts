import type { TenantSnapshot } from '@vocalia/contracts';
import { AppError, setContextTenant } from '@vocalia/service-kit';
import type { SnapshotStore } from '@vocalia/conversation';

/** Tenant ids are public (they sit in the embed code); anything else never reaches db-api. */
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

const unknownTenant = (tenantId: unknown) =>
  new AppError('NOT_FOUND', `No tenant with id ${JSON.stringify(String(tenantId).slice(0, 64))}. Copy the tenant id from Dashboard > Install widget.`);

/** A tenant id of the right shape, or 400 (missing) / 404 (malformed: no such tenant can exist). */
export function tenantIdOf(tenantId: unknown, where: string): string {
  if (tenantId === undefined || tenantId === '') {
    throw new AppError('VALIDATION_FAILED', `${where}.tenantId: required`, { errors: [{ path: `${where}.tenantId`, message: 'required', rule: 'required' }] });
  }
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) throw unknownTenant(tenantId);
  return tenantId;
}

/** The tenant of a public request, or 400 (missing) / 404 (unknown) / 402 (restricted: suspended). */
export async function resolveTenant(snapshots: SnapshotStore, tenantId: unknown, where: string): Promise<TenantSnapshot> {
  const snapshot = await snapshots.get(tenantIdOf(tenantId, where));
  if (!snapshot) throw unknownTenant(tenantId);
  setContextTenant(snapshot.tenant.id);
  if (snapshot.tenant.status === 'suspended') {
    throw new AppError('ACCOUNT_RESTRICTED', 'This assistant is paused because the account is restricted (billing). The account owner can reactivate it in Dashboard > Billing.');
  }
  return snapshot;
}
