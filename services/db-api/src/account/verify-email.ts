import type { VerifyEmailRequest } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { useAccountToken } from './account-token';

/** The link mailed at registration (or on request): marks the address verified. */
export async function verifyEmail(deps: Deps, input: VerifyEmailRequest): Promise<void> {
  const now = deps.clock();
  await deps.prisma.$transaction(async (tx) => {
    const userId = await useAccountToken(tx, input.token, 'verify_email', now);
    await tx.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  });
}
