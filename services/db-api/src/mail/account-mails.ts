import type { Language, MembershipRoleName } from '@vocalia/contracts';
import type { Mail } from './mailer';
import { ACCOUNT_MAIL_TEXTS, type AccountMailTexts } from './account-texts';

/** The date as a reader of the language writes it, in UTC, saying so. */
function expiryDate(texts: AccountMailTexts, at: Date): string {
  return new Intl.DateTimeFormat(texts.locale, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(at);
}

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
