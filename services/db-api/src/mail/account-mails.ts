import type { Language, MembershipRoleName } from '@vocalia/contracts';
import type { Mail } from './mailer';
import { ACCOUNT_MAIL_TEXTS, type AccountMailTexts } from './account-texts';
import { utcDateTime } from './utc-date-time';

const expiryDate = (texts: AccountMailTexts, at: Date): string => utcDateTime(texts.locale, at);

/** The same text whether or not the address already has an account: the link's page handles both. */
export function invitationMail(to: string, language: Language, input: { tenantName: string; role: MembershipRoleName; link: string; expiresAt: Date }): Mail {
  const texts = ACCOUNT_MAIL_TEXTS[language];
  return {
    to,
    subject: texts.invitation.subject(input.tenantName),
    text: [texts.invitation.intro(input.tenantName, texts.roles[input.role]), texts.invitation.accept, input.link, texts.expires(expiryDate(texts, input.expiresAt)), texts.footer].join('\n\n'),
  };
}

export function verificationMail(to: string, language: Language, input: { link: string; expiresAt: Date }): Mail {
  const texts = ACCOUNT_MAIL_TEXTS[language];
  return {
    to,
    subject: texts.verification.subject,
    text: [texts.verification.intro, input.link, texts.expires(expiryDate(texts, input.expiresAt)), texts.footer].join('\n\n'),
  };
}

export function passwordResetMail(to: string, language: Language, input: { link: string; expiresAt: Date }): Mail {
  const texts = ACCOUNT_MAIL_TEXTS[language];
  return {
    to,
    subject: texts.passwordReset.subject,
    text: [texts.passwordReset.intro, input.link, `${texts.expires(expiryDate(texts, input.expiresAt))} ${texts.passwordReset.signedOut}`, texts.footer].join('\n\n'),
  };
}
