import type { Language, TenantSnapshot } from '@vocalia/contracts';
import type { SnapshotStore } from '@vocalia/conversation';
import { languageOf } from '../turns/conversation-turns';

/** Why a call is refused before it starts: the account is restricted, or this period's phone minutes are used up. */
export interface CallRefusal {
  reason: 'account_restricted' | 'phone_minutes_used_up';
  /** The line speaks the tenant's language (the one its agent would greet in). */
  language: Language;
}

/** null when the tenant's calls may start; an unknown tenant is left to the caller (it cannot answer either). */
export type CallAdmission = (tenantId: string) => Promise<CallRefusal | null>;

function refusalOf(snapshot: TenantSnapshot): CallRefusal['reason'] | null {
  if (snapshot.tenant.status === 'suspended') return 'account_restricted';
  if (snapshot.tenant.telephonyMinutesReached) return 'phone_minutes_used_up';
  return null;
}

/**
 * The longest a call answered now may last, in seconds: the tenant's maximum call duration, cut to the phone
 * minutes left this period, so a call cannot run far past the quota (calls running at the same time share
 * what is left and are counted only when they end).
 */
export type CallCap = (tenantId: string, maxCallSeconds: number) => Promise<number>;

/** Reads the tenant snapshot db-api keeps current (`tenant-updated` drops it when the minutes run out). */
export function createCallAdmission(snapshots: Pick<SnapshotStore, 'get'>): CallAdmission {
  return async (tenantId) => {
    const snapshot = await snapshots.get(tenantId);
    const reason = snapshot && refusalOf(snapshot);
    return snapshot && reason ? { reason, language: languageOf(snapshot) } : null;
  };
}

/** From the same snapshot: `telephonySecondsLeft`, when the plan meters phone minutes. */
export function createCallCap(snapshots: Pick<SnapshotStore, 'get'>): CallCap {
  return async (tenantId, maxCallSeconds) => {
    const left = (await snapshots.get(tenantId))?.tenant.telephonySecondsLeft;
    return left === undefined ? maxCallSeconds : Math.min(maxCallSeconds, left);
  };
}
