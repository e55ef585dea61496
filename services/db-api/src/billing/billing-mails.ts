import { BILLING_STATE_OF, type BillingStatusReason } from '@vocalia/contracts';
import type { TenantStatus } from '@vocalia/db';
import type { Mail } from '../mail/mailer';
import type { MonthlyQuota } from '../usage/monthly-quotas';

const REASON_TEXT: Record<BillingStatusReason, string> = {
  trial_ended: 'your free trial has ended',
  credits_exhausted: 'your trial credits are used up',
  payment_failed: 'your last payment failed',
  subscription_canceled: 'your subscription has ended',
};

/** One sentence for the owner: the state, why, and what to do. Shared by the mail and `GET /api/v1/billing`. */
export function statusSentence(status: TenantStatus, reason: BillingStatusReason | null, graceEndsAt: Date | null): string {
  const why = reason ? REASON_TEXT[reason] : 'of a billing change';
  switch (BILLING_STATE_OF[status]) {
    case 'trial':
      return 'Your free trial is running.';
    case 'active':
      return 'Your subscription is active.';
    case 'grace':
      return `Your assistant keeps working until ${graceEndsAt?.toISOString() ?? 'the end of the grace period'} because ${why}; choose a plan in Dashboard > Billing to keep it running.`;
    case 'restricted':
      return `Your assistant is paused because ${why}; visitors are told it is unavailable. Choose a plan in Dashboard > Billing to reactivate it at once.`;
  }
}

export function statusChangedMail(to: string, tenantName: string, sentence: string): Mail {
  return { to, subject: `VocalIA billing: ${tenantName}`, text: [`Hello,`, sentence, 'The VocalIA team'].join('\n\n') };
}

const QUOTA_TEXT: Record<MonthlyQuota, { what: string; stop: string; overage?: string }> = {
  conversationsPerMonth: {
    what: 'conversations',
    stop: 'Your assistant now tells visitors it is unavailable until the next period or an upgrade.',
    overage: 'Further conversations this month are billed as overage.',
  },
  voiceMinutesIncluded: {
    what: 'streaming voice minutes',
    stop: "Your widget now speaks with the browser's own voice until the next period or an upgrade.",
  },
  telephonyMinutesPerMonth: {
    what: 'phone minutes',
    stop: 'Calls to your numbers are now answered with a short apology and no outbound calls are placed until the next period.',
  },
};

export function quotaNoticeMail(to: string, input: { tenantName: string; quota: MonthlyQuota; level: 'warning' | 'reached'; used: number; limit: number; hardStop: boolean }): Mail {
  const text = QUOTA_TEXT[input.quota];
  const what = `${input.used} of the ${input.limit} ${text.what} included this month`;
  const next = input.level === 'warning' ? `You have used 80 % of your monthly ${text.what}.` : input.hardStop ? text.stop : (text.overage ?? text.stop);
  return { to, subject: `VocalIA usage: ${input.tenantName} has used ${what}`, text: [`Hello,`, `${input.tenantName} has used ${what}.`, next, 'Upgrade in Dashboard > Billing.'].join('\n\n') };
}
