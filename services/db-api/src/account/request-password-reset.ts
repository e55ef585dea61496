import type { MailRequestAccepted, PasswordResetRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { passwordResetMail } from '../mail/account-mails';
import { mailLanguage } from '../mail/mail-language';
import { dashboardLink } from '../mail/mailed-token';
import { createAccountToken } from './account-token';

const MINUTE_MS = 60_000;
const ACCEPTED: MailRequestAccepted = { detail: 'If an account uses this address, a reset link has been sent to it.' };

/** In the language asked for, else that of the account's oldest tenant (the one sign-in opens), else English. */
async function mailResetLink(deps: Deps, { email, language }: PasswordResetRequest): Promise<void> {
  const user = await deps.prisma.user.findUnique({
    where: { email },
    select: { id: true, memberships: { orderBy: { createdAt: 'asc' }, take: 1, select: { tenant: { select: { defaultLanguage: true } } } } },
  });
  if (!user) return;
  const { token, expiresAt } = await createAccountToken(deps, user.id, 'reset_password', deps.env.PASSWORD_RESET_TTL_MINUTES * MINUTE_MS);
  deps.mailer.sendLater(passwordResetMail(email, mailLanguage(language, user.memberships[0]?.tenant.defaultLanguage), { link: dashboardLink(deps.env, 'reset-password', token), expiresAt }), 'password reset');
}

/** The same answer, at once, whether or not the address has an account: the lookup and the mail happen after it. */
export async function requestPasswordReset(deps: Deps, input: PasswordResetRequest, ip: string): Promise<MailRequestAccepted> {
  await deps.rateLimits.consume('password_reset', { ip, email: input.email });
  mailResetLink(deps, input).catch((err: unknown) => deps.logger.error('password reset not prepared', { error: err instanceof Error ? err.message : String(err) }));
  return ACCEPTED;
}
