import type { Prisma } from '@vocalia/db';

/** Every refresh token of the user, in every tenant, stops working. */
export async function revokeEverySession(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<void> {
  await tx.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}
