import { randomUUID } from 'node:crypto';
import type { Prisma } from '@vocalia/db';
import type { TokenPair } from '@vocalia/contracts';
import type { Deps } from '../deps';
import { signAccessToken } from './access-token';
import { newRefreshToken } from './refresh-token';

const DAY_MS = 86_400_000;

export interface IssueTokensInput {
  userId: string;
  tenantId: string;
  /** The login this refresh token descends from; a new login starts a new family. */
  familyId?: string;
}

/** A short-lived RS256 access token and a new refresh token (stored as its sha256) in the given family. */
export async function issueTokens(
  deps: Pick<Deps, 'env' | 'jwt' | 'clock'>,
  db: Prisma.TransactionClient,
  input: IssueTokensInput,
): Promise<TokenPair & { refreshTokenId: string }> {
  const now = deps.clock();
  const refresh = newRefreshToken();
  const row = await db.refreshToken.create({
    data: {
      userId: input.userId,
      tenantId: input.tenantId,
      familyId: input.familyId ?? randomUUID(),
      tokenHash: refresh.hash,
      expiresAt: new Date(now.getTime() + deps.env.REFRESH_TOKEN_TTL_DAYS * DAY_MS),
    },
    select: { id: true },
  });
  return {
    accessToken: signAccessToken(deps.jwt, { userId: input.userId, tenantId: input.tenantId }, now),
    refreshToken: refresh.token,
    expiresIn: deps.jwt.accessTtlSec,
    refreshTokenId: row.id,
  };
}
