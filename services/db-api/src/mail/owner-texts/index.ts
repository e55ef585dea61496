import type { BillingStatusReason, Language } from '@vocalia/contracts';
import type { WebhookDisableReason } from '@vocalia/db';
import type { MonthlyQuota } from '../../usage/monthly-quotas';
import { ar } from './ar';
import { ary } from './ary';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

/** One monthly quota's sentences; `used`, `limit` and `percent` come already written for a reader of the language. */
export interface QuotaTexts {
  /** "800 of the 1,000 conversations included this month". */
  usage: (used: string, limit: string) => string;
  warning: (percent: string) => string;
  /** Past 100 % on a plan that stops. */
  stop: string;
  /** Past 100 % on a plan that keeps answering, when it bills overage (else `stop`). */
  overage?: string;
}

/** What the mails to a tenant's owners say, in one language. */
export interface OwnerMailTexts {
  /** The BCP 47 locale numbers and dates are written in. */
  locale: string;
  hello: string;
  signature: string;
  billing: {
    subject: (tenant: string) => string;
    /** Each reads after the `grace` and `restricted` sentences' "because". */
    reasons: Record<BillingStatusReason, string>;
    otherReason: string;
    graceUntil: (date: string) => string;
    graceUntilUnknown: string;
    trial: string;
    active: string;
    grace: (until: string, why: string) => string;
    restricted: (why: string) => string;
  };
  quota: {
    subject: (tenant: string, usage: string) => string;
    used: (tenant: string, usage: string) => string;
    upgrade: string;
    quotas: Record<MonthlyQuota, QuotaTexts>;
  };
  endpointDisabled: {
    subject: (tenant: string) => string;
    /** Each reads after `stopped`'s "because". */
    reasons: Record<WebhookDisableReason, string>;
    stopped: (url: string, why: string) => string;
    replay: string;
  };
}

export const OWNER_MAIL_TEXTS: Record<Language, OwnerMailTexts> = { fr, en, es, ar, ary };
