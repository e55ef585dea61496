import type { MailRequestAccepted } from '@vocalia/contracts';
import { AppError } from '@vocalia/service-kit';
import type { Deps } from '../deps';
import type { AuthContext } from '../access/auth-context';
import { sendVerification } from './send-verification';

/** Signed in with an unverified address: mails a new verification link. */
export async function resendVerification(deps: Deps, auth: AuthContext): Promise<MailRequestAccepted> {
  if (auth.via !== 'jwt' || !auth.userId) throw new AppError('FORBIDDEN', 'Only a signed-in user has an email address to verify');
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: auth.userId }, select: { id: true, email: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) throw new AppError('CONFLICT', 'Your email address is already verified');
  await sendVerification(deps, user);
  return { detail: `A verification link was sent to ${user.email}.` };
}
