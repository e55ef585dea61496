import type { TenantSnapshot } from '@vocalia/contracts';
import { AppError, setContextTenant } from '@vocalia/service-kit';
import type { SnapshotStore } from './snapshot-store';

/** Tenant ids are public (they sit in the embed code); anything else never reaches db-api. */
const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The tenant of a public request, or 400 (missing) / 404 (unknown) / 403 (suspended). */
export async function resolveTenant(snapshots: SnapshotStore, tenantId: unknown, where: string): Promise<TenantSnapshot> {
  if (tenantId === undefined || tenantId === '') {
    throw new AppError('VALIDATION_FAILED', `${where}.tenantId: required`, { errors: [{ path: `${where}.tenantId`, message: 'required' }] });
  }
  const snapshot = typeof tenantId === 'string' && TENANT_ID.test(tenantId) ? await snapshots.get(tenantId) : null;
  if (!snapshot) {
    throw new AppError('NOT_FOUND', `No tenant with id ${JSON.stringify(String(tenantId).slice(0, 64))}. Copy the tenant id from Dashboard > Install widget.`);
  }
  setContextTenant(snapshot.tenant.id);
  if (snapshot.tenant.status === 'suspended') {
    throw new AppError('FORBIDDEN', 'This assistant is paused because the account is suspended. The account owner can reactivate it in Dashboard > Billing.');
  }
  return snapshot;
}
