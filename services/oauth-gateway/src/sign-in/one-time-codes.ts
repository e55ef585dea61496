import { randomBytes } from 'node:crypto';
import { SessionResponse } from '@vocalia/contracts';
import type { Redis } from '@vocalia/service-kit';

/** How long the browser has to exchange the code for its session. */
export const CODE_TTL_SEC = 60;

/** Sessions waiting for their browser in Redis under a random one-time code; GETDEL makes the exchange single-use even across replicas. */
export function oneTimeCodes(redis: Redis, keyPrefix: string) {
  const key = (code: string) => `${keyPrefix}oauth:code:${code}`;
  return {
    async issue(session: SessionResponse): Promise<string> {
      const code = randomBytes(32).toString('base64url');
      await redis.set(key(code), JSON.stringify(session), 'EX', CODE_TTL_SEC);
      return code;
    },
    /** The session, once; null for an unknown, used or expired code. */
    async redeem(code: string): Promise<SessionResponse | null> {
      const raw = await redis.getdel(key(code));
      return raw === null ? null : SessionResponse.parse(JSON.parse(raw));
    },
  };
}
export type OneTimeCodes = ReturnType<typeof oneTimeCodes>;
