import { BILLING_STATE_OF, QUOTA_WARNING_RATIO, type BillingStatusReason, type Language } from '@vocalia/contracts';
import type { TenantStatus, WebhookDisableReason } from '@vocalia/db';
import type { MonthlyQuota } from '../usage/monthly-quotas';
import type { Mail } from './mailer';
import { OWNER_MAIL_TEXTS, type OwnerMailTexts } from './owner-texts';
import { utcDateTime } from './utc-date-time';

const paragraphs = (texts: OwnerMailTexts, ...lines: string[]): string => [texts.hello, ...lines, texts.signature].join('\n\n');

/** One sentence for the owner: the state, why, and what to do; `graceEnd` already written for the reader. */
function statusSentence(texts: OwnerMailTexts, status: TenantStatus, reason: BillingStatusReason | null, graceEnd: string | null): string {
  const { billing } = texts;
  const why = reason ? billing.reasons[reason] : billing.otherReason;
  switch (BILLING_STATE_OF[status]) {
    case 'trial':
      return billing.trial;
    case 'active':
      return billing.active;
    case 'grace':
      return billing.grace(graceEnd ? billing.graceUntil(graceEnd) : billing.graceUntilUnknown, why);
    case 'restricted':
      return billing.restricted(why);
  }
}

/** `GET /api/v1/billing`'s `detail`: the English mail's sentence, the grace end as an ISO timestamp. */
export function billingDetail(status: TenantStatus, reason: BillingStatusReason | null, graceEndsAt: Date | null): string {
  return statusSentence(OWNER_MAIL_TEXTS.en, status, reason, graceEndsAt?.toISOString() ?? null);
}

export function statusChangedMail(to: string, language: Language, input: { tenantName: string; status: TenantStatus; reason: BillingStatusReason | null; graceEndsAt: Date | null }): Mail {
  const texts = OWNER_MAIL_TEXTS[language];
  const graceEnd = input.graceEndsAt && utcDateTime(texts.locale, input.graceEndsAt);
  return { to, subject: texts.billing.subject(input.tenantName), text: paragraphs(texts, statusSentence(texts, input.status, input.reason, graceEnd)) };
}

export function quotaNoticeMail(to: string, language: Language, input: { tenantName: string; quota: MonthlyQuota; level: 'warning' | 'reached'; used: number; limit: number; hardStop: boolean }): Mail {
  const texts = OWNER_MAIL_TEXTS[language];
  const quota = texts.quota.quotas[input.quota];
  const number = new Intl.NumberFormat(texts.locale);
  const usage = quota.usage(number.format(input.used), number.format(input.limit));
  const next =
    input.level === 'warning'
      ? quota.warning(new Intl.NumberFormat(texts.locale, { style: 'percent' }).format(QUOTA_WARNING_RATIO))
      : input.hardStop
        ? quota.stop
        : (quota.overage ?? quota.stop);
  return { to, subject: texts.quota.subject(input.tenantName, usage), text: paragraphs(texts, texts.quota.used(input.tenantName, usage), next, texts.quota.upgrade) };
}

/** Which endpoint stopped receiving events, why, and how to get them flowing again. */
export function endpointDisabledMail(to: string, language: Language, input: { tenantName: string; url: string; reason: WebhookDisableReason }): Mail {
  const texts = OWNER_MAIL_TEXTS[language];
  const { endpointDisabled } = texts;
  return { to, subject: endpointDisabled.subject(input.tenantName), text: paragraphs(texts, endpointDisabled.stopped(input.url, endpointDisabled.reasons[input.reason]), endpointDisabled.replay) };
}
