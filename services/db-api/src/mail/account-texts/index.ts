import type { Language, MembershipRoleName } from '@vocalia/contracts';
import { ar } from './ar';
import { ary } from './ary';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';

/** What the account mails say, in one language; `expires` gets the date already written for a reader of it. */
export interface AccountMailTexts {
  /** The BCP 47 locale the expiry date is written in. */
  locale: string;
  roles: Record<MembershipRoleName, string>;
  expires: (date: string) => string;
  footer: string;
  invitation: { subject: (tenant: string) => string; intro: (tenant: string, role: string) => string; accept: string };
  verification: { subject: string; intro: string };
  passwordReset: { subject: string; intro: string; signedOut: string };
}

export const ACCOUNT_MAIL_TEXTS: Record<Language, AccountMailTexts> = { fr, en, es, ar, ary };
