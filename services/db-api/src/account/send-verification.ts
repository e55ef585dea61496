import type { Language } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { verificationMail } from '../mail/account-mails';
import { dashboardLink } from '../mail/mailed-token';
import { createAccountToken } from './account-token';

const HOUR_MS = 3_600_000;

/** Mails a verification link to the user's address, in the language given, in the background (a mail failure is logged). */
export async function sendVerification(deps: Deps, user: { id: string; email: string }, language: Language): Promise<void> {
  const { token, expiresAt } = await createAccountToken(deps, user.id, 'verify_email', deps.env.EMAIL_VERIFICATION_TTL_HOURS * HOUR_MS);
  deps.mailer.sendLater(verificationMail(user.email, language, { link: dashboardLink(deps.env, 'verify-email', token), expiresAt }), 'email verification');
}
