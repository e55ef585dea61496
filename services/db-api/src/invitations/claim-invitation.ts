import type { Invitation, Prisma } from '@vocalia/db';
import { sha256Hex } from '../credentials/refresh-token';
import { invalidMailedToken } from '../mail/mailed-token';

/** The invitation a token names, if it can still be accepted. */
export async function findUsableInvitation(db: Prisma.TransactionClient, token: string, now: Date): Promise<Invitation> {
  const row = await db.invitation.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= now) throw invalidMailedToken();
  return row;
}

/** Inside a transaction: marks it accepted, once (a concurrent second use fails). */
export async function claimInvitation(tx: Prisma.TransactionClient, token: string, now: Date): Promise<Invitation> {
  const row = await findUsableInvitation(tx, token, now);
  const claimed = await tx.invitation.updateMany({ where: { id: row.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
  if (claimed.count === 0) throw invalidMailedToken();
  return row;
}
