import type { TenantSnapshot } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';

/** 402 QUOTA_EXCEEDED when db-api marked this period's streaming voice minutes used up: the widget speaks with browser speech instead. */
export function requireVoiceMinutes(snapshot: TenantSnapshot): void {
  if (!snapshot.tenant.voiceMinutesReached) return;
  throw new AppError('QUOTA_EXCEEDED', "This plan's streaming voice minutes are used up for the period; the widget uses browser speech instead. The account owner can upgrade in Dashboard > Billing.");
}
