import type { MailRequestAccepted, ResendVerificationRequest } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { mailLanguage } from '../mail/mail-language';
import { sendVerification } from './send-verification';

/** Signed in with an unverified address: mails a new verification link (language asked for, else the tenant's). */
export async function resendVerification(deps: Deps, auth: AuthContext, input: ResendVerificationRequest): Promise<MailRequestAccepted> {
  if (auth.via !== 'jwt' || !auth.userId) throw new AppError('FORBIDDEN', 'Only a signed-in user has an email address to verify');
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: auth.userId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) throw new AppError('CONFLICT', 'Your email address is already verified');
  const tenant = await deps.prisma.tenant.findUniqueOrThrow({ where: { id: auth.tenantId }, select: { defaultLanguage: true } });
  await sendVerification(deps, user, mailLanguage(input.language, tenant.defaultLanguage));
  return { detail: `A verification link was sent to ${user.email}.` };
}
