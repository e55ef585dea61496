import type { TenantSnapshot } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/**
 * 402 QUOTA_EXCEEDED when the tenant's plan stops hard at its monthly conversation quota and db-api
 * marked it used up in the snapshot (it announces the change on `tenant-updated`). The widget shows
 * visitors a polite "unavailable"; the detail is for the site owner.
 */
export function requireConversationQuota(snapshot: TenantSnapshot): void {
  if (!snapshot.tenant.conversationQuotaReached) return;
  throw new AppError('QUOTA_EXCEEDED', "This assistant has used its plan's monthly conversations. The account owner can upgrade in Dashboard > Billing.");
}

/** Streaming voice is offered while the plan has `cloud_voice` and db-api has not marked this period's minutes used up. */
export const offersStreamingVoice = (snapshot: TenantSnapshot): boolean => snapshot.tenant.features.includes('cloud_voice') && !snapshot.tenant.voiceMinutesReached;
