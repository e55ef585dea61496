import type { AccountTokenPurpose, Prisma } from '@vocalia/db';
import type { Deps } from '../deps';
import { sha256Hex } from '../credentials/refresh-token';
import { invalidMailedToken, newMailedToken } from '../mail/mailed-token';

/** Stores a new single-use token for the user (only its hash) and returns it, for the mailed link. */
export async function createAccountToken(deps: Pick<Deps, 'prisma' | 'clock'>, userId: string, purpose: AccountTokenPurpose, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newMailedToken();
  const expiresAt = new Date(deps.clock().getTime() + ttlMs);
  await deps.prisma.accountToken.create({ data: { userId, purpose, tokenHash: hash, expiresAt } });
  return { token, expiresAt };
}

/** Inside a transaction: uses the token once (a second or concurrent use fails) and returns its user id. */
export async function useAccountToken(tx: Prisma.TransactionClient, token: string, purpose: AccountTokenPurpose, now: Date): Promise<string> {
  const row = await tx.accountToken.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) throw invalidMailedToken();
  const used = await tx.accountToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (used.count === 0) throw invalidMailedToken();
  return row.userId;
}
